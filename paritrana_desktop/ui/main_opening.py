"""Opening files in the main window: an event file (asking who you are, once), a panel file,
the demo; closing the open one; remembering it for the next start."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..domain.errors import UserError
from ..domain.event import Event
from ..window_state.messages import file_label
from ..workflows import session
from ..workflows.files import (
    EVENT_EXTENSION,
    PANEL_EXTENSION,
    FileKind,
    PanelFile,
    read_event_file,
)
from . import paths
from .card_state_view import state_key
from .errors import show_user_error
from .judge_dialog import JudgeChooser
from .settings import FILTER_CATEGORY, FILTER_DAY, FILTER_STATUS, OPEN_FOLDER, SCHEDULE_HEADER

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def open_panel_at(path: Path) -> PanelFile:
    """A panel file by its path: writable in the data folder's panels folder, where the judge's
    live files are; read-only anywhere else (a copy for the chair on a USB stick, say), so that
    scores typed there cannot diverge from the judge's own file."""
    read_only = not session.in_folder(path, paths.panels_dir())
    return PanelFile.open(path, read_only=read_only)


def same_file(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def choose_and_open(window: MainWindow) -> None:
    start = window.settings.get(OPEN_FOLDER) or str(Path.home())
    filters = ";;".join(
        (
            translate("MainWindow", "Paritrana files (*{event} *{panel})").format(
                event=EVENT_EXTENSION, panel=PANEL_EXTENSION
            ),
            translate("MainWindow", "Event files (*{event})").format(event=EVENT_EXTENSION),
            translate("MainWindow", "Panel files (*{panel})").format(panel=PANEL_EXTENSION),
            translate("MainWindow", "All files (*)"),
        )
    )
    chosen, _filter = QFileDialog.getOpenFileName(
        window, translate("MainWindow", "Open an event file or a panel file"), start, filters
    )
    if not chosen:
        return
    window.settings.set(OPEN_FOLDER, str(Path(chosen).parent))
    window.open_path(Path(chosen))


def open_path(window: MainWindow, path: Path, *, judge_id: str | None = None) -> bool:
    """Open an event file (asking who you are, once) or a panel file. False on failure."""
    path = Path(path)
    if window.panel is not None and same_file(window.panel.path, path):
        window.raise_()
        return True
    try:
        kind = session.check_openable(path)
        if kind is FileKind.EVENT:
            event = read_event_file(path)
            window.open_event(event, judge_id=judge_id)
            return True
        return window._replace_panel(lambda: open_panel_at(path))
    except UserError as error:
        log.info("could not open %s: %s", path, error.text("en"))
        show_user_error(
            window,
            error,
            translate("MainWindow", "{name} was not opened.").format(name=file_label(path)),
        )
        return False


def open_demo(window: MainWindow, *, judge_id: str | None = None) -> None:
    from ..workflows.demo import demo_event

    try:
        event = demo_event()
    except UserError as error:
        show_user_error(window, error)
        return
    window.open_event(event, judge_id=judge_id)


def open_event(
    window: MainWindow, event: Event, *, judge_id: str | None = None, ask: bool = False
) -> None:
    """Open the judge's panel file for ``event``; asks who you are the first time."""
    known = None if ask else window.settings.panel_for_event(event.fingerprint())
    if judge_id is None and known is not None and known.exists():
        if window.panel is not None and same_file(window.panel.path, known):
            return
        if window._replace_panel(lambda: open_panel_at(known)):
            return
        return
    if judge_id is not None:
        open_as(window, event, judge_id)
        return
    chooser = JudgeChooser(event, window)
    chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if window.panel is None:
        window.header.show_event(event)
    chooser.accepted.connect(lambda: judge_chosen(window, chooser, event))
    chooser.rejected.connect(lambda: judge_not_chosen(window))
    chooser.destroyed.connect(lambda *_: setattr(window, "judge_chooser", None))
    window.judge_chooser = chooser
    chooser.open()


def switch_judge(window: MainWindow) -> None:
    if window.panel is None:
        return
    window.open_event(window.panel.event, ask=True)


def judge_not_chosen(window: MainWindow) -> None:
    if window.panel is None:
        window.header.clear()


def judge_chosen(window: MainWindow, chooser: JudgeChooser, event: Event) -> None:
    judge_id = chooser.selected_judge_id()
    if judge_id is not None:
        open_as(window, event, judge_id)


def open_as(window: MainWindow, event: Event, judge_id: str) -> None:
    folder = paths.panels_dir()
    earlier: list[Path] = []

    def opener() -> PanelFile:
        # asked once the open file is closed, which may be that earlier one
        found = session.earlier_version(event, judge_id, folder)
        earlier.extend([found] if found is not None else [])
        return session.open_or_create_panel(event, judge_id, folder)

    if window._replace_panel(opener):
        window._opened_event = event.fingerprint()  # remembered with the recent files
        if earlier and window.panel is not None and window.panel.path != earlier[0]:
            QMessageBox.information(
                window,
                translate("MainWindow", "A new version of the event"),
                translate(
                    "MainWindow",
                    "This event file differs from the one you scored before (the "
                    "secretariat changed the rubric or the schedule), so you have a new "
                    "panel file for it:\n{new}\n\nYour earlier scores are kept, unchanged, "
                    "in:\n{old}\n\nAsk the secretariat which version counts.",
                ).format(new=window.panel.path, old=earlier[0]),
            )


def replace_panel(window: MainWindow, opener: Callable[[], PanelFile]) -> bool:
    """Close the open panel file, open another; on failure reopen the first one."""
    previous = window.panel.path if window.panel is not None else None
    window._close_panel()
    try:
        panel = opener()
    except UserError as error:
        show_user_error(window, error, translate("MainWindow", "The file was not opened."))
        if previous is not None:
            try:
                window.set_panel(open_panel_at(previous))
            except UserError as again:
                show_user_error(window, again)
        return False
    window.set_panel(panel)
    return True


def remember_opened(window: MainWindow) -> None:
    """The open file becomes the first recent file (reopened at the next start), and the
    event it was made from remembers it (no second "who are you")."""
    window._remember_timer.stop()
    if window.panel is None:
        return
    if window.panel.read_only:  # a copy: the next start opens the judge's own file, not it
        window._opened_event = None
        return
    window.settings.add_recent_file(window.panel.path)
    if window._opened_event is not None:
        window.settings.remember_panel_for_event(window._opened_event, window.panel.path)
        window._opened_event = None
    window.settings.sync()


def close_panel(window: MainWindow) -> None:
    if window._remember_timer.isActive():
        window._remember_opened()
    if window.scoring_dialog is not None:
        window.scoring_dialog.close()
        window.scoring_dialog = None
    if window.panel is not None:
        window._save_view_state()
        panel = window.panel
        window.panel = None
        window.model.set_panel(None)
        panel.close()
        window._show_no_panel()


def restore_table_header(window: MainWindow) -> None:
    state = window.settings.get(SCHEDULE_HEADER)
    header = window.table.horizontalHeader()
    if state and header.restoreState(state):
        window.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())


def restore_filters(window: MainWindow) -> None:
    window._restoring_filters = True
    try:
        window.filters.select(
            day=window.settings.get(FILTER_DAY),
            category=window.settings.get(FILTER_CATEGORY),
            status=window.settings.get(FILTER_STATUS),
        )  # the search text is not restored: a stale one would seem to hide interviews
        window._filter_changed()
    finally:
        window._restoring_filters = False


def save_filters(window: MainWindow) -> None:
    day = window.filters.selected_day()
    window.settings.set(FILTER_DAY, day.isoformat() if day else "")
    window.settings.set(FILTER_CATEGORY, window.filters.selected_category())
    status = window.filters.selected_status()
    window.settings.set(FILTER_STATUS, state_key(status) if status is not None else "")
