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
   critics or commentators: criticism told as a war image. A **blast in words** ("blasted the
   plan", "blasts Pelosi over ...") is headline hyperbole for criticism (to loaded); an
   explosion stays event.
6. **Magnitude words** (``intensifier``) count only when what they magnify is a harm: the
   head they modify or the subject they rise or fall with, read nearest word first in its
   clause. A gain or a good ("a massive funding round", "valuation skyrocketing", "huge
   success") counts 0, and so does a neutral head ("an enormous patch of asphalt"); a fall in
   a harm ("crime plummeted") is good news, 0; a cut ("slashed") counts only when what is cut
   is a good ("budgets slashed", not "prices slashed"). A word is a harm when VADER's lexicon
   rates it -1 or lower (Hutto & Gilbert 2014), when the alarm lexicon lists it, or when it
   names a cost that hurts when it rises (bills, prices, rents ...). Degree adverbs and
   boosters (totally, utterly, tremendously ...) are matches only before a harm.
7. **Crisis, disaster, scandal**: "a crisis", "a scandal" is the writer's label (loaded), "the
   crisis", "the expenses scandal" names what is reported (event); a disaster that is predicted
   or evoked (could, likely, risk, heading towards, "a disaster") is fear, the one that
   happened is event. "Midlife crisis" is no match.
8. **Threats** (``alarm_threat``): a hazard word (threat, danger, peril, risk, at risk, in
   jeopardy, "warns", warnings "of" a harm) that names who it reaches, society or the reader
   ("a threat to democracy", "puts every patient at risk", "the whole planet"), is a fear
   appeal at the full weight (``threat_reach``, 1); one that names no one is a weak fear cue
   (``threat``, 0.5). A risk stated as a measure ("raises the risk of", "a 20% risk"), a
   hazard word as the term of a trade ("risk assessment", "threat actors") and a threat that
   someone made ("he threatened to resign", "threats against the judge") are the event's
   vocabulary (``hazard``), as are the plainer hazard words (harmful, unsafe, vulnerable)
   stated without a reach (guideline 7.7, 9.6).
9. **Fear attributed** (weight 0): "they fear", "owners also fear", "residents were
   alarmed", "fled in terror": fear described in people of the story, not an appeal to the
   reader (guideline 9.7).
10. **Frequency hyperbole** (guideline 9.3): every day, constantly, time and again, round the
   clock ... count (weakly) when the clause holds a harm and no figure ("pupils are bullied
   every day"); "the trains run every day" is no match, "3,000 die every day" a plain fact (0).
"""

from __future__ import annotations

import functools

from analysis import lexicon as lx
from analysis.lexicon import Match
from analysis.measures.alarm_context import CLAUSE, SENTENCE_END, after_words, context
from analysis.measures.alarm_senses import (
    BLAST_VERBS,
    CUTS,
    DEGREE_ADVERBS,
    DOWNWARD,
    FREQUENCY,
    attack_in_words,
    blast_in_words,
    crisis_or_disaster,
    frequency,
    literal_combat,
    magnitude,
)
from analysis.measures.alarm_threat import attributed_fear, measured_risk, reach, threat_made
from analysis.measures.lexical import Reading
from analysis.text import Paragraph

EVENT = frozenset({"crime", "violence", "intrusion", "harm", "hazard"})
CONFLICT = frozenset({"war_metaphor", "escalation"})
THREAT_REACHED = 1.0  # a threat word that names whom it reaches: the full weight of a fear cue
EVENT_WEIGHT = 1.0  # an event word's weight in alarm_event


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
        if "by" in after_words(par, end, 4, SENTENCE_END):
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
               if text[t[0] : t[0] + 1].isupper() and not CLAUSE.search(text, min(t[1], start), max(t[0], end))]
    return bool(capital) and not context(par).title_case


DEVICES = frozenset({"detector", "detectors", "detection", "squad", "squads", "disposal", "software", "sniffer",
                     "dogs", "proof", "proofing", "scanner", "scanners", "insurance", "drill", "drills", "shelter",
                     "shelters", "suit", "suits", "siren", "sirens", "clock", "clocks", "system", "systems", "jacket",
                     "jackets"})
DEVICE_LEMMAS = frozenset({"alarm", "bomb", "explosive", "explosives", "explosive device", "fire", "virus",
                           "attack", "riot", "hazard", "danger", "disaster", "emergency", "crime", "terrorism",
                           "fraud", "theft", "poison", "spy", "hack", "flood", "weapon", "gun", "missile",
                           "shock", "death", "victim", "damage", "accident", "crash", "injury", "flak"})
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
    if lemma in FREQUENCY:  # rule 10
        counts, word = frequency(par, start, end)
        if counts:
            return Reading(reading.weight, cat, f"frequency hyperbole: how often a harm happens ('{word}')")
        return Reading(0.0, cat, "a frequency stated with a figure: plain fact") if word else None
    if cat == "intensifier":
        if lemma in DOWNWARD:
            return Reading(0.0, cat, f"a fall in a harm ('{word}'): not alarm") if kind == "harm" else reading
        if lemma in CUTS:
            if kind == "gain":
                return Reading(reading.weight, cat, f"a cut of a good ('{word}')")
            return Reading(0.0, cat, "cuts nothing good here")
        if kind == "gain":
            return Reading(0.0, cat, f"magnifies a gain ('{word}'), not a harm")
        if kind == "neutral":
            return Reading(0.0, cat, "magnifies nothing harmful here")
        return reading
    if cat == "hazard":
        why = reach(par, lemma, start, end)
        return Reading(reading.weight, "threat_reach", why) if why else reading
    if cat == "threat":
        why = reach(par, lemma, start, end)
        if why:
            return Reading(THREAT_REACHED, "threat_reach", why)
        why = measured_risk(par, lemma, start, end) or threat_made(par, lemma, start, end)
        return Reading(EVENT_WEIGHT, "hazard", why) if why else reading
    if cat == "violence" and lemma in BLAST_VERBS:
        why = blast_in_words(par, start, end)
        return Reading(reading.weight, "emotive", why) if why else reading
    if lemma in ("attack", "assault"):
        why = attack_in_words(par, lemma, start, end)
        return Reading(reading.weight, "war_metaphor", why) if why else reading
    if lemma in ("crisis", "disaster", "scandal"):
        return crisis_or_disaster(par, lemma, start, end, reading)
    if cat == "fear_word":
        why = attributed_fear(par, start, end)
        return Reading(0.0, cat, why) if why else reading
    return reading
