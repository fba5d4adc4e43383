"""The scoring dialog: one judge scores one interview.

Every edit becomes a ``Change`` handed to ``PanelFile.apply``, which commits it with its audit
entry before returning: ratings when the judge commits the field (a key press on a 1–5 scale,
Enter, Tab or a click), notes a moment after typing stops, when the note loses focus and when
the dialog or its window closes. Undo saves the inverse change, so the audit log stays
append-only and truthful. Nothing here computes a score or touches SQL.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import UserError, ValidationError, current_language
from ..domain.scorecard import Action, Change, Scorecard
from ..window_state.scoring_logic import ChangeHistory, fill, inverse_change
from ..workflows.files import PanelFile
from . import scoring_layout, scoring_locking, scoring_state_view
from .scoring_layout import NoteField, qtime
from .scoring_timer import InterviewTimer
from .scoring_widgets import CriterionCard
from .settings import SCORING_GEOMETRY, Settings
from .window_memory import WindowMemory

NOTE_UNSAVED_STYLE = "border: 2px dashed #b26a00;"
DEFAULT_SIZE = (1160, 700)  # at most the screen's available area (window_memory)


class ScoringDialog(QDialog):
    """Score one interview; every change is saved to ``panel`` the moment it is made."""

    scorecardChanged = Signal(str)

    NOTE_SAVE_DELAY_MS = 600

    # the widgets and actions, built by scoring_layout
    participant_label: QLabel
    details_label: QLabel
    people_label: QLabel
    demo_badge: QLabel | None
    status_badge: QLabel
    criteria_label: QLabel
    keys_hint: QLabel
    examples_note: QLabel
    criteria_scroll: QScrollArea
    cards: list[CriterionCard]
    total_label: QLabel
    total_detail: QLabel
    completeness: QLabel
    timer: InterviewTimer
    general_label: QLabel
    general_note: QPlainTextEdit
    recommendation_label: QLabel
    recommendation: QPlainTextEdit
    problem_bar: QFrame
    problem_label: QLabel
    retry_button: QPushButton
    status_label: QLabel
    note_counter: QLabel
    undo_button: QPushButton
    redo_button: QPushButton
    conflict_button: QPushButton
    lock_button: QPushButton
    unlock_button: QPushButton
    close_button: QPushButton
    undo_action: QAction
    redo_action: QAction
    lock_action: QAction
    unlock_action: QAction
    conflict_action: QAction
    save_action: QAction
    help_action: QAction
    _words_font: QFont
    _number_font: QFont

    def __init__(
        self,
        panel: PanelFile,
        interview_id: str,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        """``settings``, when given, keep the window's size and place between interviews."""
        super().__init__(parent)
        self.panel = panel
        self.interview_id = interview_id
        self.interview = panel.event.interview(interview_id)
        self.category = panel.event.category_of(interview_id)
        self.history = ChangeHistory()
        self._card = panel.scorecard(interview_id)
        self._locale = QLocale()
        self._notes: list[NoteField] = []
        self._note_by_widget: dict[QObject, NoteField] = {}
        self._watched_window: QWidget | None = None
        self._closed = False
        self._owner_closing = False
        self.help_window: QDialog | None = None

        self.setObjectName("scoringDialog")
        self.setWindowTitle(fill(self.tr("Scoring: %1"), self.interview.participant))
        self.setSizeGripEnabled(True)

        root = QVBoxLayout(self)
        root.setContentsMargins(10, 10, 10, 8)
        root.setSpacing(8)
        root.addLayout(scoring_layout.build_header(self))

        self.banner = QLabel(self)
        self.banner.setObjectName("stateBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.hide()
        root.addWidget(self.banner)

        body = QHBoxLayout()
        body.setSpacing(10)
        body.addWidget(scoring_layout.build_criteria(self), 3)
        body.addLayout(scoring_layout.build_side(self), 2)
        root.addLayout(body, 1)

        root.addWidget(scoring_layout.build_problem_bar(self))
        root.addLayout(scoring_layout.build_buttons(self))
        scoring_layout.build_actions(self)

        self._show_card(initial=True)
        self._show_status_from_card()
        self.memory = WindowMemory(self, settings, SCORING_GEOMETRY, DEFAULT_SIZE)
        self.memory.restore()
        self._shown_once = False

        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.aboutToQuit.connect(self._flush_quietly)
            app.applicationStateChanged.connect(self._on_application_state)
        if parent is not None:
            self._watched_window = parent.window()
            self._watched_window.installEventFilter(self)

    # --- building ------------------------------------------------------------------------
    def show_help(self) -> QDialog:
        """F1: the judge's guide and this window's keys (read from its actions)."""
        from ..resources import JUDGE_GUIDE
        from .help_window import show_help

        rows = [
            (self.tr("Next criterion"), self.tr("Enter")),
            (self.tr("Close (everything is saved already)"), self.tr("Esc")),
        ]
        self.help_window = show_help(self, JUDGE_GUIDE, rows)
        return self.help_window

    # --- reading the card ----------------------------------------------------------------
    @property
    def scorecard(self) -> Scorecard:
        """The scorecard as saved in the panel file."""
        return self._card

    def _show_card(self, *, initial: bool = False, touched: Change | None = None) -> None:
        card = self._card
        for widget in self.cards:
            code = widget.criterion.code
            if initial or (
                touched is not None and touched.action is Action.RATE and touched.criterion == code
            ):
                widget.rating.set_saved(card.ratings.get(code))
        for field in self._notes:
            if initial or (
                touched is not None
                and touched.action is field.action
                and touched.criterion == field.criterion
            ):
                field.timer.stop()
                if field.text() != field.saved(card):
                    field.set_text(field.saved(card))
                field.widget.setStyleSheet("")
        self._show_state()
        self._show_total()

    def _show_state(self) -> None:
        scoring_state_view.show_state(self)

    def _show_undo_state(self) -> None:
        scoring_state_view.show_undo_state(self)

    def _show_total(self) -> None:
        scoring_state_view.show_total(self)

    # --- saving --------------------------------------------------------------------------
    def _apply(self, change: Change, *, record: bool = True) -> UserError | None:
        """Save ``change``; the refusal or failure it met, or None when it is on disk."""
        before = self._card
        try:
            after = self.panel.apply(self.interview_id, change)
        except ValidationError as error:
            return error
        except UserError as error:
            self._show_problem(error)
            return error
        self._card = after
        if record:
            inverse = inverse_change(before, change)
            if inverse is not None:
                self.history.record(change, inverse)
        self._hide_problem()
        self._show_saved_status()
        self.scorecardChanged.emit(self.interview_id)
        return None

    def _on_rating_committed(self, card: CriterionCard, value: float | None) -> None:
        code = card.criterion.code
        error = self._apply(Change(Action.RATE, code, value))
        if error is None:
            card.rating.set_saved(self._card.ratings.get(code))
            self._show_state()
            self._show_total()
            self._retry_unsaved_later()
        elif isinstance(error, ValidationError):
            card.rating.refuse(_text(error))
        else:
            card.rating.mark_unsaved(_text(error))

    def _save_note(self, field: NoteField) -> bool:
        """Save one note if it differs from the file; True when the file holds what is shown."""
        field.timer.stop()
        text = field.text()
        if text == field.saved(self._card):
            field.widget.setStyleSheet("")
            return True
        if self._card.is_final or self.panel.read_only:
            return False
        error = self._apply(Change(field.action, field.criterion, text))
        if error is None:
            field.widget.setStyleSheet("")
            self._show_state()
            self._retry_unsaved_later()
            return True
        field.widget.setStyleSheet(NOTE_UNSAVED_STYLE)
        if isinstance(error, ValidationError):
            self._show_problem(error)
        return False

    def save_now(self) -> bool:
        """Save everything typed and not yet saved; True when nothing is left unsaved."""
        ok = True
        for card in self.cards:
            rating = card.rating
            if rating.isEnabled() and rating.pending():
                rating.commit_text()
                if rating.pending() or rating.refused:
                    ok = False
        for field in self._notes:
            if not self._save_note(field):
                ok = False
        if ok:
            self._hide_problem()
        return ok

    def _flush_quietly(self) -> None:
        """Save what can be saved, without asking anything (the window or program is closing)."""
        if not self._closed:
            self.save_now()

    def _retry_unsaved_later(self) -> None:
        """After a save worked again, also save what an earlier failure left behind."""
        waiting = any(c.rating.unsaved for c in self.cards) or any(
            f.widget.styleSheet() == NOTE_UNSAVED_STYLE for f in self._notes
        )
        if waiting:
            QTimer.singleShot(0, self, self._flush_quietly)

    def _show_problem(self, error: UserError, *, unsaved: bool = True) -> None:
        """Show ``error`` in the problem bar; ``unsaved`` False when everything typed is saved
        and only a request was refused (a lock with a criterion missing)."""
        self.problem_label.setText(
            _text(error)
            + " "
            + self.tr("What you typed is still here; it is saved as soon as saving works again.")
            if not isinstance(error, ValidationError)
            else _text(error)
        )
        self.retry_button.setVisible(not isinstance(error, ValidationError))
        self.problem_bar.show()
        if unsaved:
            self.status_label.setText(self.tr("Not saved"))

    def _hide_problem(self) -> None:
        self.problem_bar.hide()

    def _show_saved_status(self, prefix: str = "") -> None:
        when = self._local_time_text(self._card.updated_at, with_date=False)
        text = fill(self.tr("Saved %1"), when)
        self.status_label.setText(f"{prefix} · {text}" if prefix else text)

    def _show_status_from_card(self) -> None:
        if self._card.is_empty:
            self.status_label.setText(
                self.tr("Nothing recorded yet; every change is saved at once")
            )
        else:
            when = self._local_time_text(self._card.updated_at, with_date=True)
            self.status_label.setText(fill(self.tr("Last saved %1"), when))

    def _local_time_text(self, stamp: str | None, *, with_date: bool) -> str:
        if not stamp:
            return ""
        moment = dt.datetime.fromisoformat(stamp).astimezone()
        time_text = self._locale.toString(qtime(moment.time()), QLocale.FormatType.ShortFormat)
        if not with_date or moment.date() == dt.datetime.now().astimezone().date():
            return time_text
        day = QDate(moment.year, moment.month, moment.day)
        return self._locale.toString(day, "dd/MM/yyyy") + " " + time_text

    # --- actions -------------------------------------------------------------------------
    def undo(self) -> None:
        """Take back the last saved change by saving its inverse."""
        if self._card.is_final or self.panel.read_only or not self.save_now():
            return
        step = self.history.next_undo()
        if step is None:
            return
        error = self._apply(step.inverse, record=False)
        if error is None:
            self.history.undone()
            self._show_card(touched=step.inverse)
            self._show_saved_status(self.tr("Undone"))
        elif isinstance(error, ValidationError):
            self._show_problem(error)
        self._show_undo_state()

    def redo(self) -> None:
        """Save again the change that was last undone."""
        if self._card.is_final or self.panel.read_only or not self.save_now():
            return
        step = self.history.next_redo()
        if step is None:
            return
        error = self._apply(step.forward, record=False)
        if error is None:
            self.history.redone()
            self._show_card(touched=step.forward)
            self._show_saved_status(self.tr("Redone"))
        elif isinstance(error, ValidationError):
            self._show_problem(error)
        self._show_undo_state()

    def finalise(self) -> None:
        scoring_locking.finalise(self)

    def unlock(self) -> None:
        scoring_locking.unlock(self)

    def declare_conflict(self) -> None:
        scoring_locking.declare_conflict(self)

    def withdraw_conflict(self) -> None:
        scoring_locking.withdraw_conflict(self)

    def _toggle_conflict(self) -> None:
        scoring_locking.toggle_conflict(self)

    # --- focus ---------------------------------------------------------------------------
    def _focus_first_rating(self) -> None:
        card = self._card
        for index, widget in enumerate(self.cards):
            if widget.criterion.code not in card.ratings:
                self._focus_rating(index)
                return
        self._focus_rating(0)

    def _focus_rating(self, index: int) -> None:
        """Put the cursor in criterion ``index``'s rating (past the last: the general note)."""
        if 0 <= index < len(self.cards) and self.cards[index].rating.isEnabled():
            target: QWidget = self.cards[index].rating.edit
            target.setFocus(Qt.FocusReason.TabFocusReason)
            self.criteria_scroll.ensureWidgetVisible(self.cards[index], 0, 8)
        elif not self.general_note.isReadOnly():
            self.general_note.setFocus(Qt.FocusReason.TabFocusReason)

    # --- closing and the events around it ------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:  # the layout has its sizes now: scrolling to a card works
            self._shown_once = True
            self._focus_first_rating()

    def done(self, result: int) -> None:
        """Close only when everything typed is saved, or the judge chose to drop it.

        Closed by its owner (the main window closing, or switching files), the dialog saves
        what it can and closes without asking; what could not be saved is still said aloud.
        """
        if self._closed:
            super().done(result)
            return
        if self._owner_closing:
            self._owner_closing = False
            if not self.save_now() and self.problem_bar.isVisible():
                QMessageBox.warning(self, self.tr("Not saved"), self.problem_label.text())
        else:
            while not self.save_now():
                if any(c.rating.refused for c in self.cards):
                    return  # a refused rating: the reason is on screen, the dialog stays open
                answer = QMessageBox.warning(
                    self,
                    self.tr("Not saved"),
                    fill(
                        self.tr("%1\n\nTry again, or close and lose what was not saved?"),
                        self.problem_label.text(),
                    ),
                    QMessageBox.StandardButton.Retry
                    | QMessageBox.StandardButton.Discard
                    | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Retry,
                )
                if answer == QMessageBox.StandardButton.Discard:
                    break
                if answer != QMessageBox.StandardButton.Retry:
                    return
        self._closed = True
        self.timer.stop()
        self.memory.save()
        if self._watched_window is not None:
            self._watched_window.removeEventFilter(self)
            self._watched_window = None
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        # close() called by the program (not the judge's click on the window's X button).
        self._owner_closing = not event.spontaneous()
        super().closeEvent(event)
        self._owner_closing = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._closed:
            return False
        if kind == QEvent.Type.FocusOut and watched in self._note_by_widget:
            self._save_note(self._note_by_widget[watched])
        elif kind == QEvent.Type.Close and watched is self._watched_window:
            self._flush_quietly()
        return False

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self._flush_quietly()


def _text(error: UserError) -> str:
    return error.text(current_language())
