"""Who a source expression names: a person, an organisation, or nobody in particular.

``classify("Dr Eleanor Marsh")`` -> person; ``classify("the Brazilian Ministry of Science")``
-> organisation; ``classify("a spokesman for the BPI")`` -> anonymous (an unnamed person,
whatever their employer); ``classify("the study")`` -> organisation (a definite document the
article has identified); ``classify("a report")`` -> anonymous. The word lists are the
``sources`` lexicon (data/lexicons/sources.csv); the rules are in this module.

The head of the expression decides: the part before its first preposition or participle
("a spokesman | for the BPI"), and in it the last word ("Industry insiders" is a kind of
insider, not a person called Industry). No parser and no gazetteer: a one-word capitalised
name that is neither a country nor an acronym is taken for a person ("Ofcom" is misread).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from analysis import lexicon as lx

LEXICON = "sources"
# The lexicon's categories, declared so that a test can check the CSV uses exactly these.
CATEGORIES = ("anon_phrase", "anon_role", "anon_vague", "country", "document", "org_head", "title",
              "verb_cognitive", "verb_framing", "verb_neutral")
PRONOUNS = {"he": "he", "she": "she", "they": "they", "it": "it", "him": "he", "her": "she"}
FIRST_PERSON = frozenset("i we me us".split())
_WORD = re.compile(r"[\w&.-]+(?:['’]\w+)*", re.UNICODE)
# Words that end the head of a noun phrase ("a spokesman | for ...").
_HEAD_STOP = frozenset(
    """for at of from in with on by behind using who which that whose where based collected
    published seen familiar close working leading overseeing to into about than like
    after before during under over compiled released produced commissioned conducted
    gathered prepared issued carried""".split()
)
# Inside a capitalised name these connect its parts ("Ministry of Science and Technology").
_NAME_GLUE = frozenset("of for and de del della da von van der al bin le la du on the".split())
# Capitalised words that are not names (sentence starts, days, months, weekdays).
STOPWORDS = frozenset(
    """the a an but and or so yet however meanwhile instead still then now when while if as
    because although though after before since also even in on at for with by from of to
    this that these those there here it its his her their our my your we they he she i
    one some many most all both each every no not only just indeed yes well still
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december last next new aside despite
    unlike moreover furthermore overall perhaps finally later earlier today yesterday
    tomorrow recently previously currently why how what where which who whom whose
    although unless until once such other another more less""".split()
)
DEFINITE = frozenset("the this that these those its their his her our".split())
INDEFINITE = frozenset("a an one some another several many".split())
DETERMINERS = DEFINITE | INDEFINITE


@functools.cache
def words_of(category: str) -> frozenset[str]:
    """The terms of one category of the ``sources`` lexicon."""
    return frozenset(e.term for e in lx.load(LEXICON).entries if e.category == category)


@dataclass(frozen=True)
class Named:
    """The verdict on one expression. ``kind`` is ``person``, ``organisation``,
    ``anonymous``, ``pronoun`` or ``""`` (not a source); ``name`` is the name found in it
    (with any title written before it), else the expression itself; ``role`` says the
    head is a description (a title, a role) that an apposition may name."""

    kind: str
    name: str
    why: str
    role: bool = False


def _bare(word: str) -> str:
    w = word.lower().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w


def _capitalised(word: str) -> bool:
    """A word that may be part of a name: capitalised, not a function word, not an
    adverb in -ly at a sentence's head ("Strikingly", "Ultimately")."""
    bare = _bare(word)
    return word[:1].isupper() and bare not in STOPWORDS and not (bare.endswith("ly") and len(bare) > 6)


def _acronym(word: str) -> bool:
    core = re.sub(r"[.&-]", "", word)
    return len(core) >= 2 and core.isupper() and core.isalpha()


def head_words(words: list[str]) -> list[str]:
    """The words of the head: up to the first preposition or participle that is not
    inside a capitalised name."""
    out: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        if low in _HEAD_STOP and i > 0:
            inside = (low in _NAME_GLUE and words[i - 1][:1].isupper()
                      and _bare(words[i - 1]) not in words_of("title")
                      and i + 1 < len(words) and words[i + 1][:1].isupper())
            if not inside:
                break
        out.append(w)
    return out


