"""Reading the secretariat's workbook: messy hand-made sheets in, an exact ``Event`` out, or
every problem at once with its sheet, row and column."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from paritrana_desktop import cli
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
from paritrana_desktop.excel.template import build_event_workbook, example_event
from paritrana_desktop.excel.workbook_problems import (
    WorkbookFileError,
    WorkbookProblem,
    WorkbookProblems,
)
from paritrana_desktop.storage.event_file import read_event_file

DAY1, DAY2 = dt.date(2025, 7, 28), dt.date(2025, 7, 29)
FIVE = ("Sangat kurang", "Kurang", "Cukup", "Baik", "Sangat baik")


def five_levels() -> Scale:
    return Scale(1, 5, 1, tuple(ScaleLevel(v, label) for v, label in enumerate(FIVE, start=1)))


def messy_workbook(path: Path) -> Path:
    """A workbook as a secretary might make it without the template."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "EVENT"
    ws["A1"] = "DATA KEGIATAN PARITRANA AWARD"
    ws.merge_cells("A1:C1")
    ws["A3"], ws["B3"] = "Event name :", "  Paritrana Award Tingkat Provinsi  Kalimantan Timur 2025"
    ws["A4"], ws["B4"], ws["C4"] = "LEVEL", ":", "Tingkat Provinsi"
    ws["A5"], ws["B5"] = "Province", " Kalimantan Timur "
    ws["A6"], ws["B6"] = "Award year", "2025"
    ws["A7"], ws["B7"] = "Periode penilaian", "1 Januari - 31 Desember 2024"
    ws["A8"], ws["B8"] = "Venue", "Hotel Mercure Samarinda"
    ws["A9"], ws["B9"] = "Tanggal kegiatan", "28 - 29 Juli 2025"
    ws["A10"], ws["B10"] = "kode", "KALTIM25"

    cats = wb.create_sheet("categories")
    cats["A1"] = "Daftar kategori dan skala"
    cats.append([])
    cats.append(["CODE", "Category Name", "Min.", "Max.", "Step", "Descriptors"])
    cats.append(["PEMKAB", "Pemerintah Kabupaten/Kota", 1, 5, None, "; ".join(FIVE)])
    cats.append(
        [None, "Perusahaan Besar", None, None, None,
         "\n".join(f"{v} = {label}" for v, label in enumerate(FIVE, start=1))]
    )  # fmt: skip
    cats.append(["UMKM", "Usaha Kecil dan Mikro (UKM/UMKM)", "0", "100", "5",
                 "0-40 = Kurang\n45 - 70 : Cukup\n75-100 = Baik"])  # fmt: skip

    rubric = wb.create_sheet("Rubric")
    rubric["A1"] = "RUBRIK PENILAIAN (bobot contoh)"
    rubric.merge_cells("A1:E1")
    rubric.append(["Category", "Code", "Criterion", "Description", "Weight (%)"])
    rubric.append(["Pemkab", "REG", "Regulasi", "Perda\n  Perkada ", "30%"])
    rubric.append([None, "COV", "Cakupan", None, "40"])
    rubric.append([None, "WAW", "Wawancara", "Presentasi", 0.3])
    rubric["E5"].number_format = "0%"
    rubric.merge_cells("A3:A5")
    rubric.append([])
    rubric.append(["PB", "KEP", "Kepatuhan", "", 0.6])
    rubric.append(["pb", None, "CSR", "", 0.4])
    rubric.append(["umkm", "A", "Kepatuhan", "", "12,5"])
    rubric.append(["UMKM", "B", "Wawancara", "", "87,5"])

    sched = wb.create_sheet("Jadwal Wawancara")
    sched["A1"] = "JADWAL WAWANCARA PARITRANA AWARD"
    sched.merge_cells("A1:H1")
    sched["A2"] = "Hotel Mercure Samarinda"
    sched.merge_cells("A2:H2")
    sched.append([])
    sched.append(["No", "Hari/Tanggal", "Waktu (WITA)", None, "Ruangan", "Nama Peserta",
                  "Kategori", "Perwakilan"])  # fmt: skip
    sched.append([None, None, "Mulai", "Selesai"])
    for column in "ABEFGH":
        sched.merge_cells(f"{column}4:{column}5")
    sched.merge_cells("C4:D4")
    sched.append([1, "Senin, 28 Juli 2025", "08.00", "08:45", "Ruang Mahakam",
                  "Kabupaten Berau", "Pemkab", "Bupati\nKadisnaker"])  # fmt: skip
    sched.append([2, None, dt.time(8, 45), dt.time(9, 30), None, "  Kabupaten   Paser ",
                  "pemkab", "Wakil Bupati"])  # fmt: skip
    sched.append([3, None, 9.75 / 24, "10.30 WITA", "Ruang Mahakam", "Kota Samarinda",
                  "Pemerintah Kota", None])  # fmt: skip
    sched.merge_cells("B6:B8")
    sched.append([])
    sched.append([None, "ISHOMA 12.00 - 13.00"])
    sched.merge_cells("B10:H10")
    sched.append([None, "SELASA, 29 JULI 2025"])
    sched.merge_cells("B11:H11")
    sched.append([4, None, "08.00", "08.30", "Ruang B", "PT Contoh", "Perusahaan Besar", "HRD"])
    sched.append([5, "29-07-2025", 8.3, "9:00", "Ruang B", "UD Contoh", "UKM", None])
    sched.append([6, dt.datetime(2025, 7, 29), "09.00 - 09.30 WITA", None, "Ruang C",
                  "UD Lain", "umkm", "Pemilik"])  # fmt: skip
    sched.append([None, None, "12.00", "13.00", None, "Istirahat, sholat, makan", None, None])

    panel = wb.create_sheet("Tim Penilai")
    panel.append(["No.", "Nama Lengkap", "Asal Instansi", "Jabatan dalam Tim"])
    panel.append([1, "Dr. Ketua", "Sekretariat Daerah", "Ketua"])
    panel.append([2, "Anggota Satu", "BPJS Ketenagakerjaan", "anggota"])
    panel.append([3, " Anggota  Dua", "Apindo", None])
    wb.save(path)
    return path


