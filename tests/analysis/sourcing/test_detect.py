"""detect: one source per sentence, and quotations assigned to the mention that is kept."""

from analysis.sourcing import detect
from analysis.text import paragraph


def test_one_source_per_sentence():
    text = "Ms. Atimadi says women are victims and she says she sees no end. She says it again."
    found = detect.detect(paragraph(text))
    assert [(s.text, s.kind) for s in found.sources] == [("Ms. Atimadi", "person"), ("She", "person")]


def test_the_named_mention_is_kept_over_a_pronoun_for_it():
    text = "They believe he fled, the federal officials have said."
    found = detect.detect(paragraph(text, "Federal officials said the hunt went on."))
    assert [(s.text, s.kind) for s in found.sources] == [("the federal officials", "anonymous")]


def test_a_quotation_keeps_its_speaker_when_mentions_merge():
    text = "“It works,” he said, and he added that it was cheap."
    found = detect.detect(paragraph(text, "Ann Lee runs the clinic."))
    assert len(found.sources) == 1
    assert detect.speaker_name(found.quotes[0].speaker) == "Ann Lee"
