"""Methods: what every registered measure counts, how, with which lexicon and licence, its
known limits, its sub-scales, how to cite it, and how well it agrees with human judgement.
Built from analysis.measures.REGISTRY, the lexicon manifest and data/validation.json (read
once), so it cannot fall behind the code; the researcher's own dictionaries, when there are
any, follow with their methods sentences."""

import pandas as pd
import streamlit as st

import analysis
from analysis.measures import REGISTRY
from analysis.validate import stored
from report import methods as report_methods
from ui import dictionaries, methods, page

page.setup("Methods")

with page.guard("the Methods page"):
    st.title("Methods")
    st.markdown(
        "Every figure in Narrative Lens comes from one of the measures below. Each paragraph is scored "
        "on its own; article-level figures pool all words (rates), all sentences (sentiment) or the whole "
        "text (readability). A value that cannot be computed is shown as n/a, never as 0. Every "
        "highlighted word on the Read page is one row of evidence behind these numbers.")
    own = dictionaries.applied()
    measures = (*REGISTRY, *own)
    versions = analysis.versions(measures)
    st.markdown(f"**Cite the tool**: Narrative Lens, analysis version {versions['analysis']}; record the "
                "measure and lexicon versions below with any figure you publish (they are also in every "
                "export's metadata).")
    validation = stored.load()
    with st.expander("Versions of this installation (analysis, measures, lexicons, libraries)"):
        st.dataframe(pd.DataFrame(sorted(versions.items()), columns=["component", "version"]),
                     hide_index=True, width="stretch")
    with st.expander("A methods paragraph to paste into a paper (with references and validation figures)"):
        st.caption("Generated from the measures, the lexicon manifest and data/validation.json (and your "
                   "dictionaries, when you have added any); the same text closes every report. Copy with the "
                   "button at the top right of the box.")
        st.code(report_methods.as_text(validation, measures=measures, versions=versions), language=None,
                wrap_lines=True)
    for measure in REGISTRY:
        methods.measure_section(measure, validation)
    if own:
        st.header("Your dictionaries")
        st.caption("Applied on every page beside the measures above; added, edited and removed on the "
                   "Dictionaries page.")
        for measure in own:
            methods.dictionary_section(measure)
