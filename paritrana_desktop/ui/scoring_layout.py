"""The scoring window's layout, built once: the header (participant, details, the DEMO and
state badges), the criteria, the side (total, timer, notes), the problem bar, the buttons and
the keyboard actions. What is on and what is said follows the card: ``scoring_state_view``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.scorecard import MAX_NOTE_LENGTH, Action, Scorecard
from ..window_state.scoring_logic import fill, shows_note_counter
from .scoring_state_view import BADGE_STYLE
from .scoring_timer import InterviewTimer
from .scoring_widgets import LEVEL_BUTTON_STYLE, CriterionCard
from .widgets import emphasise

if TYPE_CHECKING:
    from .scoring_dialog import ScoringDialog

translate = QCoreApplication.translate
NoteWidget = QLineEdit | QPlainTextEdit

PROBLEM_STYLE = (
    "QFrame#problemBar { background: #fff4e5; border: 1px solid #e0a040;"
    " border-radius: 4px; } QLabel { color: #6b3d00; }"
)
# A no-break space before the dot keeps it at the end of a line when the header wraps.
SEPARATOR = "\u00a0· "


@dataclass
class NoteField:
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


def build_header(window: ScoringDialog) -> QHBoxLayout:
    interview = window.interview
    locale = window._locale
    day = locale.toString(
        QDate(interview.day.year, interview.day.month, interview.day.day), "dddd, dd/MM/yyyy"
    )
    start = locale.toString(qtime(interview.start), QLocale.FormatType.ShortFormat)
    end = locale.toString(qtime(interview.end), QLocale.FormatType.ShortFormat)

    window.participant_label = QLabel(interview.participant, window)
    window.participant_label.setObjectName("participant")
    window.participant_label.setTextFormat(Qt.TextFormat.PlainText)
    window.participant_label.setWordWrap(True)
    emphasise(window.participant_label, 1.35)

    details = SEPARATOR.join(
        (
            window.category.name,
            day,
            fill(translate("ScoringDialog", "%1–%2"), start, end),
            interview.room,
        )
    )
    window.details_label = QLabel(details, window)
    window.details_label.setObjectName("interviewDetails")
    window.details_label.setTextFormat(Qt.TextFormat.PlainText)
    window.details_label.setWordWrap(True)

    people = fill(translate("ScoringDialog", "Judge: %1"), window.panel.judge.name)
    if interview.representatives.strip():
        people = (
            fill(translate("ScoringDialog", "Representatives: %1"), interview.representatives)
            + SEPARATOR
            + people
        )
    window.people_label = QLabel(people, window)
    window.people_label.setObjectName("representatives")
    window.people_label.setTextFormat(Qt.TextFormat.PlainText)
    window.people_label.setWordWrap(True)

    left = QVBoxLayout()
    left.setSpacing(2)
    left.addWidget(window.participant_label)
    left.addWidget(window.details_label)
    left.addWidget(window.people_label)

    badges = QHBoxLayout()
    badges.setSpacing(6)
    badges.addStretch(1)
    window.demo_badge = None
    if window.panel.event.is_demo:
        window.demo_badge = QLabel(translate("ScoringDialog", "DEMO"), window)
        window.demo_badge.setObjectName("demoBadge")
        window.demo_badge.setStyleSheet(BADGE_STYLE.format(bg="#c25e00"))
        window.demo_badge.setToolTip(
            translate(
                "ScoringDialog",
                "A demonstration event: its participants, weights and scores are examples.",
            )
        )
        window.demo_badge.setAccessibleName(window.demo_badge.toolTip())
        badges.addWidget(window.demo_badge)
    window.status_badge = QLabel(window)
    window.status_badge.setObjectName("statusBadge")
    badges.addWidget(window.status_badge)

    right = QVBoxLayout()
    right.addLayout(badges)
    right.addStretch(1)

    header = QHBoxLayout()
    header.addLayout(left, 1)
    header.addLayout(right)
    return header


def build_criteria(window: ScoringDialog) -> QWidget:
    box = QWidget(window)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)

    heading = QHBoxLayout()
    window.criteria_label = QLabel(translate("ScoringDialog", "Crit&eria"), box)
    emphasise(window.criteria_label)
    heading.addWidget(window.criteria_label)
    heading.addSpacing(12)
    window.keys_hint = QLabel(box)  # its text follows the state: _show_keys_hint
    window.keys_hint.setObjectName("keysHint")
    window.keys_hint.setStyleSheet("color: palette(placeholder-text);")
    window.keys_hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    heading.addWidget(window.keys_hint, 1)
    layout.addLayout(heading)

    if window.category.weights_are_examples:
        window.examples_note = QLabel(
            translate(
                "ScoringDialog", "The weights of this category are examples, not official weights."
            ),
            box,
        )
        window.examples_note.setObjectName("weightsAreExamples")
        window.examples_note.setStyleSheet("color: #8a4b00;")
        window.examples_note.setWordWrap(True)
        layout.addWidget(window.examples_note)

    window.criteria_scroll = QScrollArea(box)
    window.criteria_scroll.setObjectName("criteriaScroll")
    window.criteria_scroll.setWidgetResizable(True)
    window.criteria_scroll.setFrameShape(QFrame.Shape.NoFrame)
    # Not a Tab stop, and a click on a level button must not pull the cursor here.
    window.criteria_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    window.criteria_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    content = QWidget(window.criteria_scroll)
    content.setObjectName("criteriaContent")
    content.setStyleSheet(LEVEL_BUTTON_STYLE)
    cards_layout = QVBoxLayout(content)
    cards_layout.setContentsMargins(0, 0, 4, 0)
    cards_layout.setSpacing(6)

    window.cards = []
    for number, criterion in enumerate(window.category.criteria, start=1):
        card = CriterionCard(number, criterion, window.category.scale, window._locale, content)
        card.rating.committed.connect(lambda value, c=card: window._on_rating_committed(c, value))
        card.rating.advance.connect(lambda n=number: window._focus_rating(n))
        card.note.returnPressed.connect(lambda n=number: window._focus_rating(n))
        register_note(window, card.note, Action.CRITERION_NOTE, criterion.code)
        cards_layout.addWidget(card)
        window.cards.append(card)
    cards_layout.addStretch(1)
    window.criteria_scroll.setWidget(content)
    layout.addWidget(window.criteria_scroll, 1)
    if window.cards:
        window.criteria_label.setBuddy(window.cards[0].rating.edit)
    return box


def build_side(window: ScoringDialog) -> QVBoxLayout:
    side = QVBoxLayout()
    side.setSpacing(8)

    total_box = QGroupBox(translate("ScoringDialog", "Weighted total"), window)
    total_layout = QVBoxLayout(total_box)
    total_layout.setSpacing(2)
    window.total_label = QLabel(total_box)
    window.total_label.setObjectName("totalValue")
    window.total_label.setWordWrap(True)
    # The number is big; a sentence saying why there is none is ordinary text.
    window._words_font = window.total_label.font()
    window._number_font = window.total_label.font()
    window._number_font.setPointSizeF(window._number_font.pointSizeF() * 1.8)
    window._number_font.setBold(True)
    window.total_detail = QLabel(total_box)
    window.total_detail.setObjectName("totalDetail")
    window.total_detail.setWordWrap(True)
    total_line = QHBoxLayout()
    total_line.addWidget(window.total_label)
    total_line.addWidget(window.total_detail, 1)
    total_layout.addLayout(total_line)
    window.completeness = QLabel(total_box)
    window.completeness.setObjectName("completeness")
    window.completeness.setWordWrap(True)
    total_layout.addWidget(window.completeness)
    side.addWidget(total_box)

    timer_box = QGroupBox(translate("ScoringDialog", "Interview timer"), window)
    timer_layout = QVBoxLayout(timer_box)
    window.timer = InterviewTimer(window.interview.minutes(), timer_box)
    timer_layout.addWidget(window.timer)
    side.addWidget(timer_box)

    window.general_label, window.general_note = _note_field(
        window, side, "generalNote", Action.GENERAL_NOTE,
        translate("ScoringDialog", "&General note"),
        translate("ScoringDialog", "General note"),
        translate("ScoringDialog", "What stood out in this interview"),
    )  # fmt: skip
    window.recommendation_label, window.recommendation = _note_field(
        window, side, "recommendation", Action.RECOMMENDATION,
        translate("ScoringDialog", "Recommen&dation"),
        translate("ScoringDialog", "Recommendation"),
        translate("ScoringDialog", "Your recommendation for this participant"),
    )  # fmt: skip
    return side


def _note_field(
    window: ScoringDialog,
    side: QVBoxLayout,
    name: str,
    action: Action,
    label_text: str,
    accessible: str,
    placeholder: str,
) -> tuple[QLabel, QPlainTextEdit]:
    """A note the judge types beside the criteria (general note, recommendation), its label
    and its place in the side column; saved like every other note."""
    label = QLabel(label_text, window)
    edit = QPlainTextEdit(window)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setAccessibleName(accessible)
    edit.setPlaceholderText(placeholder)
    label.setBuddy(edit)
    register_note(window, edit, action, None)
    side.addWidget(label)
    side.addWidget(edit, 1)
    return label, edit


def build_problem_bar(window: ScoringDialog) -> QFrame:
    bar = QFrame(window)
    bar.setObjectName("problemBar")
    bar.setStyleSheet(PROBLEM_STYLE)
    layout = QHBoxLayout(bar)
    layout.setContentsMargins(8, 4, 8, 4)
    window.problem_label = QLabel(bar)
    window.problem_label.setObjectName("problemText")
    window.problem_label.setWordWrap(True)
    window.problem_label.setTextFormat(Qt.TextFormat.PlainText)
    layout.addWidget(window.problem_label, 1)
    window.retry_button = QPushButton(translate("ScoringDialog", "Save &again"), bar)
    window.retry_button.setAutoDefault(False)
    window.retry_button.setAccessibleName(translate("ScoringDialog", "Try to save again"))
    window.retry_button.setToolTip(translate("ScoringDialog", "Try to save again (Ctrl+S)"))
    window.retry_button.clicked.connect(window.save_now)
    layout.addWidget(window.retry_button)
    bar.hide()
    window.problem_bar = bar
    return bar


def build_buttons(window: ScoringDialog) -> QHBoxLayout:
    row = QHBoxLayout()
    window.note_counter = QLabel(window)
    window.note_counter.setObjectName("noteCounter")
    window.note_counter.hide()
    row.addWidget(window.note_counter)
    window.status_label = QLabel(window)
    window.status_label.setObjectName("saveStatus")
    window.status_label.setStyleSheet("color: palette(placeholder-text);")
    window.status_label.setWordWrap(True)
    window.status_label.setMinimumWidth(120)
    row.addWidget(window.status_label, 1)

    def button(text: str, tip: str, slot: Callable[[], object], name: str) -> QPushButton:
        result = QPushButton(text, window)
        result.setObjectName(name)
        result.setAutoDefault(False)
        result.setDefault(False)
        result.setToolTip(tip)
        result.clicked.connect(lambda _checked=False: slot())
        row.addWidget(result)
        return result

    window.undo_button = button(
        translate("ScoringDialog", "&Undo"),
        translate("ScoringDialog", "Undo the last saved change (Ctrl+Z)"),
        window.undo,
        "undo",
    )
    window.redo_button = button(
        translate("ScoringDialog", "&Redo"),
        translate("ScoringDialog", "Redo (Ctrl+Shift+Z or Ctrl+Y)"),
        window.redo,
        "redo",
    )
    window.conflict_button = button("", "", window._toggle_conflict, "conflict")
    window.lock_button = button(
        translate("ScoringDialog", "&Lock scores"), "", window.finalise, "lock"
    )
    window.unlock_button = button(
        translate("ScoringDialog", "U&nlock…"),
        translate(
            "ScoringDialog", "Unlock the scores to change them; a reason is required (Ctrl+Shift+L)"
        ),
        window.unlock,
        "unlock",
    )
    window.close_button = button(
        translate("ScoringDialog", "&Close"),
        translate("ScoringDialog", "Close; everything is already saved (Esc)"),
        window.accept,
        "close",
    )
    return row


def build_actions(window: ScoringDialog) -> None:
    def action(text: str, keys: list[QKeySequence], slot: Callable[[], object]) -> QAction:
        result = QAction(text, window)
        result.setShortcuts(keys)
        result.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        result.triggered.connect(lambda _checked=False: slot())
        window.addAction(result)
        return result

    undo = [QKeySequence(QKeySequence.StandardKey.Undo)]
    window.undo_action = action(
        translate("ScoringDialog", "Undo the last saved change"), undo, window.undo
    )
    redo = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    window.redo_action = action(translate("ScoringDialog", "Redo"), redo, window.redo)
    lock = [QKeySequence("Ctrl+L")]
    window.lock_action = action(
        translate("ScoringDialog", "Lock the scores"), lock, window.finalise
    )
    unlock = [QKeySequence("Ctrl+Shift+L")]
    window.unlock_action = action(
        translate("ScoringDialog", "Unlock the scores"), unlock, window.unlock
    )
    conflict = [QKeySequence("Ctrl+Shift+K")]
    window.conflict_action = action(
        translate("ScoringDialog", "Declare or withdraw a conflict of interest"),
        conflict,
        window._toggle_conflict,
    )
    save = [QKeySequence(QKeySequence.StandardKey.Save)]
    window.save_action = action(translate("ScoringDialog", "Save again now"), save, window.save_now)
    help_keys = [QKeySequence(QKeySequence.StandardKey.HelpContents)]
    window.help_action = action(
        translate("ScoringDialog", "Guide and keys"), help_keys, window.show_help
    )


def register_note(
    window: ScoringDialog, widget: NoteWidget, action: Action, criterion: str | None
) -> None:
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.setInterval(window.NOTE_SAVE_DELAY_MS)
    field = NoteField(widget, action, criterion, timer)
    timer.timeout.connect(lambda: window._save_note(field))
    if isinstance(widget, QLineEdit):
        widget.setMaxLength(MAX_NOTE_LENGTH)
        widget.textEdited.connect(lambda _text: timer.start())
        widget.textChanged.connect(lambda _text: show_note_counter(window, field))
    else:
        widget.textChanged.connect(timer.start)
        widget.textChanged.connect(lambda: show_note_counter(window, field))
    widget.installEventFilter(window)
    window._notes.append(field)
    window._note_by_widget[widget] = field


def show_note_counter(window: ScoringDialog, field: NoteField) -> None:
    """Near the limit, the note's length beside the save status (red when over it)."""
    length = len(field.text())
    counter = window.note_counter
    if not shows_note_counter(length, MAX_NOTE_LENGTH):
        counter.hide()
        return
    locale = window._locale
    text = translate("ScoringDialog", "Note: %1 of %2 characters")
    counter.setText(fill(text, locale.toString(length), locale.toString(MAX_NOTE_LENGTH)))
    counter.setStyleSheet("color: #b00020; font-weight: bold;" if length > MAX_NOTE_LENGTH else "")
    counter.show()


def qtime(moment: dt.time) -> QTime:
    return QTime(moment.hour, moment.minute, moment.second)
