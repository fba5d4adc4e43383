"""Helpers for the storage tests: a steady clock, a filled panel file, and edits made the way a
tamperer would make them (plain sqlite3, the audit log's triggers dropped)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from paritrana_desktop.domain.event import Event
from paritrana_desktop.storage.panel_file import Clock, PanelFile
from tests.factories import small_event

REPO = Path(__file__).resolve().parents[2]
TAMPER_PREAMBLE = (
    "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;"
)


def steady_clock(start: dt.datetime | None = None, step_ms: int = 1500) -> Clock:
    """A clock that moves ``step_ms`` forward at every reading, so times are reproducible."""
    moments: Iterator[dt.datetime] = (
        (start or dt.datetime(2025, 7, 28, 1, 0, tzinfo=dt.UTC))
        + dt.timedelta(milliseconds=step_ms * n)
        for n in range(10**9)
    )
    return lambda: next(moments)


def filled_panel(path: Path, event: Event | None = None, judge_id: str = "J2") -> Path:
    """A closed panel file with what a judge typically records: ratings, notes, a final card,
    an unlocked and corrected card, a conflict of interest, a cleared rating."""
    event = event or small_event()
    with PanelFile.create(path, event, judge_id, clock=steady_clock()) as panel:
        for code, value in (("REG", 4), ("COV", 3), ("WAW", 5)):
            panel.rate("W01", code, value)
        panel.note("W01", "REG", "Perda sudah ada; =SUM(A1) 🙂\nbaris dua")
        panel.set_general_note("W01", 'Paparan "jelas"')
        panel.set_recommendation("W01", "Layak ke tingkat nasional")
        panel.finalise("W01")
        panel.unlock("W01", "Salah ketik nilai cakupan")
        panel.rate("W01", "COV", 4)
        panel.finalise("W01")
        panel.rate("W02", "REG", 2)
        panel.rate("W02", "COV", 1)
        panel.rate("W02", "COV", None)
        panel.note("W02", "WAW", "Bupati hadir")
        panel.declare_conflict("W90", "Pernah bekerja di PT Contoh")
        panel.set_general_note("W90", "Tidak menilai")
    return path


def tamper(path: Path, sql: str, params: Sequence[Any] = ()) -> int:
    """Run one statement on ``path`` as an outside program would; the number of rows changed."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(TAMPER_PREAMBLE)
        changed = conn.execute(sql, params).rowcount
        conn.commit()
    finally:
        conn.close()
    return changed


def pragma(path: Path, name: str) -> Any:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def run_python(code: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh Python process with the repository importable."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=REPO,
    )
