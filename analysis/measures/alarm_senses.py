"""The alarm rules that read a match's sense from its context (rules 4 to 7 and 10 of
``alarm_rules``): literal combat, an attack (or a blast) in words, magnitude words and what
they magnify, crisis, disaster and scandal, frequency hyperbole. The threat and fear rules
(8, 9) are in ``alarm_threat``."""

from __future__ import annotations

import functools
import re

from analysis import lexicon as lx
from analysis.measures.alarm_context import (
    SENTENCE_END,
    after_words,
    clause_tokens,
    context,
    sentence_words,
)
from analysis.measures.lexical import Reading
from analysis.text import Paragraph

LEXICON = "alarm"


# --- 4. literal combat, 5. attack in words ------------------------------------------------
NAMED_WAR = re.compile(r"\b(?:civil|world|great|gulf|first|second|cold|holy|proxy|nuclear)\s+$", re.IGNORECASE)
WAR_LEMMAS = frozenset({"war", "warfare", "battle", "battlefield", "battleground", "fight", "fought", "combat",
                        "siege", "besieged", "under siege", "under fire", "ambush", "invasion", "invade", "enemy",
                        "enemies", "front line", "frontline", "truce", "ceasefire", "firing line", "surrender",
                        "counter-attack", "counterattack", "counteroffensive", "counter-offensive", "guerrilla",
                        "insurgency", "mercenar*", "bombard", "bombardment", "conquer", "conquest", "escalat*",
                        "retaliat*", "reprisal", "standoff", "stand-off", "showdown", "erupt", "erupted", "skirmish",
                        "crossfire", "war zone", "warzone", "minefield", "beachhead", "barrage of", "flak",
                        "under attack"})


def literal_combat(par: Paragraph, lemma: str, start: int, end: int) -> str:
    if lemma not in WAR_LEMMAS:
        return ""
    if lemma == "war" and (NAMED_WAR.search(par.text, max(0, start - 12), start)
                           or _capitalised_before(par, start)):
        return "names a war (literal): event vocabulary"
    found = context(par).combat
    return f"literal: the paragraph reports armed combat ('{found}')" if found else ""


def _capitalised_before(par: Paragraph, start: int) -> bool:
    prev = par.tokens_before(start, 1)
    if not prev or par.sentence_at(prev[0][0]).start == prev[0][0]:
        return False
    return par.text[prev[0][0]].isupper() and not context(par).title_case


IDEAS = frozenset("""plan plans policy policies proposal proposals idea ideas decision decisions bill law laws
reform reforms budget record remarks comments comment claims claim report reports speech speeches strategy
approach government minister ministers president leader leaders party critics opponents press media judge
judges ruling verdict move scheme schemes deal agreement book film article column views stance handling
motives integrity credibility reputation character decision-making""".split())


def attack_in_words(par: Paragraph, lemma: str, start: int, end: int) -> str:
    """Criticism told as an attack: "attacked the plan", "an attack on the policy", "attacked him
    for ...", or an attack in a sentence whose attackers are critics or commentators."""
    if lemma not in ("attack", "assault"):
        return ""
    verb = par.text.endswith(("ed", "ing"), start, end)
    if verb or par.text.startswith(" on ", end):
        after = after_words(par, end, 4, SENTENCE_END)
        if (verb and (any(w in IDEAS for w in after[:3]) or "for" in after[1:3])) or (
                after[:1] == ["on"] and any(w in IDEAS for w in after[1:4])):
            return "an attack in words (criticism): a war image"
    critics = context(par).critics
    if critics:
        sentence = par.sentence_at(start)
        if any(sentence.start <= pos < sentence.end for pos in critics):
            return "an attack in words (criticism): a war image"
    return ""


BLAST_VERBS = frozenset({"blasts", "blasted", "blasting"})


def blast_in_words(par: Paragraph, start: int, end: int) -> str:
    """Criticism told as a blast ("the minister blasted the plan", "blasts Pelosi over ...",
    "blasted them for ..."; not "blasts them with shotguns"): headline hyperbole for "criticised" (guideline 7.7), not an
    explosion."""
    if par.text[start:end].lower() not in BLAST_VERBS:
        return ""
    after = after_words(par, end, 3, SENTENCE_END)
    nxt = par.tokens_after(end, 1)
    if any(w in IDEAS for w in after) or "for" in after[1:3] or ("over" in after[1:3] and not context(par).combat):
        return "criticism told as a blast: loaded"
    if nxt and after and par.text[nxt[0][0]].isupper() and not context(par).title_case:
        return "criticism told as a blast: loaded"
    return ""


# --- 6. magnitude words ----------------------------------------------------------------
GAINS = frozenset("""jobs services pensions welfare aid staff staffing benefits funding fund funds round rounds
valuation valuations investment investments investor investors profit profits revenue revenues sales earnings growth demand success successes popularity
audience audiences crowd crowds fans following deal deals raise windfall bonus bonuses returns dividend
dividends shares stock stocks rally boom gains gain turnout support interest donations fundraising ipo surplus
savings improvement improvements progress recovery breakthrough opportunity opportunities potential boost
applause acclaim praise enthusiasm excitement market markets wealth fortune fortunes prize jackpot subscribers
users downloads views visitors tourism tourists bookings orders output productivity wages salaries pay income
incomes budget budgets spending donation ambition ambitions hopes optimism confidence appetite""".split())
HARM_COSTS = frozenset("""bills bill prices price costs cost rents rent fees fares debt debts deficit deficits
losses loss emissions temperatures temperature inflation unemployment cases infections deaths toll tolls
casualties crime crimes arrests fines tariffs taxes tax waiting lists waits queues pressure pressures
sea levels levels""".split())
DOWNWARD = frozenset({"plummet", "plunge", "nosedive", "sharp fall"})
DEGREE_ADVERBS = frozenset({"absolutely", "totally", "completely", "utterly", "entirely", "deeply", "gravely",
                            "severely", "seriously", "truly", "incredibly", "extremely", "terribly", "horribly",
                            "hugely", "tremendously", "immensely", "profoundly", "exceedingly", "drastically",
                            "astonishingly", "unbelievably", "devastatingly", "woefully", "grossly", "hopelessly",
                            "insanely", "horrendously", "dreadfully"})
