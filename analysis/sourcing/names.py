"""Who a source expression names: a person, an organisation, a government, a document, or
nobody in particular.

``classify("Dr Eleanor Marsh")`` -> person; ``classify("the Brazilian Ministry of Science")``
-> government; ``classify("Oxford Economics")`` -> organisation; ``classify("a spokesman for
the BPI")`` -> anonymous (an unnamed person, whatever their employer); ``classify("the
study")`` -> document (a definite document the article has identified); ``classify("a
report")`` -> anonymous; ``classify("a wave of critics")`` -> anonymous (what follows "of"
after a collective noun). The word lists are the ``sources`` lexicon
(data/lexicons/sources.csv); the rules are in this module.

The head of the expression decides: the part before its first preposition or participle
("a spokesman | for the BPI"), and in it the last word ("Industry insiders" is a kind of
insider, not a person called Industry). Governments are countries and seats of government
(``country``), named state bodies (``gov_name``: the FBI, Ofcom, the White House) and heads
that name a body of a state (``gov_head``: ministry, department, police, agency except a
news agency). No parser and no gazetteer: a one-word capitalised name that is none of these
and not an acronym is taken for a person here (:mod:`analysis.sourcing.detect` reads the
paragraph for signs that it is a company: "X said it", "X Inc." nearby).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from analysis import lexicon as lx

LEXICON = "sources"
# The lexicon's categories, declared so that a test can check the CSV uses exactly these.
CATEGORIES = ("anon_phrase", "anon_role", "anon_vague", "collective", "country", "document", "gov_head",
              "gov_name", "org_head", "place_abbrev", "title", "verb_cognitive", "verb_framing", "verb_neutral")
# The kinds a source can be, in the order the measure reports them.
KINDS = ("person", "organisation", "government", "document", "anonymous")
PRONOUNS = {"he": "he", "she": "she", "they": "they", "it": "it", "him": "he", "her": "she"}
FIRST_PERSON = frozenset("i we me us".split())
_WORD = re.compile(r"[\w&.-]+(?:['’]\w+)*", re.UNICODE)
# Words that end the head of a noun phrase ("a spokesman | for ...").
_HEAD_STOP = frozenset(
    """for at of from in with on by behind using who which that whose where based collected
    published seen familiar close working leading overseeing to into about than like
    after before during under over compiled released produced commissioned conducted
    gathered prepared issued carried attributed led citing quoting quoted cited""".split()
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
    although unless until once such other another more less soon shortly separately
    afterwards thus hence nonetheless nevertheless again likewise amid among against during
    under over through without within across following according based""".split()
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
    """Lower case, without a possessive 's and a final full stop ("Co." -> "co")."""
    w = word.lower().replace("’", "'")
    w = w[:-2] if w.endswith("'s") else w
    return w.rstrip(".") if len(w) > 1 else w


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
                      and i + 1 < len(words) and _capitalised(words[i + 1]))
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


_PHRASE_LEADS = DETERMINERS | frozenset("those people anyone someone somebody two three several".split())
_NEWS_BEFORE = frozenset("news press wire advertising travel ratings rating talent".split())
_PARTICIPLE_LEAD = re.compile(r"^[A-Z][a-z]{2,}(?:ing|ed)$")
_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][a-z.]+$")


