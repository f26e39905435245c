"""The alarm measure, hand-checked in the forms of real news: one table row per rule, the cases
seen in twelve real reports of one event (issue 14) among them. Each row lists every evidence
span (term, category, weight) in reading order; a note is checked where it is the point."""

import math

import pytest

from analysis.measures import alarm
from analysis.text import paragraph

from .helpers import hits, score


def spans(text):
    return [(t, c, w) for t, c, w, _ in hits(alarm.MEASURE, text)]


def notes(text):
    return {t: n for t, _, _, n in hits(alarm.MEASURE, text)}


@pytest.mark.parametrize("text, expected", [
    # inflected forms: a lemma written with "+" in the lexicon finds them
    ("Alarms sounded across the network as cyberattacks kept escalating.",
     [("Alarms", "fear_word", 1.0), ("cyberattacks", "intrusion", 1.0), ("escalating", "escalation", 1.0)]),
    ("The outage ended catastrophically for the airline.", [("catastrophically", "catastrophe", 2.0)]),
    # the event's own vocabulary: shown, counted in alarm_event only
    ("Thieves broke in overnight and stole three paintings; the theft was found at 6am.",
     [("stole", "crime", 1.0), ("theft", "crime", 1.0)]),
    ("The network used thousands of sock puppet accounts, some of them for bypassing censorship.",
     [("sock puppet", "intrusion", 1.0), ("censorship", "intrusion", 1.0)]),
    # the words the guideline gives as common alarm vocabulary
    ("Officials said the theft of the model weights had national security implications, since the "
     "same systems could help design bioweapons.",
     [("theft", "crime", 1.0), ("national security implications", "threat_reach", 2.0),
      ("bioweapons", "catastrophe", 2.0)]),
    ("Experts warn that the window is narrowing.", [("window is narrowing", "urgency", 2.0)]),
    ("The two chipmakers are locked in an arms race, each pouring billions into new plants.",
     [("arms race", "war_metaphor", 2.0)]),
    # negation, as before
    ("There is no threat of panic, police said.", [("threat", "threat", 0.0), ("panic", "fear_word", 0.0)]),
    ("It is hardly a crisis for the company.", [("crisis", "hyperbole", 0.5)]),
    ("This is not a minor breach.", [("breach", "intrusion", 1.0)]),
    ("Not surprisingly, the dispute escalated.", [("escalated", "escalation", 1.0)]),
    ("Officials met on Tuesday to discuss the budget.", []),
])
def test_hand_checked_cues(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text, expected, why", [
    # magnitude words count only when what they magnify is a harm
    ("The start-up closed a massive funding round last week, pushing its valuation skyrocketing past $10bn.",
     [("massive", "intensifier", 0.0), ("skyrocketing", "intensifier", 0.0)], "magnifies a gain"),
    ("The bank suffered a massive data breach, exposing the records of millions of customers.",
     [("massive", "intensifier", 1.0), ("data breach", "intrusion", 1.0)], ""),
    ("Energy bills are skyrocketing, and families are cutting back.",
     [("skyrocketing", "intensifier", 1.0)], ""),
    ("The film was a huge success at the box office.", [("huge", "intensifier", 0.0)], "magnifies a gain"),
    ("An enormous patch of fresh asphalt marks the spot.", [("enormous", "intensifier", 0.0)],
     "magnifies nothing harmful"),
    ("Burglaries have plummeted since the scheme began.",
     [("Burglaries", "crime", 1.0), ("plummeted", "intensifier", 0.0)], "a fall in a harm"),
    ("The delay is completely unacceptable, the minister said.",
     [("completely", "intensifier", 0.5), ("unacceptable", "emotive", 1.0)], ""),
    ("The new model is completely different from the old one.", [], ""),  # a degree adverb alone
])
def test_magnitude_words_need_a_harm(text, expected, why):
    assert spans(text) == expected
    if why:
        assert all(why in n for t, n in notes(text).items() if t in {s[0] for s in expected if s[2] == 0})


