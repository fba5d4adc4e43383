"""The real program under a real X server (Xvfb), on the demo event, photographed.

Each run starts ``python -m paritrana_desktop`` as a judge would, with a private data folder,
and saves PNGs into tests/artifacts/ (git-ignored): the "who are you" dialog, the main window
and the scoring dialog, in Indonesian and in English, and once more at 150% scaling. Look at
them: cut-off text, untranslated strings and cramped layouts show there first.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def run_under_xvfb(
    tmp_path: Path, name: str, *args: str, scale: str | None = None, fresh: bool = True
) -> dict[str, Path]:
    if shutil.which("xvfb-run") is None:
        pytest.fail("xvfb-run is missing: ./dev test installs xvfb and xauth")
    data = tmp_path / f"data-{name}"
    if fresh and data.exists():
        shutil.rmtree(data)
    prefix = ARTIFACTS / name
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "PARITRANA_"))} | {
        "QT_QPA_PLATFORM": "xcb",
        "PARITRANA_DATA_DIR": str(data),
        "PARITRANA_NOW": "2025-07-28T10:20:00",  # Kabupaten Kutai Timur is presenting
        "PARITRANA_SCREENSHOT": str(prefix),
        "PARITRANA_OPEN_FIRST_INTERVIEW": "1",
    }
    if scale:
        env["QT_SCALE_FACTOR"] = scale
    done = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1920x1080x24",
            sys.executable,
            "-m",
            "paritrana_desktop",
            *args,
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return {png.stem.removeprefix(f"{name}-"): png for png in ARTIFACTS.glob(f"{name}-*.png")}


def test_first_start_in_indonesian(tmp_path: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shots = run_under_xvfb(tmp_path, "xvfb-id", "--lang", "id")
    # a first start: nothing opened before, so the demo and the "who are you" question
    assert set(shots) == {"judges", "main", "scoring"}
    assert png_size(shots["main"]) == (1280, 720)
    width, height = png_size(shots["scoring"])
    assert width <= 1280 and height <= 720


def test_a_scored_panel_file_in_english(tmp_path: Path) -> None:
    """A judge's panel file from ``paritrana demo``: finals, drafts, a conflict, totals."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    demo = tmp_path / "demo"
    subprocess.run(
        [sys.executable, "-m", "paritrana_desktop.cli", "demo", str(demo)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    panel = demo / "KALTIM25-DEMO_J07.paritrana-panel"  # the judge with a conflict
    assert panel.exists()
    shots = run_under_xvfb(tmp_path, "xvfb-en", "--lang", "en", str(panel))
    assert set(shots) == {"main", "scoring"}
    assert png_size(shots["main"]) == (1280, 720)


def test_at_150_percent_scaling(tmp_path: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shots = run_under_xvfb(
        tmp_path, "xvfb-id-150", "--lang", "id", "--demo", "--judge", "J05", scale="1.5"
    )
    assert set(shots) == {"main", "scoring"}
    # 1280x720 logical at 150 % is the whole 1920x1080 screen: the window is made just small
    # enough to leave room for its frame (window_memory), never larger than the screen
    width, height = png_size(shots["main"])
    assert 1800 <= width <= 1920 and 950 <= height <= 1080
