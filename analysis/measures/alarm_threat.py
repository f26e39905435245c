"""The alarm rules that read a threat or a fear in its context (rules 8 and 9 of
``alarm_rules``): a hazard word that names whom it reaches, a risk stated as a measure or a
hazard word as the term of a trade, a threat that someone made, fear described in the people
of the story (guideline 7.7, 9.6, 9.7, 9.9)."""

from __future__ import annotations

from analysis.measures.alarm_context import SENTENCE_END, after_words, clause_tokens, context
from analysis.text import Paragraph

# --- 8. a threat with its reach, 9. fear attributed ---------------------------------------
REACH = frozenset("""society public democracy everyone anyone everybody anybody humanity mankind world planet
civilisation civilization nation country countries security children families millions billions lives humans
people economy economies everything all us our your you households household generation generations
future""".split())
SCOPE = frozenset({"every", "whole", "entire", "all"})  # "every patient", "the whole planet"
HAZARD_LEMMAS = frozenset({"threat", "threaten", "threatened", "danger", "dangerous", "dangerously", "risk",
                           "risky", "at risk", "hazard", "hazardous", "vulnerable", "vulnerability",
                           "vulnerabilities", "harm", "harmful", "unsafe", "endangered", "endanger", "peril",
                           "perilous", "jeopardy", "jeopardise", "jeopardize", "imperil"})


def reach(par: Paragraph, lemma: str, start: int, end: int) -> str:
    """Who a hazard reaches, named after it ("a threat to democracy", "a danger for every child")
    or before it in its clause ("puts every patient at risk", "millions of people are at risk")."""
    if lemma not in HAZARD_LEMMAS:
        return ""
    after = after_words(par, end, 6, SENTENCE_END)
    for i, w in enumerate(after):
        if w in SCOPE and i + 1 < len(after):
            return f"a threat with its reach ('{w} {after[i + 1]}'): a fear appeal"
        if w in REACH and (i == 0 or after[i - 1] in ("to", "for", "the", "our", "your", "national", "public", "of")):
            return f"a threat with its reach ('{w}'): a fear appeal"
    _, before = clause_tokens(par, start, end, 7)
    for i, w in enumerate(before):  # nearest first
        if w in SCOPE and i > 0:
            return f"a threat with its reach ('{w} {before[i - 1]}'): a fear appeal"
        if w in ("millions", "billions", "everyone", "everybody", "anyone", "humanity", "society"):
            return f"a threat with its reach ('{w}'): a fear appeal"
    return ""


MEASURING = frozenset("""raise raises raised raising increase increases increased increasing reduce reduces
reduced reducing lower lowers lowered lowering cut cuts halve halves halved double doubles doubled triple
tripled higher highest greater greatest low high elevated relative absolute lifetime average""".split())
TRADE_TERMS = {  # the nouns that make a hazard word a term of a trade: risk management, security
    "risk": frozenset("""factor factors assessment assessments management manager managers profile profiles
appetite averse aversion taking taker takers model models premium premiums register rating ratings""".split()),
    "threat": frozenset("""vector vectors actor actors intelligence model models modelling modeling assessment
assessments level levels landscape hunting detection""".split()),
}


def measured_risk(par: Paragraph, lemma: str, start: int, end: int) -> str:
    """A risk stated as a measure ("raises the risk of heart disease", "a higher risk", "a 20%
    risk") or a hazard word as the term of a trade ("risk assessment", "risk-taking", "threat
    vectors", "threat actors"): a documented hazard stated plainly (guideline 7.7, 9.6), the
    event's vocabulary, not an appeal."""
    key = "risk" if lemma in ("risk", "at risk") else lemma
    if key not in TRADE_TERMS:
        return ""
    after = after_words(par, end, 1)
    text = par.text
    if (after and after[0] in TRADE_TERMS[key]) or (key == "risk" and text.startswith("-", end)):
        return f"a term of {'risk management' if key == 'risk' else 'security'}: the event's vocabulary, not an appeal"
    if key != "risk":
        return ""
    _, before = clause_tokens(par, start, end, 3)
    if any(w in MEASURING or w[:1].isdigit() for w in before) or "%" in text[max(0, start - 12) : start]:
        return "a risk stated as a measure: the event's vocabulary, not an appeal"
    return ""


PERSONS = frozenset("he she they we i who you someone anyone".split())
OBJECTS = frozenset("him her them me us".split())
ACTS = frozenset("""action legal lawsuit lawsuits suit strike strikes walkout sanctions tariffs boycott veto
legislation resignation reprisals retaliation""".split())  # what someone threatens to do


def threat_made(par: Paragraph, lemma: str, start: int, end: int) -> str:
    """A threat that someone made ("he threatened to resign", "MPs threatening to revolt",
    "Democrats threaten Barr with contempt", "threatened legal action", "threats against the
    judge"): what the story reports, not a hazard pressed on the reader. A person makes it when
    the threat is against someone, threatens an act or a person ("him", "strike action"), or
    has a person for its subject (a pronoun, people, a name); "climate change threatens
    California" is a hazard."""
    if lemma not in ("threat", "threaten"):
        return ""
    made = "a threat someone made: the event's vocabulary"
    after = after_words(par, end, 2)
    if after[:1] == ["against"] or (after and (after[0] in OBJECTS or after[0] in ACTS)):
        return made
    if lemma == "threat" and after[:1] != ["to"]:
        return ""
    _, before = clause_tokens(par, start, end, 4)
    text, title = par.text, context(par).title_case
    for w, t in zip(before, reversed(par.tokens_before(start, len(before))), strict=True):
        if w in PERSONS or w in PEOPLE or (text[t[0]].isupper() and not title
                                            and par.sentence_at(t[0]).start != t[0]):
            return made
        if w in ("which", "that", "and", "but"):
            break
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


IN_STATE = frozenset({"terror", "panic", "fear", "horror", "dread", "alarm"})  # "fled in terror"


def attributed_fear(par: Paragraph, start: int, end: int) -> str:
    form = par.text[start:end].lower()
    prev = [t[2] for t in par.tokens_before(start, 2)]
    if form in IN_STATE and prev and prev[-1] == "in":
        return "fear described in people of the story, not an appeal to the reader"
    if form not in EXPERIENCER_FORMS:
        return ""
    nxt = after_words(par, end, 1)
    if nxt and nxt[0] in PEOPLE:
        return "fear described in people of the story, not an appeal to the reader"
    if prev and (prev[-1] in SUBJECTS or prev[-1] in _BE or (len(prev) > 1 and prev[-2] in _BE)):
        if form in ("fears",) and nxt and nxt[0] in ("of", "over", "about", "for"):
            return ""  # "fears of a pandemic": the fear is the story's claim
        return "fear described in people of the story, not an appeal to the reader"
    return ""