@pytest.mark.parametrize("text, term, category, why", [
    ('The company says its models were the target of so-called "distillation attacks".',
     "attacks", "violence", "so-called"),
    ('The firm denied what rivals have called "industrial-scale theft" of their data.',
     "theft", "crime", "what … calls"),
    ("The plan, described as a catastrophe by its critics, was dropped.", "catastrophe", "catastrophe",
     "described as … by"),
    ('The company\'s "attacks" on rival models went on for months.', "attacks", "violence", "scare quotes"),
])
def test_distanced_words_count_zero_and_keep_their_category(text, term, category, why):
    found = {t: (c, w, n) for t, c, w, n in hits(alarm.MEASURE, text)}
    c, w, n = found[term]
    assert (c, w) == (category, 0.0) and why in n


def test_a_quotation_attributed_to_a_speaker_is_quoted_not_distanced():
    assert hits(alarm.MEASURE, 'Critics said the law was "a catastrophe waiting to happen".') == [
        ("catastrophe", "catastrophe", 2.0, "in quoted speech")]
    assert hits(alarm.MEASURE, '"Time is running out," the commissioner warned.') == [
        ("Time is running out", "urgency", 2.0, "in quoted speech")]


@pytest.mark.parametrize("text, expected, why", [
    ("The report was written by the International Crisis Group in Brussels.",
     [("Crisis", "harm", 0.0)], "part of a name"),
    ("The bomb squad and explosive detectors were called in after the fire alarm rang.",
     [("bomb", "violence", 0.0), ("explosive", "intensifier", 0.0), ("alarm", "fear_word", 0.0)], "device"),
    ("Massive Data Breach Hits Bank As Hackers Strike",  # a title-case headline: capitals are no names
     [("Massive", "intensifier", 1.0), ("Data Breach", "intrusion", 1.0), ("Hackers", "intrusion", 1.0)], ""),
])
def test_names_and_devices(text, expected, why):
    assert spans(text) == expected
    assert all(why in n for _, _, w, n in hits(alarm.MEASURE, text) if w == 0)


@pytest.mark.parametrize("text, expected", [
    # war words: a metaphor, unless the paragraph reports armed combat or names a war
    ("The mayor has declared war on potholes.", [("declared war", "war_metaphor", 2.0)]),
    ("Government troops launched an offensive on the rebel-held town, and the war escalated.",
     [("war", "violence", 1.0), ("escalated", "violence", 1.0)]),
    ("He served in the Vietnam war before he became a teacher.", [("war", "violence", 1.0)]),
    ("The battle for the Premier League title goes to the last day.", [("battle", "war_metaphor", 1.0)]),
    # an attack in words is a war image; an attack on a bus is the event
    ("The chancellor attacked the plan as reckless.",
     [("attacked", "war_metaphor", 1.0), ("reckless", "emotive", 1.0)]),
    ("Six people were hurt in the attack on the bus.", [("attack", "violence", 1.0)]),
    # crisis and disaster
    ("Parents say there is a crisis in school meals.", [("crisis", "hyperbole", 1.0)]),
    ("The 2008 financial crisis cost millions of jobs.", [("crisis", "harm", 1.0)]),
    ("He bought a sports car during a midlife crisis.", []),
    ("If the dam fails, it could be a disaster for the valley.", [("disaster", "catastrophe", 1.0)]),
    ("The disaster killed 31 people in 1987.", [("disaster", "harm", 1.0), ("killed", "violence", 1.0)]),
    # hazards: a fear appeal when they name whom they reach, the event's vocabulary otherwise
    ("Campaigners say the plan is a threat to democracy.", [("threat to democracy", "threat_reach", 2.0)]),
    ("The shortage puts every patient at risk.", [("shortage", "harm", 1.0), ("at risk", "threat_reach", 1.0)]),
    ("Many millions of people in the region are threatened by the floods.",
     [("threatened", "threat_reach", 1.0), ("floods", "harm", 1.0)]),
    ("Smoking raises the risk of heart disease.", [("risk", "hazard", 1.0), ("disease", "harm", 1.0)]),
    # fear described in the people of the story is no appeal; raising fears is
    ("Residents fear the plant will close.", [("fear", "fear_word", 0.0)]),
    ("Frightened residents fled their homes.", [("Frightened", "fear_word", 0.0)]),
    ("The leak raised fears of a wider outbreak.",
     [("leak", "intrusion", 1.0), ("raised fears", "fear_word", 1.0), ("outbreak", "harm", 1.0)]),
])
def test_context_rules(text, expected):
    assert spans(text) == expected


