"""VADER's compound score of one sentence: the library's number, computed without its waste.

vaderSentiment 3.3.2's ``polarity_scores`` rebuilds its input one character at a time to
replace emoji, and its negation and idiom checks lowercase the whole sentence again for every
sentiment word (up to four copies per word), so a sentence of n words with k sentiment words
costs O(n k) string work. :class:`Compound` lowercases the words once and applies the same
rules (boosters, "no", capitals, the three words before, "never so", "without doubt", the
special-case idioms, "least", "but", ! and ?) in the same order with the same floating-point
operations, and leaves to the library what it can share: its lexicon, word tables,
``scalar_inc_dec``, ``_but_check``, the punctuation emphasis and ``normalize``. The result is
``polarity_scores(text)["compound"]`` bit for bit (tests/analysis/measures/test_vader_compound.py
checks every sentence of the NYT and EmoBank validation sets and generated rule combinations).
A sentence holding an emoji character is handed to the library itself.

Range -1..+1, rounded to 4 decimals as the library does; higher = more positive.
"""

from __future__ import annotations

import string

from vaderSentiment import vaderSentiment as vader

_NEGATE = frozenset(vader.NEGATE)
_BOOSTERS = vader.BOOSTER_DICT
_SPECIAL = vader.SPECIAL_CASES
_PUNCTUATION = string.punctuation
_SO_THIS = ("so", "this")


def _strip_punctuation(token: str) -> str:
    """A token without leading and trailing punctuation, unless that leaves two characters
    or fewer (an emoticon such as ":)" stays whole): VADER's word rule."""
    stripped = token.strip(_PUNCTUATION)
    return token if len(stripped) <= 2 else stripped


def _negated(word: str) -> bool:
    """VADER's ``negated([word])`` for one lowercase word."""
    return word in _NEGATE or "n't" in word


class Compound:
    """``Compound(analyzer)(sentence)``: the compound score of ``sentence`` as
    ``analyzer.polarity_scores(sentence)["compound"]`` gives it."""

    def __init__(self, analyzer: vader.SentimentIntensityAnalyzer) -> None:
        self.analyzer = analyzer
        self.lexicon: dict[str, float] = analyzer.lexicon
        # polarity_scores compares one character at a time: only one-character keys can match.
        self.emoji = frozenset(k for k in analyzer.emojis if len(k) == 1)

    def __call__(self, text: str) -> float:
        if not self.emoji.isdisjoint(text):
            return float(self.analyzer.polarity_scores(text)["compound"])
        text = text.strip()
        words = [_strip_punctuation(w) for w in text.split()]
        low = [w.lower() for w in words]
        cap_diff = vader.allcap_differential(words)
        lexicon = self.lexicon
        last = len(words) - 1
        sentiments: list[float] = []
        for i, word in enumerate(low):
            if word in _BOOSTERS or (i < last and word == "kind" and low[i + 1] == "of"):
                sentiments.append(0)
            elif word in lexicon:
                sentiments.append(self._valence(words, low, i, cap_diff))
            else:
                sentiments.append(0)
        if "but" in low:
            sentiments = vader.SentimentIntensityAnalyzer._but_check(words, sentiments)
        if not sentiments:
            return 0.0
        total = float(sum(sentiments))
        emphasis = self.analyzer._punctuation_emphasis(text)
        if total > 0:
            total += emphasis
        elif total < 0:
            total -= emphasis
        return round(vader.normalize(total), 4)

    def _valence(self, words: list[str], low: list[str], i: int, cap_diff: bool) -> float:
        """The valence of the lexicon word ``low[i]`` after VADER's rules (its
        ``sentiment_valence``)."""
        lexicon = self.lexicon
        word = low[i]
        valence = lexicon[word]
        if word == "no" and i != len(words) - 1 and low[i + 1] in lexicon:
            valence = 0.0  # "no" negates the next word instead of counting itself
        if ((i > 0 and low[i - 1] == "no") or (i > 1 and low[i - 2] == "no")
                or (i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor"))):
            valence = lexicon[word] * vader.N_SCALAR
        if words[i].isupper() and cap_diff:
            if valence > 0:
                valence += vader.C_INCR
            else:
                valence -= vader.C_INCR
        for back in range(3):
            if i > back and low[i - (back + 1)] not in lexicon:
                s = vader.scalar_inc_dec(words[i - (back + 1)], valence, cap_diff)
                if back == 1 and s != 0:
                    s = s * 0.95
                if back == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation(valence, low, back, i)
                if back == 2:
                    valence = _idioms(valence, low, i)
        return _least(valence, low, i, lexicon)


def _negation(valence: float, low: list[str], back: int, i: int) -> float:
    """VADER's ``_negation_check`` on the lowercase words."""
    if back == 0:
        if _negated(low[i - 1]):
            valence = valence * vader.N_SCALAR
    elif back == 1:
        if low[i - 2] == "never" and low[i - 1] in _SO_THIS:
            valence = valence * 1.25
        elif low[i - 2] == "without" and low[i - 1] == "doubt":
            pass
        elif _negated(low[i - 2]):
            valence = valence * vader.N_SCALAR
    else:
        if low[i - 3] == "never" and low[i - 2] in _SO_THIS or low[i - 1] in _SO_THIS:
            valence = valence * 1.25
        elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
            pass
        elif _negated(low[i - 3]):
            valence = valence * vader.N_SCALAR
    return valence


def _idioms(valence: float, low: list[str], i: int) -> float:
    """VADER's ``_special_idioms_check`` (``i >= 3``): a special-case phrase around the word
    sets its valence; a booster bigram or trigram before it adds to it."""
    one_zero = f"{low[i - 1]} {low[i]}"
    two_one_zero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
    two_one = f"{low[i - 2]} {low[i - 1]}"
    three_two_one = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
    three_two = f"{low[i - 3]} {low[i - 2]}"
    for seq in (one_zero, two_one_zero, two_one, three_two_one, three_two):
        if seq in _SPECIAL:
            valence = _SPECIAL[seq]
            break
    if len(low) - 1 > i:
        zero_one = f"{low[i]} {low[i + 1]}"
        if zero_one in _SPECIAL:
            valence = _SPECIAL[zero_one]
    if len(low) - 1 > i + 1:
        zero_one_two = f"{low[i]} {low[i + 1]} {low[i + 2]}"
        if zero_one_two in _SPECIAL:
            valence = _SPECIAL[zero_one_two]
    for n_gram in (three_two_one, three_two, two_one):
        if n_gram in _BOOSTERS:
            valence = valence + _BOOSTERS[n_gram]
    return valence


def _least(valence: float, low: list[str], i: int, lexicon: dict[str, float]) -> float:
    """VADER's ``_least_check``: "least" before a word negates it, except "at least" and
    "very least"."""
    if i > 1 and low[i - 1] not in lexicon and low[i - 1] == "least":
        if low[i - 2] != "at" and low[i - 2] != "very":
            valence = valence * vader.N_SCALAR
    elif i > 0 and low[i - 1] not in lexicon and low[i - 1] == "least":
        valence = valence * vader.N_SCALAR
    return valence
