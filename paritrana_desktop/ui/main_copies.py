"""The main window and copies of a panel file: writing the copy for the chair (checked, in the
background), and a copy opened read-only (open my own file instead, or continue from it)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..domain.errors import UserError
from ..window_state.export_check import LeftOut, left_out
from ..workflows import session
from . import paths
from .errors import show_user_error
from .main_opening import open_panel_at
from .scoring_reason import ReasonDialog
from .settings import EXPORT_FOLDER
from .tasks import Task

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def show_read_only_state(window: MainWindow) -> None:
    """The bar and the two ways on when the open file is a copy opened read-only."""
    panel = window.panel
    own = None
    if panel is not None and panel.read_only:
        own = session.own_panel_file(panel.event, panel.judge.id, paths.panels_dir())
        window.header.read_only_bar.show_copy(panel.path, own)
    window.own_panel_path = own
    window._update_actions()


def open_own_panel(window: MainWindow) -> None:
    """Leave the read-only copy for the judge's own panel file in the data folder."""
    if window.panel is None or not window.panel.read_only:
        return
    window._show_read_only_state()
    if window.own_panel_path is None:
        window.statusBar().showMessage(
            translate("MainWindow", "You have no panel file for this event in your data folder."),
            8000,
        )
        return
    window.open_path(window.own_panel_path)


def continue_from_copy(window: MainWindow) -> None:
    """After moving to this laptop: the copy becomes the judge's panel file here (copied
    into the data folder and checked), if they have none for this event yet."""
    copy = window.panel
    if copy is None or not copy.read_only:
        return
    window._show_read_only_state()
    if window.own_panel_path is not None:
        QMessageBox.information(
            window,
            translate("MainWindow", "You already have a panel file"),
            translate(
                "MainWindow",
                "You already have a panel file for this event on this laptop:\n{own}\n\n"
                "Go on scoring in that one (File > Open my own panel file). The copy was "
                "not taken over.",
            ).format(own=window.own_panel_path),
        )
        return
    reason = ReasonDialog.ask(
        window,
        translate("MainWindow", "Continue scoring from this copy?"),
        translate(
            "MainWindow",
            "Do this only if you have moved to this laptop and will score nowhere else.\n\n"
            "The copy\n{copy}\nis copied into your data folder and checked; from then on "
            "you score in the new file there. The copy itself is left unchanged. A new "
            "signing key is made on this laptop and the chair sees the change.\n\n"
            "Why do you continue on this laptop? (For example: the old laptop broke.)",
        ).format(copy=copy.path),
    )
    if reason is None:
        return
    fingerprint = copy.event.fingerprint()
    try:
        target = session.continue_from_copy(copy, paths.panels_dir(), reason=reason)
    except UserError as error:
        show_user_error(window, error, translate("MainWindow", "The copy was not taken over."))
        window._show_read_only_state()
        return
    log.info("continued from the copy %s as %s", copy.path, target)
    source = copy.path
    if window._replace_panel(lambda: open_panel_at(target)):
        window._opened_event = fingerprint
        QMessageBox.information(
            window,
            translate("MainWindow", "Your panel file on this laptop"),
            _continued_text(window, source, target),
        )


def _continued_text(window: MainWindow, source: Path, target: Path) -> str:
    text = translate(
        "MainWindow",
        "Your scores were copied from\n{copy}\ninto your panel file on this "
        "laptop:\n{path}\n\nGo on scoring here; the copy was left unchanged.",
    ).format(copy=source, path=target)
    new_key = window.panel.key_fingerprint if window.panel is not None else None
    if new_key is None:
        return text
    return (
        text
        + "\n\n"
        + translate(
            "MainWindow",
            "A new signing key was made on this laptop. Its fingerprint:\n\n{fingerprint}\n\n"
            "Tell the chair: the chair must accept this key change before your file can be "
            "merged (Help > About my file shows the fingerprint again).",
        ).format(fingerprint=new_key)
    )


