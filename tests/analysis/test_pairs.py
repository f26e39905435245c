"""Hand-made pairs of texts on the same facts, written for these tests."""

import analysis


def summary(text):
    return analysis.analyze(text).summary.iloc[0]


def test_hedged_version_scores_higher_on_hedging():
    plain = ("The company lost the files in March. The breach exposed 2,000 customer records. "
             "Engineers fixed the fault within a day.")
    hedged = ("The company may have lost the files in March. The breach reportedly exposed about "
              "2,000 customer records. Engineers appear to have fixed the fault within a day.")
    assert summary(hedged)["hedging"] > summary(plain)["hedging"] == 0


def test_alarmist_version_scores_higher_on_alarm():
    calm = ("Rainfall in the valley was heavier than usual this week. The river rose by a metre. "
            "The council opened two shelters as a precaution.")
    alarmist = ("Catastrophic rainfall unleashed chaos in the valley this week. The river surged a "
                "terrifying metre. The council scrambled to open emergency shelters as panic spread.")
    assert summary(alarmist)["alarm"] > 5 * max(summary(calm)["alarm"], 0.1)


def test_negated_alarm_is_lower_than_asserted_alarm():
    denied = "Officials said there was no threat to residents and no panic in the town."
    asserted = "Officials said there was a grave threat to residents and panic in the town."
    assert summary(denied)["alarm"] == 0
    assert summary(asserted)["alarm"] > 0


def test_election_on_3_may_is_no_hedge():
    text = "The election will take place on 3 May, the commission announced."
    result = analysis.analyze(text)
    assert result.summary.iloc[0]["hedging"] == 0
    may = result.evidence[result.evidence["term"] == "May"]
    assert list(may["weight"]) == [0.0] and "month" in may["note"].iloc[0]


def test_readability_summary_is_computed_on_the_whole_text_not_averaged():
    text = ("The cat sat. It was warm. The dog ran to it and they played in the sun all day long.\n"
            "Notwithstanding considerable administrative complications, the municipal authorities "
            "subsequently authorised comprehensive infrastructural rehabilitation programmes.")
    result = analysis.analyze(text)
    from analysis.measures.readability import textstat

    whole = "\n\n".join(result.paragraphs["text"])
    assert result.summary.iloc[0]["fk_grade"] == textstat().flesch_kincaid_grade(whole)
    assert result.summary.iloc[0]["fk_grade"] != result.paragraphs["fk_grade"].mean()
