"""Context rules for the epistemic cues that news uses most and a word list misreads: the
forecast verbs (expect, anticipate, predict), "think", "should", the nouns "suspect" and
"thought", "assume" as taking something on, "believe" without a complement, "could" of
reaching or seeing, and "possible" after a superlative. Each function returns the reason
shown with the evidence when the match is not a hedge here (it then counts 0), or "".

Chosen on the development half of the news part of the Szeged uncertainty corpus (FactBank
sentences; analysis/validate/checks_hedging.py) and on what the words mean, never on a
held-out figure. Documented with the measure in analysis/measures/hedging.py.
"""

from __future__ import annotations

from analysis.measures import names
from analysis.measures.hedging_rules import sentence_initial, word_after, word_before
from analysis.text import Paragraph

# --- forecasts: expect, anticipate, predict -------------------------------------------------
FORECASTS = frozenset(
    "expect expects expected expecting anticipate anticipates anticipated predict predicts "
    "predicted predicting".split())
_CLAUSE_END = frozenset(",.;:!?)—–")
_BE_FORMS = frozenset("is are was were be been being had has have".split())


def fulfilled_forecast(par: Paragraph, term: str, start: int, end: int) -> str:
    """Why a forecast verb reports what happened rather than doubting what will: "as
    expected", "better than expected", "the sale, which had been expected, ..." ("" when it
    is a forecast)."""
    before = word_before(par, start)
    if before in ("as", "than"):
        return f"'{before} {term}': compares what happened with a forecast, no doubt about it"
    rest = par.text[end:].lstrip(" ")
    if term.endswith("ed") and (not rest or rest[0] in _CLAUSE_END) and before in _BE_FORMS:
        return f"'{before} {term}' closing its clause: a forecast that came true"
    return ""

# --- think ----------------------------------------------------------------------------------
_NOUN_BEFORE = frozenset(
    "a an the this that his her its their our my your no any some second first one much "
    "little further serious".split())


def not_belief(par: Paragraph, term: str, start: int, end: int) -> str:
    """Why "think"/"thought" is not a judgement of likelihood: "think tank", "think about/of"
    (considering, not believing), a noun "thought" ("a thought", "the thought of war", "a
    sobering thought." closing its clause)."""
    after = word_after(par, end)
    if term == "thought" and (word_before(par, start) in _NOUN_BEFORE or after in ("of", "for")
                              or par.text[end:].lstrip(" ")[:1] in ("", *_CLAUSE_END)):
        return "'thought' as a noun: an idea, not a belief about a fact"
    if after in ("tank", "tanks"):
        return f"'{term} {after}': an institution, not a belief"
    if after in ("about", "of", "over", "through", "twice", "again", "ahead", "back"):
        return f"'{term} {after}': considering, not judging likely"
    return ""


# --- should ---------------------------------------------------------------------------------
# "should" forecasts when what follows is an outcome the subject does not choose ("the
# restructuring should help", "sales should rise", "the sale should be completed within
# months"); before an action someone chooses it is obligation or advice ("Nato should be
# used", "no one should doubt"), which claims nothing about what is likely (Coates 1983 on
# epistemic vs root "should"; Palmer 2001).
_OUTCOMES = frozenset(
    "help improve increase rise fall boost reduce lower ease benefit mean lead result allow "
    "enable add offset recover return grow decline continue remain last take come arrive "
    "happen occur exceed reach top total amount cost save produce yield pay end begin start "
    "finish close open follow pass succeed fail".split())
_OUTCOME_STATES = frozenset(
    "completed finished ready over able enough sufficient available in done known clear "
    "higher lower better worse fine ok okay approved resolved settled back profitable".split())


def should_reading(par: Paragraph, end: int) -> str:
    """Why "should" is not a forecast here (obligation or advice), or "" when it is."""
    nxt = [t[2] for t in par.tokens_after(end, 3)]
    if nxt[:1] in (["not"], ["n't"]):
        nxt = nxt[1:]
    if nxt[:1] == ["also"] or nxt[:1] == ["still"]:
        nxt = nxt[1:]
    if not nxt:
        return "'should' without a verb in sight: obligation or advice, not a forecast"
    verb = nxt[0]
    if verb in _OUTCOMES or verb.removesuffix("s") in _OUTCOMES:
        return ""
    if verb == "be" and len(nxt) > 1 and nxt[1] in _OUTCOME_STATES:
        return ""
    if verb == "have" and len(nxt) > 1 and nxt[1] in ("been", "had"):
        return ""  # "should have been completed by now": an expectation about the past
    return f"'should {verb}': obligation or advice, not a forecast"


