"""A small rule-based English lemmatiser for the claim alignment (no model, no download).

``lemma(word)`` maps a lowercase word to a key shared by its inflections, so that a
retelling meets its source across tense and number: "stole", "stolen" and "steals" ->
"steal"; "queries" and "query" -> "query"; "accused", "accusing" and "accuses" -> "accus".

How: (1) a table of irregular forms written here (the common irregular verbs of news
reporting and irregular plurals) gives the base form; (2) otherwise one inflectional suffix
is removed ("-ies"/"-ied" -> "-y", "-es" after a sibilant, "-s", "-ed", "-ing"); (3) a
final "e" is dropped and a doubled final consonant undoubled, so that the base form and the
inflected one meet ("accuse"/"accus(ed)", "stop"/"stopp(ed)"). The key is therefore not
always a dictionary word ("accus"); the alignment shows the words as they stand in the
text, never the key. Derivation ("accusation", "independently") is left alone: the
character n-grams of the alignment bridge it.

Known limits: a word whose own spelling ends like an inflection ("news", "series",
"always" are listed as exceptions; an unlisted one may be cut: "bias" stays, "alias" is
not listed but "-as" is never cut); no part of speech is used, so "saw" (the tool) becomes
"see".
"""

from __future__ import annotations

import functools

from analysis import lexicon as lx

# Irregular verb forms (past, participle, and the odd third person) and irregular plurals.
_IRREGULAR_TEXT = """
arise arose arisen | awake awoke awoken | be was were been is am are | bear bore borne born |
beat beaten | become became | begin began begun | bend bent | bet | bid | bind bound |
bite bit bitten | bleed bled | blow blew blown | break broke broken | breed bred |
bring brought | build built | burn burnt | buy bought | catch caught | choose chose chosen |
cling clung | come came | cost | creep crept | cut | deal dealt | dig dug | do did done does |
draw drew drawn | dream dreamt | drink drank drunk | drive drove driven | eat ate eaten |
fall fell fallen | feed fed | feel felt | fight fought | find found | flee fled | fly flew flown |
forbid forbade forbidden | forecast | forget forgot forgotten | forgive forgave forgiven |
freeze froze frozen | get got gotten | give gave given | go went gone goes | grind ground |
grow grew grown | hang hung | have had has | hear heard | hide hid hidden | hit | hold held |
hurt | keep kept | kneel knelt | know knew known | lay laid | lead led | lean leant |
leap leapt | learn learnt | leave left | lend lent | let | lie lay lain | light lit | lose lost |
make made | mean meant | meet met | mislead misled | mistake mistook mistaken | overcome overcame |
overtake overtook overtaken | overthrow overthrew overthrown | pay paid | prove proven | put |
quit | read | rid | ride rode ridden | ring rang rung | rise rose risen | run ran | say said |
see saw seen | seek sought | sell sold | send sent | set | shake shook shaken | shed |
shine shone | shoot shot | show shown | shrink shrank shrunk | shut | sing sang sung |
sink sank sunk | sit sat | sleep slept | slide slid | speak spoke spoken | speed sped |
spend spent | spin spun | split | spread | spring sprang sprung | stand stood | steal stole stolen |
stick stuck | sting stung | strike struck stricken | strive strove striven | swear swore sworn |
sweep swept | swim swam swum | swing swung | take took taken | teach taught | tear tore torn |
tell told | think thought | throw threw thrown | thrust | undergo underwent undergone |
understand understood | undertake undertook undertaken | undo undid undone | upset |
uphold upheld | wake woke woken | wear wore worn | weave wove woven | weep wept | win won |
wind wound | withdraw withdrew withdrawn | withhold withheld | withstand withstood |
write wrote written |
child children | man men | woman women | person people | foot feet | tooth teeth |
mouse mice | criterion criteria | phenomenon phenomena | analysis analyses | crisis crises |
thesis theses | basis bases | diagnosis diagnoses | hypothesis hypotheses | index indices |
medium media | datum data
"""

# Words that end like an inflection but are not one.
_KEEP = frozenset(
    """news series species always perhaps across less unless its this thus his has was is
    bus gas yes plus minus status virus campus census bonus focus chaos bias atlas canvas
    alias lens politics economics physics mathematics statistics ethics tactics athletics
    analytics logistics electronics semiconductors sometimes nevertheless whereas overseas
    during bring thing king ring spring string sing wing morning evening nothing something
    anything everything building ceiling sibling darling feeling meeting wedding red bed shed
    need seed feed speed bleed breed deed weed heed reed hundred kindred sacred naked wicked
    wretched ragged rugged""".split()
)

# Word families of news paraphrase: words an outlet puts in place of the source's word for
# the same act or thing (a denial, an accusation, a lawsuit, a theft, a copy, a fall or a
# rise, a closure, a fake). Each member's key becomes the first word's key. Kept to words
# that rarely mean anything else in news copy; written for this project.

_BASE: dict[str, str] = {}
for _group in _IRREGULAR_TEXT.split("|"):
    _forms = _group.split()
    if _forms:
        for _form in _forms:
            _BASE.setdefault(_form, _forms[0])

_VOWELS = set("aeiouy")
_DOUBLES = frozenset("bdgkmnprtz")


def _has_vowel(stem: str) -> bool:
    return any(ch in _VOWELS for ch in stem)


def _strip(word: str) -> str:
    """Remove one inflectional suffix (see the module docstring)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "zes", "ches", "shes")) and len(word) > 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "as")) and len(word) > 3:
        return word[:-1]
    if word.endswith("ing") and len(word) >= 5 and _has_vowel(word[:-3]):
        return word[:-3]
    if word.endswith("ed") and len(word) >= 4 and _has_vowel(word[:-2]):
        return word[:-2]
    return word


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The key of a lowercase word: its lemma, or its family's (lexicon ``word_families``)."""
    key = _lemma(word)
    return _families().get(key, key)


def _lemma(word: str) -> str:
    """The lemma key of a lowercase word (the word itself for numbers and short words)."""
    if not word.isalpha():
        return word
    if len(word) <= 3:
        word = _BASE.get(word, word)
        return word[:-1] if len(word) == 3 and word.endswith("e") and not word.endswith("ee") else word
    if word in _BASE:
        word = _BASE[word]
    elif word not in _KEEP:
        word = _strip(word)
    if len(word) >= 3 and word.endswith("e") and not word.endswith("ee"):
        word = word[:-1]
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] in _DOUBLES:
        word = word[:-1]
    return word


@functools.cache
def _families() -> dict[str, str]:
    """Each member's lemma -> its family's lemma, from the ``word_families`` lexicon (a family
    is a category named by its first member); read on first use, not at import."""
    return {_lemma(e.term): _lemma(e.category) for e in lx.load("word_families").entries}
