"""A judge's total: sum(weight x rating) / sum(weight), and the same as a percentage."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paritrana_desktop.domain.event import Category, Criterion, Event, Scale
from paritrana_desktop.domain.scorecard import (
    Action,
    Change,
    Scorecard,
    apply_change,
    new_scorecard,
)
from paritrana_desktop.domain.scoring import weighted_total
from tests.factories import small_event

EVENT = small_event()  # PEMKAB: REG 30, COV 40, WAW 30 on 1..5
PEMKAB = EVENT.category("PEMKAB")


def _card(ratings: dict[str, float], event: Event = EVENT) -> Scorecard:
    card = new_scorecard("W01", "J2")
    for code, value in ratings.items():
        card = apply_change(event, card, Change(Action.RATE, code, value), "t")
    return card


def test_the_weighted_mean_of_a_complete_card() -> None:
    total = weighted_total(PEMKAB, _card({"REG": 4, "COV": 3, "WAW": 5}))
    assert total is not None and total.complete
    assert total.value == pytest.approx((30 * 4 + 40 * 3 + 30 * 5) / 100)  # 3.9
    assert total.percent == pytest.approx(3.9 / 5 * 100)  # 78 %


def test_equal_ratings_give_that_rating_and_extremes_give_0_or_100_percent() -> None:
    top = weighted_total(PEMKAB, _card({"REG": 5, "COV": 5, "WAW": 5}))
    assert top is not None and top.value == pytest.approx(5) and top.percent == pytest.approx(100)
    hundred = small_event(scale=Scale(0, 100, 5))
    zero = weighted_total(
        hundred.category("PEMKAB"), _card({"REG": 0, "COV": 0, "WAW": 0}, hundred)
    )
    assert zero is not None and zero.value == 0 and zero.percent == 0


def test_an_incomplete_card_is_the_mean_over_what_is_rated_and_says_so() -> None:
    total = weighted_total(PEMKAB, _card({"REG": 4, "COV": 2}))
    assert total is not None and not total.complete
    assert total.value == pytest.approx((30 * 4 + 40 * 2) / 70)
    assert total.percent == pytest.approx(total.value / 5 * 100)


def test_nothing_rated_or_a_conflict_gives_no_total() -> None:
    assert weighted_total(PEMKAB, new_scorecard("W01", "J2")) is None
    card = apply_change(
        EVENT,
        _card({"REG": 4, "COV": 3, "WAW": 5}),
        Change(Action.DECLARE_CONFLICT, reason="Kerabat"),
        "t",
    )
    assert weighted_total(PEMKAB, card) is None


def test_ratings_for_criteria_outside_the_rubric_are_ignored() -> None:
    other = Category(
        "X",
        "Lain",
        (Criterion("REG", "Regulasi", "", 50), Criterion("ZZZ", "Z", "", 50)),
        Scale(1, 5, 1),
    )
    total = weighted_total(other, _card({"REG": 4, "COV": 1, "WAW": 1}))
    assert total is not None and total.value == 4 and not total.complete


def test_percent_is_of_the_scale_maximum_on_a_0_to_100_scale() -> None:
    event = small_event(scale=Scale(0, 100, 5))
    total = weighted_total(
        event.category("PEMKAB"), _card({"REG": 80, "COV": 65, "WAW": 90}, event)
    )
    assert total is not None
    assert total.value == pytest.approx((30 * 80 + 40 * 65 + 30 * 90) / 100)
    assert total.percent == pytest.approx(total.value)


@given(
    st.lists(st.integers(1, 5), min_size=3, max_size=3),
)
def test_the_total_lies_between_the_lowest_and_highest_rating(values: list[int]) -> None:
    total = weighted_total(PEMKAB, _card(dict(zip(["REG", "COV", "WAW"], values, strict=True))))
    assert total is not None
    assert min(values) - 1e-9 <= total.value <= max(values) + 1e-9
    expected = sum(w * v for w, v in zip([30, 40, 30], values, strict=True)) / 100
    assert math.isclose(total.value, expected)
