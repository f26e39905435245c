"""mentions: speech or scare quote, single quotation marks, unnamed-source phrases, one-word
institutions and definite descriptions (hand-checked)."""

from analysis.sourcing import detect, mentions
from analysis.text import Span, paragraph


def test_single_quotation_marks_and_apostrophes():
    text = "'You've stolen data too': authors turn on the firm's rivals' claims"
    assert [text[s.start : s.end] for s in mentions.single_quotes(text)] == ["'You've stolen data too'"]
    assert mentions.single_quotes("the '80s and '90s were loud") == []  # left open: dropped
    assert mentions.single_quotes("workers' rights and bosses' pay") == []


def test_single_marks_count_only_where_no_double_marks_are_used():
    text = "He said “it was ‘safe’ then,” and left."
    found = detect.detect(paragraph(text))
    assert [text[q.start : q.end] for q in found.quotes] == ["“it was ‘safe’ then,”"]


def test_a_phrase_describing_the_source_before_it_adds_no_mention():
    text = "“It was a mistake,” said one former official, who asked not to be named because he was not authorised to speak."
    found = detect.detect(paragraph(text))
    assert [(s.text, s.kind) for s in found.sources] == [("one former official", "anonymous")]


def test_a_phrase_alone_is_still_a_source():
    text = "The plan, detailed in a document seen by the Guardian, would cut 500 jobs."
    found = detect.detect(paragraph(text))
    assert [(s.text, s.kind) for s in found.sources] == [("a document seen by the Guardian", "anonymous")]


def test_one_word_names_read_as_institutions_from_the_paragraph():
    assert [s.kind for s in detect.detect(paragraph("Crane said that in the past it considered a bid.")).sources] \
        == ["organisation"]
    par = paragraph("Courtaulds said the moves are logical.", "Courtaulds PLC announced a spin-off.")
    assert [s.kind for s in detect.detect(par).sources] == ["organisation"]
    assert [s.kind for s in detect.detect(paragraph("Howard said it was a travesty.")).sources] == ["person"]


def test_a_definite_description_takes_the_kind_of_the_name_it_refers_back_to():
    par = paragraph("The agency quoted witnesses as saying tanks patrol the streets.",
                    "Egypt's official Middle East News Agency said Saddam was the target.")
    [agency, witnesses] = detect.detect(par).sources
    assert (agency.kind, agency.resolved) == ("organisation", "Middle East News Agency")
    assert (witnesses.text, witnesses.kind) == ("witnesses", "anonymous")


def test_accept_splits_speech_from_scare_quotes():
    text = "Courtaulds is giving shareholders “choice and value,” said Julia Blake, who runs a “tronc” – a tip pool."
    par = paragraph(text)
    found = detect.detect(par)
    spans = [Span(q.start, q.end) for q in par.quotes]
    speech, scare = mentions.accept(par, spans, found.sources)
    assert [text[s.start : s.end] for s in speech] == ["“choice and value,”"]
    assert [text[s.start : s.end] for s in scare] == ["“tronc”"]
