"""The article as HTML with every evidence span highlighted, and keyword-in-context tables.

Safety: every piece of the article (and every note, term and category) goes through
``views.escape.html`` before it is joined into markup; the only tags in the output
are the ones built here. The pages pass the result to ``st.html``, which sanitises again.

Overlapping evidence (the word "battle" is both a negative sentiment word and an alarm
word; "according to sources" may hold two cues) is drawn as nested ``<mark>`` elements.
When two spans cross instead of nesting, the one that ends later is split into parts that
carry the same ``data-ev`` id, so the text of all elements with one id, in page order, is
exactly that evidence's term. Each mark's ``title`` (the hover tooltip) names the measure,
category, weight and the rule that changed it, for the span and for every span around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.measures import REGISTRY, column
from views import theme
from views.escape import html as esc

PARAGRAPH_MARK = "¶"


@dataclass(frozen=True)
class Span:
    """One evidence row, offsets into the whole text."""

    ev: int  # row position in the evidence frame: the id shared by all parts of the span
    start: int
    end: int
    measure: str
    category: str
    term: str
    weight: float
    note: str

    @property
    def counted(self) -> bool:
        return self.weight != 0

    def describe(self) -> str:
        label = column(self.measure).label if _is_column(self.measure) else self.measure.title()
        why = f" — {self.note}" if self.note else ""
        return f"{label} · {self.category.replace('_', ' ')} · “{self.term}” · weight {self.weight:g}{why}"


def _is_column(name: str) -> bool:
    try:
        column(name)
        return True
    except KeyError:
        return False


def spans(evidence: pd.DataFrame) -> list[Span]:
    """The evidence frame as spans; the frame's row position is the span id."""
    return [
        Span(i, int(r.start), int(r.end), str(r.measure), str(r.category), str(r.term), float(r.weight),
             "" if pd.isna(r.note) else str(r.note))
        for i, r in enumerate(evidence.itertuples(index=False))
    ]


def _open_tag(span: Span, enclosing: Sequence[Span], part: int) -> str:
    classes = ["nl-ev", f"nl-{esc(span.measure)}"] + ([] if span.counted else ["nl-zero"])
    tip = "\n".join(s.describe() for s in [span, *reversed(enclosing)])
    return (f'<mark class="{" ".join(classes)}" data-ev="{span.ev}" data-part="{part}" '
            f'data-measure="{esc(span.measure)}" data-category="{esc(span.category)}" '
            f'data-weight="{span.weight:g}" title="{esc(tip)}">')


