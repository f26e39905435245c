"""The fast scanner of a lexicon finds exactly what its documented pattern finds, and so does
the token path (a paragraph's tokens given)."""

import pickle
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import lexicon as lx
from analysis.sourcing import attribution
from analysis.text import tokens

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


def _spans(matches):
    return [(m.start, m.end, m.entries) for m in matches]


@pytest.mark.parametrize("lexicon", lexicons(), ids=lambda lex: f"{lex.name}-{len(lex.entries)}")
def test_the_token_path_finds_what_the_scan_finds(lexicon, bundled_text):
    """Given the text's tokens, a lexicon tries its terms only where a word can begin one of
    them: the matches are the same, on the terms themselves in every case, on look-alike
    letters (Kelvin sign, long s, dotted and dotless i) and on an article."""
    assert lexicon._first_words is not None  # every shipped lexicon takes the token path
    terms = " ".join(e.term.replace("*", "ing") for e in lexicon.entries)
    texts = [bundled_text, TRICKY, terms, terms.upper(), terms.title(), terms.replace(" ", "\u00a0"),
             terms.replace("s", "ſ").replace("k", "\u212a"), terms.replace("-", " - ").replace("'", "’")]
    for text in texts:
        expected = _spans(lexicon.finditer(text))
        assert _spans(lexicon.finditer(text, tokens(text))) == expected
    assert len(_spans(lexicon.finditer(terms, tokens(terms)))) >= len(lexicon.entries) // 2


WORDS = ["war", "war-torn", "up to", "up", "u.s.", "alarm*", "al*", "o'", "don't", "kind of", "threat*",
         "so-called", "may", "may be", "x-ray", "9/11", "k"]
texts_st = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(["War", "UP", "U.S.", "alarming", "ALARMED",
                                                                        "o’", "Don’t", "ſo", "\u212a", "İt", "ı"]),
                              st.text(alphabet="ab -'’.\n\u2010*", max_size=4)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(parts=texts_st, glue=st.sampled_from([" ", "", "-", "'", "’", ", ", "\n"]))
def test_the_token_path_equals_the_scan_on_any_text(parts, glue):
    lexicon = lx.Lexicon("t", "1", tuple(lx.Entry(w, "c", 1.0) for w in WORDS))
    text = glue.join(parts)
    assert _spans(lexicon.finditer(text, tokens(text))) == _spans(lexicon.finditer(text))


def test_a_lexicon_with_a_term_that_is_not_ascii_is_scanned_whole():
    odd = lx.Lexicon("odd", "1", (lx.Entry("café", "x", 1.0), lx.Entry("war", "x", 1.0)))
    assert odd._first_words is None
    text = "Café war"
    assert [m.entry.term for m in odd.finditer(text, tokens(text))] == ["café", "war"]


def test_a_pickled_lexicon_leaves_its_word_cache_behind():
    lexicon = lx.Lexicon("t", "1", tuple(lx.Entry(w, "c", 1.0) for w in WORDS))
    text = "War, war-torn lands and alarming news up to now."
    found = _spans(lexicon.finditer(text, tokens(text)))
    assert lexicon._starters  # filled as words were met
    again = pickle.loads(pickle.dumps(lexicon))
    assert "_starters" not in vars(again) and again == lexicon
    assert _spans(again.finditer(text, tokens(text))) == found