@functools.lru_cache(maxsize=8192)
def classify(expr: str) -> Named:
    """Say whether ``expr`` (a noun phrase that speaks) names a person, an organisation, a
    government or a document, is an unnamed or vague source, a pronoun, or is not a source."""
    words = _WORD.findall(expr)
    if not words:
        return Named("", expr, "empty")
    low = [_bare(w) for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        return Named("pronoun", words[0], "pronoun")
    if low[0] in FIRST_PERSON and len(words) == 1:
        return Named("", expr, "the writer")
    if len(words) == 1 and words[0][1:2] == "-" and _PARTY_TAG.match(words[0]):
        return Named("", expr, "a party and state tag ('D-Ohio'), not a name")
    if words[0][-2:] in ("ed", "ng") and _PARTICIPLE_LEAD.match(words[0]) and (
            len(words) == 1 or words[1][:1].islower()):
        return Named("", expr, f"'{words[0]}' opens a participle phrase, not a name")
    det = low[0] if low[0] in DETERMINERS else ""
    head = head_words(words)
    hn = _bare(head[-1])
    if hn in words_of("collective") and len(words) > len(head) + 1 and low[len(head)] == "of":
        rest = classify(" ".join(words[len(head) + 1 :]))
        if rest.kind in ("anonymous", "person"):  # "a wave of critics", "dozens of Smiths"
            return Named("anonymous", expr.strip(), f"'{hn} of': {rest.why}")
        if rest.kind:
            return rest
    titles = words_of("title")
    plain = " ".join(low[1:] if det else low)
    if _government(low, plain):
        return Named("government", expr.strip(), "a country, a seat of government or a named state body")
    phrase = (_anonymous_phrase(expr) if (low[0] in _PHRASE_LEADS or low[0] in _subject_nouns())
              and not _phrase_firsts().isdisjoint(low) else "")
    if phrase:
        return Named("anonymous", expr.strip(), f"'{phrase}': an unnamed source")
    run = _named_part(name_run(head), words)
    if hn in words_of("anon_role") or hn in words_of("anon_vague"):
        person = _titled_name(run, titles)
        if person:
            return Named("person", person, "a name after a title")
        return Named("anonymous", expr.strip(), f"'{hn}': a source without a name")
    if hn in words_of("document"):
        named = _named_part(name_run(words[len(head) :]), words) or run
        if named:
            return Named("document", expr.strip(), "a document with a named author or publisher")
        if det in DEFINITE or any(w.endswith(("'s", "’s")) for w in head[:-1]):
            return Named("document", expr.strip(), "a definite document the article identifies")
        return Named("anonymous", expr.strip(), "an unidentified document")
    if hn in titles or " ".join(low[-2:]) in titles:
        return Named("anonymous", expr.strip(), f"'{hn}': a role without a name", role=True)
    if run and _bare(run[-1]) == hn:
        person = _titled_name(run, titles)
        if person:
            return Named("person", person, "a name after a title")
        text = " ".join(run)
        idx = head.index(run[0])
        if idx > 0 and _bare(head[idx - 1]) in titles and head[idx - 1][:1].isupper():
            text = f"{head[idx - 1]} {text}"
        run_low = [_bare(w) for w in run]
        gov = words_of("gov_head")
        if " ".join(run_low) in words_of("gov_name") or any(
                w in gov and not _news_body(run_low, i) for i, w in enumerate(run_low)):
            return Named("government", text, "a capitalised name of a state body")
        org_words = words_of("org_head")
        if (any(w in org_words or _acronym(x) for w, x in zip(run_low, run, strict=True)) or det == "the"
                or "&" in text):
            return Named("organisation", text, "a capitalised institution name")
        return Named("person", text, "a capitalised personal name")
    if hn in words_of("gov_head") and not _news_body([_bare(w) for w in head], len(head) - 1):
        if det in INDEFINITE:
            return Named("anonymous", expr.strip(), f"an unnamed {hn}")
        return Named("government", expr.strip(), f"'{hn}': a government or a body of a state")
    if hn in words_of("org_head") or hn in words_of("gov_head"):
        if det in INDEFINITE:
            return Named("anonymous", expr.strip(), f"an unnamed {hn}")
        return Named("organisation", expr.strip(), f"'{hn}': an identified institution")
    return Named("", expr, "no name, role or institution in it")


@functools.cache
def _phrases() -> re.Pattern[str]:
    terms = sorted(words_of("anon_phrase"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms) + r")\b",
                      re.IGNORECASE)


@functools.cache
def _phrase_firsts() -> frozenset[str]:
    """The first words of the lexicon's unnamed-source phrases (a cheap test before the search)."""
    return frozenset(t.split()[0] for t in words_of("anon_phrase"))


def _anonymous_phrase(expr: str) -> str:
    """The lexicon phrase that marks ``expr`` as an unnamed source ("people familiar with the
    matter", "those close to the talks"), or ""."""
    m = _phrases().search(expr) if words_of("anon_phrase") else None
    return m.group() if m else ""


def _government(low: list[str], plain: str) -> bool:
    """A country, a seat of government or a named state body, alone or joined by "and"."""
    places, named = words_of("country"), words_of("gov_name")
    if plain in places or plain in named:
        return True
    return low[0] in places and all(w in places or w == "and" for w in low)


def _news_body(low: list[str], i: int) -> bool:
    """``low[i]`` is the head of a news or commercial body ("news agency", "press office")."""
    return i > 0 and low[i - 1] in _NEWS_BEFORE


def _named_part(run: list[str], words: list[str]) -> list[str]:
    """``run`` without a first word that is capitalised only because it opens the expression
    and is a common source noun ("Newspaper reports", "Analysts")."""
    if run and run[0] == words[0] and _bare(run[0]) in _subject_nouns():
        return run[1:]
    return run


def _titled_name(run: list[str], titles: frozenset[str]) -> str:
    """The name after a title inside a capitalised run ("FBI Director Louis Freeh" ->
    "Director Louis Freeh"), or ""."""
    if len(run) < 2:
        return ""
    for i, w in enumerate(run[:-1]):
        if _bare(w) in titles and all(x[:1].isupper() for x in run[i + 1 :]):
            rest = run[i + 1 :]
            if rest and not any(_bare(x) in words_of("org_head") or _bare(x) in words_of("gov_head") for x in rest):
                return " ".join(run[i:])
    return ""


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
    return (words_of("anon_role") | words_of("org_head") | words_of("document") | words_of("gov_head")
            | words_of("title") | words_of("anon_vague") | words_of("collective"))


def bare(word: str) -> str:
    """A word as the lexicon lists it: lower case, no possessive 's, no final full stop."""
    return _bare(word)


def source_nouns() -> frozenset[str]:
    """Every noun of the lexicon that heads a source expression (roles, institutions,
    governments, documents, titles, vague and collective words)."""
    return _subject_nouns()


def group_nouns() -> frozenset[str]:
    """Nouns that name unnamed people or groups ("officials", "analysts", "someone")."""
    return words_of("anon_role") | words_of("anon_vague")


def is_place(expr: str) -> bool:
    """A country, state or capital of the lexicon ("Maryland", "the UK")."""
    low = [_bare(w) for w in _WORD.findall(expr)]
    low = low[1:] if low[:1] == ["the"] else low
    return " ".join(low) in words_of("country")


def is_state_abbreviation(expr: str) -> bool:
    """An AP abbreviation of a US state ("Ill.", "N.J."), as datelines and company
    descriptions write them ("Cilcorp Inc., Peoria, Ill., said")."""
    return expr.strip().lower() in words_of("place_abbrev")
