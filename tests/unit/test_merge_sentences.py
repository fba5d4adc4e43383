"""The merge's and verify's sentences say what happened, in the user's language: a full
temporary folder is named as such, a cut copy is damaged (not tampered with), a folder that
cannot be read says so, and no English system text sits inside an Indonesian sentence."""

from __future__ import annotations

import errno
import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from paritrana_desktop import cli
from paritrana_desktop.domain.errors import UserError
from paritrana_desktop.domain.merge_reasons import os_reason
from paritrana_desktop.workflows.merge import inspect_inputs
from paritrana_desktop.workflows.verify import describe_file
from tests.factories import small_event
from tests.unit.merge_helpers import make_panel


@pytest.fixture
def one_file(tmp_path: Path) -> Path:
    return make_panel(tmp_path / "usb", small_event(), "J1", {"W01": 4, "W02": 3})


@pytest.fixture
def tiny_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The system's temporary folder on a 16 KiB tmpfs (the tests run as root in CI)."""
    folder = tmp_path / "tmp-kecil"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("a small tmpfs needs root and mount(8) here")
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_full_temporary_folder_is_named_not_the_judges_file(
    one_file: Path, tiny_temp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(UserError) as caught:
        inspect_inputs([one_file.parent])
    text = caught.value.text("id")
    assert text.startswith(f"Folder sementara {tiny_temp} tidak dapat dipakai (disk penuh)")
    assert "TMPDIR" in text and "No space" not in text and "J1" not in text
    assert f"The temporary folder {tiny_temp} cannot be used (the disk is full)" in (
        caught.value.text("en")
    )
    out = one_file.parent.parent / "rekap.xlsx"
    assert cli.main(["merge", str(one_file.parent), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Folder sementara" in err and "Traceback" not in err and not out.exists()
    assert sorted(p.name for p in one_file.parent.iterdir()) == ["J1.paritrana-panel"]


def test_a_copy_with_its_last_byte_cut_is_damaged_or_incompletely_copied(
    one_file: Path, tmp_path: Path
) -> None:
    cut = tmp_path / "terpotong.paritrana-panel"
    cut.write_bytes(one_file.read_bytes()[:-1])
    plan = inspect_inputs([cut])
    (finding,) = plan.files
    reason = finding.reason_text("id")
    assert "rusak atau tidak lengkap tersalin" in reason
    assert "di luar program" not in reason
    assert "copied incompletely" in finding.reason_text("en")
    ok, lines = describe_file(cut)
    assert not ok and "tidak lengkap tersalin" in lines[0] and "di luar program" not in lines[0]


def test_a_folder_that_cannot_be_read_says_so(
    one_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """chmod 000 as a normal user; as root (who reads it anyway) the refusal is simulated."""
    locked = tmp_path / "terkunci"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> object:
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(UserError) as caught:
        inspect_inputs([locked])
    assert caught.value.text("id").startswith(
        f"Folder {locked} tidak dapat dibaca (tidak ada izin)"
    )
    assert "tidak berisi berkas panel" not in caught.value.text("id")
    assert "Permission denied" not in caught.value.text("id")


def test_a_link_that_loops_inside_a_folder_is_named_not_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "a.paritrana-panel").symlink_to(folder / "b.paritrana-panel")
    (folder / "b.paritrana-panel").symlink_to(folder / "a.paritrana-panel")
    plan = inspect_inputs([folder])
    assert len(plan.refused) == 2
    assert all("berputar" in f.reason_text("id") for f in plan.refused)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "disk penuh"),
        (errno.EACCES, "tidak ada izin"),
        (errno.EROFS, "hanya-baca"),
        (errno.EIO, "kesalahan baca/tulis"),
        (errno.ELOOP, "tautan yang berputar"),
        (errno.EXDEV, "kesalahan sistem nomor"),
    ],
)
def test_system_errors_are_named_in_words_never_the_systems_english(code: int, words: str) -> None:
    reason = os_reason(OSError(code, os.strerror(code)))
    assert words in reason.id
    assert os.strerror(code) not in reason.id


def test_a_link_that_loops_named_on_its_own_gets_a_sentence_from_merge_and_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.paritrana-panel", tmp_path / "b.paritrana-panel"
    a.symlink_to(b)
    b.symlink_to(a)
    plan = inspect_inputs([a])  # named in the report as refused, with its sentence
    (finding,) = plan.refused
    assert "berputar" in finding.reason_text("id")
    ok, lines = describe_file(a)
    assert not ok and "berputar" in lines[0]
    assert cli.main(["verify", str(a)]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_a_workbook_write_failure_is_said_in_words(
    one_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from paritrana_desktop.workflows import merge

    def fail(*args: object, **kwargs: object) -> int:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr("paritrana_desktop.excel.rekap.write_rekap", fail)
    out = tmp_path / "rekap.xlsx"
    with pytest.raises(UserError) as caught:
        merge.write_merge(inspect_inputs([one_file]), out)
    text = caught.value.text("id")
    assert "kesalahan baca/tulis" in text and os.strerror(errno.EIO) not in text
    assert not out.exists() and not list(tmp_path.glob(".*part*"))
