"""``paritrana verify FILE`` prints the file's verification code; ``--code CODE`` exits 0 only
when the file is now in the state the code names, and otherwise says which holds."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from paritrana_desktop.cli import main
from paritrana_desktop.domain.errors import set_language
from paritrana_desktop.domain.verification_code import Outcome
from paritrana_desktop.storage.event_file import write_event_file
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.workflows.codes import check_code
from tests.factories import small_event
from tests.unit.storage_helpers import filled_panel

CODE = re.compile(r"kode verifikasi: (\S+)")


@pytest.fixture(autouse=True)
def _indonesian_again() -> Iterator[None]:
    yield
    set_language("id")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "id", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _printed_code(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    status, out, _ = _run(capsys, "verify", str(path))
    assert status == 0
    found = CODE.search(out)
    assert found, out
    return found.group(1)


def test_verify_prints_a_code_that_begins_with_the_judge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    panel = filled_panel(tmp_path / "p.paritrana-panel")
    code = _printed_code(capsys, panel)
    assert code.startswith("J2-0017-")
    status, out, err = _run(capsys, "verify", str(panel), "--code", code)
    assert status == 0 and "tepat dalam keadaan" in out and err == ""
    # Typed back from paper: lower case, spaces, O for 0.
    typed = code.lower().replace("0", "o")
    assert _run(capsys, "verify", str(panel), "--code", f" {typed} ")[0] == 0


def test_a_file_changed_since_says_how_many_changes_and_when(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    panel = filled_panel(tmp_path / "p.paritrana-panel")
    code = _printed_code(capsys, panel)
    with PanelFile.open(panel) as file:
        file.rate("W02", "REG", 3)
        file.rate("W02", "COV", 2)
    status, out, err = _run(capsys, "verify", str(panel), "--code", code)
    assert status == 1 and out == ""
    assert "berubah sejak kode dicetak: 2 perubahan" in err
    assert "Perubahan terakhir: 20" in err and "UTC" in err


def test_an_older_copy_another_judge_and_a_typo_are_told_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    panel = filled_panel(tmp_path / "p.paritrana-panel")
    older = tmp_path / "older.paritrana-panel"
    shutil.copy(panel, older)
    with PanelFile.open(panel) as file:
        file.rate("W02", "REG", 3)
    code = _printed_code(capsys, panel)
    assert check_code(older, code).outcome is Outcome.OLDER
    other = filled_panel(tmp_path / "j3.paritrana-panel", judge_id="J3")
    status, _, err = _run(capsys, "verify", str(other), "--code", code)
    assert status == 1 and "milik berkas lain, panelis lain" in err
    typo = code[:-1] + ("A" if code[-1] != "A" else "B")
    status, _, err = _run(capsys, "verify", str(panel), "--code", typo)
    assert status == 1 and "salah ketik" in err


def test_a_code_for_an_event_file_or_two_files_gets_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = write_event_file(tmp_path / "e.paritrana-kegiatan", small_event())
    status, _, err = _run(capsys, "verify", str(event), "--code", "J2-0017-ABCDEFG")
    assert status == 1 and "hanya ada untuk berkas panel" in err
    status, _, err = _run(capsys, "verify", str(event), str(event), "--code", "J2-0017-ABCDEFG")
    assert status == 1 and "tepat satu berkas" in err
