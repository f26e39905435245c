"""What the dashboard and the report both show, built without Streamlit: figure builders (a tidy
frame in, a plotly Figure out), the highlighted text, the look (``theme``) and the escapers
(``escape``). ``ui/`` and ``report/`` import this package; it imports neither of them, and no
streamlit (ruff's banned-api and tests/test_layers.py keep it so)."""
