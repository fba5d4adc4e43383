"""The merge is honest, end to end through ``paritrana merge``: two unrelated files of one judge
wait for the chair's choice, and a hand copy without its ``-wal`` is named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from paritrana_desktop import cli
from paritrana_desktop.storage.event_file import read_event_file
from paritrana_desktop.storage.keys import default_key_folder
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.workflows.demo import write_demo
from tests.unit.merge_helpers import workbook_cells


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    write_demo(folder, key_folder=default_key_folder())  # kept: a test edits one as its judge
    return folder


def _j03(folder: Path) -> Path:
    (path,) = folder.glob("*_J03.paritrana-panel")
    return path


def _event_file(folder: Path) -> Path:
    (path,) = folder.glob("*.paritrana-kegiatan")
    return path


@pytest.fixture
def laptop_j03(demo: Path, tmp_path: Path) -> Path:
    """J03's other file: made on the laptop from the same event (another panel_id), with a
    conflict of interest declared for Kabupaten Paser."""
    event = read_event_file(_event_file(demo))
    (paser,) = [i for i in event.interviews if i.participant == "Kabupaten Paser"]
    path = tmp_path / "J03 laptop.paritrana-panel"
    with PanelFile.create(path, event, "J03") as panel:
        panel.declare_conflict(paser.id, "Kerabat Wakil Bupati Paser")
        panel.finalise(paser.id)
    return path


def test_two_files_of_j03_are_refused_until_the_chair_chooses_one(
    demo: Path, laptop_j03: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rekap.xlsx"
    inputs = [str(demo), str(laptop_j03)]
    assert cli.main(["merge", *inputs, "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert not out.exists()
    assert "revisi 1" not in captured.out and "tidak dipakai" not in captured.out
    assert "[dua berkas panelis tak berkaitan]" in captured.out
    assert "Kabupaten Paser: final di" in captured.out
    assert "konflik kepentingan di J03 laptop.paritrana-panel" in captured.out
    assert "--use" in captured.err and "Traceback" not in captured.err

    assert cli.main(["merge", *inputs, "-o", str(out), "--use", str(laptop_j03)]) == 0
    captured = capsys.readouterr()
    assert "[berkas dipilih ketua] Pilihan ketua untuk" in captured.out
    assert "konflik kepentingan untuk Kabupaten Paser (Kerabat Wakil Bupati Paser)" in captured.out
    with_recusal = _paser_n(captured.out)
    other = tmp_path / "lain.xlsx"
    assert cli.main(["merge", *inputs, "-o", str(other), "--use", str(_j03(demo))]) == 0
    assert _paser_n(capsys.readouterr().out) == with_recusal + 1
    cells = workbook_cells(out)
    decisions = "\n".join(str(v) for row in cells["Keputusan"] for v in row)
    assert "berkas dipilih ketua" in decisions and "J03 laptop.paritrana-panel" in decisions
    sources = "\n".join(str(v) for row in cells["Berkas sumber"] for v in row)
    assert "tidak dipilih" in sources


def _paser_n(report: str) -> int:
    (line,) = [line for line in report.splitlines() if ". Kabupaten Paser: " in line]
    return int(line.rsplit("(n=", 1)[1].rstrip(")"))


def test_use_must_name_one_of_the_files_merged(
    demo: Path, laptop_j03: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rekap.xlsx"
    args = ["merge", str(_j03(demo)), str(laptop_j03), "-o", str(out), "--use", "lain.x"]
    assert cli.main(args) == 1
    assert "--use" in capsys.readouterr().err and not out.exists()


def test_a_live_file_copied_without_its_wal_is_named_and_used_only_at_the_chairs_choice(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = tmp_path / "laptop"
    shutil.copytree(demo, laptop)
    usb = tmp_path / "usb"
    usb.mkdir()
    j03 = _j03(laptop)
    with PanelFile.open(j03) as panel:
        interview = panel.event.interviews[0]
        panel.unlock(interview.id, "salah ketik")
        panel.set_general_note(interview.id, "perubahan terakhir")
        panel.finalise(interview.id)
        assert Path(f"{j03}-wal").stat().st_size > 0  # the changes are still in the WAL
        shutil.copyfile(j03, usb / j03.name)  # the main file only, by hand
    out = tmp_path / "rekap.xlsx"
    named = [p for p in sorted(demo.iterdir()) if p != _j03(demo) and "register" not in p.name]
    inputs = [str(p) for p in named] + [str(usb / j03.name)]
    assert cli.main(["merge", *inputs, "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert "disalin manual tanpa berkas -wal" in captured.err
    assert "Ekspor berkas untuk ketua" in captured.err and "--accept-hand-copy" in captured.err
    assert not out.exists()
    assert cli.main(["merge", *inputs, "-o", str(out), "--accept-hand-copy"]) == 0
    assert "[salinan manual dipakai]" in capsys.readouterr().out
    decisions = "\n".join(str(v) for row in workbook_cells(out)["Keputusan"] for v in row)
    assert "salinan manual dipakai" in decisions and "Tetap dipakai atas pilihan ketua" in decisions
