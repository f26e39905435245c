"""Sentiment: VADER compound score, averaged over the paragraph's sentences.

VADER (Hutto & Gilbert, ICWSM 2014; vaderSentiment 3.3.2, MIT) rates a sentence from -1
(most negative) to +1 (most positive) from a lexicon of ~7,500 human-rated words and
rules for negation, intensifiers, "but", capitals and punctuation. Its compound score
saturates on long strings, so, as its authors advise, each sentence is scored on its own
and the paragraph's value is the mean over its sentences. Curly apostrophes are
straightened first so "isn’t" is read as a negation.

Names are not opinions (measure 1.1): before VADER reads a sentence, the words of its names
and fixed terms that VADER would score are replaced by a neutral word
(:mod:`analysis.measures.names`): "Security" and "Safety" in "the National Cyber Security
Centre and the AI Safety Institute", "United" in United States, "Innovation" in a ministry's
name, "intelligence" in artificial intelligence, "interest" in interest rates. Capitalised
names are found only in running text: in a Title Case or all-capital headline the capitals
say nothing, and only the fixed terms are masked there.

Evidence: each word found in VADER's lexicon, with its lexicon valence (-4..+4) adjusted
by the rules we can attribute to one word: negated in the three words before (x -0.74,
VADER's N_SCALAR), before a "but" (x0.5) or after it (x1.5). A masked word is evidence of
category ``name`` with weight 0 and the name it belongs to as the reason.

Range -1..+1; higher = more positive. NaN for a paragraph without a word.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib.metadata import version

from vaderSentiment import vaderSentiment as vader

from analysis.measures import names
from analysis.measures.base import NAN, Column, Evidence, Measure, Scored
from analysis.measures.names import Name
from analysis.text import Document, Paragraph, Span

NAME = "sentiment"
# 1.1: names and fixed terms masked before VADER reads a sentence (before: "vader-3.3.2").
VERSION = f"1.1+vader-{version('vaderSentiment')}"
_NEGATE = frozenset(vader.NEGATE)  # a cheap pre-check before VADER's own negated()
NEGATIVE, POSITIVE = -0.05, 0.05  # VADER's own thresholds for a negative/positive sentence


@functools.cache
def analyzer() -> vader.SentimentIntensityAnalyzer:
    return vader.SentimentIntensityAnalyzer()


def _for_vader(sentence: str) -> str:
    return sentence.replace("’", "'").replace("‘", "'")


def _placeholder(word: str) -> str:
    """A word VADER does not know, in the case of ``word`` (so its rule for words in capitals
    sees the sentence as before)."""
    if word.isupper() and len(word) > 1:
        return "NAME"
    return "Name" if word[:1].isupper() else "name"


def masked(par: Paragraph, sentence: Span, found: list[Name], lexicon: dict[str, float]) -> str:
    """The sentence's text with every word of its names and fixed terms that VADER would
    score replaced by a neutral placeholder."""
    text = par.text
    if not found:
        return text[sentence.start:sentence.end]
    pieces, last = [], sentence.start
    for n in found:
        for start, end, word in par.tokens_within(n.start, n.end):
            if word in lexicon:
                pieces += [text[last:start], _placeholder(text[start:end])]
                last = end
    return "".join(pieces) + text[last:sentence.end]


def sentence_names(par: Paragraph) -> list[list[Name]]:
    """The names and fixed terms of each sentence (offsets into the paragraph)."""
    return names.in_paragraph(par)


def _evidence(par: Paragraph, lexicon: dict[str, float], found: list[list[Name]]) -> list[Evidence]:
    out: list[Evidence] = []
    for s, in_names in zip(par.sentences, found, strict=True):
        toks = par.tokens_within(s.start, s.end)
        words = [w for _, _, w in toks]
        but = words.index("but") if "but" in words else -1
        for i, (start, end, word) in enumerate(toks):
            valence = lexicon.get(word)
            if valence is None or word == "but":
                continue
            name = next((n for n in in_names if n.start <= start < n.end), None) if in_names else None
            if name is not None:
                out.append(Evidence(start, end, "name", par.text[start:end], 0.0, name.reason,
                                    par.in_quote(start, end)))
                continue
            weight, notes = valence, []
            window = words[max(0, i - 3) : i]
            # cheap pre-checks (a negation word, or "n't" in a word) before VADER's own
            if (not _NEGATE.isdisjoint(window) or "n't" in "\0".join(window)) and vader.negated(window):
                weight *= vader.N_SCALAR
                notes.append("negated (x-0.74)")
            if but >= 0:
                weight *= 0.5 if i < but else 1.5
                notes.append("before 'but' (x0.5)" if i < but else "after 'but' (x1.5)")
            category = "positive" if weight > 0 else "negative"
            out.append(Evidence(start, end, category, par.text[start:end], round(weight, 3),
                                "; ".join(notes), par.in_quote(start, end)))
    return out


def sentence_scores(par: Paragraph, found: list[list[Name]] | None = None) -> list[float]:
    """VADER's compound for each sentence, its names and fixed terms masked."""
    sia = analyzer()
    found = sentence_names(par) if found is None else found
    return [sia.polarity_scores(_for_vader(masked(par, s, f, sia.lexicon)))["compound"]
            for s, f in zip(par.sentences, found, strict=True)]