def test_subscales_and_the_headline_column():
    text = ('Officials warned of a catastrophe as hackers stole data in a massive breach, and "the war '
            'on fraud" escalated.')
    par, scored = score(alarm.MEASURE, text)
    v, words = scored.values, par.words
    ev = {e.term: e for e in scored.evidence}
    assert (ev["catastrophe"].category, ev["stole"].category, ev["massive"].category) == (
        "catastrophe", "crime", "intensifier")
    event = sum(e.weight for e in scored.evidence if e.category in alarm.EVENT)
    loaded = sum(e.weight for e in scored.evidence if e.category in alarm.LOADED)
    fear = sum(e.weight for e in scored.evidence if e.category in alarm.FEAR)
    conflict = sum(e.weight for e in scored.evidence if e.category in alarm.CONFLICT)
    assert event > 0 and loaded > 0 and fear > 0 and conflict > 0
    assert v["alarm_event"] == pytest.approx(event / words * 100)
    assert v["alarm_loaded"] == pytest.approx(loaded / words * 100)
    assert v["alarm_fear"] == pytest.approx(fear / words * 100)
    assert v["alarm_conflict"] == pytest.approx(conflict / words * 100)
    assert v["alarm"] == pytest.approx((loaded + fear + conflict) / words * 100)  # the event is not in it
    quoted = sum(e.weight for e in scored.evidence if e.quoted and e.category not in alarm.EVENT)
    assert quoted > 0 and v["alarm_quoted"] == pytest.approx(quoted / words * 100)


def test_columns_are_declared_and_the_event_subscale_stays_out():
    names = alarm.MEASURE.column_names
    assert names == ["alarm", "alarm_quoted", "alarm_event", "alarm_loaded", "alarm_fear", "alarm_conflict"]
    event = alarm.MEASURE.column("alarm_event")
    assert "NOT counted in the headline" in event.description
    assert alarm.MEASURE.subscale_of("crime").name == "alarm_event"
    assert alarm.MEASURE.subscale_of("war_metaphor").name == "alarm_conflict"
    assert all(math.isnan(alarm.MEASURE.score(paragraph("")).values[n]) for n in names)


