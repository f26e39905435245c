"""A researcher's dictionary as a measure: hand-checked counts on a hand-written text, every
file format, and malformed or hostile files refused with the line and the reason."""

import math
import time
from pathlib import Path

import pytest

import analysis
from analysis import dictionaries
from analysis.dictionaries import DictionaryError
from analysis.dictionaries import consistency as cons
from analysis.measures import REGISTRY

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "dictionaries"
TEXT = ("The government warned of a crisis as attackers hit the stock market. Markets fell, and "
        "national security officials met. The attack was contained.")
# By hand: 23 words. threat: crisis, attackers (attack*), national security (one match), attack = 4.
# economy: crisis, stock market (one match: its "market" is not counted again), Markets (market*) = 3.
# institution: government, national security = 2.
EXPECTED = {"threat": 4, "economy": 3, "institution": 2}


@pytest.fixture(scope="module")
def frames():
    return dictionaries.load(FIXTURES / "newsframes.dic")


def test_hand_checked_counts_on_a_hand_written_text(frames):
    assert frames.categories == ("threat", "economy", "institution")
    result = analysis.analyze(TEXT, measures=(*REGISTRY, frames.measure()))
    assert int(result.summary_values["words"]) == 23
    for category, n in EXPECTED.items():
        assert result.summary_values[f"newsframes.{category}"] == pytest.approx(n / 23 * 100)
        assert result.paragraphs[f"newsframes.{category}"].iloc[0] == pytest.approx(n / 23 * 100)
    ev = result.evidence[result.evidence["measure"] == "newsframes"]
    got = sorted(zip(ev["term"], ev["category"], strict=True))
    assert got == sorted([("government", "institution"), ("crisis", "threat"), ("crisis", "economy"),
                          ("attackers", "threat"), ("stock market", "economy"), ("Markets", "economy"),
                          ("national security", "threat"), ("national security", "institution"),
                          ("attack", "threat")])
    for row in ev.itertuples():
        assert TEXT[row.start:row.end] == row.term


def test_columns_are_named_after_the_file_and_say_what_they_mean(frames):
    m = frames.measure()
    assert [c.name for c in m.columns] == ["newsframes.threat", "newsframes.economy", "newsframes.institution"]
    col = m.columns[0]
    assert (col.unit, col.low, col.direction) == ("matches per 100 words", 0, "higher = more of the category's words")
    assert "newsframes.dic" in m.methods and frames.sha256[:12] in m.methods
    assert "threat 3; economy 3; institution 2" in m.methods  # entries per category (not matches)
    assert m.version == frames.sha256[:12]
    result = analysis.analyze(TEXT, measures=(*REGISTRY, m))
    assert result.column_info("newsframes.economy").label == "newsframes: economy"
    assert result.meta["versions"]["measure:newsframes"] == frames.sha256[:12]


def test_negation_and_quoted_speech_are_off_by_default_and_can_be_turned_on(frames):
    text = 'There was no crisis. "The market is a crisis," a trader said to us.'
    plain = analysis.analyze(text, measures=(frames.measure(),)).summary_values
    careful = analysis.analyze(text, measures=(frames.measure(negation=True, exclude_quoted=True),)).summary_values
    words = 14
    assert plain["newsframes.threat"] == pytest.approx(2 / words * 100)
    assert careful["newsframes.threat"] == 0
    assert "negation-aware, quoted speech left out" in frames.measure(negation=True, exclude_quoted=True).methods


