"""The judge's schedule as a Qt table model, and the proxy that filters and sorts it.

One row per scheduled interview, in the event's order. The "my status" and "my total" columns
come from the open panel file; :meth:`ScheduleModel.refresh` updates one row after the scoring
dialog saved a change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTime,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ..domain.event import Interview
from ..domain.scorecard import CardState, Scorecard
from ..domain.scoring import weighted_total
from ..workflows.files import PanelFile
from .card_state_view import SORT_ORDER, TEXT_COLOURS, state_label

ModelIndex = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
INTERVIEW_ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3

NOW_BACKGROUND = QColor(255, 236, 153)  # a warm yellow, readable with dark text
NOW_FOREGROUND = QColor(0, 0, 0)
PROVISIONAL_TOTAL = QColor(96, 96, 96)  # grey, still readable: not every criterion rated


class Column(IntEnum):
    DAY = 0
    TIME = 1
    ROOM = 2
    PARTICIPANT = 3
    CATEGORY = 4
    STATUS = 5
    TOTAL = 6


def column_titles() -> dict[Column, str]:
    return {
        Column.DAY: QCoreApplication.translate("ScheduleModel", "Day"),
        Column.TIME: QCoreApplication.translate("ScheduleModel", "Time"),
        Column.ROOM: QCoreApplication.translate("ScheduleModel", "Room"),
        Column.PARTICIPANT: QCoreApplication.translate("ScheduleModel", "Participant"),
        Column.CATEGORY: QCoreApplication.translate("ScheduleModel", "Category"),
        Column.STATUS: QCoreApplication.translate("ScheduleModel", "My status"),
        Column.TOTAL: QCoreApplication.translate("ScheduleModel", "My total"),
    }


def format_day(locale: QLocale, day: dt.date) -> str:
    """``Sen 28/07/2025``: the locale's short day name, always a four-digit year."""
    return locale.toString(QDate(day.year, day.month, day.day), "ddd dd/MM/yyyy")


def format_time(locale: QLocale, moment: dt.time) -> str:
    """``08.30`` in Indonesian, ``08:30`` in English."""
    text = locale.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
    return text


def interview_at(interviews: tuple[Interview, ...], now: dt.datetime) -> Interview | None:
    """The interview whose slot contains ``now`` (local wall-clock time), if any."""
    for interview in interviews:
        if interview.day == now.date() and interview.start <= now.time() < interview.end:
            return interview
    return None


def next_interview(interviews: tuple[Interview, ...], now: dt.datetime) -> Interview | None:
    """The first interview starting after ``now`` on the same day, if any."""
    later = [i for i in interviews if i.day == now.date() and i.start >= now.time()]
    return min(later, key=lambda i: i.start) if later else None


@dataclass(frozen=True)
class Progress:
    final: int
    total: int
    conflicts: int


