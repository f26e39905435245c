"""Deterministic news-like paragraphs for benchmarks (no data files, no network)."""

from __future__ import annotations

import random

SUBJECTS = ["The minister", "A spokesperson for the ministry", "Industry insiders", "The company",
            "Experts at the university", "Local residents", "The regulator", "Opposition leaders",
            "Police", "The central bank", "Analysts", "The union", "Dr. Ana Ruiz, a researcher,"]
VERBS = ["said", "warned", "confirmed", "denied", "suggested", "claimed", "announced", "insisted"]
CLAIMS = [
    "the plan may cost about {n} million pounds more than expected",
    "there was no threat to public safety",
    "the crisis could deepen sharply over the next {n} weeks",
    "prices had risen by roughly {n} per cent since May",
    "the decision was a dramatic escalation of a long dispute",
    "the agreement was a welcome step towards stability",
    "the attack reportedly disrupted services for {n} hours",
    "the findings appear to support the original estimate",
    "the project would create {n} jobs in the region",
    "panic buying had emptied shelves in several towns",
    "the vote on {n} May would decide the matter",
    "the figures were encouraging but the recovery remained fragile",
]
TAILS = ["", " The statement came after weeks of talks.", " Critics called the move reckless.",
         " \"We are assessing the implications,\" one official said.",
         " Officials declined to comment further.", " Markets reacted calmly."]


def paragraphs(n: int, seed: int = 7) -> list[str]:
    """``n`` distinct paragraphs of two to five sentences."""
    rng = random.Random(seed)
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            claim = rng.choice(CLAIMS).format(n=rng.randint(2, 900))
            sentences.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} that {claim}.")
        text = " ".join(sentences) + rng.choice(TAILS)
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


HEADLINE_VERBS = ["warns", "says", "confirms", "denies", "suggests", "claims", "announces", "insists"]
HEADLINE_CLAIMS = [
    "plan may cost {n} million pounds more",
    "no threat to public safety after {n} alerts",
    "crisis could deepen over the next {n} weeks",
    "prices up roughly {n} per cent since May",
    "dramatic escalation in {n}-year dispute",
    "welcome step towards stability in talks on {n} sites",
    "attack reportedly disrupted services for {n} hours",
    "findings appear to support estimate of {n} cases",
    "project would create {n} jobs in the region",
    "panic buying empties shelves in {n} towns",
    "vote on {n} May to decide the matter",
    "encouraging figures but fragile recovery in {n} firms",
]


def headlines(n: int, seed: int = 3) -> list[str]:
    """``n`` distinct news-like headlines of one line each (no final stop; some in Title Case,
    some quoting a speaker), for batch benchmarks of short texts."""
    rng = random.Random(seed)
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        subject = rng.choice(SUBJECTS).rstrip(",")
        text = f"{subject} {rng.choice(HEADLINE_VERBS)} {rng.choice(HEADLINE_CLAIMS).format(n=rng.randint(2, 999))}"
        style = rng.random()
        if style < 0.3:
            text = " ".join(w[:1].upper() + w[1:] for w in text.split())
        elif style < 0.45:
            text = f"'{text[:1].upper()}{text[1:]}', {rng.choice(['minister', 'analyst', 'police chief'])} says"
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out
