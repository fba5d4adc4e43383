"""The merge and the chair's register against forged, relabelled, rolled-back and swapped files."""

from __future__ import annotations

import contextlib
import io
import sqlite3
from pathlib import Path

import pytest

from paritrana_desktop.cli import main
from paritrana_desktop.domain.errors import UserError
from paritrana_desktop.domain.merge_model import MergePlan, Outcome
from paritrana_desktop.domain.verification_code import make_code
from paritrana_desktop.storage import copies
from paritrana_desktop.storage.errors import StorageError
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.workflows import register as reg
from paritrana_desktop.workflows import session
from paritrana_desktop.workflows.merge import inspect_inputs
from tests.unit.merge_helpers import three_judges
from tests.unit.storage_helpers import TAMPER_PREAMBLE
from tests.unit.trust_helpers import as_format_1, change_last_rating, relabel, strip_signatures


def _outcome(plan: MergePlan, name: str) -> tuple[Outcome, str]:
    (found,) = [f for f in plan.files if f.path.name == name]
    return found.outcome, found.reason_text("en")


def _notices(plan: MergePlan) -> str:
    return " ".join(n.en for n in plan.notices)


def _fingerprint(path: Path) -> str:
    with PanelFile.open(path, read_only=True) as panel:
        assert panel.key_fingerprint is not None
        return panel.key_fingerprint


def _code(path: Path) -> str:
    with PanelFile.open(path, read_only=True) as panel:
        entries = panel.audit_entries()
        return make_code(panel.judge.id, panel.panel_id, len(entries), entries[-1].hash)


@pytest.fixture
def day(tmp_path: Path) -> Path:
    three_judges(tmp_path / "hari1")
    return tmp_path / "hari1"


@pytest.fixture
def register(tmp_path: Path, day: Path) -> Path:
    path = reg.init_register(tmp_path / "ketua")
    for judge in ("J1", "J2", "J3"):
        panel = day / f"{judge}.paritrana-panel"
        reg.add_key(path, panel, _fingerprint(panel).lower().replace("-", " "))
    return path


def test_without_a_register_the_merge_works_and_says_the_keys_were_not_checked(day: Path) -> None:
    plan = inspect_inputs([day])
    assert [f.outcome for f in plan.files] == [Outcome.USED] * 3
    assert "not checked against the fingerprints on the signed papers" in _notices(plan)
    assert "uncertified electronic signature" in _notices(plan)


def test_a_rating_changed_and_the_chain_recomputed_is_refused_by_the_merge(day: Path) -> None:
    change_last_rating(day / "J2.paritrana-panel", "W01", "REG", 1)
    outcome, reason = _outcome(inspect_inputs([day]), "J2.paritrana-panel")
    assert outcome is Outcome.REFUSED and "electronic signature" in reason
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--lang", "en", "merge", str(day), "-o", str(day.parent / "r.xlsx")])
    assert status == 1 and "J2.paritrana-panel" in err.getvalue()
    assert not (day.parent / "r.xlsx").exists()


def test_a_file_relabelled_as_another_judges_is_refused_by_the_merge(day: Path) -> None:
    (day / "J3.paritrana-panel").unlink()
    relabel(day / "J1.paritrana-panel", "J1", "J3")
    outcome, reason = _outcome(inspect_inputs([day]), "J1.paritrana-panel")
    assert outcome is Outcome.REFUSED and "signature" in reason


def test_one_byte_of_a_signature_flipped_is_refused_by_the_merge(day: Path) -> None:
    conn = sqlite3.connect(day / "J1.paritrana-panel")
    conn.executescript(TAMPER_PREAMBLE)
    (head,) = conn.execute("SELECT head_signature FROM panel").fetchone()
    conn.execute(
        "UPDATE panel SET head_signature = ?", (("f" if head[0] != "f" else "e") + head[1:],)
    )
    conn.commit()
    conn.close()
    outcome, reason = _outcome(inspect_inputs([day]), "J1.paritrana-panel")
    assert outcome is Outcome.REFUSED and "signature" in reason


def test_a_register_accepts_sound_files_and_checks_them_against_paper(
    day: Path, register: Path
) -> None:
    plan = inspect_inputs([day], register=reg.register_view(register))
    assert [f.outcome for f in plan.files] == [Outcome.USED] * 3
    assert "checked against the register" in _notices(plan)
    assert "not checked against the fingerprints" not in _notices(plan)