class ScheduleModel(QAbstractTableModel):
    """The interviews of the open panel file's event, with the judge's status and total."""

    def __init__(self, parent: QObject | None = None, locale: QLocale | None = None) -> None:
        super().__init__(parent)
        self._panel: PanelFile | None = None
        self._rows: tuple[Interview, ...] = ()
        self._row_of: dict[str, int] = {}
        self._locale = locale or QLocale()
        self._current: str | None = None

    # --- content -------------------------------------------------------------------------
    @property
    def panel(self) -> PanelFile | None:
        return self._panel

    def set_panel(self, panel: PanelFile | None) -> None:
        self.beginResetModel()
        self._panel = panel
        self._rows = panel.event.interviews if panel else ()
        self._row_of = {interview.id: n for n, interview in enumerate(self._rows)}
        self._current = None
        self.endResetModel()

    def interview(self, row: int) -> Interview:
        return self._rows[row]

    def row_of(self, interview_id: str) -> int:
        return self._row_of.get(interview_id, -1)

    def scorecard(self, row: int) -> Scorecard:
        assert self._panel is not None
        return self._panel.scorecard(self._rows[row].id)

    def refresh(self, interview_id: str) -> None:
        """The judge changed this interview's scorecard: redraw its row."""
        row = self.row_of(interview_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def current_interview(self) -> str | None:
        return self._current

    def set_current_interview(self, interview_id: str | None) -> None:
        """Highlight the interview whose slot is now (None: no highlight)."""
        before = self._current
        self._current = interview_id if interview_id in self._row_of else None
        for iid in {before, self._current} - {None}:
            assert iid is not None
            self.refresh(iid)

    def progress(self, day: dt.date | None = None) -> Progress:
        """How many of the day's interviews (all, with None) the judge has finalised."""
        rows = [n for n, i in enumerate(self._rows) if day is None or i.day == day]
        statuses = [self.scorecard(n).state for n in rows] if self._panel else []
        return Progress(
            final=sum(1 for s in statuses if s is CardState.FINAL),
            total=len(rows),
            conflicts=sum(1 for s in statuses if s is CardState.CONFLICT),
        )

    # --- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return column_titles()[Column(section)]
            if role == Qt.ItemDataRole.TextAlignmentRole and section == Column.TOTAL:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._panel is None:
            return None
        row, column = index.row(), Column(index.column())
        if not 0 <= row < len(self._rows):
            return None
        interview = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(interview, column)
        if role == SORT_ROLE:
            return self._sort_key(row, interview, column)
        if role == INTERVIEW_ID_ROLE:
            return interview.id
        if role == STATUS_ROLE:
            return SORT_ORDER[self._panel.scorecard(interview.id).state]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.TOTAL:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(interview, column) or self._display(interview, column)
        is_current = interview.id == self._current
        if role == Qt.ItemDataRole.BackgroundRole and is_current:
            return QBrush(NOW_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if is_current:
                return QBrush(NOW_FOREGROUND)
            if column == Column.TOTAL and not self._total_complete(interview):
                return QBrush(PROVISIONAL_TOTAL)
            if column == Column.STATUS:
                colour = TEXT_COLOURS.get(self._status(interview))
                return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.FontRole:
            bold = is_current or (
                column == Column.STATUS and self._status(interview) is CardState.FINAL
            )
            italic = column == Column.TOTAL and not self._total_complete(interview)
            if bold or italic:
                font = QFont()
                font.setBold(bold)
                font.setItalic(italic)
                return font
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and is_current:
            return QCoreApplication.translate("ScheduleModel", "Now")
        return None

    # --- cells ---------------------------------------------------------------------------
    def _status(self, interview: Interview) -> CardState:
        assert self._panel is not None
        return self._panel.scorecard(interview.id).state

    def _total_complete(self, interview: Interview) -> bool:
        assert self._panel is not None
        total = weighted_total(
            self._panel.event.category(interview.category), self._panel.scorecard(interview.id)
        )
        return total is None or total.complete

    def _display(self, interview: Interview, column: Column) -> str:
        assert self._panel is not None
        if column == Column.DAY:
            return format_day(self._locale, interview.day)
        if column == Column.TIME:
            return (
                f"{format_time(self._locale, interview.start)}–"
                f"{format_time(self._locale, interview.end)}"
            )
        if column == Column.ROOM:
            return interview.room
        if column == Column.PARTICIPANT:
            return interview.participant
        if column == Column.CATEGORY:
            return self._panel.event.category(interview.category).name
        if column == Column.STATUS:
            return state_label(self._status(interview))
        category = self._panel.event.category(interview.category)
        total = weighted_total(category, self._panel.scorecard(interview.id))
        if total is None:
            return ""
        return QCoreApplication.translate("ScheduleModel", "{total} / {maximum}").format(
            total=self._locale.toString(total.value, "f", 2),
            maximum=self._locale.toString(category.scale.maximum, "g", 6),
        )

    def _sort_key(self, row: int, interview: Interview, column: Column) -> Any:
        assert self._panel is not None
        if column in (Column.DAY, Column.TIME):
            return f"{interview.day.isoformat()} {interview.start.isoformat()} {row:05d}"
        if column == Column.STATUS:
            return SORT_ORDER[self._status(interview)]
        if column == Column.TOTAL:
            total = weighted_total(
                self._panel.event.category(interview.category),
                self._panel.scorecard(interview.id),
            )
            return -1.0 if total is None else total.percent  # scales differ by category
        return self._display(interview, column).casefold()

    def _tooltip(self, interview: Interview, column: Column) -> str | None:
        assert self._panel is not None
        if column == Column.PARTICIPANT and interview.representatives:
            return QCoreApplication.translate("ScheduleModel", "Representatives: {names}").format(
                names=interview.representatives
            )
        if column == Column.TOTAL and not self._total_complete(interview):
            return QCoreApplication.translate(
                "ScheduleModel", "Not every criterion is rated yet: this total is provisional."
            )
        if column == Column.STATUS:
            card = self._panel.scorecard(interview.id)
            if card.conflict and card.conflict_reason:
                return card.conflict_reason
        return None


class ScheduleFilter(QSortFilterProxyModel):
    """Filters by day, category, status and a search text; sorts by each column's own key."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._day: dt.date | None = None
        self._category: str | None = None
        self._status: CardState | None = None
        self._words: list[str] = []

    def schedule(self) -> ScheduleModel:
        source = self.sourceModel()
        assert isinstance(source, ScheduleModel)
        return source

    @property
    def day(self) -> dt.date | None:
        return self._day

    def set_day(self, day: dt.date | None) -> None:
        self._change(lambda: setattr(self, "_day", day))

    def set_category(self, code: str | None) -> None:
        self._change(lambda: setattr(self, "_category", code or None))

    def set_status(self, status: CardState | None) -> None:
        self._change(lambda: setattr(self, "_status", status))

    def set_search(self, text: str) -> None:
        self._change(lambda: setattr(self, "_words", text.casefold().split()))

    def _change(self, apply: Any) -> None:
        self.beginFilterChange()
        apply()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.schedule()
        panel = model.panel
        if panel is None:
            return False
        interview = model.interview(source_row)
        if self._day is not None and interview.day != self._day:
            return False
        if self._category is not None and interview.category != self._category:
            return False
        if self._status is not None and model.scorecard(source_row).state is not self._status:
            return False
        if self._words:
            haystack = " ".join(
                (
                    interview.id,
                    interview.participant,
                    interview.room,
                    interview.representatives,
                    panel.event.category(interview.category).name,
                )
            ).casefold()
            return all(word in haystack for word in self._words)
        return True
