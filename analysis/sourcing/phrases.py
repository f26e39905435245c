"""Noun phrases that speak: the source before, after or at the head of a reporting verb.

All functions read ``mask`` (the paragraph with quotations blanked to ``|`` and asides in
parentheses to spaces, see :func:`masked`) and return half-open offsets into it, which are
offsets into the paragraph. Every search stays within the verb's sentence and within
``WINDOW`` characters of the verb, so a megabyte-long paragraph costs linear time.
"""

from __future__ import annotations

import re

from analysis.sourcing import names
from analysis.text import Paragraph, Span

WINDOW = 400
_CONNECTORS = frozenset(
    """but and yet so however while though although when as because meanwhile instead now
    even also then still if ultimately historically furthermore indeed""".split()
)
_TRAILING = frozenset(
    """has have had also recently previously later then now even yet still would will could
    may might once always often already further repeatedly publicly privately again simply
    just last first since not never has also had already is are was were been being do does
    did""".split()
)
_RELATIVE = frozenset("who which whose whom where".split())
_SUBJECT_LEADS = names.DETERMINERS | frozenset(names.PRONOUNS)  # words that open a subject
WORD = re.compile(r"[\w&.’'-]+", re.UNICODE)  # a word of a source expression (attribution uses it too)
MAX_SOURCE_WORDS = 12
_ASIDE = re.compile(r"\([^()|]*\)")
_COMMA_END = re.compile(r"(?:,|\bby|\bbefore|\bafter)\s*$")
_ABBREV_END = re.compile(r"\b[A-Z][a-z]?\.$")
_CHUNK_CUT = re.compile(r"[,—–]|\s-\s")
# A capitalised name that lists its parts with commas ("Department for Science, Innovation and
# Technology"): its commas do not cut the expression.
# A wire dateline at the head of a paragraph ("WASHINGTON (AP) --", "BUDAPEST, March 12
# (Xinhua) --"; the bracket is blanked in the mask).
DATELINE = re.compile(r"\s*[A-Z][A-Z.'’ -]{2,}(?:,[^,|\n]{1,30}?)?\s*(?:--|_|—|–)\s*")
_PREPOSITION_LEAD = frozenset(
    "in on at for with to from during after before by into under over about through".split()
)
_NAME_LIST = re.compile(r"\b[A-Z][\w&'’-]*\s+(?:for|of)\s+[A-Z][\w'’-]*(?:,\s+[A-Z][\w'’-]*)+,?\s+and\s+[A-Z][\w'’-]*")
_DESCRIPTION_LEADS = frozenset(
    "a an the one former acting deputy senior chief top longtime veteran".split()
)
_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][a-z.]+$")  # "D-Ohio": a US party and state after a name
# A piece that opens with these is a main clause, not a description of a name before it.
_MAIN_CLAUSE = frozenset(
    """will would can could may might must should shall is are was were has have had do does did
    has not""".split()
)
_CLAUSE_WORD = re.compile(
    r"\b(?:that|who|which|and|but|while|because|when|as|if|so|where|whether|after|before|since|until|unless|"
    r"although|though|once)\b")
_NEXT_CHAR = re.compile(r"\s+(\S)")
# Up to the next stop, reading through the full stops of abbreviations ("U.S. official",
# "Ms. Buckham"): a full stop after a lone capital or followed by a letter does not stop.
_UNTIL_STOP = re.compile(
    r"(?:[^,;:.!?|()—–]+|(?<=\b[A-Z])\.|\.(?=\w)|(?<=\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|Mt|Ft))\."
    r"|(?<=\b(?:Mrs|Gen|Col|Sgt|Adm|Gov|Sen|Rep|Rev|Maj|Det))\.|(?<=\b(?:Capt|Prof|Cmdr|Brig|Pres|Supt|Insp))\.)*")
_RELATIVE_WORD = re.compile(r"\b(?:who|which|that|whose)\b")
_APPOSITION = re.compile(r"\s*,\s*([^,;:.!?|()]+)")


