"""pages/7_Dictionaries.py and what it changes on the other pages, under AppTest with real
files of every dictionary format, a real SQLite store in a tmp folder and the real pipeline:
upload, the categories on Home with the engine's own numbers, reload, options, edits,
removal, internal consistency, and bad files (binary, malformed, a million entries) refused
with the line and the reason while nothing already saved is lost."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import analysis
from analysis import dictionaries as dicts
from analysis.dictionaries import consistency as cons
from analysis.ingest import load_text
from analysis.measures import HEADLINE, REGISTRY
from analysis.store import Store, StoreError
from analysis.store import dictionaries as saved
from ui import dictionaries_page as dp
from ui import state
from ui.state import Article
from views.escape import md

ROOT = Path(__file__).resolve().parents[2]
PAGE = "pages/7_Dictionaries.py"
DIC = (ROOT / "tests" / "fixtures" / "dictionaries" / "newsframes.dic").read_bytes()
COLUMNS = ["newsframes.threat", "newsframes.economy", "newsframes.institution"]
# Short articles in which the test dictionary's words occur in varying amounts (hand-written).
ARTICLES = [
    "The attack on the stock market deepened the crisis. Markets fell as the government met.",
    "The government said the crisis was over. Markets rose and the market calmed.",
    "Attackers hit the national security agency. The government blamed a foreign state. The attack was serious.",
    "Stock market traders shrugged off the crisis. The market closed higher.",
    "A quiet day: nothing happened in parliament, and the weather was mild.",
]
NEGATED = ("There was no crisis in the stock market, the government said, and no attack on the banks.\n\n"
           "A crisis at the national security council followed the attack on the markets.")


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("NARRATIVE_LENS_DATA", str(tmp_path))
    return tmp_path


def _home(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    if query:
        at.query_params.update(query)
    return at.run()


def _dictionaries(at: AppTest) -> AppTest:
    return at.switch_page(PAGE).run()


def _clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _upload(at: AppTest, name: str, data: bytes, *, negation: bool = False) -> AppTest:
    at.file_uploader[0].set_value([(name, data, "application/octet-stream")])
    if negation:
        next(c for c in at.checkbox if c.label.startswith("Negation")).check()
    next(b for b in at.button if b.label == "Add this dictionary").click()
    return at.run()


def _engine(text: str, **options: bool) -> analysis.Analysis:
    return analysis.analyze(text, measures=(*REGISTRY, dicts.load_bytes(DIC, "newsframes.dic").measure(**options)))


def _owner(at: AppTest) -> str:
    return "session:" + at.query_params["scope"]


def test_a_first_visit_issues_no_key_and_shows_the_default_view(data):
    at = _home()
    _clean(at)
    assert dict(at.query_params) == {}  # nothing looked up, no workspace key made
    assert at.multiselect[0].value == list(HEADLINE)
    assert [c for c in at.dataframe[0].value.columns if "." in c] == []
    at = _dictionaries(at)
    _clean(at)
    assert any("No dictionary yet" in i.value for i in at.info)


def test_upload_shows_the_categories_on_home_with_the_engines_numbers_and_survives_a_reload(data):
    at = _dictionaries(_home())
    at = _upload(at, "newsframes.dic", DIC)
    _clean(at)
    assert any("Saved **newsframes**" in s.value and "threat \\(3\\)" in s.value for s in at.success)
    table = at.dataframe[0].value
    assert table["category"].tolist() == ["threat", "economy", "institution"]
    assert table["column"].tolist() == COLUMNS and table["terms"].tolist() == [3, 3, 2]
    assert table["with a wildcard"].tolist() == [1, 1, 0]
    assert any("applied on every page: **newsframes** (3 categories)" in c.value for c in at.sidebar.caption)

    home = at.switch_page("app.py").run()
    _clean(home)
    assert home.multiselect[0].value == [*HEADLINE, *COLUMNS]  # three categories: shown at first
    assert "newsframes: threat" in home.multiselect[0].options  # options as labelled
    shown = home.dataframe[0].value
    want = _engine(state.BUNDLED.read_text(encoding="utf-8")).paragraphs
    for column in COLUMNS:
        assert shown[column].tolist() == pytest.approx(want[column].tolist(), nan_ok=True)

    again = _home(dict(at.query_params))  # a reload: a new session, the same address
    _clean(again)
    assert again.multiselect[0].value == [*HEADLINE, *COLUMNS]
    assert again.dataframe[0].value[COLUMNS[0]].tolist() == pytest.approx(want[COLUMNS[0]].tolist(), nan_ok=True)
    stranger = _home()
    assert COLUMNS[0] not in stranger.dataframe[0].value.columns  # another browser: its own, none


@pytest.mark.parametrize(("name", "body"), [
    ("frames.yaml", b"threat:\n  - attack*\n  - crisis\neconomy:\n  - stock market\n  - market*\n"),
    ("frames.csv", b"term,category,weight\nattack*,threat,1\ncrisis,threat,2\nstock market,economy,1\n"),
    ("frames.dicx", b"DicTerm,threat,economy\nattack*,X,\ncrisis,X,X\nstock market,,X\n"),
])
def test_every_format_is_taken(data, name, body):
    at = _upload(_dictionaries(_home()), name, body)
    _clean(at)
    assert at.dataframe[0].value["column"].tolist()[:2] == ["frames.threat", "frames.economy"]


HOSTILE = {
    "binary.dic": (bytes(range(256)) * 40, "binary file"),
    "header.dic": (b"1\tthreat\n%\nattack\t1\n", "line 1: a LIWC .dic starts with a line holding only '%'"),
    "undeclared.dic": (b"%\n1\tthreat\n%\nattack\t2\n", "line 4: category 2 is not declared"),
    "weights.csv": (b"term,category,weight\nstorm,weather,1\nflood,weather,heavy\n", "line 3: weight 'heavy'"),
    "broken.yaml": (b"threat: [attack, crisis\n", "line 2"),
    "million.dic": (b"%\n1\tx\n%\n" + b"".join(b"w%d\t1\n" % i for i in range(1_000_000)),
                    "more than 250,000 entries"),
    "hedging.csv": (b"term,category\nperhaps,maybe\n", "named like a built-in measure"),
    "newsframes.dic": (DIC, "already saved"),
}


def test_bad_files_are_refused_with_the_line_and_the_reason_and_nothing_is_lost(data):
    at = _upload(_dictionaries(_home()), "newsframes.dic", DIC)
    for name, (body, reason) in HOSTILE.items():
        at = _upload(at, name, body)
        assert not at.exception, name
        [error] = [e.value for e in at.error]
        assert f"Could not add {md(name)}" in error and md(reason) in error, (name, error)
        assert "Nothing was saved" in error
    store = Store.open(data)
    assert [s.name for s in saved.listed(store, _owner(at))] == ["newsframes"]  # the first one, intact
    assert saved.listed(store, _owner(at))[0].dictionary.sha256 == dicts.load_bytes(DIC, "x.dic").sha256


def test_negation_is_off_by_default_and_turning_it_on_rescores_every_page(data):
    at = _dictionaries(_home())
    at.session_state[state.FOCUS] = Article("Negated", NEGATED, "pasted")
    at = _upload(at, "newsframes.dic", DIC)
    home = at.switch_page("app.py").run()
    plain = home.dataframe[0].value["newsframes.threat"].tolist()
    assert plain == pytest.approx(_engine(NEGATED).paragraphs["newsframes.threat"].tolist())

    at = _dictionaries(home)
    [(dictionary_id, _, _)] = saved.stamps(Store.open(data), _owner(at))
    next(c for c in at.checkbox if c.key == f"dictionary_negation_{dictionary_id}").check()
    next(b for b in at.button if b.label == "Apply these options").click()
    at = at.run()
    _clean(at)
    assert any("now applied negation-aware on every page" in s.value for s in at.success)
    home = at.switch_page("app.py").run()
    negated = home.dataframe[0].value["newsframes.threat"].tolist()
    want = _engine(NEGATED, negation=True).paragraphs["newsframes.threat"].tolist()
    assert negated == pytest.approx(want) and negated[0] < plain[0]  # "no crisis", "no attack" count 0
    methods = at.switch_page("pages/9_Methods.py").run()
    _clean(methods)
    code = methods.code[0].value
    assert "newsframes.dic" in code and "negation-aware" in code and "Your dictionaries" in methods.header[0].value


def test_editing_the_shown_terms_keeps_the_others_counts_the_changes_and_moves_the_version(data):
    """The editor shows the entries under the search; saving replaces those and keeps the rest
    (the terms' editor itself is a canvas grid, so its outcome is given here as a frame)."""
    store = Store.open(data)
    before = saved.save(store, "ana", dicts.load_bytes(DIC, "newsframes.dic"))
    every = dp.entries(before)
    shown = every[every["term"].str.contains("market")].reset_index(drop=True)  # stock market, market*
    after = shown.copy()
    after.loc[after["term"] == "market*", "weight"] = 2.0  # reweighted
    after = pd.concat([after, pd.DataFrame([{"term": "bond*", "category": "economy", "weight": 1.0}])])
    message = dp.save_terms(store, "ana", before, every, shown, after)
    now = saved.get(store, "ana", before.id)
    assert "2 change(s) saved" in message and before.dictionary.version in message
    assert now.dictionary.version in message and now.dictionary.version != before.dictionary.version
    entries = {(r.term, r.category): r.weight for r in dp.entries(now).itertuples()}
    assert entries[("market*", "economy")] == 2.0 and entries[("bond*", "economy")] == 1.0
    assert entries[("government", "institution")] == 1.0 and len(entries) == len(every) + 1  # the rest kept
    assert dp.save_terms(store, "ana", now, dp.entries(now), shown, dp.entries(now)[
        dp.entries(now)["term"].str.contains("market")]) .startswith("No change")
    bad = after.copy()
    bad.iloc[1, bad.columns.get_loc("term")] = None  # a row left empty in the editor
    with pytest.raises(StoreError, match="row 2: an empty term"):
        dp.save_terms(store, "ana", now, dp.entries(now), shown, bad)
    assert saved.get(store, "ana", before.id).dictionary.version == now.dictionary.version  # unchanged


def test_the_consistency_is_computed_on_the_focus_and_a_workspace_and_says_when_texts_are_too_few(data):
    at = _upload(_dictionaries(_home()), "newsframes.dic", DIC)
    table = at.dataframe[0].value
    assert set(table["alpha"]) == {"n/a"} and set(table["note"]) == {"needs at least two texts"}
    assert any("Too few texts" in w.value for w in at.warning)

    store = Store.open(data)
    ws = store.create_workspace(_owner(at), "Market coverage")
    for i, text in enumerate(ARTICLES):
        store.add_article(ws, load_text(text, f"a{i}.txt"), analysis.analyze(text, f"a{i}.txt"))
    at = _dictionaries(_home({**at.query_params, "ws": str(ws.id)}))
    _clean(at)
    table = at.dataframe[0].value.set_index("category")
    focus = state.BUNDLED.read_text(encoding="utf-8")
    texts = [focus, *ARTICLES]
    want = {c.category: c for c in cons.measure(dicts.load_bytes(DIC, "newsframes.dic"), texts)}
    for category, c in want.items():
        for got, expected in ((table.at[category, "alpha"], c.alpha), (table.at[category, "KR-20"], c.kr20)):
            assert got == ("n/a" if math.isnan(expected) else f"{round(expected, 2) + 0.0:.2f}")
        assert table.at[category, "entries seen (k)"] == c.items
    assert any(not math.isnan(c.alpha) for c in want.values())  # the check compares real figures
    assert any("on 6 text(s)" in c.value and "Market coverage" in c.value for c in at.caption)
    assert any("Only 6 texts" in i.value for i in at.info)


def test_removing_it_brings_back_the_default_view(data):
    at = _upload(_dictionaries(_home()), "newsframes.dic", DIC)
    next(b for b in at.button if b.label == "Remove newsframes for good").click()
    at = at.run()
    _clean(at)
    assert any("Removed **newsframes**" in s.value for s in at.success)
    home = at.switch_page("app.py").run()
    assert home.multiselect[0].value == list(HEADLINE)
    assert not [c for c in home.dataframe[0].value.columns if c.startswith("newsframes")]


def test_home_shows_the_sub_scales_under_their_cards_with_the_summarys_values(data):
    at = _home()
    summary = analysis.analyze(state.BUNDLED.read_text(encoding="utf-8")).summary.iloc[0]
    captions = [c.value for c in at.caption]
    made = next(c for c in captions if c.startswith("Made of: epistemic"))
    for sub in ("hedging_epistemic", "hedging_attribution", "hedging_weasel"):
        assert f"**{md(f'{summary[sub]:.2f}')}**" in made
    apart = [c for c in captions if c.startswith("**Not in the")]
    assert [c.split("**")[1] for c in apart] == ["Not in the hedging figure", "Not in the alarm figure"]
    assert "event vocabulary" in apart[1] and md(f"{summary['alarm_event']:.2f}") in apart[1]
    options = at.multiselect[0].options
    assert "Alarm: event vocabulary (not in Alarm)" in options and "Hedging: epistemic" in options


def test_the_picker_draws_what_it_picks_and_keeps_it_across_pages(data):
    at = _home()
    picker = at.multiselect[0]
    picker.set_value(["hedging_epistemic", "alarm_event", "alarm"]).run()
    assert list(at.dataframe[0].value.columns)[2:5] == ["hedging_epistemic", "alarm_event", "alarm"]
    arc = json.loads(at.get("plotly_chart")[0].proto.spec)
    titles = [a["text"] for a in arc["layout"]["annotations"] if a.get("text", "").startswith("<b>")]
    assert [t.split("</b>")[0][3:] for t in titles] == ["Hedging: epistemic", "Alarm: event vocabulary", "Alarm"]
    at.switch_page("pages/1_Read.py").run()
    back = at.switch_page("app.py").run()
    assert back.multiselect[0].value == ["hedging_epistemic", "alarm_event", "alarm"]
