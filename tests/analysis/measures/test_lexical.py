"""The lexicon-measure factory: hand-checked counts, categories that share a word, rules,
sub-scales and the composite, and a researcher's CSV refused with its line number."""

import math

import pytest

from analysis.lexicon import Entry, Lexicon, LexiconError
from analysis.measures import Subscale
from analysis.measures.lexical import Reading, Spec, lexicon_measure
from analysis.text import paragraph, segment

LEX = Lexicon("toy", "1", (Entry("storm", "weather", 1.0), Entry("storm", "threat", 2.0),
                           Entry("rain*", "weather", 1.0), Entry("red alert", "threat", 1.0),
                           Entry("calm", "weather", 0.5)))


def spec(**kw):
    base = dict(name="toy", version="1", lexicon=LEX, categories=("threat", "weather"),
                label="Toy", unit="matches per 100 words", direction="higher = more", description="A toy.")
    return Spec(**{**base, **kw})


def test_a_word_in_two_categories_counts_in_each_and_a_phrase_once():
    m = lexicon_measure(spec(negation=False))
    scored = m.score(paragraph("The storm brought rainfall and a red alert across ten towns today."))
    # 12 words; weather: storm 1 + rainfall 1 = 2; threat: storm 2 + red alert 1 = 3
    assert scored.values["toy_weather"] == pytest.approx(2 / 12 * 100)
    assert scored.values["toy_threat"] == pytest.approx(3 / 12 * 100)
    assert scored.values["toy"] == pytest.approx(5 / 12 * 100)
    terms = sorted((e.term, e.category) for e in scored.evidence)
    assert terms == [("rainfall", "weather"), ("red alert", "threat"), ("storm", "threat"), ("storm", "weather")]


def test_negation_is_optional():
    text = "There was no storm over the hills that night at all."
    assert lexicon_measure(spec(negation=True)).score(paragraph(text)).values["toy"] == 0
    assert lexicon_measure(spec(negation=False)).score(paragraph(text)).values["toy"] > 0


def test_a_rule_can_drop_reweight_and_recategorise_with_its_reason():
    def rule(par, m, reading):
        if par.text[m.start:m.end].lower() == "calm":
            return None
        if reading.category == "threat":
            return Reading(0.5, "weather", "a weather word here")
        return reading

    scored = lexicon_measure(spec(rule=rule, negation=False)).score(paragraph("A calm storm came."))
    assert [(e.category, e.weight, e.note) for e in scored.evidence] == [
        ("weather", 1.0, ""), ("weather", 0.5, "a weather word here")]  # the lexicon's order of entries


def test_subscales_make_the_composite_and_one_can_stay_out():
    subs = (Subscale("toy_danger", "Danger", ("threat",), "Threat words."),
            Subscale("toy_sky", "Sky", ("weather",), "Weather words.", composite=False))
    m = lexicon_measure(spec(subscales=subs, negation=False))
    v = m.score(paragraph("Storm and rain and calm skies over four small towns.")).values
    assert v["toy_sky"] == pytest.approx(2.5 / 10 * 100)
    assert v["toy_danger"] == pytest.approx(2 / 10 * 100)
    assert v["toy"] == v["toy_danger"]  # the sky sub-scale is not in the composite
    assert m.subscale_of("weather").name == "toy_sky"
    assert [c.name for c in m.columns][:4] == ["toy", "toy_quoted", "toy_danger", "toy_sky"]


def test_summary_pools_over_all_words_and_an_empty_paragraph_is_nan():
    m = lexicon_measure(spec(negation=False))
    doc = segment("A storm came.\n\nNothing else happened in the valley that week.")
    scored = [m.score(p) for p in doc.paragraphs]
    assert m.summarize(doc, scored)["toy_threat"] == pytest.approx(2 / doc.words * 100)
    assert math.isnan(m.score(paragraph("")).values["toy"])


def test_a_quoted_cue_is_marked_and_counted_apart():
    m = lexicon_measure(spec(negation=False))
    scored = m.score(paragraph('"A storm is coming," she said to the crowd gathered there.'))
    assert all(e.quoted for e in scored.evidence)
    assert scored.values["toy_quoted"] == scored.values["toy"] > 0


