"""The merged workbook read back by independent readers: python-calamine for the values, the
raw XML for what must never be there (formulas), openpyxl for the sheet set-up, and (slow)
LibreOffice converting it to PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from paritrana_desktop.domain.errors import Cancelled, UserError
from paritrana_desktop.excel.rekap import (
    DETAIL_HEADERS,
    SHEETS,
    RekapCheckFailed,
    check_rekap,
    method_rows,
    read_sheet,
    write_rekap,
)
from paritrana_desktop.excel.rekap_sheet import CUT_MARK
from paritrana_desktop.excel.safe_text import CELL_LIMIT
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.workflows.merge import MergeOptions, inspect_inputs, write_merge
from tests.factories import small_event
from tests.unit.merge_helpers import (
    as_records,
    copy_file,
    fixed_clock,
    make_panel,
    three_judges,
    workbook_cells,
)
from tests.unit.storage_helpers import steady_clock


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rekap") / "hari1"
    three_judges(folder)
    return folder


@pytest.fixture(scope="module")
def written(day: Path) -> Path:
    report = write_merge(inspect_inputs([day]), day.parent / "rekap.xlsx", clock=fixed_clock)
    return report.output


def test_the_sheets_are_there_in_order(written: Path) -> None:
    assert list(workbook_cells(written)) == list(SHEETS)


def test_read_back_by_calamine_the_figures_are_the_computed_ones(day: Path, written: Path) -> None:
    plan = inspect_inputs([day])
    cells = workbook_cells(written)
    ranking = as_records(cells["Peringkat"])
    expected = [f for r in plan.results for f in r.participants]
    assert [r["Peserta"] for r in ranking] == [f.interview.participant for f in expected]
    for row, f in zip(ranking, expected, strict=True):
        assert row["Nilai resmi"] == f.official
        assert row["Peringkat"] == f.rank
        assert row["n"] == f.n
        assert row["Simpangan baku (sampel)"] == (f.sd if f.sd is not None else "")
    matrix = as_records(cells["Matriks nilai"])
    berau = next(r for r in matrix if r["Peserta"] == "Kabupaten Berau")
    assert berau["Ketua Uji (J1)"] == pytest.approx(4.1)
    assert berau["Anggota Tiga (J3)"] == 5.0
    paser = next(r for r in matrix if r["Peserta"] == "Kabupaten Paser")
    assert paser["Anggota Tiga (J3)"] == "konflik kepentingan"
    kutai = next(r for r in matrix if r["Peserta"] == "Kabupaten Kutai Timur")
    assert kutai["Anggota Dua (J2)"] == "draf"
    contoh = next(r for r in matrix if r["Peserta"] == "PT Contoh")
    assert contoh["Anggota Tiga (J3)"] == "belum dinilai"


def test_the_detail_table_has_one_row_per_judge_participant_and_criterion(written: Path) -> None:
    rows = workbook_cells(written)["Data rinci"]
    assert tuple(rows[0]) == DETAIL_HEADERS
    records = as_records(rows)
    assert len(records) == 31
    berau_reg = [
        r for r in records if r["Peserta"] == "Kabupaten Berau" and r["Kode kriteria"] == "REG"
    ]
    assert [(r["ID panelis"], r["Nilai"], r["Status"], r["Dihitung"]) for r in berau_reg] == [
        ("J1", 4.0, "final", "Ya"),
        ("J2", 4.0, "final", "Ya"),
        ("J3", 5.0, "final", "Ya"),
    ]
    assert berau_reg[0]["Nilai berbobot"] == pytest.approx(1.2)
    assert isinstance(berau_reg[0]["Difinalkan"], dt.datetime)
    assert berau_reg[0]["Berkas sumber"] == "J1.paritrana-panel"
    draft = [
        r for r in records if r["Peserta"] == "Kabupaten Kutai Timur" and r["ID panelis"] == "J2"
    ]
    assert {r["Status"] for r in draft} == {"draf"} and {r["Dihitung"] for r in draft} == {"Tidak"}
    recused = [r for r in records if r["Peserta"] == "Kabupaten Paser" and r["ID panelis"] == "J3"]
    assert {r["Nilai"] for r in recused} == {""} and recused[0]["Status"] == "konflik kepentingan"


def test_text_that_looks_like_a_formula_stays_text(written: Path) -> None:
    notes = as_records(workbook_cells(written)["Catatan"])
    texts = {r["Catatan"] for r in notes}
    assert '=HYPERLINK("http://x") perda lengkap' in texts
    assert "+ layak ke nasional" in texts
    assert "-- tidak ada vendor terdaftar\ufffd @cek" in texts  # the bell character replaced
    with zipfile.ZipFile(written) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = zf.read(name).decode()
                assert "<f>" not in xml and "<f " not in xml, name
    wb = load_workbook(written)
    try:
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (ws.title, cell.coordinate)
                    if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                        assert cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
    finally:
        wb.close()


def test_every_sheet_is_set_up_for_filtering_and_printing(written: Path) -> None:
    wb = load_workbook(written)
    try:
        for ws in wb.worksheets:
            assert ws.freeze_panes and ws.freeze_panes.endswith("2"), ws.title
            assert ws.print_title_rows == "$1:$1", ws.title
            assert ws.page_setup.orientation == "landscape"
            setup = ws.sheet_properties.pageSetUpPr
            if ws.title == "Data rinci":  # for the screen: printed at full size, never shrunk
                assert ws.page_setup.scale == 100 and not (setup and setup.fitToPage)
            elif ws.title in ("Peringkat", "Berkas sumber"):
                # The leading columns fill the page width at a readable size; the others print
                # on the next page (a column break), which starts again with the row's name.
                assert 75 <= int(ws.page_setup.scale) <= 100, ws.title
                assert ws.col_breaks.brk and ws.print_title_cols, ws.title
            else:
                assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
                assert setup is not None and setup.fitToPage
            for letter, dim in ws.column_dimensions.items():
                assert dim.width and dim.width >= 6, (ws.title, letter)
            if ws.title == "Data rinci":
                table = ws.tables["DataRinci"]
                assert table.ref == "A1:R32"
                assert [c.name for c in table.tableColumns] == list(DETAIL_HEADERS)
                assert not ws.auto_filter.ref
            else:
                assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
        assert wb["Peringkat"].row_breaks.brk  # a new page for each category
        ranking = [c.value for c in next(wb["Peringkat"].iter_rows(max_row=1))]
        assert wb["Peringkat"].col_breaks.brk[0].id == ranking.index("Keterangan seri") + 1
        assert str(wb["Catatan"].print_area).startswith("'Catatan'!$A$1:$G$")  # to Status
        numbers = wb["Peringkat"]["D2"].alignment  # Nilai resmi: off the text beside it
        assert numbers.horizontal == "right" and numbers.indent == 1
    finally:
        wb.close()


def test_the_method_sheet_says_how_and_when(written: Path) -> None:
    method = {r[0]: r[1] for r in workbook_cells(written, keep_merge_time=True)["Metode"][1:]}
    assert "sampel (pembagi n − 1)" in str(method["Simpangan baku"])
    assert "kriteria berbobot terbesar" in str(method["Aturan seri"])
    assert "Draf tidak dihitung" in str(method["Draf"])
    assert "28/07/2025" in str(method["Waktu penggabungan"])
    assert "REG Regulasi 30" in str(method["Rubrik Pemerintah Kabupaten/Kota"])


def test_the_check_catches_a_workbook_that_differs(
    day: Path, written: Path, tmp_path: Path
) -> None:
    plan = inspect_inputs([day])
    check_rekap(plan, written)  # the real one passes
    forged = tmp_path / "palsu.xlsx"
    with zipfile.ZipFile(written) as src, zipfile.ZipFile(forged, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":  # Matriks nilai
                data = re.sub(rb"<v>4\.1</v>", b"<v>4.2</v>", data, count=1)
            dst.writestr(item, data)
    assert read_sheet(forged, "Matriks nilai") != read_sheet(written, "Matriks nilai")
    with pytest.raises(RekapCheckFailed):
        check_rekap(plan, forged)


def test_a_failed_check_is_a_bug_for_the_crash_handler_not_a_user_error(
    day: Path, written: Path, tmp_path: Path
) -> None:
    plan = inspect_inputs([day])
    forged = tmp_path / "sedikit.xlsx"
    with zipfile.ZipFile(written) as src, zipfile.ZipFile(forged, "w") as dst:
        for item in src.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(item, src.read(item.filename))
            else:
                dst.writestr(item, re.sub(rb"<v>1</v>", b"<v>7</v>", src.read(item.filename)))
    with pytest.raises(RekapCheckFailed) as caught:
        check_rekap(plan, forged)
    assert not isinstance(caught.value, UserError)
    assert "Peringkat" in caught.value.message.id and "developers" in caught.value.message.en


def test_writing_stops_with_cancelled_when_asked(day: Path, tmp_path: Path) -> None:
    plan = inspect_inputs([day])
    with pytest.raises(Cancelled):
        write_rekap(
            plan,
            tmp_path / "batal.xlsx",
            merged_at=fixed_clock(),
            program_version="0",
            cancelled=lambda: True,
        )


def test_the_method_prose_comes_whole_from_the_resources(day: Path) -> None:
    plan = inspect_inputs([day])
    rows = method_rows(plan, fixed_clock(), "0")
    aspects = [str(r[0]) for r in rows]
    assert aspects.index("Draf") < aspects.index("Nilai panelis") < aspects.index("Revisi")
    text = {str(r[0]): str(r[1]) for r in rows}
    assert "n ≥ 5." in text["Rata-rata terpangkas"]
    assert "lebih dari 20% nilai maksimum" in text["Penanda"]
    assert all("{" not in str(r[1]) and "  " not in str(r[1]) for r in rows)
    assert text["Berkas yang ditolak"] == "Tidak ada."


def test_the_method_prose_says_when_refused_files_were_skipped(day: Path, tmp_path: Path) -> None:
    bad = tmp_path / "acak.paritrana-panel"
    bad.write_bytes(b"bukan berkas panel" * 64)
    plan = inspect_inputs([day, bad], MergeOptions(skip_invalid=True))
    assert plan.refused
    text = {str(r[0]): str(r[1]) for r in method_rows(plan, fixed_clock(), "0")}
    assert text["Berkas yang ditolak"] == (
        "Dilewati atas pilihan ketua (--skip-invalid); tercantum di Berkas sumber dan "
        "Keputusan dengan alasannya."
    )


def test_a_note_longer_than_a_cell_is_cut_visibly_and_kept_whole(day: Path, tmp_path: Path) -> None:
    plan = inspect_inputs([day])
    long_note = "".join(random.Random(3).choice("abcde fghij\n") for _ in range(70_000))
    long_note = "=" + long_note  # and it looks like a formula
    first = plan.cards[0]
    card = dataclasses.replace(
        first.card, criterion_notes={**first.card.criterion_notes, "COV": long_note}
    )
    plan = dataclasses.replace(plan, cards=(dataclasses.replace(first, card=card), *plan.cards[1:]))
    out = write_merge(plan, tmp_path / "panjang.xlsx").output
    cells = workbook_cells(out)
    detail = as_records(cells["Data rinci"])
    cut_cell = next(r["Catatan kriteria"] for r in detail if r["Kode kriteria"] == "COV")
    assert isinstance(cut_cell, str) and len(cut_cell) == CELL_LIMIT
    assert cut_cell.endswith(CUT_MARK) and long_note.startswith(cut_cell[: -len(CUT_MARK)])
    pieces = [r for r in as_records(cells["Catatan"]) if r["Kriteria"] == "COV Cakupan kepesertaan"]
    assert [p["Bagian"] for p in pieces] == ["1/3", "2/3", "3/3"]
    assert "".join(str(p["Catatan"]) for p in pieces) == long_note


# --- the same set of files, the same cells ---------------------------------------------------


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """A realistic pile: a day's files, an older export of one judge, a byte-identical copy."""
    root = tmp_path_factory.mktemp("mixed")
    paths = three_judges(root / "hari1")
    noon = copy_file(paths[1], root / "usb", "J2 siang.paritrana-panel")
    with PanelFile.open(
        paths[1], clock=steady_clock(dt.datetime(2025, 7, 28, 14, tzinfo=dt.UTC))
    ) as p:
        p.rate("W03", "REG", 2)
        p.finalise("W03")
    twin = copy_file(paths[2], root / "usb", "J3 salinan.paritrana-panel")
    return [*paths, noon, twin]