def test_a_copy_cut_back_to_an_earlier_state_is_refused_when_the_register_holds_a_later_code(
    tmp_path: Path, day: Path, register: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    j2 = day / "J2.paritrana-panel"
    with PanelFile.open(j2) as panel:
        older = copies.export_copy(panel, usb)
        panel.set_general_note("W03", "ditambah sesudah salinan")
    code = _code(j2)
    reg.add_code(register, code, by="Sekretaris A")
    with pytest.raises(StorageError, match="someone else"):
        reg.confirm_code(register, code, by="sekretaris a")
    reg.confirm_code(register, code, by="Ketua B")
    (tmp_path / "baru").mkdir()
    newer = j2.rename(tmp_path / "baru" / j2.name)
    view = reg.register_view(register)
    outcome, reason = _outcome(inspect_inputs([day, older], register=view), older.name)
    assert outcome is Outcome.REFUSED and "older than code" in reason and code in reason
    plan = inspect_inputs([day, newer], register=view)
    assert [f.outcome for f in plan.files] == [Outcome.USED] * 3


def test_a_copy_continued_on_another_laptop_is_refused_until_the_chair_accepts_the_key_change(
    tmp_path: Path, day: Path, register: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    j2 = day / "J2.paritrana-panel"
    with PanelFile.open(j2) as panel:
        copy = copies.export_copy(panel, usb)
    laptop = tmp_path / "laptop2"
    with PanelFile.open(copy, read_only=True) as opened:
        continued = session.continue_from_copy(
            opened, laptop / "data", reason="Laptop lama rusak", key_folder=laptop / "keys"
        )
    with PanelFile.open(continued, key_folder=laptop / "keys") as panel:
        panel.set_general_note("W03", "dari laptop kedua")
    j2.unlink()
    inputs = [day, continued]
    outcome, reason = _outcome(
        inspect_inputs(inputs, register=reg.register_view(register)), continued.name
    )
    assert outcome is Outcome.REFUSED and "not accepted" in reason and "Laptop lama rusak" in reason
    assert "accepted" in reg.accept_key_change(register, continued).en
    plan = inspect_inputs(inputs, register=reg.register_view(register))
    assert all(f.outcome is Outcome.USED for f in plan.files)
    assert "key changed" in _notices(plan) and "Laptop lama rusak" in _notices(plan)


def test_an_unsigned_file_of_the_earlier_format_merges_named_as_unsigned(day: Path) -> None:
    as_format_1(day / "J3.paritrana-panel")
    plan = inspect_inputs([day])
    assert [f.outcome for f in plan.files] == [Outcome.USED] * 3
    assert "J3.paritrana-panel (J3): unsigned (earlier format)" in _notices(plan)


def test_signatures_stripped_are_refused_when_the_register_knows_the_judges_key(
    day: Path, register: Path
) -> None:
    strip_signatures(day / "J3.paritrana-panel")
    outcome, reason = _outcome(
        inspect_inputs([day], register=reg.register_view(register)), "J3.paritrana-panel"
    )
    assert outcome is Outcome.REFUSED and "unsigned, yet this judge's key" in reason


def test_a_fingerprint_that_differs_from_the_paper_is_not_registered(
    tmp_path: Path, day: Path
) -> None:
    path = reg.init_register(tmp_path / "ketua")
    with pytest.raises(UserError, match="differs from the one on the paper"):
        reg.add_key(path, day / "J1.paritrana-panel", "AAAA-BBBB-CCCC-DDDD")
    assert reg.show_register(path)[0].en == "the register is empty"


def test_a_register_edited_outside_the_program_is_refused(
    tmp_path: Path, day: Path, register: Path
) -> None:
    conn = sqlite3.connect(register)
    conn.executescript("DROP TRIGGER register_log_no_update;")
    conn.execute(
        "UPDATE register_log SET payload = replace(payload, '\"J2\"', '\"J9\"') WHERE seq = 3"
    )
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="changed outside the program"):
        reg.register_view(register)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main(["--lang", "en", "register", "show", str(register)])
    assert status == 1 and "changed outside the program" in err.getvalue()


def test_the_register_commands_from_the_command_line(tmp_path: Path, day: Path) -> None:
    out = io.StringIO()
    path = tmp_path / "ketua.paritrana-register"
    j1 = day / "J1.paritrana-panel"
    code = _code(j1)
    with contextlib.redirect_stdout(out):
        assert main(["register", "init", str(path)]) == 0
        assert (
            main(["register", "add-key", str(path), str(j1), "--fingerprint", _fingerprint(j1)])
            == 0
        )
        assert main(["register", "add-code", str(path), code, "--by", "Ani"]) == 0
        assert main(["register", "confirm-code", str(path), code, "--by", "Budi"]) == 0
        assert main(["register", "show", str(path)]) == 0
        assert (
            main(["merge", str(day), "-o", str(tmp_path / "r.xlsx"), "--register", str(path)]) == 0
        )
    text = out.getvalue()
    assert f"panelis J1: kunci {_fingerprint(j1)}" in text
    assert f"kode {code}: diketik oleh Ani, dikonfirmasi oleh Budi" in text
    assert (tmp_path / "r.xlsx").is_file()


def test_the_demos_files_merge_against_a_register_of_their_keys(tmp_path: Path) -> None:
    from paritrana_desktop.workflows.demo import write_demo

    written = write_demo(tmp_path / "demo")
    panels = [p for p in written if p.name.endswith(".paritrana-panel")]
    path = reg.write_demo_register(tmp_path, panels)
    assert len(reg.show_register(path)) == len(panels)
    plan = inspect_inputs(panels, register=reg.register_view(path))
    assert plan.files and all(f.outcome is Outcome.USED for f in plan.files)
    assert _notices(plan).count("checked against the register") == len(panels)
