"""A new event or panel file that cannot be written (read-only folder, no permission, no such
folder, a full disk, any other OSError) is one sentence naming the user's file, never the
hidden ``.part`` one, never a traceback, and nothing is left behind."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from paritrana_desktop.storage.errors import DiskFullError, StorageError
from paritrana_desktop.storage.event_file import write_event_file
from paritrana_desktop.storage.panel_file import PanelFile
from tests.factories import small_event

Create = Callable[[Path], object]


def _event(path: Path) -> object:
    return write_event_file(path, small_event())


def _panel(path: Path) -> object:
    PanelFile.create(path, small_event(), "J2").close()
    return path


KINDS = {"kegiatan": (_event, ".paritrana-kegiatan"), "panel": (_panel, ".paritrana-panel")}


def _check(error: StorageError, path: Path) -> None:
    for text in (error.message.id, error.message.en):
        assert path.name in text
        assert ".part" not in text and "Traceback" not in text and "Errno" not in text


def _refuse_in(folder: Path, code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``folder`` behave as a folder that refuses writing with ``code``: creating a file
    there fails, and so does removing one (a read-only file system refuses even the removal of
    a file that is not there)."""
    real_open, real_unlink = os.open, Path.unlink

    def fake_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(str(path)).parent == folder and flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    def fake_unlink(self: Path, missing_ok: bool = False) -> None:
        if self.parent == folder:
            raise OSError(code, os.strerror(code), str(self))
        real_unlink(self, missing_ok)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(Path, "unlink", fake_unlink)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EROFS, ("read-only", "hanya-baca")),
        (errno.EACCES, ("no permission", "tidak ada izin")),
        (errno.ENOSPC, ("disk is full", "Disk penuh")),
        (errno.EIO, ("Choose another folder", "Pilih folder lain")),
    ],
)
def test_a_folder_that_refuses_the_new_file_is_a_sentence_naming_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    code: int,
    words: tuple[str, str],
) -> None:
    create, extension = KINDS[kind]
    path = tmp_path / f"a{extension}"
    _refuse_in(tmp_path, code, monkeypatch)
    with pytest.raises(StorageError) as caught:
        create(path)
    _check(caught.value, path)
    assert words[0] in caught.value.message.en and words[1] in caught.value.message.id
    assert isinstance(caught.value, DiskFullError) == (code == errno.ENOSPC)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_path_under_a_file_is_a_sentence(tmp_path: Path, kind: str) -> None:
    create, extension = KINDS[kind]
    not_a_folder = tmp_path / "t.xlsx"
    not_a_folder.write_bytes(b"x")
    path = not_a_folder / f"a{extension}"
    with pytest.raises(StorageError) as caught:
        create(path)
    _check(caught.value, path)
    assert "is not a folder" in caught.value.message.en
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.xlsx"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_last_rename_failing_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    create, extension = KINDS[kind]
    path = tmp_path / f"a{extension}"

    def fail(*_args: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(StorageError) as caught:
        create(path)
    _check(caught.value, path)
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Real small tmpfs mounts (root on Linux only), unmounted afterwards."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    mounts: list[Path] = []

    def mount(options: str) -> Path:
        point = tmp_path / f"mnt{len(mounts)}"
        point.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounts.append(point)
        return point

    try:
        yield mount
    finally:
        for point in mounts:
            subprocess.run(["umount", "-l", str(point)], check=False)


@pytest.mark.parametrize("kind", KINDS)
def test_a_really_read_only_or_full_folder(mounted: Callable[[str], Path], kind: str) -> None:
    create, extension = KINDS[kind]
    read_only = mounted("ro,size=64k")
    with pytest.raises(StorageError) as caught:
        create(read_only / f"a{extension}")
    _check(caught.value, read_only / f"a{extension}")
    assert "read-only" in caught.value.message.en
    assert list(read_only.iterdir()) == []

    full = mounted("size=64k")
    filler = full / "filler.bin"
    with pytest.raises(OSError), filler.open("wb", buffering=0) as f:
        while True:
            f.write(b"\0" * 4096)
    with pytest.raises(DiskFullError) as caught:
        create(full / f"a{extension}")
    _check(caught.value, full / f"a{extension}")
    assert sorted(p.name for p in full.iterdir()) == ["filler.bin"]
