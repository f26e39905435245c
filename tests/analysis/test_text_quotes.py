"""Quotation spans: carried over paragraph breaks, nested, mis-typed marks; sentence lookup."""

import pytest

from analysis.text import ends_open, paragraph, quote_spans, segment


def spans(text, carried=False):
    return [text[s.start : s.end] for s in quote_spans(text, carried)]


@pytest.mark.parametrize("text, expected", [
    ("“A,” he said. “B.”", ["“A,”", "“B.”"]),
    ('He said "go now" and left.', ['"go now"']),
    ("“Argentina rejects the “.patagonia” request,” it notes.", ["“Argentina rejects the “.patagonia” request,”"]),
    ("“A, “b” c, “d” e.”", ["“A, “b” c, “d” e.”"]),
    ("“A. “B.” “C.”", ["“A. ", "“B.”", "“C.”"]),  # lost paragraph breaks, not nesting
    ("the survey showed.” This is very encouraging,” said Dhakal.", ["” This is very encouraging,”"]),
    ("end of it all.” She left.", []),  # a stray closing mark opens nothing without a closer
])
def test_quote_spans(text, expected):
    assert spans(text) == expected


def test_carried_quotation_closes_at_the_first_closing_mark():
    assert spans("and so it ends.” She left.", carried=True) == ["and so it ends.”"]
    assert spans("“A new one,” she said.", carried=True) == ["“A new one,”"]  # reopened: no carry


def test_segment_carries_an_open_quotation_into_the_next_paragraph():
    doc = segment("He said: “This runs on.\n\nAnd on to the end.” She left.\n\n“New,” she said.")
    got = [[p.text[q.start : q.end] for q in p.quotes] for p in doc.paragraphs]
    assert got == [["“This runs on."], ["And on to the end.”"], ["“New,”"]]
    assert [p.previous_text for p in doc.paragraphs][1:] == [doc.paragraphs[0].text, doc.paragraphs[1].text]


def test_ends_open_and_standalone_paragraph():
    text = "He said: “This runs on."
    assert ends_open(text, quote_spans(text))
    par = paragraph("and ends here.” Done.", previous_text=text)
    assert [par.text[q.start : q.end] for q in par.quotes] == ["and ends here.”"]


def test_sentence_at():
    par = paragraph("One two. Three four. Five.")
    assert par.text[par.sentence_at(10).start : par.sentence_at(10).end] == "Three four."
    assert par.sentence_at(0).start == 0
