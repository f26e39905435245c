"""The login box: shown only where secrets.toml has an [auth] section."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "app.py"

AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 32,
        "client_id": "lens", "client_secret": "s",
        "server_metadata_url": "https://id.example.org/.well-known/openid-configuration"}


def _sidebar_text(at: AppTest) -> str:
    return " ".join(str(c.value) for c in at.sidebar.caption) + " " + " ".join(b.label for b in at.sidebar.button)


def test_no_login_controls_without_auth_section():
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    text = _sidebar_text(at)
    assert "Log in" not in text and "Login" not in text


def test_auth_section_offers_login_or_says_what_is_missing():
    import importlib.util

    at = AppTest.from_file(str(APP), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.run()
    assert not at.exception
    text = _sidebar_text(at)
    if importlib.util.find_spec("authlib") is None:
        assert "Authlib package it needs is not installed" in text
    else:
        assert "Log in" in text
