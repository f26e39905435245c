"""Compare a focus article with other coverage of the same story.

    >>> import analysis
    >>> from analysis import compare
    >>> texts = ["The dam at Calder Reach cracked on Tuesday.", "Calder Reach dam: a crack found Tuesday."]
    >>> result = compare.compare([analysis.analyze(t, n) for t, n in zip(texts, ["focus", "other"])])
    >>> sorted(result.frames())
    ['alignment', 'arcs', 'articles', 'coverage', 'profile', 'words']

Four views, all tidy frames (``Comparison``): the **profile** (every article's level and
spread on every measure), the **aligned arcs** (paragraph values on a 0..100 % axis), the
**distinguishing words** (weighted log-odds with an informative Dirichlet prior, Monroe,
Colaresi & Quinn 2008; ``words``) and the **claim alignment** (for each focus paragraph, the
most similar paragraph of every other article; ``align``). ``METHOD_NOTE`` explains the
methods for the Methods page.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analysis.compare import align, profile, words
from analysis.compare.align import THRESHOLD, AlignOptions
from analysis.compare.words import WordOptions, contexts, log_odds
from analysis.pipeline import Analysis

COMPARE_VERSION = "1.0"

METHOD_NOTE = f"""\
**Claim alignment (version {COMPARE_VERSION}).** Each paragraph is turned into a TF-IDF
vector of the character 3- to 5-grams of its content words (lowercase, stop words removed,
spelled-out numbers as digits). Term frequencies are sublinear (1 + ln tf), weighted by a
smoothed inverse paragraph frequency over all paragraphs being compared, and the vectors
scaled to unit length; similarity is their cosine (0 = nothing in common, 1 = the same
n-grams in the same proportions). No model is downloaded. For each focus paragraph, the most
similar paragraph of each other article is its candidate. It counts as the same claim when
(a) the similarity is at least **{THRESHOLD:.2f}** and (b) the pair is a mutual best match
(of all focus paragraphs, the candidate resembles this one most), so an outlet's lead, which
shares the story's names with everything, is not counted as a retelling of every paragraph;
the price is that an outlet paragraph merging two focus paragraphs is credited to one. The
inverse paragraph frequency is computed over the articles being compared, so a similarity
moves slightly when articles are added or removed.

**How the threshold was chosen.** On a development scenario written for the tests (a focus
report of an invented flood, three outlets retelling some of its paragraphs in their own
words and leaving others out, and an unrelated article; retellings labelled by hand), the
lowest similarity of a labelled retelling was 0.196 and the highest similarity of a mutual
best pair that is not a retelling was 0.170; the threshold is their midpoint, rounded
(0.18). On a held-out scenario (an invented hospital cyberattack, two outlets and an
unrelated article) not used for the choice, 5 of 6 retellings were found and 3 pairs were
matched wrongly: two where an outlet paragraph shares the story's names or a topic word
with a focus paragraph ("appointments"), one where a paragraph names the same chief
executive while saying something else. Treat a match as a lead to read, not a verdict: the
side-by-side view shows both paragraphs. Lexical similarity finds retellings that keep
names, places and figures; one that keeps none of them is missed.

**Distinguishing words.** Weighted log-odds ratios with an informative Dirichlet prior
(Monroe, Colaresi & Quinn 2008, "Fightin' Words", Political Analysis 16(4)), z-scored.
The prior is the pooled counts of all compared articles, scaled to the mean article size
in tokens. Unigrams and bigrams (within a sentence) are separate vocabularies. Stop words
count toward each text's size but are not listed. z > 0: characteristic of the article;
z < 0: of the rest; read |z| as a ranking (thousands of terms are tested at once).

**Profile and aligned arcs.** An article's level is its article-level score (rates per 100
words over the whole text); its spread is over its paragraphs (median, interquartile range,
standard deviation). Arcs place each paragraph at the midpoint of its words, in percent of
the article's words, so long and short articles share one axis.
"""


@dataclass(frozen=True)
class CompareOptions:
    align: AlignOptions = AlignOptions()
    words: WordOptions = WordOptions()


@dataclass
class Comparison:
    """Everything the Compare views need, computed once.

    ``articles``: one row per article (``article`` label, unique; ``focus``; ``words``;
    ``paragraphs``); ``profile``, ``arcs``, ``words``, ``alignment`` and ``coverage`` as
    described in ``profile``, ``words`` and ``align``; ``analyses`` in the same order as
    ``articles`` (for contexts and side-by-side evidence); ``meta``: versions, threshold,
    prior weight, timings in seconds.
    """

    articles: pd.DataFrame
    profile: pd.DataFrame
    arcs: pd.DataFrame
    words: pd.DataFrame
    alignment: pd.DataFrame
    coverage: pd.DataFrame
    analyses: list[Analysis] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def frames(self) -> dict[str, pd.DataFrame]:
        return {"articles": self.articles, "profile": self.profile, "arcs": self.arcs,
                "words": self.words, "alignment": self.alignment, "coverage": self.coverage}

    def analysis(self, article: str) -> Analysis:
        """The analysis of the article with this label."""
        return self.analyses[list(self.articles["article"]).index(article)]


def unique_names(names: Sequence[str]) -> list[str]:
    """Labels that tell articles apart: a repeated name gets " (2)", " (3)" ..."""
    seen: dict[str, int] = {}
    out = []
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        label = n if seen[n] == 1 else f"{n} ({seen[n]})"
        while label in out:
            seen[n] += 1
            label = f"{n} ({seen[n]})"
        out.append(label)
    return out


def compare(analyses: Sequence[Analysis], options: CompareOptions = CompareOptions()) -> Comparison:
    """Compare ``analyses[0]`` (the focus) with the others. One article alone gives its
    profile and arcs; the views that need another article come back empty."""
    if not analyses:
        raise ValueError("compare needs at least the focus article")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    names = unique_names([a.name for a in analyses])
    docs = [a.document for a in analyses]
    articles = pd.DataFrame({"article": names, "focus": [k == 0 for k in range(len(names))],
                             "words": [d.words for d in docs],
                             "paragraphs": [len(d.paragraphs) for d in docs]})
    arcs = profile.aligned_arcs(names, analyses)
    prof = profile.profile(names, analyses, arcs)
    timings["profile_arcs"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    word_table = words.distinguishing(names, docs, options.words)
    timings["words"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    alignment = align.align(names, [align.paragraph_words(d) for d in docs], options.align)
    coverage = align.coverage(alignment, len(docs[0].paragraphs), len(docs) - 1)
    timings["alignment"] = time.perf_counter() - t2
    n_tokens = sum(d.words for d in docs)
    meta = {"compare_version": COMPARE_VERSION, "threshold": options.align.threshold,
            "ngram": list(options.align.ngram),
            "alpha0": options.words.alpha0 or max(n_tokens / len(docs), 1.0),
            "focus": names[0], "articles": names, "seconds": timings,
            "sha256": [a.meta.get("sha256") for a in analyses]}
    return Comparison(articles, prof, arcs, word_table, alignment, coverage, list(analyses), meta)


__all__ = ["COMPARE_VERSION", "METHOD_NOTE", "THRESHOLD", "AlignOptions", "CompareOptions",
           "Comparison", "WordOptions", "compare", "contexts", "log_odds", "unique_names"]
