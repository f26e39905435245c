"""Reports researchers can paste: one self-contained HTML file (and its PDF) per article, and
the figure renderer shared with the dashboard's image downloads. Imports analysis and views/
(the Streamlit-free figure builders and highlighting), never ui/ nor streamlit."""
