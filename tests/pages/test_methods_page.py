"""pages/9_Methods.py under AppTest: a row per sub-scale with its meaning, whether the measure's
figure includes it and its validity figures with the part of the set they come from (read from
data/validation.json as written, never typed here)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from analysis.measures import REGISTRY
from analysis.validate import stored

ROOT = Path(__file__).resolve().parents[2]


def _methods() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    return at.switch_page("pages/9_Methods.py").run()


def test_every_sub_scale_has_a_row_with_its_part_of_the_composite_and_its_figures() -> None:
    at = _methods()
    assert not at.exception and not at.error
    tables = [t.value for t in at.table]
    subs = [t for t in tables if "validity (part of the set)" in t.columns]
    with_subscales = [m for m in REGISTRY if m.subscales]
    assert len(subs) == len(with_subscales)
    doc = stored.load()
    for m, frame in zip(with_subscales, subs, strict=True):
        frame = pd.DataFrame(frame).set_index("column")
        assert list(frame.index) == [s.name for s in m.subscales]
        inside = frame[[c for c in frame.columns if c.startswith("in ")][0]]
        for s in m.subscales:
            assert inside[s.name] == ("yes" if s.composite else "no: counted apart")
            assert frame.at[s.name, "meaning"] == s.description
            for r in stored.rows(doc, m.name):
                if r.get("subscale") == s.name and isinstance(r.get("value"), float) and r.get("n"):
                    assert f"{r['part']}: " in frame.at[s.name, "validity (part of the set)"]
                    assert f"{r['value']:.2f}" in frame.at[s.name, "validity (part of the set)"]
    alarm = pd.DataFrame(subs[[m.name for m in with_subscales].index("alarm")]).set_index("column")
    assert alarm.at["alarm_event", "in Alarm"] == "no: counted apart"
    validation = [t for t in tables if "part" in t.columns and "sub-scale" in t.columns]
    assert validation and {"held-out", "development"} <= set(pd.concat([pd.DataFrame(t) for t in validation])["part"])
