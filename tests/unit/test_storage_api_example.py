"""docs/dev/scripting.md stays true: its example runs and prints what the page says, and every
call its table names exists."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.storage_helpers import REPO

PAGE = REPO / "docs" / "dev" / "scripting.md"


def _section() -> str:
    return PAGE.read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", _section(), re.S)


def test_the_example_prints_what_the_page_says(tmp_path: Path) -> None:
    (code,) = _blocks("python")
    (expected,) = _blocks("text")
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected
    # Reading a panel file read-only may leave SQLite's -shm/-wal side files next to it.
    names = {p.name for p in tmp_path.iterdir()}
    assert {"CONTOH25.paritrana-kegiatan", "CONTOH25_J2.paritrana-panel"} <= names
    assert all(
        n.endswith((".paritrana-kegiatan", ".paritrana-panel", "-shm", "-wal")) for n in names
    )


def _named_calls() -> list[str]:
    """``module.function`` names in the page's table of calls, e.g. storage.copies.export_copy."""
    text = _section()
    names = re.findall(r"`((?:domain|storage|excel)\.[a-z_.]+\.[A-Za-z_]+)(?:\(|`)", text)
    return sorted(set(names))


@pytest.mark.parametrize("name", _named_calls())
def test_every_call_the_page_names_exists(name: str) -> None:
    module, _, attribute = name.rpartition(".")
    assert hasattr(importlib.import_module(f"paritrana_desktop.{module}"), attribute), name


def test_the_page_names_the_calls() -> None:
    assert {"excel.template.write_template", "storage.copies.export_copy"} <= set(_named_calls())
    assert len(_named_calls()) >= 6


def test_the_panel_file_methods_the_page_names_exist() -> None:
    from paritrana_desktop.storage.panel_file import PanelFile

    text = _section()
    methods = set(re.findall(r"`panel\.([a-z_]+)\(", text))
    assert {"rate", "note", "finalise", "unlock", "verify", "scorecards"} <= methods
    for method in methods:
        assert callable(getattr(PanelFile, method)), method
