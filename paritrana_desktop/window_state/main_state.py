"""The main window's action rules: which menu entries are on, decided from what is open."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class MainAction(Enum):
    """The main window's actions whose state depends on the open file (by object name)."""

    EXPORT = "exportAction"
    SWITCH_JUDGE = "switchJudgeAction"
    SCORE = "scoreAction"
    NOW = "nowAction"
    FIND = "findAction"
    CLEAR_FILTERS = "clearFiltersAction"
    SCHEDULE_FOCUS = "scheduleFocusAction"
    OPEN_OWN = "openOwnAction"
    CONTINUE_FROM_COPY = "continueFromCopyAction"
    SCORE_SHEET = "scoreSheetAction"


# Actions that need an open panel file and nothing else.
_NEED_A_PANEL = (
    MainAction.SWITCH_JUDGE,
    MainAction.SCORE,
    MainAction.NOW,
    MainAction.FIND,
    MainAction.CLEAR_FILTERS,
    MainAction.SCHEDULE_FOCUS,
    MainAction.SCORE_SHEET,
)


@dataclass(frozen=True)
class MainState:
    """What the main window holds, as far as its actions care."""

    panel_open: bool = False
    read_only: bool = False  # the open file is a copy, opened read-only
    own_panel_found: bool = False  # ... and the judge's own file for its event is on this laptop
    exporting: bool = False  # the copy for the chair is being written

    def enabled(self) -> dict[MainAction, bool]:
        """Every action of :class:`MainAction` and whether it is on."""
        copy_open = self.panel_open and self.read_only
        result = {action: self.panel_open for action in _NEED_A_PANEL}
        result[MainAction.EXPORT] = self.panel_open and not self.exporting
        result[MainAction.OPEN_OWN] = copy_open and self.own_panel_found
        result[MainAction.CONTINUE_FROM_COPY] = copy_open and not self.own_panel_found
        return result
