"""Pieces of text the claim alignment compares (analysis/compare/units.py)."""

from __future__ import annotations

import pytest

from analysis.compare.lemma import lemma
from analysis.compare.units import clauses, paragraph_pieces
from analysis.text import paragraph


def _parts(text: str) -> list[str]:
    return [text[a:b] for a, b in clauses(text)]


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Kestrel Systems, the Eindhoven chip company, said on Tuesday that a rival had used 3,100 fake accounts.",
     "Kestrel Systems, the Eindhoven chip company, said on Tuesday that ", "a rival had used"),
    ("Kestrel claimed fake accounts were used to query its cloud service, and the traffic was traced to "
     "servers rented by a Lanxin subsidiary.", "Kestrel claimed fake accounts", "and the traffic"),
    ("Bosses say crooks bombarded its cloud service with questions - then used the answers to knock off a copy.",
     "Bosses say crooks", "then used the answers"),
    ("The dispute has one clear cause; the export rules tightened five weeks ago.", "The dispute", "the export"),
])
def test_a_sentence_joining_two_statements_is_cut_at_the_joint(text, first, second):
    parts = _parts(text)
    assert len(parts) == 2 and parts[0].startswith(first) and parts[1].startswith(second)
    assert "".join(parts) == text


@pytest.mark.parametrize("text", ["Lanxin rejected the accusation.", "Shares fell, and that was that.",
                                  "It is reported that prices rose sharply overnight."])
def test_a_short_piece_stays_with_its_neighbour(text):
    assert _parts(text) == [text]


def test_pieces_carry_lemmas_figures_names_and_the_words_as_written():
    par = paragraph('Lanxin rejected the accusation. Its shares fell 7.4% on Wednesday, while Kestrel gained '
                    '2.1% in Amsterdam.')
    pieces = paragraph_pieces(par)
    assert [(p.sentence, p.clause) for p in pieces] == [(1, 0), (2, 0), (2, 1), (2, 2)]
    second = pieces[1]
    assert lemma("shares") in second.words and "7" not in second.words  # numbers are figures, not digits
    assert [f[0] for f in second.figures] == ["7.4%", "2.1%"]
    assert {"kestrel", "amsterdam"} <= second.names
    assert second.forms[lemma("fell")] == "fell"
    assert pieces[3].text.startswith("while Kestrel")
