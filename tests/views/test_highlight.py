"""views/highlight.py: user text is escaped, every highlight's text is its evidence term, and
overlapping evidence nests or splits into well-formed markup."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis.pipeline import EVIDENCE_COLUMNS
from views import highlight

HOSTILE = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '</span><span onclick="window.__pwned=1">click</span>',
    '"><svg onload=alert(1)>',
    "&lt;b&gt; already escaped &amp; stays literal",
]
ALLOWED_TAGS = {"style", "div", "span", "p", "mark", "h4"}
ALLOWED_ATTRS = {"class", "id", "title", "data-ev", "data-part", "data-measure", "data-category",
                 "data-weight", "data-paragraph"}


class Reader(HTMLParser):
    """Collects tags, attributes, the visible text and the text inside each data-ev id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ev_text: dict[int, str] = {}
        self.ev_attrs: dict[int, dict[str, str | None]] = {}
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "br":  # a void element: no end tag
            return
        self.stack.append((tag if a.get("class") != "nl-pn" else "label", a.get("data-ev")))
        if a.get("data-ev") is not None:
            self.ev_attrs.setdefault(int(a["data-ev"] or 0), a)

    def handle_endtag(self, tag: str) -> None:
        top = self.stack[-1][0] if self.stack else None
        assert top == tag or (top, tag) == ("label", "span"), f"</{tag}> closes {top}: not well nested"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "style":
            return
        if self.stack and self.stack[-1][0] == "label":  # the ¶ n label
            return
        self.text += data
        for _, ev in self.stack:
            if ev is not None:
                self.ev_text[int(ev)] = self.ev_text.get(int(ev), "") + data


def read(markup: str) -> Reader:
    r = Reader()
    r.feed(markup)
    r.close()
    assert not r.stack, f"unclosed: {r.stack}"
    return r


def frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_is_escaped_and_shown_literally(payload: str) -> None:
    text = f"Experts warn of a grave threat. {payload} It could be a crisis, officials may say."
    result = analysis.analyze(text)
    markup = highlight.render(result.text, result.paragraphs, result.evidence)
    r = read(markup)
    assert {t for t, _ in r.tags} <= ALLOWED_TAGS
    assert all(set(a) <= ALLOWED_ATTRS for _, a in r.tags)
    assert payload in r.text  # shown as text, character for character
    assert "<script" not in markup and "<img" not in markup and "<svg" not in markup
    # No attribute but ours: an "onclick=" can only be text (the attribute whitelist above).


def test_hostile_text_inside_an_evidence_span_stays_inert() -> None:
    text = 'A <b onmouseover="x()">threat</b> and "panic" in <script>crisis()</script>.'
    result = analysis.analyze(text)
    assert len(result.evidence), "the test needs evidence inside the hostile markup"
    r = read(highlight.render(result.text, result.paragraphs, result.evidence))
    assert {t for t, _ in r.tags} <= ALLOWED_TAGS
    assert r.text.strip() == text


def test_every_highlight_spells_its_evidence_term_on_the_bundled_article() -> None:
    from analysis.paths import BUNDLED_ARTICLE as BUNDLED

    text = BUNDLED.read_text(encoding="utf-8")
    result = analysis.analyze(text)
    r = read(highlight.render(result.text, result.paragraphs, result.evidence))
    assert sorted(r.ev_text) == list(range(len(result.evidence)))
    for i, term in enumerate(result.evidence["term"]):
        assert r.ev_text[i] == term
    # The visible text is the paragraphs' text, unchanged by the markup.
    assert r.text == "".join(result.paragraphs["text"])


def test_crossing_and_identical_spans_nest_or_split_but_keep_their_text() -> None:
    text = "alpha beta gamma delta"
    ev = frame([
        (0, 0, 10, "hedging", "modal", "alpha beta", 1.0, "", False),
        (0, 6, 16, "alarm", "threat_danger", "beta gamma", 1.0, "", False),  # crosses the first
        (0, 6, 10, "sentiment", "negative", "beta", -1.0, "", False),  # inside both
        (0, 6, 10, "alarm", "fear_panic", "beta", 0.0, "negated by 'no'", False),  # identical span
        (0, 17, 22, "alarm", "urgency", "delta", 2.0, "", False),
    ])
    pars = pd.DataFrame([{"paragraph": 0, "start": 0, "end": len(text), "text": text}])
    markup = highlight.render(text, pars, ev)
    r = read(markup)
    assert r.text == text
    assert r.ev_text == {0: "alpha beta", 1: "beta gamma", 2: "beta", 3: "beta", 4: "delta"}
    assert markup.count('data-ev="1"') == 2  # split where it crosses span 0
    assert "nl-zero" in r.ev_attrs[3]["class"] and "nl-zero" not in r.ev_attrs[2]["class"]


def test_tooltip_names_measure_category_weight_and_rule() -> None:
    result = analysis.analyze("There is no threat here, and the vote is on 3 May in the city hall.")
    r = read(highlight.render(result.text, result.paragraphs, result.evidence))
    tips = {r.ev_text[i]: a["title"] or "" for i, a in r.ev_attrs.items()}
    assert "Alarm" in tips["threat"] and "weight 0" in tips["threat"] and "negated by 'no'" in tips["threat"]
    assert "Hedging" in tips["May"] and "month" in tips["May"] and "weight 0" in tips["May"]
    classes = {r.ev_text[i]: a["class"] or "" for i, a in r.ev_attrs.items()}
    assert "nl-zero" in classes["May"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab <>&\"'x", min_size=1, max_size=40), st.data())
