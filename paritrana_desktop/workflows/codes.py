"""The verification code of a panel file's state, and checking a code typed back from paper.

The code (``domain.verification_code``) names the judge, the file (its panel ID) and the exact
state of its audit chain; it is printed on both papers, in the merge's report and in the
workbook, and ``paritrana verify FILE --code CODE`` checks it against the file as it is now.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..domain.text import Text
from ..domain.verification_code import Outcome, compare, make_code
from ..storage.panel_file import PanelFile

__all__ = ["CodeCheck", "check_code", "panel_code"]


def panel_code(panel: PanelFile) -> str:
    """The code of ``panel`` in its current state."""
    state = panel.chain_state()
    return make_code(panel.judge.id, panel.panel_id, state.entries, state.head_hash)


@dataclass(frozen=True, slots=True)
class CodeCheck:
    outcome: Outcome
    message: Text
    current_code: str

    @property
    def same(self) -> bool:
        return self.outcome is Outcome.SAME


def _when(stamp: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(stamp).astimezone(dt.UTC)
    except ValueError:
        return stamp
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def check_code(path: Path, code: str) -> CodeCheck:
    """Which holds between ``code`` and the panel file at ``path`` as it is now (read-only)."""
    with PanelFile.open(Path(path), read_only=True) as panel:
        state = panel.chain_state()
        current = make_code(panel.judge.id, panel.panel_id, state.entries, state.head_hash)
        found = compare(
            code,
            panel.judge.id,
            panel.panel_id,
            state.entries,
            state.head_hash,
            head_at=panel.chain_heads(),
        )
    message = found.message
    if found.outcome is Outcome.CHANGED_SINCE:
        when = _when(state.last_at)
        message = message + Text(f" Perubahan terakhir: {when}.", f" The last change: {when}.")
    if found.outcome is not Outcome.SAME:
        message = message + Text(
            f" Kode berkas ini sekarang: {current}.", f" This file's code now: {current}."
        )
    return CodeCheck(found.outcome, message, current)
