"""A workbook that cannot be saved (the disk fills up) is one sentence: no ``Exception ignored
in: ZipFile.__del__`` after it when the garbage collector runs, and no half file left."""

from __future__ import annotations

import builtins
import errno
import gc
import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from paritrana_desktop import cli
from tests.unit.merge_helpers import three_judges


class _FullFile:
    """A file on a full disk: every write fails with ENOSPC."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def write(self, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __enter__(self) -> _FullFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Writes into the hidden ``.part`` files fail as on a full disk; returns the list that
    collects what the garbage collector could not raise."""
    real_open = builtins.open

    def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, mode, *args, **kwargs)
        if isinstance(file, str | os.PathLike) and ".part" in Path(file).name and "w" in mode:
            return _FullFile(handle)
        return handle

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    unraisable: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    return unraisable


def _run(argv: list[str], capsys: pytest.CaptureFixture[str], unraisable: list[Any]) -> str:
    assert cli.main(argv) == 1
    gc.collect()
    assert [repr(u.exc_value) for u in unraisable] == []
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "Exception" not in err
    return err


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_template_on_a_full_disk_is_one_sentence(
    tmp_path: Path,
    full_disk: list[Any],
    capsys: pytest.CaptureFixture[str],
    lang: str,
) -> None:
    err = _run(["--lang", lang, "event", "template", str(tmp_path / "t.xlsx")], capsys, full_disk)
    assert ("The disk is full: t.xlsx" if lang == "en" else "Disk penuh: t.xlsx") in err
    assert list(tmp_path.iterdir()) == []


def test_a_merge_on_a_full_disk_is_one_sentence(
    tmp_path: Path, full_disk: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    three_judges(tmp_path / "hari1")  # SQLite writes the panel files, not Python's open()
    argv = ["merge", str(tmp_path / "hari1"), "-o", str(tmp_path / "r.xlsx")]
    err = _run(argv, capsys, full_disk)
    assert "Disk penuh: r.xlsx" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hari1"]
