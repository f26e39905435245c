"""The fast scanner of a lexicon finds exactly what its documented pattern finds."""

import re
import string

import pytest

from analysis import lexicon as lx
from analysis.sourcing import attribution

ALNUM = string.ascii_lowercase + string.digits
TRICKY = (
    "K k \u212aill ſome \u0130t ıt SOME Some some, u.s. U.S.-led x-war war- -war x'war ’war war’s "
    "Threat THREAT tHrEaT may May MAY 'may' “may” (may) may-be maybe panic-buying "
    "the crisis’ threat\u00a0of  war\nof war\tof war said: says, claimed; according  to "
)


def test_case_forms_are_every_character_ignorecase_matches():
    """Checked against every code point: which characters match an ASCII letter or digit
    under re.IGNORECASE."""
    any_alnum = re.compile("[a-z0-9]", re.IGNORECASE)
    found: dict[str, set[str]] = {ch: set() for ch in ALNUM}
    for code in range(0x110000):
        c = chr(code)
        if any_alnum.fullmatch(c):
            for ch in ALNUM:
                if re.fullmatch(ch, c, re.IGNORECASE):
                    found[ch].add(c)
    assert {ch: sorted(v) for ch, v in found.items()} == {ch: lx.case_forms(ch) for ch in ALNUM}
    assert lx.case_forms("k") == ["K", "k", "\u212a"]


def lexicons():
    return [lx.load(name) for name in sorted(lx.manifest())] + [attribution._verb_lexicon()]


@pytest.mark.parametrize("lexicon", lexicons(), ids=lambda lex: f"{lex.name}-{len(lex.entries)}")
def test_scanner_matches_the_pattern(lexicon, bundled_text):
    assert lexicon._scanner is not lexicon.pattern  # the fast form is in use
    terms = " ".join(e.term.replace("*", "ing") for e in lexicon.entries)
    texts = [bundled_text, TRICKY, terms, terms.upper(), terms.title(), terms.replace(" ", "\u00a0"),
             " ".join(e.term.replace("*", "").upper() + "x" for e in lexicon.entries)]  # no match
    counts = []
    for text in texts:
        expected = [(m.start(), m.end()) for m in lexicon.pattern.finditer(text)]
        assert [(m.start(), m.end()) for m in lexicon._scanner.finditer(text)] == expected
        counts.append(len(expected))
    assert min(counts[2:6]) >= len(lexicon.entries) // 2  # the terms themselves are found


def test_a_lexicon_with_a_term_not_starting_with_a_letter_keeps_the_pattern():
    odd = lx.Lexicon("odd", "1", (lx.Entry("’tis", "x", 1.0), lx.Entry("war", "x", 1.0)))
    assert odd._scanner is odd.pattern
    assert [m.entry.term for m in odd.finditer("’Tis war")] == ["’tis", "war"]
