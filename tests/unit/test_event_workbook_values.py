"""The parsers behind the workbook reader: dates, times, numbers and headings as typed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paritrana_desktop.excel.workbook_categories import CategoryMatcher, KnownCategory, family
from paritrana_desktop.excel.workbook_layout import CATEGORIES, EVENT, PANEL, RUBRIC, SCHEDULE
from paritrana_desktop.excel.workbook_values import (
    ValueProblem,
    cell_text,
    find_date_in_text,
    format_date_id,
    parse_date,
    parse_date_range,
    parse_day_reference,
    parse_number,
    parse_time_range,
)

JULY_28 = dt.date(2025, 7, 28)


@pytest.mark.parametrize(
    "value",
    [
        JULY_28,
        dt.datetime(2025, 7, 28),
        45866,  # Excel's serial number for 28/07/2025, from a cell formatted as General
        "28/07/2025",
        "28-07-2025",
        "28.07.2025",
        "28/7/25",
        "2025-07-28",
        "Senin, 28 Juli 2025",
        "senin 28 juli 2025",
        "  SENIN ,  28  JULI  2025 ",
        "28 Jul 2025",
        "28-Jul-2025",
        "Monday, 28 July 2025",
        "July 28, 2025",
        "Sen, 28 Juli 2025",
    ],
)
def test_every_written_form_of_a_date(value: object) -> None:
    assert parse_date(value) == JULY_28


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("Selasa, 28 Juli 2025", "Senin, bukan Selasa"),
        ("31/06/2025", "tidak ada di kalender"),
        ("07/28/2025", "tulis tanggal lebih dulu"),
        ("besok pagi", "bukan tanggal"),
        (12, "bukan tanggal"),
    ],
)
def test_a_wrong_date_says_what_to_write(value: object, fragment: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_date(value)
    assert fragment in caught.value.message.id
    assert caught.value.message.en


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("28 - 29 Juli 2025", (JULY_28, dt.date(2025, 7, 29))),
        ("28-29 Juli 2025", (JULY_28, dt.date(2025, 7, 29))),
        ("28/07/2025 s.d. 29/07/2025", (JULY_28, dt.date(2025, 7, 29))),
        ("1 Januari - 31 Desember 2024", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
        ("Januari - Desember 2024", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
        ("2024", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
        (2024, (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
        ("28 Juli 2025", (JULY_28, JULY_28)),
        ("30 Januari sampai 2 Februari 2025", (dt.date(2025, 1, 30), dt.date(2025, 2, 2))),
    ],
)
def test_date_ranges_in_one_cell(value: object, expected: tuple[dt.date, dt.date]) -> None:
    assert parse_date_range(value) == expected


def test_day_references_resolve_against_the_event() -> None:
    days = [JULY_28, dt.date(2025, 7, 29)]
    assert parse_day_reference("Hari 2", days) == days[1]
    assert parse_day_reference("Hari ke-1", days) == days[0]
    assert parse_day_reference("Day II", days) == days[1]
    assert parse_day_reference("Selasa", days) == days[1]
    assert parse_day_reference("28/07/2025", days) is None
    with pytest.raises(ValueProblem):
        parse_day_reference("Hari 3", days)
    with pytest.raises(ValueProblem):
        parse_day_reference("Rabu", days)


def test_a_date_inside_a_banner() -> None:
    assert find_date_in_text("HARI I : SENIN, 28 JULI 2025") == JULY_28
    assert find_date_in_text("Jadwal 29-07-2025") == dt.date(2025, 7, 29)
    assert find_date_in_text("ISHOMA") is None


EIGHT = dt.time(8, 0)
QUARTER_TO_NINE = dt.time(8, 45)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (EIGHT, (EIGHT, None)),
        (dt.datetime(2025, 7, 28, 8, 0), (EIGHT, None)),
        (dt.timedelta(hours=8), (EIGHT, None)),
        (8 / 24, (EIGHT, None)),
        (8, (EIGHT, None)),
        (8.45, (QUARTER_TO_NINE, None)),  # "08.45" typed where "." is the decimal point
        (845, (QUARTER_TO_NINE, None)),
        ("08.00", (EIGHT, None)),
        ("8.00", (EIGHT, None)),
        ("08:00", (EIGHT, None)),
        ("0800", (EIGHT, None)),
        ("pukul 08.00 WITA", (EIGHT, None)),
        ("8 am", (EIGHT, None)),
        ("08.00 - 08.45 WITA", (EIGHT, QUARTER_TO_NINE)),
        ("08.00-08.45", (EIGHT, QUARTER_TO_NINE)),
        ("08:00 – 08:45 WIB", (EIGHT, QUARTER_TO_NINE)),
        ("08.00 s.d. 08.45", (EIGHT, QUARTER_TO_NINE)),
        ("08.00 s/d 08.45 WIT", (EIGHT, QUARTER_TO_NINE)),
        ("Jam 08.00 sampai 08.45", (EIGHT, QUARTER_TO_NINE)),
        ("08.00 - selesai", (EIGHT, None)),
        ("2:30 pm", (dt.time(14, 30), None)),
    ],
)
def test_every_written_form_of_a_time(
    value: object, expected: tuple[dt.time, dt.time | None]
) -> None:
    assert parse_time_range(value) == expected


@pytest.mark.parametrize("value", ["25.00", "08.75", "pagi", "8.61", 30, "13 pm", ""])
def test_a_wrong_time_says_what_to_write(value: object) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_time_range(value)
    assert "08.00" in caught.value.message.id


@given(
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    zone=st.sampled_from(["", " WIB", " WITA", " WIT", " wita"]),
    form=st.sampled_from(["{h:02d}.{m:02d}", "{h}.{m:02d}", "{h:02d}:{m:02d}", "{h}:{m:02d}"]),
    spaces=st.sampled_from(["", " ", "  "]),
)
def test_any_accepted_form_of_a_time_reads_as_that_time(
    hour: int, minute: int, zone: str, form: str, spaces: str
) -> None:
    time = dt.time(hour, minute)
    text = spaces + form.format(h=hour, m=minute) + zone + spaces
    assert parse_time_range(text) == (time, None)
    assert parse_time_range(time) == (time, None)
    assert parse_time_range((hour * 60 + minute) / (24 * 60)) == (time, None)
    end = dt.time((hour + 1) % 24, minute)
    for separator in (" - ", "-", " – ", " s.d. ", " s/d ", " sampai "):
        ranged = form.format(h=hour, m=minute) + separator + form.format(h=end.hour, m=minute)
        assert parse_time_range(ranged + zone) == (time, end)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2150, 12, 31)))
def test_any_date_reads_back_from_the_forms_the_template_writes(date: dt.date) -> None:
    assert parse_date(format_date_id(date)) == date
    assert parse_date(f"{date:%d/%m/%Y}") == date
    assert parse_date(f"{date:%d-%m-%Y}") == date


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (30, "General", (30.0, False)),
        ("30", "General", (30.0, False)),
        ("30%", "General", (30.0, True)),
        (" 30 % ", "General", (30.0, True)),
        (0.3, "0%", (30.0, True)),
        (0.125, "0.0%", (12.5, True)),
        ("12,5", "General", (12.5, False)),
        ("12.5", "General", (12.5, False)),
        (0.3, "General", (0.3, False)),
    ],
)
def test_numbers_with_comma_point_or_percent(
    value: object, number_format: str, expected: tuple[float, bool]
) -> None:
    assert parse_number(value, number_format) == expected


@pytest.mark.parametrize("value", ["tiga puluh", "30 persen", "1.2.3", True])
def test_a_wrong_number(value: object) -> None:
    with pytest.raises(ValueProblem):
        parse_number(value)


def test_stray_spaces_are_removed() -> None:
    assert cell_text("  Kabupaten \u00a0 Berau  ") == "Kabupaten Berau"
    assert cell_text("Bupati\n  Kadisnaker ", multiline=True) == "Bupati\nKadisnaker"
    assert cell_text(30.0) == "30"


@pytest.mark.parametrize(
    ("spec", "heading", "key"),
    [
        (SCHEDULE, "Tanggal", "day"),
        (SCHEDULE, "HARI / TANGGAL", "day"),
        (SCHEDULE, "Date", "day"),
        (SCHEDULE, "Hari", "weekday"),
        (SCHEDULE, "Waktu (WITA)", "time"),
        (SCHEDULE, "Jam", "time"),
        (SCHEDULE, "Time", "time"),
        (SCHEDULE, "Jam Mulai", "start"),
        (SCHEDULE, "Start", "start"),
        (SCHEDULE, "Selesai", "end"),
        (SCHEDULE, "End time", "end"),
        (SCHEDULE, "Nama  Peserta", "participant"),
        (SCHEDULE, "nama_peserta / instansi", "participant"),
        (SCHEDULE, "Participant", "participant"),
        (SCHEDULE, "KATEGORI", "category"),
        (SCHEDULE, "Category", "category"),
        (SCHEDULE, "Ruangan", "room"),
        (SCHEDULE, "Room", "room"),
        (SCHEDULE, "Perwakilan yang hadir", "representatives"),
        (SCHEDULE, "Representatives", "representatives"),
        (SCHEDULE, "ID wawancara (boleh kosong)", "id"),
        (SCHEDULE, "No.", None),
        (SCHEDULE, "Keterangan", None),
        (RUBRIC, "Bobot (%)", "weight"),
        (RUBRIC, "Weight", "weight"),
        (RUBRIC, "Kode Kriteria", "code"),
        (RUBRIC, "Aspek Penilaian", "name"),
        (CATEGORIES, "Nilai Maksimal", "maximum"),
        (CATEGORIES, "Min.", "minimum"),
        (CATEGORIES, "Step", "step"),
        (PANEL, "Nama Lengkap", "name"),
        (PANEL, "Asal Instansi", "institution"),
        (PANEL, "Jabatan dalam Tim", "role"),
        (PANEL, "Role", "role"),
        (EVENT, "Event name :", "name"),
        (EVENT, "Tahun Penghargaan", "award_year"),
        (EVENT, "Periode penilaian (tahun sebelumnya)", "period"),
        (EVENT, "Periode Penilaian Mulai", "period_start"),
        (EVENT, "Short code", "code"),
    ],
)
def test_headings_in_either_language(spec: object, heading: str, key: str | None) -> None:
    assert spec.match_heading(heading) == key  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pemkab", "PEMKAB"),
        ("PEMKOT", "PEMKAB"),
        ("Pemerintah Kota", "PEMKAB"),
        ("Kab/Kota", "PEMKAB"),
        ("pemerintah kabupaten/kota", "PEMKAB"),
        ("Pemprov", "PEMPROV"),
        ("Desa", "PEMDES"),
        ("UKM", "UMKM"),
        ("umkm", "UMKM"),
        ("Usaha Mikro Kecil dan Menengah", "UMKM"),
        ("PB", "PB"),
        ("Perusahaan Besar", "PB"),
        ("pm", "PM"),
        ("Perusahaan Menengah", "PM"),
    ],
)
def test_categories_by_short_form(text: str, expected: str) -> None:
    matcher = CategoryMatcher(
        [
            KnownCategory("PEMPROV", "Pemerintah Provinsi"),
            KnownCategory("PEMKAB", "Pemerintah Kabupaten/Kota"),
            KnownCategory("PEMDES", "Pemerintah Desa"),
            KnownCategory("PB", "Perusahaan Besar"),
            KnownCategory("PM", "Perusahaan Menengah"),
            KnownCategory("UMKM", "Usaha Kecil dan Mikro (UKM/UMKM)"),
        ]
    )
    assert matcher.match(text) == expected


def test_a_short_form_that_fits_two_categories_is_not_guessed() -> None:
    matcher = CategoryMatcher(
        [KnownCategory("PB-TAMBANG", "Perusahaan Besar Tambang"),
         KnownCategory("PB-KEBUN", "Perusahaan Besar Perkebunan")]
    )  # fmt: skip
    with pytest.raises(ValueProblem) as caught:
        matcher.match("PB")
    assert "PB-TAMBANG, PB-KEBUN" in caught.value.message.id
    assert matcher.match("pb kebun") == "PB-KEBUN"
    assert family("Pelayanan Publik") == "pelayanan"
