"""How a scorecard's state looks: ``domain.scorecard.CardState`` decides the state, this
module only gives it its colours, its translated label, its key in the settings and its place
in the schedule's sort order. The schedule, its status filter and the scoring window's badge
all use it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ..domain.scorecard import CardState

# The schedule sorts what is still to do first and the conflicts of interest last.
SORT_ORDER = {
    CardState.NOT_SCORED: 0,
    CardState.DRAFT: 1,
    CardState.FINAL: 2,
    CardState.CONFLICT: 3,
}
IN_ORDER = tuple(sorted(CardState, key=SORT_ORDER.__getitem__))
TEXT_COLOURS = {  # dark enough to read on white and on the alternating row colour
    CardState.FINAL: QColor(21, 110, 48),
    CardState.DRAFT: QColor(150, 80, 0),
    CardState.CONFLICT: QColor(110, 60, 140),
}
BADGE_COLOURS = {  # white bold text on these
    CardState.NOT_SCORED: "#6b7280",
    CardState.DRAFT: "#8a6d00",
    CardState.FINAL: "#1d7a3a",
    CardState.CONFLICT: "#b3261e",
}
_KEYS = {
    CardState.NOT_SCORED: "not_scored",
    CardState.DRAFT: "draft",
    CardState.FINAL: "final",
    CardState.CONFLICT: "conflict",
}


def state_key(state: CardState) -> str:
    """The state's name in the settings file (the remembered status filter)."""
    return _KEYS[state]


def state_from_key(key: str) -> CardState | None:
    return next((state for state, known in _KEYS.items() if known == key), None)


def state_label(state: CardState) -> str:
    labels = {
        CardState.NOT_SCORED: QCoreApplication.translate("CardState", "Not scored"),
        CardState.DRAFT: QCoreApplication.translate("CardState", "Draft"),
        CardState.FINAL: QCoreApplication.translate("CardState", "Final"),
        CardState.CONFLICT: QCoreApplication.translate("CardState", "Conflict of interest"),
    }
    return labels[state]
