"""Alarm: how much a paragraph's telling dramatises threat, fear or conflict, per 100 words,
apart from the vocabulary of the events it reports.

Lexicon ``alarm`` (data/lexicons/alarm.csv); its categories form four sub-scales, after the
project's annotation guideline (data/eval/alarm_news/GUIDELINES.md):

- ``alarm_event``: the story's own vocabulary, what happened (crime, violence, intrusion and
  breach, harm and disaster, hazards stated plainly). Shown and counted apart; NOT in ``alarm``.
- ``alarm_loaded``: intensifiers and hyperbole (massive, unprecedented, out of control,
  devastating, slammed, pupils bullied "every day").
- ``alarm_fear``: fear appeals: a threat that reaches society or the reader, a threat named
  without its reach (weakly), catastrophe and doom, urgency and deadlines, words that tell the
  reader to be afraid.
- ``alarm_conflict``: war and escalation metaphors (a battle for, an arms race, escalate).

``alarm`` = loaded + fear + conflict. Each match adds its weight (2 strong: catastrophe,
pressed urgency, a threat that reaches society in a fixed phrase, the most vivid war images
such as "arms race"; 1 ordinary; 0.5 weak: a booster or degree adverb before a harm,
"looming", a threat word that names no one it reaches, frequency hyperbole). A lexicon term
written with a trailing ``+`` matches its regular inflections (alarms, cyberattacks,
escalating, catastrophically); a term with `` ... `` lets up to four words of its clause stand
inside it ("the window to fix it is narrowing"); ligatures in the text ("ﬁght") are read as
their letters. Context rules (``alarm_rules``), each shown as the reason on its evidence:
distanced words (so-called, scare quotes, "what X calls") and parts of names count 0; a
magnitude word counts only when what it magnifies is a harm ("a massive funding round",
"valuation skyrocketing": 0); war words in a report of armed combat are event; a threat that
names its reach is a fear appeal, a measured risk or a threat someone made is event; fear
described in the people of the story is no appeal. Negation in the three words before a cue,
within its clause, cancels it ("no threat") or halves it ("hardly a crisis"); "not a minor
breach" is not a negation. Cues in direct quotations count and are marked ``quoted`` (quoted
alarm is part of the telling).

Range 0 and up; higher = more alarmist telling. NaN for a paragraph without words.
"""

from __future__ import annotations

import functools

from analysis import lexicon as lx
from analysis.measures.alarm_rules import read
from analysis.measures.base import Subscale
from analysis.measures.lexical import Spec, lexicon_measure

NAME = "alarm"
VERSION = "2.1"
LEXICON = "alarm"
EVENT = ("crime", "violence", "intrusion", "harm", "hazard")
LOADED = ("intensifier", "emotive", "hyperbole")
FEAR = ("threat", "threat_reach", "catastrophe", "urgency", "fear_word")
CONFLICT = ("war_metaphor", "escalation")
CATEGORIES = tuple(sorted(EVENT + LOADED + FEAR + CONFLICT))
YARDSTICK = "alarm_news_heldout"

SUBSCALES = (
    Subscale("alarm_event", "Alarm: event vocabulary", EVENT,
             "Words that name what happened (crime, violence, intrusion and breach, harm and disaster, "
             "hazards), weighted, per 100 words: the story's subject, not its framing.",
             composite=False, yardstick=YARDSTICK),
    Subscale("alarm_loaded", "Alarm: loaded", LOADED,
             "Intensifiers and hyperbole that magnify a harm (massive, unprecedented, out of control, "
             "devastating), weighted, per 100 words.", yardstick=YARDSTICK),
    Subscale("alarm_fear", "Alarm: fear", FEAR,
             "Fear appeals (a threat that reaches society or the reader, a threat named without its reach "
             "at half weight, catastrophe, urgency and deadlines, words that tell the reader to be afraid), "
             "weighted, per 100 words.",
             yardstick=YARDSTICK),
    Subscale("alarm_conflict", "Alarm: conflict", CONFLICT,
             "War and escalation metaphors for what is not armed combat (a battle for, an arms race, "
             "escalate), weighted, per 100 words.", yardstick=YARDSTICK),
)

