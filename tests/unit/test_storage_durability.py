"""Durability: a process killed with SIGKILL at any moment loses no rating whose call returned.

A child process (``durability_child.py``) records ratings in a loop and reports each one; the
parent kills it at random moments, many times, restarting it on the same panel file. Afterwards
the file passes SQLite's integrity check, its audit chain verifies, and every rating the child
reported as saved is there with its value; the rating in flight at the kill may or may not be.

This covers the program being killed (crash, task manager, closed laptop lid with the process
frozen and killed). A power cut is covered by ``synchronous=FULL`` as SQLite documents it; the
test cannot pull the plug.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from paritrana_desktop.storage.audit import EntryKind
from paritrana_desktop.storage.panel_file import PanelFile
from tests.factories import small_event
from tests.unit.storage_helpers import REPO

CHILD = Path(__file__).with_name("durability_child.py")
KILLS = 40
TIME_BUDGET = 60.0  # seconds for the whole kill loop

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL"),
]

Write = tuple[str, str, float]


@dataclass
class Run:
    """What one child process reported before it was killed."""

    entries_at_start: int | None = None
    saved: list[Write] = field(default_factory=list)
    in_flight: Write | None = None


def _start(errors: Path, *args: str) -> subprocess.Popen[str]:
    """The child, its output piped (read through one buffer) and its errors kept in a file."""
    with errors.open("a") as err:
        return subprocess.Popen(
            [sys.executable, str(CHILD), *args],
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(REPO)),
            cwd=REPO,
        )


def _kill(child: subprocess.Popen[str], errors: Path, *, may_finish: bool = False) -> list[str]:
    assert child.stdout is not None
    child.send_signal(signal.SIGKILL)
    out = child.stdout.read()
    child.wait(timeout=30)
    child.stdout.close()
    if child.returncode != -signal.SIGKILL and not (may_finish and child.returncode == 0):
        # It died on its own: a bug, show why.
        pytest.fail(f"child ended with {child.returncode} before the kill:\n{errors.read_text()}")
    return out.splitlines()


def _parse(lines: list[str]) -> Run:
    run = Run()
    pending: dict[int, Write] = {}
    for line in lines:
        word, *rest = line.split()
        if word == "ready":
            run.entries_at_start = int(rest[0])
        elif word == "W":
            pending[int(rest[0])] = (rest[1], rest[2], float(rest[3]))
        elif word == "OK":
            run.saved.append(pending.pop(int(rest[0])))
    assert len(pending) <= 1
    run.in_flight = next(iter(pending.values()), None)
    return run


def _changes(path: Path) -> list[Write]:
    with PanelFile.open(path) as panel:
        return [
            (str(e.interview_id), str(e.payload["criterion"]), float(e.payload["value"]))
            for e in panel.audit_entries()
            if e.kind == EntryKind.CHANGE
        ]


def test_no_saved_rating_is_lost_when_the_process_is_killed(tmp_path: Path) -> None:
    path = tmp_path / "TEST25_J2.paritrana-panel"
    rnd = random.Random(28072025)
    runs: list[Run] = []
    started = time.monotonic()
    errors = tmp_path / "child-errors.txt"
    while len(runs) < KILLS and time.monotonic() - started < TIME_BUDGET:
        child = _start(errors, "rate", str(path), str(len(runs)))
        assert child.stdout is not None
        if rnd.random() < 0.3:
            # Anywhere from the start: while importing, opening, recovering the journal.
            time.sleep(rnd.uniform(0.0, 0.5))
            runs.append(_parse(_kill(child, errors)))
            continue
        first = child.stdout.readline()
        assert first.startswith("ready"), first + errors.read_text()
        time.sleep(rnd.uniform(0.0, 0.25))
        runs.append(_parse([first.strip(), *_kill(child, errors)]))
    assert len(runs) >= 30, f"only {len(runs)} kills in {TIME_BUDGET} s"

    # The file is sound: SQLite's own check, the audit chain, stored scores against the log.
    with PanelFile.open(path) as panel:
        result = panel.verify()
        assert result.ok, result.problems
        assert result.integrity_ok and result.chain_ok and result.scores_match_log
        ratings = {
            (c.interview_id, code): value
            for c in panel.scorecards()
            for code, value in c.ratings.items()
        }
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()

    # Every saved rating is in the log, in order; a rating in flight at a kill is there or not.
    # A run that printed "ready" said how many entries the file held then; a run killed before
    # "ready" recorded nothing.
    changes = _changes(path)
    position = 0
    for k, run in enumerate(runs):
        if run.entries_at_start is None:
            assert not run.saved and run.in_flight is None
            continue
        assert run.entries_at_start == position + 1  # + the "created" entry
        assert changes[position : position + len(run.saved)] == run.saved
        position += len(run.saved)
        next_known = next(
            (r.entries_at_start - 1 for r in runs[k + 1 :] if r.entries_at_start is not None),
            len(changes),
        )
        assert next_known - position in (0, 1)
        if next_known - position == 1:  # the rating in flight was committed before the kill
            assert run.in_flight is not None and changes[position] == run.in_flight
            position += 1
    assert position == len(changes), "the log holds ratings nobody recorded"
    saved = sum(len(run.saved) for run in runs)
    in_flight = sum(run.in_flight is not None for run in runs)
    print(f"{len(runs)} kills, {saved} saved ratings, {in_flight} in flight, {len(changes)} logged")
    assert saved > 100, "the child barely wrote anything: the test proves little"

    # The scores on file are the last value recorded for each criterion.
    last: dict[tuple[str, str], float] = {}
    for interview, criterion, value in changes:
        last[(interview, criterion)] = value
    assert ratings == last


def test_a_creation_cut_off_leaves_no_file_or_a_whole_one(tmp_path: Path) -> None:
    rnd = random.Random(29072025)
    errors = tmp_path / "child-errors.txt"
    # How long a creation takes on this disk, so that the kills land inside it.
    durations = []
    for n in range(3):
        child = _start(errors, "create", str(tmp_path / f"uncut-{n}.paritrana-panel"))
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        begun = time.monotonic()
        assert child.stdout.readline().strip() == "created", errors.read_text()
        durations.append(time.monotonic() - begun)
        child.wait(timeout=30)
        child.stdout.close()
    takes = sorted(durations)[1]
    outcomes = {"whole": 0, "absent": 0}
    started = time.monotonic()
    for n in range(30):
        if time.monotonic() - started > TIME_BUDGET:
            break
        path = tmp_path / f"J2-{n}.paritrana-panel"
        child = _start(errors, "create", str(path))
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        # Up to twice the typical creation time: some kills land before it ends, some after,
        # even when the machine is busy and a creation takes longer than it did above.
        time.sleep(rnd.uniform(0.0, 2 * takes))
        lines = _kill(child, errors, may_finish=True)
        assert lines in ([], ["created"])
        if lines:
            assert path.exists()
        if path.exists():
            outcomes["whole"] += 1
            with PanelFile.open(path) as panel:
                assert panel.verify().ok and panel.judge.id == "J2"
        else:
            outcomes["absent"] += 1
            # The name is free: creating it again works and clears the leftover.
            with PanelFile.create(path, small_event(), "J2") as panel:
                assert panel.verify().ok
            assert not path.with_name(f".{path.name}.part").exists()
    print(f"creation ({takes * 1000:.0f} ms) killed {sum(outcomes.values())} times: {outcomes}")
    assert outcomes["whole"] + outcomes["absent"] >= 20
    # Both outcomes occurred, so the kills did land during creation.
    assert outcomes["whole"] > 0 and outcomes["absent"] > 0, outcomes
