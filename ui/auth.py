"""Log in and out, where the deployment configures Streamlit's built-in login.

Login is on when ``.streamlit/secrets.toml`` has an ``[auth]`` section (an OpenID Connect
provider: ``redirect_uri``, ``cookie_secret``, ``client_id``, ``client_secret``,
``server_metadata_url``; see docs/deployment.md). Then the sidebar offers "Log in", and
saved workspaces belong to the account's e-mail (``ui.coverage.owner_key``). Without it,
nothing is shown and everything stays per browser session.
"""

from __future__ import annotations

import importlib.util

import streamlit as st

from views.escape import md


def configured() -> bool:
    """True when secrets.toml has an [auth] section (never raises without a secrets file)."""
    try:
        return bool(st.secrets.load_if_toml_exists() and "auth" in st.secrets)
    except Exception:  # noqa: BLE001 - an unreadable secrets file means no login, not a broken page
        return False


def account_box() -> None:
    """Sidebar controls: who is signed in and a log-out button, or a log-in button."""
    if not configured():
        return
    if importlib.util.find_spec("authlib") is None:
        st.caption("Login is configured in secrets.toml, but the Authlib package it needs is not "
                   "installed on the server; workspaces stay per browser session.")
        return
    if st.user.is_logged_in:
        who = str(st.user.get("email") or st.user.get("name") or "signed in")
        st.caption(f"Signed in as **{md(who)}**; your saved workspaces belong to this account.")
        st.button("Log out", on_click=st.logout, icon=":material/logout:", key="auth_logout")
    else:
        st.caption("Log in to keep saved workspaces under your account; without it they belong to "
                   "this browser session.")
        st.button("Log in", on_click=st.login, icon=":material/login:", key="auth_login")