def export_for_chair(window: MainWindow) -> Task | None:
    """Ask for a folder, snapshot the panel file, write and check the copy in the
    background; the outcome is shown when it is done."""
    if window.panel is None or window.export_task is not None:
        return None
    if not confirm_left_out(window, left_out(window.panel.scorecards())):
        return None
    start = window.settings.get(EXPORT_FOLDER)
    if not start or not Path(start).is_dir():
        start = str(Path.home())
    chosen = QFileDialog.getExistingDirectory(
        window,
        translate(
            "MainWindow", "Choose where to put the copy for the chair (for example the USB stick)"
        ),
        start,
    )
    if not chosen:
        return None
    folder = Path(chosen)
    window.settings.set(EXPORT_FOLDER, str(folder))
    from ..workflows import files as copies

    try:
        snapshot = copies.take_snapshot(window.panel)
    except UserError as error:
        show_user_error(
            window, error, translate("MainWindow", "The copy for the chair was not made.")
        )
        return None
    task = Task(lambda _context: copies.deliver(snapshot, folder))
    task.slow.connect(
        lambda: window.statusBar().showMessage(
            translate("MainWindow", "Writing the copy for the chair to {folder}...").format(
                folder=folder
            )
        )
    )
    task.succeeded.connect(lambda copy: export_written(window, copy))
    task.failed.connect(lambda error: export_failed(window, error))
    task.finished.connect(lambda: export_finished(window, snapshot))
    window.export_task = task
    window._update_actions()
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    window._busy = True
    task.start()
    return task


def end_busy(window: MainWindow) -> None:
    if window._busy:
        window._busy = False
        QGuiApplication.restoreOverrideCursor()


def confirm_left_out(window: MainWindow, counts: LeftOut) -> bool:
    """Before writing: say how many drafts and unlocked conflicts of interest the chair's merge
    will leave out; True to write the copy anyway (the default), False to lock them first."""
    if not counts.any:
        return True
    parts = []
    if counts.drafts == 1:
        parts.append(translate("MainWindow", "1 scorecard still a draft (not locked)"))
    elif counts.drafts:
        parts.append(
            translate("MainWindow", "{n} scorecards still drafts (not locked)").format(
                n=counts.drafts
            )
        )
    if counts.open_conflicts == 1:
        parts.append(translate("MainWindow", "1 conflict of interest declared but not locked"))
    elif counts.open_conflicts:
        parts.append(
            translate("MainWindow", "{n} conflicts of interest declared but not locked").format(
                n=counts.open_conflicts
            )
        )
    text = translate(
        "MainWindow",
        "Your panel file has {what}. The chair's merge leaves drafts out of the results "
        "(unless the chair chooses to count them), and an interview with a conflict of "
        "interest is never counted for you. Lock what is done first (Ctrl+L in the scoring "
        "window).\n\nWrite the copy for the chair now anyway?",
    ).format(what=translate("MainWindow", " and ").join(parts))
    answer = QMessageBox.question(
        window,
        translate("MainWindow", "Drafts in the copy for the chair"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def export_finished(window: MainWindow, snapshot: object) -> None:
    from ..workflows import files as copies

    assert isinstance(snapshot, copies.Snapshot)
    copies.discard(snapshot)
    window.export_task = None
    window._update_actions()
    end_busy(window)


def export_failed(window: MainWindow, error: object) -> None:
    assert isinstance(error, UserError)
    window.statusBar().clearMessage()
    end_busy(window)
    show_user_error(window, error, translate("MainWindow", "The copy for the chair was not made."))


def export_written(window: MainWindow, copy: object) -> None:
    log.info("exported a copy for the chair to %s", copy)
    window.statusBar().showMessage(
        translate("MainWindow", "Copy for the chair written and checked: {path}").format(path=copy),
        15000,
    )
    end_busy(window)
    QMessageBox.information(
        window,
        translate("MainWindow", "Copy for the chair is ready"),
        translate(
            "MainWindow",
            "Your scores were copied and the copy was checked:\n\n{path}\n\nGive this file "
            "to the chair. Your own panel file stays on this laptop; go on scoring in it as "
            "usual and export again after later changes.",
        ).format(path=copy),
    )
