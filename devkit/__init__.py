"""What the tests and the benchmarks share, so that neither imports the other: the browser kit
(a real ``streamlit run`` and Debian's Chromium), the load driver, the synthetic news corpus and
the ingestion fixtures (real files of every format, and hostile ones). Never imported by the
dashboard, the report or ``analysis``."""