@pytest.mark.parametrize(("body", "message"), [
    ("word,category\nstorm,weather\n", "line 1: no term column"),
    ("term,category\nstorm,\n", "line 2: a row needs both a term and a category"),
    ("term,category,weight\nstorm,weather,heavy\n", "line 2: weight 'heavy' is not a number"),
    ("term,category,weight\nstorm,weather,1\nrain,weather,nan\n", "line 3: weight 'nan' is not a finite"),
])
def test_a_researchers_csv_is_refused_with_its_line(tmp_path, body, message):
    path = tmp_path / "mine.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        Lexicon.from_csv(path)


def test_a_researchers_csv_is_versioned_by_its_content(tmp_path):
    path = tmp_path / "frames.csv"
    path.write_text("term,category\nStorm,weather\n", encoding="utf-8")
    lex = Lexicon.from_csv(path)
    assert (lex.name, len(lex.version), lex.entries[0].term, lex.entries[0].weight) == ("frames", 12, "storm", 1.0)
    path.write_text("term,category\nstorm,weather\nrain,weather\n", encoding="utf-8")
    assert Lexicon.from_csv(path).version != lex.version


def test_a_lexicon_measure_pickles_for_a_worker_process():
    import pickle

    from analysis.measures import alarm

    for m in (lexicon_measure(spec()), alarm.MEASURE):
        again = pickle.loads(pickle.dumps(m))
        par = paragraph("A massive storm is a grave threat to the town, officials warned today.")
        assert again.score(par) == m.score(par)


def test_category_columns_can_be_left_to_the_subscales():
    subs = (Subscale("toy_danger", "Danger", ("threat",), "Threat words."),
            Subscale("toy_sky", "Sky", ("weather",), "Weather words.", composite=False))
    m = lexicon_measure(spec(subscales=subs, negation=False, category_columns=False))
    assert m.column_names == ["toy", "toy_quoted", "toy_danger", "toy_sky"]
    scored = m.score(paragraph("Storm and rain and calm skies over four small towns."))
    assert set(scored.values) == set(m.column_names)
    assert {e.category for e in scored.evidence} == {"threat", "weather"}  # evidence keeps the category
    assert math.isnan(m.score(paragraph("")).values["toy_sky"])


def test_a_reading_that_counts_zero_is_not_negated_again():
    def rule(par, m, reading):
        return Reading(0.0, reading.category, "not this sense") if reading.category == "threat" else reading

    scored = lexicon_measure(spec(rule=rule)).score(paragraph("There was no storm over the hills."))
    assert sorted((e.category, e.weight, e.note) for e in scored.evidence) == [
        ("threat", 0.0, "not this sense"), ("weather", 0.0, "negated by 'no'")]


@pytest.mark.parametrize("text", ["A storm, then rain and a red alert.", "Calm. No storm here, not a storm.",
                                  "Nothing to see.", "Storm storm rainfall calm calm", "—"])
def test_an_article_of_one_paragraph_has_that_paragraphs_values(text):
    """summarize returns the paragraph's own values for a one-paragraph article: exactly what
    pooling its evidence over its words gives (bit for bit, NaN for no words)."""
    from analysis.measures.base import Scored
    from analysis.measures.lexical import _rates, plan, summarize

    s = spec(subscales=(Subscale("toy_danger", "Danger", ("threat",), "Threats."),))
    measure = lexicon_measure(s)
    doc = segment(text)
    scored = [measure.score(p) for p in doc.paragraphs]
    pooled = _rates(s, [e for r in scored for e in r.evidence], doc.words, plan(s))
    got = measure.summarize(doc, scored)
    assert [repr(v) for v in got.values()] == [repr(v) for v in pooled.values()] and list(got) == list(pooled)
    if scored:
        assert got is not scored[0].values  # a copy: the article's values are not the paragraph's dict
        two = [scored[0], Scored(dict(scored[0].values), list(scored[0].evidence))]
        assert summarize(s, plan(s), doc, two) == _rates(s, two[0].evidence + two[1].evidence, doc.words, plan(s))
