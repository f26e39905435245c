"""What a line of a news page is when it is not the outlet's own prose.

Pure functions on one line or one paragraph of text, used by :func:`analysis.text.segment`:

- :func:`furniture` names a line that is page furniture: a byline ("By Jane Doe | Updated 3 March
  2026", "(Reporting by ...; Editing by ...)"), a dateline block (a line that is only a date or
  time, "Updated 14:02 GMT", "Published: ..."), a photo caption or credit ("PHOTO: REUTERS",
  "... REUTERS/Name", "(Image credit: ...)", "File photo ..."), a promo ("Read more: ...",
  "READ MORE", "Related: ...") or the attribution line of an embedded social post
  ("— Name (@handle) March 3, 2026");
- :func:`wire_dateline` finds the dateline that opens a wire paragraph ("LONDON (Reuters) - ");
- :func:`question_opener` finds a question with the form of a subheading at the start of a
  paragraph (standing alone or glued to the paragraph it heads).

The rules are written from the forms news pages use, not fitted to any one article; each says
what it refuses, because a body sentence taken for furniture is lost from every score.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+(?:['’]\w+)*")

# ---------------------------------------------------------------- dates and times

_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DAY = r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
_ZONE = r"gmt|bst|utc|cet|cest|est|edt|cst|cdt|pst|pdt|et|pt|ct|hkt|sgt|jst|ist|aest|aedt|z"
# Every word a date or time line may hold besides numbers and the label.
_DATE_WORDS = (rf"(?:{_MONTH}|{_DAY}|{_ZONE}|a\.?m|p\.?m|at|on|of|the|and|ago|today|yesterday"
               r"|hours?|hrs?|minutes?|mins?|days?|weeks?|an?|beijing\s+time|local\s+time"
               r"|updated|published|posted|modified|first|last)\.?")
_DATE_LABEL = (r"(?:(?:last|first)\s+)?(?:updated|published|posted|modified|edited|released|dated|date)"
               r"(?:\s+(?:on|at))?")
_DATE_LINE = re.compile(
    rf"(?:{_DATE_LABEL})?[\s:|]*(?:(?:\b{_DATE_WORDS}\b|\d{{1,4}}(?:st|nd|rd|th)?|t(?=\d)|(?<=\d)z\b|[\s,:/.|·•()+\-–—])+)",
    re.IGNORECASE)
_DATE_EVIDENCE = re.compile(
    rf"\b(?:{_MONTH})\b\.?|\d{{1,2}}[:.]\d{{2}}(?!\d)|\b\d{{1,4}}[/-]\d{{1,2}}[/-]\d{{1,4}}|\bago\b"
    rf"|^\s*{_DATE_LABEL}\b", re.IGNORECASE)


def is_date_line(line: str) -> bool:
    """A line that holds nothing but a date or a time, perhaps labelled ("Updated 14:02 GMT",
    "Published: Tuesday 3 March 2026", "2026-03-03 14:02", "3 hours ago"); it must hold a digit
    and a month, a time, a numeric date, "ago" or a label, so "On Monday" stays a heading."""
    s = line.strip()
    if not s or len(s) > 90 or not any(ch.isdigit() for ch in s):
        return False
    m = _DATE_LINE.fullmatch(s)
    return bool(m) and bool(_DATE_EVIDENCE.search(s))


# ---------------------------------------------------------------- bylines

# Names are matched case-sensitively (a capital or an initial), labels in any case.
_NAME_WORD = r"(?:[A-Z][\w'’-]*\.?|[A-Z]\.)"
_PARTICLE = r"(?:de|da|del|della|der|den|di|du|dos|le|la|van|von|al|el|bin|ibn)"
_PERSON = rf"{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|{_PARTICLE})){{0,4}}"
_BYLINE = re.compile(
    r"^[(\[]?\s*(?i:(?P<label>(?:additional\s+)?reporting|written|words|text|story|edited|editing|compiled"
    r"|produced|research|interviews?)\s+)?(?i:by)\s*:?[ \t]+"
    rf"(?P<name>{_PERSON})")
# What may follow the name: nothing, or a separator and anything ("| Updated ...", ", Reuters",
# " in Beijing", " and JOHN ROE"), or a staff credit.
_BYLINE_TAIL = re.compile(r"(?i:\s*(?:[,;:|&·•/(–—-]|\band\b|\bin\b|\bfor\b|\bat\b|\bof\b|\bstaff\b).*)?")
# Capitalised words after "By" that open a sentence, not a name: "By March, ...", "By Then".
_NOT_A_NAME = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept
    oct nov dec the this that these those then now contrast comparison far law default design
    nature definition mid late early christmas easter all some most many any each every its their
    his her our your my one two three four five six seven eight nine ten""".split()
)
# "Author: Jane Doe", "Editor: Emmy Wang" (how Chinese outlets' English stories sign off)
_CREDIT_LABEL = re.compile(r"^[(\[]?\s*(?i:authors?|byline|editors?|reporters?|writers?)\s*:\s*[A-Z]")


