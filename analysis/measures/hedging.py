"""Hedging: how much a paragraph qualifies its claims, in hedge cues per 100 words, and in four
sub-scales (hedge lexicon 2.0.0, measure 2.0).

Lexicon ``hedges`` (data/lexicons/hedges.csv). Each match adds its weight: 1 = a full cue, 0.5 =
a weak one, 0.25 = a marginal one (a reading that is usually not a hedge). Every category belongs
to one sub-scale, each a column per 100 words:

- ``hedging_epistemic``: modal and doxastic cues, the writer or a source marking a claim as
  possible, probable, believed or expected: modals (may, might, could, should as a forecast),
  epistemic verbs (appears, seems, believe, think, expect, predict, suspect, suggests),
  adverbs (possibly, probably, apparently, perhaps), adjectives and nouns of chance (likely,
  possible, unclear; likelihood, possibility), open questions (whether, not known, disputed).
- ``hedging_attribution``: evidential distance, the claim is someone's or only reported:
  reporting (according to, claims, argues, alleges, indicated, rumours, speculation) and
  evidential words (reportedly, allegedly, alleged, suspected, so-called, unconfirmed).
- ``hedging_weasel``: vague sources, an opinion or report given to nobody in particular:
  vague sources (critics say, some analysts, experts, insiders, "many regard", "by many",
  has been criticised) and agentless attribution (it is believed, is said to, is thought to,
  widely regarded as, it has been suggested).
- ``hedging_vagueness``: approximators and vague quantifiers, a figure or an amount made
  less exact (about 40, nearly, up to, an estimated, some, many, several, largely).

The headline ``hedging`` sums the epistemic, attribution and weasel sub-scales: the "shields"
of Prince, Frader & Bosk (1982), which lower the writer's commitment to a claim. Vagueness is
their "approximators", which make a figure less exact but the claim no less certain: it is
reported beside the headline and not summed into it (the FactBank news experts mark a
sentence hedged for a shield, hardly ever for an approximator: "hedging > 0" with the
approximators in got precision 0.42 on the development half). Per-category columns
(``hedging_modal``, ``hedging_agentless`` ...) stay.

Context rules, each shown as the reason on its evidence when it changes a weight (weight 0: no
hedge here; 0.25: marginal). In analysis/measures/hedging_rules.py:

- "may": before a verb of meaning or variation (refer, vary, range) or a passive of use or
  permission (may be used, may be exercised): what can be (done), marginal; "may include /
  contain" after a specific subject ("the plan may include") stays a forecast. After a subject
  that names anyone ("you may") or a bare plural ("Players may"): generic, marginal (Coates
  1983); a specific subject, a story's participants ("Officials may act") or none in sight
  keep the full weight. "May" next to a day or year, or capitalised in mid-sentence of running
  text, is the month or a name; in a Title Case headline ("Plant May Close") it is the modal,
  unless a verb in -s follows ("Theresa May Speaks Out": a modal takes the bare verb).
- approximators count only before a number (about, around, up to, almost, nearly, over);
  "some 40", "by some 40%" are approximators; vague quantifiers do not count before a span of
  time, "most" not after "the"/"at", "many" not after "as/so/how/too".
- "could not", "could be reached/seen" (not "seen as"), "so that ... could" (a purpose);
  "appear(s/ed) in/on/at/before", "appears as" (not "as if"); "believe in"; "no doubt";
  "possible to", "where possible", "best/all/fastest possible"; "almost certain"; "widely
  available"; "claimed the title"; "criticised" only in a passive without its critic.

In analysis/measures/hedging_readings.py (lexicon 2.0.0, for news):

- forecasts (expect, anticipate, predict): not "as expected", "than expected", nor a
  forecast that came true ("the sale, which had been expected, ...").
- "think": not "think tank", "think about/of", nor the noun ("a thought", "the thought of").
- "should" counts only as a forecast, before a verb of outcome ("should help", "should rise",
  "should be completed"); obligation and advice ("Nato should be used") do not count.
- "suspect(s)" counts as the verb ("police suspect"), not the noun ("the suspect") or the
  adjective ("is suspect"); "assume(d)" not as taking on ("assumed the role", "assume $22m
  of debt"); "believe" not without a complement ("in you we believe"); "nobody believes",
  "no one should doubt" assert, not hedge; "potential customers/buyers" is marginal.
- "indicate(s/d)" is reporting (0.5) after a speaker ("Bush has indicated", "the company
  indicated that"); after a thing ("the decision indicates a breakdown") it is a mild
  inference, next to "shows": epistemic, marginal (Hyland 1998 lists it among hedges; the
  FactBank experts mark neither use).
- "some/many/several/most" holding an opinion ("Many regard", "some theorize") is a vague
  source (weasel), not a vague quantifier.
- a cue written with a capital inside a name of running text ("the Tomb of the Unknown
  Soldier", "the Ten Most Wanted list") is no hedge (:mod:`analysis.measures.names`).

A cue inside a direct quotation keeps its weight and is marked ``quoted``: the source's hedge,
not the journalist's. Range 0 and up for every column; higher = more hedged. NaN for a
paragraph without words.

Each sub-scale is judged on the yardstick that fits it (``python -m analysis validate``,
analysis/validate/checks_hedging.py, data/validation.json, data/lexicons/CHANGELOG.md): the
epistemic one on expert uncertainty cues in FactBank news sentences (Szarvas et al. 2012;
development half here, the held-out half kept by the project's owner), the weasel one on the
Wikipedia uncertainty labels (held-out part).
"""