def messy_expected() -> Event:
    return Event(
        code="KALTIM25",
        name="Paritrana Award Tingkat Provinsi Kalimantan Timur 2025",
        level=Level.PROVINSI,
        province="Kalimantan Timur",
        award_year=2025,
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        venue="Hotel Mercure Samarinda",
        start_date=DAY1,
        end_date=DAY2,
        categories=(
            Category(
                "PEMKAB",
                "Pemerintah Kabupaten/Kota",
                (
                    Criterion("REG", "Regulasi", "Perda\nPerkada", 30),
                    Criterion("COV", "Cakupan", "", 40),
                    Criterion("WAW", "Wawancara", "Presentasi", 30),
                ),
                five_levels(),
            ),
            Category(
                "PB",
                "Perusahaan Besar",
                (Criterion("KEP", "Kepatuhan", "", 60), Criterion("K1", "CSR", "", 40)),
                five_levels(),
            ),
            Category(
                "UMKM",
                "Usaha Kecil dan Mikro (UKM/UMKM)",
                (Criterion("A", "Kepatuhan", "", 12.5), Criterion("B", "Wawancara", "", 87.5)),
                Scale(
                    0,
                    100,
                    5,
                    tuple(
                        ScaleLevel(
                            float(v), "Kurang" if v <= 40 else "Cukup" if v <= 70 else "Baik"
                        )
                        for v in range(0, 101, 5)
                    ),
                ),
            ),
        ),
        interviews=(
            Interview(
                "W0728-0800",
                DAY1,
                dt.time(8, 0),
                dt.time(8, 45),
                "Ruang Mahakam",
                "Kabupaten Berau",
                "PEMKAB",
                "Bupati, Kadisnaker",
            ),
            Interview(
                "W0728-0845",
                DAY1,
                dt.time(8, 45),
                dt.time(9, 30),
                "Ruang Mahakam",
                "Kabupaten Paser",
                "PEMKAB",
                "Wakil Bupati",
            ),
            Interview(
                "W0728-0945",
                DAY1,
                dt.time(9, 45),
                dt.time(10, 30),
                "Ruang Mahakam",
                "Kota Samarinda",
                "PEMKAB",
                "",
            ),
            Interview(
                "W0729-0800",
                DAY2,
                dt.time(8, 0),
                dt.time(8, 30),
                "Ruang B",
                "PT Contoh",
                "PB",
                "HRD",
            ),
            Interview(
                "W0729-0830",
                DAY2,
                dt.time(8, 30),
                dt.time(9, 0),
                "Ruang B",
                "UD Contoh",
                "UMKM",
                "",
            ),
            Interview(
                "W0729-0900",
                DAY2,
                dt.time(9, 0),
                dt.time(9, 30),
                "Ruang C",
                "UD Lain",
                "UMKM",
                "Pemilik",
            ),
        ),
        judges=(
            Judge("P01", "Dr. Ketua", "Sekretariat Daerah", Role.KETUA),
            Judge("P02", "Anggota Satu", "BPJS Ketenagakerjaan", Role.ANGGOTA),
            Judge("P03", "Anggota Dua", "Apindo", Role.ANGGOTA),
        ),
    )


