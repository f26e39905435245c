"""Word forms the comparison works on: stop words and number normalisation.

No model and no download: the stop-word list is written here (English function words:
articles, pronouns, auxiliaries, prepositions, conjunctions and a few reporting fillers
such as "said" and "according"). Inflections ("repairs"/"repaired") are left to the
character n-grams of the alignment rather than to a stemmer.
"""

from __future__ import annotations

import functools
import re

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you
    your yours yourself yourselves 's 'll 're 've 'd s t don't didn't isn't wasn't weren't
    won't can't cannot couldn't wouldn't shouldn't hasn't haven't hadn't doesn't aren't
    one said says say told tell according mr mrs ms dr per cent percent may might must
    shall upon onto via yet still ever even""".split()
)

# Words that name a role beside a person's name ("chief executive Ingrid Vos"): like the
# name, they say who, not what was claimed (``align``'s rule that a match shares more than
# names).
ROLE_WORDS = frozenset(
    """chief executive ceo chairman chairwoman chair president director founder head boss
    spokesperson spokesman spokeswoman minister secretary official officials analyst
    analysts manager executive officer councillor senator governor mayor professor""".split()
)

# Dates and units of time say when, not what: like names, they do not make two passages
# the same claim ("on Tuesday", "last year").
WHEN_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december today yesterday tomorrow tonight
    morning afternoon evening night day days week weeks month months year years time
    weekend""".split()
)

# Spelled-out numbers become digits so that "twenty minutes" meets "20 minutes".
NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
     "eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000", "million": "1000000",
     "billion": "1000000000"}

_DIGIT_RUNS = re.compile(r"\d+|[^\d]+")


@functools.lru_cache(maxsize=65536)
def normal(word: str) -> tuple[str, ...]:
    """The forms a lowercase token contributes to the alignment: the possessive and
    apostrophes dropped, a spelled-out number as digits ("twenty" -> "20"), and a number
    glued to a unit split off it ("400gb" -> "400", "gb")."""
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    if word in NUMBER_WORDS:
        return (NUMBER_WORDS[word],)
    if any(ch.isdigit() for ch in word) and not word.isdigit():
        return tuple(_DIGIT_RUNS.findall(word))
    return (word,)


def is_content(word: str) -> bool:
    """A word that carries content: not a stop word, and a number or 2+ characters."""
    return word not in STOP_WORDS and (len(word) > 1 or word.isdigit())


def char_ngrams(word: str, lo: int, hi: int) -> list[str]:
    """The character ``lo``- to ``hi``-grams of a word padded with a space on each side
    (" stole " -> " st", "sto", ...), so that a word's start and end are grams of their own."""
    padded = f" {word} "
    return [padded[i : i + n] for n in range(lo, hi + 1) for i in range(len(padded) - n + 1)]
