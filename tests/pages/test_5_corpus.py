"""The Corpus page under AppTest on a small real batch output: it opens, every control
reruns without an exception, an article is placed, and bad folders get a clear message."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis.batch import BatchOptions, run
from tools.synthetic_corpus import corpus
from views.escape import md

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "5_Corpus.py")


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("page")
    rows = [vars(a).copy() for a in corpus(30, seed=8, paragraphs=(2, 4))]
    rows[0]["title"] = "<script>alert(1)</script> Budget"
    rows[5]["text"] = ""
    pd.DataFrame(rows).to_csv(base / "in.csv", index=False)
    run(base / "in.csv", base / "out", BatchOptions(chunk=10))
    return base / "out"


def page(path: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.session_state["corpus_path"] = path
    return at.run()


def test_opens_with_counts_and_charts(output: Path) -> None:
    at = page(str(output))
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    summary = pd.read_parquet(output / "summary")
    assert metrics["Articles scored"] == f"{len(summary):,}" == "29"
    assert metrics["Paragraphs"] == f"{int(summary['paragraphs'].sum()):,}"
    assert metrics["Outlets"] == "5" and metrics["Not scored"] == "1"
    assert len(at.get("plotly_chart")) == 1  # one view at a time: the distribution first


def test_every_control_reruns_cleanly(output: Path) -> None:
    at = page(str(output))
    at.selectbox(key="corpus_measure").set_value("reading_ease").run()
    assert not at.exception
    at.radio(key="corpus_level").set_value("articles").run()
    for view in at.radio(key="corpus_view").options:
        at.radio(key="corpus_view").set_value(view).run()
        assert not at.exception, view
    at.radio(key="corpus_view").set_value("Over time").run()
    at.radio(key="corpus_grain").set_value("week").run()
    assert not at.exception and len(at.get("plotly_chart")) == 1
    at.radio(key="corpus_view").set_value("Outlets").run()
    at.multiselect(key="corpus_outlets").set_value(["Morning Wire", "Daily Ledger"]).run()
    assert not at.exception and len(at.get("plotly_chart")) == 1
    outlets_table = at.dataframe[0].value
    assert set(outlets_table["outlet"]) == {"Morning Wire", "Daily Ledger"}
    at.multiselect(key="corpus_outlets").set_value([]).run()
    assert not at.exception and any("at least one outlet" in i.value for i in at.info)


def test_an_article_is_placed_and_its_title_escaped(output: Path) -> None:
    at = page(str(output))
    at.text_input(key="corpus_find").set_value("daily-ledger-000000").run()
    at.selectbox(key="corpus_article").set_value("daily-ledger-000000").run()
    at.radio(key="corpus_view").set_value("The article's place").run()
    assert not at.exception
    labels = [m.label for m in at.metric]
    assert {"Sentiment", "Hedging", "Alarm", "Flesch reading ease"} <= set(labels)
    assert any("percentile of articles" in c.value for c in at.caption)
    shown = " ".join(md.value for md in at.markdown)
    assert "\\<script\\>" in shown and "<script>" not in shown.replace("\\<", "").replace("\\>", "")


def test_focus_paragraphs_are_compared_with_the_corpus(output: Path) -> None:
    import json

    import analysis
    from ui.state import bundled

    at = page(str(output))
    at.radio(key="corpus_view").set_value("Focus article vs corpus").run()
    assert not at.exception
    heatmap = json.loads(at.get("plotly_chart")[-1].proto.spec)["data"][0]
    assert heatmap["type"] == "heatmap"
    n_pars = len(analysis.analyze(bundled().text).paragraphs)
    assert len(heatmap["y"]) == n_pars and heatmap["x"][:2] == ["Sentiment", "Hedging"]
    z = _array(heatmap["z"])
    assert z.shape == (n_pars, 4)
    assert np.nanmin(z) >= 0 and np.nanmax(z) <= 100
    # the bundled article is more alarmed than the synthetic corpus: its top paragraph sits near the top
    # of the scale. Alarm 2.0 puts it at the 94th percentile: it no longer counts the story's own words
    # (stealing), while the corpus's alarm sentences are all framing words (chaos, panic, catastrophe);
    # alarm 1.0 put it above the 95th.
    assert np.nanmax(z[:, 2]) > 90


def _array(value: object) -> np.ndarray:
    """A plotly JSON array: a plain nested list, or {"dtype", "bdata", "shape"} (base64)."""
    if isinstance(value, dict):
        import base64

        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        return flat.reshape([int(x) for x in str(value.get("shape", len(flat))).split(",")])
    return np.array(value, dtype=float)


@pytest.mark.parametrize("path, kind, text", [
    ("/nonexistent/folder", "warning", "no such folder"),
    ("", "info", "python -m analysis batch"),
])
def test_bad_folders_get_a_message_not_a_traceback(path: str, kind: str, text: str, tmp_path: Path) -> None:
    at = page(path)
    assert not at.exception
    assert any(text in el.value for el in getattr(at, kind))


def test_a_folder_without_output_is_explained(tmp_path: Path) -> None:
    at = page(str(tmp_path))
    assert not at.exception and md("provenance.json") in at.warning[0].value


def test_a_fresh_install_scores_a_saved_workspace_from_the_page(tmp_path: Path, monkeypatch) -> None:
    """No batch output anywhere: the page offers the researcher's own saved workspaces, scores the
    chosen one with a progress bar and opens it; another researcher's workspace is not offered."""
    import analysis
    from analysis.ingest import load_text
    from analysis.store import Store
    from ui import corpus_data

    monkeypatch.setenv("NARRATIVE_LENS_DATA", str(tmp_path / "lens"))
    monkeypatch.delenv("NARRATIVE_LENS_CORPUS", raising=False)
    monkeypatch.setattr(corpus_data, "DATA", tmp_path / "no-batch-output-here")
    from analysis.store.keys import Keys

    signer = Keys(tmp_path / "lens")  # keys the server issued: an unsigned one opens a fresh workspace
    mine, theirs = signer.issue(), signer.issue()
    store = Store.open(tmp_path / "lens")
    ws = store.create_workspace("session:" + mine, "Flood")
    store.create_workspace("session:" + theirs, "Someone else's")
    dev = Path(__file__).resolve().parents[1] / "fixtures" / "compare" / "dev"
    for name in ("herald.txt", "ledger.txt", "wire.txt"):
        loaded = load_text((dev / name).read_text(encoding="utf-8"), name)
        store.add_article(ws, loaded, analysis.analyze(loaded.text, name))
    seen: list[tuple[int, int]] = []
    real = corpus_data.score_workspace
    monkeypatch.setattr(corpus_data, "score_workspace", lambda s, o, w, progress: real(
        s, o, w, lambda done, total: (seen.append((done, total)), progress(done, total))))

    at = AppTest.from_file(PAGE, default_timeout=120)
    at.query_params["scope"] = mine
    at.run()
    assert not at.exception
    assert any("No corpus yet" in i.value for i in at.info)
    box = at.selectbox(key="corpus_workspace")
    assert box.options == ["Flood (3 articles)"]  # only this researcher's workspaces
    next(b for b in at.button if b.label == "Score it as a corpus").click()
    at.run()
    assert not at.exception, at.exception
    assert seen and seen[-1] == (3, 3)  # the progress bar was driven to the end
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles scored"] == "3" and metrics["Not scored"] == "0"
    folder = Path(at.text_input(key="corpus_path").value)
    assert folder.parent == tmp_path / "lens" / "corpus" and mine not in folder.name
    assert mine.split(".")[0] not in folder.name