def test_a_messy_hand_made_workbook_reads_exactly(tmp_path: Path) -> None:
    event = read_event_workbook(messy_workbook(tmp_path / "jadwal.xlsx"))
    expected = messy_expected()
    assert event.categories == expected.categories
    assert event.interviews == expected.interviews
    assert event.judges == expected.judges
    assert event == expected


def test_generated_ids_do_not_depend_on_the_row_order(tmp_path: Path) -> None:
    path = messy_workbook(tmp_path / "a.xlsx")
    first = read_event_workbook(path)
    wb = load_workbook(path)
    ws = wb["Jadwal Wawancara"]
    row12 = [c.value for c in ws[12]]
    row14 = [c.value for c in ws[14]]
    for column, value in enumerate(row14, start=1):
        ws.cell(12, column).value = value
    for column, value in enumerate(row12, start=1):
        ws.cell(14, column).value = value
    wb.save(tmp_path / "b.xlsx")
    second = read_event_workbook(tmp_path / "b.xlsx")
    assert {i.id: i.participant for i in second.interviews} == {
        i.id: i.participant for i in first.interviews
    }


def template_workbook() -> Workbook:
    return build_event_workbook(example_event())


def problems_of(tmp_path: Path, wb: Workbook) -> list[WorkbookProblem]:
    path = tmp_path / "jadwal.xlsx"
    wb.save(path)
    with pytest.raises(WorkbookProblems) as caught:
        read_event_workbook(path)
    return list(caught.value.problems)


def located(problems: list[WorkbookProblem]) -> set[tuple[str, int | None, str]]:
    return {(p.sheet, p.row, p.column_letter) for p in problems}


