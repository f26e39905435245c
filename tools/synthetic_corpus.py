"""Deterministic, news-like synthetic articles for tests and benchmarks.

Nothing here is real reporting: sentences are assembled from small word lists so that
the corpus exercises every measure (hedges, alarm words, quotes, sentiment, sentences of
varied length) and outlets differ in style (one leans alarmist, one hedges a lot), which
gives the Corpus page something to compare. The same seed always yields the same text.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

# outlet -> (probability a sentence carries an alarm phrase, a hedge)
OUTLETS: dict[str, tuple[float, float]] = {
    "Daily Ledger": (0.10, 0.20),
    "Morning Wire": (0.35, 0.15),
    "Coastal Courier": (0.08, 0.45),
    "Metro Tribune": (0.20, 0.25),
    "Evening Sentinel": (0.50, 0.10),
}
SUBJECTS = ["The council", "Regional officials", "The ministry", "A spokesperson for the agency",
            "Local residents", "The company", "Union leaders", "Health authorities",
            "The opposition", "Researchers at the university", "The regulator", "Investors"]
VERBS = ["announced", "reviewed", "approved", "criticised", "described", "published", "rejected",
         "welcomed", "questioned", "outlined", "defended", "postponed"]
OBJECTS = ["a new budget for public transport", "the plan to expand the harbour",
           "changes to the water supply contract", "the annual report on housing",
           "a proposal to merge two hospitals", "the results of the school inspection",
           "new rules for short-term lets", "the timetable for the bridge repairs",
           "a settlement with former employees", "the quarterly figures",
           "plans for a solar farm near the river", "the decision to close the library early"]
TAILS = ["on Tuesday", "after a long meeting", "in a statement", "earlier this week",
         "despite objections", "with little debate", "for the third time this year",
         "at a press conference", "ahead of the vote", "following months of delay"]
HEDGES = ["may", "could", "appears to", "is likely to", "might"]
HEDGE_LEADS = ["According to people familiar with the matter,", "Reportedly,", "Some experts suggest that",
               "It is possible that", "Sources said that", "Analysts believe"]
ALARM = ["warned of a looming crisis", "called the situation a catastrophe",
         "described an urgent threat to public safety", "spoke of chaos and panic",
         "said the danger was escalating rapidly", "warned the collapse could be devastating"]
POSITIVE = ["The move was praised as a sensible and welcome step.",
            "Residents said they were pleased and hopeful about the outcome.",
            "Supporters called it a great success for the whole community."]
NEGATIVE = ["Critics said the decision was a terrible failure.",
            "Opponents were angry and said the process had been badly handled.",
            "Several families said they felt ignored and let down."]
QUOTES = ['"We will look at every option carefully," {who} said.',
          '"This is a serious problem and we must act now," {who} said.',
          '"Nothing has been decided yet," {who} told reporters.']
PEOPLE = ["Ana Ruiz", "Tom Okafor", "Priya Shah", "Lena Vogel", "Sam Carter", "Mei Lin"]


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    outlet: str
    date: str  # ISO date
    url: str
    text: str


def _sentence(rng: random.Random, alarm_p: float, hedge_p: float) -> str:
    roll = rng.random()
    if roll < alarm_p:
        return f"{rng.choice(SUBJECTS)} {rng.choice(ALARM)} {rng.choice(TAILS)}."
    if roll < alarm_p + hedge_p:
        if rng.random() < 0.5:
            return f"{rng.choice(HEDGE_LEADS)} {rng.choice(SUBJECTS).lower()} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
        return f"{rng.choice(SUBJECTS)} {rng.choice(HEDGES)} delay {rng.choice(OBJECTS)} {rng.choice(TAILS)}."
    kind = rng.random()
    if kind < 0.12:
        return rng.choice(POSITIVE)
    if kind < 0.24:
        return rng.choice(NEGATIVE)
    if kind < 0.36:
        return rng.choice(QUOTES).format(who=rng.choice(PEOPLE))
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."


def paragraph(rng: random.Random, outlet: str) -> str:
    alarm_p, hedge_p = OUTLETS[outlet]
    return " ".join(_sentence(rng, alarm_p, hedge_p) for _ in range(rng.randint(2, 4)))


def article(index: int, seed: int = 0, paragraphs: tuple[int, int] = (3, 7)) -> Article:
    """Article number ``index`` of the synthetic corpus ``seed``: always the same text."""
    rng = random.Random(seed * 1_000_003 + index)
    outlet = list(OUTLETS)[index % len(OUTLETS)]
    day = date(2026, 1, 1) + timedelta(days=rng.randrange(300))
    title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    body = "\n\n".join(paragraph(rng, outlet) for _ in range(rng.randint(*paragraphs)))
    slug = outlet.lower().replace(" ", "-")
    return Article(id=f"{slug}-{index:06d}", title=title, outlet=outlet, date=day.isoformat(),
                   url=f"https://example.org/{slug}/{index:06d}", text=body)


def corpus(n: int, seed: int = 0, paragraphs: tuple[int, int] = (3, 7)) -> Iterator[Article]:
    for i in range(n):
        yield article(i, seed, paragraphs)
