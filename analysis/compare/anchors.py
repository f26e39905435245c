"""Anchors of a claim: the figures and names a sentence states, read from its own text.

A figure survives paraphrase better than any word: "400GB" and "400 gigabytes", "6%" and
"6 per cent", "nine million" and "9m" are the same figure. ``figures(text)`` returns each
figure as a canonical key (value, with "%" for a percentage and a unit of data size: "7.4%",
"9000000", "400 GB") and the text it was read from. Plain whole numbers up to 12 ("three
hospitals", "two occasions") and the day of a date are too common to tell claims apart
and are not anchors; years are.

``names(text)`` returns the capitalised words that are not the first word of a sentence
(and runs of capitalised words at its start, "Ingrid Vos said"), lowercased: names of
people, organisations and places, and nationalities. A shared name is evidence that two
sentences are about the same thing, not that they make the same claim.
"""

from __future__ import annotations

import functools
import re

from analysis.compare.tokens import STOP_WORDS

_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12, "tn": 1e12}
_DATA = {"kb": "KB", "kilobytes": "KB", "mb": "MB", "megabytes": "MB", "gb": "GB", "gigabytes": "GB",
         "tb": "TB", "terabytes": "TB", "pb": "PB", "petabytes": "PB"}
_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "dozens": 0}

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SPELLED = "|".join(sorted((w for w in _WORDS if w != "dozens"), key=len, reverse=True))
_FIGURE = re.compile(
    rf"(?<![\w.,:])(?P<num>{_NUMBER}|(?i:{_SPELLED})(?![a-z]))(?![\d:])(?:[ \-]?(?P<scale>(?i:thousand|million|billion|"
    rf"trillion|mn|bn|tn|m|k|b))(?![a-z]))?(?:[ \-]?(?P<unit>%|(?i:per ?cent|percent|kb|kilobytes|mb|"
    rf"megabytes|gb|gigabytes|tb|terabytes|pb|petabytes))(?![a-z]))?")
_TIME = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])")
_DATE_MONTH = re.compile(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$")
_MONTH_AFTER = re.compile(r"^\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december""".split())
_CAPITAL = re.compile(r"\b[A-Z][\w'’\-]*[A-Za-z0-9]|\b[A-Z]\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”‘’(\-–—]\s*|\s[\-–—]\s)$")


def _value(num: str) -> float:
    low = num.lower()
    if low in _WORDS:
        return float(_WORDS[low])
    return float(num.replace(",", ""))


def _key(value: float, unit: str) -> str:
    text = f"{value:.6g}" if value < 1e15 else f"{value:.3e}"
    if "e" in text:
        text = f"{value:.0f}"
    return f"{text}{unit}" if unit == "%" else (f"{text} {unit}" if unit else text)


@functools.lru_cache(maxsize=16384)
def figures(text: str) -> tuple[tuple[str, str, float], ...]:
    """The figures stated in ``text``: (canonical key, the text as written, value).

    Percentages keep their "%", data sizes their unit; a scale word multiplies ("9 million"
    -> 9000000); a time of day is kept as written ("1:40"). Whole numbers up to 12 without a scale or unit, and the day in a date
    ("March 3", "3 March"), are left out.
    """
    out = [(m.group(), m.group(), float(m.group().replace(":", "."))) for m in _TIME.finditer(text)]
    for m in _FIGURE.finditer(text):
        num, scale, unit = m.group("num"), m.group("scale"), m.group("unit")
        spelled = not num[0].isdigit()
        value = _value(num)
        if scale:
            factor = _SCALE[scale.lower()]
            if scale.lower() in ("m", "k", "b") and (spelled or " " in m.group(0)[len(num):len(num) + 1]):
                factor = 0.0  # "nine m" or "3 b": not a figure with a scale
            if factor:
                value *= factor
            else:
                scale = None
        unit_key = ""
        if unit:
            low = unit.lower().replace(" ", "")
            unit_key = "%" if low in ("%", "percent") else _DATA.get(low, "")
        if not scale and not unit_key:
            if value <= 12 and float(value).is_integer():
                continue
            before, after = text[: m.start()], text[m.end():]
            if value <= 31 and (_DATE_MONTH.search(before) or _MONTH_AFTER.match(after)):
                continue
        if value == 0:
            continue
        end = m.end() if (scale or unit) else m.start("num") + len(num)
        out.append((_key(value, unit_key), text[m.start():end], value))
    return tuple(out)


def _kind(key: str) -> str:
    return "%" if key.endswith("%") else key.split(" ")[1] if " " in key else ""


def same_figure(a: tuple[str, str, float], b: tuple[str, str, float]) -> str:
    """"=" when two figures are the same, "≈" when one is a rounding of the other (same kind,
    within 10 %, at least 5: "more than seven per cent" and "7.4%", "3,000" and "3,100"),
    else ""."""
    if a[0] == b[0]:
        return "="
    if ":" in a[0] or ":" in b[0]:
        return ""  # a time of day is the same only as written
    if _kind(a[0]) != _kind(b[0]) or min(a[2], b[2]) < 5:
        return ""
    if abs(a[2] - b[2]) <= 0.1 * max(a[2], b[2]):
        return "≈"
    return ""


@functools.lru_cache(maxsize=16384)
def names(text: str) -> frozenset[str]:
    """Lowercased capitalised words that are not a sentence's ordinary first word.

    A sentence's first word counts when the next word is capitalised too ("Ingrid Vos
    said"); a word in capitals throughout ("CHINESE") counts like a capitalised one.
    """
    found: set[str] = set()
    matches = list(_CAPITAL.finditer(text))
    for i, m in enumerate(matches):
        at_start = bool(_SENTENCE_START.search(text[: m.start()]))
        if at_start:
            nxt = matches[i + 1] if i + 1 < len(matches) else None
            if nxt is None or text[m.end() : nxt.start()] != " ":
                continue
        word = m.group().lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) > 1 and word not in STOP_WORDS and word not in _CALENDAR:
            found.add(word)
    return frozenset(found)
