"""The scoring dialog: one judge scores one interview.

Every edit becomes a ``Change`` handed to ``PanelFile.apply``, which commits it with its audit
entry before returning: ratings when the judge commits the field (a key press on a 1–5 scale,
Enter, Tab or a click), notes a moment after typing stops, when the note loses focus and when
the dialog or its window closes. Undo saves the inverse change, so the audit log stays
append-only and truthful. Nothing here computes a score or touches SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import UserError, ValidationError, current_language
from ..domain.scorecard import MAX_NOTE_LENGTH, Action, Change, Scorecard, apply_change
from ..domain.scoring import weighted_total
from ..storage.panel_file import PanelFile
from ..window_state.scoring_logic import ChangeHistory, fill, inverse_change
from .card_state_view import BADGE_COLOURS, state_label
from .scoring_reason import ReasonDialog
from .scoring_timer import InterviewTimer
from .scoring_widgets import LEVEL_BUTTON_STYLE, CriterionCard, format_rating
from .settings import SCORING_GEOMETRY, Settings
from .window_memory import WindowMemory

NoteWidget = QLineEdit | QPlainTextEdit

BANNER_FINAL = (
    "QLabel { background: #e3f1e6; color: #1d5a2c; border: 1px solid #7fb58d;"
    " border-radius: 4px; padding: 6px; }"
)
BANNER_CONFLICT = (
    "QLabel { background: #fdecea; color: #8c1d18; border: 1px solid #e6a39e;"
    " border-radius: 4px; padding: 6px; }"
)
BANNER_READ_ONLY = (
    "QLabel { background: #eef0f3; color: #333; border: 1px solid #b8bec7;"
    " border-radius: 4px; padding: 6px; }"
)
PROBLEM_STYLE = (
    "QFrame#problemBar { background: #fff4e5; border: 1px solid #e0a040;"
    " border-radius: 4px; } QLabel { color: #6b3d00; }"
)
BADGE_STYLE = (
    "QLabel {{ background: {bg}; color: white; font-weight: bold; padding: 2px 8px;"
    " border-radius: 3px; }}"
)
NOTE_UNSAVED_STYLE = "border: 2px dashed #b26a00;"
# A no-break space before the dot keeps it at the end of a line when the header wraps.
SEPARATOR = "\u00a0· "
DEFAULT_SIZE = (1160, 700)  # at most the screen's available area (window_memory)


@dataclass
class _NoteField:
    """A note editor, the scorecard field it edits and its save-after-typing timer."""

    widget: NoteWidget
    action: Action
    criterion: str | None
    timer: QTimer

    def text(self) -> str:
        if isinstance(self.widget, QPlainTextEdit):
            return self.widget.toPlainText()
        return self.widget.text()

    def set_text(self, text: str) -> None:
        self.widget.blockSignals(True)
        if isinstance(self.widget, QPlainTextEdit):
            self.widget.setPlainText(text)
        else:
            self.widget.setText(text)
        self.widget.blockSignals(False)

    def saved(self, card: Scorecard) -> str:
        if self.action is Action.GENERAL_NOTE:
            return card.general_note
        if self.action is Action.RECOMMENDATION:
            return card.recommendation
        return card.criterion_notes.get(self.criterion or "", "")


class ScoringDialog(QDialog):
    """Score one interview; every change is saved to ``panel`` the moment it is made."""

    scorecardChanged = Signal(str)

    NOTE_SAVE_DELAY_MS = 600

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
        self._notes: list[_NoteField] = []
        self._note_by_widget: dict[QObject, _NoteField] = {}
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
        root.addLayout(self._build_header())

        self.banner = QLabel(self)
        self.banner.setObjectName("stateBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.hide()
        root.addWidget(self.banner)

        body = QHBoxLayout()
        body.setSpacing(10)
        body.addWidget(self._build_criteria(), 3)
        body.addLayout(self._build_side(), 2)
        root.addLayout(body, 1)

        root.addWidget(self._build_problem_bar())
        root.addLayout(self._build_buttons())
        self._build_actions()

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
    def _build_header(self) -> QHBoxLayout:
        interview = self.interview
        locale = self._locale
        day = locale.toString(
            QDate(interview.day.year, interview.day.month, interview.day.day), "dddd, dd/MM/yyyy"
        )
        start = locale.toString(_qtime(interview.start), QLocale.FormatType.ShortFormat)
        end = locale.toString(_qtime(interview.end), QLocale.FormatType.ShortFormat)

        self.participant_label = QLabel(interview.participant, self)
        self.participant_label.setObjectName("participant")
        self.participant_label.setTextFormat(Qt.TextFormat.PlainText)
        self.participant_label.setWordWrap(True)
        font = self.participant_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.participant_label.setFont(font)

        details = SEPARATOR.join(
            (self.category.name, day, fill(self.tr("%1–%2"), start, end), interview.room)
        )
        self.details_label = QLabel(details, self)
        self.details_label.setObjectName("interviewDetails")
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setWordWrap(True)

        people = fill(self.tr("Judge: %1"), self.panel.judge.name)
        if interview.representatives.strip():
            people = (
                fill(self.tr("Representatives: %1"), interview.representatives) + SEPARATOR + people
            )
        self.people_label = QLabel(people, self)
        self.people_label.setObjectName("representatives")
        self.people_label.setTextFormat(Qt.TextFormat.PlainText)
        self.people_label.setWordWrap(True)

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self.participant_label)
        left.addWidget(self.details_label)
        left.addWidget(self.people_label)

        badges = QHBoxLayout()
        badges.setSpacing(6)
        badges.addStretch(1)
        self.demo_badge: QLabel | None = None
        if self.panel.event.is_demo:
            self.demo_badge = QLabel(self.tr("DEMO"), self)
            self.demo_badge.setObjectName("demoBadge")
            self.demo_badge.setStyleSheet(BADGE_STYLE.format(bg="#c25e00"))
            self.demo_badge.setToolTip(
                self.tr("A demonstration event: its participants, weights and scores are examples.")
            )
            self.demo_badge.setAccessibleName(self.demo_badge.toolTip())
            badges.addWidget(self.demo_badge)
        self.status_badge = QLabel(self)
        self.status_badge.setObjectName("statusBadge")
        badges.addWidget(self.status_badge)

        right = QVBoxLayout()
        right.addLayout(badges)
        right.addStretch(1)

        header = QHBoxLayout()
        header.addLayout(left, 1)
        header.addLayout(right)
        return header

    def _build_criteria(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        heading = QHBoxLayout()
        self.criteria_label = QLabel(self.tr("Crit&eria"), box)
        font = self.criteria_label.font()
        font.setBold(True)
        self.criteria_label.setFont(font)
        heading.addWidget(self.criteria_label)
        heading.addSpacing(12)
        self.keys_hint = QLabel(box)  # its text follows the state: _show_keys_hint
        self.keys_hint.setObjectName("keysHint")
        self.keys_hint.setStyleSheet("color: palette(placeholder-text);")
        self.keys_hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        heading.addWidget(self.keys_hint, 1)
        layout.addLayout(heading)

        if self.category.weights_are_examples:
            self.examples_note = QLabel(
                self.tr("The weights of this category are examples, not official weights."), box
            )
            self.examples_note.setObjectName("weightsAreExamples")
            self.examples_note.setStyleSheet("color: #8a4b00;")
            self.examples_note.setWordWrap(True)
            layout.addWidget(self.examples_note)

        self.criteria_scroll = QScrollArea(box)
        self.criteria_scroll.setObjectName("criteriaScroll")
        self.criteria_scroll.setWidgetResizable(True)
        self.criteria_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop, and a click on a level button must not pull the cursor here.
        self.criteria_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.criteria_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget(self.criteria_scroll)
        content.setObjectName("criteriaContent")
        content.setStyleSheet(LEVEL_BUTTON_STYLE)
        cards_layout = QVBoxLayout(content)
        cards_layout.setContentsMargins(0, 0, 4, 0)
        cards_layout.setSpacing(6)

        self.cards: list[CriterionCard] = []
        for number, criterion in enumerate(self.category.criteria, start=1):
            card = CriterionCard(number, criterion, self.category.scale, self._locale, content)
            card.rating.committed.connect(lambda value, c=card: self._on_rating_committed(c, value))
            card.rating.advance.connect(lambda n=number: self._focus_rating(n))
            card.note.returnPressed.connect(lambda n=number: self._focus_rating(n))
            self._register_note(card.note, Action.CRITERION_NOTE, criterion.code)
            cards_layout.addWidget(card)
            self.cards.append(card)
        cards_layout.addStretch(1)
        self.criteria_scroll.setWidget(content)
        layout.addWidget(self.criteria_scroll, 1)
        if self.cards:
            self.criteria_label.setBuddy(self.cards[0].rating.edit)
        return box

    def _build_side(self) -> QVBoxLayout:
        side = QVBoxLayout()
        side.setSpacing(8)

        total_box = QGroupBox(self.tr("Weighted total"), self)
        total_layout = QVBoxLayout(total_box)
        total_layout.setSpacing(2)
        self.total_label = QLabel(total_box)
        self.total_label.setObjectName("totalValue")
        self.total_label.setWordWrap(True)
        # The number is big; a sentence saying why there is none is ordinary text.
        self._words_font = self.total_label.font()
        self._number_font = self.total_label.font()
        self._number_font.setPointSizeF(self._number_font.pointSizeF() * 1.8)
        self._number_font.setBold(True)
        self.total_detail = QLabel(total_box)
        self.total_detail.setObjectName("totalDetail")
        self.total_detail.setWordWrap(True)
        total_line = QHBoxLayout()
        total_line.addWidget(self.total_label)
        total_line.addWidget(self.total_detail, 1)
        total_layout.addLayout(total_line)
        self.completeness = QLabel(total_box)
        self.completeness.setObjectName("completeness")
        self.completeness.setWordWrap(True)
        total_layout.addWidget(self.completeness)
        side.addWidget(total_box)

        timer_box = QGroupBox(self.tr("Interview timer"), self)
        timer_layout = QVBoxLayout(timer_box)
        self.timer = InterviewTimer(self.interview.minutes(), timer_box)
        timer_layout.addWidget(self.timer)
        side.addWidget(timer_box)

        self.general_label = QLabel(self.tr("&General note"), self)
        self.general_note = QPlainTextEdit(self)
        self.general_note.setObjectName("generalNote")
        self.general_note.setTabChangesFocus(True)
        self.general_note.setAccessibleName(self.tr("General note"))
        self.general_note.setPlaceholderText(self.tr("What stood out in this interview"))
        self.general_label.setBuddy(self.general_note)
        self._register_note(self.general_note, Action.GENERAL_NOTE, None)
        side.addWidget(self.general_label)
        side.addWidget(self.general_note, 1)

        self.recommendation_label = QLabel(self.tr("Recommen&dation"), self)
        self.recommendation = QPlainTextEdit(self)
        self.recommendation.setObjectName("recommendation")
        self.recommendation.setTabChangesFocus(True)
        self.recommendation.setAccessibleName(self.tr("Recommendation"))
        self.recommendation.setPlaceholderText(self.tr("Your recommendation for this participant"))
        self.recommendation_label.setBuddy(self.recommendation)
        self._register_note(self.recommendation, Action.RECOMMENDATION, None)
        side.addWidget(self.recommendation_label)
        side.addWidget(self.recommendation, 1)
        return side

    def _build_problem_bar(self) -> QFrame:
        bar = QFrame(self)
        bar.setObjectName("problemBar")
        bar.setStyleSheet(PROBLEM_STYLE)
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(8, 4, 8, 4)
        self.problem_label = QLabel(bar)
        self.problem_label.setObjectName("problemText")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.problem_label, 1)
        self.retry_button = QPushButton(self.tr("Save &again"), bar)
        self.retry_button.setAutoDefault(False)
        self.retry_button.setAccessibleName(self.tr("Try to save again"))
        self.retry_button.setToolTip(self.tr("Try to save again (Ctrl+S)"))
        self.retry_button.clicked.connect(self.save_now)
        layout.addWidget(self.retry_button)
        bar.hide()
        self.problem_bar = bar
        return bar

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("saveStatus")
        self.status_label.setStyleSheet("color: palette(placeholder-text);")
        self.status_label.setWordWrap(True)
        self.status_label.setMinimumWidth(120)
        row.addWidget(self.status_label, 1)

        def button(text: str, tip: str, slot: Callable[[], object], name: str) -> QPushButton:
            result = QPushButton(text, self)
            result.setObjectName(name)
            result.setAutoDefault(False)
            result.setDefault(False)
            result.setToolTip(tip)
            result.clicked.connect(lambda _checked=False: slot())
            row.addWidget(result)
            return result

        self.undo_button = button(
            self.tr("&Undo"), self.tr("Undo the last saved change (Ctrl+Z)"), self.undo, "undo"
        )
        self.redo_button = button(
            self.tr("&Redo"), self.tr("Redo (Ctrl+Shift+Z or Ctrl+Y)"), self.redo, "redo"
        )
        self.conflict_button = button("", "", self._toggle_conflict, "conflict")
        self.lock_button = button(self.tr("&Lock scores"), "", self.finalise, "lock")
        self.unlock_button = button(
            self.tr("U&nlock…"),
            self.tr("Unlock the scores to change them; a reason is required (Ctrl+Shift+L)"),
            self.unlock,
            "unlock",
        )
        self.close_button = button(
            self.tr("&Close"),
            self.tr("Close; everything is already saved (Esc)"),
            self.accept,
            "close",
        )
        return row

    def _build_actions(self) -> None:
        def action(text: str, keys: list[QKeySequence], slot: Callable[[], object]) -> QAction:
            result = QAction(text, self)
            result.setShortcuts(keys)
            result.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            result.triggered.connect(lambda _checked=False: slot())
            self.addAction(result)
            return result

        undo = [QKeySequence(QKeySequence.StandardKey.Undo)]
        self.undo_action = action(self.tr("Undo the last saved change"), undo, self.undo)
        redo = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
        self.redo_action = action(self.tr("Redo"), redo, self.redo)
        lock = [QKeySequence("Ctrl+L")]
        self.lock_action = action(self.tr("Lock the scores"), lock, self.finalise)
        unlock = [QKeySequence("Ctrl+Shift+L")]
        self.unlock_action = action(self.tr("Unlock the scores"), unlock, self.unlock)
        conflict = [QKeySequence("Ctrl+Shift+K")]
        self.conflict_action = action(
            self.tr("Declare or withdraw a conflict of interest"), conflict, self._toggle_conflict
        )
        save = [QKeySequence(QKeySequence.StandardKey.Save)]
        self.save_action = action(self.tr("Save again now"), save, self.save_now)
        help_keys = [QKeySequence(QKeySequence.StandardKey.HelpContents)]
        self.help_action = action(self.tr("Guide and keys"), help_keys, self.show_help)

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

    def _register_note(self, widget: NoteWidget, action: Action, criterion: str | None) -> None:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(self.NOTE_SAVE_DELAY_MS)
        field = _NoteField(widget, action, criterion, timer)
        timer.timeout.connect(lambda: self._save_note(field))
        if isinstance(widget, QLineEdit):
            widget.setMaxLength(MAX_NOTE_LENGTH)
            widget.textEdited.connect(lambda _text: timer.start())
        else:
            widget.textChanged.connect(timer.start)
        widget.installEventFilter(self)
        self._notes.append(field)
        self._note_by_widget[widget] = field

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
        card = self._card
        read_only = self.panel.read_only
        final = card.is_final
        editable = not final and not read_only
        for widget in self.cards:
            widget.rating.setEnabled(editable and not card.conflict)
            widget.note.setReadOnly(not editable)
        for field in self._notes:
            if isinstance(field.widget, QPlainTextEdit):
                field.widget.setReadOnly(not editable)

        if read_only:
            self.banner.setText(self.tr("This file is open read-only: nothing can be changed."))
            self.banner.setStyleSheet(BANNER_READ_ONLY)
        elif final:
            when = self._local_time_text(card.finalised_at, with_date=True)
            text = self.tr(
                "FINAL: the scores were locked on %1. To change them, unlock them first."
            )
            self.banner.setText(fill(text, when))
            self.banner.setStyleSheet(BANNER_FINAL)
        elif card.conflict:
            text = self.tr(
                "Conflict of interest declared (%1). Ratings are off and this scorecard is left "
                "out of every average."
            )
            self.banner.setText(fill(text, card.conflict_reason))
            self.banner.setStyleSheet(BANNER_CONFLICT)
        self.banner.setVisible(read_only or final or card.conflict)
        if final and card.conflict:
            self.banner.setText(
                self.banner.text()
                + " "
                + self.tr("This scorecard is left out of every average (conflict of interest).")
            )

        badge = state_label(card.state)
        self.status_badge.setText(badge)
        self.status_badge.setStyleSheet(BADGE_STYLE.format(bg=BADGE_COLOURS[card.state]))
        self.status_badge.setAccessibleName(fill(self.tr("Status: %1"), badge))

        # The rubric lets a conflict of interest be locked too (apply_change): the declaration
        # and the notes become final, there are no ratings to check.
        self.lock_button.setVisible(not final)
        self.lock_button.setEnabled(editable)
        self.lock_button.setToolTip(
            self.tr(
                "Lock this scorecard as it is: the conflict of interest and your notes become "
                "final; there are no ratings to check (Ctrl+L)"
            )
            if card.conflict
            else self.tr(
                "Lock the scores: check every criterion is rated, then make them final (Ctrl+L)"
            )
        )
        self.lock_action.setEnabled(editable)
        self.unlock_button.setVisible(final)
        self.unlock_button.setEnabled(final and not read_only)
        self.unlock_action.setEnabled(final and not read_only)
        if card.conflict:
            self.conflict_button.setText(self.tr("&Withdraw conflict…"))
            self.conflict_button.setToolTip(
                self.tr(
                    "Withdraw the declared conflict of interest; a reason is required "
                    "(Ctrl+Shift+K)"
                )
            )
        else:
            self.conflict_button.setText(self.tr("Conflict of &interest…"))
            self.conflict_button.setToolTip(
                self.tr(
                    "Declare a conflict of interest with this participant; a reason is "
                    "required (Ctrl+Shift+K)"
                )
            )
        self.conflict_button.setEnabled(editable)
        self.conflict_action.setEnabled(editable)
        self._show_keys_hint()
        self._show_undo_state()

    def _show_keys_hint(self) -> None:
        """What the keys do on the criteria, or why they do nothing there now."""
        card = self._card
        if self.panel.read_only:
            hint = ""  # the banner says it
        elif card.is_final:
            hint = self.tr("Locked: the ratings can be read, not changed · Ctrl+Shift+L: unlock")
        elif card.conflict:
            hint = self.tr("Ratings are off (conflict of interest); notes can still be written")
        else:
            hint = self.tr("Type a rating or click a level · Enter: next criterion")
        self.keys_hint.setText(hint)
        self.keys_hint.setVisible(bool(hint))

    def _show_undo_state(self) -> None:
        editable = not self._card.is_final and not self.panel.read_only
        self.undo_button.setEnabled(editable and self.history.can_undo)
        self.redo_button.setEnabled(editable and self.history.can_redo)

    def _show_total(self) -> None:
        card = self._card
        scale = self.category.scale
        rated = sum(1 for c in self.category.criteria if c.code in card.ratings)
        count = len(self.category.criteria)
        maximum = format_rating(scale.maximum, scale, self._locale)
        total = None if card.conflict else weighted_total(self.category, card)
        if total is None:
            self.total_label.setFont(self._words_font)
            self.total_label.setText(
                self.tr("Not counted (conflict of interest)")
                if card.conflict
                else fill(self.tr("No rating yet (maximum %1)"), maximum)
            )
            self.total_detail.setText("")
        else:
            value = self._locale.toString(total.value, "f", 2)
            percent = self._locale.toString(total.percent, "f", 1)
            self.total_label.setFont(self._number_font)
            self.total_label.setText(value)
            self.total_detail.setText(fill(self.tr("of %1 (%2%)"), maximum, percent))
        self.total_detail.setVisible(total is not None)
        if rated == count:
            self.completeness.setText(fill(self.tr("All %1 criteria rated"), count))
        else:
            self.completeness.setText(fill(self.tr("%1 of %2 criteria rated"), rated, count))
        self.completeness.setVisible(not card.conflict)  # ratings are off: nothing to count
        self.total_label.setAccessibleName(
            fill(
                self.tr("Weighted total: %1 %2"), self.total_label.text(), self.total_detail.text()
            ).strip()
        )

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

    def _save_note(self, field: _NoteField) -> bool:
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

    def _show_problem(self, error: UserError) -> None:
        self.problem_label.setText(
            _text(error)
            + " "
            + self.tr("What you typed is still here; it is saved as soon as saving works again.")
            if not isinstance(error, ValidationError)
            else _text(error)
        )
        self.retry_button.setVisible(not isinstance(error, ValidationError))
        self.problem_bar.show()
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
        time_text = self._locale.toString(_qtime(moment.time()), QLocale.FormatType.ShortFormat)
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
        """Lock the scores once every criterion is rated and the judge confirms."""
        if self._card.is_final or self.panel.read_only or not self.save_now():
            return
        try:  # the rubric's own rule and sentence, checked before asking anything
            apply_change(self.panel.event, self._card, Change(Action.FINALISE), "")
        except ValidationError as error:
            self._show_problem(error)
            missing = self._card.missing_criteria(self.category)
            for card in self.cards:
                if card.criterion.code in missing:
                    card.rating.flag(self.tr("Not rated yet"))
            self._focus_rating(
                next(i for i, c in enumerate(self.cards) if c.criterion.code in missing)
                if missing
                else 0
            )
            return
        if self._card.conflict:
            question = self.tr(
                "Lock your scorecard for %1 with its conflict of interest? It stays out of every "
                "average; the declaration and your notes cannot be changed unless you unlock them "
                "and give a reason."
            )
        else:
            question = self.tr(
                "Lock the scores for %1? Once locked they cannot be changed unless you unlock "
                "them and give a reason."
            )
        answer = QMessageBox.question(
            self,
            self.tr("Lock scores"),
            fill(question, self.interview.participant),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._apply_state_change(Change(Action.FINALISE))
        self.close_button.setFocus()

    def unlock(self) -> None:
        """Make a final scorecard a draft again; the reason goes into the audit log."""
        if not self._card.is_final or self.panel.read_only:
            return
        reason = self._ask_reason(
            self.tr("Unlock"),
            fill(
                self.tr(
                    "Why are you unlocking the scores for %1? The reason is kept in the audit log."
                ),
                self.interview.participant,
            ),
        )
        if reason is not None:
            self._apply_state_change(Change(Action.UNLOCK, reason=reason))
            self._focus_first_rating()

    def declare_conflict(self) -> None:
        """Declare a conflict of interest: ratings off, left out of every average."""
        if self._card.is_final or self._card.conflict or self.panel.read_only:
            return
        if not self.save_now():
            return
        reason = self._ask_reason(
            self.tr("Conflict of interest"),
            fill(
                self.tr(
                    "Why do you have a conflict of interest with %1? Your scorecard will be left "
                    "out of every average. The reason is kept in the audit log."
                ),
                self.interview.participant,
            ),
        )
        if reason is not None:
            self._apply_state_change(Change(Action.DECLARE_CONFLICT, reason=reason))

    def withdraw_conflict(self) -> None:
        """Withdraw a declared conflict of interest, with a reason."""
        if self._card.is_final or not self._card.conflict or self.panel.read_only:
            return
        reason = self._ask_reason(
            self.tr("Withdraw conflict of interest"),
            self.tr(
                "Why are you withdrawing the conflict of interest? The reason is kept in the "
                "audit log."
            ),
        )
        if reason is not None:
            self._apply_state_change(Change(Action.WITHDRAW_CONFLICT, reason=reason))

    def _toggle_conflict(self) -> None:
        if self._card.conflict:
            self.withdraw_conflict()
        else:
            self.declare_conflict()

    def _apply_state_change(self, change: Change) -> None:
        error = self._apply(change, record=False)
        if error is None:
            self.history.clear()  # undo stops at a lock, an unlock or a conflict
            self._show_card()
        elif isinstance(error, ValidationError):
            self._show_problem(error)

    def _ask_reason(self, title: str, question: str) -> str | None:
        """The reason typed (required), or None when the judge cancels."""
        return ReasonDialog.ask(self, title, question)

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


def _qtime(moment: dt.time) -> QTime:
    return QTime(moment.hour, moment.minute, moment.second)


def _text(error: UserError) -> str:
    return error.text(current_language())