def _is_byline(s: str) -> bool:
    m = _BYLINE.match(s)
    if m is None:
        return _CREDIT_LABEL.match(s) is not None and len(_WORD.findall(s)) <= 12
    first = m.group("name").split()[0].rstrip(".").lower()
    if first in _NOT_A_NAME:
        return False
    words = len(_WORD.findall(s))
    if m.group("label"):  # "Reporting by", "Editing by": never how a body sentence opens
        return words <= 40
    if words > 24:
        return False
    core = s.rstrip(")]").rstrip()
    if core.endswith((".", "!", "?")) and not re.search(r"\b(?:[A-Z]|[ap]\.m|[JS]r)\.$", core):
        return False  # a sentence that opens "By ..." and ends like one
    tail = s[m.end():]
    return _BYLINE_TAIL.fullmatch(tail) is not None or is_date_line(tail)


# ---------------------------------------------------------------- captions

_CAPTION_START = re.compile(
    r"^[(\[]?\s*(?i:"
    r"(?:file\s+)?(?:photo(?:graph)?s?|pictures?|pics?|images?|illustrations?|graphics?|screenshots?|videos?"
    r"|credits?)(?:\s+(?:credit|source|caption|courtesy))?\s*[:|]"  # "Photo: AFP", "Image credit | X"
    r"|(?:image|media)\s+(?:source|caption),\s"  # "Image source, Getty Images"
    r"|file\s+(?:photo|picture|image)\b"  # "File photo shows ...", "FILE PHOTO: ..."
    r"|(?:photo|picture|image)\s+(?:by|courtesy\s+of)\s"  # "Photo by Jane Doe/Getty Images"
    r")")
_AGENCY = (r"REUTERS|Reuters|AFP|AP(?:\s+Photo)?|EPA(?:-EFE)?|Xinhua|Bloomberg|Getty\s+Images|Shutterstock"
           r"|Alamy|PA(?:\s+(?:Wire|Media|Images))?|Anadolu|SOPA\s+Images|NurPhoto|Sipa|IMAGO|dpa|Kyodo|Yonhap"
           r"|VCG|CFP|IC\s+Photo|China\s+Daily")
_CAPTION_END = re.compile(
    rf"(?:\b(?:{_AGENCY})\s*/\s*[A-Z][\w .'’/-]{{0,60}}"  # "... in Beijing. REUTERS/Tingshu Wang"
    r"|\((?:[^()]*\b(?i:getty\s+images|photo|image\s+credit|picture|credit)\b[^()]*)\)"  # "(Photo by X/Getty)"
    r"|(?:^|[.!?”\"’)]\s+)(?i:photo(?:graph)?|picture|image|credit)s?(?i:\s+credit)?\s*:\s*[^.!?]{1,100}"
    r")\s*$")
_SENTENCE_FINAL = (".", "!", "?", "”", '"', "’", "'", "…", ":", ";", ",")


