"""The one interface every measure implements, and helpers the lexicon measures share."""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from analysis.text import Document, Paragraph

NAN = float("nan")


@dataclass(frozen=True)
class Column:
    """What one number in the paragraphs or summary table means, and how every view shows it:
    ``digits`` decimals (a ``unit`` of "count" shows whole numbers), NaN as "n/a". Views read
    these declarations; none chooses a format by a column's name."""

    name: str
    label: str
    unit: str
    low: float | None
    high: float | None
    direction: str  # "higher = ..."
    description: str
    digits: int = 2

    @property
    def is_count(self) -> bool:
        return self.unit == "count"

    @property
    def range_text(self) -> str:
        """ "-1 to 1", "0 and up", "up to 121.22", "unbounded"."""
        lo, hi = self.low, self.high
        if lo is not None and hi is not None:
            return f"{lo:g} to {hi:g}"
        if lo is not None:
            return f"{lo:g} and up"
        if hi is not None:
            return f"up to {hi:g}"
        return "unbounded"

    @property
    def printf(self) -> str:
        """The printf-style format for table widgets ("%.2f", "%d")."""
        return "%d" if self.is_count else f"%.{self.digits}f"

    def format(self, value: object) -> str:
        """``value`` as every view prints it: fixed decimals (thousands separated), whole numbers
        for counts, "n/a" for a value that cannot be computed (NaN or None)."""
        if value is None or isinstance(value, bool) or not isinstance(value, int | float):
            return "n/a" if value is None else str(value)
        if not math.isfinite(value):
            return "n/a"
        return f"{value:,.0f}" if self.is_count else f"{value:,.{self.digits}f}"


@dataclass(frozen=True)
class Subscale:
    """A named part of a composite measure: the evidence categories it counts, the column that
    reports it, and whether the measure's headline column includes it (``composite``). Evidence
    rows keep their fine-grained ``category``; views map a category to its sub-scale with
    :meth:`Measure.subscale_of`, so a filter by sub-scale needs no list of its own."""

    name: str  # its column, e.g. "hedging_epistemic"
    label: str
    categories: tuple[str, ...]
    description: str
    composite: bool = True
    yardstick: str = ""  # the validation set that judges it (data/validation.json dataset name)


@dataclass(frozen=True)
class Evidence:
    """One matched span. ``start``/``end`` are paragraph-relative here; the pipeline
    turns them into offsets into the whole text."""

    start: int
    end: int
    category: str
    term: str
    weight: float
    note: str = ""
    quoted: bool = False

    def __init__(self, start: int, end: int, category: str, term: str, weight: float,
                 note: str = "", quoted: bool = False) -> None:
        # The fields go straight into the instance dict: the __init__ that dataclass writes
        # for a frozen class calls object.__setattr__ once per field, which made building
        # the ~20 spans per 100 words of evidence cost 2.5 times as much. Still frozen
        # (assigning afterwards raises), equal, hashed and printed as before.
        fields = self.__dict__
        fields["start"], fields["end"], fields["category"], fields["term"] = start, end, category, term
        fields["weight"], fields["note"], fields["quoted"] = weight, note, quoted


@dataclass
class Scored:
    values: dict[str, float | str]
    evidence: list[Evidence] = field(default_factory=list)


ScoreFn = Callable[[Paragraph], Scored]
SummaryFn = Callable[[Document, Sequence[Scored]], Mapping[str, float | str]]


@dataclass(frozen=True)
class Measure:
    """A registered measure: its name, version, the columns it adds and how it scores.

    ``score`` maps one paragraph to values and evidence; ``summarize`` computes the
    article-level values from the document and this measure's results for each of its
    paragraphs, in order (so readability can be recomputed on the whole text, and rates
    pooled over all words rather than averaged over paragraphs).
    """

    name: str
    version: str
    columns: tuple[Column, ...]
    score: ScoreFn
    summarize: SummaryFn
    lexicon: str | None = None  # name of the shipped lexicon it uses, if any
    citation: str = ""
    limits: str = ""
    method: str = ""
    # One or two sentences for the methods paragraph of a report, written to be pasted into a
    # paper; the report adds the measure's and its lexicon's versions.
    methods: str = ""
    references: tuple[str, ...] = ()  # full references for the report's reference list
    subscales: tuple[Subscale, ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def declaration(self) -> Measure:
        """The measure as a description only (name, version, columns, methods text ...), with
        its scoring functions replaced: what an analysed article carries so that views can
        label and format every column, light to keep and to pickle (no lexicon inside)."""
        return dataclasses.replace(self, score=_declared_only, summarize=_declared_only_summary)

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)

    def subscale_of(self, category: str) -> Subscale | None:
        """The sub-scale an evidence category belongs to, or None."""
        for sub in self.subscales:
            if category in sub.categories:
                return sub
        return None


_DECLARATION_ONLY = ("this is a measure's declaration, kept with an analysed article; score with the "
                     "measure itself")


def _declared_only(par: Paragraph) -> Scored:
    raise RuntimeError(_DECLARATION_ONLY)


def _declared_only_summary(doc: Document, scored: Sequence[Scored]) -> Mapping[str, float | str]:
    raise RuntimeError(_DECLARATION_ONLY)


def per_100_words(total: float, words: int) -> float:
    """A rate per 100 words; NaN for a paragraph without words (not 0)."""
    return total / words * 100.0 if words else NAN


