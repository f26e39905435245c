"""The context rules of the alarm measure: how a match of the alarm lexicon is read in its
paragraph (GUIDELINES.md of data/eval/alarm_news, sections 3, 4 and 9). Each rule returns the
reading that counts, with its reason for the evidence; ``read`` applies them in order.

1. **Distanced** (weight 0): "so-called X", a short term in scare quotes that nobody in the
   sentence is said to have spoken, "what X calls ...", "described as ... by". The word keeps
   its category; the writer holds it at arm's length.
2. **Part of a name** (weight 0): a capitalised match inside a longer capitalised name in text
   that is not written in title case ("the Crisis Group", "the War Office").
3. **A device or a team** (weight 0): "bomb squad", "explosive detectors", "fire alarm".
4. **Literal combat** (to event): a war or escalation word in a paragraph that reports armed
   combat (troops, shelling, killed ...) or that names a war ("the Vietnam war", "civil war").
5. **Attack in words** (to conflict): "attacked the plan", "attacked him for ...", attacks from
   critics or commentators: criticism told as a war image.
6. **Magnitude words** (``intensifier``) count only when what they magnify is a harm: the
   head they modify or the subject they rise or fall with, read nearest word first in its
   clause. A gain or a good ("a massive funding round", "valuation skyrocketing", "huge
   success") counts 0, and so does a neutral head ("an enormous patch of asphalt"); a fall in
   a harm ("crime plummeted") is good news, 0. A word is a harm when VADER's lexicon rates it
   -1 or lower (Hutto & Gilbert 2014), when the alarm lexicon lists it, or when it names a
   cost that hurts when it rises (bills, prices, rents ...). Degree adverbs (totally,
   completely ...) are matches only before a harm.
7. **Crisis and disaster**: "a crisis" is the writer's label (loaded), "the crisis" names the
   situation reported (event); a disaster that is predicted or evoked (could, likely, risk,
   "a disaster") is fear, the one that happened is event. "Midlife crisis" is no match.
8. **A threat with its reach** (to fear): a hazard word (threat, danger, risk, vulnerable ...)
   that names who it reaches, society or the reader ("a threat to democracy", "puts every
   patient at risk", "the whole planet"), is a fear appeal; stated plainly it stays event.
9. **Fear attributed** (weight 0): "they fear", "owners also fear", "residents were
   alarmed": fear described in people of the story, not an appeal to the reader.
"""

from __future__ import annotations

import functools
import operator
import re

from analysis import lexicon as lx
from analysis.lexicon import Match
from analysis.measures.lexical import Reading
from analysis.text import Paragraph

LEXICON = "alarm"
EVENT = frozenset({"crime", "violence", "intrusion", "harm", "hazard"})
CONFLICT = frozenset({"war_metaphor", "escalation"})

_CLAUSE = re.compile("[,;:.!?()—–\"“”]")
_SENTENCE_END = re.compile("[.!?]")
_WORD_OF = operator.itemgetter(2)  # a token's lowercase form


def after_words(par: Paragraph, end: int, n: int, stop: re.Pattern[str] = _CLAUSE) -> list[str]:
    """The first ``n`` words after ``end`` (lowercase), up to the first ``stop`` mark."""
    text, out, pos = par.text, [], end
    for t in par.tokens_after(end, n):
        if t[0] > pos + 1 and stop.search(text, pos, t[0]):  # a single space needs no search
            break
        out.append(t[2])
        pos = t[1]
    return out


def sentence_words(par: Paragraph, start: int) -> set[str]:
    """The words (lowercase) of the sentence around ``start``."""
    sentence = par.sentence_at(start)
    return {t[2] for t in par.tokens_within(sentence.start, sentence.end)}


