"""One name for the merged workbook everywhere (window, command line, guides), the event file in
a merged folder taken as the reference, and the report naming an event file's kind."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from paritrana_desktop import cli
from paritrana_desktop.domain.merge_model import Outcome
from paritrana_desktop.storage.event_file import write_event_file
from paritrana_desktop.workflows.merge import inspect_inputs
from paritrana_desktop.workflows.merge_names import workbook_name, workbook_name_for
from tests.factories import small_event
from tests.unit.merge_helpers import three_judges

REPO = Path(__file__).resolve().parents[2]
FORM = r"REKAP_[A-Z0-9-]+_\d{8}\.xlsx"


@pytest.fixture
def day_with_event(tmp_path: Path) -> Path:
    folder = tmp_path / "Rekap Senin"
    three_judges(folder)
    write_event_file(folder / "TEST25.paritrana-kegiatan", small_event())
    return folder


def test_the_name_is_code_and_day_of_the_interviews_merged(day_with_event: Path) -> None:
    assert workbook_name("KALTIM25", dt.date(2025, 7, 28)) == "REKAP_KALTIM25_20250728.xlsx"
    assert workbook_name("a/b c", dt.date(2025, 7, 29)) == "REKAP_a_b_c_20250729.xlsx"
    plan = inspect_inputs([day_with_event])
    last_day = max(i.day for i in small_event().interviews)
    expected = f"REKAP_TEST25_{last_day:%Y%m%d}.xlsx"
    assert workbook_name_for(plan, dt.date(2030, 1, 1)) == expected


def test_an_event_file_in_the_folder_is_the_reference_and_the_report_says_so(
    day_with_event: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = inspect_inputs([day_with_event])
    (event_file,) = [f for f in plan.files if f.is_event_file]
    assert event_file.outcome is Outcome.REFERENCE
    assert "dari berkas kegiatan TEST25.paritrana-kegiatan" in plan.decisions[0].text("id")
    assert any("ditemukan di folder" in n.id for n in plan.notices)
    assert cli.main(["merge", str(day_with_event)]) == 0  # no -o: the proposed name
    out = capsys.readouterr().out
    assert "TEST25.paritrana-kegiatan [berkas kegiatan]: acuan" in out and "[?]" not in out
    written = [p.name for p in day_with_event.iterdir() if p.suffix == ".xlsx"]
    assert len(written) == 1 and re.fullmatch(FORM, written[0])
    assert f"Ditulis: {day_with_event / written[0]}" in out


def test_a_folder_without_its_event_file_still_merges(tmp_path: Path) -> None:
    folder = tmp_path / "tanpa"
    three_judges(folder)
    plan = inspect_inputs([folder])
    assert not any(f.is_event_file for f in plan.files) and plan.can_write()
    shutil.rmtree(folder)


def test_the_guides_show_the_name_the_program_proposes() -> None:
    for guide in ("docs/panduan-ketua.md", "docs/panduan-sekretariat.md", "README.md"):
        text = (REPO / guide).read_text(encoding="utf-8")
        # the names in the proposed form (a name the chair types with -o may be anything)
        names = re.findall(r"REKAP_[\w<>\- ]*\.xlsx", text)
        assert names, guide
        for name in names:
            assert re.fullmatch(FORM, name) or name == "REKAP_<KODE>_<YYYYMMDD>.xlsx", (
                f"{guide}: {name}"
            )