CUTS = frozenset({"slash"})  # a cut that hurts when what is cut is a good ("budgets slashed")
HARM_AT = -1.0  # VADER valence at or below which a word names something bad
GAIN_AT = 2.0  # and at or above which a good (success 2.7); milder words (ready 1.5) decide nothing
HARM_CATEGORIES = frozenset({"crime", "violence", "intrusion", "harm", "hazard", "emotive", "hyperbole",
                             "catastrophe", "threat_reach", "fear_word", "war_metaphor", "escalation"})
VERBS = frozenset({"soar", "skyrocket", "surge", "spiral", "balloon", "rocketed", "rocketing", "ballooned",
                   "ballooning", "plummet", "plunge", "nosedive", "mushroomed", "mushrooming", "snowballed",
                   "snowballing", "slash"})


@functools.cache
def _valence() -> dict[str, float]:
    from analysis.measures.sentiment import analyzer

    return dict(analyzer().lexicon)


def harm_word(word: str) -> bool:
    return polarity(word) == "harm"


def gain_word(word: str) -> bool:
    return polarity(word) == "gain"


@functools.lru_cache(maxsize=16384)
def polarity(word: str) -> str:
    """"gain" (a good: GAINS, or VADER +2 or more), "harm" (a cost that hurts when it rises,
    VADER -1 or less, or a word the alarm lexicon lists as harm, fear or conflict) or ""."""
    if word in GAINS:
        return "gain"
    if word in HARM_COSTS:
        return "harm"
    v = _valence().get(word)
    if v is not None and (v >= GAIN_AT or v <= HARM_AT):
        return "gain" if v >= GAIN_AT else "harm"
    return "harm" if any(e.category in HARM_CATEGORIES for e in lx.load(LEXICON).lookup_all(word)) else ""


def magnitude(par: Paragraph, lemma: str, start: int, end: int) -> tuple[str, str]:
    """("harm" | "gain" | "neutral", the deciding word) for a magnitude word: a verb ("costs
    soared") is read by its subject, then what follows; an adjective or adverb by the head that
    follows it in its clause ("a massive funding round"), or, at the end of its clause, by what
    it is said of ("the scale of illegal downloading vast")."""
    after, before = clause_tokens(par, start, end, 4)
    if lemma in VERBS:
        order = before + after
    else:
        order = after[:3] if after else before
    for w in order:
        found = polarity(w)
        if found:
            return found, w
    return "neutral", ""


# --- 7. crisis, disaster ---------------------------------------------------------------
FUTURE = frozenset("""could would will might may likely unlikely risk risks looming waiting recipe threatens
threaten potential possible risking fear fears warn warned warns warning predict predicted forecast if towards
toward heading headed brink verge avert avoid prevent spell spells""".split())


def crisis_or_disaster(par: Paragraph, lemma: str, start: int, end: int, reading: Reading) -> Reading | None:
    """"a crisis", "a (national) scandal": the writer's label (loaded); "the crisis", "the
    expenses scandal": the name of what is reported (event); a disaster predicted or evoked is
    fear, the one that happened event; "midlife crisis" no match."""
    before = [t[2] for t in par.tokens_before(start, 2)]
    if lemma in ("crisis", "scandal"):
        if lemma == "crisis" and before and before[-1] == "midlife":
            return None  # a personal phase, not a crisis of anything
        if before and before[-1] in ("a", "an"):  # "a spying scandal", "a food crisis" name a kind: event
            return Reading(reading.weight, "hyperbole", f"the writer calls it a {lemma}")
        return reading if lemma == "crisis" else Reading(reading.weight, "harm", "names the scandal reported")
    words = sentence_words(par, start)
    if (before and before[-1] in ("a", "an")) or words & FUTURE:
        return Reading(reading.weight, "catastrophe", "a disaster predicted or evoked")
    return reading


# --- frequency hyperbole (guideline 9.3) ------------------------------------------------
FREQUENCY = frozenset({"every day", "round the clock", "around the clock", "time and again", "time after time",
                       "again and again", "over and over again", "incessant", "incessantly", "perpetual",
                       "perpetually", "constantly", "non-stop", "every single day", "day after day"})
NUMBERS = frozenset("""one two three four five six seven eight nine ten dozen dozens hundred hundreds thousand
thousands million millions billion billions half""".split())


def frequency(par: Paragraph, start: int, end: int) -> tuple[bool, str]:
    """Whether a word of frequency exaggerates how often a harm happens: a harm in its clause
    (``polarity``) and no figure there ("people die every day" counts; "the trains run every
    day" and "3,000 die every day" do not). Returns (counts, the harm or the figure)."""
    after, before = clause_tokens(par, start, end, 6)
    words = before + after
    figure = next((w for w in words if w[:1].isdigit() or w in NUMBERS), "")
    if figure:
        return False, figure
    harm = next((w for w in words if polarity(w) == "harm"), "")
    return bool(harm), harm
