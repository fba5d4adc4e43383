"""The sheets and columns of the secretariat's workbook, and the names they may go by.

One table serves the template writer (the first Indonesian heading, the width) and the reader
(every heading it accepts, in Bahasa Indonesia and English, compared without regard to case,
spacing or punctuation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .workbook_values import normalize_key


@dataclass(frozen=True)
class Column:
    key: str
    heading: str  # what the template writes (Bahasa Indonesia)
    english: str
    aliases: tuple[str, ...] = ()
    width: float = 16.0
    hint: str = ""  # the Kegiatan sheet's third column

    def names(self) -> set[str]:
        return {normalize_key(x) for x in (self.heading, self.english, *self.aliases)} - {""}


@dataclass(frozen=True)
class SheetSpec:
    key: str
    name: str  # Bahasa Indonesia, as the template names it
    english: str
    aliases: tuple[str, ...]
    columns: tuple[Column, ...]
    instruction: str
    several: bool = False  # may be split over several sheets ("Jadwal Hari 1", "Jadwal Hari 2")
    _keys: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def sheet_keys(self) -> set[str]:
        return {normalize_key(x) for x in (self.name, self.english, *self.aliases)}

    def match_heading(self, text: str) -> str | None:
        """The column a heading names, or None: exact first, then without the part in
        brackets, then the longest known name the heading starts with (``Tanggal
        Wawancara`` -> Tanggal)."""
        if not self._keys:
            for column in self.columns:
                for key in column.names():
                    self._keys.setdefault(key, column.key)
        full = normalize_key(text)
        if not full:
            return None
        if full in self._keys:
            return self._keys[full]
        bare = normalize_key(re.sub(r"\(.*?\)|\[.*?\]", " ", text))
        if bare in self._keys:
            return self._keys[bare]
        candidates = [k for k in self._keys if len(k) >= 4 and bare.startswith(k)]
        if not candidates:
            return None
        return self._keys[max(candidates, key=len)]


EVENT = SheetSpec(
    key="event",
    name="Kegiatan",
    english="Event",
    aliases=("Acara", "Data Kegiatan", "Info Kegiatan", "Event Details", "Identitas Kegiatan"),
    instruction=(
        "Petunjuk: isi kolom B (Isi) untuk setiap baris, ganti contohnya. Tanggal ditulis "
        "28/07/2025 atau 28 Juli 2025. Tahun penghargaan dan periode penilaian diisi "
        "terpisah; periode biasanya 1 Januari s.d. 31 Desember tahun sebelumnya.\n"
        "Instructions: fill in column B for every row, replacing the example. Award year and "
        "assessment period are separate fields."
    ),
    columns=(
        Column(
            "name", "Nama kegiatan", "Event name",
            ("Nama", "Kegiatan", "Name", "Event", "Judul", "Nama Acara", "Acara"),
            hint="Nama lengkap, seperti pada berita acara.",
        ),
        Column(
            "level", "Tingkat", "Level", ("Tingkatan", "Jenjang"),
            hint="provinsi atau nasional (pilih dari daftar).",
        ),
        Column(
            "province", "Provinsi", "Province", ("Prov",),
            hint="Provinsi penyelenggara; boleh kosong untuk tingkat nasional.",
        ),
        Column(
            "award_year", "Tahun penghargaan", "Award year",
            ("Tahun", "Tahun Award", "Year", "Tahun Kegiatan", "Tahun Paritrana"),
            hint="Tahun Paritrana Award, misalnya 2025.",
        ),
        Column(
            "period_start", "Periode penilaian mulai", "Assessment period start",
            ("Periode mulai", "Awal periode", "Awal periode penilaian", "Period start",
             "Mulai periode", "Periode penilaian dari"),
            hint="Awal periode yang dinilai, biasanya 01/01 tahun sebelumnya.",
        ),
        Column(
            "period_end", "Periode penilaian selesai", "Assessment period end",
            ("Periode selesai", "Akhir periode", "Akhir periode penilaian", "Period end",
             "Periode penilaian akhir", "Periode penilaian sampai", "Selesai periode"),
            hint="Akhir periode yang dinilai, biasanya 31/12 tahun sebelumnya.",
        ),
        Column(
            "period", "Periode penilaian", "Assessment period", ("Periode", "Period"),
        ),
        Column(
            "venue", "Tempat", "Venue",
            ("Lokasi", "Tempat kegiatan", "Location", "Place", "Tempat pelaksanaan"),
            hint="Hotel atau gedung tempat wawancara.",
        ),
        Column(
            "start_date", "Tanggal mulai", "Start date",
            ("Mulai", "Start", "Tanggal kegiatan mulai", "Tanggal awal", "Hari pertama"),
            hint="Hari pertama wawancara.",
        ),
        Column(
            "end_date", "Tanggal selesai", "End date",
            ("Selesai", "End", "Tanggal kegiatan selesai", "Tanggal akhir", "Tanggal berakhir",
             "Hari terakhir"),
            hint="Hari terakhir wawancara.",
        ),
        Column(
            "dates", "Tanggal kegiatan", "Dates",
            ("Tanggal", "Date", "Event dates", "Waktu pelaksanaan", "Hari tanggal",
             "Waktu kegiatan", "Pelaksanaan"),
        ),
        Column(
            "code", "Kode singkat", "Short code",
            ("Kode", "Kode kegiatan", "Code", "Event code", "Singkatan", "Kode berkas"),
            hint="Huruf dan angka tanpa spasi, dipakai di nama berkas (mis. KALTIM25).",
        ),
        Column(
            "demo", "Data demo", "Demo data", ("Demo", "Kegiatan demo"),
            hint="ya untuk data latihan yang dibuat program; baris ini boleh tidak ada.",
        ),
        # For the papers (lembar penilaian, berita acara); every one may be left empty.
        *(
            Column(
                f"heading_{n}", f"Kop baris {n}", f"Heading line {n}",
                (f"Kop {n}", f"Kop surat baris {n}", f"Kepala surat baris {n}", f"Heading {n}"),
                hint=(
                    "Kop berita acara dan lembar penilaian, mis. PEMERINTAH PROVINSI KALIMANTAN "
                    "TIMUR; boleh kosong." if n == 1 else "Baris kop berikutnya; boleh kosong."
                ),
            )
            for n in (1, 2, 3)
        ),
        Column(
            "minutes_number", "Nomor berita acara", "Minutes number",
            ("No. berita acara", "Nomor BA", "No BA", "Nomor surat", "Berita acara nomor"),
            hint="Boleh kosong: dicetak titik-titik untuk diisi tangan.",
        ),
        Column(
            "signing_place", "Tempat penandatanganan", "Place of signing",
            ("Ditetapkan di", "Tempat tanda tangan", "Kota penandatanganan", "Signed at"),
            hint="Kota tempat berita acara ditandatangani, mis. Samarinda.",
        ),
        Column(
            "winners", "Jumlah terbaik per kategori", "Winners per category",
            ("Jumlah terbaik", "Jumlah pemenang", "Jumlah juara", "Winners"),
            hint="Berapa peserta terbaik disebut per kategori (Terbaik I, II, III); kosong: 3.",
        ),
        Column(
            "national", "Jumlah lanjut ke tingkat nasional", "Go on to the national round",
            ("Lanjut ke tingkat nasional", "Jumlah ke nasional", "Ke tingkat nasional",
             "National places"),
            hint="Berapa peserta per kategori lanjut ke tingkat nasional; kosong: 1.",
        ),
        Column(
            "score_decimals", "Desimal nilai resmi", "Official score decimals",
            ("Angka di belakang koma", "Desimal", "Decimals"),
            hint="Angka di belakang koma nilai resmi di dokumen, dibulatkan ke atas dari "
            "setengah; kosong: 2.",
        ),
    ),
)  # fmt: skip

# The order the template lists the Kegiatan sheet's rows in.
EVENT_FIELDS = (
    "name", "level", "province", "award_year", "period_start", "period_end", "venue",
    "start_date", "end_date", "code", "heading_1", "heading_2", "heading_3", "minutes_number",
    "signing_place", "winners", "national", "score_decimals",
)  # fmt: skip

CATEGORIES = SheetSpec(
    key="categories",
    name="Kategori",
    english="Categories",
    aliases=("Category", "Kategori dan Skala", "Skala", "Scale", "Scales", "Daftar Kategori"),
    instruction=(
        "Petunjuk: satu baris per kategori. Skala penilaian: nilai minimum, maksimum dan "
        "langkah (mis. 1, 5, 1 atau 0, 100, 5). Keterangan tiap nilai: satu per baris sel "
        "(Alt+Enter), 'nilai = keterangan', boleh rentang '0-40 = Kurang'; boleh kosong.\n"
        "Instructions: one row per category; the scale is minimum, maximum, step; descriptors "
        "one per line as 'value = label' (ranges '0-40 = Low' allowed) or left empty."
    ),
    columns=(
        Column(
            "code", "Kode kategori", "Category code",
            ("Kode", "Code", "Singkatan", "Kode singkat"), width=16,
        ),
        Column(
            "name", "Nama kategori", "Category name",
            ("Kategori", "Category", "Nama", "Name"), width=34,
        ),
        Column(
            "minimum", "Nilai minimum", "Minimum",
            ("Min", "Nilai terendah", "Terendah", "Skala minimum", "Lowest", "Nilai min",
             "Skala min", "Minimal", "Nilai minimal"), width=14,
        ),
        Column(
            "maximum", "Nilai maksimum", "Maximum",
            ("Maksimum", "Maks", "Max", "Nilai maksimal", "Maksimal", "Nilai tertinggi",
             "Tertinggi", "Skala maksimum", "Highest", "Nilai max", "Skala maks"), width=14,
        ),
        Column(
            "step", "Langkah", "Step",
            ("Kelipatan", "Interval", "Selang", "Langkah nilai", "Increment"), width=10,
        ),
        Column(
            "examples", "Bobot contoh", "Example weights",
            ("Bobot hanya contoh", "Weights are examples"), width=12,
        ),
        Column(
            "levels", "Keterangan tiap nilai", "Level descriptors",
            ("Keterangan", "Keterangan nilai", "Keterangan skala", "Deskripsi", "Descriptors",
             "Levels", "Labels", "Predikat", "Tingkat", "Level", "Skala", "Scale",
             "Description"), width=40,
        ),
    ),
)  # fmt: skip

RUBRIC = SheetSpec(
    key="rubric",
    name="Rubrik",
    english="Rubric",
    aliases=("Kriteria", "Criteria", "Rubrik Penilaian", "Indikator", "Bobot", "Weights"),
    several=True,
    instruction=(
        "Petunjuk: satu baris per kriteria. Kategori dipilih dari daftar (sheet Kategori). "
        "Bobot dalam persen; bobot semua kriteria satu kategori harus berjumlah 100. "
        "Bobot di bawah ini hanya contoh.\n"
        "Instructions: one row per criterion; weights in percent, adding up to 100 per "
        "category. The weights below are examples only."
    ),
    columns=(
        Column(
            "category", "Kategori", "Category",
            ("Kode kategori", "Category code", "Kat"), width=16,
        ),
        Column(
            "code", "Kode kriteria", "Criterion code",
            ("Kode", "Code", "No kriteria", "Nomor kriteria"), width=14,
        ),
        Column(
            "name", "Kriteria", "Criterion",
            ("Nama kriteria", "Criterion name", "Nama", "Name", "Aspek", "Aspek penilaian",
             "Indikator", "Criteria", "Kriteria penilaian"), width=30,
        ),
        Column(
            "description", "Deskripsi", "Description",
            ("Uraian", "Penjelasan", "Keterangan", "Deskripsi kriteria", "Catatan", "Notes",
             "Details"), width=50,
        ),
        Column(
            "weight", "Bobot", "Weight",
            ("Bobot persen", "Persentase", "Persen", "Weight percent", "Bobot nilai"), width=10,
        ),
    ),
)  # fmt: skip

SCHEDULE = SheetSpec(
    key="schedule",
    name="Jadwal",
    english="Schedule",
    aliases=("Jadwal Wawancara", "Jadwal Presentasi", "Susunan Acara", "Rundown", "Agenda",
             "Interviews", "Wawancara"),
    several=True,
    instruction=(
        "Petunjuk: satu baris per wawancara. Tanggal 28/07/2025 atau Senin, 28 Juli 2025; jam "
        "08.00 (atau satu sel 08.00 - 08.45 WITA). Kategori dipilih dari daftar. Tanggal atau "
        "ruang yang kosong berarti sama dengan baris di atasnya. ID boleh kosong.\n"
        "Instructions: one row per interview; a blank date or room means the same as the row "
        "above; the interview ID may be left empty."
    ),
    columns=(
        Column(
            "day", "Tanggal", "Date",
            ("Hari/Tanggal", "Hari dan tanggal", "Tgl", "Day/Date", "Tanggal wawancara",
             "Tanggal presentasi"), width=22,
        ),
        Column("weekday", "Hari", "Day", (), width=10),
        Column(
            "time", "Waktu", "Time",
            ("Jam", "Pukul", "Waktu wawancara", "Time slot", "Slot", "Sesi waktu"), width=16,
        ),
        Column(
            "start", "Mulai", "Start",
            ("Jam mulai", "Waktu mulai", "Start time", "From", "Dari", "Pukul mulai", "Awal",
             "Begin"), width=9,
        ),
        Column(
            "end", "Selesai", "End",
            ("Jam selesai", "Waktu selesai", "End time", "Until", "Sampai", "Hingga", "Akhir",
             "To", "s.d.", "Finish"), width=9,
        ),
        Column(
            "room", "Ruang", "Room",
            ("Ruangan", "Tempat", "Lokasi", "Venue", "Ruang wawancara", "Location", "Nama ruang"),
            width=18,
        ),
        Column(
            "participant", "Peserta", "Participant",
            ("Nama peserta", "Nama", "Name", "Instansi", "Nama instansi", "Perusahaan",
             "Nama perusahaan", "Pemerintah daerah", "Participant name", "Candidate", "Nominee",
             "Peserta wawancara", "Kandidat", "Nama badan usaha", "Badan usaha"), width=34,
        ),
        Column(
            "category", "Kategori", "Category",
            ("Jenis", "Kelompok", "Kode kategori", "Kat", "Category code"), width=16,
        ),
        Column(
            "representatives", "Perwakilan", "Representatives",
            ("Representative", "Yang hadir", "Hadir", "Delegasi", "Narasumber", "Penyaji",
             "Presenter", "Pejabat", "Perwakilan peserta", "Delegation", "Attendees", "Pemapar",
             "Presented by"), width=34,
        ),
        Column(
            "id", "ID wawancara (boleh kosong)", "Interview ID",
            ("ID", "ID wawancara", "Kode", "Kode wawancara", "Code", "Interview"), width=14,
        ),
    ),
)  # fmt: skip

# Columns the template writes in the Jadwal sheet (the reader accepts the others too).
SCHEDULE_TEMPLATE_COLUMNS = (
    "day", "start", "end", "room", "participant", "category", "representatives", "id",
)  # fmt: skip

PANEL = SheetSpec(
    key="panel",
    name="Panel",
    english="Judges",
    aliases=("Panelis", "Tim Penilai", "Penilai", "Juri", "Judge", "Roster", "Panel Roster",
             "Dewan Juri", "Tim Juri", "Tim 9", "Daftar Panelis", "Daftar Penilai"),
    instruction=(
        "Petunjuk: satu baris per panelis. Peran: ketua (tepat satu orang), anggota, atau "
        "sekretaris merangkap anggota, pilih dari daftar. NIP boleh kosong. ID boleh kosong; "
        "bila diisi, jangan ubah lagi setelah berkas panel dibagikan.\n"
        "Instructions: one row per judge; role ketua (chair, exactly one), anggota (member) or "
        "sekretaris merangkap anggota. The NIP and the ID may be left empty."
    ),
    columns=(
        Column(
            "name", "Nama", "Name",
            ("Nama panelis", "Nama penilai", "Panelis", "Penilai", "Judge", "Judge name",
             "Nama lengkap", "Full name", "Nama juri", "Juri"), width=34,
        ),
        Column(
            "institution", "Instansi", "Institution",
            ("Institusi", "Lembaga", "Asal", "Asal instansi", "Unsur", "Organisasi",
             "Organisation", "Organization", "Affiliation", "Instansi asal", "Asal lembaga"),
            width=36,
        ),
        Column(
            "role", "Peran", "Role",
            ("Peran dalam tim", "Jabatan dalam tim", "Kedudukan", "Kedudukan dalam tim",
             "Posisi dalam tim", "Position", "Jabatan tim", "Status"), width=12,
        ),
        Column(
            "id", "ID panelis (boleh kosong)", "Judge ID",
            ("ID", "ID panelis", "Kode", "Kode panelis", "Code", "ID penilai", "Kode penilai"),
            width=14,
        ),
        Column(
            "nip", "NIP (boleh kosong)", "Official number",
            ("NIP", "NIP/NRP", "NRP", "Nomor induk", "Nomor induk pegawai", "Nomor pegawai",
             "Employee number"), width=24,
        ),
    ),
)  # fmt: skip

SHEETS = (EVENT, CATEGORIES, RUBRIC, SCHEDULE, PANEL)
SHEET_ORDER = {spec.key: index for index, spec in enumerate(SHEETS)}

# Headings in the Kegiatan sheet that mark the explanation column (its text is never a value).
NOTE_HEADINGS = frozenset(
    normalize_key(x)
    for x in ("Petunjuk", "Keterangan", "Catatan", "Note", "Notes", "Contoh", "Penjelasan",
              "Hint", "Explanation", "Example")
)  # fmt: skip