from __future__ import annotations

import functools
import re

from analysis import lexicon as lx
from analysis.lexicon import Match
from analysis.measures import hedging_readings as readings
from analysis.measures.base import Subscale
from analysis.measures.hedging_rules import (
    CRITICISED,
    active_criticism,
    generic_subject,
    not_a_hedge,
    root_may,
    specific_subject,
    word_before,
)
from analysis.measures.lexical import Reading, Spec, lexicon_measure
from analysis.text import Paragraph

NAME = "hedging"
VERSION = "2.0"
LEXICON = "hedges"

_NUMBER = re.compile(
    r"\s*(?:[$£€]\s*)?\d"
    r"|\s*(?:an? )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|"
    r"dozen|half|third|quarter)\b",
    re.IGNORECASE,
)
# The lexicon's categories, declared here so the columns are known without reading it;
# a test checks that the CSV uses exactly these. Each belongs to one sub-scale.
EPISTEMIC = ("modal", "epistemic_verb", "adverb", "uncertain_adjective", "uncertain_noun", "open_question")
ATTRIBUTION = ("reporting", "evidential")
WEASEL = ("vague_source", "agentless")
VAGUENESS = ("approximator", "vague_quantifier", "softener")
CATEGORIES = tuple(sorted(EPISTEMIC + ATTRIBUTION + WEASEL + VAGUENESS))
SUBSCALES = (
    Subscale("hedging_epistemic", "Hedging: epistemic", EPISTEMIC,
             "Modal and doxastic cues: the writer or a source marks a claim as possible, "
             "probable, believed or expected (may, might, could, should as a forecast, likely, "
             "possibly, appears, believe, think, expect, suspect, unclear, whether) per 100 words.",
             yardstick="factbank_news_heldout"),
    Subscale("hedging_attribution", "Hedging: attribution", ATTRIBUTION,
             "Evidential distance: the claim is someone else's, or only reported (according to, "
             "claims, argues, alleges, indicated, reportedly, allegedly, alleged, so-called, "
             "unconfirmed) per 100 words."),
    Subscale("hedging_weasel", "Hedging: weasel", WEASEL,
             "Vague sources: an opinion or report given to nobody in particular (critics say, "
             "some analysts, experts, insiders, it is believed, is said to, widely regarded as, "
             "has been criticised) per 100 words.",
             yardstick="wikipedia_weasel_heldout"),
    Subscale("hedging_vagueness", "Hedging: vagueness", VAGUENESS,
             "Approximators and vague quantifiers: a figure or an amount made less exact, not a "
             "claim made less certain (about 40, nearly, up to, an estimated, some, many, "
             "several, largely, relatively) per 100 words.",
             composite=False),
)
NUMERIC_ONLY = frozenset({"about", "around", "up to", "over", "almost", "nearly"})
_BEFORE_NUMBERS = NUMERIC_ONLY | {"some"}  # the cues whose reading depends on a number after them
_INDICATE = frozenset({"indicate", "indicates", "indicated"})
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
    number_follows = (term in _BEFORE_NUMBERS or term.startswith("by ")) and bool(_NUMBER.match(par.text, m.end))
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
        elif term == quantifier and (verb := readings.opinion_follows(par, m.end)):
            weight, category = 1.0, "vague_source"
            note = f"'{par.text[m.start:m.end]} ... {verb}': an opinion given to nobody in particular"
    elif term.startswith("by ") and number_follows:
        weight, category = MARGINAL, "approximator"  # "by some 40%": a rounded figure
        note = f"'{par.text[m.start:m.end]}' before a number: a figure made less exact"
    reason = (not_a_hedge(par, term, m.start, m.end) or readings.not_a_hedge(par, term, m.start, m.end)
              or readings.in_a_name(par, m.start, m.end))
    if reason:
        weight, note = 0.0, reason
    elif term == "may" and (root := root_may(par, m.end, specific_subject(par, m.start))
                            or generic_subject(par, m.start)):
        weight, note = MARGINAL, root
    elif term == "potential" and (marginal := readings.prospect(par, term, m.end)):
        weight, note = MARGINAL, marginal
    elif term in _INDICATE and not readings.indicated_by(par, m.start):
        weight, category = MARGINAL, "epistemic_verb"  # milder than "suggests": next to "shows"
        note = f"'{par.text[m.start:m.end]}' with a thing as subject: evidence read as a sign, a mild inference"
    return Reading(weight, category, note)


