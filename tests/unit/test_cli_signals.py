"""SIGINT, SIGTERM and SIGHUP to ``paritrana merge`` and ``paritrana demo`` leave nothing behind
and exit with 128 + the signal's number; the previous workbook stays byte for byte."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from paritrana_desktop.cli import main
from paritrana_desktop.workflows.demo import demo_event

JUDGES = len(demo_event().judges)

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX signals")

# A child that runs the real command with one function wrapped so that it pauses (after doing
# its work) until the test sends a signal: the marker file says it has got there.
_CHILD = textwrap.dedent(
    """
    import importlib, pathlib, sys, time
    from paritrana_desktop.cli import main
    module_name, function_name, marker = sys.argv[1:4]
    module = importlib.import_module(module_name)
    real = getattr(module, function_name)
    def paused(*args, **kwargs):
        result = real(*args, **kwargs)
        pathlib.Path(marker).write_text("here")
        time.sleep(60)
        return result
    setattr(module, function_name, paused)
    sys.exit(main(sys.argv[4:]))
    """
)


def _run_until_paused(
    tmp_path: Path, hook: str, argv: list[str], number: int
) -> subprocess.CompletedProcess[str]:
    module_name, function_name = hook.rsplit(".", 1)
    marker = tmp_path / "paused"
    scratch = tmp_path / "scratch"
    scratch.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(scratch), "PARITRANA_LANG": "id"}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, module_name, function_name, str(marker), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 40
        while not marker.exists():
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the child never reached the hook"
            time.sleep(0.05)
        child.send_signal(number)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    assert main(["demo", str(folder / "files")]) == 0
    return folder / "files"


SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]


@pytest.mark.parametrize("number", SIGNALS, ids=lambda n: signal.Signals(n).name)
@pytest.mark.parametrize(
    "hook",
    [
        "paritrana_desktop.excel.rekap.write_rekap",
        "paritrana_desktop.workflows.merge_inputs._read_panel",
    ],
    ids=["writing", "reading"],
)
def test_a_stopped_merge_leaves_nothing_and_the_old_workbook(
    tmp_path: Path, demo_folder: Path, hook: str, number: int
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    previous = out / "rekap.xlsx"
    previous.write_bytes(b"the workbook of yesterday")
    argv = ["merge", str(demo_folder), "-o", str(previous), "--replace"]
    result = _run_until_paused(tmp_path, hook, argv, number)
    assert result.returncode == 128 + number, result.stderr
    assert "Traceback" not in result.stderr
    assert "dibatalkan" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["rekap.xlsx"]
    assert previous.read_bytes() == b"the workbook of yesterday"
    assert list((tmp_path / "scratch").iterdir()) == []


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_stopped_demo_leaves_no_half_demo(tmp_path: Path, number: int) -> None:
    outdir = tmp_path / "demo"
    outdir.mkdir()
    (outdir / "mine.txt").write_text("kept")
    hook = "paritrana_desktop.workflows.demo._record"
    result = _run_until_paused(tmp_path, hook, ["demo", str(outdir)], number)
    assert result.returncode == 128 + number, result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in outdir.iterdir()) == ["mine.txt"]
    # and the demo can be written there afterwards
    assert main(["demo", str(outdir)]) == 0
    assert len(list(outdir.glob("*.paritrana-panel"))) == JUDGES


def test_a_killed_demo_leaves_only_a_hidden_folder(tmp_path: Path) -> None:
    """SIGKILL cannot be caught: what is left is hidden and never looks like a demo."""
    outdir = tmp_path / "demo"
    outdir.mkdir()
    hook = "paritrana_desktop.workflows.demo._record"
    result = _run_until_paused(tmp_path, hook, ["demo", str(outdir)], signal.SIGKILL)
    assert result.returncode == -signal.SIGKILL
    assert [p.name for p in outdir.iterdir() if not p.name.startswith(".")] == []
    assert main(["demo", str(outdir)]) == 0
    assert len(list(outdir.glob("*.paritrana-panel"))) == JUDGES
    assert len(list(outdir.glob("*.paritrana-kegiatan"))) == 1


def test_a_demo_into_a_new_folder_appears_whole(tmp_path: Path) -> None:
    outdir = tmp_path / "new" / "demo"
    hook = "paritrana_desktop.workflows.demo._record"
    result = _run_until_paused(tmp_path, hook, ["demo", str(outdir)], signal.SIGKILL)
    assert result.returncode == -signal.SIGKILL
    assert not outdir.exists()
    assert main(["demo", str(outdir)]) == 0
    assert len(list(outdir.glob("*.paritrana-panel"))) == JUDGES