def _is_caption(s: str) -> bool:
    if _CAPTION_START.match(s):
        return True
    # by the credit at its end; prose ends in a stop or a closing quote, a credit does not
    return not s.endswith(_SENTENCE_FINAL) and _CAPTION_END.search(s[-160:]) is not None


# ---------------------------------------------------------------- promos

_PROMO = re.compile(
    r"^[^\w\s\"“‘'(]{0,3}\s*(?:"
    # labels followed by a colon, a bar, an arrow or a spaced dash, or standing alone
    r"(?i:read\s+more|also\s+read|read\s+also|see\s+also|read\s+next|related|more\s+on\s+this(?:\s+story)?"
    r"|recommended(?:\s+reading)?|don['’]t\s+miss|must\s+read|editor['’]s\s+picks?"
    r"|related\s+(?:stories|articles|content|coverage|news|reading|links?|topics|posts))"
    r"\s*(?:[:|>»›→]|\s[–—-](?:\s|$)|$)"
    # words that open prose too ("More — much more — is at stake"): a label only with a colon or alone
    r"|(?i:watch|listen|more|trending)\s*(?:[:|]|$)"
    # "READ MORE Headline of the promoted story": the label runs straight into a capital
    r"|(?i:read\s+more|also\s+read|read\s+also)\s+(?=[A-Z\"“‘'])"
    r"|(?i:click\s+here\b|sign\s+up\b.*\bnewsletters?\b)"
    r")")


def _is_promo(s: str) -> bool:
    return _PROMO.match(s) is not None


# ---------------------------------------------------------------- embedded social posts

_HANDLE = r"\(@[\w.]{1,40}(?:@[\w.-]{1,60})?\)"  # (@handle), (@name.bsky.social), (@user@mastodon.social)
_SOCIAL_ATTRIBUTION = re.compile(
    rf"^(?:[—–-]{{1,2}}|&mdash;)\s*[^()\n]{{1,80}}?\s*{_HANDLE}.{{0,80}}$"
    rf"|^(?i:a\s+post\s+shared\s+by)\s+[^()\n]{{1,80}}?\s*{_HANDLE}.{{0,80}}$")


def is_social_attribution(s: str) -> bool:
    """The line under an embedded post that names its author: "— Name (@handle) March 3, 2026"
    (the form X/Twitter and Bluesky embeds leave in the text), "A post shared by Name (@handle)"."""
    return _SOCIAL_ATTRIBUTION.match(s.strip()) is not None


# ---------------------------------------------------------------- the classifier

FURNITURE_MAX_CHARS = 600  # a caption can run to a few sentences; nothing longer is furniture
_LEAD_MARKS = "([►▶▸➤»›→•*>-–—#|· \t\"“‘'"  # what may stand before a label
# the first two letters of every caption and promo label above
_LABEL_STARTS = frozenset("fi ph pi im me il gr sc vi cr re al se mo do wa li tr mu ed cl si".split())


def furniture(line: str) -> str | None:
    """The kind of page furniture ``line`` is ("byline", "dateline", "caption", "promo",
    "social_attribution"), or None for the outlet's own prose or a heading."""
    s = line.strip()
    if not s or len(s) > FURNITURE_MAX_CHARS:
        return None
    if len(s) > 160 and s.endswith(_SENTENCE_FINAL):
        # a long line that ends like a sentence: only a labelled caption or promo can be
        # furniture (bylines, datelines and attributions are short; a credit ends a caption),
        # and their labels begin with one of a few pairs of letters (a quick test first)
        if s.lstrip(_LEAD_MARKS)[:2].lower() not in _LABEL_STARTS:
            return None
        return "caption" if _CAPTION_START.match(s) else "promo" if _is_promo(s) else None
    if is_social_attribution(s):
        return "social_attribution"
    if _is_byline(s):
        return "byline"
    if is_date_line(s):
        return "dateline"
    if _is_promo(s):
        return "promo"
    if _is_caption(s):
        return "caption"
    return None


# ---------------------------------------------------------------- wire datelines

