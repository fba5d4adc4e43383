"""What the papers need from the event (heading, number, place, designations, decimals, NIPs,
the secretary): kept in the event file from format 2, and no change for older files."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest

from paritrana_desktop.domain.errors import ValidationError
from paritrana_desktop.domain.event import event_from_dict, event_to_dict
from paritrana_desktop.storage.database import read_header
from paritrana_desktop.storage.event_file import read_event_file, write_event_file
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.workflows.merge import inspect_inputs
from paritrana_desktop.workflows.verify import describe_file
from tests.factories import small_event, with_papers

DATA = Path(__file__).parent / "data"
# The hashes of ``small_event()`` as the program computed them before the papers' fields existed
# (HEAD before this change): panel files made then store them and must still be accepted.
OLD_FINGERPRINT = "90337da1e0b829cabd7d4b3562da575a30f0d714ab4875bdaef7765e91aa46c6"
OLD_ROSTER = "b294bde8c77a870c3c493c55658decd6bc65655de01817a82369b9bea5663445"
OLD_CONTENT = "b6377bcd5fe1983af1fe0df16a755d2dbd03bea618132bbbcc482e3182d05baa"


def test_an_event_without_the_papers_fields_keeps_every_hash_it_had() -> None:
    event = small_event()
    assert event.fingerprint() == OLD_FINGERPRINT
    assert event.roster_fingerprint() == OLD_ROSTER
    assert event.content_digest() == OLD_CONTENT


def test_the_papers_fields_change_no_fingerprint_a_merge_compares() -> None:
    event, papers = small_event(), with_papers(small_event())
    assert papers.fingerprint() == event.fingerprint()
    assert papers.roster_fingerprint() == event.roster_fingerprint()
    assert papers.content_digest() != event.content_digest()
    assert event_from_dict(event_to_dict(papers)) == papers


def test_the_event_file_keeps_the_papers_fields(tmp_path: Path) -> None:
    event = with_papers(small_event())
    path = write_event_file(tmp_path / "e.paritrana-kegiatan", event)
    assert read_header(path).user_version == 2
    assert read_event_file(path) == event


def test_a_panel_file_made_from_such_an_event_opens_and_verifies(tmp_path: Path) -> None:
    event = with_papers(small_event())
    with PanelFile.create(tmp_path / "p.paritrana-panel", event, "J2") as panel:
        panel.rate("W01", "REG", 4)
    with PanelFile.open(tmp_path / "p.paritrana-panel", read_only=True) as panel:
        assert panel.verify().ok
        assert panel.event.fingerprint() == event.fingerprint()


@pytest.mark.parametrize("change", [{"heading_lines": ("a", "b", "c", "d")}, {"winners": -1}])
def test_impossible_papers_fields_are_refused_with_a_sentence(change: dict[str, object]) -> None:
    with pytest.raises(ValidationError) as caught:
        dataclasses.replace(small_event(), **change)  # type: ignore[arg-type]
    assert caught.value.message.id and caught.value.message.en


def test_an_event_file_of_format_1_opens_read_only_untouched(tmp_path: Path) -> None:
    path = tmp_path / "old.paritrana-kegiatan"
    shutil.copy(DATA / "format1.paritrana-kegiatan", path)
    before = path.read_bytes()
    event = read_event_file(path)
    assert event == small_event()
    assert event.fingerprint() == OLD_FINGERPRINT
    assert path.read_bytes() == before and read_header(path).user_version == 1


def test_files_of_the_program_before_still_merge(tmp_path: Path) -> None:
    for name in ("format1.paritrana-kegiatan", "format1-J2.paritrana-panel"):
        shutil.copy(DATA / name, tmp_path / name)
    # The stored file was left in WAL mode by the program that made it; what reaches the chair
    # is its export, which is one self-contained file (rollback journal), as copies.py makes it.
    conn = sqlite3.connect(tmp_path / "format1-J2.paritrana-panel")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    plan = inspect_inputs([tmp_path / "format1-J2.paritrana-panel"])
    assert not plan.blockers(plan.options)
    # Checked through a private copy brought to the current format (the file stays as it is).
    ok, _lines = describe_file(tmp_path / "format1-J2.paritrana-panel")
    assert ok


def test_the_template_workbook_carries_the_papers_fields_both_ways(tmp_path: Path) -> None:
    from paritrana_desktop.excel.event_workbook import read_event_workbook
    from paritrana_desktop.excel.template import example_event, write_event_workbook

    event = with_papers(example_event())
    path = write_event_workbook(tmp_path / "kegiatan.xlsx", event)
    again = read_event_workbook(path)
    assert again == event
    assert [j.secretary for j in again.judges] == [j.secretary for j in event.judges]


def test_empty_papers_cells_are_the_defaults_and_a_bad_one_is_named(tmp_path: Path) -> None:
    import openpyxl

    from paritrana_desktop.excel.event_workbook import read_event_workbook
    from paritrana_desktop.excel.template import example_event, write_event_workbook
    from paritrana_desktop.excel.workbook_problems import WorkbookProblems

    path = write_event_workbook(tmp_path / "kegiatan.xlsx", example_event())
    wb = openpyxl.load_workbook(path)
    ws = wb["Kegiatan"]
    rows = {str(r[0].value): r[1] for r in ws.iter_rows() if r[0].value}
    for heading in ("Kop baris 1", "Kop baris 2", "Jumlah terbaik per kategori"):
        rows[heading].value = None
    wb.save(path)
    event = read_event_workbook(path)
    assert event.heading_lines == () and event.winners == 3 and event.signing_place
    rows["Desimal nilai resmi"].value = "dua"
    wb.save(path)
    with pytest.raises(WorkbookProblems) as caught:
        read_event_workbook(path)
    assert "Desimal nilai resmi 'dua' tidak sah" in caught.value.message.id
    assert "Official score decimals 'dua' is not valid" in caught.value.message.en
