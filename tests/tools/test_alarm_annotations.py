"""The annotation-file checker: it accepts a correct file and names every kind of mistake."""

import json

import pytest

from tools import alarm_annotations as ann

TEXT = "A massive cyberattack hit the bank, and the attack spread; so-called \"attacks\" followed."
UNITS = {"u:1": {"id": "u:1", "text": TEXT, "previous": "", "half": "dev"},
         "u:2": {"id": "u:2", "text": "Nothing happened.", "previous": "", "half": "heldout"}}


def span(text, category="loaded", occurrence=None, quoted=False, distanced=False, **offsets):
    s = {"text": text, "category": category, "quoted": quoted, "distanced": distanced, **offsets}
    if occurrence:
        s["occurrence"] = occurrence
    return s


def line(uid, rating, spans=(), **extra):
    return json.dumps({"id": uid, "rating": rating, "spans": list(spans), "note": "", **extra})


def filled(*spans):
    records, problems = ann.fill([line("u:1", 1, spans), line("u:2", 0)], UNITS)
    assert problems == []
    return [json.dumps(r) for r in records]


def test_fill_finds_whole_words_and_the_named_occurrence():
    lines = filled(span("massive"), span("attack", "event"), span("attacks", "conflict", distanced=True))
    spans = json.loads(lines[0])["spans"]
    assert [(s["start"], s["end"]) for s in spans] == [(2, 9), (44, 50), (70, 77)]
    assert [TEXT[s["start"]:s["end"]] for s in spans] == ["massive", "attack", "attacks"]
    assert ann.check(lines, UNITS).ok


def test_fill_reports_a_missing_or_ambiguous_span():
    _, problems = ann.fill([line("u:1", 1, [span("cyber")]), line("u:2", 0)], UNITS)
    assert problems == ["line 1: u:1: span 'cyber' is not in the paragraph as whole words"]
    _, problems = ann.fill([line("u:1", 1, [span("the")])], UNITS)
    assert "occurs 2 times" in problems[0]
    records, problems = ann.fill([line("u:1", 1, [span("the", "event", occurrence=2)])], UNITS)
    assert problems == [] and records[0]["spans"][0]["start"] == TEXT.index("the attack")


def test_template_is_incomplete_until_rated():
    lines = ann.template(UNITS).splitlines()
    assert ann.check(lines, UNITS, partial=True).ok
    report = ann.check(lines, UNITS)
    assert len(report.errors) == 2 and "rating must be 0, 1, 2 or 3" in report.errors[0]


@pytest.mark.parametrize(("lines", "expected"), [
    ([line("u:1", 1), line("u:1", 1), line("u:2", 0)], "annotated twice"),
    ([line("u:1", 1), line("u:3", 0), line("u:2", 0)], "no such unit"),
    ([line("u:1", 1)], "1 unit(s) not annotated"),
    ([line("u:1", 4), line("u:2", 0)], "rating must be"),
    ([line("u:1", True), line("u:2", 0)], "rating must be"),
    ([line("u:1", "2"), line("u:2", 0)], "rating must be"),
    (["{not json", line("u:2", 0)], "not JSON"),
    ([line("u:1", 1, extra_field=1), line("u:2", 0)], "unknown field"),
    ([line("u:1", 1, [span("massive", "hype", start=2, end=9)]), line("u:2", 0)], "category 'hype'"),
    ([line("u:1", 1, [span("massive", start=2, end=8)]), line("u:2", 0)], "text[2:8] is 'massiv'"),
    ([line("u:1", 1, [span("cyber", start=10, end=15)]), line("u:2", 0)], "cuts a word"),
    ([line("u:1", 1, [span("massive")]), line("u:2", 0)], "run `fill`"),
    ([line("u:1", 1, [span("massive", start=2, end=9), span("massive cyberattack", start=2, end=21)]),
      line("u:2", 0)], "overlap"),
    ([line("u:1", 1, [dict(span("massive", start=2, end=9), quoted="no")]), line("u:2", 0)],
     "quoted must be true or false"),
    ([line("u:1", 1, [span("massive", start=-1, end=9)]), line("u:2", 0)], "outside the paragraph"),
])
def test_check_names_the_mistake(lines, expected):
    report = ann.check(lines, UNITS)
    assert not report.ok
    assert any(expected in e for e in report.errors), report.errors


def test_rating_that_contradicts_the_spans_is_a_warning_not_an_error():
    lines = [line("u:1", 0, [span("massive", start=2, end=9)]), line("u:2", 2)]
    report = ann.check(lines, UNITS)
    assert report.ok and len(report.warnings) == 2
    distanced = [line("u:1", 0, [span("attacks", "conflict", distanced=True, start=70, end=77)]), line("u:2", 0)]
    assert ann.check(distanced, UNITS).warnings == []


def test_cli_fill_then_check_and_a_broken_file_is_left_untouched(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(ann, "read_units", lambda path=None: UNITS)
    good = tmp_path / "a.jsonl"
    good.write_text(line("u:2", 0) + "\n" + line("u:1", 2, [span("massive")]) + "\n", encoding="utf-8")
    assert ann.main(["fill", str(good)]) == 0
    assert [json.loads(x)["id"] for x in good.read_text(encoding="utf-8").splitlines()] == ["u:1", "u:2"]
    assert ann.main(["check", str(good)]) == 0
    broken = tmp_path / "b.jsonl"
    broken.write_text("{oops\n", encoding="utf-8")
    assert ann.main(["fill", str(broken)]) == 1
    assert broken.read_text(encoding="utf-8") == "{oops\n"
    assert ann.main(["check", str(tmp_path / "missing.jsonl")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_the_shipped_units_can_be_annotated():
    units = ann.read_units()
    assert len(units) >= 320
    assert ann.check(ann.template(units).splitlines(), units, partial=True).ok


def test_the_pilot_is_annotated_with_units_option(tmp_path, capsys):
    pilot = ann.UNITS.parent / "pilot.jsonl"
    assert ann.main(["template", "--units", str(pilot)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 20
    path = tmp_path / "pilot_A.jsonl"
    path.write_text("\n".join(x.replace('"rating": null', '"rating": 0') for x in lines) + "\n", encoding="utf-8")
    assert ann.main(["check", str(path), "--units", str(pilot)]) == 0
    assert ann.main(["check", str(path)]) == 1  # pilot ids are not units
    assert ann.main(["check", str(path), "--units"]) == 2