@pytest.mark.parametrize("text, expected", [
    # 2.1: the words of a fear appeal count weakly when they name no one they reach, fully when
    # they name the reader or society; a measured risk and a threat someone made are the event
    ("The new virus is a threat, officials say.", [("virus", "harm", 1.0), ("threat", "threat", 0.5)]),
    ("The virus is a threat to every family in the country.",
     [("virus", "harm", 1.0), ("threat", "threat_reach", 1.0)]),
    ("The project is at risk.", [("at risk", "threat", 0.5)]),
    ("The deal is in jeopardy.", [("in jeopardy", "threat", 0.5)]),
    ("a 20% risk of flooding", [("risk", "hazard", 1.0), ("flooding", "harm", 1.0)]),
    ("The bank hired a new risk manager.", [("risk", "hazard", 1.0)]),
    ("The agency tracks threat actors online.", [("threat", "hazard", 1.0)]),
    ("He threatened to resign over the plan.", [("threatened", "hazard", 1.0)]),
    ("The union threatened strike action.", [("threatened", "hazard", 1.0)]),
    ("Threats against the judge were reported.", [("Threats", "hazard", 1.0)]),
    ("Rising seas threaten to swallow the town.", [("threaten", "threat", 0.5)]),
    ("As climate change threatens California, officials seek new insurance.", [("threatens", "threat", 0.5)]),
    ("House Democrats threaten the minister with contempt.", [("threaten", "hazard", 1.0)]),
    # a warning of a harm, and the headline's "warns"; the reporting verb alone is no cue (7.7)
    ("Scientists warn of a looming water shortage.",
     [("warn of", "threat", 0.5), ("looming", "urgency", 0.5), ("shortage", "harm", 1.0)]),
    ("Watchdog warns banks over cyber flaws", [("warns", "threat", 0.5)]),
    ("The minister warned that the figures were early.", []),
    # fear described in people of the story (guideline 9.7), fear told to the reader
    ("Residents fled in terror.", [("terror", "fear_word", 0.0)]),
    ("Terror gripped the town.", [("Terror", "fear_word", 1.0)]),
    ("dangers lurk in the kitchen", [("dangers", "threat", 0.5), ("lurk", "fear_word", 1.0)]),
])
def test_fear_appeal_vocabulary(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text, expected, why", [
    # inner words in a fixed phrase (guideline 6: "window to fix it is narrowing")
    ("Experts say the window to fix it is narrowing.", [("window to fix it is narrowing", "urgency", 2.0)], None),
    ("Time is fast running out for the talks.", [("Time is fast running out", "urgency", 2.0)], None),
    ("They are tearing the country apart.", [("tearing the country apart", "emotive", 1.0)], None),
    # a ligature in the text is read as its letters; the evidence keeps the text's own characters
    ("The ﬁght against fraud goes on.", [("ﬁght", "war_metaphor", 1.0), ("fraud", "crime", 1.0)], None),
    # frequency hyperbole (guideline 9.3): a harm in the clause and no figure
    ("Pupils are bullied every day at the school.", [("every day", "hyperbole", 0.5)], ("every day", "frequency hyperbole")),
    ("The trains run every day.", [], None),
    ("About 3,000 people die every day of malaria.",
     [("die", "harm", 1.0), ("every day", "hyperbole", 0.0)], ("every day", "with a figure")),
    # criticism told as a blast is loaded; an explosion is the event
    ("The minister blasted the plan as reckless.", [("blasted", "emotive", 1.0), ("reckless", "emotive", 1.0)],
     ("blasted", "criticism told as a blast")),
    ("Two blasts killed five people.", [("blasts", "violence", 1.0), ("killed", "violence", 1.0)], None),
    # a cut hurts when what is cut is a good
    ("The council slashed budgets for libraries.", [("slashed", "intensifier", 1.0)], ("slashed", "a cut of a good")),
    ("The shop slashed prices before Christmas.", [("slashed", "intensifier", 0.0)], ("slashed", "cuts nothing good")),
    # "a scandal" is the writer's label, "the expenses scandal" the name of what is reported
    ("It is a scandal that pensioners go cold.", [("scandal", "hyperbole", 1.0)], ("scandal", "calls it a scandal")),
    ("The expenses scandal cost him his seat.", [("scandal", "harm", 1.0)], ("scandal", "names the scandal")),
    # boosters, hyperbolic verbs, doom, war images, loaded evaluatives
    ("It was an utterly devastating blow.", [("utterly", "intensifier", 0.5), ("devastating", "emotive", 1.0)], None),
    ("Costs have mushroomed and the debt is snowballing.",
     [("mushroomed", "intensifier", 1.0), ("snowballing", "intensifier", 1.0)], None),
    ("The scheme is a calamity for the region.", [("calamity", "catastrophe", 2.0)], None),
    ("He was caught in the crossfire of a row between ministers.", [("crossfire", "war_metaphor", 1.0)], None),
    ("Troops were caught in the crossfire.", [("crossfire", "violence", 1.0)], ("crossfire", "literal")),
    ("The party faces a storm of criticism.", [("storm of", "hyperbole", 1.0)], None),
    ("The report was a horror show.", [("horror show", "emotive", 1.0)], None),
])
def test_alarm_2_1_readings(text, expected, why):
    assert spans(text) == expected
    if why is not None:
        term, reason = why
        assert reason in notes(text)[term]


@pytest.mark.parametrize("headline", [
    "Threat to democracy as experts warn of chaos",
    "3rd Mexican journalist murdered in 1 week, 10th in 2019",
    "Energy bills are skyrocketing as the window to act is narrowing",
])
def test_headline_casing_changes_no_reading(headline):
    """A headline in Title Case or in capitals gets the evidence its sentence case gets: matching
    ignores case, and capitals in a headline mark no names (numbers are no evidence of case)."""
    base = [(c, w) for _, c, w in spans(headline)]
    assert base  # each has cues
    titled = " ".join(w[:1].upper() + w[1:] for w in headline.split(" "))
    for variant in (titled, headline.upper()):
        assert [(c, w) for _, c, w in spans(variant)] == base, variant
