import csv

import pytest

from analysis import lexicon as lx
from analysis.measures import alarm, hedging
from analysis.text import tokens


@pytest.mark.parametrize("name", sorted(lx.manifest()))
def test_manifest_checksum_matches_file(name):
    info = lx.manifest()[name]
    assert lx.checksum(lx.LEXICON_DIR / info["file"]) == info["sha256"], (
        f"{info['file']} changed without a manifest bump: run tools/lexicon_csv.py --version"
    )
    for key in ("version", "source", "licence", "citation", "date"):
        assert info.get(key), f"{name}: manifest lacks {key}"


@pytest.mark.parametrize("name", sorted(lx.manifest()))
def test_csv_is_lowercase_sorted_unique(name):
    path = lx.LEXICON_DIR / lx.manifest()[name]["file"]
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    terms = [r["term"] for r in rows]
    assert terms == sorted(set(terms))
    assert all(t == lx.canonical(t) for t in terms)
    assert all(float(r["weight"]) > 0 for r in rows)


@pytest.mark.parametrize("module", [hedging, alarm])
def test_declared_categories_match_the_lexicon(module):
    assert tuple(lx.load(module.LEXICON).categories) == module.CATEGORIES


def test_load_refuses_an_edited_lexicon(tmp_path, monkeypatch):
    (tmp_path / "x.csv").write_text("term,category,weight,note\nfoo,a,1,\n", encoding="utf-8")
    (tmp_path / "manifest.json").write_text(
        '{"x": {"file": "x.csv", "version": "1", "sha256": "0000"}}', encoding="utf-8"
    )
    monkeypatch.setattr(lx, "LEXICON_DIR", tmp_path)
    monkeypatch.setattr(lx, "MANIFEST", tmp_path / "manifest.json")
    lx.load.cache_clear()
    try:
        with pytest.raises(lx.LexiconError, match="manifest"):
            lx.load("x")
    finally:
        lx.load.cache_clear()


def make(*entries):
    return lx.Lexicon("t", "0", tuple(lx.Entry(t, c, w) for t, c, w in entries))


def test_multiword_wildcard_apostrophe_and_hyphen_matching():
    lex = make(("according to", "a", 1), ("threat*", "b", 1), ("don't know", "c", 1), ("full-blown", "d", 1))
    text = "According\u00a0to him, threatening talk; we don’t know; a full‑blown row; threat."
    found = [(text[m.start : m.end], m.entry.term) for m in lex.finditer(text)]
    assert found == [
        ("According\u00a0to", "according to"),
        ("threatening", "threat*"),
        ("don’t know", "don't know"),
        ("full‑blown", "full-blown"),
        ("threat", "threat*"),
    ]


def test_words_inside_other_words_do_not_match():
    lex = make(("war", "a", 1), ("may", "b", 1))
    assert list(lex.finditer("Warsaw award dismay, software-war")) == []


def test_longest_entry_wins_at_a_position():
    lex = make(("war", "a", 1), ("cold war", "b", 2))
    [m] = list(lex.finditer("a new cold war"))
    assert m.entry.term == "cold war"


def test_a_gap_lets_words_stand_inside_a_fixed_phrase_within_its_clause():
    lex = make(("window ... narrow+", "a", 2), ("window is narrowing", "b", 2), ("window", "c", 1))
    text = ("The window to fix it is narrowing. The window is narrowing. The window narrows. "
            "The window, he said, is narrowing. The window to act on the flaw is narrowing.")
    found = [(text[m.start : m.end], m.entry.term) for m in lex.finditer(text)]
    assert found == [
        ("window to fix it is narrowing", "window ... narrow+"),  # four words inside
        ("window is narrowing", "window is narrowing"),  # the term written out wins
        ("window narrows", "window ... narrow+"),  # none inside, inflected
        ("window", "window"),  # a comma ends the clause: no phrase across it
        ("window", "window"),  # five words inside: too far apart
    ]
    assert [(m.start, m.end) for m in lex.finditer(text, tokens(text))] == [
        (m.start, m.end) for m in lex.finditer(text)]
    assert lex.lookup("Window To Fix It Is Narrowing").term == "window ... narrow+"


@pytest.mark.parametrize("fold", [True, False])
def test_ligatures_are_read_as_letters_when_the_lexicon_asks(fold):
    lex = lx.Lexicon("t", "0", (lx.Entry("fight+", "a", 1.0), lx.Entry("fire", "b", 1.0),
                                lx.Entry("war", "c", 1.0)), fold_ligatures=fold)
    text = "The ﬁght over the ﬁre went on, ﬁghting a war of ﬂags."
    found = [(text[m.start : m.end], m.entry.term) for m in lex.finditer(text, tokens(text))]
    if fold:  # offsets slice the original text, ligature and all
        assert found == [("ﬁght", "fight+"), ("ﬁre", "fire"), ("ﬁghting", "fight+"), ("war", "war")]
    else:
        assert found == [("war", "war")]
    assert lx.unfold_ligatures("aﬃx ﬁ") == ("affix fi", [0, 1, 1, 1, 2, 3, 4, 4, 5])


def test_the_alarm_lexicon_folds_ligatures_and_the_others_do_not():
    assert lx.load("alarm").fold_ligatures
    assert not lx.load("hedges").fold_ligatures
