"""Bad inputs each get one sentence: a rating scale too large to list, an output name that is
empty or too long, a pipe or a loop of links where a file should be. Every command case checks
the exit status, one sentence on stderr, no traceback, nothing new written and every earlier
file byte for byte as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from paritrana_desktop.cli import main
from paritrana_desktop.domain.errors import ValidationError, set_language
from paritrana_desktop.domain.rubric import MAX_LEVELS, Scale
from paritrana_desktop.excel.template import build_event_workbook, example_event
from tests.unit.storage_helpers import REPO, filled_panel

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
LONG = "R" * 300


@pytest.fixture(autouse=True)
def _indonesian_again() -> Iterator[None]:
    yield
    set_language("id")


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: a regular file's bytes, else what it is."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            found[key] = f"link to {os.readlink(path)}"
        elif path.is_file():
            found[key] = path.read_bytes()
        else:
            found[key] = "other"
    return found


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["--lang", "id", *argv])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def run_child(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """The command in its own process, so that a hang fails this test instead of the run."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "paritrana_desktop.cli", "--lang", "id", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "Error:" not in err
    return lines[0]


# --- 1. the rating scale ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "step"),
    [
        (0, 1e300, 1e-300),
        (0, 1_000_000_000, 1),
        (0, 1_000_000_000, 1e-9),
        (0, float("inf"), 1),
        (float("nan"), 5, 1),
        (0, 1, 1e-9),
        (0, MAX_LEVELS, 1),
    ],
)
def test_a_scale_too_large_to_list_is_refused_at_once(low: float, high: float, step: float) -> None:
    with pytest.raises(ValidationError) as caught:
        Scale(low, high, step)
    assert "Skala tidak sah" in caught.value.message.id
    assert "Invalid scale" in caught.value.message.en


def test_the_largest_scale_still_lists_every_rating() -> None:
    assert len(Scale(0, MAX_LEVELS - 1, 1).values()) == MAX_LEVELS
    assert len(Scale(0, 100, 0.1).values()) == MAX_LEVELS


@pytest.mark.parametrize(
    ("high", "step"), [(1e300, 1e-300), (1_000_000_000, 1), (1_000_000_000, 1e-9)]
)
def test_event_new_names_the_cell_of_a_scale_too_large(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], high: float, step: float
) -> None:
    wb = build_event_workbook(example_event())
    sheet = wb["Kategori"]
    sheet["C3"], sheet["D3"], sheet["E3"], sheet["F3"] = 0, high, step, None
    source, target = tmp_path / "jadwal.xlsx", tmp_path / "k.paritrana-kegiatan"
    wb.save(source)
    before = snapshot(tmp_path)
    code, out, err = run(capsys, "event", "new", str(source), "-o", str(target))
    assert code == 1
    assert out == ""
    assert "Sheet Kategori, baris 3, kolom D" in err
    assert "Skala tidak sah" in err
    assert snapshot(tmp_path) == before


# --- 3 and 4. output names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["merge", "{dir}", "-o", ""],
        ["event", "new", "{dir}/jadwal.xlsx", "-o", ""],
        ["event", "template", ""],
    ],
)
def test_an_empty_output_name_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    filled_panel(tmp_path / "J2.paritrana-panel")
    before = snapshot(tmp_path)
    code, _out, err = run(capsys, *(a.format(dir=tmp_path) for a in argv))
    assert code == 2
    assert "nama berkas untuk" in err and "kosong" in err
    assert "ValueError" not in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["event", "new", "{dir}/jadwal.xlsx", "-o", "{dir}/" + LONG + ".paritrana-kegiatan"],
        ["event", "template", "{dir}/" + LONG + ".xlsx"],
        ["merge", "{dir}/J2.paritrana-panel", "-o", "{dir}/" + LONG + ".xlsx"],
        ["merge", "{dir}/J2.paritrana-panel", "-o", "{dir}/" + "R" * 250],
    ],
)
def test_an_output_name_too_long_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main(["event", "template", str(tmp_path / "jadwal.xlsx")]) == 0
    filled_panel(tmp_path / "J2.paritrana-panel")
    capsys.readouterr()
    before = snapshot(tmp_path)
    code, out, err = run(capsys, *(a.format(dir=tmp_path) for a in argv))
    assert code == 1
    assert out == ""
    assert one_sentence(err).startswith("paritrana: Nama berkas keluaran terlalu panjang")
    assert snapshot(tmp_path) == before


# --- 2 and 5. pipes, devices and loops of links -----------------------------------------------


@needs_fifo
def test_event_new_on_a_pipe_is_refused_without_reading_it(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.xlsx")
    before = snapshot(tmp_path)
    done = run_child(tmp_path, "event", "new", "p.xlsx", "-o", "x.paritrana-kegiatan")
    assert done.returncode == 1
    assert "pipa bernama (FIFO)" in one_sentence(done.stderr)
    assert done.stdout == ""
    assert snapshot(tmp_path) == before


@needs_fifo
def test_verify_on_a_pipe_named_like_a_panel_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "J01.paritrana-panel")
    done = run_child(tmp_path, "verify", "J01.paritrana-panel")
    assert done.returncode == 1
    assert "pipa bernama (FIFO)" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert one_sentence(done.stderr).endswith("J01.paritrana-panel")


def test_verify_on_a_loop_of_links(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    code, out, err = run(capsys, "verify", str(tmp_path / "a"))
    assert code == 1
    assert "berputar ke dirinya sendiri" in out
    assert "ELOOP" not in out + err and "Errno" not in out + err
    one_sentence(err)


def test_verify_a_device_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "verify", os.devnull)
    assert code == 1
    assert "bukan berkas biasa melainkan perangkat" in out


@needs_fifo
def test_merge_names_pipes_and_loops_in_a_folder_instead_of_skipping_them(tmp_path: Path) -> None:
    folder = tmp_path / "masuk"
    folder.mkdir()
    filled_panel(folder / "J2.paritrana-panel")
    os.mkfifo(folder / "J01.paritrana-panel")
    (folder / "x.paritrana-panel").symlink_to("y.paritrana-panel")
    (folder / "y.paritrana-panel").symlink_to("x.paritrana-panel")
    before = snapshot(tmp_path)
    done = run_child(tmp_path, "merge", "masuk", "-o", "rekap.xlsx")
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert "J01.paritrana-panel bukan berkas biasa melainkan pipa bernama" in done.stderr
    assert "x.paritrana-panel adalah tautan (symlink) yang berputar" in done.stderr
    assert "y.paritrana-panel adalah tautan (symlink) yang berputar" in done.stderr
    assert snapshot(tmp_path) == before


def test_merge_names_a_loop_of_links_given_on_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.paritrana-panel").symlink_to("b.paritrana-panel")
    (tmp_path / "b.paritrana-panel").symlink_to("a.paritrana-panel")
    before = snapshot(tmp_path)
    code, _out, err = run(
        capsys, "merge", str(tmp_path / "a.paritrana-panel"), "-o", str(tmp_path / "r.xlsx")
    )
    assert code == 1
    assert "a.paritrana-panel adalah tautan (symlink) yang berputar" in err
    assert snapshot(tmp_path) == before
