"""Hedging: how much a paragraph qualifies its claims, in hedge cues per 100 words.

Lexicon ``hedges`` (data/lexicons/hedges.csv): epistemic modals (may, might, could),
epistemic verbs (appears, suggests), hedging adverbs and adjectives (reportedly, alleged),
attribution hedges (according to, is said to, is widely regarded as), approximators
(roughly, about 40), vague sources (some experts, insiders, has been criticised), vague
quantifiers (some, many, several: weak cues) and open questions (whether, not known). Each
match adds its weight: 1 = a full cue, 0.5 = a weak one, 0.25 = a marginal one (a reading
that is usually not a hedge: "may" stating what can happen, "most" as a proportion, a rounded
figure). Context rules, each kept as evidence with its reason when it changes a weight:

- "may" before a verb of content or variation ("include", "vary", "range", "refer"...) or
  "be" + a participle of use or classification ("may be used", "may be classified")
  states possibility, not doubt: marginal (0.25). Elsewhere ("may also", "may have", "may
  be charged") it stays a full cue: in news it is the commonest epistemic hedge.
- "may" after a subject that names anyone ("you may", "one may") or a kind by a bare plural
  ("Players may", "Young children may") reads as what some of them can do or are allowed to
  do (existential or deontic "may"): marginal. A specific subject ("the plant", "he",
  "Iran", "the new rules", "Britain's farmers"), a group that in news names the story's
  participants ("Officials may act", "Investigators may"), or a plural inside a phrase
  ("noise from passing ships may") keeps the full weight, and so does a subject out of sight
  (", may", "and may", "they may").
- "May" written with a capital in mid-sentence, or next to a day or year ("may 23 1825" in
  any case), is the month or a name, not the modal.
- approximators ("roughly", "about 40", "some 40") are marginal: they make a figure less
  exact, not the claim less certain (Prince, Frader & Bosk 1982 tell these approximators
  from the "shields" that lower the writer's commitment); "an estimated" stays a full cue.
  Those that only hedge a quantity ("about", "around", "up to", "almost", "nearly") count
  only before a number; "some" before a number is an approximator.
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
- "criticised" counts only in a passive without its critic ("has been (widely) criticised");
  "criticised by the UN" and "criticism from unions" name the critics (weight 0, shown);
  an active "the UN criticised" is not a match at all.
- a cue inside a direct quotation keeps its weight and is marked ``quoted``: it is the
  source's hedge, not the journalist's.

Range 0 and up; higher = more hedged. NaN for a paragraph without words.

Validated against the Wikipedia uncertainty sentences (a sentence whose cues weigh at least
0.5 together counts as uncertain; ``analysis.validate.checks.uncertain``): see
``python -m analysis validate``, data/validation.json and data/lexicons/CHANGELOG.md.
"""

from __future__ import annotations

import functools
import re

from analysis import lexicon as lx
from analysis.lexicon import Match
from analysis.measures.hedging_rules import (
    CRITICISED,
    active_criticism,
    generic_subject,
    not_a_hedge,
    root_may,
    word_before,
)
from analysis.measures.lexical import Reading, Spec, lexicon_measure
from analysis.text import Paragraph

NAME = "hedging"
VERSION = "1.3"
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
def rule(par: Paragraph, m: Match, reading: Reading) -> Reading | None:
    """The hedging context rules (module docstring): None when the match is no instance at
    all ("about the theft"), else the reading that counts, with its reason."""
    term = m.entry.term
    weight, note, category = reading.weight, "", reading.category
    number_follows = bool(_NUMBER.match(par.text, m.end))
    if term in NUMERIC_ONLY and not number_follows:
        return None  # "about the theft" is not an approximation
    if term in CRITICISED and active_criticism(par, m.start):
        return None  # "the UN criticised the plan": the critic is named as the subject
    quantifier = term.split(" ", 1)[0]  # "many" in "many", "many people"
    if quantifier in VAGUE_QUANTIFIERS:
        before = word_before(par, m.start)
        if term == "some" and number_follows:
            weight, category = MARGINAL, "approximator"  # "some 40 people"
        elif term == quantifier and _SPAN_OF_TIME.match(par.text, m.end):
            return None  # "for some time", "many years": a span of time, not a vague claim
        elif quantifier == "most" and before in ("the", "at"):
            return None  # "the most famous", "at most": a superlative or a bound
        elif quantifier == "many" and before in _COMPARATIVE:
            return None  # "as many children as", "how many people": a comparison or a question
    reason = not_a_hedge(par, term, m.start, m.end)
    if reason:
        weight, note = 0.0, reason
    elif term == "may" and (root := root_may(par, m.end) or generic_subject(par, m.start)):
        weight, note = MARGINAL, root
    return Reading(weight, category, note)


SPEC = Spec(
    name=NAME,
    version=VERSION,
    lexicon=functools.partial(lx.load, LEXICON),
    categories=CATEGORIES,
    label="Hedging",
    unit="hedges per 100 words",
    direction="higher = more hedged",
    description=("Weighted hedge cues (modals, epistemic verbs, hedging adverbs, attribution "
                 "hedges, approximators, vague sources and quantifiers, open questions) per 100 "
                 "words."),
    rule=rule,
    negation=False,
)


MEASURE = lexicon_measure(
    SPEC,
    lexicon_name=LEXICON,
    method="Sum of hedge-cue weights (1 full cue, 0.5 weak cue, 0.25 marginal cue) / words x 100.",
    citation=("Categories after Hyland (1998), Hedging in Scientific Research Articles; "
              "approximators and shields after Prince, Frader & Bosk (1982), On hedging in "
              "physician-physician discourse; generic 'may' after Coates (1983), The Semantics "
              "of the Modal Auxiliaries; vague "
              "sources and quantifiers after Wikipedia's weasel-word guideline as annotated in "
              "the CoNLL-2010 / Szeged uncertainty corpus (Farkas et al. 2010)."),
    limits=(
        "A word list with context rules, not a parser: it cannot tell an epistemic 'could' "
        "from a past ability ('could swim'), nor see hedging done by syntax; a forecast with a "
        "bare plural subject ('Prices may rise') is read as generic and counted as marginal. "
        "Cues in quoted speech are counted and marked, so the journalist's voice can be read "
        "apart."
    ),
)
score = MEASURE.score
summarize = MEASURE.summarize
