"""Bench durability: N random SIGKILLs of a process recording ratings and notes.

    .venv/bin/python bench/bench_durability.py [--kills 1000] [--files 10] [--seed 28072025]

The child is the durability test's (``tests/unit/durability_child.py changes``): it opens a panel
file through the public API (``PanelFile``), records ratings and criterion notes in a loop and
reports each change before the call (``W``) and after it returned (``OK``). The bench kills it
with SIGKILL at a random moment, a third of the time anywhere from its start (importing, opening,
creating the file, recovering the journal), otherwise while it records; then restarts it on the
same file. The kills are spread over ``--files`` panel files, in turn.

Afterwards each file is checked: SQLite's ``PRAGMA integrity_check``, ``PanelFile.verify()`` (the
audit chain, and the stored scores against the log), and every acknowledged change (one with an
``OK`` line) is in the log at the place the child recorded it. It prints kills, acknowledged
changes, changes lost, files failing ``integrity_check`` and chains failing ``verify``. The
files live in a temporary folder (``--dir`` to choose where), deleted afterwards.

Target: no change lost, no file failing. Exit status 0 when met, else 1.
The suite's shorter run is ``tests/unit/test_storage_durability.py`` (40 kills, slow).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from paritrana_desktop.storage.audit import EntryKind  # noqa: E402
from paritrana_desktop.storage.panel_file import PanelFile  # noqa: E402

CHILD = ROOT / "tests" / "unit" / "durability_child.py"

# (interview, criterion, "rate" or "note", the value as the child printed it)
Write = tuple[str, str, str, str]


@dataclass
class Run:
    """What one child process reported before it was killed."""

    entries_at_start: int | None = None
    saved: list[Write] = field(default_factory=list)


@dataclass
class Figures:
    kills: int = 0
    acknowledged: int = 0
    lost: int = 0
    died_on_its_own: int = 0
    files: int = 0
    integrity_failed: int = 0
    chain_failed: int = 0
    problems: list[str] = field(default_factory=list)


def _parse(lines: list[str]) -> Run:
    run = Run()
    pending: dict[int, Write] = {}
    for line in lines:
        word, *rest = line.split(" ", 5)
        if word == "ready" and rest:
            run.entries_at_start = int(rest[0])
        elif word == "W" and len(rest) == 5:
            value = rest[4] if rest[3] == "note" else repr(float(rest[4]))
            pending[int(rest[0])] = (rest[1], rest[2], rest[3], value)
        elif word == "OK" and int(rest[0]) in pending:
            run.saved.append(pending.pop(int(rest[0])))
    return run


def _one_kill(path: Path, seed: int, rnd: random.Random, errors: Path) -> tuple[Run, bool]:
    """Start the child on ``path``, kill it at a random moment; (its report, died on its own)."""
    with errors.open("a") as err:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), "changes", str(path), str(seed)],
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
            cwd=ROOT,
        )
    assert child.stdout is not None
    first: list[str] = []
    if rnd.random() < 1 / 3:
        time.sleep(rnd.uniform(0.0, 0.5))
    else:
        first.append(child.stdout.readline().strip())
        time.sleep(rnd.uniform(0.0, 0.25))
    child.send_signal(signal.SIGKILL)
    out = child.stdout.read()
    child.wait(timeout=60)
    child.stdout.close()
    return _parse([line for line in first if line] + out.splitlines()), (
        child.returncode != -signal.SIGKILL
    )


def _logged(panel: PanelFile) -> list[Write]:
    logged: list[Write] = []
    for entry in panel.audit_entries():
        if entry.kind != EntryKind.CHANGE:
            continue
        kind = "note" if entry.payload["action"] == "criterion_note" else "rate"
        value = entry.payload["value"]
        shown = str(value) if kind == "note" else repr(float(value))
        logged.append((str(entry.interview_id), str(entry.payload["criterion"]), kind, shown))
    return logged


def _check(path: Path, runs: list[Run], figures: Figures) -> None:
    """Check one file after its kills, adding what failed to ``figures``."""
    acknowledged = sum(len(run.saved) for run in runs)
    if not path.exists():
        figures.lost += acknowledged
        figures.problems.append(f"{path.name}: missing")
        return
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    if integrity != [("ok",)]:
        figures.integrity_failed += 1
        figures.problems.append(f"{path.name}: integrity_check {integrity[:3]}")
    with PanelFile.open(path) as panel:
        result = panel.verify()
        logged = _logged(panel)
    if not (result.chain_ok and result.scores_match_log and result.ok):
        figures.chain_failed += 1
        figures.problems.append(f"{path.name}: {[p.en for p in result.problems]}")
    for run in runs:
        if run.entries_at_start is None:
            continue
        start = run.entries_at_start - 1  # the "created" entry comes first
        found = logged[start : start + len(run.saved)]
        lost = sum(a != b for a, b in zip(run.saved, found, strict=False))
        lost += max(0, len(run.saved) - len(found))
        if lost:
            figures.problems.append(f"{path.name}: {lost} acknowledged changes missing")
        figures.lost += lost


def bench(folder: Path, kills: int, files: int, seed: int) -> Figures:
    rnd = random.Random(seed)
    paths = [folder / f"DURABLE_J2_{n}.paritrana-panel" for n in range(files)]
    runs: dict[Path, list[Run]] = {path: [] for path in paths}
    figures = Figures(files=files)
    errors = folder / "child-errors.txt"
    started = time.monotonic()
    for k in range(kills):
        path = paths[k % files]
        run, on_its_own = _one_kill(path, k, rnd, errors)
        runs[path].append(run)
        figures.kills += 1
        figures.died_on_its_own += on_its_own
        figures.acknowledged += len(run.saved)
        if (k + 1) % 100 == 0:
            print(f"  {k + 1} kills, {time.monotonic() - started:.0f} s", flush=True)
    for path in paths:
        _check(path, runs[path], figures)
    if figures.died_on_its_own:
        figures.problems.append(f"child errors:\n{errors.read_text()[-2000:]}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--seed", type=int, default=28072025)
    parser.add_argument("--dir", type=Path, default=None, help="where the panel files go")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="paritrana-durability-") as tmp:
        started = time.monotonic()
        figures = bench(Path(tmp), args.kills, max(1, args.files), args.seed)
        took = time.monotonic() - started
    print(f"kills: {figures.kills} over {figures.files} panel files in {took:.0f} s")
    print(f"acknowledged changes (ratings and notes): {figures.acknowledged}")
    print(f"changes lost: {figures.lost}")
    print(f"children that died before the kill: {figures.died_on_its_own}")
    print(f"files failing integrity_check: {figures.integrity_failed} of {figures.files}")
    print(f"chains failing verify: {figures.chain_failed} of {figures.files}")
    for problem in figures.problems:
        print(f"  {problem}")
    met = not (
        figures.lost or figures.integrity_failed or figures.chain_failed or figures.died_on_its_own
    )
    print(f"RESULT {'PASS' if met else 'FAIL'}: target no change lost and no file failing")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