def test_the_template_layout_reads_back_as_the_example(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    template_workbook().save(path)
    assert read_event_workbook(path) == example_event()


def test_every_problem_is_reported_at_once_with_its_place(tmp_path: Path) -> None:
    wb = template_workbook()
    wb["Kegiatan"]["B4"] = "kabupaten"  # level
    wb["Kegiatan"]["B12"] = "KALTIM 25"  # code with a space
    wb["Kategori"]["A5"] = "pb"  # duplicate category code
    wb["Rubrik"]["E3"] = 35  # PEMKAB weights add up to 110
    wb["Rubrik"]["B10"] = "kep"  # duplicate criterion code in PB (KEP in row 8)
    wb["Jadwal"]["A5"] = "Selasa, 28 Juli 2025"  # day name does not fit the date
    wb["Jadwal"]["B4"] = "08.30"  # overlaps row 3 in the same room
    wb["Jadwal"]["H4"] = "W01"  # duplicate interview id
    wb["Jadwal"]["C5"] = "09.00"  # ends before it starts (09.30)
    wb["Jadwal"]["F5"] = "Pelayanan Publik"  # no such category
    wb["Jadwal"]["A6"] = "31/06/2025"  # no such date
    wb["Jadwal"]["B7"] = "25.00"  # no such time
    wb["Panel"]["C4"] = "wakil ketua"  # neither ketua nor anggota
    wb["Panel"]["C5"] = "Ketua"  # a second chair
    wb["Panel"]["D6"] = "J1"  # duplicate judge id
    problems = problems_of(tmp_path, wb)
    assert located(problems) == {
        ("Kegiatan", 4, "B"),
        ("Kegiatan", 12, "B"),
        ("Kategori", 5, "A"),
        ("Rubrik", 3, "E"),
        ("Rubrik", 10, "B"),
        # UMKM lost its row in Kategori, so the rows that use it have no category:
        ("Rubrik", 12, "A"),
        ("Rubrik", 13, "A"),
        ("Jadwal", 7, "F"),
        ("Jadwal", 5, "A"),
        ("Jadwal", 4, "B"),
        ("Jadwal", 4, "H"),
        ("Jadwal", 5, "C"),
        ("Jadwal", 5, "F"),
        ("Jadwal", 6, "A"),
        ("Jadwal", 7, "B"),
        ("Panel", 4, "C"),
        ("Panel", 5, "C"),
        ("Panel", 6, "D"),
    }
    # In sheet order, then row by row.
    order = ["Kegiatan", "Kategori", "Rubrik", "Jadwal", "Panel"]
    keys = [(order.index(p.sheet), p.row or 0) for p in problems]
    assert keys == sorted(keys)
    for problem in problems:
        assert problem.message.id and problem.message.en
        assert problem.message.id != problem.message.en


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "where", "id_fragment", "en_fragment"),
    [
        ("Rubrik", "E3", 35, ("Rubrik", 3, "E"), "berjumlah 110, harus 100", "add up to 110"),
        ("Jadwal", "H4", "W01", ("Jadwal", 4, "H"), "sudah dipakai di Jadwal baris 3",
         "already used"),
        ("Jadwal", "F3", "Pelayanan Publik", ("Jadwal", 3, "F"), "tidak ada di sheet Kategori",
         "is not in the Kategori sheet"),
        ("Jadwal", "C3", "07.45", ("Jadwal", 3, "C"), "tidak setelah jam mulai",
         "is not after the start time"),
        ("Jadwal", "B4", "08.30", ("Jadwal", 4, "B"), "bertabrakan dengan Kabupaten Berau",
         "overlaps Kabupaten Berau"),
        ("Panel", "C4", "bendahara", ("Panel", 4, "C"), "tulis ketua, anggota, atau sekretaris",
         "write ketua"),
        ("Panel", "C5", "ketua", ("Panel", 5, "C"), "ketua hanya boleh satu orang",
         "only one chair"),
        ("Panel", "C3", "anggota", ("Panel", None, "C"), "belum ada ketua", "no chair"),
        ("Jadwal", "A3", "Senin, 30 Juli 2025", ("Jadwal", 3, "A"), "jatuh pada hari Rabu",
         "is a Wednesday"),
        ("Jadwal", "A4", "01/08/2025", ("Jadwal", 4, "A"), "di luar tanggal kegiatan",
         "outside the event's dates"),
        ("Kegiatan", "B8", "31/12/2023", ("Kegiatan", 8, "B"), "berakhir sebelum dimulai",
         "ends before it starts"),
        ("Kegiatan", "B11", "27/07/2025", ("Kegiatan", 11, "B"), "sebelum tanggal mulai",
         "before its start date"),
        ("Kegiatan", "B6", "dua ribu", ("Kegiatan", 6, "B"), "tulis tahunnya",
         "write the year"),
        ("Kegiatan", "B3", None, ("Kegiatan", 3, "B"), "Nama kegiatan kosong",
         "Event name (Nama kegiatan) is empty"),
        ("Kategori", "D3", 4.5, ("Kategori", 3, "D"), "tidak habis", "whole number of steps"),
        ("Kategori", "F3", "Kurang\nCukup\nBaik", ("Kategori", 3, "F"), "ada 3 keterangan",
         "there are 3 descriptors"),
        ("Kategori", "F5", "0-40 = Kurang\n105 = Hebat", ("Kategori", 5, "F"),
         "tidak ada di skala", "is not on the scale"),
        ("Rubrik", "E4", "tiga puluh", ("Rubrik", 4, "E"), "bukan angka", "is not a number"),
        ("Rubrik", "E4", 0, ("Rubrik", 4, "E"), "harus lebih dari 0", "must be more than 0"),
        ("Rubrik", "A13", "PP", ("Rubrik", 13, "A"), "tidak ada di sheet Kategori",
         "not in the Kategori sheet"),
        ("Jadwal", "F4", None, ("Jadwal", 4, "F"), "kategori kosong", "category is empty"),
        ("Jadwal", "E4", None, ("Jadwal", 4, "E"), "nama peserta kosong",
         "participant is empty"),
    ],
)  # fmt: skip
def test_each_problem_names_its_cell_and_what_to_change(
    tmp_path: Path,
    sheet: str,
    cell: str,
    value: object,
    where: tuple[str, int | None, str],
    id_fragment: str,
    en_fragment: str,
) -> None:
    wb = template_workbook()
    wb[sheet][cell] = value
    problems = problems_of(tmp_path, wb)
    matching = [p for p in problems if (p.sheet, p.row, p.column_letter) == where]
    assert matching, [p.text("en") for p in problems]
    assert any(id_fragment.lower() in p.message.id.lower() for p in matching), matching
    assert any(en_fragment.lower() in p.message.en.lower() for p in matching), matching


