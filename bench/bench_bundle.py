"""The bundle's size, and its start-up time against the same program run from the virtual env.

    .venv/bin/python bench/bench_bundle.py [--bundle dist/ParitranaDesktop] [--runs 9] [--build]

1. Size: the bundle folder on disk (bytes of its files, and the blocks the disk gives them) and
   zipped (the folder zipped afresh, as packaging/build_bundle.py zips it). Target: under 150 MB
   on disk for Linux.
2. Start-up, in one run, the bundle and the virtual environment alternating, medians compared:
   - ``paritrana --version``: the command line's start (Python and the package, no Qt);
   - ``paritrana-desktop --demo --judge J03`` to the main window shown on the demo event (the
     program's PARITRANA_EXIT_WHEN_SHOWN hook prints when, then quits; offscreen platform),
     timed from starting the process.
   Each command runs once first to warm the disk cache and create the judge's panel file.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_config as cfg  # noqa: E402
from build_bundle import zip_folder  # noqa: E402
from startup_timing import child_environment, time_to_shown  # noqa: E402

SIZE_TARGET = 150 * 1000 * 1000
VENV_BIN = ROOT / ".venv" / ("Scripts" if sys.platform == "win32" else "bin")
if not VENV_BIN.is_dir():  # a git worktree without its own .venv: the one running this bench
    VENV_BIN = Path(sys.executable).parent
EXE = ".exe" if sys.platform == "win32" else ""


def sizes(folder: Path) -> tuple[int, int, int]:
    """(bytes of the files, bytes of disk blocks they take, number of files)."""
    apparent = allocated = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            st = path.stat()
            apparent += st.st_size
            allocated += getattr(st, "st_blocks", 0) * 512 or st.st_size
            count += 1
    return apparent, allocated, count


def time_version(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command} failed:\n{done.stderr}")
    return elapsed


def alternate(
    label: str,
    measure: Callable[[list[str], dict[str, str]], float],
    bundle_cmd: list[str],
    venv_cmd: list[str],
    runs: int,
    tmp: Path,
) -> tuple[float, float]:
    envs = {
        key: child_environment(tmp / f"{label}-{key}", PARITRANA_LANG="id")
        for key in ("bundle", "venv")
    }
    commands = {"bundle": bundle_cmd, "venv": venv_cmd}
    for key in commands:  # warm the disk cache, create the panel file
        measure(commands[key], envs[key])
    times: dict[str, list[float]] = {"bundle": [], "venv": []}
    for _ in range(runs):
        for key in ("bundle", "venv"):
            times[key].append(measure(commands[key], envs[key]))
    medians = {key: statistics.median(values) for key, values in times.items()}
    print(f"{label}, {runs} alternating runs each:")
    for key in ("bundle", "venv"):
        values = times[key]
        print(
            f"  {key:6} median {medians[key] * 1000:6.0f} ms "
            f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})"
        )
    print(f"  bundle / venv: {medians['bundle'] / medians['venv']:.2f}x")
    return medians["bundle"], medians["venv"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / cfg.FOLDER)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--build", action="store_true", help="build the bundle first")
    args = parser.parse_args()
    if args.build:
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build_bundle.py")], check=True)
    bundle: Path = args.bundle.resolve()
    if not (bundle / f"{cfg.GUI_EXE}{EXE}").is_file():
        raise SystemExit(f"no bundle in {bundle}: run ./dev bundle first (or pass --build)")

    apparent, allocated, count = sizes(bundle)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        archive = zip_folder(bundle, tmp / "bundle.zip")
        zipped = archive.stat().st_size
        print(f"bundle {bundle}")
        print(f"  on disk: {apparent / 1e6:.1f} MB in {count} files ({allocated / 1e6:.1f} MB of")
        print(f"           disk blocks); zipped: {zipped / 1e6:.1f} MB")

        version = alternate(
            "paritrana --version",
            time_version,
            [str(bundle / f"{cfg.CLI_EXE}{EXE}"), "--version"],
            [str(VENV_BIN / f"paritrana{EXE}"), "--version"],
            args.runs,
            tmp,
        )
        window = alternate(
            "main window shown on the demo event (offscreen)",
            time_to_shown,
            [str(bundle / f"{cfg.GUI_EXE}{EXE}"), "--demo", "--judge", "J03"],
            [str(VENV_BIN / f"paritrana-desktop{EXE}"), "--demo", "--judge", "J03"],
            args.runs,
            tmp,
        )
    verdict = "OK" if apparent < SIZE_TARGET else "TOO BIG"
    print(
        f"RESULT bundle {apparent / 1e6:.1f} MB on disk (target under 150 MB: {verdict}), "
        f"{zipped / 1e6:.1f} MB zipped; --version {version[0] * 1000:.0f} ms bundle vs "
        f"{version[1] * 1000:.0f} ms venv; window {window[0] * 1000:.0f} ms bundle vs "
        f"{window[1] * 1000:.0f} ms venv"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
