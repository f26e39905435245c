"""Hedging: how much a paragraph qualifies its claims, in hedge cues per 100 words.

Lexicon ``hedges`` (data/lexicons/hedges.csv): epistemic modals (may, might, could),
epistemic verbs (appears, suggests), hedging adverbs and adjectives (reportedly, alleged),
attribution hedges (according to, is said to, is widely regarded as), approximators
(roughly, about 40), vague sources (some experts, insiders, has been criticised), vague
quantifiers (some, many, several: weak cues) and open questions (whether, not known). Each
match adds its weight (1 = a full cue, 0.5 = a weak one). Context rules, each kept as
evidence with its reason when it sets a weight to 0:

- "May" written with a capital in mid-sentence, or next to a day or year, is the month or a
  name, not the modal.
- approximators that only hedge a quantity ("about", "around", "up to", "almost",
  "nearly") count only before a number; "some" before a number is an approximator.
- vague quantifiers (some, many, several, most) do not count before a span of time ("for
  some time", "many years"), nor "most" after "the" or "at" (a superlative or a bound), nor
  "many" after "as", "so", "how" or "too" (a comparison or a question). "Others" counts only
  as a vague source ("others argue"), not alone ("among others").
- "could not"/"couldn't" is past inability ("could not be reached"), not a hedge.
- "appear(s/ed) in/on/at" is a performance or a publication, not seeming; "believe in" is
  faith, not a judgement; "no doubt"/"without doubt" asserts certainty; "possible to" and
  "where/if/as ... as possible" state feasibility, not doubt; "for certain" or "is certain"
  means sure, not "some unnamed".
- a cue inside a direct quotation keeps its weight and is marked ``quoted``: it is the
  source's hedge, not the journalist's.

Range 0 and up; higher = more hedged. NaN for a paragraph without words.

Validated against the Wikipedia uncertainty sentences (a sentence with any cue of positive
weight counts as uncertain): see ``python -m analysis validate`` and data/validation.json.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis import lexicon as lx
from analysis.measures.base import (
    Column,
    Evidence,
    Measure,
    Scored,
    category_rates,
    per_100_words,
    pooled_rate,
)
from analysis.text import Document, Paragraph

NAME = "hedging"
VERSION = "1.1"
LEXICON = "hedges"

_NUMBER = re.compile(
    r"\s*(?:[$£€]\s*)?\d"
    r"|\s*(?:an? )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|"
    r"dozen|half|third|quarter)\b",
    re.IGNORECASE,
)
# The lexicon's categories, declared here so the columns are known without reading it;
# a test checks that the CSV uses exactly these.
CATEGORIES = ("adverb", "approximator", "attribution", "epistemic_verb", "modal", "open_question",
              "softener", "uncertain_adjective", "vague_quantifier", "vague_source")
NUMERIC_ONLY = frozenset({"about", "around", "up to", "over", "almost", "nearly"})
VAGUE_QUANTIFIERS = frozenset({"some", "many", "several", "most"})
_COMPARATIVE = frozenset({"as", "so", "how", "too"})
_SPAN_OF_TIME = re.compile(
    r"\s+(?:more\s+|other\s+)?(?:time|times|years?|months?|weeks?|days?|hours?|minutes?|decades?|"
    r"centuries|generations?|seasons?)\b", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s*(\w+(?:['’]\w+)?)")
_MONTH_CONTEXT = frozenset(
    "in on since until till by from early late mid last next this of during between "
    "before after through to and".split()
)


def _month_or_name(par: Paragraph, start: int, end: int) -> str:
    """Why a matched "may" is not the modal, or "" when it is the modal."""
    word = par.text[start:end]
    if word != "May":
        return ""
    prev = par.tokens_before(start, 1)
    nxt = par.tokens_after(end, 1)
    if nxt and nxt[0][2].isdigit() or prev and prev[-1][2].isdigit():
        return "'May' beside a day or year: the month, not the modal"
    if prev and prev[-1][2] in _MONTH_CONTEXT:
        return f"'{prev[-1][2]} May': the month, not the modal"
    sentence_start = any(s.start == start for s in par.sentences) or start == 0
    if not sentence_start:
        return "capitalised 'May' in mid-sentence: the month or a name, not the modal"
    return ""


def _word_before(par: Paragraph, start: int) -> str:
    prev = par.tokens_before(start, 1)
    return prev[-1][2] if prev else ""


def _word_after(par: Paragraph, end: int) -> str:
    m = _WORD_AFTER.match(par.text, end)
    return m.group(1).lower().replace("’", "'") if m else ""


_NOT_SEEMING = frozenset({"in", "on", "at"})
_FEASIBLE = frozenset({"where", "if", "whenever", "wherever", "when"})
_PREDICATIVE = frozenset({"for", "be", "is", "are", "was", "were", "am", "been", "feel", "felt", "seems", "seem",
                          "quite", "very", "absolutely", "not"})


def _not_a_hedge(par: Paragraph, term: str, start: int, end: int) -> str:
    """Why a matched cue is not a hedge in this context ("" when it is one)."""
    after, before = _word_after(par, end), _word_before(par, start)
    if term == "may":
        return _month_or_name(par, start, end)
    if term == "could" and (after in ("not", "n't") or par.text[end:end + 3].lower() == "n't"):
        return "'could not': past inability, not a hedge"
    if term in ("appear", "appears", "appeared") and after in _NOT_SEEMING:
        return f"'{term} {after}': a performance or a publication, not seeming"
    if term in ("believe", "believes", "believed") and after == "in":
        return f"'{term} in': faith or support, not a judgement of likelihood"
    if term == "doubt" and before in ("no", "without", "beyond"):
        return f"'{before} doubt': asserts certainty"
    if term == "certain" and before in _PREDICATIVE:
        return f"'{before} certain': sure, not 'some unnamed'"
    if term == "possible" and (after == "to" or before in _FEASIBLE or before == "as"):
        return "states feasibility ('possible to', 'where possible'), not doubt"
    return ""


def score(par: Paragraph) -> Scored:
    lex = lx.load(LEXICON)
    evidence: list[Evidence] = []
    for m in lex.finditer(par.text):
        entry = m.entry
        weight, note, category = entry.weight, "", entry.category
        number_follows = bool(_NUMBER.match(par.text, m.end))
        if entry.term in NUMERIC_ONLY and not number_follows:
            continue  # "about the theft" is not an approximation
        quantifier = entry.term.split(" ", 1)[0]  # "many" in "many", "many people"
        if quantifier in VAGUE_QUANTIFIERS:
            before = _word_before(par, m.start)
            if entry.term == "some" and number_follows:
                weight, category = 1.0, "approximator"  # "some 40 people"
            elif entry.term == quantifier and _SPAN_OF_TIME.match(par.text, m.end):
                continue  # "for some time", "many years": a span of time, not a vague claim
            elif quantifier == "most" and before in ("the", "at"):
                continue  # "the most famous", "at most": a superlative or a bound
            elif quantifier == "many" and before in _COMPARATIVE:
                continue  # "as many children as", "how many people": a comparison or a question
        reason = _not_a_hedge(par, entry.term, m.start, m.end)
        if reason:
            weight, note = 0.0, reason
        quoted = par.in_quote(m.start, m.end)
        if quoted:
            note = "; ".join(filter(None, [note, "in quoted speech"]))
        evidence.append(
            Evidence(m.start, m.end, category, par.text[m.start : m.end], weight, note, quoted)
        )
    total = sum(e.weight for e in evidence)
    values: dict[str, float | str] = {
        NAME: per_100_words(total, par.words),
        "hedging_quoted": per_100_words(sum(e.weight for e in evidence if e.quoted), par.words),
    }
    values.update(category_rates(NAME, CATEGORIES, evidence, par.words))
    return Scored(values, evidence)


def summarize(doc: Document, scored: Sequence[Scored]) -> dict[str, float | str]:
    out: dict[str, float | str] = {
        NAME: pooled_rate(doc, scored),
        "hedging_quoted": pooled_rate(doc, scored, quoted=True),
    }
    for cat in CATEGORIES:
        out[f"{NAME}_{cat}"] = pooled_rate(doc, scored, cat)
    return out


def _columns() -> tuple[Column, ...]:
    cols = [
        Column(NAME, "Hedging", "hedges per 100 words", 0, None, "higher = more hedged",
               "Weighted hedge cues (modals, epistemic verbs, hedging adverbs, attribution "
               "hedges, approximators, vague sources and quantifiers, open questions) per 100 "
               "words."),
        Column("hedging_quoted", "Hedging in quotes", "hedges per 100 words", 0, None,
               "higher = more hedged quoted speech",
               "The part of the hedging rate that falls inside direct quotations."),
    ]
    for cat in CATEGORIES:
        cols.append(Column(f"{NAME}_{cat}", f"Hedging: {cat.replace('_', ' ')}",
                           "hedges per 100 words", 0, None, "higher = more hedged",
                           f"Hedge cues of category '{cat}' per 100 words."))
    return tuple(cols)


MEASURE = Measure(
    name=NAME,
    version=VERSION,
    columns=_columns(),
    score=score,
    summarize=summarize,
    lexicon=LEXICON,
    method="Sum of hedge-cue weights (1 full cue, 0.5 weak cue) / words x 100.",
    citation=("Categories after Hyland (1998), Hedging in Scientific Research Articles; vague "
              "sources and quantifiers after Wikipedia's weasel-word guideline as annotated in "
              "the CoNLL-2010 / Szeged uncertainty corpus (Farkas et al. 2010)."),
    limits=(
        "A word list with context rules, not a parser: it cannot tell an epistemic 'could' "
        "from a past ability ('could swim'), nor see hedging done by syntax. Cues in quoted "
        "speech are counted and marked, so the journalist's voice can be read apart."
    ),
)