def test_a_missing_sheet_and_a_missing_header_row(tmp_path: Path) -> None:
    wb = template_workbook()
    del wb["Panel"]
    jadwal = wb["Jadwal"]
    jadwal.insert_rows(1, 10)  # the header row is now on row 12, below the first ten
    problems = problems_of(tmp_path, wb)
    texts = [p.text("id") for p in problems]
    assert any("Sheet 'Panel' tidak ada" in t for t in texts), texts
    assert any(t.startswith("Sheet Jadwal: Baris judul kolom tidak ditemukan") for t in texts)


def test_the_problem_text_lists_each_problem_on_its_own_line(tmp_path: Path) -> None:
    wb = template_workbook()
    wb["Jadwal"]["B7"] = "25.00"
    wb["Panel"]["C4"] = "wakil ketua"
    path = tmp_path / "jadwal.xlsx"
    wb.save(path)
    with pytest.raises(WorkbookProblems) as caught:
        read_event_workbook(path)
    lines = caught.value.text("id").splitlines()
    assert lines[0].startswith("jadwal.xlsx: 2 masalah ditemukan")
    assert lines[1].startswith("- Sheet Jadwal, baris 7, kolom B (Mulai): '25.00'")
    assert lines[2].startswith("- Sheet Panel, baris 4, kolom C (Peran): Peran 'wakil ketua'")
    english = caught.value.text("en").splitlines()
    assert english[1].startswith("- Sheet Jadwal, row 7, column B (Mulai):")