SPEC = Spec(
    name=NAME,
    version=VERSION,
    lexicon=functools.partial(lx.load, LEXICON),
    categories=CATEGORIES,
    label="Hedging",
    unit="hedges per 100 words",
    direction="higher = more hedged",
    description=("Weighted hedge cues that lower the writer's commitment to a claim per 100 words: "
                 "the epistemic, attribution and weasel sub-scales (modals, epistemic verbs and "
                 "adverbs, open questions, reporting and evidential words, vague sources, agentless "
                 "attribution); approximators and vague quantifiers are reported apart."),
    rule=rule,
    negation=False,
    subscales=SUBSCALES,
)


MEASURE = lexicon_measure(
    SPEC,
    lexicon_name=LEXICON,
    method=("Sum of hedge-cue weights (1 full cue, 0.5 weak cue, 0.25 marginal cue) / words x 100, "
            "per sub-scale; the headline sums the epistemic, attribution and weasel sub-scales."),
    methods=("Hedging is the weighted count of hedge cues per 100 words from the project's hedge lexicon "
             "(full cues 1, weak 0.5, marginal 0.25), read with context rules, in four sub-scales: "
             "epistemic (modal and doxastic cues), attribution (evidential distance), weasel (vague "
             "sources and agentless attribution) and vagueness (approximators and vague quantifiers). "
             "The headline figure sums the first three, the shields of Prince, Frader & Bosk (1982); "
             "vagueness, their approximators, is reported apart. The epistemic sub-scale was judged "
             "against expert uncertainty cues in FactBank news sentences (Szarvas et al. 2012), the "
             "weasel sub-scale against the Wikipedia uncertainty labels (Farkas et al. 2010)."),
    references=(
        "Coates, J. (1983). The Semantics of the Modal Auxiliaries. London: Croom Helm.",
        "Farkas, R., Vincze, V., Móra, G., Csirik, J. & Szarvas, G. (2010). The CoNLL-2010 shared task: "
        "learning to detect hedges and their scope in natural language text. Proceedings of CoNLL 2010.",
        "Hyland, K. (1998). Hedging in Scientific Research Articles. Amsterdam: John Benjamins.",
        "Prince, E. F., Frader, J. & Bosk, C. (1982). On hedging in physician-physician discourse. In "
        "R. J. di Pietro (Ed.), Linguistics and the Professions (pp. 83-97). Norwood, NJ: Ablex.",
        "Szarvas, G., Vincze, V., Farkas, R., Móra, G. & Gurevych, I. (2012). Cross-genre and "
        "cross-domain detection of semantic uncertainty. Computational Linguistics, 38(2), 335-367.",
    ),
    citation=("Categories after Hyland (1998), Hedging in Scientific Research Articles; "
              "approximators and shields after Prince, Frader & Bosk (1982), On hedging in "
              "physician-physician discourse; generic 'may' after Coates (1983), The Semantics "
              "of the Modal Auxiliaries; vague sources after Wikipedia's weasel-word guideline as "
              "annotated in the CoNLL-2010 / Szeged uncertainty corpus (Farkas et al. 2010); epistemic "
              "cues for news after the Szeged annotation of FactBank (Szarvas et al. 2012)."),
    limits=(
        "A word list with context rules, not a parser: it cannot tell every epistemic 'could' "
        "from ability or permission ('could live with', 'could leave'), nor see hedging done by "
        "syntax; a forecast with a bare plural subject ('Prices may rise') is read as generic and "
        "counted as marginal; 'would' and 'will' are not counted (in news they are mostly "
        "conditionals, reported plans and plain futures); accusations ('accused', 'charged') are "
        "not hedges here, though the FactBank annotators mark them. Cues in quoted speech are "
        "counted and marked, so the journalist's voice can be read apart."
    ),
)
score = MEASURE.score
summarize = MEASURE.summarize