def test_any_set_of_spans_renders_well_nested_with_exact_text(text: str, data: st.DataObject) -> None:
    n = data.draw(st.integers(0, 6))
    rows = []
    for _ in range(n):
        a = data.draw(st.integers(0, len(text) - 1))
        b = data.draw(st.integers(a + 1, len(text)))
        rows.append((0, a, b, data.draw(st.sampled_from(["sentiment", "hedging", "alarm"])), "c",
                     text[a:b], data.draw(st.sampled_from([0.0, 1.0])), "", False))
    pars = pd.DataFrame([{"paragraph": 0, "start": 0, "end": len(text), "text": text}])
    r = read(highlight.render(text, pars, frame(rows)))
    assert r.text == text
    assert r.ev_text == {i: row[5] for i, row in enumerate(rows)}


def test_keyword_in_context_lists_every_occurrence_and_what_counted() -> None:
    text = ("Officials may act. The vote is on 3 May.\n\n"
            "Prices rose about 5% and talk was about the theft; may the best win.")
    result = analysis.analyze(text)
    may = highlight.kwic(text, result.paragraphs, result.evidence, "may")
    assert len(may) == 3 and may["match"].tolist() == ["may", "May", "may"]
    assert "weight 1" in may.iloc[0]["evidence"] and "weight 0" in may.iloc[1]["evidence"]
    about = highlight.kwic(text, result.paragraphs, result.evidence, "about")
    assert about["paragraph"].tolist() == [2, 2]
    assert "approximator" in about.iloc[0]["evidence"] and about.iloc[1]["evidence"] == "not counted by any measure"
    for row in about.itertuples():
        assert text[row.start:row.start + 5] == "about"
    assert highlight.kwic(text, result.paragraphs, result.evidence, "  ").empty


def test_keyword_in_context_markup_escapes_the_article() -> None:
    text = 'The <img src=x onerror="x()"> threat grew and the threat </b><script>1</script> spread widely today.'
    result = analysis.analyze(text)
    rows = highlight.kwic(text, result.paragraphs, result.evidence, "threat")
    r = read(highlight.kwic_html(rows))
    assert {t for t, _ in r.tags} <= ALLOWED_TAGS | {"ul", "li", "b", "br", "small"}
    assert len([t for t, _ in r.tags if t == "li"]) == 2
    assert '<img src=x onerror="x()">' in r.text and "</b><script>1</script>" in r.text


def test_legend_explains_the_double_underline_with_two_measures_nested() -> None:
    r = read(highlight.legend(frame([(1, 0, 4, "alarm", "threat", "fear", 1.0, "", False)]), ["sentiment", "alarm"]))
    marks = [a["class"] for t, a in r.tags if t == "mark"]
    assert "nl-ev nl-sentiment" in marks and "nl-ev nl-alarm" in marks
    nested = [i for i, (t, a) in enumerate(r.tags) if t == "mark" and r.tags[i - 1][0] == "mark"]
    assert nested, "the swatch nests one measure's mark in the other's: two underlines"
    assert "double underline" in r.text and "two measures" in r.text
    single = read(highlight.legend(frame([]), ["alarm"]))
    assert "double underline" not in single.text  # one measure shown: nothing can stack


def test_headline_is_shown_apart_with_its_own_evidence() -> None:
    text = "Fear grips the <b>city</b>\n\nThe council met on Tuesday and discussed the budget for next year."
    headline = pd.DataFrame([{"start": 0, "end": 26, "text": text[:26], "words": 5}])
    evidence = pd.DataFrame([(0, 4, "alarm", "fear", "fear", 1.0, "", False)],
                            columns=EVIDENCE_COLUMNS[1:])
    r = read(highlight.headline(text, headline, evidence))
    assert r.text.startswith("Fear grips the <b>city</b>") and "Scored on its own" in r.text
    assert r.ev_text == {0: "Fear"}
    assert highlight.headline(text, headline.iloc[0:0], evidence.iloc[0:0]) == ""


def test_one_paragraph_is_boxed_escaped_and_highlighted() -> None:
    text = 'Intro line here.\n\nA <script>x()</script> threat may "grow".'
    start = text.index("A <")
    evidence = frame([(2, text.index("threat"), text.index("threat") + 6, "alarm", "threat", "threat", 1.0, "", False),
                      (2, text.index("may"), text.index("may") + 3, "hedging", "modal", "may", 1.0, "", False)])
    r = read(highlight.paragraph(text, start, len(text), evidence))
    assert r.text == text[start:]
    assert r.ev_text == {0: "threat", 1: "may"}
    assert [a["class"] for t, a in r.tags if t == "div"] == ["nl-article nl-box"]


def test_keyword_in_context_names_the_article_when_there_are_several() -> None:
    rows = pd.DataFrame([{"paragraph": 3, "left": "the ", "match": "dam", "right": " <broke>", "article": "a&b.txt"}])
    r = read(highlight.kwic_html(rows))
    assert "a&b.txt" in r.text and "the dam <broke>" in r.text and "¶" not in r.text  # ¶ n is the label
    assert [t for t, _ in r.tags].count("small") == 1  # the article; no evidence line without evidence
