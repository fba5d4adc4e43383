"""What bench_startup.py and bench_bundle.py share: starting the program in a clean environment
and reading when its window was shown."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path


def child_environment(data_dir: Path, **extra: str) -> dict[str, str]:
    """This process's environment for a program under test: offscreen, its own data folder.

    Python writes no .pyc files when PYTHONDONTWRITEBYTECODE holds any value at all (even "0")
    and would then compile every module from source on each start; installed programs start
    from compiled files, so the variable is removed rather than set.
    """
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PARITRANA_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(QT_QPA_PLATFORM="offscreen", PARITRANA_DATA_DIR=str(data_dir), **extra)
    return env


def time_to_shown(command: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    """Seconds from starting ``command`` to the ``shown_at`` time it prints, then exits.

    The program prints ``shown_at <epoch seconds>`` and quits once its window is on the screen
    when PARITRANA_EXIT_WHEN_SHOWN is set (the bare window of bench_startup does the same).
    """
    started = time.time()
    done = subprocess.run(
        command,
        env=dict(env, PARITRANA_EXIT_WHEN_SHOWN="1"),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0:
        raise SystemExit(f"{command} failed:\n{done.stderr}")
    for line in done.stdout.splitlines():
        if line.startswith("shown_at "):
            return float(line.split()[1]) - started
    raise SystemExit(f"{command} did not report its window:\n{done.stdout}\n{done.stderr}")