@pytest.fixture(scope="module")
def mixed_cells(
    mixed: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[list[object]]]:
    out = tmp_path_factory.mktemp("mixed-out") / "rekap.xlsx"
    write_merge(inspect_inputs(mixed), out, clock=fixed_clock)
    return workbook_cells(out, keep_merge_time=True)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.randoms(use_true_random=False), st.integers(min_value=0, max_value=3))
def test_order_and_repetition_of_the_inputs_do_not_change_a_cell(
    mixed: list[Path],
    mixed_cells: dict[str, list[list[object]]],
    tmp_path_factory: pytest.TempPathFactory,
    rnd: random.Random,
    repeats: int,
) -> None:
    inputs: list[Path] = list(mixed) + [rnd.choice(mixed) for _ in range(repeats)]
    if rnd.random() < 0.5:  # sometimes as their folders
        inputs = [*{p.parent for p in mixed}, *inputs[:repeats]]
    rnd.shuffle(inputs)
    out = tmp_path_factory.mktemp("shuffled") / "rekap.xlsx"
    write_merge(inspect_inputs(inputs), out, clock=fixed_clock)
    assert workbook_cells(out, keep_merge_time=True) == mixed_cells


def test_the_pile_is_merged_as_the_rules_say(mixed_cells: dict[str, list[list[object]]]) -> None:
    sources = {r["Berkas"]: r for r in as_records(mixed_cells["Berkas sumber"])}
    assert sources["J2 siang.paritrana-panel"]["Hasil"] == "digantikan"
    assert {
        sources["J3 salinan.paritrana-panel"]["Hasil"],
        sources["J3.paritrana-panel"]["Hasil"],
    } == {
        "dipakai",
        "duplikat",
    }
    kinds = [r[1] for r in mixed_cells["Keputusan"][1:]]
    assert "revisi lebih baru dipakai" in kinds and "berkas duplikat" in kinds


