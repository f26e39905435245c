"""Hedging: how much a paragraph qualifies its claims, in hedge cues per 100 words.

Lexicon ``hedges`` (data/lexicons/hedges.csv): epistemic modals (may, might, could),
epistemic verbs (appears, suggests), hedging adverbs and adjectives (reportedly, alleged),
attribution hedges (according to, is said to, is widely regarded as), approximators
(roughly, about 40), vague sources (some experts, insiders, has been criticised), vague
quantifiers (some, many, several: weak cues) and open questions (whether, not known). Each
match adds its weight: 1 = a full cue, 0.5 = a weak one, 0.25 = a marginal one (a reading
that is usually not a hedge: "may" stating what can happen, "most" as a proportion).
Context rules, each kept as evidence with its reason when it changes a weight:

- "may" before a verb of content or variation ("include", "vary", "range", "refer"...) or
  "be" + a participle of use or classification ("may be used", "may be classified")
  states possibility, not doubt: marginal (0.25). Elsewhere ("may also", "may have", "may
  be charged") it stays a full cue: in news it is the commonest epistemic hedge.
- "May" written with a capital in mid-sentence, or next to a day or year ("may 23 1825" in
  any case), is the month or a name, not the modal.
- approximators that only hedge a quantity ("about", "around", "up to", "almost",
  "nearly") count only before a number; "some" before a number is an approximator.
- vague quantifiers (some, many, several, most) do not count before a span of time ("for
  some time", "many years"), nor "most" after "the" or "at" (a superlative or a bound), nor
  "many" after "as", "so", "how" or "too" (a comparison or a question). "Others" counts only
  as a vague source ("others argue"), not alone ("among others").
- "could not"/"couldn't" is past inability ("could not be reached"), not a hedge.
- "appear(s/ed) in/on/at" is a performance or a publication, not seeming; "believe in" is
  faith, not a judgement; "no doubt"/"without doubt" asserts certainty; "possible to" and
  "where/if/as ... as possible" state feasibility, not doubt, and so do "best/all/maximum
  possible"; "for certain", "is certain" or "almost certain" means sure, not "some
  unnamed"; "widely available/used/spaced" is spread, not belief; "claimed the
  title/victory/responsibility" is took or won.
- a cue inside a direct quotation keeps its weight and is marked ``quoted``: it is the
  source's hedge, not the journalist's.

Range 0 and up; higher = more hedged. NaN for a paragraph without words.

Validated against the Wikipedia uncertainty sentences (a sentence whose cues weigh at least
0.5 together counts as uncertain; ``analysis.validate.checks.uncertain``): see
``python -m analysis validate``, data/validation.json and data/lexicons/CHANGELOG.md.
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
VERSION = "1.2"
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
MARGINAL = 0.25  # a cue whose reading here is usually not a hedge: counted, but weakly
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
    prev = par.tokens_before(start, 1)
    nxt = par.tokens_after(end, 1)
    if nxt and nxt[0][2].isdigit():  # "May 3", and lower-case "may 23 1825" in a date
        return f"'{word}' before a day or year: the month, not the modal"
    if word != "May":
        return ""
    if prev and prev[-1][2].isdigit():
        return "'May' after a day: the month, not the modal"
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


# "may" in these frames states what can happen or what can be done, in any genre:
# "symptoms may include", "the term may refer to", "it may be used to".
# Verbs that predict an event ("may lead to", "may affect", "may be made", "may be called")
# are left out: in news they are forecasts, and forecasts are hedged.
_ROOT_MAY_VERBS = frozenset("include vary differ range contain consist refer".split())
_ROOT_MAY_PASSIVES = frozenset(
    "used classified served obtained applied divided grouped combined converted "
    "expressed".split())
_BOUND = frozenset({"best", "worst", "highest", "lowest", "greatest", "largest", "smallest",
                    "maximum", "minimum", "all", "every", "any"})
# "claimed victory", "claims the title", "claimed the lives of": took or won, not asserted
_WON = frozenset("victory responsibility credit lives ownership sovereignty asylum gold silver "
                 "bronze title titles throne crown championship seat seats prize win".split())
_SPREAD = frozenset("available used spaced distributed separated scattered varying varied travelled "
                    "traveled toured read sold grown planted different".split())
_DETERMINERS = frozenset("the a an his her their its".split())


def _took_or_won(par: Paragraph, end: int) -> str:
    """The object of "claimed" when it means took or won ("claimed the title"), or ""."""
    nxt = [t[2].lower() for t in par.tokens_after(end, 2)]
    if nxt and nxt[0] in _DETERMINERS:
        nxt = nxt[1:]
    return nxt[0] if nxt and nxt[0] in _WON else ""


def _root_may(par: Paragraph, end: int) -> str:
    """Why a modal "may" reads as possibility or permission (a marginal cue), or ""."""
    nxt = [t[2].lower() for t in par.tokens_after(end, 3)]
    if nxt and nxt[0].removesuffix("s") in _ROOT_MAY_VERBS:
        return f"'may {nxt[0]}': what can happen, rarely doubt"
    if nxt[:1] == ["be"] and len(nxt) > 1 and nxt[1] in _ROOT_MAY_PASSIVES:
        return f"'may be {nxt[1]}': what can be done, rarely doubt"
    return ""


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
    if term == "certain" and (before in _PREDICATIVE or before == "almost"):
        return f"'{before} certain': sure, not 'some unnamed'"
    if term == "possible" and (after == "to" or before in _FEASIBLE or before == "as"):
        return "states feasibility ('possible to', 'where possible'), not doubt"
    if term == "widely" and after in _SPREAD:
        return f"'widely {after}': how far something spreads, not who believes it"
    if term == "possible" and before in _BOUND:
        return f"'{before} possible': the range of what can be, not doubt"
    if term in ("claim", "claims", "claimed") and (won := _took_or_won(par, end)):
        return f"'{term} ... {won}': took or won, not asserted"
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
        elif entry.term == "may" and (root := _root_may(par, m.end)):
            weight, note = MARGINAL, root
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
    method="Sum of hedge-cue weights (1 full cue, 0.5 weak cue, 0.25 marginal cue) / words x 100.",
    citation=("Categories after Hyland (1998), Hedging in Scientific Research Articles; vague "
              "sources and quantifiers after Wikipedia's weasel-word guideline as annotated in "
              "the CoNLL-2010 / Szeged uncertainty corpus (Farkas et al. 2010)."),
    limits=(
        "A word list with context rules, not a parser: it cannot tell an epistemic 'could' "
        "from a past ability ('could swim'), nor see hedging done by syntax. Cues in quoted "
        "speech are counted and marked, so the journalist's voice can be read apart."
    ),
)