@pytest.mark.parametrize(("name", "body"), [
    ("frames.dicx", "DicTerm,threat,economy,institution\nattack*,X,,\ncrisis,X,X,\nstock market,,X,\n"
                    "market*,,X,\ngovernment,,,X\nnational security,X,,X\n"),
    ("frames.yaml", "threat: [attack*, crisis, national security]\neconomy:\n  - crisis\n  - stock market\n"
                    "  - market*\ninstitution: [government, national security]\n"),
    ("frames.csv", "term,category,weight\nattack*,threat,1\ncrisis,threat,1\ncrisis,economy,1\n"
                   "stock market,economy,1\nmarket*,economy,1\ngovernment,institution,1\n"
                   "national security,threat,1\nnational security,institution,1\n"),
    ("frames.dic", "%\n01 threat (Threat words)\n02 economy\n03 institution\n%\nattack* 01\ncrisis 01 02\n"
                   "stock market 02\nmarket* 02\ngovernment 03\nnational security 01 03\n"),
])
def test_every_format_gives_the_same_counts(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    d = dictionaries.load(path)
    assert set(d.categories) == set(EXPECTED)
    values = analysis.analyze(TEXT, measures=(d.measure(),)).summary_values
    for category, n in EXPECTED.items():
        assert values[f"frames.{category}"] == pytest.approx(n / 23 * 100), category


def test_liwc_2007_conditional_codes_are_read_with_a_warning(tmp_path):
    path = tmp_path / "old.dic"
    path.write_text("%\n02\tpronoun\n125\taffect\n134\tverb\n464\tother\n%\n"
                    "like\t(02 134)125/464\t253\nkind\t(02 134)125\t125\n".replace("\t253", "\t134"),
                    encoding="utf-8")
    d = dictionaries.load(path)
    assert {t.term: t.categories for t in d.terms} == {"like": ("other", "verb"), "kind": ("affect",)}
    assert "conditional" in d.warnings[0]


@pytest.mark.parametrize(("name", "body", "message"), [
    ("a.dic", "1\tthreat\n%\nattack\t1\n", "line 1: a LIWC .dic starts with a line holding only '%'"),
    ("a.dic", "%\n1\tthreat\n1\teconomy\n%\nattack\t1\n", "line 3: category 1 is declared twice"),
    ("a.dic", "%\n1\tthreat\n2\tthreat\n%\nattack\t1\n", "line 3: category name 'threat' is used twice"),
    ("a.dic", "%\n1\tthreat\n%\nattack\t7\n", "line 4: category 7 is not declared"),
    ("a.dic", "%\n1\tthreat\n%\nattack\n", "line 4: no category number after the term"),
    ("a.dic", "%\n1\tthreat\nattack\t1\n", "not closed by a second '%' line"),
    ("a.dic", "%\n1\tthreat\n%\natt*ack\t1\n", "line 4: '\\*' may only end a term"),
    ("a.dic", "%\n1\tthreat\n%\n*\t1\n", "line 4: a lone '\\*' would match every word"),
    ("a.dicx", "DicTerm,threat,threat\nattack,X,\n", "line 1: category name 'threat' is used twice"),
    ("a.dicx", "DicTerm,threat\nattack,\n", "line 2: the term 'attack' belongs to no category"),
    ("a.yaml", "threat: [attack\n", "line 2"),
    ("a.yaml", "- just\n- a list\n", "maps category names to lists of terms"),
    ("a.csv", "word,cat\nattack,threat\n", "line 1: a dictionary CSV has the columns term, category"),
    ("a.csv", "term,category,weight\nattack,threat,lots\n", "line 2: weight 'lots' is not a number"),
    ("a.txt", "anything", "unknown dictionary format .txt"),
    ("a.dic", "", "the file is empty"),
])
def test_malformed_files_are_refused_with_line_and_reason(tmp_path, name, body, message):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DictionaryError, match=message):
        dictionaries.load(path)


def test_binary_is_refused(tmp_path):
    path = tmp_path / "b.dic"
    path.write_bytes(b"%\x00\x01\x02" * 4000)
    with pytest.raises(DictionaryError, match="binary"):
        dictionaries.load(path)


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.dic"
    with path.open("wb") as fh:  # a sparse 100 MB file: refused from its size alone
        fh.truncate(100 * 2**20)
    started = time.process_time()
    with pytest.raises(DictionaryError, match="larger than the 20 MiB"):
        dictionaries.load(path)
    assert time.process_time() - started < 5  # not read: a generous bound, not a benchmark


def test_a_million_entries_are_refused(tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("term,category\n" + "".join(f"w{i},c\n" for i in range(1_000_000)), encoding="utf-8")
    with pytest.raises(DictionaryError, match="more than 250,000 entries"):
        dictionaries.load(path)


def test_regex_metacharacters_are_plain_text(tmp_path):
    path = tmp_path / "meta.csv"
    path.write_text("term,category\n(a|b)+,odd\n.*,odd\nc++,odd\n[x],odd\nworks,odd\n", encoding="utf-8")
    d = dictionaries.load(path)
    values = analysis.analyze("It works: (a|b)+ is no pattern here, nor is [x].", measures=(d.measure(),))
    assert list(values.evidence["term"]) == ["works"]


def test_internal_consistency_by_hand():
    # items (rates) per text: [[1, 2], [2, 3], [3, 5]]: item variances 2/3 and 14/9, totals 3, 5, 8
    # with variance 38/9: alpha = 2 x (1 - (2/3 + 14/9) / (38/9)) = 2 x (1 - 20/38) = 18/19
    import numpy as np

    m = np.array([[1, 2], [2, 3], [3, 5]], dtype=float)
    assert cons._ratio(m, m.var(axis=0)) == pytest.approx(18 / 19)


def test_internal_consistency_per_category(frames):
    texts = [TEXT, "A crisis, then an attack on the market and the government.", "Calm weather all week."]
    rows = {r.category: r for r in cons.measure(frames, texts)}
    assert rows["threat"].texts == 3 and rows["threat"].items >= 2
    assert math.isfinite(rows["threat"].alpha) and math.isfinite(rows["threat"].kr20)
    one = {r.category: r for r in cons.measure(frames, [TEXT])}
    assert math.isnan(one["threat"].alpha) and one["threat"].note == "needs at least two texts"


def test_the_options_are_part_of_the_version(frames):
    plain, careful = frames.measure(), frames.measure(negation=True, exclude_quoted=True)
    assert plain.version == frames.version
    assert careful.version == f"{frames.version}+negation+no-quotes"
    assert analysis.versions_digest((*REGISTRY, plain)) != analysis.versions_digest((*REGISTRY, careful))


def test_a_dictionary_named_like_a_built_in_measure_is_refused(tmp_path):
    from analysis.dictionaries import _BUILT_IN

    assert _BUILT_IN == {m.name for m in REGISTRY}
    path = tmp_path / "hedging.csv"
    path.write_text("term,category\nmaybe,soft\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="named like a built-in measure"):
        dictionaries.load(path)
