"""Agreement statistics: Krippendorff's alpha against a reference implementation, span F1 on
hand-counted cases."""

import math
import random

import krippendorff
import numpy as np
import pytest

from tools import alarm_agreement as ag


@pytest.mark.filterwarnings("ignore:invalid value:RuntimeWarning")  # the reference divides 0 by 0 on one value
@pytest.mark.parametrize("metric", ["ordinal", "interval", "nominal"])
def test_alpha_equals_the_reference_implementation(metric):
    rng = random.Random(3)
    for _ in range(60):
        coders = rng.randint(2, 4)
        units = [[None if rng.random() < 0.15 else rng.choice([0, 1, 1, 2, 3]) for _ in range(coders)]
                 for _ in range(rng.randint(3, 40))]
        data = np.array([[np.nan if v is None else v for v in u] for u in units], dtype=float).T
        mine = ag.alpha(units, metric)
        try:
            ref = krippendorff.alpha(reliability_data=data, level_of_measurement=metric, value_domain=[0, 1, 2, 3])
        except ValueError:  # the reference refuses some degenerate data; ours returns NaN
            ref = math.nan
        assert (math.isnan(mine) and math.isnan(ref)) or mine == pytest.approx(ref, abs=1e-9)


def test_alpha_limits():
    assert ag.alpha([(0, 0), (1, 1), (3, 3)]) == 1.0
    assert math.isnan(ag.alpha([(2, 2), (2, 2)]))
    assert ag.alpha([(0, 3), (3, 0), (0, 3), (3, 0)]) < 0


def test_ordinal_alpha_punishes_a_distant_disagreement_more():
    near = [(0, 0), (1, 1), (2, 2), (3, 3), (1, 2)]
    far = [(0, 0), (1, 1), (2, 2), (3, 3), (0, 3)]
    assert ag.alpha(near) > ag.alpha(far)


def s(start, end, category="loaded", quoted=False, distanced=False):
    return {"start": start, "end": end, "text": "x", "category": category, "quoted": quoted, "distanced": distanced}


def test_span_matching_exact_overlap_and_one_to_one():
    a = [s(0, 10), s(20, 30, "fear")]
    b = [s(0, 10), s(5, 8), s(22, 25, "fear"), s(40, 45, "event")]
    assert len(ag.match_spans(a, b, exact=True)) == 1
    pairs = ag.match_spans(a, b, exact=False)
    assert sorted((x["start"], y["start"]) for x, y in pairs) == [(0, 0), (20, 22)]  # (5, 8) is left over
    assert ag.match_spans([s(0, 10)], [s(0, 10, "fear")], exact=False) == []
    assert len(ag.match_spans([s(0, 10)], [s(0, 10, "fear")], exact=False, same_category=False)) == 1


def test_span_agreement_counted_by_hand():
    pairs = [({"spans": [s(0, 10), s(20, 30, "fear", quoted=True)]},
              {"spans": [s(0, 10), s(22, 25, "fear"), s(40, 45, "event")]})]
    out = ag.span_agreement(pairs)
    assert out["all"]["exact"]["matched"] == 1 and out["all"]["exact"]["f1"] == pytest.approx(2 * 1 / 5)
    assert out["all"]["overlap"]["f1"] == pytest.approx(2 * 2 / 5)
    assert out["all"]["overlap"]["precision"] == pytest.approx(2 / 3) and out["all"]["overlap"]["recall"] == 1.0
    assert out["fear"]["overlap"]["f1"] == 1.0 and out["fear"]["exact"]["f1"] == 0.0
    assert math.isnan(out["conflict"]["overlap"]["f1"])
    assert out["all"]["quoted_agreement"] == 0.5 and out["all"]["distanced_agreement"] == 1.0


def test_agreement_per_half():
    units = {"a": {"half": "dev"}, "b": {"half": "heldout"}, "c": {"half": "dev"}}
    rec_a = {"a": {"rating": 0, "spans": []}, "b": {"rating": 2, "spans": [s(0, 4)]}, "c": {"rating": 1, "spans": []}}
    rec_b = {"a": {"rating": 0, "spans": []}, "b": {"rating": 3, "spans": [s(0, 4)]}, "c": {"rating": 1, "spans": []}}
    out = ag.agreement(rec_a, rec_b, units)
    assert out["dev"]["rating"]["units"] == 2 and out["dev"]["rating"]["exact"] == 1.0
    assert out["all"]["rating"]["exact"] == pytest.approx(2 / 3) and out["all"]["rating"]["within_one"] == 1.0
    assert out["heldout"]["spans"]["all"]["exact"]["f1"] == 1.0
    assert out["all"]["presence"]["loaded"]["units_a"] == 1


def test_cli_on_two_files(tmp_path, capsys):
    import json

    from tools import alarm_annotations as ann

    units = ann.read_units()
    lines = [json.loads(x) for x in ann.template(units).splitlines()]
    for i, rec in enumerate(lines):
        rec["rating"] = i % 4
    a = tmp_path / "a.jsonl"
    a.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    assert ag.main([str(a), str(a)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["all"]["rating"]["alpha_ordinal"] == 1.0 and out["heldout"]["rating"]["exact"] == 1.0
    assert ag.main([str(a), str(tmp_path / "missing.jsonl")]) == 1


@pytest.mark.parametrize("script", ["alarm_agreement.py", "alarm_annotations.py", "alarm_news_units.py"])
def test_the_tools_run_as_scripts_from_anywhere(script, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    path = Path(ag.__file__).resolve().parent / script
    args = {"alarm_news_units.py": ["--check"], "alarm_annotations.py": ["template"]}.get(script, [])
    run = subprocess.run([sys.executable, str(path), *args], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    expected = 2 if script == "alarm_agreement.py" else 0  # no files given: usage
    assert run.returncode == expected, run.stderr
    assert "Traceback" not in run.stderr
