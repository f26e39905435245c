"""Sources: who speaks in a paragraph, quoted or reported, named or not.

Finds direct quotations (straight and curly quotes, also across paragraph breaks) and
attributions (a source with a reporting verb: "X said", "said X", "according to X", "X, a
spokesperson for Y, said:", "experts warn that"), and classifies each source as a named
person, a named organisation or an anonymous/vague source ("a spokesperson", "industry
insiders", "a document seen by", "people familiar with"). Rules in
:mod:`analysis.sourcing`; word lists in the ``sources`` lexicon.

Per paragraph:

- ``quotes``: direct quotations (count; scare quotes of three words or fewer without a
  reporting verb are not counted);
- ``named_sources`` / ``anonymous_sources``: source mentions (count; one per attribution,
  so a person quoted twice with two verbs counts twice);
- ``quoted_share``: share of the paragraph's words inside quotations, 0..1 (NaN: no words);
- ``anonymous_share``: anonymous / (named + anonymous) mentions, 0..1 (NaN: no source);
- ``framing_verbs``: reporting verbs that judge what they report (claimed, denied, admitted,
  warned, insisted …), count.

Evidence: ``quote`` (the quotation, note = its speaker), ``speaker_person``,
``speaker_organisation``, ``speaker_anonymous`` (the source expression, note = verb, direct or
indirect, what a pronoun refers to) and ``verb``/``verb_framing``/``verb_cognitive``.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.measures.base import NAN, Column, Evidence, Measure, Scored
from analysis.sourcing import detect as dt
from analysis.text import Document, Paragraph

NAME = "sources"
VERSION = "1.0"
LEXICON = "sources"
VERB_EVIDENCE = {"verb_neutral": "verb", "verb_framing": "verb_framing",
                 "verb_cognitive": "verb_cognitive"}
COLUMNS = ("quotes", "named_sources", "anonymous_sources", "quoted_share", "anonymous_share",
           "framing_verbs")


def _share(part: float, whole: float) -> float:
    return part / whole if whole else NAN


def score(par: Paragraph) -> Scored:
    found = dt.detect(par)
    text = par.text
    evidence: list[Evidence] = []
    for q in found.quotes:
        who = dt.speaker_name(q.speaker) if q.speaker else ""
        note = f"speaker: {who} ({q.how})" if who else "no speaker found"
        evidence.append(Evidence(q.start, q.end, "quote", text[q.start : q.end], 1.0, note, True))
    for sp in found.scare:
        evidence.append(Evidence(sp.start, sp.end, "scare_quote", text[sp.start : sp.end], 0.0,
                                 "short quoted fragment without a reporting verb: not counted as speech",
                                 True))
    for s in found.sources:
        mode = "direct" if s.quotes else "indirect"
        verb = f"'{s.verb}'" if s.verb else "no verb"
        note = f"{verb}, {mode}; {s.why}"
        evidence.append(Evidence(s.start, s.end, f"speaker_{s.kind}", s.text, 1.0, note, False))
        if s.verb_start >= 0:
            evidence.append(Evidence(s.verb_start, s.verb_end, VERB_EVIDENCE[s.verb_category],
                                     text[s.verb_start : s.verb_end], 1.0,
                                     f"reports {dt.speaker_name(s)}", False))
    named = sum(1 for s in found.sources if s.kind in ("person", "organisation"))
    anonymous = sum(1 for s in found.sources if s.kind == "anonymous")
    values: dict[str, float | str] = {
        "quotes": float(len(found.quotes)),
        "named_sources": float(named),
        "anonymous_sources": float(anonymous),
        "quoted_share": _share(found.quoted_words, par.words),
        "anonymous_share": _share(anonymous, named + anonymous),
        "framing_verbs": float(sum(1 for s in found.sources if s.verb_category == "verb_framing")),
    }
    return Scored(values, evidence)


def summarize(doc: Document, scored: Sequence[Scored]) -> dict[str, float | str]:
    """Article level: counts summed; shares pooled over all words and all mentions (not
    the mean of paragraph shares)."""
    if not scored:
        return {c: NAN for c in COLUMNS}

    def total(name: str) -> float:
        return float(sum(float(s.values[name]) for s in scored))

    words = doc.words
    quoted_words = sum(round(float(s.values["quoted_share"]) * p.words)
                       for s, p in zip(scored, doc.paragraphs, strict=True) if p.words)
    named, anonymous = total("named_sources"), total("anonymous_sources")
    return {
        "quotes": total("quotes"),
        "named_sources": named,
        "anonymous_sources": anonymous,
        "quoted_share": _share(quoted_words, words),
        "anonymous_share": _share(anonymous, named + anonymous),
        "framing_verbs": total("framing_verbs"),
    }


MEASURE = Measure(
    name=NAME,
    version=VERSION,
    columns=(
        Column("quotes", "Quotations", "count", 0, None, "higher = more direct speech",
               "Direct quotations in the paragraph (straight or curly double quotes, also "
               "across paragraph breaks); short unattributed scare quotes are not counted."),
        Column("named_sources", "Named sources", "count", 0, None,
               "higher = more claims tied to a named person or organisation",
               "Source mentions with a reporting verb or a quotation whose source is a named "
               "person (or a pronoun for one) or a named organisation."),
        Column("anonymous_sources", "Anonymous sources", "count", 0, None,
               "higher = more claims resting on unnamed sources",
               "Source mentions that name nobody: 'a spokesperson', 'experts', 'insiders', "
               "'people familiar with', 'a document seen by', an unidentified report."),
        Column("quoted_share", "Quoted share", "share of words", 0, 1,
               "higher = more of the text is other people's words",
               "Words inside direct quotations / all words of the paragraph (article: pooled "
               "over all words)."),
        Column("anonymous_share", "Anonymous share", "share of source mentions", 0, 1,
               "higher = more anonymous sourcing",
               "Anonymous source mentions / all source mentions; NaN when no source is found."),
        Column("framing_verbs", "Framing verbs", "count", 0, None,
               "higher = more reporting verbs that judge what they report",
               "Reporting verbs that carry a judgement (claimed, alleged, denied, admitted, "
               "insisted, warned …) rather than neutral 'said'."),
    ),
    score=score,
    summarize=summarize,
    lexicon=LEXICON,
    methods=("Sourcing is read with rules over each paragraph: direct quotations, reporting verbs "
             "paired with their source (before or after the verb, or after 'according to'), and the "
             "source's kind (a named person or organisation, or an unnamed source such as 'a spokesperson' "
             "or 'people familiar with the matter'); reporting verbs that judge what they report are "
             "counted as framing verbs (after Bell, 1991, and Caldas-Coulthard, 1994)."),
    references=(
        "Bell, A. (1991). The Language of News Media. Oxford: Blackwell.",
        "Caldas-Coulthard, C. R. (1994). On reporting reporting: the representation of speech in factual "
        "and factional narratives. In M. Coulthard (Ed.), Advances in Written Text Analysis "
        "(pp. 295-308). London: Routledge.",
    ),
    method=(
        "Rules over the segmented paragraph: quotation spans; reporting verbs from the lexicon "
        "paired with the noun phrase before them, after them (inversion, 'according to') or "
        "the sentence subject (participles); the phrase's head word decides person, "
        "organisation or anonymous; pronouns take the nearest fitting source in the paragraph "
        "or the previous one."
    ),
    limits=(
        "No parser and no name gazetteer: one-word organisation names (Ofcom, Europol) read as "
        "people; a source only introduced by a sentence without a reporting verb or colon is "
        "missed; the anonymous/named line is drawn at the name (an unnamed spokesperson for a "
        "named company counts as anonymous). Precision and recall on 188 hand-annotated "
        "Guardian paragraphs: see analysis/eval_sources.py."
    ),
)