def monday_and_tuesday(root: Path) -> tuple[list[Path], list[Path]]:
    """Each judge exports on Monday evening, scores Tuesday's participant, exports again."""
    event = small_event()
    laptops = root / "laptop"
    monday: list[Path] = []
    for n, judge in enumerate(("J1", "J2", "J3")):
        make_panel(
            laptops,
            event,
            judge,
            {"W01": 3 + n % 2, "W02": 4, "W03": {"REG": 5, "COV": 2 + n, "WAW": 3}},
        )
        monday.append(
            copy_file(
                laptops / f"{judge}.paritrana-panel",
                root / "senin",
                f"{judge} senin.paritrana-panel",
            )
        )
    tuesday: list[Path] = []
    for n, judge in enumerate(("J1", "J2", "J3")):
        path = laptops / f"{judge}.paritrana-panel"
        with PanelFile.open(
            path, clock=steady_clock(dt.datetime(2025, 7, 29, 2, n, tzinfo=dt.UTC))
        ) as p:
            for code, value in (("KEP", 5 - n), ("CSR", 3)):
                p.rate("W90", code, value)
            p.finalise("W90")
        tuesday.append(copy_file(path, root / "selasa", f"{judge} selasa.paritrana-panel"))
    return monday, tuesday


def test_monday_then_monday_and_tuesday_agrees_with_all_at_once(tmp_path: Path) -> None:
    monday, tuesday = monday_and_tuesday(tmp_path)

    def table(inputs: list[Path]) -> dict[str, tuple[object, ...]]:
        plan = inspect_inputs(inputs)
        assert plan.can_write()
        return {
            f.interview.id: (
                f.official,
                f.rank,
                f.n,
                f.sd,
                f.z_mean,
                f.flags,
                tuple(s.total for s in f.scores),
            )
            for r in plan.results
            for f in r.participants
        }

    first = table(monday)
    both = table(monday + tuesday)
    at_once = table(tuesday)
    monday_ids = ["W01", "W02", "W03"]
    assert {i: first[i] for i in monday_ids} == {i: both[i] for i in monday_ids}
    assert both == at_once
    assert first["W90"][0] is None and both["W90"][2] == 3


