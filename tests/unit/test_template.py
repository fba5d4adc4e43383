"""The secretariat's template: how it looks, its drop-down lists, and that what it writes reads
back as the same event (for the example and for any event hypothesis can think of)."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from paritrana_desktop.domain.errors import UserError
from paritrana_desktop.domain.event import (
    Category,
    Criterion,
    Event,
    Interview,
    Judge,
    Level,
    Role,
    Scale,
    ScaleLevel,
)
from paritrana_desktop.excel.event_workbook import read_event_workbook
from paritrana_desktop.excel.template import (
    example_event,
    levels_text,
    write_event_workbook,
    write_template,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_template(tmp_path_factory.mktemp("template") / "template.xlsx")


def test_the_template_filled_only_with_its_examples_is_a_valid_event(template: Path) -> None:
    event = read_event_workbook(template)
    assert event == example_event()
    assert event.name == "Paritrana Award Tingkat Provinsi Kalimantan Timur 2025"
    assert (event.award_year, event.period_start, event.period_end) == (
        2025,
        dt.date(2024, 1, 1),
        dt.date(2024, 12, 31),
    )
    assert [c.code for c in event.categories] == ["PEMKAB", "PB", "UMKM"]
    assert event.category("UMKM").scale.values()[:3] == [0, 5, 10]
    assert event.category("PEMKAB").scale.label_for(1) == "Sangat kurang"


def test_sheets_headings_and_instruction_lines(template: Path) -> None:
    wb = load_workbook(template)
    assert wb.sheetnames == ["Kegiatan", "Kategori", "Rubrik", "Jadwal", "Panel"]
    headings = {ws.title: [c.value for c in ws[2] if c.value] for ws in wb.worksheets}
    assert headings == {
        "Kegiatan": ["Isian", "Isi", "Petunjuk"],
        "Kategori": ["Kode kategori", "Nama kategori", "Nilai minimum", "Nilai maksimum",
                     "Langkah", "Keterangan tiap nilai"],
        "Rubrik": ["Kategori", "Kode kriteria", "Kriteria", "Deskripsi", "Bobot"],
        "Jadwal": ["Tanggal", "Mulai", "Selesai", "Ruang", "Peserta", "Kategori", "Perwakilan",
                   "ID wawancara (boleh kosong)"],
        "Panel": ["Nama", "Instansi", "Peran", "ID panelis (boleh kosong)", "NIP (boleh kosong)"],
    }  # fmt: skip
    for ws in wb.worksheets:
        instruction = ws["A1"].value
        assert isinstance(instruction, str) and instruction.startswith("Petunjuk:")
        assert "Instructions:" in instruction
        assert ws.freeze_panes == "A3"
        assert all(c.font.bold for c in ws[2] if c.value)
        assert any(str(r).startswith("A1:") for r in ws.merged_cells.ranges)
        assert ws.column_dimensions["A"].width >= 9
    kegiatan = wb["Kegiatan"]
    labels = [kegiatan.cell(r, 1).value for r in range(3, 13)]
    assert labels == [
        "Nama kegiatan", "Tingkat", "Provinsi", "Tahun penghargaan", "Periode penilaian mulai",
        "Periode penilaian selesai", "Tempat", "Tanggal mulai", "Tanggal selesai",
        "Kode singkat",
    ]  # fmt: skip
    jadwal = wb["Jadwal"]
    assert [jadwal.cell(3, c).value for c in range(1, 9)] == [
        "Senin, 28 Juli 2025", "08.00", "08.45", "Ruang Mahakam", "Kabupaten Berau", "PEMKAB",
        "Bupati, Kepala Dinas Tenaga Kerja", "W01",
    ]  # fmt: skip
    # Dates and times are text, so Excel cannot swap day and month in rows typed later.
    assert jadwal.column_dimensions["A"].number_format == "@"
    assert jadwal.column_dimensions["B"].number_format == "@"


def test_drop_down_lists_for_level_categories_and_roles(template: Path) -> None:
    wb = load_workbook(template)

    def lists(sheet: str) -> dict[str, str]:
        return {
            str(v.sqref): str(v.formula1)
            for v in wb[sheet].data_validations.dataValidation
            if v.type == "list"
        }

    assert lists("Kegiatan") == {"B4": '"provinsi,nasional"'}
    assert lists("Rubrik") == {"A3:A300": "'Kategori'!$A$3:$A$100"}
    assert lists("Jadwal") == {"F3:F300": "'Kategori'!$A$3:$A$100"}
    assert lists("Panel") == {"C3:C300": '"ketua,anggota,sekretaris merangkap anggota"'}
    for ws in wb.worksheets:
        for validation in ws.data_validations.dataValidation:
            # A short form such as "Pemkab" is only warned about, never refused.
            assert validation.errorStyle == "warning"
            assert validation.allowBlank


def test_another_reader_opens_the_template(template: Path) -> None:
    book = CalamineWorkbook.from_path(str(template))
    assert book.sheet_names == ["Kegiatan", "Kategori", "Rubrik", "Jadwal", "Panel"]
    rows = book.get_sheet_by_name("Rubrik").to_python()
    assert rows[1][:5] == ["Kategori", "Kode kriteria", "Kriteria", "Deskripsi", "Bobot"]
    assert rows[2][0] == "PEMKAB"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_template_without_complaint(tmp_path: Path) -> None:
    source = write_template(tmp_path / "template.xlsx")
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,"
         "false,4", "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    csv = next(tmp_path.glob("template*Jadwal*.csv"), None) or tmp_path / "template.csv"
    assert "Kabupaten Berau" in csv.read_text(encoding="utf-8")


def test_the_template_never_overwrites_and_needs_an_xlsx_name(tmp_path: Path) -> None:
    written = write_template(tmp_path / "jadwal")
    assert written == tmp_path / "jadwal.xlsx"
    before = written.read_bytes()
    with pytest.raises(UserError, match="sudah ada"):
        write_template(written)
    assert written.read_bytes() == before
    with pytest.raises(UserError, match=r"\.xlsx"):
        write_template(tmp_path / "jadwal.xls")
    with pytest.raises(UserError, match="tidak ada"):
        write_template(tmp_path / "no-such-folder" / "jadwal.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jadwal.xlsx"]


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    base = example_event()
    judges = (Judge("J1", '=HYPERLINK("x")', "@Apindo", Role.KETUA), *base.judges[1:])
    event = Event(**{**_fields(base), "judges": judges})
    path = write_event_workbook(tmp_path / "f.xlsx", event)
    cell = load_workbook(path)["Panel"]["A3"]
    assert cell.data_type == "s" and cell.quotePrefix
    assert read_event_workbook(path) == event


def test_descriptor_runs_become_ranges() -> None:
    scale = example_event().category("UMKM").scale
    assert levels_text(scale) == "0-40 = Kurang\n45-70 = Cukup\n75-100 = Baik"
    descending = Scale(
        1, 5, 1, tuple(ScaleLevel(v, "x" if v > 3 else str(v)) for v in (5, 4, 3, 1))
    )
    assert levels_text(descending) == "5-4 = x\n3 = 3\n1 = 1"


def _fields(event: Event) -> dict[str, object]:
    return {
        name: getattr(event, name)
        for name in ("code", "name", "level", "province", "award_year", "period_start",
                     "period_end", "venue", "start_date", "end_date", "categories",
                     "interviews", "judges")
    }  # fmt: skip


# --- any event, written in the template's layout, reads back equal -----------------------------

_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 éü-/.,()&'=+#@:;%"
_texts = (
    st.text(_ALPHABET, min_size=1, max_size=24)
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: any(ch.isalnum() for ch in s))
)
_lines = st.lists(_texts, min_size=0, max_size=3).map("\n".join)
_codes = st.text("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", min_size=1, max_size=6)


@st.composite
def _scales(draw: st.DrawFn) -> Scale:
    step = draw(st.sampled_from([1.0, 0.5, 0.25, 2.0, 5.0, 10.0]))
    minimum = draw(st.sampled_from([0.0, 1.0, 0.5, 2.0]))
    count = draw(st.integers(1, 20))
    maximum = minimum + count * step
    values = Scale(minimum, maximum, step).values()
    chosen = draw(st.lists(st.sampled_from(values), unique=True, max_size=len(values)))
    chosen.sort(reverse=draw(st.booleans()))
    labels = st.sampled_from(["Kurang", "Cukup", "Baik"]) | _texts
    return Scale(minimum, maximum, step, tuple(ScaleLevel(v, draw(labels)) for v in chosen))


@st.composite
def _weights(draw: st.DrawFn) -> list[float]:
    parts = draw(st.integers(1, 6))
    cuts = sorted(draw(st.lists(st.integers(1, 199), min_size=parts - 1, max_size=parts - 1,
                                unique=True)))  # fmt: skip
    points = [0, *cuts, 200]
    return [(b - a) / 2 for a, b in itertools.pairwise(points)]


@st.composite
def _events(draw: st.DrawFn) -> Event:
    category_codes = draw(st.lists(_codes, min_size=1, max_size=4, unique=True))
    categories = []
    for code in category_codes:
        weights = draw(_weights())
        criterion_codes = draw(
            st.lists(_codes, min_size=len(weights), max_size=len(weights), unique=True)
        )
        criteria = tuple(
            Criterion(c, draw(_texts), draw(_lines), w)
            for c, w in zip(criterion_codes, weights, strict=True)
        )
        categories.append(Category(code, draw(_texts), criteria, draw(_scales())))
    start = draw(st.dates(dt.date(2000, 1, 1), dt.date(2150, 12, 31)))
    end = start + dt.timedelta(days=draw(st.integers(0, 4)))
    count = draw(st.integers(1, 8))
    ids = draw(st.lists(_codes, min_size=count, max_size=count, unique=True))
    interviews = []
    for number, interview_id in enumerate(ids):
        begin = draw(st.integers(0, 22 * 60))
        finish = begin + draw(st.integers(1, 90))
        interviews.append(
            Interview(
                interview_id,
                start + dt.timedelta(days=draw(st.integers(0, (end - start).days))),
                dt.time(begin // 60, begin % 60),
                dt.time(min(finish, 1439) // 60, min(finish, 1439) % 60),
                f"{draw(_texts)} {number}",  # one room each: no overlaps
                draw(_texts),
                draw(st.sampled_from(category_codes)),
                draw(st.sampled_from(["", "Bupati, Kadisnaker"]) | _texts),
            )
        )
    judge_ids = draw(st.lists(_codes, min_size=1, max_size=9, unique=True))
    judges = tuple(
        Judge(j, draw(_texts), draw(st.just("") | _texts), Role.KETUA if n == 0 else Role.ANGGOTA)
        for n, j in enumerate(judge_ids)
    )
    level = draw(st.sampled_from(Level))
    period_start = draw(st.dates(dt.date(1990, 1, 1), dt.date(2150, 1, 1)))
    return Event(
        code=draw(_codes),
        name=draw(_texts),
        level=level,
        province=draw(_texts) if level is Level.PROVINSI else draw(st.just("") | _texts),
        award_year=draw(st.integers(1990, 2200)),
        period_start=period_start,
        period_end=period_start + dt.timedelta(days=draw(st.integers(0, 730))),
        venue=draw(st.just("") | _texts),
        start_date=start,
        end_date=end,
        categories=tuple(categories),
        interviews=tuple(interviews),
        judges=judges,
    )


@given(_events())
def test_any_event_written_in_the_template_layout_reads_back_equal(event: Event) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_event_workbook(Path(folder) / "event.xlsx", event)
        assert read_event_workbook(path) == event


def test_a_lone_descriptor_with_a_semicolon_stays_whole(tmp_path: Path) -> None:
    base = example_event()
    odd = Scale(0, 1, 1, (ScaleLevel(0, "tidak ada; belum"),))
    pemkab = base.categories[0]
    changed = Category(pemkab.code, pemkab.name, pemkab.criteria, odd)
    event = Event(**{**_fields(base), "categories": (changed, *base.categories[1:])})
    path = write_event_workbook(tmp_path / "semi.xlsx", event)
    assert read_event_workbook(path).category("PEMKAB").scale == odd