def pooled_rate(doc: Document, scored: Sequence[Scored], category: str | None = None,
                quoted: bool | None = None) -> float:
    """Article-level rate: the evidence weights of every paragraph over all words, per 100
    words; optionally of one category, or only quoted (True) / unquoted (False) cues."""
    spans = (e for s in scored for e in s.evidence)
    if category is None and quoted is None:
        total = sum(e.weight for e in spans)
    elif quoted is None:
        total = sum(e.weight for e in spans if e.category == category)
    elif category is None:
        total = sum(e.weight for e in spans if e.quoted == quoted)
    else:
        total = sum(e.weight for e in spans if e.category == category and e.quoted == quoted)
    return per_100_words(total, doc.words)


def category_rates(
    measure: str, categories: Iterable[str], evidence: list[Evidence], words: int
) -> dict[str, float | str]:
    """The rate per 100 words of each category's evidence weights. The weights are
    gathered in one pass, in order, and each category's are summed as before, so the
    figures are the same to the last bit."""
    keys = _rate_keys(measure, tuple(categories))
    if not evidence:
        zero = per_100_words(0, words)
        return dict.fromkeys(keys.values(), zero)
    weights: dict[str, list[float]] = {}
    for e in evidence:
        if e.category in weights:
            weights[e.category].append(e.weight)
        else:
            weights[e.category] = [e.weight]
    return {key: per_100_words(sum(weights.get(cat, ())), words) for cat, key in keys.items()}


def lexicon_rates(measure: str, categories: Iterable[str], evidence: list[Evidence],
                  words: int) -> dict[str, float | str]:
    """A lexicon measure's paragraph values, per 100 words: ``measure`` (all cue weights),
    ``<measure>_quoted`` (the weights of cues inside quotations) and ``<measure>_<category>``
    for each category. NaN for a paragraph without words."""
    values: dict[str, float | str] = {
        measure: per_100_words(sum(e.weight for e in evidence), words),
        f"{measure}_quoted": per_100_words(sum(e.weight for e in evidence if e.quoted), words),
    }
    values.update(category_rates(measure, categories, evidence, words))
    return values


def pooled_lexicon_rates(measure: str, categories: Iterable[str], doc: Document,
                         scored: Sequence[Scored]) -> dict[str, float | str]:
    """The article-level counterpart of :func:`lexicon_rates`: the same columns, each
    pooled over all the article's words (:func:`pooled_rate`)."""
    out: dict[str, float | str] = {
        measure: pooled_rate(doc, scored),
        f"{measure}_quoted": pooled_rate(doc, scored, quoted=True),
    }
    for cat in categories:
        out[f"{measure}_{cat}"] = pooled_rate(doc, scored, cat)
    return out


def quoted_note(note: str) -> str:
    """``note`` with "in quoted speech" added, for a cue inside a direct quotation."""
    return "; ".join(filter(None, [note, "in quoted speech"]))


@functools.lru_cache(maxsize=64)
def _rate_keys(measure: str, categories: tuple[str, ...]) -> dict[str, str]:
    return {cat: f"{measure}_{cat}" for cat in categories}


# Negation: a cue preceded within three words (same clause) by one of these is negated.
STRONG_NEGATORS = frozenset(
    "no not never without nor neither none nothing nobody nowhere cannot isn't aren't "
    "wasn't weren't don't doesn't didn't won't wouldn't can't couldn't shouldn't hasn't "
    "haven't hadn't ain't".split()
)
WEAK_NEGATORS = frozenset("hardly barely scarcely little rarely seldom".split())
# "not a minor breach", "not just a threat": the negation intensifies what follows.
MINIMISERS = frozenset("minor small simple mere merely just only slight little trivial".split())


_CLAUSE_MARK = re.compile("[,;:.!?()—–]")


def negation(par: Paragraph, start: int, window: int = 3) -> tuple[float, str]:
    """How negation changes a cue starting at ``start`` (paragraph-relative).

    Returns a multiplier and a note: 0.0 for "no threat", 0.5 for "hardly a threat", 1.0
    (with a note) for "not a minor breach", where "not" negates the minimiser and so
    intensifies. The scope is the three words before the cue, within its clause.
    """
    before = par.tokens_before(start, window)
    for _, _, word in before:  # most cues have no negator in reach: done before the clause scan
        if word in STRONG_NEGATORS or word in WEAK_NEGATORS or word.endswith("n't"):
            break
    else:
        return 1.0, ""
    lo = before[0][0]
    clause_start = -1  # the last clause mark between the first of those words and the cue
    for mark in _CLAUSE_MARK.finditer(par.text, lo, start):
        clause_start = mark.start()
    before = [t for t in before if t[0] > clause_start]
    for i, (_, _, word) in enumerate(reversed(before)):
        if word in STRONG_NEGATORS or word.endswith("n't"):
            between = [w for _, _, w in before[len(before) - i :]]
            minimiser = next((w for w in between if w in MINIMISERS), None)
            if minimiser:
                return 1.0, f"'{word} … {minimiser}': a negated minimiser intensifies"
            return 0.0, f"negated by '{word}'"
        if word in WEAK_NEGATORS:
            return 0.5, f"weakened by '{word}' (x0.5)"
    return 1.0, ""
