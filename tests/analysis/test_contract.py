"""One contract over every registered measure: adding a measure adds it to this suite."""

import math

import pytest

import analysis
from analysis.measures import REGISTRY
from analysis.text import segment

ODD_TEXTS = {
    "empty": "",
    "dash": "-",
    "emoji": "😀😀 🔥🔥🔥 great news 🎉",
    "rtl": "قال المتحدث إن الوضع خطير جدا. שלום עולם.",
    "nbsp_crlf": "A\u00a0threat may\u00a0loom.\r\nNo panic.\r\n",
    "one_mb": ("The crisis may deepen, officials said. " * 27000),
    "script": '<script>window.__pwned=1</script> "a threat" </span><span onclick=alert(1)>',
}


@pytest.fixture(scope="module", params=sorted(ODD_TEXTS))
def odd(request):
    return analysis.analyze(ODD_TEXTS[request.param])


@pytest.mark.parametrize("measure", REGISTRY, ids=lambda m: m.name)
def test_declares_every_value_it_returns(measure):
    for par in segment("A grave threat may loom, experts say. Markets fell 3 per cent today.").paragraphs:
        scored = measure.score(par)
        assert set(scored.values) == set(measure.column_names)


@pytest.mark.parametrize("measure", REGISTRY, ids=lambda m: m.name)
def test_columns_say_what_they_mean(measure):
    assert measure.version and measure.method and measure.limits
    for col in measure.columns:
        assert col.label and col.unit and col.description
        assert col.unit in ("text", "count") or col.direction, f"{col.name}: a score needs its direction"


def test_odd_inputs_give_one_row_per_paragraph_and_finite_or_nan(odd):
    assert len(odd.paragraphs) == len(odd.document.paragraphs)
    for measure in REGISTRY:
        for name in measure.column_names:
            for value in odd.paragraphs[name]:
                assert isinstance(value, str) or value is None or math.isfinite(value) or math.isnan(value)
    assert list(odd.summary["paragraphs"]) == [len(odd.paragraphs)]


def test_odd_inputs_evidence_slices_the_text(odd):
    for row in odd.evidence.itertuples():
        assert odd.text[row.start : row.end] == row.term


def test_empty_text_scores_are_nan_not_zero():
    result = analysis.analyze("")
    assert result.paragraphs.empty
    s = result.summary.iloc[0]
    for name in ("sentiment", "hedging", "alarm", "reading_ease", "fk_grade"):
        assert math.isnan(s[name]), name


@pytest.mark.parametrize("measure", REGISTRY, ids=lambda m: m.name)
def test_every_column_formats_itself(measure):
    """Views print numbers through the column's own declaration: NaN is "n/a", counts are whole
    numbers, the rest has the declared number of decimals."""
    for col in measure.columns:
        assert col.format(float("nan")) == "n/a"
        assert col.format(None) == "n/a"
        shown = col.format(1234.5)
        if col.is_count:
            assert shown == "1,234" or shown == "1,235"  # banker's rounding of .5
            assert col.printf == "%d"
        else:
            assert shown == f"{1234.5:,.{col.digits}f}"
            assert col.printf == f"%.{col.digits}f"
