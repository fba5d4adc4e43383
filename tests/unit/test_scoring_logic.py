"""The scoring dialog's rules that need no widget: typed ratings, undo steps, the stopwatch."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paritrana_desktop.domain.errors import ValidationError
from paritrana_desktop.domain.event import Scale
from paritrana_desktop.domain.scorecard import Action, Change, apply_change, new_scorecard
from paritrana_desktop.window_state.scoring_logic import (
    ChangeHistory,
    Stopwatch,
    fill,
    format_duration,
    inverse_change,
    parse_rating,
    rating_decimals,
    single_keystroke,
    step_decimals,
)
from tests.factories import FIVE_LEVELS, small_event


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("8,5", 8.5),
        ("8.5", 8.5),
        (" 4 ", 4.0),
        ("10", 10.0),
        (",5", 0.5),
        ("7,", 7.0),
        ("-1", -1.0),  # a number: the scale, not the parser, says it is out of range
        ("", None),
        ("   ", None),
    ],
)
def test_a_rating_is_read_with_either_decimal_separator(typed: str, value: float | None) -> None:
    assert parse_rating(typed) == value


@pytest.mark.parametrize("typed", ["delapan", "8,5,0", "1.000,5", "8..5", "4a", "+", "½"])
def test_what_is_not_a_number_is_refused_with_a_sentence(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_rating(typed)
    assert "bukan angka" in caught.value.text("id")
    assert "not a number" in caught.value.text("en")


@given(st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False))
def test_comma_and_point_give_the_same_number(number: object) -> None:
    text = f"{number:f}"
    assert parse_rating(text) == parse_rating(text.replace(".", ",")) == float(text)


def test_decimals_follow_the_scale() -> None:
    assert step_decimals(FIVE_LEVELS) == 0
    assert step_decimals(Scale(0, 10, 0.5)) == 1
    assert step_decimals(Scale(0, 1, 0.25)) == 2
    assert step_decimals(Scale(0.5, 10.5, 1)) == 1
    half = Scale(0, 10, 0.5)
    assert rating_decimals(8.0, half) == 0
    assert rating_decimals(8.5, half) == 1


def test_one_key_is_a_whole_rating_only_on_single_digit_scales() -> None:
    assert single_keystroke(FIVE_LEVELS)
    assert single_keystroke(Scale(0, 9, 1))
    assert not single_keystroke(Scale(0, 10, 1))
    assert not single_keystroke(Scale(0, 5, 0.5))


def test_the_inverse_change_puts_back_what_was_there() -> None:
    event = small_event()
    card = new_scorecard("W01", "J2")
    steps = [
        Change(Action.RATE, "REG", 4.0),
        Change(Action.RATE, "REG", 2.0),
        Change(Action.RATE, "REG", None),
        Change(Action.CRITERION_NOTE, "REG", "Perda ada"),
        Change(Action.GENERAL_NOTE, None, "Baik"),
        Change(Action.RECOMMENDATION, None, "Lanjut"),
        Change(Action.GENERAL_NOTE, None, ""),
    ]
    for change in steps:
        before = card
        after = apply_change(event, before, change, "t")
        inverse = inverse_change(before, change)
        assert inverse is not None
        undone = apply_change(event, after, inverse, "t")
        assert undone.content() == before.content(), change
        card = after


def test_locking_and_conflicts_are_not_undone_by_an_inverse() -> None:
    card = new_scorecard("W01", "J2")
    for action in (
        Action.FINALISE,
        Action.UNLOCK,
        Action.DECLARE_CONFLICT,
        Action.WITHDRAW_CONFLICT,
    ):
        assert inverse_change(card, Change(action, reason="x")) is None


def test_the_history_moves_a_step_only_when_told() -> None:
    history = ChangeHistory()
    assert not history.can_undo and not history.can_redo
    first = Change(Action.RATE, "REG", 4.0)
    second = Change(Action.RATE, "REG", 2.0)
    history.record(first, Change(Action.RATE, "REG", None))
    history.record(second, Change(Action.RATE, "REG", 4.0))
    step = history.next_undo()
    assert step is not None and step.forward == second
    assert history.next_undo() == step  # a failed save leaves it where it was
    history.undone()
    assert history.can_redo
    redo = history.next_redo()
    assert redo is not None and redo.forward == second
    history.record(Change(Action.RATE, "COV", 3.0), Change(Action.RATE, "COV", None))
    assert not history.can_redo  # a new change forgets what was undone
    history.clear()
    assert not history.can_undo


def test_the_stopwatch_counts_only_while_running() -> None:
    now = [100.0]
    watch = Stopwatch(lambda: now[0])
    assert watch.elapsed() == 0 and not watch.started
    watch.start()
    now[0] += 30
    assert watch.elapsed() == 30
    watch.pause()
    now[0] += 500
    assert watch.elapsed() == 30 and watch.started and not watch.running
    watch.start()
    watch.start()  # a second start changes nothing
    now[0] += 5
    assert watch.elapsed() == 35
    watch.reset()
    assert watch.elapsed() == 0 and not watch.started


def test_durations_read_as_a_clock() -> None:
    assert format_duration(0) == "00:00"
    assert format_duration(59.9) == "00:59"
    assert format_duration(45 * 60) == "45:00"
    assert format_duration(3725) == "1:02:05"


def test_place_markers_are_filled_once() -> None:
    assert fill("Tersimpan %1", "14.05") == "Tersimpan 14.05"
    assert fill("%2 dari %1", 5, 3) == "3 dari 5"
    assert fill("%1 dan %2", "%2", "x") == "%2 dan x"
    assert fill("Bobot %1%", "30") == "Bobot 30%"
