"""The report: a hostile article renders as text, never as markup; the HTML needs nothing
outside itself; the PDF is printed by the real Chromium; every chart exports as a 2x PNG.
Artifacts land in tests/artifacts/ to be looked at."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import analysis
from analysis.validate import stored
from report import build, figures

ROOT = Path(__file__).resolve().parents[2]
ART = ROOT / "tests" / "artifacts"
DEV = ROOT / "tests" / "fixtures" / "compare" / "dev"
EXTERNAL = ("http:", "https:", "//", "javascript:", "data:text", "vbscript:", "file:")

HOSTILE_NAME = '<img src=x onerror=alert(1)>"evil".txt'
HOSTILE_TEXT = """Officials <script>alert('x')</script> may have known about the crisis, experts warned.

A <img src=x onerror="alert(1)"> threat </span><span onclick="steal()">grew</span> as markets fell sharply.

Read more at <a href="javascript:alert(2)">this link</a> or https://evil.example/track.png, sources said.

<style>body{background:url(https://evil.example/x.png)}</style> The panic may spread, analysts feared."""


class Audit(HTMLParser):
    """Everything in a document that could run or fetch: elements, handlers, URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self.urls: list[str] = []
        self.csp: list[str] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_style = tag == "style"
        for name, value in attrs:
            value = value or ""
            if name.lower().startswith("on"):
                self.handlers.append((tag, name))
            if name.lower() in ("src", "href", "xlink:href", "action", "formaction", "poster", "srcset"):
                self.urls.append(value)
            if "url(" in value:
                self.urls += [u for u in value.split("url(")[1:]]
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(dict(attrs)["content"] or "")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.urls += data.split("url(")[1:]
        else:
            self.text.append(data)


@pytest.fixture(scope="module")
def hostile_html() -> str:
    focus = analysis.analyze(HOSTILE_TEXT, HOSTILE_NAME)
    other = analysis.analyze((DEV / "herald.txt").read_text(encoding="utf-8"), "</td><script>x()</script>.txt")
    doc = build.build_html([focus, other], stored.load())
    ART.mkdir(exist_ok=True)
    (ART / "report_hostile.html").write_text(doc, encoding="utf-8")
    return doc


def audit(doc: str) -> Audit:
    a = Audit()
    a.feed(doc)
    a.close()
    return a


def test_hostile_article_has_no_live_markup(hostile_html):
    a = audit(hostile_html)
    assert "script" not in a.tags and "iframe" not in a.tags and "foreignobject" not in a.tags
    assert "a" not in a.tags and "img" not in a.tags and "link" not in a.tags
    assert a.handlers == []
    bad = [u for u in a.urls if not u.strip(" '\"").startswith(("#", "data:image/png;base64,"))]
    assert bad == [], bad
    assert not [u for u in a.urls if u.lower().strip(" '\"").startswith(EXTERNAL)]
    lowered = hostile_html.lower()
    for scheme in ("javascript:", "https://evil", "http://evil"):
        # present only as escaped text inside elements, never inside an attribute or a url()
        assert f'="{scheme}' not in lowered and f"url({scheme}" not in lowered
    text = "".join(a.text)
    assert "<script>alert('x')</script>" in text  # shown to the reader, as text
    assert '</span><span onclick="steal()">' in text
    assert HOSTILE_NAME in text and "</td><script>x()</script>.txt" in text


def test_csp_forbids_scripts_and_requests(hostile_html):
    [csp] = audit(hostile_html).csp
    rules = dict(r.strip().split(" ", 1) for r in csp.split(";"))
    assert rules["default-src"] == "'none'"
    assert "script-src" not in rules  # falls back to default-src 'none'
    assert rules["img-src"] == "data:"


def test_report_holds_its_sections(hostile_html):
    a = audit(hostile_html)
    text = " ".join(a.text)
    for heading in ("Summary", "Figures", "The article, with its evidence highlighted",
                    "Other coverage of the story", "Methods", "Provenance"):
        assert heading in text
    assert a.tags.count("svg") == 6  # arc, heatmap and the four comparison views
    assert "Hutto" in text and "Monroe" in text and "McLaughlin" in text and "Dale" in text


def test_report_numbers_paragraphs_from_1_everywhere(hostile_html):
    """Charts, the highlighted text and the claim-coverage table name a paragraph as the Read page
    does: no "¶ 0" anywhere, and the coverage table starts at 1."""
    text = " ".join(audit(hostile_html).text)
    assert "¶ 0" not in hostile_html and "¶0" not in hostile_html
    table = hostile_html.split("Claim coverage per focus paragraph", 1)[1]
    assert '<td class="num">1</td>' in table.split("</tr>")[1]  # the first row of the table
    assert "focus paragraph 0" not in text


def test_clean_svg_strips_what_could_run_or_fetch():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           'width="10" height="10" onload="x()"><script>alert(1)</script>'
           '<defs><clipPath id="c"><rect/></clipPath></defs>'
           '<g clip-path="url(#c)" onclick="y()"><image xlink:href="https://evil.example/a.png"/>'
           '<rect style="fill: url(https://evil.example/p.svg)"/><use href="#c"/>'
           '<image href="data:image/png;base64,iVBORw0KGgo="/><image href="data:text/html,evil"/></g>'
           '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject></svg>')
    out = figures.clean_svg(svg, "f1")
    a = audit(out)
    assert "script" not in a.tags and "foreignobject" not in a.tags and "use" not in a.tags
    assert a.handlers == []
    assert "evil" not in out
    assert out.count("<image/>") == 2 and out.count('<image href="data:image/png;base64,') == 1
    assert 'clip-path="url(#f1-c)"' in out and 'id="f1-c"' in out and 'viewBox="0 0 10 10"' in out


def test_pdf_is_printed_by_chromium(hostile_html):
    from pypdf import PdfReader

    data = build.pdf(hostile_html)
    assert data.startswith(b"%PDF")
    (ART / "report_hostile.pdf").write_bytes(data)
    reader = PdfReader(ART / "report_hostile.pdf")
    words = " ".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) >= 3
    assert "alert('x')" in words and "Methods" in words
    if shutil.which("pdftoppm"):  # pages as PNG to look at (poppler-utils, installed by .ci/run)
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(ART / "report_hostile.pdf"), str(ART / "report_hostile")],
                       check=True, timeout=120)


def test_every_chart_exports_as_a_2x_png_with_its_caption(bundled):
    from PIL import Image

    others = [analysis.analyze((DEV / n).read_text(encoding="utf-8"), n) for n in ("focus.txt", "herald.txt")]
    charts = dict(build.article_figures(bundled))
    from analysis import compare
    from views import compare_charts

    result = compare.compare(others)
    for key, fig in compare_charts.all_figures(result).items():
        charts[f"compare-{key}"] = (fig, build.caption(others[0], key))
    from analysis.sourcing import table
    from views import sources_charts

    sources = table.by_source(table.mentions(bundled.document))
    charts["who-speaks-along"] = (sources_charts.attribution_along(bundled.paragraphs), build.caption(bundled, "along"))
    charts["who-speaks-kinds"] = (sources_charts.kinds_bar(sources), build.caption(bundled, "kinds"))
    ART.mkdir(exist_ok=True)
    for key, (fig, caption) in charts.items():
        png = figures.png(fig, caption, title=f"{key} of focus.txt")
        path = ART / f"chart_{key}.png"
        path.write_bytes(png)
        with Image.open(path) as im:
            assert im.width == 2 * figures.ImageOptions().width
            assert im.height >= 2 * int(fig.layout.height or 0)
        svg = figures.svg(fig, caption).decode("utf-8")
        assert caption.split(".")[0] in svg.replace("&amp;", "&")


def test_cli_report_writes_html_and_pdf(tmp_path):
    out, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    proc = subprocess.run([sys.executable, "-m", "analysis", "report", str(DEV / "focus.txt"), str(DEV / "wire.txt"),
                           "--out", str(out), "--pdf", str(pdf)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    doc = out.read_text(encoding="utf-8")
    assert "focus.txt" in doc and "wire.txt" in doc and audit(doc).tags.count("svg") == 6
    assert json.loads(json.dumps(audit(doc).csp))  # one CSP meta, parsed


def test_summary_and_breakdown_split_by_the_declarations_alone(bundled):
    """Every declared figure appears once: the summary holds the headline measures, each
    composite followed by its sub-scales (marked in the composite or counted apart), and every
    other figure of its own kind; the breakdown the per-category rates and the formulas' counts."""
    import re

    from analysis.measures import HEADLINE, REGISTRY, column

    def rows(breakdown: bool) -> list[tuple[str, str, str]]:
        table = build.summary_table(bundled.summary, breakdown)
        return re.findall(r'<tr(?: class="(\w+)")?><th scope="row">(.*?)(?: <span class="part">(.*?)</span>)?</th>',
                          table)

    summary, breakdown = rows(False), rows(True)
    labels = {b: [label for _, label, _ in r] for b, r in ((False, summary), (True, breakdown))}
    assert not set(labels[False]) & set(labels[True])
    declared = [c for m in REGISTRY for c in m.columns if c.unit != "text"]
    assert sorted(labels[False] + labels[True]) == sorted(c.label for c in declared)
    assert [label for css, label, _ in summary if css == "headline"] == [column(n).label for n in HEADLINE]
    # hedging, then its four sub-scales; alarm, then its four; then reading ease
    start = labels[False].index("Hedging")
    assert summary[start:start + 11] == [
        ("headline", "Hedging", ""),
        ("sub", "Hedging: epistemic", "in the composite"), ("sub", "Hedging: attribution", "in the composite"),
        ("sub", "Hedging: weasel", "in the composite"), ("sub", "Hedging: vagueness", "not in Hedging: counted apart"),
        ("headline", "Alarm", ""),
        ("sub", "Alarm: event vocabulary", "not in Alarm: counted apart"), ("sub", "Alarm: loaded", "in the composite"),
        ("sub", "Alarm: fear", "in the composite"), ("sub", "Alarm: conflict", "in the composite"),
        ("headline", "Flesch reading ease", "")]
    assert {"Flesch-Kincaid grade", "Quotations", "Hedging in quotes", "People"} <= set(labels[False])
    assert {"Hedging: modal", "Count: syllables", "Sentences"} <= set(labels[True])
    assert not any(css == "sub" for css, _, _ in breakdown)

FRAMES_DIC = ROOT / "tests" / "fixtures" / "dictionaries" / "newsframes.dic"


def test_a_report_with_a_researchers_dictionary_describes_it_and_shows_its_categories(bundled_text):
    """The report reads the analysis's own measures: the dictionary's categories are rows of the
    summary (not parts of a composite), their highlights have the dictionary's colour, its
    methods sentence names the file, its hash, the terms per category and the negation handling,
    and the figures draw the columns chosen on Home. A hostile category name stays text."""
    from analysis import dictionaries
    from analysis.measures import REGISTRY
    from views import theme

    frames = dictionaries.load(FRAMES_DIC)
    hostile = dictionaries.load_bytes(b"term,category\nthreat*,<b onmouseover=x()>loud</b>\n", "odd.csv")
    result = analysis.analyze(bundled_text, "bundled", measures=(*REGISTRY, frames.measure(negation=True),
                                                                 hostile.measure()))
    shown = ["hedging", "newsframes.threat", "odd.<b onmouseover=x()>loud</b>"]
    doc = build.build_html([result], stored.load(), shown=shown)
    audit = Audit()
    audit.feed(doc)
    assert not audit.handlers and "b" not in audit.tags  # the category name is text, nowhere markup
    import re

    summary = doc.split("<h2>Summary</h2>", 1)[1].split("<details", 1)[0]
    labels = re.findall(r'<th scope="row">(.*?)</th>', summary)
    assert {"newsframes: threat", "newsframes: economy", "newsframes: institution"} <= set(labels)
    assert "odd: &lt;b onmouseover=x()&gt;loud&lt;/b&gt;" in labels
    value = frames.measure().columns[0].format(result.summary_values["newsframes.threat"])
    assert f'<th scope="row">newsframes: threat</th><td class="num">{value}</td>' in summary
    methods = doc.split('<section class="methods">', 1)[1]
    assert f"SHA-256 {frames.sha256[:12]}" in methods and "newsframes.dic" in methods
    assert "terms per category: threat 3; economy 3; institution 2" in methods and "negation-aware" in methods
    assert "odd.csv" in methods and "every match counted plainly" in methods
    assert f"newsframes {frames.version}" in methods  # in the versions sentence
    hue = theme.colour("newsframes")
    assert f"mark.nl-newsframes{{background:{theme.tint(hue, 0.16)};border-bottom-color:{hue}}}" in doc
    assert doc.count('class="nl-ev nl-newsframes') >= 3
    arc = doc.split('id="arc"', 1)[1].split("</figure>", 1)[0]
    assert "newsframes: threat" in arc and "Flesch" not in arc and "&lt;b onmouseover" in arc
    assert "each chosen measure" in arc


def test_the_report_of_the_registry_alone_is_unchanged_by_the_dictionary_machinery(bundled):
    """No dictionary: the same measures, figures and methods as the registry's."""
    from report import methods

    doc = build.build_html([bundled], stored.load())
    assert "each headline measure" in doc and "researcher's dictionary" not in doc
    assert methods.as_html(stored.load(), measures=bundled.measures, versions=bundled.meta["versions"]) in doc
    assert methods.as_text(stored.load()) == methods.as_text(stored.load(), measures=bundled.measures,
                                                             versions=bundled.meta["versions"])