# --- suspect as a noun ----------------------------------------------------------------------
_SUBJECTS = frozenset(
    "i we they you he she police investigators officials authorities detectives prosecutors "
    "experts analysts scientists researchers doctors also strongly still now long always "
    "really n't not".split())


def suspect_noun(par: Paragraph, term: str, start: int) -> str:
    """Why "suspect(s)" is the noun (a person suspected of a crime), or "" when a subject
    or an adverb before it makes it the verb ("police suspect", "I suspect", "we strongly
    suspect")."""
    before = word_before(par, start)
    if before in _SUBJECTS or before.endswith("n't"):
        return ""
    if before in _BE_FORMS:
        return f"'{before} {term}': an adjective, doubtful, not the writer's doubt"
    return f"'{term}' as a noun: a person suspected, not a doubt"


# --- assume as taking on --------------------------------------------------------------------
_TAKEN_ON = frozenset(
    "the a an his her its their our my your control power office command responsibility "
    "responsibilities duties debt debts liabilities leadership role charge ownership "
    "management name names presidency chairmanship post posts position certain some all most "
    "part".split())


def taken_on(par: Paragraph, term: str, end: int) -> str:
    """Why "assume(d)" means took on ("assumed the role", "will assume $22 million of
    debt"), or "" when it is a supposition ("assumed that", "assume it will")."""
    nxt = par.tokens_after(end, 1)
    if not nxt:
        return ""
    word = nxt[0][2]
    if word in _TAKEN_ON or word[:1].isdigit() or par.text[end:nxt[0][0]].strip() == "$":
        return f"'{term} {word}': took on, not supposed"
    return ""


# --- believe without a complement -----------------------------------------------------------


def faith(par: Paragraph, term: str, end: int) -> str:
    """Why "believe" is faith or trust, not a judgement: nothing follows it in its clause
    ("in you we believe", "not all Cubans believe, but ...")."""
    rest = par.text[end:].lstrip(" ")
    if not rest or rest[0] in _CLAUSE_END:
        return f"'{term}' with nothing believed: faith or trust, not a judgement of likelihood"
    return ""


# --- could of reaching and seeing -----------------------------------------------------------


def could_reach_or_see(par: Paragraph, start: int, end: int) -> str:
    """Why "could" reports what someone was able to do: "(neither ...) could be reached",
    "could be seen trudging" (not "could be seen as", which hedges), or a purpose: "so that
    he could be held"."""
    prev = [t[2] for t in par.tokens_before(start, 4)]
    if any(a == "so" and b == "that" for a, b in zip(prev, prev[1:], strict=False)):
        return "'so that ... could': a purpose, what is made possible, not doubt"
    nxt = [t[2] for t in par.tokens_after(end, 3)]
    if nxt[:1] != ["be"] or len(nxt) < 2:
        return ""
    if nxt[1] in ("reached", "contacted", "located"):
        return f"'could be {nxt[1]}': whether someone answered, not doubt"
    if nxt[1] in ("seen", "heard") and (len(nxt) < 3 or nxt[2] != "as"):
        return f"'could be {nxt[1]}': what one was able to perceive, not doubt"
    return ""


# --- nobody doubts: a claim about everyone ------------------------------------------------
_DOXASTIC = frozenset(
    "believe believes think thinks doubt doubts expect expects expected suspect suspects".split())


def nobody(par: Paragraph, start: int) -> str:
    """The negative subject ("nobody", "no one") of a doxastic verb within the three words
    before it, in its clause: "nobody believes it", "no one should doubt our resolve"
    assert something of everyone rather than hedge it; or ""."""
    right = start
    for s, e, word in reversed(par.tokens_before(start, 3)):
        if par.text[e:right].strip(" '’"):
            return ""
        if word == "nobody" or (word == "one" and word_before(par, s) == "no"):
            return "no one" if word == "one" else word
        right = s
    return ""


# --- possible after a superlative -----------------------------------------------------------


def superlative(before: str) -> bool:
    """ "fastest", "severest", "earliest" (the lexicon's rules list "best", "all" apart)."""
    return len(before) > 4 and before.endswith("est") and before not in ("interest", "honest", "modest")


# --- potential + a class of people ----------------------------------------------------------
PROSPECTS = frozenset(
    "customers buyers purchasers bidders investors clients partners users suitors acquirers "
    "candidates recruits voters members employers subscribers".split())


