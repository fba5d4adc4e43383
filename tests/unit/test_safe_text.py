"""Text a judge typed reaches the workbook as that text: never a formula, never a broken file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from python_calamine import CalamineWorkbook

from paritrana_desktop.excel.rekap_sheet import CUT_MARK, Col, SheetWriter, abandon, line_count
from paritrana_desktop.excel.safe_text import (
    CELL_LIMIT,
    REPLACEMENT,
    clean,
    cut,
    needs_guard,
    split_text,
)


def test_clean_replaces_what_a_cell_cannot_hold() -> None:
    assert (
        clean("a\x00b\x07c\x1fd\tx\ny\rz")
        == f"a{REPLACEMENT}b{REPLACEMENT}c{REPLACEMENT}d\tx\ny\rz"
    )
    assert clean("\ufffe\uffff") == REPLACEMENT * 2
    assert clean("Bupati hadir 🙂 — ✓") == "Bupati hadir 🙂 — ✓"


@pytest.mark.parametrize(
    ("text", "guard"),
    [
        ("=SUM(A1:A3)", True),
        ("+62 812 555", True),
        ("-- tidak ada", True),
        ("@cek", True),
        ("  =1+1", True),
        ("#N/A", True),
        ("#DIV/0!", True),
        ("Perda 2023 = ada", False),
        ("a=b", False),
        ("", False),
    ],
)
def test_needs_guard(text: str, guard: bool) -> None:
    assert needs_guard(text) is guard


def test_cut_marks_what_it_cuts() -> None:
    assert cut("pendek", "[…]") == ("pendek", False)
    text, was_cut = cut("x" * (CELL_LIMIT + 10), CUT_MARK)
    assert was_cut and len(text) == CELL_LIMIT and text.endswith(CUT_MARK)


@given(st.text(max_size=300), st.integers(min_value=1, max_value=50))
def test_split_text_keeps_everything_in_order(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)
    assert len(pieces) == max(1, -(-len(text) // limit))


@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.floats(min_value=4, max_value=80),
)
def test_line_count_is_never_less_than_the_text_needs(text: str, width: float) -> None:
    lines = line_count(text, width)
    assert lines >= text.count("\n") + 1
    per_line = max(1, int(width * 1.05) - 1)
    word = text.replace(" ", "x").replace("\n", "x")
    assert line_count(word, width) == max(1, -(-len(word) // per_line))


def _write(path: Path, values: list[object]) -> None:
    wb = Workbook(write_only=True)
    cols = [Col(f"Kolom {i}", wrap=i % 2 == 0) for i in range(len(values))]
    writer = SheetWriter(wb, "Uji", cols, [12.0] * len(values))
    try:
        writer.append(values)
        writer.finish()
        wb.save(path)
    except BaseException:
        abandon(wb)
        raise


judge_text = st.text(
    alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), min_size=0, max_size=60
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(judge_text, min_size=1, max_size=6))
def test_any_text_is_written_as_text_and_read_back_as_cleaned(
    tmp_path: Path, texts: list[str]
) -> None:
    path = tmp_path / "uji.xlsx"
    _write(path, list(texts))
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Uji").to_python()
    got = list(rows[1]) if len(rows) > 1 else []
    got += [""] * (len(texts) - len(got))
    assert got == [clean(t) for t in texts]
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_carriage_returns_and_excel_escapes_survive(tmp_path: Path) -> None:
    path = tmp_path / "uji.xlsx"
    texts = ["a\r\nb", "_x0041_ bukan A", "<b>&amp;</b>", " spasi di depan"]
    _write(path, list(texts))
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Uji").to_python()
    assert list(rows[1]) == texts


def test_guarded_text_keeps_its_quote_prefix_for_excel(tmp_path: Path) -> None:
    path = tmp_path / "uji.xlsx"
    _write(path, ["=1+1", "+62", "biasa", "-5", 3.5, None, "@a"])
    wb = load_workbook(path)
    try:
        cells = next(iter(wb["Uji"].iter_rows(min_row=2, max_row=2)))
        assert [c.value for c in cells] == ["=1+1", "+62", "biasa", "-5", 3.5, None, "@a"]
        assert [c.data_type for c in cells][:5] == ["s", "s", "s", "s", "n"]
        assert [bool(c.quotePrefix) for c in cells] == [True, True, False, True, False, False, True]
    finally:
        wb.close()


def test_a_text_longer_than_a_cell_is_cut_with_the_mark(tmp_path: Path) -> None:
    path = tmp_path / "uji.xlsx"
    long_text = "catatan " * 5000
    _write(path, [long_text])
    value = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Uji").to_python()[1][0]
    assert isinstance(value, str)
    assert len(value) == CELL_LIMIT and value.endswith(CUT_MARK)


def test_numbers_that_are_not_finite_are_refused_not_written(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="finite"):
        _write(tmp_path / "uji.xlsx", [float("nan")])