# --- what a paragraph's matches share --------------------------------------------------
class Context:
    """Facts about a paragraph that several of its matches ask for, each worked out once, on
    first use (plain attributes: functools.cached_property takes a lock on every first use)."""

    __slots__ = ("par", "_combat", "_title_case", "_critics")

    def __init__(self, par: Paragraph) -> None:
        self.par = par
        self._combat: str | None = None
        self._title_case: bool | None = None
        self._critics: tuple[int, ...] | None = None

    @property
    def combat(self) -> str:
        """The first word of armed combat in the paragraph, or ""."""
        if self._combat is None:
            found = COMBAT.intersection(map(_WORD_OF, self.par.tokens))
            self._combat = next((t[2] for t in self.par.tokens if t[2] in found), "") if found else ""
        return self._combat

    @property
    def critics(self) -> tuple[int, ...]:
        """Where the paragraph names critics or a verbal attack (word offsets)."""
        if self._critics is None:
            words = set(map(_WORD_OF, self.par.tokens))
            if words.isdisjoint(CRITICS) and words.isdisjoint(CRITICAL_ATTACK):
                self._critics = ()
            else:
                self._critics = tuple(t[0] for t in self.par.tokens if t[2] in CRITICS or t[2] in CRITICAL_ATTACK)
        return self._critics

    @property
    def title_case(self) -> bool:
        """Written in title case (a headline): capitals do not mark names."""
        if self._title_case is None:
            words = [t for t in self.par.tokens if len(t[2]) > 3]
            capitals = sum(self.par.text[t[0]].isupper() for t in words)
            self._title_case = bool(words) and capitals >= TITLE_CASE_SHARE * len(words)
        return self._title_case


TITLE_CASE_SHARE = 0.8  # of the words over three letters: a headline in title case, not prose with names
_LAST = [Context.__new__(Context)]  # one slot: the matches of a paragraph are read one after another
_LAST[0].par = None  # type: ignore[assignment]


def context(par: Paragraph) -> Context:
    last = _LAST[0]
    if last.par is par:
        return last
    last = _LAST[0] = Context(par)
    return last


# --- 1. distancing -----------------------------------------------------------------------
CALLING = frozenset("""call calls called calling describe describes described describing dub dubs dubbed term
terms termed label labels labelled labeled brand brands branded characterise characterises characterised
characterize characterizes characterized portray portrays portrayed paint paints painted refer refers
referred""".split())
CALLED_AS = frozenset("""described characterised characterized portrayed labelled labeled branded dubbed
painted""".split())
SPEECH = frozenset({"said", "says", "say", "told", "tells", "added", "adds", "warned", "warns", "wrote", "writes",
                    "called", "calls", "described", "describes", "dubbed", "termed", "labelled", "labeled",
                    "branded", "claimed", "claims", "insisted", "argued", "stated", "declared", "denounced",
                    "accused", "according", "noted", "explained", "admitted", "announced", "tweeted", "posted",
                    "urged", "asked", "replied", "calling", "saying", "describing", "as"})
SCARE_QUOTE_WORDS = 3


def distanced(par: Paragraph, start: int, end: int) -> str:
    """Why the writer holds the word at ``start:end`` at arm's length, or ""."""
    why = _called(par, start, end)
    if why:
        return why
    quote = _quote_around(par, start, end)
    if quote is not None and _scare_quotes(par, *quote):
        return "distanced: scare quotes (a short term nobody is said to have spoken)"
    return ""


def _called(par: Paragraph, start: int, end: int) -> str:
    """"so-called X", "what X calls Y", "described as Y by": the verb of naming within a few words
    before the match (words, not characters, so quotation marks and hyphens do not count)."""
    for t in par.tokens_before(start, 5):
        if t[2] in CALLING:
            break
    else:
        return ""
    words = [t[2] for t in par.tokens_before(start, 9)]
    verb = max(i for i, w in enumerate(words) if w in CALLING)
    between = len(words) - 1 - verb  # words between the verb and the match
    if words[verb] == "called" and verb >= 1 and words[verb - 1] == "so" and between <= 2:
        return "distanced: 'so-called'"
    if "what" in words[max(0, verb - 5) : verb] and between <= 3:
        return "distanced: 'what … calls' (someone else's word)"
    if words[verb] in CALLED_AS and verb + 1 < len(words) and words[verb + 1] == "as" and between <= 4:
        if "by" in after_words(par, end, 4, _SENTENCE_END):
            return "distanced: 'described as … by' (someone else's word)"
    return ""


def _quote_around(par: Paragraph, start: int, end: int) -> tuple[int, int] | None:
    if not par.quotes or not par.in_quote(start, end):
        return None
    for q in par.quotes:
        if q.start <= start and end <= q.end:
            return q.start, q.end
    return None


