"""Context rules of the hedging measure: why a matched cue is not a hedge here, or only a
marginal one. Each function returns the reason shown with the evidence, or "" when the rule
does not apply. Documented with the measure in analysis/measures/hedging.py."""

from __future__ import annotations

from analysis.measures.names import typographic
from analysis.text import Paragraph

_MONTH_CONTEXT = frozenset(
    "in on since until till by from early late mid last next this of during between "
    "before after through to and".split()
)


def month_or_name(par: Paragraph, start: int, end: int) -> str:
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
    sentence = par.sentence_at(start)
    if start == sentence.start:
        return ""
    if not typographic(par.text[sentence.start:sentence.end]):
        return "capitalised 'May' in mid-sentence: the month or a name, not the modal"
    # A Title Case headline capitalises every word ("Plant May Close"); a modal takes the bare
    # verb, so a verb in -s after it makes "May" the subject: "Theresa May Speaks Out".
    after = nxt[0][2] if nxt else ""
    if after.endswith("s") and not after.endswith(("ss", "us", "is")):
        return f"'May {par.text[nxt[0][0]:nxt[0][1]]}': a name before a verb in -s (a modal takes the bare verb)"
    return ""
    return ""


def word_before(par: Paragraph, start: int) -> str:
    """The word (token, lower case) before ``start``, across any punctuation; "" at the start."""
    prev = par.tokens_before(start, 1)
    return prev[-1][2] if prev else ""


def word_after(par: Paragraph, end: int) -> str:
    """The word (token, lower case) right after ``end`` when only white space comes between
    ("appears, in" has none); "" otherwise."""
    nxt = par.tokens_after(end, 1)
    return nxt[0][2] if nxt and not par.text[end : nxt[0][0]].strip() else ""


def word_after_next(par: Paragraph, end: int) -> str:
    """The second word after ``end`` (token, lower case), or ""."""
    nxt = par.tokens_after(end, 2)
    return nxt[1][2] if len(nxt) > 1 else ""


_NOT_SEEMING = frozenset({"in", "on", "at", "before"})
_FEASIBLE = frozenset({"where", "if", "whenever", "wherever", "when"})
_PREDICATIVE = frozenset({"for", "be", "is", "are", "was", "were", "am", "been", "feel", "felt", "seems", "seem",
                          "quite", "very", "absolutely", "not"})


# "may" in these frames states what can happen or what can be done, in any genre:
# "symptoms may include", "the term may refer to", "it may be used to".
# Verbs that predict an event ("may lead to", "may affect", "may be made", "may be called")
# are left out: in news they are forecasts, and forecasts are hedged.
_ROOT_MAY_VERBS = frozenset("include vary differ range contain consist refer".split())
_FORECAST_CONTENT = frozenset({"include", "includes", "contain", "contains"})
_ROOT_MAY_PASSIVES = frozenset(
    "used classified served obtained applied divided grouped combined converted "
    "expressed exercised redeemed".split())
_BOUND = frozenset({"best", "worst", "highest", "lowest", "greatest", "largest", "smallest",
                    "maximum", "minimum", "all", "every", "any"})
# "claimed victory", "claims the title", "claimed the lives of": took or won, not asserted
_WON = frozenset("victory responsibility credit lives ownership sovereignty asylum gold silver "
                 "bronze title titles throne crown championship seat seats prize win".split())
_SPREAD = frozenset("available used spaced distributed separated scattered varying varied travelled "
                    "traveled toured read sold grown planted different".split())
_DETERMINERS = frozenset("the a an his her their its".split())


def took_or_won(par: Paragraph, end: int) -> str:
    """The object of "claimed" when it means took or won ("claimed the title"), or ""."""
    nxt = [t[2] for t in par.tokens_after(end, 2)]
    if nxt and nxt[0] in _DETERMINERS:
        nxt = nxt[1:]
    return nxt[0] if nxt and nxt[0] in _WON else ""


# A subject that names anyone, or a kind by a bare plural ("Players may", "Young children
# may"), gives "may" its existential or deontic reading: what some of them can do, what can
# happen to them, what they are allowed to do (Coates 1983, The Semantics of the Modal
# Auxiliaries; Carlson 1977 on bare plurals). A specific subject ("the plant", "he", "Iran",
# "the new rules") keeps the epistemic reading: the forecast of news.
_ANYONE = frozenset("you one anyone anybody someone somebody everyone everybody".split())
_IRREGULAR_PLURALS = frozenset("people children men women".split())
_NOT_PLURAL = frozenset(
    "this its his hers ours yours theirs is was has does as us thus perhaps always sometimes "
    "nevertheless news series means police politics economics physics mathematics "
    "whereas besides various".split())
# Groups that in news name the participants of the story, definite without "the":
# "Officials may act", "Investigators may never know" are forecasts about those people.
_STORY_GROUPS = frozenset(
    "officials authorities investigators prosecutors regulators lawmakers legislators ministers "
    "officers troops soldiers rescuers negotiators inspectors protesters militants rebels "
    "insurgents forces diplomats detectives".split())
_PREPOSITIONS = frozenset(
    "of in from with by on for at about among between into onto over under without within "
    "across against during through".split())
_SPECIFIERS = frozenset(
    "the this that these those his her its their our my your both either neither such "
    "two three four five six seven eight nine ten".split())


