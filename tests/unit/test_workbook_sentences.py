"""Sentences about the secretariat's workbook that say the right thing: a formula Excel never
calculated is named as one, and a column heading written twice is refused naming both columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from paritrana_desktop.excel.event_workbook import read_event_workbook
from paritrana_desktop.excel.template import build_event_workbook, example_event
from paritrana_desktop.excel.workbook_problems import WorkbookProblem, WorkbookProblems


def problems_of(tmp_path: Path, wb: Workbook) -> list[WorkbookProblem]:
    path = tmp_path / "jadwal.xlsx"
    wb.save(path)  # openpyxl stores a formula without its value, as a program would
    with pytest.raises(WorkbookProblems) as caught:
        read_event_workbook(path)
    return list(caught.value.problems)


def test_a_formula_without_a_value_is_named_with_what_to_do(tmp_path: Path) -> None:
    wb = build_event_workbook(example_event())
    wb["Jadwal"]["E4"] = '="Kabupaten "&"Paser"'
    problems = problems_of(tmp_path, wb)
    assert len(problems) == 1, [p.text("id") for p in problems]
    text = problems[0].text("id")
    assert text.startswith("Sheet Jadwal, baris 4, kolom E (Peserta): Rumus =")
    assert "belum punya nilai" in text and "simpan ulang" in text and "ketik nilainya" in text
    assert "kosong" not in text
    assert "has no value" in problems[0].text("en")


def test_a_formula_in_an_optional_cell_is_named_too(tmp_path: Path) -> None:
    wb = build_event_workbook(example_event())
    wb["Panel"]["F3"] = "=1+1"
    problems = problems_of(tmp_path, wb)
    assert [(p.sheet, p.row, p.column_letter) for p in problems] == [("Panel", 3, "F")]


@pytest.mark.parametrize(("sheet", "heading"), [("Jadwal", "Peserta"), ("Rubrik", "Bobot")])
def test_a_heading_written_twice_is_refused_naming_both_columns(
    tmp_path: Path, sheet: str, heading: str
) -> None:
    wb = build_event_workbook(example_event())
    ws = wb[sheet]
    header = next(row for row in ws.iter_rows(max_row=5) if any(c.value == heading for c in row))
    used = next(c for c in header if c.value == heading)
    spare = ws.cell(header[0].row, ws.max_column + 1)
    spare.value = heading
    problems = problems_of(tmp_path, wb)
    doubled = [p for p in problems if "dua kali" in p.message.id]
    assert len(doubled) == 1, [p.text("id") for p in problems]
    assert doubled[0].message.id == (
        f"Judul kolom '{heading}' ada dua kali (kolom {used.column_letter} dan "
        f"{spare.column_letter}); hapus atau ganti judul salah satunya."
    )
    assert (doubled[0].sheet, doubled[0].row) == (sheet, header[0].row)
    assert "appears twice" in doubled[0].message.en
