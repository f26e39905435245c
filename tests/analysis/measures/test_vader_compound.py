"""Our compound score equals vaderSentiment's own, bit for bit, on real and generated text."""

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.measures import sentiment
from analysis.measures.vader_compound import Compound

ROOT = Path(__file__).resolve().parents[3]
SENTIMENT_SETS = ROOT / "data" / "eval" / "sentiment"
VADER = SentimentIntensityAnalyzer()
FAST = Compound(VADER)


def library(text: str) -> float:
    return VADER.polarity_scores(text)["compound"]


def same(a: float, b: float) -> bool:
    """Equal and of the same sign when zero (repr tells 0.0 from -0.0)."""
    return repr(a) == repr(b)


def real_sentences() -> list[str]:
    nyt = (SENTIMENT_SETS / "nyt_editorial_snippets.tsv").read_text(encoding="utf-8").splitlines()
    out = [line.split("\t", 2)[2] for line in nyt if line.count("\t") >= 2]
    with (SENTIMENT_SETS / "emobank_news.csv").open(encoding="utf-8", newline="") as fh:
        out += [row["text"] for row in csv.DictReader(fh)]
    return out


def test_every_validation_sentence_scores_as_the_library_does():
    sentences = real_sentences()
    assert len(sentences) > 7000
    differ = [s for s in sentences if not same(FAST(s), library(s))]
    assert differ == []
    assert sum(library(s) != 0 for s in sentences) > 4000  # the check is not on zeros alone


RULES = [
    # one sentence per rule of VADER's, each with a lexicon word the rule changes
    "The plan is not good.", "It isn’t bad.", "It isn't bad at all.", "Never so good.",
    "It was never this bad.", "Without doubt a great idea.", "Without a doubt, a great idea.",
    "No good deed goes unpunished.", "No, good.", "There was no hope or joy.", "no",
    "At least it isn't a horrible book.", "The least good option.", "At the very least, fine.",
    "The food was GOOD but the service was HORRIBLE!!!", "It was kind of good.",
    "Kind of a disaster, sort of fun.", "It was VERY good.", "It was extremely bad?",
    "Really?? Truly awful???", "Wow!!!!!", "That movie was the bomb.", "He is a bad ass.",
    "What a badass!", "Meet at the bus stop.", "Yeah right, great.", "The kiss of death.",
    "A cake to die for.", "A beating heart.", "It was just enough luck.", "hardly good",
    "barely ok :)", "Good :( bad :D", "SO HAPPY", "so happy", "ALL CAPS AND GOOD",
    "Not good, but not bad.", "but", "Good but, but bad.", "", "   ", "!!!", "😁 good 💘",
    "I love it 😁", "Nothing good.", "Nor good nor bad.", "The despite bad.", "uh-uh good",
    "It mayn't be good.", "You wouldn't've liked the bad news.",  # "n't" outside VADER's list
]


@pytest.mark.parametrize("text", RULES)
def test_each_rule_scores_as_the_library_does(text):
    assert same(FAST(text), library(text))


WORDS = ["no", "not", "never", "so", "this", "without", "doubt", "least", "at", "very", "kind",
         "of", "sort", "but", "BUT", "or", "nor", "good", "GOOD", "Good", "bad", "BAD", "great",
         "horrible", "isn't", "don't", "isn’t", "the", "shit", "bomb", "ass", "bus", "stop",
         "yeah", "right", "kiss", "death", "to", "die", "for", "beating", "heart", "just",
         "enough", "kinda", "extremely", "EXTREMELY", "slightly", "hardly", "most", "less",
         "little", "uber", "FRIGGIN", "happy", "sad", "love", "hate", "dead", "kill", "fine",
         "ok", "lol", "!", "?", "!!!", "??", ":)", ":D", "(good)", "'great'", "good,", "bad.",
         "...", "😁", "💘", "\t", "a", "it", "was", "he", "said", "mayn't", "wouldn't've"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join))
def test_generated_rule_combinations_score_as_the_library_does(text):
    assert same(FAST(text), library(text))


def test_the_measure_uses_it_on_each_sentence():
    from analysis.text import segment

    par = segment("It was not good. But the team was GREAT!! Nobody died.").paragraphs[0]
    expected = [library(sentiment._for_vader(t)) for t in par.sentence_texts()]
    assert sentiment.sentence_scores(par) == expected