def not_a_hedge(par: Paragraph, term: str, start: int, end: int) -> str:
    """Why a matched cue of this module is not a hedge in its context ("" when it is one)."""
    reason = _reading(par, term, start, end)
    if not reason and term in _DOXASTIC and (who := nobody(par, start)):
        return f"'{who} ... {term}': a claim about everyone, not a hedge"
    return reason


def _reading(par: Paragraph, term: str, start: int, end: int) -> str:
    if term in FORECASTS:
        return fulfilled_forecast(par, term, start, end)
    if term in ("think", "thinks", "thought"):
        return not_belief(par, term, start, end)
    if term == "should":
        return should_reading(par, end)
    if term in ("suspect", "suspects"):
        return suspect_noun(par, term, start)
    if term in ("assume", "assumed"):
        return taken_on(par, term, end)
    if term in ("believe", "believes"):
        return faith(par, term, end)
    if term == "could":
        return could_reach_or_see(par, start, end)
    if term == "possible" and superlative(before := word_before(par, start)):
        return f"'{before} possible': the utmost that can be, not doubt"
    return ""


def prospect(par: Paragraph, term: str, end: int) -> str:
    """Why "potential" is marginal: it names a class of people who might become something
    ("potential customers", "potential bidders"), not a doubt about the claim; or ""."""
    after = word_after(par, end)
    return f"'{term} {after}': a class of people, rarely a doubt" if after in PROSPECTS else ""


# --- a vague quantifier as the holder of an opinion -----------------------------------------
OPINION_VERBS = frozenset(
    "say says said argue argues argued believe believes regard regards consider considers claim "
    "claims claimed suggest suggests suggested contend contends maintain maintains feel feels "
    "fear fears speculate speculates speculated theorize theorise theorizes theorises insist "
    "insists criticise criticises criticize criticizes allege alleges doubt doubts question "
    "questions questioned assert asserts view views see sees".split())


def opinion_follows(par: Paragraph, end: int) -> str:
    """The opinion verb that a bare "some"/"many"/"several"/"most" is the subject of, within
    three words and the same phrase ("Many regard", "some theorize that", "Many Muslims
    criticise"), or ""."""
    right = end
    for s, e, word in par.tokens_after(end, 3):
        if par.text[right:s].strip():
            return ""  # punctuation: another phrase
        if word in OPINION_VERBS:
            return word
        right = e
    return ""


# --- a cue inside a name --------------------------------------------------------------------


def in_a_name(par: Paragraph, start: int, end: int) -> str:
    """Why a cue written with a capital in running text is no hedge: it is part of a name
    ("the Tomb of the Unknown Soldier", "the Ten Most Wanted list"); "" otherwise. In a Title
    Case headline capitals say nothing, and the cue counts (:mod:`analysis.measures.names`)."""
    if not par.text[start].isupper() or sentence_initial(par, start):
        return ""
    s = par.sentence_at(start)
    for n in names.names(par.text, s.start, s.end, par.tokens_within(s.start, s.end)):
        if n.start <= start and end <= n.end:
            return f"part of the name '{n.text}', not a hedge"
    return ""


# --- indicate: a speaker's signal, or evidence read as a sign -------------------------------
_AUXILIARIES = frozenset("has have had also previously already not n't clearly strongly repeatedly "
                         "publicly privately".split())
_SPEAKERS = frozenset(
    "i we you he she they it's he's she's they've we've officials commanders analysts executives "
    "spokesman spokeswoman spokesperson minister ministers president chairman chief company firm "
    "government ministry administration authorities police prosecutors investigators bank board "
    "lawyers sources diplomats negotiators".split())


def indicated_by(par: Paragraph, start: int) -> bool:
    """True when "indicate(s/d)" has a speaker for its subject ("Bush has indicated", "the
    company indicated that"): a signal reported. A thing as subject ("the decision indicates a
    breakdown", "this indicates strong demand") makes it evidence read as a sign: an inference."""
    for s, _, word in reversed(par.tokens_before(start, 4)):
        if word in _AUXILIARIES:
            continue
        if word in _SPEAKERS:
            return True
        # a name ("Bush", "Kellogg"), even at a sentence start, but not "This indicates"
        return par.text[s].isupper() and (word not in _FUNCTION_WORDS or not sentence_initial(par, s))
    return False


_FUNCTION_WORDS = frozenset("this that these those it its the a an there here such which what "
                            "all both each either neither another".split())
