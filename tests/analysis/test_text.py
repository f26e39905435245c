import pytest

from analysis.text import quote_spans, segment, split_sentences, tokens


def texts(raw):
    return [p.text for p in segment(raw).paragraphs]


def test_blank_lines_and_single_newlines_both_split():
    raw = "First paragraph ends here.\nSecond one too.\n\n\nThird after blanks."
    assert texts(raw) == ["First paragraph ends here.", "Second one too.", "Third after blanks."]


def test_crlf_offsets_slice_the_original():
    raw = "Alpha beta gamma.\r\nDelta epsilon zeta.\r\n\r\nEta theta."
    doc = segment(raw)
    assert [raw[p.start : p.end] for p in doc.paragraphs] == [p.text for p in doc.paragraphs]
    assert texts(raw) == ["Alpha beta gamma.", "Delta epsilon zeta.", "Eta theta."]


def test_heading_is_recognised_not_scored():
    raw = "Storm hits the coast\n\nThe storm arrived at dawn. It was strong.\n\n## Aftermath\nRoads closed."
    doc = segment(raw)
    assert doc.headline.text == "Storm hits the coast"  # the first line is the headline, not a heading
    assert [h.text for h in doc.headings] == ["Aftermath"]
    assert texts(raw) == ["The storm arrived at dawn. It was strong.", "Roads closed."]
    # a paragraph's section is the last heading above it, else the headline
    assert [p.section for p in doc.paragraphs] == ["Storm hits the coast", "Aftermath"]


def test_hard_wrapped_lines_are_joined():
    raw = "The minister said the plan would\ncost far more than expected.\nA second paragraph."
    assert texts(raw) == ["The minister said the plan would\ncost far more than expected.", "A second paragraph."]


def test_bullets_are_paragraphs_without_their_mark():
    raw = "Key points:\n- prices rose sharply in May\n• wages did not"
    doc = segment(raw)
    assert [(p.kind, p.text) for p in doc.paragraphs][1:] == [
        ("bullet", "prices rose sharply in May"),
        ("bullet", "wages did not"),
    ]


def test_punctuation_only_lines_are_dropped():
    assert texts("Real text here.\n\n***\n\n---\n") == ["Real text here."]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It rained. Then it stopped.", ["It rained.", "Then it stopped."]),
        ("Dr. Eleanor Marsh spoke. She left.", ["Dr. Eleanor Marsh spoke.", "She left."]),
        ("The U.S. said no. China agreed.", ["The U.S. said no.", "China agreed."]),
        ("He said: \"Stop.\" Then he went.", ["He said: \"Stop.\"", "Then he went."]),
        ("Is it over? Nobody knows!", ["Is it over?", "Nobody knows!"]),
        ("Prices rose 3.5 per cent. Wages fell.", ["Prices rose 3.5 per cent.", "Wages fell."]),
        ("J. Smith wrote it. Fine.", ["J. Smith wrote it.", "Fine."]),
        ("no final stop", ["no final stop"]),
    ],
)
def test_sentences(text, expected):
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


def test_tokens_keep_offsets_and_straighten_apostrophes():
    text = "It isn’t\u00a0over"
    toks = tokens(text)
    assert [t[2] for t in toks] == ["it", "isn't", "over"]
    assert all(text[s:e].lower().replace("’", "'") == w for s, e, w in toks)


@pytest.mark.parametrize(
    "text, quoted",
    [
        ('He said "we will win" today.', ['"we will win"']),
        ("She said “no comment” and “later”.", ["“no comment”", "“later”"]),
        ("“This quote runs on to the next paragraph", ["“This quote runs on to the next paragraph"]),
        ("No quotes at all.", []),
    ],
)
def test_quote_spans(text, quoted):
    assert [text[q.start : q.end] for q in quote_spans(text)] == quoted


def test_bundled_article_has_ten_paragraphs(bundled_text):
    doc = segment(bundled_text)
    assert len(doc.paragraphs) == 10
    assert doc.headings == []
    assert doc.paragraphs[0].text.startswith("A dramatic escalation")
