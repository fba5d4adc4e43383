"""Formula cells that Excel never calculated: a workbook made by a program (or saved without
calculating) may hold ``=A1&B1`` with no stored result, which openpyxl reads as an empty cell.
Such a cell is named with what to do instead of being taken for an empty one."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import openpyxl
from openpyxl.workbook.workbook import Workbook

from ..domain.text import Text


@dataclass(frozen=True)
class Uncalculated:
    """A formula cell without a stored value: where it is and its formula."""

    sheet: str
    row: int
    column: int
    formula: str

    def message(self) -> Text:
        shown = self.formula if len(self.formula) <= 60 else self.formula[:57] + "..."
        return Text(
            f"rumus {shown} belum punya nilai (workbook belum pernah dihitung di Excel). Buka "
            "workbook di Excel atau LibreOffice lalu simpan ulang, atau ketik nilainya langsung.",
            f"the formula {shown} has no value (the workbook was never calculated in Excel). "
            "Open the workbook in Excel or LibreOffice and save it again, or type the value.",
        )


def uncalculated_formulas(data: bytes, values: Workbook) -> list[Uncalculated]:
    """Every formula cell of the workbook ``data`` whose stored value (in ``values``, the
    same workbook read with ``data_only``) is missing."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    except Exception:  # the values were read; a second reading that fails only loses this hint
        return []
    found: list[Uncalculated] = []
    try:
        for sheet in formulas.worksheets:
            if sheet.title not in values.sheetnames:
                continue
            stored = values[sheet.title]
            for row in sheet.iter_rows():
                for cell in row:
                    if getattr(cell, "data_type", None) != "f" or not (cell.row and cell.column):
                        continue
                    value = stored.cell(cell.row, cell.column).value
                    if value is None or value == "":
                        found.append(
                            Uncalculated(sheet.title, cell.row, cell.column, str(cell.value))
                        )
    finally:
        formulas.close()
    return found
