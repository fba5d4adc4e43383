"""The disk helpers every writer of a file shares (storage/disk.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from paritrana_desktop.storage import disk


def test_syncing_a_folder_flushes_it_on_posix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flushed: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        flushed.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    disk.sync_folder(tmp_path)
    assert len(flushed) == (1 if os.name == "posix" else 0)


def test_on_windows_a_folder_is_not_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any) -> int:
        raise AssertionError("a folder cannot be opened on Windows")

    monkeypatch.setattr(disk.os, "name", "nt")
    monkeypatch.setattr(disk.os, "open", refuse)
    disk.sync_folder(tmp_path)


def test_no_room_tells_a_nearly_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert disk.no_room(tmp_path / "tidak-ada") is False  # cannot be told: not "full"
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(disk.shutil, "disk_usage", lambda _f: usage._replace(free=1024))
    assert disk.no_room(tmp_path) is True
    monkeypatch.setattr(disk.shutil, "disk_usage", lambda _f: usage._replace(free=10**9))
    assert disk.no_room(tmp_path) is False
