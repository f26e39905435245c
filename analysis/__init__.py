"""Narrative Lens analysis: score a news article paragraph by paragraph, with evidence.

    >>> import analysis
    >>> result = analysis.analyze("Officials may have known. Experts warn of a grave threat.")
    >>> list(result.paragraphs.columns[:7])
    ['paragraph', 'start', 'end', 'kind', 'section', 'text', 'words']

Pure Python: no streamlit, no plotly, no network.
"""

from analysis.pipeline import (
    ANALYSIS_VERSION,
    Analysis,
    Many,
    analyze,
    analyze_many,
    versions,
    versions_digest,
)

__version__ = ANALYSIS_VERSION
__all__ = ["Analysis", "Many", "analyze", "analyze_many", "versions", "versions_digest", "__version__"]