def test_the_cli_writes_no_event_file_when_there_is_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = template_workbook()
    wb["Jadwal"]["H4"] = "W01"
    wb["Rubrik"]["E3"] = 35
    source, target = tmp_path / "jadwal.xlsx", tmp_path / "kegiatan.paritrana-kegiatan"
    wb.save(source)
    assert cli.main(["--lang", "id", "event", "new", str(source), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "2 masalah ditemukan" in err
    assert "Sheet Rubrik, baris 3, kolom E (Bobot)" in err
    assert "Sheet Jadwal, baris 4, kolom H (ID wawancara (boleh kosong))" in err
    assert "Traceback" not in err
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_the_cli_builds_the_event_file_from_the_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "jadwal.xlsx", tmp_path / "kegiatan.paritrana-kegiatan"
    assert cli.main(["event", "template", str(source)]) == 0
    assert cli.main(["event", "new", str(source), "-o", str(target)]) == 0
    assert read_event_file(target) == example_event()
    capsys.readouterr()
    assert cli.main(["event", "template", str(source)]) == 1  # never overwrites
    assert "sudah ada" in capsys.readouterr().err


def test_the_cli_never_overwrites_an_existing_event_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "jadwal.xlsx", tmp_path / "kegiatan.paritrana-kegiatan"
    assert cli.main(["event", "template", str(source)]) == 0
    target.write_bytes(b"berkas kegiatan ketua, jangan diubah")
    before = target.stat()
    capsys.readouterr()
    assert cli.main(["--lang", "en", "event", "new", str(source), "-o", str(target)]) == 1
    assert "already exists; it was left as it was and nothing was overwritten" in (
        capsys.readouterr().err
    )
    assert cli.main(["--lang", "id", "event", "new", str(source), "-o", str(target)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"paritrana: {target} sudah ada; berkas itu dibiarkan utuh, tidak ada yang ditimpa. "
        "Pilih nama lain.\n"
    )
    assert target.read_bytes() == b"berkas kegiatan ketua, jangan diubah"
    assert target.stat().st_mtime_ns == before.st_mtime_ns
    assert sorted(p.name for p in tmp_path.iterdir()) == [source.name, target.name]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_files_that_are_not_a_workbook_get_one_sentence(tmp_path: Path) -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    good = tmp_path / "good.xlsx"
    template_workbook().save(good)
    ods = tmp_path / "jadwal.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    other_zip = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("readme.txt", "hello")
    cases = {
        tmp_path / "missing.xlsx": "tidak ditemukan",
        tmp_path: "folder",
        _write(tmp_path / "jadwal.csv", b"Tanggal;Peserta\n28/07/2025;Berau\n"): "bukan workbook",
        _write(tmp_path / "old.xls", ole2): "format Excel lama",
        _write(tmp_path / "locked.xlsx", ole2 + "EncryptionInfo".encode("utf-16-le")): "kata sandi",
        _write(tmp_path / "cut.xlsx", good.read_bytes()[:2000]): "rusak",
        ods: "OpenDocument",
        other_zip: "arsip ZIP lain",
    }
    for path, fragment in cases.items():
        with pytest.raises(WorkbookFileError) as caught:
            read_event_workbook(path)
        assert fragment in caught.value.message.id, (path, caught.value.message.id)
        assert caught.value.message.en and "\n" not in caught.value.message.id


def test_a_damaged_workbook_inside_a_good_zip(tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    template_workbook().save(good)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(WorkbookFileError) as caught:
        read_event_workbook(broken)
    assert "rusak" in caught.value.message.id


def test_a_national_round_needs_no_province_and_a_one_day_event(tmp_path: Path) -> None:
    wb = template_workbook()
    ws = wb["Kegiatan"]
    ws["B4"], ws["B5"] = "Nasional", None
    ws["B11"] = None  # no end date: a one-day event
    ws.delete_rows(11)  # and no row for it at all
    jadwal = wb["Jadwal"]
    jadwal.delete_rows(6, 2)  # the day-2 interviews
    path = tmp_path / "nasional.xlsx"
    wb.save(path)
    event = read_event_workbook(path)
    assert event.level is Level.NASIONAL
    assert event.province == ""
    assert event.start_date == event.end_date == DAY1
    assert len(event.interviews) == 3


def test_a_schedule_split_over_two_sheets_with_day_references(tmp_path: Path) -> None:
    wb = template_workbook()
    del wb["Jadwal"]
    for title, day, rows in (
        ("Jadwal Hari 1", "Hari 1", [("08.00-08.45", "Kabupaten Berau", "PEMKAB")]),
        ("Schedule day 2", "Selasa", [("08.00-08.30", "PT Contoh", "Perusahaan Besar")]),
    ):
        ws = wb.create_sheet(title)
        ws.append(["Hari", "Jam", "Peserta", "Kategori"])
        for time, participant, category in rows:
            ws.append([day, time, participant, category])
    path = tmp_path / "dua.xlsx"
    wb.save(path)
    event = read_event_workbook(path)
    assert [
        (i.day, i.start, i.end, i.participant, i.category, i.room) for i in event.interviews
    ] == [
        (DAY1, dt.time(8), dt.time(8, 45), "Kabupaten Berau", "PEMKAB", ""),
        (DAY2, dt.time(8), dt.time(8, 30), "PT Contoh", "PB", ""),
    ]


def test_a_rubric_per_category_sheet_and_a_horizontal_event_sheet(tmp_path: Path) -> None:
    wb = template_workbook()
    rubric = wb["Rubrik"]
    criteria = [[c.value for c in row] for row in rubric.iter_rows(min_row=3, max_row=13)]
    del wb["Rubrik"]
    for code in ("PEMKAB", "PB", "UMKM"):
        ws = wb.create_sheet(f"Rubrik {code}")
        ws.append(["Kode", "Kriteria", "Deskripsi", "Bobot"])
        for row in criteria:
            if row[0] == code:
                ws.append(row[1:])
    del wb["Kegiatan"]
    ws = wb.create_sheet("Kegiatan", 0)
    ws.append(["Paritrana Award"])
    ws.append(["Nama kegiatan", "Tingkat", "Provinsi", "Tahun", "Periode penilaian",
               "Tempat", "Tanggal", "Kode", "Kop 1", "Heading line 2",
               "Ditetapkan di"])  # fmt: skip
    ws.append(["Paritrana Award Tingkat Provinsi Kalimantan Timur 2025", "provinsi",
               "Kalimantan Timur", 2025, 2024, "Hotel Mercure Samarinda",
               "Senin, 28 Juli 2025 - Selasa, 29 Juli 2025", "KALTIM25",
               "PEMERINTAH PROVINSI KALIMANTAN TIMUR",
               "TIM PENILAI PARITRANA AWARD TINGKAT PROVINSI", "Samarinda"])  # fmt: skip
    path = tmp_path / "rubrik.xlsx"
    wb.save(path)
    assert read_event_workbook(path) == example_event()


def test_a_workbook_in_english(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Event"
    for label, value in (
        ("Event name", "Paritrana National 2025"),
        ("Level", "National"),
        ("Award year", 2025),
        ("Assessment period start", "01/01/2024"),
        ("Assessment period end", "31/12/2024"),
        ("Venue", "Jakarta"),
        ("Start date", "Monday, 4 August 2025"),
        ("End date", "5 August 2025"),
        ("Short code", "NAS25"),
    ):
        ws.append([label, value])
    categories = wb.create_sheet("Categories")
    categories.append(["Category code", "Category name", "Minimum", "Maximum", "Step",
                       "Level descriptors"])  # fmt: skip
    categories.append(["PB", "Large companies", 1, 4, 1, "Poor; Fair; Good; Excellent"])
    rubric = wb.create_sheet("Rubric")
    rubric.append(["Category", "Criterion code", "Criterion", "Description", "Weight"])
    rubric.append(["Large companies", "C1", "Compliance", "", 100])
    schedule = wb.create_sheet("Schedule")
    schedule.append(["Date", "Time", "Room", "Participant", "Category", "Representatives",
                     "Interview ID"])  # fmt: skip
    schedule.append(["04/08/2025", "9:00 am - 9:45 am", "Hall A", "PT X", "large", "HR", ""])
    schedule.append(["Day 2", "08:00 to 08:30", "Hall A", "PT Y", "PB", "", "X-2"])
    judges = wb.create_sheet("Judges")
    judges.append(["Name", "Institution", "Role"])
    judges.append(["A", "Ministry", "Chair"])
    judges.append(["B", "Union", "Member"])
    path = tmp_path / "english.xlsx"
    wb.save(path)
    event = read_event_workbook(path)
    assert (event.level, event.province, event.code) == (Level.NASIONAL, "", "NAS25")
    assert (event.start_date, event.end_date) == (dt.date(2025, 8, 4), dt.date(2025, 8, 5))
    assert [lv.label for lv in event.category("PB").scale.levels] == [
        "Poor", "Fair", "Good", "Excellent",
    ]  # fmt: skip
    assert event.interviews == (
        Interview("W0804-0900", dt.date(2025, 8, 4), dt.time(9), dt.time(9, 45), "Hall A",
                  "PT X", "PB", "HR"),
        Interview("X-2", dt.date(2025, 8, 5), dt.time(8), dt.time(8, 30), "Hall A", "PT Y",
                  "PB", ""),
    )  # fmt: skip
    assert [(j.id, j.role) for j in event.judges] == [("P01", Role.KETUA), ("P02", Role.ANGGOTA)]


def test_a_first_row_of_data_is_not_taken_for_a_second_header_row(tmp_path: Path) -> None:
    wb = template_workbook()
    jadwal = wb["Jadwal"]
    jadwal["I2"] = "Keterangan"  # a column the program does not know
    jadwal["I3"] = "Hadir"  # looks like a heading ("Yang hadir") but is data
    jadwal["J3"] = "Mulai"
    path = tmp_path / "ket.xlsx"
    wb.save(path)
    assert read_event_workbook(path) == example_event()
