"""The table of input files in the merge dialog: one row per file, what it holds, what became of it.

The rows are ``FileFinding``s from the merge's inspection; nothing is computed here. A refused
row is coloured and says why; a duplicate or superseded one is greyed out. Colour is never the
only sign: the outcome column says it in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from ..domain.errors import current_language
from ..domain.merge_model import FileFinding, Outcome

Index = QModelIndex | QPersistentModelIndex

PATH_ROLE = Qt.ItemDataRole.UserRole + 1  # the file's full path, as str
OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 2  # the Outcome value, as str

REFUSED_BACKGROUND = QColor("#fbe3e1")
REFUSED_TEXT = QColor("#8a1c12")
CONFLICT_BACKGROUND = QColor("#fdf0d5")
QUIET_TEXT = QColor("#6b6b6b")


def outcome_label(outcome: Outcome) -> str:
    """The outcome in the interface language."""
    translate = QCoreApplication.translate
    labels = {
        Outcome.USED: translate("MergeFilesModel", "used"),
        Outcome.SUPERSEDED: translate("MergeFilesModel", "superseded by a newer file"),
        Outcome.DUPLICATE: translate("MergeFilesModel", "duplicate, counted once"),
        Outcome.CONFLICT: translate("MergeFilesModel", "version conflict"),
        Outcome.REFUSED: translate("MergeFilesModel", "REFUSED"),
        Outcome.REFERENCE: translate("MergeFilesModel", "event reference"),
        Outcome.NOT_CHOSEN: translate("MergeFilesModel", "not chosen: another file of this judge"),
    }
    return labels.get(outcome, str(outcome.value))


class MergeFilesModel(QAbstractTableModel):
    """Read-only rows of ``FileFinding``."""

    FILE, JUDGE, FINAL, DRAFTS, RECUSALS, OUTCOME, REASONS = range(7)
    COLUMN_COUNT = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FileFinding] = []

    # --- contents --------------------------------------------------------------------------
    def set_findings(self, findings: Sequence[FileFinding]) -> None:
        self.beginResetModel()
        self._rows = list(findings)
        self.endResetModel()

    def findings(self) -> list[FileFinding]:
        return list(self._rows)

    def finding(self, row: int) -> FileFinding:
        return self._rows[row]

    def path(self, row: int) -> Path:
        return self._rows[row].path

    # --- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("File"),
                self.tr("Judge"),
                self.tr("Final"),
                self.tr("Drafts"),
                self.tr("Recusals"),
                self.tr("Outcome"),
                self.tr("Problems and decisions"),
            ][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return [
                self.tr("The panel file's name; hover over a row for its full path"),
                self.tr("The judge the file belongs to"),
                self.tr("Final (locked) scorecards in the file"),
                self.tr("Draft scorecards in the file"),
                self.tr("Interviews where the judge declared a conflict of interest"),
                self.tr("What the merge does with the file"),
                self.tr("Why a file is refused, and every decision about it"),
            ][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        finding = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(finding, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(finding, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (self.FINAL, self.DRAFTS, self.RECUSALS):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if finding.outcome is Outcome.REFUSED:
                return QBrush(REFUSED_BACKGROUND)
            if finding.outcome is Outcome.CONFLICT:
                return QBrush(CONFLICT_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if finding.outcome is Outcome.REFUSED:
                return QBrush(REFUSED_TEXT)
            if finding.outcome in (Outcome.DUPLICATE, Outcome.SUPERSEDED, Outcome.REFERENCE):
                return QBrush(QUIET_TEXT)
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == self.OUTCOME and finding.outcome in (Outcome.REFUSED, Outcome.CONFLICT):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == self.OUTCOME:
            icon = {
                Outcome.REFUSED: QStyle.StandardPixmap.SP_MessageBoxCritical,
                Outcome.CONFLICT: QStyle.StandardPixmap.SP_MessageBoxWarning,
            }.get(finding.outcome)
            return QApplication.style().standardIcon(icon) if icon is not None else None
        if role == PATH_ROLE:
            return str(finding.path)
        if role == OUTCOME_ROLE:
            return str(finding.outcome.value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- cells -------------------------------------------------------------------------------
    def _display(self, finding: FileFinding, column: int) -> str:
        known = finding.judge_id is not None
        if column == self.FILE:
            return finding.path.name
        if column == self.JUDGE:
            if not known:
                return "—"
            return finding.judge_name or finding.judge_id or "—"
        if column in (self.FINAL, self.DRAFTS, self.RECUSALS):
            if not known:
                return "—"
            value = {
                self.FINAL: finding.final,
                self.DRAFTS: finding.drafts,
                self.RECUSALS: finding.conflicts,
            }[column]
            return str(value)
        if column == self.OUTCOME:
            return outcome_label(finding.outcome)
        if column == self.REASONS:
            return finding.reason_text(current_language())
        return ""

    def _tooltip(self, finding: FileFinding, column: int) -> str:
        if column == self.FILE:
            return str(finding.path)
        if column == self.JUDGE and finding.judge_id is not None:
            parts = [finding.judge_name or "", finding.institution or "", finding.judge_id]
            return " · ".join(p for p in parts if p)
        if column in (self.OUTCOME, self.REASONS):
            reasons = finding.reason_text(current_language())
            return f"{outcome_label(finding.outcome)}: {reasons}" if reasons else ""
        return ""
