"""Figures to PNG and SVG through kaleido 1.x and the system Chromium, one process for all.

``kaleido.start_sync_server`` keeps one headless Chromium (Debian's /usr/bin/chromium,
MathJax off so nothing is fetched) alive for the whole Python process; every image after the
first is a request to it (~0.2 s instead of a browser start). Calls are serialised with a
lock: Streamlit runs each session in its own thread, and the server is a singleton.

``exportable`` gives a figure what a printed figure needs beyond the on-screen one: a fixed
width, and a caption under the plot naming the article and the measure versions, so an image
cut out of its page still says what it shows. The template is the one the page uses.

``clean_svg`` makes kaleido's SVG safe to inline in a report: no script or foreignObject
elements, no event-handler attributes, no link that leaves the document, and element ids
prefixed so that two figures in one page cannot capture each other's clip paths.
"""

from __future__ import annotations

import atexit
import os
import re
import textwrap
import threading
from dataclasses import dataclass

import plotly.graph_objects as go
from lxml import etree

from views import theme
from views.escape import html as esc

CHROMIUM = os.environ.get("NARRATIVE_LENS_CHROMIUM", "/usr/bin/chromium")
_lock = threading.Lock()
_started = False


@dataclass(frozen=True)
class ImageOptions:
    """Size of an exported figure in CSS pixels; ``scale`` multiplies the PNG's pixels (2 =
    print quality at the on-screen size). The height defaults to the figure's own."""

    width: int = 1100
    height: int | None = None
    scale: float = 2.0


def start() -> None:
    """Start the shared kaleido/Chromium process (once per Python process)."""
    global _started
    if _started:
        return
    import kaleido

    kaleido.start_sync_server(path=CHROMIUM, mathjax=False, headless=True, silence_warnings=True)
    _started = True
    atexit.register(stop)


def stop() -> None:
    global _started
    if _started:
        import kaleido

        kaleido.stop_sync_server(silence_warnings=True)
        _started = False


def exportable(fig: go.Figure, caption: str, width: int = ImageOptions.width, title: str = "") -> go.Figure:
    """A copy of ``fig`` with a fixed width and ``caption`` (plain text, escaped here) under
    the plot area, in the page's own template; no caption when it is empty. ``title`` (plain
    text) is given to a figure that has none, so a cut-out image still says what it shows."""
    out = go.Figure(fig.to_dict())  # to_dict() is already a deep copy
    height = int(out.layout.height or 500)
    if title and not (out.layout.title and out.layout.title.text):
        top = int(out.layout.margin.t if out.layout.margin and out.layout.margin.t is not None else 60)
        out.update_layout(title=dict(text=esc(title), x=0, xanchor="left", y=0.995,
                                     yanchor="top", yref="container", font=dict(size=17)),
                          margin=dict(t=top + 36), height=height + 36)
        height += 36
    margin = out.layout.margin
    bottom = int(margin.b if margin and margin.b is not None else 60)
    lines = textwrap.wrap(caption, width=max(40, width // 7), break_long_words=True) or [""]
    extra = 14 + 16 * len(lines)
    if not caption:
        out.update_layout(width=width)
        return out
    out.update_layout(width=width, height=height + extra, margin=dict(b=bottom + extra))
    # plotly does not wrap annotations: the caption is broken into lines that fit the width
    out.add_annotation(text="<br>".join(esc(line) for line in lines), xref="paper", yref="paper", x=0, xanchor="left",
                       y=0, yanchor="top", yshift=-(bottom + 8), showarrow=False, align="left",
                       font=dict(size=11, color=theme.MUTED))
    return out


def render(fig: go.Figure, fmt: str, options: ImageOptions = ImageOptions()) -> bytes:
    """``fig`` as PNG or SVG bytes, by the shared Chromium."""
    import kaleido

    if fmt not in ("png", "svg", "pdf"):
        raise ValueError(f"cannot render {fmt!r}")
    opts = {"format": fmt, "width": options.width or fig.layout.width or 1100,
            "height": options.height or fig.layout.height or 500,
            "scale": options.scale if fmt == "png" else 1}
    with _lock:
        start()
        try:
            return bytes(kaleido.calc_fig_sync(fig, opts=opts))
        except Exception:  # a browser that died (killed, out of memory) is replaced once
            stop()
            start()
            return bytes(kaleido.calc_fig_sync(fig, opts=opts))


def png(fig: go.Figure, caption: str, options: ImageOptions = ImageOptions(), title: str = "") -> bytes:
    big = exportable(fig, caption, options.width, title)
    return render(big, "png", ImageOptions(options.width, int(big.layout.height), options.scale))


def svg(fig: go.Figure, caption: str, options: ImageOptions = ImageOptions(), title: str = "") -> bytes:
    big = exportable(fig, caption, options.width, title)
    return render(big, "svg", ImageOptions(options.width, int(big.layout.height), 1))


_SVG = "{http://www.w3.org/2000/svg}"
_BANNED = {"script", "foreignObject", "iframe", "object", "embed", "a", "use", "animate", "set",
           "handler", "listener"}
_IMAGE_DATA = ("data:image/png;base64,", "data:image/jpeg;base64,")
_URL = re.compile(r"url\(\s*['\"]?#([^)'\"]+)['\"]?\s*\)")


def local_tag(el: etree._Element) -> str:
    return etree.QName(el).localname


def clean_svg(data: bytes | str, prefix: str) -> str:
    """Kaleido's SVG made inert for inlining: see the module docstring. ``prefix`` must be
    unique per figure in a document (letters, digits, dashes)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True,
                             remove_pis=True, huge_tree=False)
    root = etree.fromstring(raw, parser)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        if local in _BANNED and el.getparent() is not None:
            el.getparent().remove(el)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name in list(el.attrib):
            local = etree.QName(name).localname.lower()
            value = el.attrib[name]
            if local.startswith("on"):
                del el.attrib[name]
            elif local == "href":
                if local_tag(el) == "image" and value.startswith(_IMAGE_DATA):
                    continue  # a heatmap's pixels, inline (the CSP allows data: images only)
                if value.startswith("#"):
                    el.attrib[name] = f"#{prefix}-{value[1:]}"
                else:
                    del el.attrib[name]
            elif local == "id":
                el.attrib[name] = f"{prefix}-{value}"
            elif "url(" in value:
                fixed = _URL.sub(lambda m: f"url(#{prefix}-{m.group(1)})", value)
                if "url(" in _URL.sub("", fixed):  # a url() that does not point inside the figure
                    del el.attrib[name]
                else:
                    el.attrib[name] = fixed
    for el in root.iter(f"{_SVG}style"):
        el.text = _URL.sub(lambda m: f"url(#{prefix}-{m.group(1)})", el.text or "")
        if "@import" in el.text or re.search(r"url\(\s*['\"]?(?!#)", el.text):
            el.getparent().remove(el)
    width, height = root.attrib.pop("width", None), root.attrib.pop("height", None)
    if width and height and "viewBox" not in root.attrib:
        root.set("viewBox", f"0 0 {float(width):g} {float(height):g}")
    root.set("role", "img")
    return etree.tostring(root, encoding="unicode")
