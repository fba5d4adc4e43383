"""Before the copy for the chair is written: what in it the chair's merge will leave out.

The merge counts only locked (final) scorecards, unless the chair asks for drafts. A judge who
exports with drafts, or with a conflict of interest declared but not locked, is told how many
before anything is written, and may lock them first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.scorecard import Scorecard


@dataclass(frozen=True)
class LeftOut:
    """The scorecards of a panel file the merge leaves out by default."""

    drafts: int = 0  # rated or written in, not locked
    open_conflicts: int = 0  # a conflict of interest declared, not locked

    @property
    def any(self) -> bool:
        return bool(self.drafts or self.open_conflicts)


def left_out(cards: Iterable[Scorecard]) -> LeftOut:
    """Count the drafts and the unlocked conflicts of interest (empty scorecards are not
    drafts: nothing was recorded)."""
    drafts = conflicts = 0
    for card in cards:
        if card.is_final or card.is_empty:
            continue
        if card.conflict:
            conflicts += 1
        else:
            drafts += 1
    return LeftOut(drafts, conflicts)