def masked(par: Paragraph, quotes: list[Span]) -> str:
    """The paragraph with quotation contents turned into a boundary mark and parenthesised
    asides blanked out, so that the source search neither reads inside speech nor stops at
    "(which checks …)". Offsets are unchanged."""
    text = par.text
    if quotes:
        parts: list[str] = []
        pos = 0
        for q in sorted(quotes, key=lambda q: q.start):
            begin = max(q.start, pos)
            if q.end > begin:
                parts += (text[pos:begin], "|" * (q.end - begin))
                pos = q.end
        parts.append(text[pos:])
        text = "".join(parts)
    return _ASIDE.sub(_blank, text) if "(" in text else text


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def after_comma(mask: str, i: int) -> bool:
    seg = mask[max(0, i - 40) : i].rstrip()
    return seg.endswith(",") or bool(_COMMA_END.search(seg))


def inverted(mask: str, verb_start: int, sent_start: int) -> bool:
    """``…,” said X`` / ``…, says X`` / a verb at the head of its sentence."""
    seg = mask[sent_start:verb_start].rstrip().rstrip("\"”’'")
    return not seg or seg.endswith((",", "|", "—", "–"))


def _strip(mask: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not (mask[start].isalnum() or mask[start] in "‘'"):
        start += 1
    while end > start and not mask[end - 1].isalnum() and mask[end - 1] not in ".’'":
        end -= 1
    while end > start and mask[end - 1] == "." and not _ABBREV_END.search(mask[start:end]):
        end -= 1
    return start, end


def _trim_words(mask: str, start: int, end: int, lead: frozenset[str], trail: frozenset[str]) -> tuple[int, int]:
    """``mask[start:end]`` without its leading ``lead`` words and trailing ``trail`` words
    (an empty range when nothing is left). Words are maximal runs of ``WORD``'s
    characters, so they are read from each end and the middle is never tokenised."""
    seg = mask[start:end]
    first = next((m for m in WORD.finditer(seg) if m.group().lower() not in lead), None)
    if first is None:
        return start, start
    n = len(seg)
    for m in WORD.finditer(seg[::-1]):  # the same runs, last first
        if n - m.end() < first.start():
            break
        if m.group()[::-1].lower() not in trail:
            return start + first.start(), start + n - m.start()
    return start, start


def _chunks(mask: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma/dash-separated pieces of ``mask[start:end]``, nearest last; the commas inside a
    listed name ("Department for Science, Innovation and Technology") do not cut."""
    seg = mask[start:end]
    keep = [(m.start(), m.end()) for m in _NAME_LIST.finditer(seg)] if "," in seg and " and " in seg else []
    out, begin = [], start
    for m in _CHUNK_CUT.finditer(seg):
        if any(a < m.start() < b for a, b in keep):
            continue
        out.append((begin, start + m.start()))
        begin = start + m.end()
    out.append((begin, end))
    return out


def left(mask: str, sent_start: int, verb_start: int) -> tuple[int, int, int] | None:
    """The source before the verb: the nearest comma piece that names someone, walking
    back over descriptions (``a fellow at …``) and relative clauses to the name. Behind an
    unnamed description (``…, a U.S. official said``) only a piece that is a name and
    nothing else is taken for the name it describes."""
    region_start = sent_start
    cut = max(mask.rfind("|", sent_start, verb_start), mask.rfind(":", sent_start, verb_start),
              mask.rfind(";", sent_start, verb_start))
    if cut >= 0:
        region_start = cut + 1
    fallback: tuple[int, int, int] | None = None
    skip_city = False
    for begin, end in reversed(_chunks(mask, region_start, verb_start)[-6:]):
        begin, end = _trim_words(mask, begin, end, _CONNECTORS, _TRAILING)
        if begin >= end:
            continue
        whole = (begin, end)
        if mask[begin:end].split()[0].lower() in _RELATIVE:
            # "which the government says": a subject inside the relative clause;
            # "which has been monitoring …": a clause about the name before it.
            b, e = _trim_words(mask, begin, end, _RELATIVE, _TRAILING)
            lead = mask[b:e].split()[0] if b < e else ""
            subject = lead[:1].isupper() or lead.lower() in _SUBJECT_LEADS
            if subject and len(mask[b:e].split()) <= 6 and names.classify(mask[b:e]).kind:
                return b, e, b
            continue
        cut_short = False
        seg = mask[begin:end]
        that = _THAT.search(mask, begin, end) if "that" in seg else None
        if that is not None:  # "Thursday that | King Hussein": the subject of the reported clause
            begin = that.end()
        if len(mask[begin:end].split()) > 6:
            begin, end = _after_clause_word(mask, begin, end)
            cut_short = True
            if begin >= end or len(mask[begin:end].split()) > MAX_SOURCE_WORDS:
                if _describes(mask, *whole):
                    continue  # a long description ("one of a group of companies owned by …")
                return fallback
        if " wh" in seg or "ting" in seg:
            end = _before_clause(mask, begin, end)
        verdict = names.classify(mask[begin:end])
        if mask[end - 1] == "." and names.is_state_abbreviation(mask[begin:end]):
            skip_city = True
            continue  # "Cilcorp Inc., Peoria, Ill., said": a place, and the city before it
        if skip_city and len(mask[begin:end].split()) <= 3 and mask[begin:end][:1].isupper():
            skip_city = False
            continue
        skip_city = False
        if fallback is not None and verdict.kind == "government" and names.is_place(mask[begin:end]):
            continue  # "… in Baltimore, Maryland, and former President of UNOS, said"
        if fallback is not None:
            if verdict.kind in ("person", "organisation", "government") and not verdict.role \
                    and not cut_short and _only_a_name(mask[begin:end], verdict):
                return begin, end, begin
            if _describes(mask, *whole):
                continue  # another description of the same person
            return fallback
        if verdict.kind in ("person", "pronoun", "organisation", "government") and not verdict.role:
            return begin, end, begin
        if not verdict.kind and fallback is None and not cut_short and not mask[end:verb_start].strip():
            tail = _tail(mask, begin, end)
            if tail is not None:
                return tail
        if verdict.kind and fallback is None:
            fallback = (begin, end, begin)
        if not _describes(mask, *whole):
            break
    return fallback



_THAT = re.compile(r"(?:^|(?<=\s))that\s+(?=\S)(?!.*\bthat\s)")
_CLAUSE_OPENER = re.compile(r"\s(?:citing|quoting|who|whom|whose|which)\b")


def _before_clause(mask: str, begin: int, end: int) -> int:
    """The end of the noun phrase before a participle or relative clause that describes it
    ("A CBS News report | citing …", "Authors | who allege")."""
    m = _CLAUSE_OPENER.search(mask, begin, end)
    return m.start() if m else end


def _only_a_name(expr: str, verdict: names.Named) -> bool:
    """``expr`` is the name (with an article or a title) and nothing more: "Maria Lopez", not
    "Lawrence Insurance underwrites mostly primary insurance" or "where James C. Kopp"."""
    name = set(WORD.findall(verdict.name))
    titles, nouns = names.words_of("title"), names.source_nouns()
    return all(w in name or w.lower() in names.DETERMINERS or names.bare(w) in titles
               or w[:1].isupper() and names.bare(w) in nouns for w in WORD.findall(expr))


def _tail(mask: str, begin: int, end: int) -> tuple[int, int, int] | None:
    """The noun phrase that ends a piece the whole of which names nobody ("Based on physical
    evidence | officials"): the last word if it is an unnamed group or role ("officials",
    "analysts"), grown backwards over capitalised words and the lexicon's source nouns."""
    words = list(WORD.finditer(mask[begin:end]))
    if len(words) < 2:
        return None
    k = len(words) - 1
    if names.bare(words[k].group()) not in names.group_nouns():
        return None
    nouns = names.source_nouns()
    while k > 0 and (words[k - 1].group()[:1].isupper() and names.classify(words[k - 1].group()).why != "pronoun"
                     or names.bare(words[k - 1].group()) in nouns):
        k -= 1
    b, e = begin + words[k].start(), begin + words[-1].end()
    if k == 0:
        return None
    verdict = names.classify(mask[b:e])
    return (b, e, b) if verdict.kind and verdict.kind != "pronoun" else None


def _after_clause_word(mask: str, begin: int, end: int) -> tuple[int, int]:
    """The part of a long piece after its last clause word (``…, but Planas …``)."""
    last = None
    for m in _CLAUSE_WORD.finditer(mask[begin:end]):
        around = _NEXT_CHAR.match(mask[begin + m.end() : end])
        if m.group() == "and" and around and around.group(1).isupper():
            continue  # "Strength and Conditioning Coach": inside a name
        last = m
    if last is None:
        return begin, end
    return _trim_words(mask, begin + last.end(), end, _CONNECTORS, _TRAILING)


def _describes(mask: str, begin: int, end: int) -> bool:
    """A piece that reads as a description of someone named before it: it starts with an
    article, a possessive, a number, a party tag ("D-Ohio") or a lower-case source noun or
    title ("executive director of …"); not a verb phrase ("lived last year")."""
    words = mask[begin:end].split()
    if not words:
        return False
    w = words[0]
    if w[:1].islower():  # "rumored a takeover target", "executive director of": not "will take"
        return w not in _MAIN_CLAUSE
    return (w.lower() in _DESCRIPTION_LEADS or w[:1].isdigit() or w.endswith(("’s", "'s"))
            or w[1:2] == "-" and bool(_PARTY_TAG.match(w.rstrip(","))))


def right(mask: str, verb_end: int, sent_end: int, object_verb: bool = False) -> tuple[int, int, int] | None:
    """The source after the verb (``said X``, ``according to X``). With ``object_verb`` (an
    inverted verb that takes an object: "accused Anthropic of hypocrisy") a noun phrase
    followed by its complement is the object, not the source."""
    m = _UNTIL_STOP.match(mask[verb_end:sent_end])
    end = verb_end + (m.end() if m else 0)
    rel = _RELATIVE_WORD.search(mask[verb_end:end])
    if rel:  # "according to US researchers who used …"
        end = verb_end + rel.start()
    begin, end = _strip(mask, verb_end, end)
    begin, end = _trim_words(mask, begin, end, _CONNECTORS, _TRAILING)
    if begin >= end or len(WORD.findall(mask[begin:end])) > MAX_SOURCE_WORDS:
        return None
    if mask[begin:end].split()[0].lower() in _PREPOSITION_LEAD:
        return None  # "…, said in a statement that": no source starts with a preposition
    verdict = names.classify(mask[begin:end])
    if object_verb and len(names.head_words(WORD.findall(mask[begin:end]))) < len(WORD.findall(mask[begin:end])):
        return None
    if not verdict.kind or verdict.role or verdict.kind == "anonymous" and _describes(mask, begin, end):
        nxt = _APPOSITION.match(mask[end:sent_end])
        if nxt:  # "said Lemnos Mayor, Dimitris Marinakis": the apposition is the name
            b, e = _strip(mask, end + nxt.start(1), end + nxt.end(1))
            if _a_name(mask[b:e]):
                return b, e, begin
    if verdict.kind in ("", "pronoun") and mask[begin:end].split()[0].lower() in names.FIRST_PERSON:
        return None
    return begin, end, begin


def _a_name(expr: str) -> bool:
    """An apposition that is a name: a person, or an institution whose head is capitalised
    ("Oxford Economics", not "the Saudi capital")."""
    verdict = names.classify(expr)
    if verdict.kind == "person":
        return True
    head = names.head_words(WORD.findall(expr))
    return verdict.kind in ("organisation", "government") and bool(head) and head[-1][:1].isupper()


def subject(mask: str, sent_start: int, verb_start: int) -> tuple[int, int, int] | None:
    """The subject at the head of the sentence (a name, a source noun phrase or a pronoun),
    or the name in its apposition."""
    pieces = _chunks(mask, sent_start, verb_start)
    for begin, end in pieces[:3]:
        begin, end = _trim_words(mask, begin, end, _CONNECTORS, frozenset())
        first = WORD.match(mask, begin)
        if first and first.end() <= end and first.group().lower() in names.PRONOUNS:
            return first.start(), first.end(), first.start()
        run = names.subject_run(mask[begin:end])
        if not run:
            continue
        end = begin + mask[begin:end].find(run) + len(run) if run in mask[begin:end] else end
        verdict = names.classify(mask[begin:end])
        if verdict.kind and not verdict.role:
            return begin, end, begin
    return None
