"""The windows' Qt-free rules: the merge window's buttons, the main window's actions, and the
geometry that keeps every window on its screen."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paritrana_desktop.window_state.geometry import Box, Frame, fit_on_screen, largest_size
from paritrana_desktop.window_state.main_state import MainAction, MainState
from paritrana_desktop.window_state.merge_state import MergeState, MergeTask, PlanFacts

PACKAGE = Path(__file__).resolve().parents[2] / "paritrana_desktop" / "window_state"
READY = PlanFacts(has_plan=True, can_write=True, can_write_skipping=True, has_output=True)


# --- the merge window -----------------------------------------------------------------------
def test_merge_is_on_only_with_a_writable_plan_and_an_output() -> None:
    state = MergeState()
    assert not state.buttons(PlanFacts()).merge_enabled
    assert not state.buttons(PlanFacts(has_plan=True, can_write=True)).merge_enabled
    assert state.buttons(READY).merge_enabled
    blocked = PlanFacts(has_plan=True, can_write=False, has_output=True)
    assert not state.buttons(blocked).merge_enabled


def test_work_running_turns_the_inputs_off_and_shows_cancel() -> None:
    state = MergeState()
    state.start(MergeTask.INSPECT)
    buttons = state.buttons(READY)
    assert buttons.busy_visible and not buttons.inputs_enabled and not buttons.merge_enabled
    assert not state.finish()  # checking files writes no workbook
    after = state.buttons(READY)
    assert after.inputs_enabled and after.merge_enabled and not after.busy_visible


def test_after_writing_merge_is_off_until_something_changes() -> None:
    state = MergeState()
    state.start(MergeTask.WRITE)
    state.wrote(Path("/tmp/REKAP.xlsx"))
    assert state.finish()  # the workbook was written just now
    buttons = state.buttons(READY)
    assert not buttons.merge_enabled and buttons.open_visible and buttons.open_enabled
    state.output_typed()
    assert state.buttons(READY).merge_enabled
    state.wrote(Path("/tmp/REKAP.xlsx"))
    state.plan_changed()
    assert state.buttons(READY).merge_enabled
    assert state.buttons(READY).open_visible  # the written workbook can still be opened


def test_refused_files_show_the_skip_button_and_take_the_focus() -> None:
    state = MergeState()
    refused = PlanFacts(
        has_plan=True, refused=True, can_write=False, can_write_skipping=True, has_output=True
    )
    buttons = state.buttons(refused)
    assert buttons.skip_visible and buttons.skip_enabled and not buttons.merge_enabled
    assert buttons.skip_takes_focus
    state.start(MergeTask.INSPECT)
    assert not state.buttons(refused).skip_enabled
    assert not state.buttons(refused).skip_takes_focus
    assert not MergeState().buttons(READY).skip_visible


def test_remove_needs_a_selection_and_no_work_running() -> None:
    state = MergeState()
    assert not state.buttons(READY).remove_enabled
    selected = PlanFacts(has_plan=True, selected=True)
    assert state.buttons(selected).remove_enabled
    state.start(MergeTask.WRITE)
    assert not state.buttons(selected).remove_enabled


def test_replacing_a_workbook_is_asked_once_unless_the_file_dialog_asked() -> None:
    state = MergeState()
    path = Path("/tmp/REKAP.xlsx")
    assert state.must_ask_to_replace(path, exists=True)
    assert not state.must_ask_to_replace(path, exists=False)
    state.output_picked(path, exists=True)  # the file dialog asked
    assert not state.must_ask_to_replace(path, exists=True)
    state.output_typed()
    assert state.must_ask_to_replace(path, exists=True)


def test_only_a_failed_write_is_said_as_not_written() -> None:
    state = MergeState()
    state.start(MergeTask.INSPECT)
    assert not state.failure_is_about_writing()
    state.finish()
    state.start(MergeTask.WRITE)
    assert state.failure_is_about_writing()


# --- the main window -----------------------------------------------------------------------
def test_without_a_file_only_the_file_free_actions_are_on() -> None:
    assert not any(MainState().enabled().values())
    assert set(MainState().enabled()) == set(MainAction)


def test_an_own_panel_file_turns_every_schedule_action_on_but_the_copy_ones() -> None:
    enabled = MainState(panel_open=True).enabled()
    off = {a for a, on in enabled.items() if not on}
    assert off == {MainAction.OPEN_OWN, MainAction.CONTINUE_FROM_COPY}


@pytest.mark.parametrize(
    ("own", "open_own", "take_over"), [(True, True, False), (False, False, True)]
)
def test_a_read_only_copy_offers_one_way_on(own: bool, open_own: bool, take_over: bool) -> None:
    enabled = MainState(panel_open=True, read_only=True, own_panel_found=own).enabled()
    assert enabled[MainAction.OPEN_OWN] is open_own
    assert enabled[MainAction.CONTINUE_FROM_COPY] is take_over


def test_export_is_off_while_the_copy_for_the_chair_is_written() -> None:
    enabled = MainState(panel_open=True, exporting=True).enabled()
    assert not enabled[MainAction.EXPORT] and enabled[MainAction.SCORE]


# --- the geometry ---------------------------------------------------------------------------
SCREEN_150 = Box(0, 0, 1066, 600)  # 1600x900 at 150 %, in logical pixels


def test_the_main_window_of_1920x1080_is_shrunk_to_the_screen() -> None:
    frame = Frame(8, 34, 8, 8)
    fitted = fit_on_screen(Box(0, 0, 1919, 1078), SCREEN_150, frame)
    assert fitted == Box(8, 34, 1050, 558)


def test_a_window_that_fits_is_left_alone() -> None:
    window = Box(100, 80, 640, 420)
    assert fit_on_screen(window, SCREEN_150, Frame(8, 34, 8, 8)) == window


def test_a_window_off_to_the_right_of_a_second_screen_comes_back() -> None:
    second = Box(1920, 0, 1280, 1000)
    assert fit_on_screen(Box(3100, 900, 400, 300), second) == Box(2800, 700, 400, 300)


def test_the_default_size_is_at_most_the_screen() -> None:
    assert largest_size(1280, 720, SCREEN_150) == Box(0, 0, 1066, 600)
    assert largest_size(640, 420, SCREEN_150) == Box(0, 0, 640, 420)


boxes = st.builds(
    Box,
    st.integers(-3000, 3000),
    st.integers(-3000, 3000),
    st.integers(1, 4000),
    st.integers(1, 3000),
)
frames = st.builds(
    Frame, st.integers(0, 20), st.integers(0, 50), st.integers(0, 20), st.integers(0, 20)
)


@given(
    boxes,
    st.builds(
        Box,
        st.integers(-2000, 2000),
        st.integers(-500, 500),
        st.integers(300, 4000),
        st.integers(300, 3000),
    ),
    frames,
)
def test_the_frame_always_lies_inside_the_screen(window: Box, screen: Box, frame: Frame) -> None:
    fitted = fit_on_screen(window, screen, frame)
    assert fitted.x - frame.left >= screen.x
    assert fitted.y - frame.top >= screen.y
    assert fitted.x + fitted.width + frame.right <= screen.x + screen.width
    assert fitted.y + fitted.height + frame.bottom <= screen.y + screen.height
    assert fitted.width <= window.width and fitted.height <= window.height


def test_the_window_state_package_imports_no_qt() -> None:
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(n.startswith(("PySide6", "shiboken6")) for n in names), path
