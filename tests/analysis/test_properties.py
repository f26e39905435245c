"""Properties that hold for any text."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis.measures import alarm, hedging
from analysis.text import segment

WORDS = ["the", "minister", "may", "said", "threat", "no", "crisis", "about", "12", "experts",
         "warn", "reportedly", "“quote”", "May", "3", "not", "a", "minor", "breach", "panic",
         "according", "to", "sources", "good", "bad", "war", ",", ".", "!", "?", "\n", "\n\n", "’s"]

texts = st.lists(st.sampled_from(WORDS), min_size=0, max_size=60).map(" ".join)
settings.register_profile("nl", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("nl")


@given(texts)
def test_evidence_offsets_slice_the_original_text(text):
    result = analysis.analyze(text)
    for row in result.evidence.itertuples():
        assert text[row.start : row.end] == row.term
        par = result.paragraphs.iloc[row.paragraph - 1]  # numbered from 1
        assert par.start <= row.start and row.end <= par.end
    for row in result.paragraphs.itertuples():
        assert text[row.start : row.end] == row.text


@given(st.lists(st.sampled_from([w for w in WORDS if w.strip() and w not in ".!?"]),
                min_size=1, max_size=40).map(" ".join),
       st.sampled_from(["reportedly", "perhaps", "allegedly", "possibly", "might"]))
def test_adding_a_hedge_never_lowers_hedging_cue_total(body, hedge):
    """A hedge added as a sentence of its own adds its full weight and takes nothing away.
    (Added inside a sentence, a lower-case word can turn a Title Case fragment into running
    text and so change how its capitals read: "the May May" is a headline with two modals,
    "the May May reportedly" running text with two names; see
    tests/analysis/measures/test_names.py.)"""
    def total(text):
        pars = segment(text).paragraphs
        return sum(e.weight for p in pars for e in hedging.score(p).evidence)

    assert total(f"{body}. {hedge.capitalize()} so.") >= total(body) + 1.0


one_line = st.lists(st.sampled_from([w for w in WORDS if "\n" not in w]), min_size=1, max_size=60).map(
    lambda ws: " ".join(ws) + "."
)


@given(one_line)
def test_case_and_whitespace_do_not_change_hits(text):
    """Within one paragraph, the lexicon measures find the same cues whatever the case and
    spacing. ("May" is left out: its capital is exactly what tells the month from the modal.
    Segmentation is held fixed: an all-capitals line may rightly read as a heading.)"""

    def cues(t):
        out = []
        for par in segment(t).paragraphs:
            for module in (hedging, alarm):
                out += [re.sub(r"\s+", " ", e.term.lower()) for e in module.score(par).evidence
                        if e.term.lower() != "may"]
        return sorted(out)

    assert cues(text.replace(" ", "  ")) == cues(text)
    assert cues(text.upper()) == cues(text)
    assert cues(text.lower()) == cues(text)


# Lines of every kind a real page holds, joined at random by the line breaks pages use.
LINES = ["Lab accuses rival of copying its model", "CHINA STOLE OUR AI, SAYS LAB", "# Did China copy Claude?",
         "By Jane Doe | Updated 3 March 2026", "Updated 14:02 GMT", "PHOTO: REUTERS", "Read more: Why it matters",
         "— Jane Critic (@janecritic) March 3, 2026", "they took it lol", "‘You’ve stolen data too’",
         "What did the company say? The company, which makes the Claude chatbot, said three labs took part.",
         "What is distillation?", "Is this the end of open AI? Many experts think not, and say so often.",
         "LONDON (Reuters) - The company said it had closed 24,000 accounts.", "“A quotation that runs on",
         "and continues here,” she said.", "- a bullet point", "The rival denied it.", "   ", "***", "“", "?"]
pages = st.lists(st.tuples(st.sampled_from(LINES), st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", " \n \n"])),
                 min_size=0, max_size=14).map(lambda parts: "".join(line + sep for line, sep in parts))


@given(pages)
def test_every_part_of_a_page_slices_the_original_and_nothing_is_lost(raw):
    doc = segment(raw)
    parts = [*doc.paragraphs, *doc.headings, *doc.furniture, *([doc.headline] if doc.headline else [])]
    for part in parts:
        assert raw[part.start : part.end] == part.text
    spans = sorted((p.start, p.end) for p in parts)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert [p.index for p in doc.paragraphs] == list(range(len(doc.paragraphs)))
    if doc.headline is not None:
        assert (doc.headline.index, doc.headline.kind) == (-1, "headline")
        assert doc.headline.start < min((p.start for p in doc.paragraphs), default=len(raw))
    for par in [*doc.paragraphs, *([doc.headline] if doc.headline else [])]:
        for span in [*par.sentences, *par.quotes, *([par.dateline] if par.dateline else [])]:
            assert 0 <= span.start < span.end <= len(par.text)
        assert all(par.text[s:e].lower().replace("’", "'") == w for s, e, w in par.tokens)
    # every word of the page is in exactly one part: a headline, heading, paragraph or block
    for m in re.finditer(r"\w+", raw):
        assert sum(p.start <= m.start() and m.end() <= p.end for p in parts) == 1, m.group()
