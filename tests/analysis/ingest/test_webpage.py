"""HTML pages whose markup breaks sentences around inline links read as whole paragraphs."""

from __future__ import annotations

import pytest

from analysis.ingest import load
from analysis.ingest.sandbox import run
from analysis.ingest.webpage import HTML_LIMITS, rejoin
from analysis.text import segment
from devkit import fixtures as fx


def test_the_fixture_reproduces_the_break_in_the_extractor_output():
    # The page as trafilatura returns it, before our reader: the sentence comes in fragments.
    # If a trafilatura upgrade stops doing this, this test says so (the fixture no longer
    # reproduces the fault) rather than letting the next test pass for the wrong reason.
    out = run("html", fx.make("inline-link.html"), "inline-link.html", HTML_LIMITS)
    lines = [line.strip() for line in out["text"].splitlines() if line.strip()]
    assert ". In February, the firm had warned that such copying was becoming common across the industry." in lines
    assert "Anthropic’s own report" in lines and "the company blog" in lines
    naive = segment("\n\n".join(lines))
    assert any(p.text.startswith(". In February") for p in naive.paragraphs)
    assert "Anthropic’s own report" in [h.text for h in naive.headings]


def test_one_sentence_around_an_inline_link_is_one_paragraph(tmp_path):
    got = load(fx.write(tmp_path, "inline-link.html"))
    doc = segment(got.text)
    assert [p.text for p in doc.paragraphs] == fx.LINK_PARAGRAPHS
    assert doc.headings == []
    assert not any(p.text.startswith((".", ",")) for p in doc.paragraphs)
    # the page's text opens with its title: that line is the headline, equal to the title read apart
    assert got.title == fx.LINK_TITLE
    assert doc.headline is not None and doc.headline.text == got.title
    for part in [doc.headline, *doc.paragraphs]:
        assert got.text[part.start : part.end] == part.text


@pytest.mark.parametrize("lines, joined", [
    # a fragment that starts with a stop or comma goes back onto the line before, with no space
    (["It said so, according to", "the report", ". In February it"], ["It said so, according to the report. In February it"]),
    (["The figure rose", ", the agency said."], ["The figure rose, the agency said."]),
    # a line that ends in a preposition, article, conjunction or comma cannot end a paragraph
    (["Its chief wrote on", "The Company Blog", "that it was closed."], ["Its chief wrote on The Company Blog that it was closed."]),
    # a lower-case start after a line without final punctuation continues it
    (["Prices rose in", "march and april."], ["Prices rose in march and april."]),
])
def test_fragments_of_one_sentence_are_joined(lines, joined):
    assert rejoin(lines) == joined


@pytest.mark.parametrize("lines", [
    ["Flood barrier fails", "The barrier failed on Tuesday."],  # a title, then a paragraph
    ["Key points:", "- prices rose", "- wages did not"],  # a list stays a list
    ["He left.", "then she spoke."],  # a paragraph that ends a sentence is complete
    ["Vitamin A", "The study found no effect."],  # "A" ends a title, not an article
    ["It rose.", "...and then it fell."],  # an ellipsis may open a paragraph
])
def test_whole_lines_are_left_apart(lines):
    assert rejoin(lines) == lines
