"""A home of its own for a program started by a packaging test, and what it wrote there.

The program under test gets HOME, every XDG folder and TMPDIR inside one temporary folder, and
nothing else from the test's environment that could steer it (no PARITRANA_*, no PYTHONPATH).
``snapshot`` and ``new_files`` tell which files appeared, so a test can check that the program
wrote only into the user's data folder and the folders named on its command line.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Qt's AppDataLocation on Linux for organisation "Paritrana", application "Paritrana Desktop".
DATA_FOLDER = Path("Paritrana") / "Paritrana Desktop"

_KEEP = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "SYSTEMROOT", "COMSPEC", "PATHEXT")


@dataclass(frozen=True)
class Sandbox:
    root: Path

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def data_home(self) -> Path:
        return self.home / ".local" / "share"

    @property
    def data_folder(self) -> Path:
        """The user's data folder the program is meant to write to."""
        return self.data_home / DATA_FOLDER

    @property
    def work(self) -> Path:
        """The current folder the program is started in (it must stay empty)."""
        return self.root / "work"

    def env(self, **extra: str) -> dict[str, str]:
        env = {key: os.environ[key] for key in _KEEP if key in os.environ}
        runtime = self.root / "runtime"
        env.update(
            HOME=str(self.home),
            XDG_DATA_HOME=str(self.data_home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            XDG_STATE_HOME=str(self.home / ".local" / "state"),
            XDG_RUNTIME_DIR=str(runtime),
            TMPDIR=str(self.root / "tmp"),
            QT_QPA_PLATFORM="offscreen",
            PARITRANA_LANG="id",
        )
        env.update(extra)
        return env


def make_sandbox(root: Path) -> Sandbox:
    box = Sandbox(root)
    for folder in (box.home, box.work, root / "tmp"):
        folder.mkdir(parents=True, exist_ok=True)
    (root / "runtime").mkdir(mode=0o700, exist_ok=True)
    return box


def snapshot(*folders: Path) -> dict[Path, tuple[int, int]]:
    """Every file under ``folders`` with its size and modification time."""
    found: dict[Path, tuple[int, int]] = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() or path.is_symlink():
                st = path.lstat()
                found[path] = (st.st_size, st.st_mtime_ns)
    return found


def written(before: dict[Path, tuple[int, int]], after: dict[Path, tuple[int, int]]) -> set[Path]:
    """Files that appeared or changed between two snapshots."""
    return {path for path, stamp in after.items() if before.get(path) != stamp}


def outside(paths: Iterable[Path], allowed: Iterable[Path]) -> list[Path]:
    """The paths not inside any of the allowed folders (or equal to an allowed file)."""
    roots = [a.resolve() for a in allowed]
    stray = []
    for path in paths:
        resolved = path.resolve()
        if not any(resolved == root or root in resolved.parents for root in roots):
            stray.append(path)
    return sorted(stray)


def run(
    command: list[str], box: Sandbox, timeout: float = 120, **extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=box.work,
        env=box.env(**extra),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@dataclass
class Running:
    """A window program left running, and how it ended."""

    process: subprocess.Popen[str]
    alive_for: float
    still_running: bool  # when the test stopped it, rather than having ended on its own
    returncode: int
    stdout: str
    stderr: str


def start_and_stop(
    command: list[str],
    box: Sandbox,
    *,
    log: Path,
    ready: str,
    stay_up: float = 3.0,
    **extra: str,
) -> Running:
    """Start a window program, wait until its ``log`` says ``ready`` and it has been up for
    ``stay_up`` seconds, note whether it is still running, then terminate it as a desktop
    session does at log-out (SIGTERM) and collect how it ended."""
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        cwd=box.work,
        env=box.env(**extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = started + 90
        while process.poll() is None and time.monotonic() < deadline:
            if log.is_file() and ready in log.read_text(encoding="utf-8", errors="replace"):
                break
            time.sleep(0.1)
        while time.monotonic() - started < stay_up and process.poll() is None:
            time.sleep(0.1)
        alive_for = time.monotonic() - started
        still_running = process.poll() is None
        if still_running:
            process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return Running(process, alive_for, still_running, process.returncode, stdout, stderr)
