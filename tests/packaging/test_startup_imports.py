"""The path from the process start to the schedule on screen imports only what it needs.

The papers' libraries (reportlab, docxtpl with python-docx, lxml and Jinja2) and openpyxl cost
some 0.5 s to import together; the window needs none of them until a judge prints or the chair
merges, so they are imported then (bench/bench_startup.py measures the whole start).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.packaging.sandbox import ROOT

NOT_ON_THE_START_PATH = ("reportlab", "docx", "docxtpl", "jinja2", "lxml", "openpyxl", "PIL")


def _imported_at_start(data_folder: Path) -> set[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PARITRANA_EXIT_WHEN_SHOWN": "1",
        "PARITRANA_DATA_DIR": str(data_folder),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "paritrana_desktop", "--demo"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=50,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "shown_at" in done.stdout
    lines = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    assert lines, done.stderr[-3000:]
    return {line.rsplit("|", 1)[1].strip() for line in lines}


def test_the_window_shows_the_demo_without_the_papers_libraries(tmp_path: Path) -> None:
    imported = _imported_at_start(tmp_path / "data")
    assert "paritrana_desktop.ui.main_window" in imported
    loaded = sorted(name for name in imported if name.split(".", 1)[0] in NOT_ON_THE_START_PATH)
    assert loaded == []


def test_the_command_line_says_its_version_without_the_papers_libraries() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "paritrana_desktop.cli", "--version"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=50,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "paritrana_desktop.cli.merge" in imported  # the parser knows the merge's options
    assert sorted(n for n in imported if n.split(".", 1)[0] in NOT_ON_THE_START_PATH) == []
