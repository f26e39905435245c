"""Word-by-word matching for large dictionaries.

The shipped lexicons are matched by one regular expression (a few hundred terms, punctuation
inside terms). A researcher's dictionary may hold tens of thousands of terms; one expression
for them all is slow to build and to run, so these are matched on the paragraph's word tokens
instead: a dictionary look-up per word for exact terms, one per possible stem length for
wildcards, and the multi-word entries that start with the word, longest first. Offsets are
the tokens' own, so every match slices the original text.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from analysis.lexicon import Entry, Lexicon, Match
from analysis.text import tokens


@dataclass(frozen=True)
class TokenLexicon(Lexicon):
    """A :class:`Lexicon` matched token by token (same entries, same ``lookup_all``)."""

    @functools.cached_property
    def _stems(self) -> dict[str, tuple[Entry, ...]]:
        return dict(self._prefixes)

    @functools.cached_property
    def _longest_stem(self) -> int:
        return max((len(s) for s in self._stems), default=0)

    @functools.cached_property
    def _phrases(self) -> dict[str, list[tuple[tuple[str, ...], tuple[Entry, ...]]]]:
        """Multi-word entries (a hyphen counts as a word break, as the tokens split there) by
        their first word; a first word with a wildcard is filed under its stem."""
        grouped: dict[tuple[str, ...], tuple[Entry, ...]] = {}
        for e in self.entries:
            words = tuple(phrase_words(e.term))
            if len(words) > 1:
                grouped[words] = (*grouped.get(words, ()), e)
        out: dict[str, list[tuple[tuple[str, ...], tuple[Entry, ...]]]] = {}
        for words, entries in grouped.items():
            out.setdefault(words[0], []).append((words, entries))
        return out

    @functools.cached_property
    def _wild_first(self) -> list[str]:
        return [k for k in self._phrases if k.endswith("*")]

    def _word(self, word: str) -> tuple[Entry, ...]:
        """The entries of one word: exact, else the longest wildcard stem it starts with."""
        found = self._exact_all.get(word)
        if found is not None:
            return found
        for k in range(min(len(word), self._longest_stem), 0, -1):
            stem = self._stems.get(word[:k])
            if stem is not None:
                return stem
        return ()

    def _phrase_at(self, toks: Sequence[tuple[int, int, str]], i: int) -> tuple[int, tuple[Entry, ...]] | None:
        """The longest multi-word entry starting at token ``i``, as (words, entries)."""
        word = toks[i][2]
        options = list(self._phrases.get(word, ()))
        for key in self._wild_first:
            if word.startswith(key[:-1]):
                options += self._phrases[key]
        best: tuple[int, tuple[Entry, ...]] | None = None
        for words, entries in options:
            n = len(words)
            if (best is None or n > best[0]) and n <= len(toks) - i and all(
                    _fits(toks[i + j][2], w) for j, w in enumerate(words)):
                best = (n, entries)
        return best

    def finditer(self, text: str, toks: Sequence[tuple[int, int, str]] | None = None) -> Iterator[Match]:
        """Matches word by word; ``toks``: the tokens of ``text`` when the caller has them."""
        toks = tokens(text) if toks is None else toks
        phrases = bool(self._phrases)
        i = 0
        while i < len(toks):
            phrase = self._phrase_at(toks, i) if phrases else None
            if phrase is not None:
                n, entries = phrase
                yield Match(toks[i][0], toks[i + n - 1][1], entries[0], entries)
                i += n
                continue
            start, end, word = toks[i]
            found = self._word(word)
            if found:
                yield Match(start, end, found[0], found)
            i += 1


def phrase_words(term: str) -> list[str]:
    """A term's words as the tokens will hold them: split at spaces and hyphens."""
    return [w for w in term.replace("-", " ").split(" ") if w]


def _fits(token: str, pattern: str) -> bool:
    return token.startswith(pattern[:-1]) if pattern.endswith("*") else token == pattern
