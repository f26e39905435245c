"""Saved dictionaries: per owner, reloaded with the same counts, edited with the change counted
and the version moved, refused on a name clash or a bad edit."""

from pathlib import Path

import pytest

import analysis
from analysis import dictionaries as dicts
from analysis.measures import REGISTRY
from analysis.store import Store, StoreError
from analysis.store import dictionaries as saved_dicts

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "dictionaries" / "newsframes.dic"
TEXT = ("The government warned of a crisis as attackers hit the stock market. Markets fell, and "
        "national security officials met. The attack was contained.")


def values(d):
    return analysis.analyze(TEXT, measures=(*REGISTRY, d.measure())).summary_values


@pytest.fixture
def store(tmp_path):
    return Store.open(tmp_path)


def test_saved_and_reloaded_gives_the_same_scores_and_names_the_file(store, tmp_path):
    original = dicts.load(FIXTURE)
    s = saved_dicts.save(store, "ana", original)
    again = Store.open(tmp_path)  # a new process would open it like this
    [reloaded] = saved_dicts.listed(again, "ana")
    assert reloaded.dictionary.sha256 == original.sha256 and reloaded.dictionary.version == original.version
    assert reloaded.dictionary.categories == original.categories
    assert reloaded.dictionary.term_counts() == original.term_counts()
    mine, theirs = values(original), values(reloaded.dictionary)
    assert all(mine[c] == theirs[c] for c in ("newsframes.threat", "newsframes.economy", "newsframes.institution"))
    assert saved_dicts.listed(again, "ben") == []  # another owner sees nothing
    assert s.id == reloaded.id


def test_a_second_dictionary_of_the_same_name_is_refused(store):
    saved_dicts.save(store, "ana", dicts.load(FIXTURE))
    with pytest.raises(StoreError, match="already saved"):
        saved_dicts.save(store, "ana", dicts.load(FIXTURE))
    saved_dicts.save(store, "ben", dicts.load(FIXTURE))  # per owner


def test_editing_terms_counts_the_changes_and_moves_the_version(store):
    s = saved_dicts.save(store, "ana", dicts.load(FIXTURE))
    rows = [(t.term, c, t.weight) for t in s.dictionary.terms for c in t.categories]
    rows = [r for r in rows if r[0] != "government"] + [("parliament", "institution", 1.0),
                                                         ("crisis", "economy", 2.0)]
    rows = [r for r in rows if not (r[0] == "crisis" and r[1] == "economy" and r[2] == 1.0)]
    edited = saved_dicts.edit_terms(store, "ana", s.id, rows)
    assert edited.dictionary.edits == 3  # government removed, parliament added, crisis/economy reweighted
    assert edited.dictionary.version != s.dictionary.version
    assert edited.dictionary.origin_sha256 == s.dictionary.sha256
    assert "edited in Narrative Lens (3 changes" in edited.measure().methods
    v = values(edited.dictionary)
    assert v["newsframes.institution"] == pytest.approx(1 / 23 * 100)  # national security only
    assert v["newsframes.economy"] == pytest.approx(4 / 23 * 100)  # crisis now weighs 2
    assert saved_dicts.edit_terms(store, "ana", s.id, rows).dictionary.edits == 3  # no change, no count


@pytest.mark.parametrize(("row", "message"), [
    (("storm", "weather", 1.0), "'weather' is not a category"),
    (("storm", "threat", "heavy"), "weight 'heavy' is not a number"),
    (("", "threat", 1.0), "an empty term"),
    (("st*orm", "threat", 1.0), "may only end a term"),
])
def test_a_bad_edit_is_refused_and_changes_nothing(store, row, message):
    s = saved_dicts.save(store, "ana", dicts.load(FIXTURE))
    with pytest.raises(StoreError, match=message):
        saved_dicts.edit_terms(store, "ana", s.id, [("crisis", "threat", 1.0), row])
    assert saved_dicts.get(store, "ana", s.id).dictionary.terms == s.dictionary.terms


def test_options_and_removal(store):
    s = saved_dicts.save(store, "ana", dicts.load(FIXTURE))
    on = saved_dicts.set_options(store, "ana", s.id, negation=True, exclude_quoted=True)
    assert on.negation and on.exclude_quoted and "negation-aware" in on.measure().methods
    saved_dicts.remove(store, "ben", s.id)  # not ben's: nothing happens
    assert saved_dicts.listed(store, "ana")
    saved_dicts.remove(store, "ana", s.id)
    assert saved_dicts.listed(store, "ana") == []
    with pytest.raises(StoreError, match="no longer saved"):
        saved_dicts.get(store, "ana", s.id)


def test_the_stamp_moves_with_every_change_of_terms_or_options_and_only_then(store):
    """What a page checks on every run: the same stamp while nothing changed, a new one after an
    edit or an option, and another owner's dictionaries never listed."""
    s = saved_dicts.save(store, "ana", dicts.load(FIXTURE))
    first = saved_dicts.stamps(store, "ana")
    assert [(i, n) for i, n, _ in first] == [(s.id, "newsframes")]
    assert saved_dicts.stamps(store, "ana") == first and saved_dicts.stamps(store, "ben") == []
    rows = [(t.term, c, t.weight) for t in s.dictionary.terms for c in t.categories]
    saved_dicts.edit_terms(store, "ana", s.id, rows)  # no change: the same stamp
    assert saved_dicts.stamps(store, "ana") == first
    saved_dicts.edit_terms(store, "ana", s.id, [*rows, ("parliament", "institution", 1.0)])
    edited = saved_dicts.stamps(store, "ana")
    assert edited[0][2] != first[0][2]
    saved_dicts.set_options(store, "ana", s.id, negation=True, exclude_quoted=False)
    negated = saved_dicts.stamps(store, "ana")
    assert len({first[0][2], edited[0][2], negated[0][2]}) == 3
