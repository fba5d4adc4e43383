"""The pieces of the main window above the schedule: the event header and the filter bar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.event import Event, Judge, Role
from ..domain.scorecard import CardState
from .card_state_view import IN_ORDER, state_from_key, state_key, state_label
from .schedule_model import Progress


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


READ_ONLY_BAR_STYLE = (
    "QFrame#readOnlyBar { background: #e3effc; border: 1px solid #4a7fc1; border-radius: 3px; }"
    " QLabel#readOnlyText { color: #12355e; }"
)
HIDDEN_ROWS_STYLE = (
    "QLabel#hiddenRowsHint { background: #fff3c4; color: #5c3d00; border: 1px solid #e0b000;"
    " border-radius: 3px; padding: 2px 8px; }"
)


def emphasise(label: QLabel, scale: float = 1.0) -> QLabel:
    """Make ``label`` a title: bold, and ``scale`` times the usual size."""
    font = label.font()
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


class ReadOnlyBar(QFrame):
    """Says that the open panel file is a copy outside the data folder, opened read-only, and
    offers the way on: the judge's own panel file, or taking the copy over on a new laptop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBar")
        self.setStyleSheet(READ_ONLY_BAR_STYLE)
        self.text = QLabel(self)
        self.text.setObjectName("readOnlyText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_own_button = QPushButton(self.tr("Open &my own panel file"), self)
        self.open_own_button.setObjectName("openOwnButton")
        self.continue_button = QPushButton(self.tr("&Continue scoring from this copy..."), self)
        self.continue_button.setObjectName("continueFromCopyButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_own_button)
        layout.addWidget(self.continue_button)
        self.hide()

    def show_copy(self, path: Path, own: Path | None) -> None:
        """``path`` is open read-only; ``own`` is the judge's panel file, None if none yet."""
        where = self.tr(
            "<b>Read-only:</b> this file is outside your data folder (for example a copy for "
            "the chair), so it is opened read-only and nothing can be changed in it."
        )
        if own is not None:
            then = self.tr("Your own panel file for this event is {own}; score in that one.")
            then = then.format(own=escape(str(own)))
        else:
            then = self.tr(
                "There is no panel file of yours for this event on this laptop. If you have "
                "moved to this laptop, you can continue scoring from this copy."
            )
        self.text.setText(f"{where} {then}")
        self.setToolTip(str(path))
        self.open_own_button.setVisible(own is not None)
        self.open_own_button.setToolTip(str(own) if own is not None else "")
        self.continue_button.setVisible(own is None)
        self.show()


class EventHeader(QWidget):
    """The event, the judge and where the file is; a DEMO banner for the demo event; a bar when
    the file is a copy opened read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventHeader")
        self.demo_banner = QLabel(self)
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setText(
            self.tr(
                "<b>DEMO</b>: an example event for trying the program. Participants, judges and "
                "weights are examples, not an official assessment."
            )
        )
        self.demo_banner.setStyleSheet(
            "QLabel#demoBanner { background: #fff3c4; color: #5c3d00; border: 1px solid #e0b000;"
            " border-radius: 3px; padding: 4px 8px; }"
        )
        self.demo_banner.hide()

        self.title = QLabel(self)
        self.title.setObjectName("eventTitle")
        self.title.setWordWrap(True)
        emphasise(self.title, 1.25)

        self.judge_line = QLabel(self)
        self.judge_line.setObjectName("judgeLine")
        self.judge_line.setWordWrap(True)
        self.file_line = QLabel(self)
        self.file_line.setObjectName("fileLine")
        self.file_line.setWordWrap(True)
        self.file_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.title)
        layout.addWidget(self.judge_line)
        layout.addWidget(self.file_line)
        self.read_only_bar = ReadOnlyBar(self)
        layout.addWidget(self.read_only_bar)

    def show_panel(
        self, event: Event, judge: Judge, path: Path, *, read_only: bool = False
    ) -> None:
        self.demo_banner.setVisible(event.is_demo)
        self.title.setText(event.name)
        role = self.tr("chair") if judge.role is Role.KETUA else self.tr("member")
        self.judge_line.setText(
            self.tr("Judge: <b>{name}</b>, {institution} ({role})").format(
                name=escape(judge.name), institution=escape(judge.institution), role=role
            )
        )
        if read_only:
            line = self.tr("Open read-only: {path}")
        else:
            line = self.tr("Your panel file: {path}")
        self.file_line.setText(line.format(path=escape(str(path))))
        self.file_line.setToolTip(str(path))
        if not read_only:
            self.read_only_bar.hide()

    def show_event(self, event: Event) -> None:
        """The event alone, while the judge has not said who they are yet."""
        self.demo_banner.setVisible(event.is_demo)
        self.title.setText(event.name)
        self.judge_line.setText(self.tr("Choose your name from the panel to start."))
        self.file_line.setText("")
        self.read_only_bar.hide()

    def clear(self) -> None:
        self.demo_banner.hide()
        self.title.setText(self.tr("No file open"))
        self.judge_line.setText("")
        self.file_line.setText("")
        self.read_only_bar.hide()


class FilterBar(QWidget):
    """Day, category and status filters, the search box and the day's progress."""

    dayChanged = Signal(object)  # dt.date | None
    categoryChanged = Signal(str)  # code, "" for all
    statusChanged = Signal(object)  # CardState | None
    searchChanged = Signal(str)
    searchAccepted = Signal()  # Enter in the search box
    searchLeft = Signal()  # Down in the search box: on to the schedule
    showAllRequested = Signal()

    def __init__(self, parent: QWidget | None = None, locale: QLocale | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self._locale = locale or QLocale()

        self.day = QComboBox(self)
        self.day.setObjectName("dayFilter")
        self.day.setAccessibleName(self.tr("Day"))
        day_label = QLabel(self.tr("&Day:"), self)
        day_label.setBuddy(self.day)

        self.category = QComboBox(self)
        self.category.setObjectName("categoryFilter")
        self.category.setAccessibleName(self.tr("Category"))
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.category.setMinimumContentsLength(18)
        category_label = QLabel(self.tr("Cate&gory:"), self)
        category_label.setBuddy(self.category)

        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.setAccessibleName(self.tr("My status"))
        status_label_widget = QLabel(self.tr("S&tatus:"), self)
        status_label_widget.setBuddy(self.status)
        self.status.addItem(self.tr("All statuses"), "")
        for status in IN_ORDER:
            self.status.addItem(state_label(status), state_key(status))

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Participant, room, category..."))
        self.search.setAccessibleName(self.tr("Search the schedule"))
        self.search.setMinimumWidth(180)
        search_label = QLabel(self.tr("Sea&rch:"), self)
        search_label.setBuddy(self.search)

        self._make_progress()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        layout = QHBoxLayout()
        outer.addLayout(layout)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.hidden_rows_hint)
        hint_row.addStretch(1)
        outer.addLayout(hint_row)
        for label, widget in (
            (day_label, self.day),
            (category_label, self.category),
            (status_label_widget, self.status),
            (search_label, self.search),
        ):
            layout.addWidget(label)
            layout.addWidget(widget, 1 if widget is self.search else 0)
            layout.addSpacing(6)
        layout.addWidget(self.progress)

        self.day.currentIndexChanged.connect(lambda _n: self.dayChanged.emit(self.selected_day()))
        self.category.currentIndexChanged.connect(
            lambda _n: self.categoryChanged.emit(self.selected_category())
        )
        self.status.currentIndexChanged.connect(
            lambda _n: self.statusChanged.emit(self.selected_status())
        )
        self.search.textChanged.connect(self.searchChanged.emit)
        self.search.returnPressed.connect(self.searchAccepted.emit)
        self.search.installEventFilter(self)

    def _make_progress(self) -> None:
        """The day's progress and the hint that filters hide rows."""
        self.progress = QLabel(self)
        self.progress.setObjectName("progress")
        self.progress.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        font = self.progress.font()
        font.setBold(True)
        self.progress.setFont(font)
        self.progress.setFrameShape(QFrame.Shape.NoFrame)

        self.hidden_rows_hint = QLabel(self)
        self.hidden_rows_hint.setObjectName("hiddenRowsHint")
        self.hidden_rows_hint.setStyleSheet(HIDDEN_ROWS_STYLE)
        self.hidden_rows_hint.setTextFormat(Qt.TextFormat.RichText)
        self.hidden_rows_hint.linkActivated.connect(lambda _link: self.showAllRequested.emit())
        self.hidden_rows_hint.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            self.searchLeft.emit()
            return True
        return super().eventFilter(watched, event)

    # --- content -------------------------------------------------------------------------
    def set_event(self, event: Event | None) -> None:
        """Fill the day and category lists for ``event`` (signals held back)."""
        for combo in (self.day, self.category):
            combo.blockSignals(True)
            combo.clear()
        self.day.addItem(self.tr("All days"), "")
        self.category.addItem(self.tr("All categories"), "")
        if event is not None:
            for day in event.days():
                text = self._locale.toString(QDate(day.year, day.month, day.day), "dddd dd/MM/yyyy")
                self.day.addItem(text, day.isoformat())
            for category in event.categories:
                self.category.addItem(category.name, category.code)
        for combo in (self.day, self.category):
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def selected_day(self) -> dt.date | None:
        data = self.day.currentData()
        return dt.date.fromisoformat(data) if data else None

    def selected_category(self) -> str:
        return str(self.category.currentData() or "")

    def selected_status(self) -> CardState | None:
        return state_from_key(str(self.status.currentData() or ""))

    def select(
        self, *, day: str = "", category: str = "", status: str = "", search: str = ""
    ) -> None:
        """Set every filter at once (unknown values fall back to "all"); emits the changes."""
        for combo, value in ((self.day, day), (self.category, category), (self.status, status)):
            index = combo.findData(value)
            combo.setCurrentIndex(index if index >= 0 else 0)
        self.search.setText(search)

    def clear(self) -> None:
        self.select()

    def is_filtering(self) -> bool:
        return any(
            (
                self.day.currentIndex() > 0,
                self.category.currentIndex() > 0,
                self.status.currentIndex() > 0,
                bool(self.search.text().strip()),
            )
        )

    def show_progress(self, progress: Progress, day: dt.date | None) -> None:
        text = self.tr("{final} of {total} final").format(
            final=progress.final, total=progress.total
        )
        if progress.conflicts:
            text += self.tr(", {count} conflict of interest").format(count=progress.conflicts)
        if day is not None:
            day_text = self._locale.toString(QDate(day.year, day.month, day.day), "dddd")
            text = self.tr("{day}: {progress}").format(day=day_text, progress=text)
        else:
            text = self.tr("All days: {progress}").format(progress=text)
        self.progress.setText(text)

    def show_hidden_rows(self, shown: int, total: int) -> None:
        """Say so whenever the filters hide interviews, so none seems lost."""
        if shown >= total:
            self.hidden_rows_hint.hide()
            return
        text = self.tr("{shown} of {total} interviews shown").format(shown=shown, total=total)
        link = self.tr("Ctrl+Shift+F show all")
        self.hidden_rows_hint.setText(f'{escape(text)} · <a href="all">{escape(link)}</a>')
        self.hidden_rows_hint.setAccessibleName(f"{text} · {link}")
        self.hidden_rows_hint.show()