def name_run(words: list[str]) -> list[str]:
    """The last run of capitalised words (with the glue inside names, and a title written
    before it): ``Dr Colin Moran``, ``Ministry of Science and Technology``."""
    best: list[str] = []
    run: list[str] = []
    for w in words:
        if _capitalised(w) and not w.endswith(("’s", "'s")):
            run.append(w)
        elif run and w.lower() in _NAME_GLUE:
            run.append(w)
        else:
            if run:
                best = run
            run = []
    if run:
        best = run
    while best and best[-1].lower() in _NAME_GLUE:
        best = best[:-1]
    return best


@functools.lru_cache(maxsize=8192)
def classify(expr: str) -> Named:
    """Say whether ``expr`` (a noun phrase that speaks) names a person or an organisation,
    is an unnamed or vague source, a pronoun, or is not a source at all."""
    words = _WORD.findall(expr)
    if not words:
        return Named("", expr, "empty")
    low = [_bare(w) for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        return Named("pronoun", words[0], "pronoun")
    if low[0] in FIRST_PERSON and len(words) == 1:
        return Named("", expr, "the writer")
    det = low[0] if low[0] in DETERMINERS else ""
    head = head_words(words)
    hn = _bare(head[-1])
    run = name_run(head)
    titles = words_of("title")
    places = words_of("country")
    if " ".join(low) in places or all(_bare(w) in places or w.lower() == "and" for w in words):
        return Named("organisation", expr.strip(), "a country or seat of government")
    if hn in words_of("anon_role") or hn in words_of("anon_vague"):
        return Named("anonymous", expr.strip(), f"'{hn}': a source without a name")
    if hn in words_of("document"):
        named = name_run(words[len(head):]) or run
        if named:
            return Named("organisation", " ".join(named), "a document with a named author")
        if det in DEFINITE:
            return Named("organisation", expr.strip(), "a definite document the article identifies")
        return Named("anonymous", expr.strip(), "an unidentified document")
    if hn in titles or " ".join(low[-2:]) in titles:
        return Named("anonymous", expr.strip(), f"'{hn}': a role without a name", role=True)
    if run and _bare(run[-1]) == hn:
        text = " ".join(run)
        idx = head.index(run[0])
        if idx > 0 and _bare(head[idx - 1]) in titles and head[idx - 1][:1].isupper():
            text = f"{head[idx - 1]} {text}"
        org_words = words_of("org_head")
        if (any(_bare(w) in org_words or _acronym(w) for w in run) or det == "the"
                or " ".join(_bare(w) for w in run) in places or "&" in text):
            return Named("organisation", text, "a capitalised institution name")
        return Named("person", text, "a capitalised personal name")
    if hn in words_of("org_head"):
        if det in INDEFINITE:
            return Named("anonymous", expr.strip(), f"an unnamed {hn}")
        return Named("organisation", expr.strip(), f"'{hn}': an identified institution")
    return Named("", expr, "no name, role or institution in it")


def subject_run(expr: str) -> str:
    """The leading noun phrase of a clause (``Brazil and Peru`` of ``Brazil and Peru have
    called for ...``): determiners, capitalised words, the glue inside names and the
    lexicon's source nouns (``the government prosecutor``), up to the first other word."""
    nouns = _subject_nouns()
    out: list[str] = []
    for w in _WORD.findall(expr):
        low = w.lower()
        if _capitalised(w) or low in _NAME_GLUE or low in DETERMINERS or _bare(w) in nouns:
            out.append(w)
        else:
            break
    while out and out[-1].lower() in _NAME_GLUE:
        out.pop()
    return " ".join(out)


@functools.cache
def _subject_nouns() -> frozenset[str]:
    """The lexicon's source nouns that may stand in a subject (``the government prosecutor``)."""
    return (words_of("anon_role") | words_of("org_head") | words_of("document")
            | words_of("title") | words_of("anon_vague"))