SPEC = Spec(
    name=NAME,
    version=VERSION,
    lexicon=functools.partial(lx.load, LEXICON),
    categories=CATEGORIES,
    label="Alarm",
    unit="weighted alarm cues per 100 words",
    direction="higher = more alarmist telling",
    description=("Weighted framing cues (loaded words, fear appeals, conflict metaphors) per 100 words; "
                 "the event's own vocabulary is counted apart (alarm_event); negated, distanced and "
                 "neutral-sense matches count 0."),
    rule=read,
    subscales=SUBSCALES,
    category_columns=False,  # the sub-scales are the columns; evidence keeps the fine category
)

MEASURE = lexicon_measure(
    SPEC,
    lexicon_name=LEXICON,
    method=("Sum of framing-cue weights (loaded, fear, conflict; 2 strong, 1 ordinary, 0.5 weak: boosters, "
            "frequency hyperbole, threat words that name no one they reach; negated x0 or x0.5; distanced or "
            "neutral in context x0) / words x 100. The event vocabulary is the separate alarm_event."),
    methods=("Alarm is the weighted count of framing cues per 100 words: loaded language (intensifiers, "
             "boosters after Quirk et al. 1985, and hyperbole that magnify a harm), fear appeals (threats that "
             "reach society or the reader; a threat that names no one it reaches at half weight; catastrophe, "
             "urgency) and conflict metaphors, from the project's alarm lexicon, matched with regular "
             "inflections and fixed phrases with words inside them. The vocabulary of the events reported (crime, violence, breach, harm) is "
             "counted apart as alarm_event and is not part of alarm. Context rules set a cue to 0 when it is "
             "negated, distanced (so-called, scare quotes) or neutral in its sense (an intensifier of a gain, "
             "as judged with VADER's word ratings; Hutto & Gilbert 2014); categories follow the project's "
             "annotation guideline, after Da San Martino et al. (2019) on loaded language and appeals to "
             "fear, Witte (1992) on fear appeals and Flusberg, Matlock & Thibodeau (2018) on war metaphors."),
    references=(
        "Da San Martino, G., Yu, S., Barrón-Cedeño, A., Petrov, R. & Nakov, P. (2019). Fine-grained analysis "
        "of propaganda in news articles. In Proceedings of EMNLP-IJCNLP 2019, 5636-5646.",
        "Witte, K. (1992). Putting the fear back into fear appeals: the extended parallel process model. "
        "Communication Monographs 59(4), 329-349.",
        "Flusberg, S. J., Matlock, T. & Thibodeau, P. H. (2018). War metaphors in public discourse. "
        "Metaphor and Symbol 33(1), 1-18.",
        "Hutto, C. J. & Gilbert, E. (2014). VADER: a parsimonious rule-based model for sentiment analysis of "
        "social media text. In Proceedings of ICWSM 2014, 216-225.",
        "Quirk, R., Greenbaum, S., Leech, G. & Svartvik, J. (1985). A Comprehensive Grammar of the English "
        "Language. Longman.",
    ),
    limits=(
        "A word list with context rules, tuned on the development half of the project's own 330-paragraph "
        "alarm set and on GoodNewsEveryone headlines; judged on the held-out half (data/validation.json). "
        "It reads words, not stance: the line between a story's subject (event) and its telling (framing) "
        "is drawn by rules a reader may dispute, and a war word in a war story counts as event only when "
        "the paragraph itself reports the fighting. A threat word that names no one it reaches (threat, "
        "danger, risk) counts at half weight, where the project's guideline leaves such words unmarked: a "
        "weak cue that a headline or a paragraph is told to alarm. Compare articles on the same event "
        "rather than levels."
    ),
)
score = MEASURE.score
summarize = MEASURE.summarize
