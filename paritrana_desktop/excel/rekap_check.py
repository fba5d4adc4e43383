"""The read-back check of the merged workbook: the totals on disk are the computed ones.

The check reads the written file with a small reader of its own (zipfile and lxml), so that it
does not lean on the library that wrote it.
"""

from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from ..domain.merge_model import MergePlan
from ..domain.text import Text
from .rekap_cells import SHEETS
from .rekap_scores import matrix_rows, ranking_rows
from .rekap_sheet import Mark


class RekapCheckFailed(Exception):
    """The workbook read back does not hold the computed totals.

    A bug, never the user's mistake: it is not a ``UserError``, so it reaches the crash handler
    (with its log) instead of a plain warning. The caller keeps nothing.
    """

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


def check_rekap(plan: MergePlan, path: Path) -> None:
    """Read the written workbook back and compare every total with the computed one."""
    names = sheet_names(path)
    if names != list(SHEETS):
        _fail(Text(f"lembar {names}", f"sheets {names}"))
    matrix = read_sheet(path, "Matriks nilai")[1:]
    ranking = read_sheet(path, "Peringkat")[1:]
    expected_matrix = matrix_rows(plan)
    if len(matrix) != len(expected_matrix):
        _fail(Text("jumlah baris Matriks nilai", "the number of rows in Matriks nilai"))
    for got, want in zip(matrix, expected_matrix, strict=True):
        for index, w in enumerate(want):
            g = got[index] if index < len(got) else None
            if not _same(g, w.value if isinstance(w, Mark) else w):
                _fail(Text(f"Matriks nilai {want[1]}", f"Matriks nilai {want[1]}"))
    expected_ranking = ranking_rows(plan)
    if len(ranking) != len(expected_ranking):
        _fail(Text("jumlah baris Peringkat", "the number of rows in Peringkat"))
    for got, want in zip(ranking, expected_ranking, strict=True):
        for index in (1, 2, 3, 4):  # rank, participant, official score, n
            g = got[index] if index < len(got) else None
            if not _same(g, want[index]):
                _fail(Text(f"Peringkat {want[2]}", f"Peringkat {want[2]}"))


# A small reader of our own for the check, so that it does not lean on the writer's library.
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def sheet_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("xl/workbook.xml"))
    return [str(s.get("name")) for s in root.iter(f"{_MAIN}sheet")]


def read_sheet(path: Path, name: str) -> list[list[object]]:
    """The values of one sheet, row by row (numbers as float, text as str, blanks None)."""
    with zipfile.ZipFile(path) as zf:
        workbook = etree.fromstring(zf.read("xl/workbook.xml"))
        rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): str(r.get("Target")) for r in rels.iter(f"{_PKG_REL}Relationship")}
        rel_id = next(
            s.get(f"{_REL}id") for s in workbook.iter(f"{_MAIN}sheet") if s.get("name") == name
        )
        target = targets[rel_id].lstrip("/")
        member = target if target.startswith("xl/") else f"xl/{target}"
        rows: list[list[object]] = []
        with zf.open(member) as stream:
            for _, row in etree.iterparse(stream, tag=f"{_MAIN}row"):
                values: list[object] = []
                for cell in row.iter(f"{_MAIN}c"):
                    column = _column_index(str(cell.get("r")))
                    values.extend([None] * (column - len(values)))
                    values.append(_cell_value(cell))
                number = int(str(row.get("r")))
                rows.extend([] for _ in range(number - 1 - len(rows)))
                rows.append(values)
                row.clear()
    return rows


def _column_index(ref: str) -> int:
    index = 0
    for char in ref:
        if not char.isalpha():
            break
        index = index * 26 + (ord(char.upper()) - 64)
    return index - 1


def _cell_value(cell: Any) -> object:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        return excel_unescape("".join(t.text or "" for t in cell.iter(f"{_MAIN}t")))
    v = cell.find(f"{_MAIN}v")
    if v is None or v.text is None:
        return None
    if kind == "n":
        return float(v.text)
    if kind == "b":
        return v.text == "1"
    return v.text


_EXCEL_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def excel_unescape(text: str) -> str:
    """The text Excel shows for the content of a ``<t>`` element: each ``_xHHHH_``, read left
    to right, is the character U+HHHH (``_x005F_`` an underscore)."""
    return _EXCEL_ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), text)


def _same(got: object, want: object) -> bool:
    if want is None:
        return got is None or got == ""
    if isinstance(want, bool) or not isinstance(want, int | float):
        return got == want
    if not isinstance(got, int | float):
        return False
    return math.isclose(float(got), float(want), rel_tol=0, abs_tol=1e-9)


def _fail(what: Text) -> None:
    raise RekapCheckFailed(
        Text(
            f"Pemeriksaan ulang workbook gagal ({what.id} tidak sama dengan hasil hitungan); "
            "workbook tidak disimpan. Laporkan kejadian ini kepada pengembang.",
            f"The check of the written workbook failed ({what.en} differs from the computed "
            "figures); the workbook was not kept. Please report this to the developers.",
        ),
    )