def plural_noun(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    return (len(word) > 3 and word.endswith("s") and word not in _NOT_PLURAL
            and not word.endswith(("ss", "us", "is", "'s", "ous", "ics")))


def sentence_initial(par: Paragraph, pos: int) -> bool:
    """True when nothing but punctuation comes before ``pos`` in its sentence."""
    s = par.sentence_at(pos)
    return not any(c.isalnum() for c in par.text[s.start:pos])


def generic_subject(par: Paragraph, start: int) -> str:
    """Why "may" has a generic subject (existential or deontic reading), or "" when it has a
    specific one or none in sight (", may", "and may": the benefit of the doubt goes to the
    hedge)."""
    prev = par.tokens_before(start, 3)
    if not prev or par.text[prev[-1][1]:start].strip():
        return ""
    s, e, word = prev[-1]
    original = par.text[s:e]
    if word in _ANYONE:
        return f"'{original} may': what anyone can do or may do, rarely doubt"
    if not plural_noun(word) or (original[:1].isupper() and not sentence_initial(par, s)):
        return ""  # not a plural, or a name ("the Beatles", "Iranians")
    if word in _STORY_GROUPS:
        return ""  # "Officials may act": the officials of the story
    right = s
    for s2, e2, w2 in reversed(prev[:-1]):  # up to two modifiers in the same phrase
        if par.text[e2:right].strip():
            break  # punctuation: another phrase
        if (w2 in _SPECIFIERS or w2.endswith("'s") or w2[:1].isdigit()
                or (par.text[s2].isupper() and not sentence_initial(par, s2))):
            return ""  # "the new rules", "Britain's farmers", "Ford workers": specific
        if w2 in _PREPOSITIONS:
            return ""  # "noise from passing ships may": the plural is not the subject
        right = s2
    return f"'{original} may': a generic subject; what some of them can do or undergo, rarely doubt"


def specific_subject(par: Paragraph, start: int) -> bool:
    """True when the words right before "may" are a noun phrase with a specifier ("the plan
    may include", "its new rules may vary"): a forecast about that thing, not what things of
    a kind can do. A pronoun right before ("it may be used", "this may include") says
    nothing either way."""
    prev = par.tokens_before(start, 3)
    if not prev or par.text[prev[-1][1]:start].strip() or prev[-1][2] in _PRONOUNS:
        return False
    right = start
    for s, e, word in reversed(prev):
        if par.text[e:right].strip():
            return False  # punctuation: another phrase
        if word in _SPECIFIERS or word.endswith("'s"):
            return True
        right = s
    return False


_PRONOUNS = frozenset("it this that these those they he she we you i one which who what".split())


def root_may(par: Paragraph, end: int, specific: bool = False) -> str:
    """Why a modal "may" reads as possibility or permission (a marginal cue), or "".
    ``specific``: the subject is a specific noun phrase ("the plan may include"), which
    makes "include" or "contain" a forecast about that thing; verbs of meaning and
    variation ("the term may refer to", "the rate may vary") and passives of use or
    permission ("the warrants may be exercised") stay what can be or can be done."""
    nxt = [t[2] for t in par.tokens_after(end, 3)]
    if nxt and nxt[0].removesuffix("s") in _ROOT_MAY_VERBS and not (specific and nxt[0] in _FORECAST_CONTENT):
        return f"'may {nxt[0]}': what can happen, rarely doubt"
    if nxt[:1] == ["be"] and len(nxt) > 1 and nxt[1] in _ROOT_MAY_PASSIVES:
        return f"'may be {nxt[1]}': what can be done, rarely doubt"
    return ""


_BE = frozenset("is are was were be been being 's".split())
CRITICISED = ("criticised", "criticized")


def active_criticism(par: Paragraph, start: int) -> bool:
    """True when "criticised" is an active verb or a bare participle ("the UN criticised the
    plan"): the critic is the subject, so nothing is hidden. Only a passive ("has been
    (widely) criticised") leaves the critic out."""
    prev = [t[2] for t in par.tokens_before(start, 3)]
    return not any(w in _BE for w in prev[-3:])


def critic_named(par: Paragraph, end: int) -> str:
    """The word that names the critics after a criticism ("by the UN", "from unions"), or ""."""
    nxt = [t[2] for t in par.tokens_after(end, 1)]
    return nxt[0] if nxt and nxt[0] in ("by", "from") else ""


_RULED = frozenset(
    "could appear appears appeared believe believes believed doubt certain possible widely criticism "
    "claim claims claimed".split())


def not_a_hedge(par: Paragraph, term: str, start: int, end: int) -> str:
    """Why a matched cue is not a hedge in this context ("" when it is one)."""
    if term == "may":
        return month_or_name(par, start, end)
    if term not in _RULED and not term.endswith(CRITICISED):
        return ""
    after, before = word_after(par, end), word_before(par, start)
    if term == "could" and after in ("not", "n't"):  # the lexicon never matches inside "couldn't"
        return "'could not': past inability, not a hedge"
    if term in ("appear", "appears", "appeared") and after in _NOT_SEEMING:
        return f"'{term} {after}': a performance, a publication or a hearing, not seeming"
    if term in ("appear", "appears", "appeared") and after == "as" and word_after_next(par, end) not in ("if", "though"):
        return f"'{term} as': a role or a likeness shown, not seeming"
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
    if (term.endswith(CRITICISED) or term == "criticism") and (by := critic_named(par, end)):
        return f"'{term} {by} ...': the critics are named"
    if term in ("claim", "claims", "claimed") and (won := took_or_won(par, end)):
        return f"'{term} ... {won}': took or won, not asserted"
    return ""
