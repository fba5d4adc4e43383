"""Designations from ranks: Terbaik I, II, III, the national round, ties, no score."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paritrana_desktop.domain.designation import (
    Designation,
    DesignationSettings,
    designate,
    designation_for,
    roman,
    rule_text,
)


def _names(ranked: list[tuple[str, int | None]], **settings: int) -> dict[str, str]:
    found = designate(ranked, DesignationSettings(**settings))
    return {pid: (d.text().id if d else "") for pid, d in found.items()}


def test_the_default_names_three_and_sends_one_on() -> None:
    ranked = [("A", 1), ("B", 2), ("C", 3), ("D", 4), ("E", None)]
    assert _names(ranked) == {
        "A": "Terbaik I, lanjut ke tingkat nasional",
        "B": "Terbaik II",
        "C": "Terbaik III",
        "D": "",
        "E": "",
    }


def test_a_tie_shares_the_designation_and_skips_the_next() -> None:
    ranked = [("A", 1), ("B", 2), ("C", 2), ("D", 4)]
    assert _names(ranked) == {
        "A": "Terbaik I, lanjut ke tingkat nasional",
        "B": "Terbaik II",
        "C": "Terbaik II",
        "D": "",
    }


def test_a_tie_at_the_cut_names_all_tied() -> None:
    assert _names([("A", 1), ("B", 1), ("C", 3), ("D", 3)]) == {
        "A": "Terbaik I, lanjut ke tingkat nasional",
        "B": "Terbaik I, lanjut ke tingkat nasional",
        "C": "Terbaik III",
        "D": "Terbaik III",
    }


def test_settings_change_how_many_are_named() -> None:
    ranked = [("A", 1), ("B", 2), ("C", 3)]
    assert _names(ranked, winners=1, national=2) == {
        "A": "Terbaik I, lanjut ke tingkat nasional",
        "B": "lanjut ke tingkat nasional",
        "C": "",
    }
    assert _names(ranked, winners=0, national=0) == {"A": "", "B": "", "C": ""}


def test_english_text() -> None:
    d = designation_for(1)
    assert d == Designation(1, True)
    assert d.text().en == "Best I, goes on to the national round"


def test_ranks_that_are_not_a_ranking_are_a_bug() -> None:
    with pytest.raises(ValueError):
        designate([("A", 1), ("B", 3)])
    with pytest.raises(ValueError):
        designate([("A", 0)])
    with pytest.raises(ValueError):
        designate([("A", 1), ("A", 2)])
    with pytest.raises(ValueError):
        DesignationSettings(winners=-1)


def test_roman_numerals() -> None:
    assert [roman(n) for n in (1, 2, 3, 4, 5, 9, 10, 14, 40, 1999)] == [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "IX",
        "X",
        "XIV",
        "XL",
        "MCMXCIX",
    ]
    with pytest.raises(ValueError):
        roman(0)


def test_the_rule_is_stated_in_both_languages() -> None:
    rule = rule_text()
    assert "Terbaik I sampai Terbaik III" in rule.id
    assert "lanjut ke tingkat nasional" in rule.id
    assert "berbagi peringkat" in rule.id
    assert "Best I to Best III" in rule.en
    assert "share the rank" in rule.en
    assert "peringkat 1 sampai 2" in rule_text(DesignationSettings(national=2)).id
    assert "Terbaik I sampai" not in rule_text(DesignationSettings(winners=1)).id


@given(
    st.lists(st.integers(min_value=0, max_value=20), min_size=1, max_size=12),
    st.integers(0, 5),
    st.integers(0, 5),
)
def test_equal_scores_always_share_a_designation(
    scores: list[int], winners: int, national: int
) -> None:
    ordered = sorted(scores, reverse=True)
    ranked = [(f"P{i}", ordered.index(s) + 1) for i, s in enumerate(ordered)]
    found = designate(ranked, DesignationSettings(winners=winners, national=national))
    by_score: dict[int, set[Designation | None]] = {}
    for (pid, _), s in zip(ranked, ordered, strict=True):
        by_score.setdefault(s, set()).add(found[pid])
    assert all(len(d) == 1 for d in by_score.values())
    goes_on = [pid for pid, d in found.items() if d and d.national]
    assert (len(goes_on) >= min(national, len(ranked))) if national else not goes_on
