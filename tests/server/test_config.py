"""The shipped server configuration: safe defaults, and an upload limit equal to the ingestion's."""

from __future__ import annotations

import tomllib
from pathlib import Path

from analysis.ingest import MAX_BYTES

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_upload_limit_equals_what_ingestion_accepts():
    """Streamlit counts server.maxUploadSize in MiB (its upload route multiplies by 1024 * 1024);
    a file the uploader lets through must not then be refused for size, and the reverse."""
    assert CONFIG["server"]["maxUploadSize"] * 1024 * 1024 == MAX_BYTES


def test_safe_defaults():
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert CONFIG["server"]["enableCORS"] is True
    assert CONFIG["client"]["showErrorDetails"] == "none"
    assert CONFIG["browser"]["gatherUsageStats"] is False


def test_streamlit_reads_the_shipped_values(monkeypatch):
    """The same file as Streamlit parses it (a misspelt key would be silently ignored)."""
    from streamlit import config

    monkeypatch.chdir(ROOT)  # Streamlit reads ./.streamlit/config.toml
    config.get_config_options(force_reparse=True)
    try:
        assert config.get_option("server.maxUploadSize") * 1024 * 1024 == MAX_BYTES
        assert config.get_option("server.enableXsrfProtection") is True
        assert config.get_option("server.enableCORS") is True
        assert config.get_option("client.showErrorDetails") == "none"
        assert config.get_option("browser.gatherUsageStats") is False
    finally:
        monkeypatch.undo()
        config.get_config_options(force_reparse=True)
