"""The chair's register page's table: one row per judge (per file offered to the merge), with
the registered key, the file's key and what that means (``window_state.register_state``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from ..window_state.register_state import JudgeRow, KeyState

translate = QCoreApplication.translate
AnyIndex = QModelIndex | QPersistentModelIndex


class RegisterKeysModel(QAbstractTableModel):
    """One row per judge (per file): registered key, the file's key, what that means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[JudgeRow] = []

    def set_rows(self, rows: list[JudgeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> JudgeRow:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("MergeRegister", "Judge"),
            translate("MergeRegister", "Registered key"),
            translate("MergeRegister", "Key of the file"),
            translate("MergeRegister", "State"),
            translate("MergeRegister", "File"),
        )[section]

    def data(self, index: AnyIndex, role: int = 0) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        none = translate("MergeRegister", "(none)")
        values = (
            row.judge_id,
            row.registered or none,
            row.offered or none,
            state_text(row.state),
            row.file.name if row.file is not None else "",
        )
        return values[index.column()]


def state_text(state: KeyState) -> str:
    return {
        KeyState.MATCHES: translate("MergeRegister", "Matches the register"),
        KeyState.NOT_REGISTERED: translate(
            "MergeRegister", "Not registered: compare with the lembar"
        ),
        KeyState.CHANGE_PENDING: translate("MergeRegister", "Key change awaiting you"),
        KeyState.DIFFERS: translate("MergeRegister", "Not the registered key: refused"),
        KeyState.UNSIGNED: translate("MergeRegister", "Unsigned"),
        KeyState.NO_FILE: translate("MergeRegister", "No file in the list"),
    }[state]