def score(par: Paragraph) -> Scored:
    found = sentence_names(par) if par.words else []
    scores = sentence_scores(par, found) if par.words else []
    n = len(scores)
    values: dict[str, float | str] = {
        NAME: sum(scores) / n if n else NAN,
        "sentiment_min": min(scores) if n else NAN,
        "negative_share": sum(s <= NEGATIVE for s in scores) / n if n else NAN,
        "positive_share": sum(s >= POSITIVE for s in scores) / n if n else NAN,
        "sentences": float(n),
    }
    return Scored(values, _evidence(par, analyzer().lexicon, found) if n else [])


def summarize(doc: Document, scored: Sequence[Scored]) -> dict[str, float | str]:
    """Article level: the mean over all sentences (paragraph means weighted by sentences)."""
    values = [s.values for s in scored if s.values["sentences"]]
    n = sum(float(v["sentences"]) for v in values)
    if not n:
        return {NAME: NAN, "sentiment_min": NAN, "negative_share": NAN, "positive_share": NAN,
                "sentences": 0.0}

    def pooled(col: str) -> float:
        return sum(float(v[col]) * float(v["sentences"]) for v in values) / n

    return {
        NAME: pooled(NAME),
        "sentiment_min": min(float(v["sentiment_min"]) for v in values),
        "negative_share": pooled("negative_share"),
        "positive_share": pooled("positive_share"),
        "sentences": n,
    }


MEASURE = Measure(
    name=NAME,
    version=VERSION,
    columns=(
        Column(NAME, "Sentiment", "VADER compound, mean over sentences", -1, 1,
               "higher = more positive",
               "Mean VADER compound score of the paragraph's sentences.", digits=3),
        Column("sentiment_min", "Most negative sentence", "VADER compound", -1, 1,
               "lower = a more negative sentence", "The lowest sentence compound in the paragraph.",
               digits=3),
        Column("negative_share", "Negative sentences", "share of sentences", 0, 1,
               "higher = more negative sentences", "Share of sentences with compound <= -0.05."),
        Column("positive_share", "Positive sentences", "share of sentences", 0, 1,
               "higher = more positive sentences", "Share of sentences with compound >= 0.05."),
        Column("sentences", "Sentences", "count", 0, None, "", "Sentences in the paragraph (our splitter)."),
    ),
    score=score,
    summarize=summarize,
    citation=(
        "Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment "
        "Analysis of Social Media Text. ICWSM-14."
    ),
    method=("Mean of VADER compound over sentences; compound = normalised sum of rule-adjusted "
            "valences; the words of names and fixed terms are masked first."),
    methods=("Sentiment is VADER's compound score (Hutto & Gilbert 2014), -1 to +1, computed per "
             "sentence and averaged over a paragraph's sentences; before scoring, words that are part "
             "of a capitalised name in running text or of a fixed technical or institutional term "
             "('National Cyber Security Centre', 'artificial intelligence', 'interest rates') are "
             "replaced by a neutral word, so that names are not read as opinions."),
    references=(
        "Hutto, C. J. & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment "
        "analysis of social media text. Proceedings of the Eighth International AAAI Conference on "
        "Weblogs and Social Media (ICWSM-14).",
    ),
    limits=(
        "Built for social media: its authors report r = 0.492 against human ratings of NYT "
        "editorial sentences, far below its agreement on tweets. Treat paragraph values on news "
        "as a rough signal of tone; read the evidence words. Names are found by capitals, so a "
        "name in a Title Case headline ('United Finds Good Connection') or a name written in "
        "lower case is still scored, and a capitalised word used as a word ('Hope' as a name "
        "vs 'Great' after a colon) may be misread."
    ),
)
