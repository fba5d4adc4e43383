""" "Who are you?": the judge picks their own name from the event's panel roster, once per event.

Keyboard: the list has the focus, its first name framed but not chosen; the arrow keys move and
choose, Space chooses the framed name, typing a name's first letters jumps to it, Enter confirms,
Esc cancels. Enter before any name is chosen does nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.event import Event, Judge, Role

ModelIndex = QModelIndex | QPersistentModelIndex
JUDGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class JudgeModel(QAbstractTableModel):
    """The panel roster: name, institution, role."""

    def __init__(self, judges: tuple[Judge, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._judges = judges

    def judge(self, row: int) -> Judge:
        return self._judges[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._judges)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            titles = (self.tr("Name"), self.tr("Institution"), self.tr("Role"))
            return titles[section] if 0 <= section < 3 else None
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._judges):
            return None
        judge = self._judges[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return judge.name
            if index.column() == 1:
                return judge.institution
            if index.column() == 2:
                return self.tr("Chair") if judge.role is Role.KETUA else self.tr("Member")
        if role == JUDGE_ID_ROLE:
            return judge.id
        return None


class JudgeChooser(QDialog):
    """Asks which judge on the roster is using this laptop."""

    def __init__(self, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("judgeChooser")
        self.setWindowTitle(self.tr("Who are you?"))
        self.roster_event = event
        self.model = JudgeModel(event.judges, self)

        intro = QLabel(
            self.tr(
                "<b>{event}</b><br>Choose your own name from the panel. The program makes your "
                "own panel file for this event and asks only once."
            ).format(event=_escape(event.name)),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)

        self.table = QTableView(self)
        self.table.setObjectName("judgeTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Panel roster"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.table.activated.connect(lambda _index: self.accept())

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&This is me"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 420)

        # Nobody is chosen until the judge chooses: Enter on a first start must not make anyone
        # the chair.
        self.table.setFocus()
        self.table.selectionModel().selectionChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.selected_judge_id() is not None
        )

    def selected_judge_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.judge(rows[0].row()).id

    def accept(self) -> None:
        if self.selected_judge_id() is None:
            return
        super().accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
