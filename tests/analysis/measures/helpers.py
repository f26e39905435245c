"""Score one paragraph with one measure, the way the pipeline does."""

from analysis.text import segment


def score(measure, text):
    doc = segment(text)
    assert len(doc.paragraphs) == 1, doc.paragraphs
    par = doc.paragraphs[0]
    return par, measure.score(par)


def hits(measure, text):
    """(term, category, weight, note) of every evidence span."""
    _, scored = score(measure, text)
    return [(e.term, e.category, e.weight, e.note) for e in scored.evidence]