_AGENCY_PAREN = r"\([A-Z][\w .&/-]{0,30}\)"
_WIRE_DATELINE = re.compile(
    rf"^(?:"
    # LONDON / SAN FRANCISCO/BEIJING / WASHINGTON, March 3 / LONDON (Reuters)
    rf"(?P<caps>[A-Z][A-Z'’.-]{{2,}}(?:[ /-][A-Z][A-Z'’.-]+)*)(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{{1,2}})?)?"
    rf"(?P<agency>\s*{_AGENCY_PAREN})?"
    # Beijing, March 3 (Xinhua)
    rf"|[A-Z][a-z]+(?:[ /-][A-Z][a-z]+)*(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{{1,2}})?)?\s*{_AGENCY_PAREN}"
    # (Yicai) March 3
    rf"|{_AGENCY_PAREN}\s*[A-Z][a-z]+\.?\s+\d{{1,2}}"
    rf")\s*(?:--?|–|—)\s+(?=\S)")


def wire_dateline(text: str) -> int:
    """The length of the dateline that opens a wire paragraph ("LONDON (Reuters) - ",
    "WASHINGTON, March 3 (Reuters) - ", "BEIJING — ", "Beijing, March 3 (Xinhua) -- "), dash and
    space included; 0 when there is none. A capitalised word and a dash with no agency and no
    date ("NATO — which ...") counts only when a capital follows the dash."""
    head = text[:90]
    if "-" not in head and "—" not in head and "–" not in head:
        return 0  # no dash near the start: the quick answer for most paragraphs
    m = _WIRE_DATELINE.match(text)
    if m is None:
        return 0
    if m.group("caps") and not m.group("agency") and "," not in m.group():
        if not text[m.end()].isupper():
            return 0
    return m.end()


# ---------------------------------------------------------------- question subheadings

_INTERROGATIVE = frozenset(
    "what what's whats why how who who's whom whose when where which is are was were will would can "
    "could should does do did has have had".split())
QUESTION_MAX_WORDS = 14
# A subheading is one plain clause: no comma, inner stop, quotation (a quoted question is
# speech) or bracket; "’" is let through as an apostrophe ("What’s next for Anthropic?").
_QUESTION_BARS = frozenset(",.;:!?\"“”«»‘()[]")
_QUESTION_END = re.compile(r"\?(?=\s|$)")


def question_opener(text: str) -> int:
    """The length of the question that opens ``text`` when it has the form of a subheading, else 0.

    The form: a plain question of 3 to QUESTION_MAX_WORDS words that opens with an interrogative
    word ("What", "Why", "Is", "Has" ...) and holds no comma, inner stop, quotation mark or
    bracket; then either nothing (the question stands on its own line) or a paragraph of at
    least 8 words starting with a capital (the question is glued to it: "What did the company
    say? The company, which ..."). Questions that open with "So", "But" or "And", or that are
    answered in a word ("Is it theft? No."), lack the form.

    The form alone does not make a subheading: a paragraph may open with a rhetorical question
    of the same shape ("Why are numbers in another language such a problem? Perhaps ..."). The
    segmenter takes such questions for subheadings only when the article has two or more of
    them (an explainer's questions) or the question is in title case (:func:`title_case`).
    """
    m = _QUESTION_END.search(text, 0, 160)
    if m is None:
        return 0
    end = m.end()
    question = text[:end]
    if any(ch in _QUESTION_BARS for ch in question[:-1]):
        return 0
    words = [w.lower().replace("’", "'") for w in _WORD.findall(question)]
    if not 3 <= len(words) <= QUESTION_MAX_WORDS or words[0] not in _INTERROGATIVE:
        return 0
    rest = text[end:].lstrip()
    if rest and not (rest[0].isupper() or rest[0].isdigit()) or 0 < len(_WORD.findall(rest[:200])) < 8:
        return 0
    return end


def title_case(question: str) -> bool:
    """Every word of four letters or more capitalised ("What Did The Company Say?"): a heading's form."""
    longer = [w for w in _WORD.findall(question) if len(w) >= 4]
    return len(longer) >= 2 and all(w[0].isupper() for w in longer)