def _scare_quotes(par: Paragraph, qs: int, qe: int) -> bool:
    """A short quotation (at most three words) with no speaker: no verb of saying or naming in
    the four words before it or the two after it."""
    inside = par.tokens_within(qs, qe)
    if not inside or len(inside) > SCARE_QUOTE_WORDS:
        return False
    near = [t[2] for t in par.tokens_before(qs, 4)] + [t[2] for t in par.tokens_after(qe, 2)]
    return not any(w in SPEECH for w in near)


# --- 2. names, 3. devices ------------------------------------------------------------------
def part_of_name(par: Paragraph, start: int, end: int) -> bool:
    text = par.text
    if not text[start : start + 1].isupper() or par.sentence_at(start).start == start:
        return False
    before = par.tokens_before(start, 1)
    after = par.tokens_after(end, 1)
    capital = [t for t in before + after
               if text[t[0] : t[0] + 1].isupper() and not _CLAUSE.search(text, min(t[1], start), max(t[0], end))]
    return bool(capital) and not context(par).title_case


DEVICES = frozenset({"detector", "detectors", "detection", "squad", "squads", "disposal", "software", "sniffer",
                     "dogs", "proof", "proofing", "scanner", "scanners", "insurance", "drill", "drills", "shelter",
                     "shelters", "suit", "suits", "siren", "sirens", "clock", "clocks", "system", "systems"})
DEVICE_LEMMAS = frozenset({"alarm", "bomb", "explosive", "explosives", "explosive device", "fire", "virus",
                           "attack", "riot", "hazard", "danger", "disaster", "emergency", "crime", "terrorism",
                           "fraud", "theft", "poison", "spy", "hack", "flood", "weapon", "gun", "missile",
                           "shock", "death", "victim", "damage", "accident", "crash", "injury"})
ALARM_DEVICES = frozenset({"fire", "burglar", "car", "smoke", "security", "house", "intruder"})


def device(par: Paragraph, lemma: str, start: int, end: int) -> str:
    nxt = after_words(par, end, 1)
    if nxt and nxt[0] in DEVICES and lemma != "alarm":
        return f"names a device or a team ('{nxt[0]}'), not a harm"
    if lemma == "alarm":
        prev = par.tokens_before(start, 1)
        if (prev and prev[0][2] in ALARM_DEVICES) or (nxt and nxt[0] in ("clock", "clocks", "system", "systems")):
            return "names a device (an alarm that rings), not fear"
    return ""


# --- 4. literal combat, 5. attack in words ------------------------------------------------
COMBAT = frozenset("""troops soldier soldiers army armies military militants militant rebels rebel insurgents
militia militias shelling shells airstrike airstrikes missiles missile bombs bombing bombings gunfire tanks
killed wounded casualties civilians fighters armed guns artillery navy marines jihadists taliban nato
invaded occupied occupation frontlines warplanes drones ceasefire refugees protests protesters protest
demonstrators demonstrations riots rioters unrest clashes violence""".split())
NAMED_WAR = re.compile(r"\b(?:civil|world|great|gulf|first|second|cold|holy|proxy|nuclear)\s+$", re.IGNORECASE)
WAR_LEMMAS = frozenset({"war", "warfare", "battle", "battlefield", "battleground", "fight", "fought", "combat",
                        "siege", "besieged", "under siege", "under fire", "ambush", "invasion", "invade", "enemy",
                        "enemies", "front line", "frontline", "truce", "ceasefire", "firing line", "surrender",
                        "counter-attack", "counterattack", "counteroffensive", "counter-offensive", "guerrilla",
                        "insurgency", "mercenar*", "bombard", "bombardment", "conquer", "conquest", "escalat*",
                        "retaliat*", "reprisal", "standoff", "stand-off", "showdown", "erupt", "erupted", "skirmish"})


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
CRITICS = frozenset("""critics commentators columnists opponents campaigners detractors pundits mps senators
politicians newspapers tabloids""".split())
CRITICAL_ATTACK = frozenset({"verbal", "personal", "scathing", "blistering", "withering"})


