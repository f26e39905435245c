"""Sources: who speaks in a paragraph, quoted or reported, and what kind of source it is.

Finds direct quotations (straight and curly double quotes, also across paragraph breaks;
single quotes in text that uses no double ones), quoted words that are not speech (scare
quotes, labels, terms, titles), and attributions (a source with a reporting verb: "X said",
"said X", "according to X", "X, a spokesperson for Y, said:", "experts warn that", "ABC
quoted an official as saying"), and says what each source is: a named **person**, a named
**organisation**, a **government** (a country, a government or a body of a state), an
identified **document** (a named or definite report, study, filing), or an **anonymous**
source ("a spokesperson", "one former official", "critics", "those close to the talks", "a
document seen by", an unidentified report). Rules in :mod:`analysis.sourcing`; word lists in
the ``sources`` lexicon.

Per paragraph (counts of source mentions: one per source per sentence, so a person quoted in
two sentences counts twice, and one anonymous official described by three clauses once):

- ``quotes``: direct quotations; ``scare_quotes``: quoted words or phrases that are not
  speech (a fragment of three words or fewer not part of what a reporting verb reports, or
  any quoted span named as a term or title: "the so-called “distillation”");
- ``sources_people``, ``sources_organisations``, ``sources_governments``,
  ``sources_documents``, ``anonymous_sources``: mentions of each kind;
- ``named_sources``: people + organisations + governments + documents (until version 2.0:
  people and organisations, which then included governments and named documents);
- ``quoted_share``: share of the paragraph's words inside quotations, 0..1 (NaN: no words);
- ``anonymous_share``: anonymous / (named + anonymous) mentions, 0..1 (NaN: no source);
- ``framing_verbs``: reporting verbs that judge what they report (claimed, denied, admitted,
  warned, insisted …), count.

Evidence: ``quote`` (the quotation, note = its speaker), ``scare_quote``,
``speaker_person``, ``speaker_organisation``, ``speaker_government``, ``speaker_document``,
``speaker_anonymous`` (the source expression, note = verb, direct or indirect, what a pronoun
refers to) and ``verb``/``verb_framing``/``verb_cognitive``.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.measures.base import NAN, Column, Evidence, Measure, Scored, Subscale
from analysis.sourcing import detect as dt
from analysis.text import Document, Paragraph

NAME = "sources"
VERSION = "2.0"
LEXICON = "sources"
VERB_EVIDENCE = {"verb_neutral": "verb", "verb_framing": "verb_framing",
                 "verb_cognitive": "verb_cognitive"}
KIND_COLUMNS = {"person": "sources_people", "organisation": "sources_organisations",
                "government": "sources_governments", "document": "sources_documents",
                "anonymous": "anonymous_sources"}
NAMED = ("person", "organisation", "government", "document")
COUNTS = ("quotes", "named_sources", "anonymous_sources", "framing_verbs", "sources_people",
          "sources_organisations", "sources_governments", "sources_documents", "scare_quotes")
COLUMNS = ("quotes", "named_sources", "anonymous_sources", "quoted_share", "anonymous_share",
           "framing_verbs", "sources_people", "sources_organisations", "sources_governments",
           "sources_documents", "scare_quotes")


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
        evidence.append(Evidence(sp.start, sp.end, "scare_quote", text[sp.start : sp.end], 1.0,
                                 "quoted words that are not speech (a scare quote, label, term or title): "
                                 "counted in scare_quotes, not in quotes", True))
    for s in found.sources:
        mode = "direct" if s.quotes else "indirect"
        verb = f"'{s.verb}'" if s.verb else "no verb"
        note = f"{verb}, {mode}; {s.why}"
        evidence.append(Evidence(s.start, s.end, f"speaker_{s.kind}", s.text, 1.0, note, False))
        if s.verb_start >= 0:
            evidence.append(Evidence(s.verb_start, s.verb_end, VERB_EVIDENCE[s.verb_category],
                                     text[s.verb_start : s.verb_end], 1.0,
                                     f"reports {dt.speaker_name(s)}", False))
    kinds = dict.fromkeys(KIND_COLUMNS, 0)
    for s in found.sources:
        kinds[s.kind] = kinds.get(s.kind, 0) + 1
    named = sum(kinds[k] for k in NAMED)
    anonymous = kinds["anonymous"]
    values: dict[str, float | str] = {
        "quotes": float(len(found.quotes)),
        "named_sources": float(named),
        "anonymous_sources": float(anonymous),
        "quoted_share": _share(found.quoted_words, par.words),
        "anonymous_share": _share(anonymous, named + anonymous),
        "framing_verbs": float(sum(1 for s in found.sources if s.verb_category == "verb_framing")),
    }
    for kind in NAMED:
        values[KIND_COLUMNS[kind]] = float(kinds[kind])
    values["scare_quotes"] = float(len(found.scare))
    return Scored(values, evidence)


def summarize(doc: Document, scored: Sequence[Scored]) -> dict[str, float | str]:
    """Article level: counts summed; shares pooled over all words and all mentions (not
    the mean of paragraph shares)."""
    if not scored:
        return dict.fromkeys(COLUMNS, NAN)

    def total(name: str) -> float:
        return float(sum(float(s.values[name]) for s in scored))

    words = doc.words
    quoted_words = sum(round(float(s.values["quoted_share"]) * p.words)
                       for s, p in zip(scored, doc.paragraphs, strict=True) if p.words)
    named, anonymous = total("named_sources"), total("anonymous_sources")
    out: dict[str, float | str] = {name: total(name) for name in COUNTS}
    out["quoted_share"] = _share(quoted_words, words)
    out["anonymous_share"] = _share(anonymous, named + anonymous)
    return {c: out[c] for c in COLUMNS}


MEASURE = Measure(
    name=NAME,
    version=VERSION,
    columns=(
        Column("quotes", "Quotations", "count", 0, None, "higher = more direct speech",
               "Direct quotations in the paragraph (straight or curly double quotes, also "
               "across paragraph breaks); short unattributed scare quotes are not counted."),
        Column("named_sources", "Named sources", "count", 0, None,
               "higher = more claims tied to a source a reader can look up",
               "Source mentions with a reporting verb or a quotation whose source is named: "
               "people + organisations + governments + documents (the four columns below; "
               "before version 2.0, people and organisations, which then included governments "
               "and named documents)."),
        Column("anonymous_sources", "Anonymous sources", "count", 0, None,
               "higher = more claims resting on unnamed sources",
               "Source mentions that name nobody: 'a spokesperson', 'one former official' "
               "(once, however many clauses describe them), 'critics', 'those close to the "
               "talks', 'people familiar with', 'a document seen by', an unidentified report."),
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
        Column("sources_people", "People", "count", 0, None,
               "higher = more claims tied to named individuals",
               "Source mentions that name a person ('Alan Strickland', 'FBI Director Louis "
               "Freeh'), or 'he'/'she' for one."),
        Column("sources_organisations", "Organisations", "count", 0, None,
               "higher = more claims tied to named organisations",
               "Source mentions that name an organisation that is not a body of a state: a "
               "company, union, party, university, charity, news organisation or international "
               "organisation ('Upjohn Co.', 'the Interfax news agency', 'NATO'), or refer back to "
               "one ('the company')."),
        Column("sources_governments", "Governments", "count", 0, None,
               "higher = more claims tied to governments and state bodies",
               "Source mentions of a country or seat of government ('Brazil', 'the White "
               "House'), a government ('the government') or a body of a state: a ministry, "
               "department, agency, regulator, the police, a court ('the Department for Science, "
               "Innovation and Technology', 'the FBI', 'Ofcom')."),
        Column("sources_documents", "Documents", "count", 0, None,
               "higher = more claims tied to identified documents",
               "Source mentions of an identified document or data set: named, with a named "
               "author or publisher, or definite ('a report by the World Health Organization', "
               "'the study'). An unidentified one ('a report') is anonymous."),
        Column("scare_quotes", "Scare quotes", "count", 0, None,
               "higher = more words held at a distance in quotation marks",
               "Quoted words or phrases that are not speech: a fragment of three words or fewer "
               "that no reporting verb before it in its sentence reports, one named as a term or "
               "title ('so-called', 'dubbed', 'titled') or explained after it ('a “tronc” – a "
               "pay arrangement'). Not counted in quotes."),
    ),
    subscales=tuple(
        Subscale(column, label, (f"speaker_{kind}",), description, composite=kind != "anonymous",
                 yardstick="sources_annotated")
        for kind, column, label, description in (
            ("person", "sources_people", "People", "named individuals"),
            ("organisation", "sources_organisations", "Organisations", "named organisations"),
            ("government", "sources_governments", "Governments", "countries, governments, state bodies"),
            ("document", "sources_documents", "Documents", "identified documents"),
            ("anonymous", "anonymous_sources", "Anonymous", "unnamed people, groups and documents"),
        )
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
        "Rules over the segmented paragraph: quotation spans (short fragments that no reporting "
        "verb before them reports are scare quotes); reporting verbs from the lexicon paired "
        "with the noun phrase before them, after them (inversion, 'according to', 'quoted X as "
        "saying', 'forecast by'), or the sentence subject (participles, a verb after 'and' or "
        "'but'); the phrase's head word and the lexicon decide person, organisation, government, "
        "document or anonymous; pronouns take the nearest fitting source in the paragraph or "
        "the previous one; one source counts once per sentence."
    ),
    limits=(
        "No parser and no name gazetteer: a one-word organisation name reads as a person unless "
        "the lexicon lists it (Ofcom, the FBI), it carries a company suffix nearby ('Crane Co.') "
        "or 'it' follows its verb; a description whose name comes later in the article ('a "
        "friend of the assassin') counts as anonymous; a source only introduced by a sentence "
        "without a reporting verb or colon is missed; the anonymous/named line is drawn at the "
        "name (an unnamed spokesperson for a named company counts as anonymous). Precision and "
        "recall per kind on 588 hand-annotated units of UK, US, wire and broadcast news: "
        "data/eval/sources/README.md, python -m analysis.eval_sources."
    ),
)
