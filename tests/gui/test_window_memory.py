"""Every window remembers its size, place and splitters, and never comes back off-screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from paritrana_desktop.ui.main_window import MainWindow
from paritrana_desktop.ui.merge_dialog import MergeDialog
from paritrana_desktop.ui.scoring_dialog import ScoringDialog
from paritrana_desktop.ui.settings import MERGE_GEOMETRY, WINDOW_GEOMETRY
from paritrana_desktop.ui.window_memory import keep_on_screen


def inside_screen(widget: QWidget) -> bool:
    screen = widget.screen()
    assert screen is not None
    return screen.availableGeometry().contains(widget.frameGeometry())


def test_a_geometry_saved_on_a_bigger_screen_is_brought_onto_this_one(
    qtbot: Any, settings: Any, clock: Any
) -> None:
    first = MainWindow(settings, clock=clock)
    qtbot.addWidget(first)
    available = first.screen().availableGeometry()
    huge = QRect(available.x() + 900, available.y() + 700, 2600, 1500)
    first.setGeometry(huge)
    settings.set(WINDOW_GEOMETRY, bytes(first.saveGeometry().data()))
    first.close()

    again = MainWindow(settings, clock=clock)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    # (the offscreen test screen is 800 pixels wide, narrower than the schedule's filter row:
    # the full check of every window at 1600x900 and 150 % is test_windows_fit_xvfb.py)
    assert again.height() < available.height()
    qtbot.waitUntil(lambda: available.contains(again.frameGeometry().topLeft()))


def test_a_merge_window_saved_larger_than_the_screen_fits_it(qtbot: Any, settings: Any) -> None:
    first = MergeDialog(settings=settings)
    qtbot.addWidget(first)
    available = first.screen().availableGeometry()
    first.setGeometry(QRect(available.x() + 500, available.y() + 400, 2600, 1500))
    settings.set(MERGE_GEOMETRY, bytes(first.saveGeometry().data()))

    again = MergeDialog(settings=settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: inside_screen(again))


def test_the_merge_window_keeps_its_splitter_and_fits_the_screen(qtbot: Any, settings: Any) -> None:
    dialog = MergeDialog(settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert inside_screen(dialog)
    total = sum(dialog.splitter.sizes())
    dialog.splitter.setSizes([total // 4, total - total // 4])
    wanted = dialog.splitter.sizes()
    dialog.reject()  # closing remembers the window

    assert settings.get(MERGE_GEOMETRY)
    again = MergeDialog(settings=settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.splitter.sizes() == wanted
    assert inside_screen(again)


def test_the_scoring_window_is_remembered_from_one_interview_to_the_next(
    qtbot: Any, settings: Any, panel_file: Any
) -> None:
    interview = panel_file.event.interviews[0].id
    dialog = ScoringDialog(panel_file, interview, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(700, 480)
    size = dialog.size()
    dialog.accept()

    again = ScoringDialog(panel_file, interview, settings=settings)
    qtbot.addWidget(again)
    assert again.size() == size


def test_a_window_pushed_off_the_screen_is_moved_back(qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    available = widget.screen().availableGeometry()
    widget.setGeometry(available.right() - 50, available.bottom() - 50, 400, 300)
    keep_on_screen(widget)
    qtbot.waitUntil(lambda: inside_screen(widget))