def mark_up(text: str, start: int, end: int, items: Iterable[Span]) -> str:
    """``text[start:end]`` as escaped HTML with ``items`` (offsets into ``text``) as nested marks."""
    inside = sorted((s for s in items if start <= s.start < s.end <= end), key=lambda s: (s.start, -s.end, s.ev))
    cuts = sorted({start, end, *(s.start for s in inside), *(s.end for s in inside)})
    out: list[str] = []
    stack: list[Span] = []
    parts: dict[int, int] = {}
    pending = list(inside)
    for pos, nxt in zip(cuts, cuts[1:] + [end], strict=True):
        # Close what ends here; spans opened above it are closed and reopened (split).
        ending = [i for i, s in enumerate(stack) if s.end == pos]
        reopen: list[Span] = []
        if ending:
            low = ending[0]
            for s in reversed(stack[low:]):
                out.append("</mark>")
                if s.end != pos:
                    reopen.append(s)
            del stack[low:]
        starting = [s for s in pending if s.start == pos]
        pending = [s for s in pending if s.start != pos]
        for s in sorted(reopen + starting, key=lambda s: (-s.end, s.start, s.ev)):
            parts[s.ev] = parts.get(s.ev, -1) + 1
            out.append(_open_tag(s, stack, parts[s.ev]))
            stack.append(s)
        if nxt > pos:
            out.append(esc(text[pos:nxt]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def render(text: str, paragraphs: pd.DataFrame, evidence: pd.DataFrame,
           headings: Sequence[tuple[int, str]] = ()) -> str:
    """The whole article: one block per paragraph, numbered "¶ n" like the charts, with its
    evidence highlighted; ``headings`` (offset, text) are shown where they stand."""
    items = spans(evidence)
    by_par: dict[int, list[Span]] = {}
    for s, p in zip(items, evidence["paragraph"].astype(int).tolist(), strict=True):
        by_par.setdefault(p, []).append(s)
    blocks: list[tuple[int, str]] = [(off, f'<h4 class="nl-heading">{esc(t)}</h4>') for off, t in headings]
    for r in paragraphs.itertuples(index=False):
        n = int(r.paragraph)
        body = mark_up(text, int(r.start), int(r.end), by_par.get(n, []))
        blocks.append((int(r.start), f'<div class="nl-par" id="p{n}" data-paragraph="{n}">'
                                     f'<span class="nl-pn">{PARAGRAPH_MARK} {n}</span>'
                                     f'<p class="nl-text">{body}</p></div>'))
    return STYLE + '<div class="nl-article">' + "".join(b for _, b in sorted(blocks, key=lambda b: b[0])) + "</div>"


def headline(text: str, row: pd.DataFrame, evidence: pd.DataFrame) -> str:
    """The headline (``Analysis.headline``, one row or none) above the text, with its own
    evidence highlighted and marked as scored apart from the paragraphs; "" without one."""
    if row.empty:
        return ""
    r = row.iloc[0]
    body = mark_up(text, int(r["start"]), int(r["end"]), spans(evidence))
    return (STYLE + '<div class="nl-article"><div class="nl-par nl-headline"><span class="nl-pn">headline</span>'
            f'<p class="nl-text"><b>{body}</b><br><small class="nl-said">Scored on its own, not part of the '
            "paragraphs or the article's figures.</small></p></div></div>")


def legend(evidence: pd.DataFrame, measures: Sequence[str]) -> str:
    """Swatches for each measure (with its evidence count), for words two measures share (their
    underlines stack) and for spans that did not count."""
    counts = evidence.groupby("measure").size().to_dict() if len(evidence) else {}
    items = [f'<span class="nl-key"><mark class="nl-ev nl-{esc(m)}">{esc(m)}</mark> {counts.get(m, 0)} spans</span>'
             for m in measures]
    if len(measures) > 1:
        outer, inner = (esc(m) for m in measures[:2])
        items.append(f'<span class="nl-key"><mark class="nl-ev nl-{outer}"><mark class="nl-ev nl-{inner}">'
                     "double underline</mark></mark> words that count for two measures (hover for both)</span>")
    items.append('<span class="nl-key"><mark class="nl-ev nl-zero">struck through</mark> '
                 "weight 0: matched but did not count (negated, the month “May” …)</span>")
    return STYLE + '<div class="nl-legend">' + "".join(items) + "</div>"


def paragraph(text: str, start: int, end: int, evidence: pd.DataFrame) -> str:
    """One paragraph, ``text[start:end]``, boxed, with ``evidence`` (offsets into ``text``)
    highlighted as on the Read page (the Compare page's side-by-side view)."""
    body = mark_up(text, start, end, spans(evidence))
    return STYLE + f'<div class="nl-article nl-box"><p class="nl-text">{body}</p></div>'


def kwic_html(rows: pd.DataFrame) -> str:
    """Keyword-in-context rows as a compact, escaped list: the ¶ (and the article, when the
    rows have an ``article`` column), the line with the term in bold, and underneath what the
    measures made of that occurrence (when the rows have an ``evidence`` column)."""
    items = []
    for r in rows.to_dict("records"):
        said = str(r.get("evidence") or "")
        zero = " nl-kwic-zero" if "weight 0" in said and "weight 1" not in said else ""
        where = f'<small class="nl-said">{esc(r["article"])}</small><br>' if r.get("article") else ""
        note = f'<br><small class="nl-said{zero}">{esc(said)}</small>' if said else ""
        items.append(f'<li><span class="nl-pn">{PARAGRAPH_MARK} {int(r["paragraph"])}</span>'
                     f'<span class="nl-line">{where}{esc(r["left"])}<b>{esc(r["match"])}</b>{esc(r["right"])}'
                     f"{note}</span></li>")
    return STYLE + '<ul class="nl-kwic">' + "".join(items) + "</ul>"


def _style() -> str:
    rules = [
        f".nl-article{{font-size:1.05rem;line-height:2.05;max-width:60rem;color:{theme.INK}}}",
        f".nl-box{{padding:.6rem 1rem;border:1px solid {theme.GRID};border-radius:6px;background:{theme.PAPER}}}",
        ".nl-par{display:flex;gap:1rem;align-items:baseline;margin:0 0 .6rem 0}",
        f".nl-pn{{flex:0 0 3.2rem;text-align:right;color:{theme.SOFT};font-size:.85rem;"
        "font-variant-numeric:tabular-nums;white-space:nowrap}",
        ".nl-text{margin:0;flex:1}",
        ".nl-heading{margin:1rem 0 .4rem 4.2rem}",
        f"mark.nl-ev{{background:transparent;color:inherit;border-bottom:3px solid {theme.GREY};"
        "padding:0 1px 4px 1px;border-radius:2px;cursor:help}",
        "mark.nl-ev mark.nl-ev{padding-bottom:0}",
        f"mark.nl-zero{{text-decoration:line-through;text-decoration-color:{theme.MUTED};"
        f"border-bottom-style:dotted!important;background:{theme.STRUCK}!important;"
        f"border-bottom-color:{theme.GREY}!important}}",
        ".nl-legend{display:flex;flex-wrap:wrap;gap:.4rem 1.4rem;font-size:.92rem;margin:.2rem 0 .8rem 0;"
        f"color:{theme.MUTED}}}",
        ".nl-key{line-height:2.1}",
        ".nl-kwic{list-style:none;margin:0;padding:0;font-size:.95rem}",
        f".nl-kwic li{{display:flex;gap:.6rem;padding:.35rem 0;border-bottom:1px solid {theme.GRID};line-height:1.45}}",
        f".nl-kwic .nl-pn{{flex:0 0 2.4rem}}.nl-said{{color:{theme.MUTED}}}",
    ]
    for m in REGISTRY:
        hue = theme.colour(m.name)
        rules.append(f"mark.nl-{m.name}{{background:{theme.tint(hue, 0.16)};border-bottom-color:{hue}}}")
    return "<style>" + "".join(rules) + "</style>"


STYLE = _style()


def measure_style(measures: Iterable[str]) -> str:
    """Highlight colours for measures the registry does not know (a researcher's dictionary,
    named after its file): each takes its colour from ``theme.colour``, as its charts do.
    Empty when every measure is registered. A name that is not a plain word (letters, digits,
    "-", "_": what a dictionary's file stem is made into) gets no rule, so no name can end the
    rule it stands in."""
    known = {m.name for m in REGISTRY}
    rules = [f"mark.nl-{m}{{background:{theme.tint(theme.colour(m), 0.16)};border-bottom-color:{theme.colour(m)}}}"
             for m in dict.fromkeys(measures) if m not in known and re.fullmatch(r"[\w-]+", m)]
    return "<style>" + "".join(rules) + "</style>" if rules else ""


def kwic(text: str, paragraphs: pd.DataFrame, evidence: pd.DataFrame, term: str, width: int = 60) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` (whole words, any case) in the text,
    with ``width`` characters either side, its paragraph, and what the measures made of it
    (measure, category, weight, note), or "not counted" where no rule took it as evidence.

    The Compare page finds a term's occurrences with ``analysis.compare.contexts`` instead (and
    shows them with :func:`kwic_html`): its terms are the comparison's lowercase word tokens,
    matched token by token, while this function matches evidence terms as written (quotations,
    curly apostrophes, "full-blown"), whole words only ("backed" is not found in "state-backed").
    One function for both would change what this page shows: on the bundled article, token
    matching finds no "full-blown" and finds "backed" inside "state-backed"."""
    cols = ["paragraph", "left", "match", "right", "evidence", "start"]
    if not term.strip():
        return pd.DataFrame(columns=cols)
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(term)}(?![\w'’]|-\w)", re.IGNORECASE)
    rows = []
    for m in pattern.finditer(text):
        inpar = paragraphs[(paragraphs["start"] <= m.start()) & (m.end() <= paragraphs["end"])]
        if not len(inpar):
            continue  # a heading, not a scored paragraph
        par = inpar.iloc[0]
        ev = evidence[(evidence["start"] == m.start()) & (evidence["end"] == m.end())] if len(evidence) else evidence
        said = "; ".join(f"{r.measure} · {str(r.category).replace('_', ' ')} · weight {float(r.weight):g}"
                         + (f" ({r.note})" if r.note else "") for r in ev.itertuples(index=False))
        lo, hi = max(int(par.start), m.start() - width), min(int(par.end), m.end() + width)
        rows.append({"paragraph": int(par.paragraph),
                     "left": ("…" if lo > par.start else "") + text[lo:m.start()].replace("\n", " "),
                     "match": m.group(0),
                     "right": text[m.end():hi].replace("\n", " ") + ("…" if hi < par.end else ""),
                     "evidence": said or "not counted by any measure", "start": m.start()})
    return pd.DataFrame(rows, columns=cols)