# --- LibreOffice ---------------------------------------------------------------------------


@pytest.mark.slow
def test_libreoffice_converts_the_workbook_to_a_pdf_with_pages(
    written: Path, tmp_path: Path
) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (the dev test set-up installs it)")
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(written),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "rekap.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000
    pages = _pdf_pages(pdf)
    assert pages >= len(SHEETS), pages
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout
        assert "Kabupaten Berau" in text and "###" not in text


def _pdf_pages(pdf: Path) -> int:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True).stdout
        match = re.search(r"^Pages:\s+(\d+)", out, re.M)
        assert match, out
        return int(match.group(1))
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def test_include_drafts_marks_the_counted_drafts(day: Path, tmp_path: Path) -> None:
    out = write_merge(
        inspect_inputs([day]), tmp_path / "draf.xlsx", MergeOptions(include_drafts=True)
    ).output
    cells = workbook_cells(out)
    kutai = next(
        r for r in as_records(cells["Matriks nilai"]) if r["Peserta"] == "Kabupaten Kutai Timur"
    )
    assert kutai["Anggota Dua (J2)"] == 5.0
    wb = load_workbook(out)
    try:
        ws = wb["Matriks nilai"]
        italic = [c.coordinate for row in ws.iter_rows() for c in row if c.font and c.font.i]
        assert len(italic) == 1
    finally:
        wb.close()
    method = {r[0]: r[1] for r in cells["Metode"][1:]}
    assert "--include-drafts" in str(method["Draf"])