def attack_in_words(par: Paragraph, lemma: str, start: int, end: int) -> str:
    """Criticism told as an attack: "attacked the plan", "an attack on the policy", "attacked him
    for ...", or an attack in a sentence whose attackers are critics or commentators."""
    if lemma not in ("attack", "assault"):
        return ""
    verb = par.text.endswith(("ed", "ing"), start, end)
    if verb or par.text.startswith(" on ", end):
        after = after_words(par, end, 4, _SENTENCE_END)
        if (verb and (any(w in IDEAS for w in after[:3]) or "for" in after[1:3])) or (
                after[:1] == ["on"] and any(w in IDEAS for w in after[1:4])):
            return "an attack in words (criticism): a war image"
    critics = context(par).critics
    if critics:
        sentence = par.sentence_at(start)
        if any(sentence.start <= pos < sentence.end for pos in critics):
            return "an attack in words (criticism): a war image"
    return ""


# --- 6. magnitude words ----------------------------------------------------------------
GAINS = frozenset("""funding fund funds round rounds valuation valuations investment investments investor
investors profit profits revenue revenues sales earnings growth demand success successes popularity
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
                            "hugely", "constantly", "non-stop", "every single day", "day after day"})
HARM_AT = -1.0  # VADER valence at or below which a word names something bad
GAIN_AT = 2.0  # and at or above which a good (success 2.7); milder words (ready 1.5) decide nothing
HARM_CATEGORIES = frozenset({"crime", "violence", "intrusion", "harm", "hazard", "emotive", "hyperbole",
                             "catastrophe", "threat_reach", "fear_word", "war_metaphor", "escalation"})
VERBS = frozenset({"soar", "skyrocket", "surge", "spiral", "balloon", "rocketed", "rocketing", "ballooned",
                   "ballooning", "plummet", "plunge", "nosedive"})


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


def _clause_tokens(par: Paragraph, start: int, end: int, n: int) -> tuple[list[str], list[str]]:
    """Up to ``n`` words after ``end`` and before ``start`` (nearest first), within the clause."""
    text = par.text
    before, pos = [], start
    for t in reversed(par.tokens_before(start, n)):
        if pos > t[1] + 1 and _CLAUSE.search(text, t[1], pos):
            break
        before.append(t[2])
        pos = t[0]
    return after_words(par, end, n), before


def magnitude(par: Paragraph, lemma: str, start: int, end: int) -> tuple[str, str]:
    """("harm" | "gain" | "neutral", the deciding word) for a magnitude word: a verb ("costs
    soared") is read by its subject, then what follows; an adjective or adverb by the head that
    follows it in its clause ("a massive funding round"), or, at the end of its clause, by what
    it is said of ("the scale of illegal downloading vast")."""
    after, before = _clause_tokens(par, start, end, 4)
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
threaten potential possible risking fear fears warn warned warns warning predict predicted forecast if""".split())


def crisis_or_disaster(par: Paragraph, lemma: str, start: int, end: int, reading: Reading) -> Reading | None:
    before = [t[2] for t in par.tokens_before(start, 2)]
    if lemma == "crisis":
        if before and before[-1] == "midlife":
            return None  # a personal phase, not a crisis of anything
        if before and before[-1] in ("a", "an"):
            return Reading(reading.weight, "hyperbole", "the writer calls it a crisis")
        return reading
    words = sentence_words(par, start)
    if (before and before[-1] in ("a", "an")) or words & FUTURE:
        return Reading(reading.weight, "catastrophe", "a disaster predicted or evoked")
    return reading


# --- 8. a threat with its reach, 9. fear attributed ---------------------------------------
REACH = frozenset("""society public democracy everyone anyone everybody anybody humanity mankind world planet
civilisation civilization nation country countries security children families millions billions lives humans
people economy economies everything all us our your you households household generation generations
future""".split())
SCOPE = frozenset({"every", "whole", "entire", "all"})  # "every patient", "the whole planet"
HAZARD_LEMMAS = frozenset({"threat", "threaten", "threatened", "danger", "dangerous", "dangerously", "risk",
                           "risky", "at risk", "hazard", "hazardous", "vulnerable", "vulnerability",
                           "vulnerabilities", "harm", "harmful", "unsafe", "endangered"})


def reach(par: Paragraph, lemma: str, start: int, end: int) -> str:
    """Who a hazard reaches, named after it ("a threat to democracy", "a danger for every child")
    or before it in its clause ("puts every patient at risk", "millions of people are at risk")."""
    if lemma not in HAZARD_LEMMAS:
        return ""
    after = after_words(par, end, 6, _SENTENCE_END)
    for i, w in enumerate(after):
        if w in SCOPE and i + 1 < len(after):
            return f"a threat with its reach ('{w} {after[i + 1]}'): a fear appeal"
        if w in REACH and (i == 0 or after[i - 1] in ("to", "for", "the", "our", "your", "national", "public", "of")):
            return f"a threat with its reach ('{w}'): a fear appeal"
    _, before = _clause_tokens(par, start, end, 7)
    for i, w in enumerate(before):  # nearest first
        if w in SCOPE and i > 0:
            return f"a threat with its reach ('{w} {before[i - 1]}'): a fear appeal"
        if w in ("millions", "billions", "everyone", "everybody", "anyone", "humanity", "society"):
            return f"a threat with its reach ('{w}'): a fear appeal"
    return ""


EXPERIENCER_FORMS = frozenset({"fear", "fears", "feared", "fearing", "alarmed", "frightened", "terrified",
                               "scared", "horrified", "panicked", "petrified", "fearful", "outraged"})
PEOPLE = frozenset("""people residents parents owners officials experts scientists users workers families
voters investors locals critics doctors police staff farmers others observers onlookers witnesses passengers
customers shoppers viewers fans children pupils students patients neighbours villagers citizens
americans britons""".split())
SUBJECTS = PEOPLE | frozenset("i we they he she you who also still now many some most often increasingly".split())
_BE = frozenset({"is", "are", "was", "were", "been", "be", "feel", "felt", "feels", "became", "become", "get",
                 "got", "seem", "seemed", "looked"})


def attributed_fear(par: Paragraph, start: int, end: int) -> str:
    form = par.text[start:end].lower()
    if form not in EXPERIENCER_FORMS:
        return ""
    prev = [t[2] for t in par.tokens_before(start, 2)]
    nxt = after_words(par, end, 1)
    if nxt and nxt[0] in PEOPLE:
        return "fear described in people of the story, not an appeal to the reader"
    if prev and (prev[-1] in SUBJECTS or prev[-1] in _BE or (len(prev) > 1 and prev[-2] in _BE)):
        if form in ("fears",) and nxt and nxt[0] in ("of", "over", "about", "for"):
            return ""  # "fears of a pandemic": the fear is the story's claim
        return "fear described in people of the story, not an appeal to the reader"
    return ""


# --- the rule -----------------------------------------------------------------------------
@functools.lru_cache(maxsize=4096)
def _lemma(term: str) -> str:
    return term[:-1] if term.endswith(lx.INFLECTED) else term


def read(par: Paragraph, m: Match, reading: Reading) -> Reading | None:
    """The alarm measure's reading of one match (the rules of the module docstring, in order)."""
    start, end = m.start, m.end
    lemma = _lemma(m.entry.term)
    cat = reading.category
    kind = word = ""
    if cat == "intensifier":
        kind, word = magnitude(par, lemma, start, end)
        if kind != "harm" and lemma in DEGREE_ADVERBS:
            return None  # "completely different": a degree adverb is alarm only before a harm
    why = distanced(par, start, end)
    if why:
        return Reading(0.0, cat, why)
    if par.text[start].isupper() and part_of_name(par, start, end):
        return Reading(0.0, cat, "part of a name")
    if lemma in DEVICE_LEMMAS:
        why = device(par, lemma, start, end)
        if why:
            return Reading(0.0, cat, why)
    if cat in CONFLICT:
        why = literal_combat(par, lemma, start, end)
        return Reading(reading.weight, "violence", why) if why else reading
    if cat == "intensifier":
        if lemma in DOWNWARD:
            return Reading(0.0, cat, f"a fall in a harm ('{word}'): not alarm") if kind == "harm" else reading
        if kind == "gain":
            return Reading(0.0, cat, f"magnifies a gain ('{word}'), not a harm")
        if kind == "neutral":
            return Reading(0.0, cat, "magnifies nothing harmful here")
        return reading
    if cat == "hazard":
        why = reach(par, lemma, start, end)
        return Reading(reading.weight, "threat_reach", why) if why else reading
    if lemma in ("attack", "assault"):
        why = attack_in_words(par, lemma, start, end)
        return Reading(reading.weight, "war_metaphor", why) if why else reading
    if lemma in ("crisis", "disaster"):
        return crisis_or_disaster(par, lemma, start, end, reading)
    if cat == "fear_word":
        why = attributed_fear(par, start, end)
        return Reading(0.0, cat, why) if why else reading
    return reading
