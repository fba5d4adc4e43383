"""Make the berita acara template the program ships: resources/templates/berita-acara.docx.

    python scripts/make_berita_acara_template.py [OUT.docx]

The template is a Word document with docxtpl placeholders (Jinja2): ``{{ name }}`` for a value,
``{%p for ... %}`` / ``{%tr for ... %}`` / ``{%tc for ... %}`` for repeated paragraphs, table
rows and table columns. A secretariat may replace it with its own (letterhead, logo, wording)
as long as it keeps to the placeholders listed in ``paritrana_desktop.documents.berita_acara``
(``PLACEHOLDERS``). A test checks the committed file is what this script makes.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.table import Table

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "templates" / "berita-acara.docx"
FIXED_TIME = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def _paragraph(
    doc: DocumentType,
    text: str,
    *,
    bold: bool = False,
    center: bool = False,
    justify: bool = False,
    size: float | None = None,
    after: float = 4,
    keep: bool = False,
) -> None:
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif justify:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.space_after = Pt(after)
    if keep:
        p.paragraph_format.keep_with_next = True


def _table(
    doc: DocumentType,
    head: list[str],
    row: list[str],
    widths: list[float],
    size: float | None = None,
) -> Table:
    """A grid table: a bold header row and one row of placeholders (a ``{%tr %}`` loop), in
    the body's size or ``size`` points."""
    table = doc.add_table(rows=0, cols=len(head))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cells in (head, ["{%tr for " + row[0] + " %}"], row[1:], ["{%tr endfor %}"]):
        new = table.add_row().cells
        for i, text in enumerate(cells):
            run = new[i].paragraphs[0].add_run(text)
            run.bold = cells is head
            if size is not None:
                run.font.size = Pt(size)
    _widths(table, widths)
    return table


def _widths(table: Table, widths: list[float]) -> None:
    """Column widths both where Word reads them (cells) and LibreOffice does (the grid)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        for cell in column.cells:
            cell.width = Cm(width)
    for grid, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid.w = Cm(width)


def _heading_and_opening(doc: DocumentType) -> None:
    _paragraph(doc, "{%p for baris in kop %}", after=0)
    _paragraph(doc, "{{ baris }}", bold=True, center=True, size=13, after=0)
    _paragraph(doc, "{%p endfor %}", after=0)
    _paragraph(doc, "", after=6)
    _paragraph(
        doc, "BERITA ACARA HASIL PENILAIAN WAWANCARA", bold=True, center=True, size=13, after=0
    )
    _paragraph(doc, "{{ nama_kegiatan }}", bold=True, center=True, after=0)
    _paragraph(doc, "Nomor: {{ nomor }}", center=True, after=12)
    _paragraph(
        doc,
        "Pada hari ini {{ hari_tanggal }}, bertempat di {{ tempat }}, {{ tim_penilai }} "
        "{{ nama_kegiatan }} telah melaksanakan wawancara penilaian terhadap para peserta, "
        "dengan susunan panel dan hasil sebagai berikut.",
        justify=True,
        after=8,
    )


def _panel_and_results(doc: DocumentType) -> None:
    _paragraph(doc, "I. Panel penilai yang hadir", bold=True)
    _table(
        doc,
        ["No", "Nama", "Instansi", "Jabatan dalam tim"],
        ["p in panel", "{{ p.no }}", "{{ p.nama }}", "{{ p.instansi }}", "{{ p.jabatan }}"],
        [1.0, 5.5, 6.0, 3.5],
    )
    _paragraph(doc, "", after=4)
    _paragraph(doc, "II. Hasil penilaian", bold=True)
    _paragraph(doc, "{%p for a in aturan %}", after=0)
    _paragraph(doc, "{{ a }}", justify=True)
    _paragraph(doc, "{%p endfor %}", after=0)
    _paragraph(doc, "{%p for k in kategori %}", after=0)
    _paragraph(doc, "Kategori {{ k.nama }}", bold=True, after=2)
    _table(
        doc,
        ["Peringkat", "Peserta", "Nilai resmi", "Sebutan"],
        [
            "b in k.baris",
            "{{ b.peringkat }}",
            "{{ b.peserta }}",
            "{{ b.nilai }}",
            "{{ b.sebutan }}",
        ],
        [2.2, 5.0, 5.3, 3.5],
    )
    _paragraph(doc, "", after=2)
    _paragraph(doc, "{%p endfor %}", after=0)
    _paragraph(doc, "III. Penilaian yang tidak dihitung", bold=True)
    _paragraph(doc, "{%p for d in dikecualikan %}", after=0)
    _paragraph(doc, "{{ d }}", after=2)
    _paragraph(doc, "{%p endfor %}", after=0)
    _paragraph(doc, "", after=2)
    _paragraph(doc, "IV. Kode verifikasi berkas panel", bold=True)
    _table(
        doc,
        ["No", "Panelis", "Kode verifikasi", "Sidik jari kunci", "Register ketua"],
        [
            "c in kode_verifikasi",
            "{{ c.no }}",
            "{{ c.nama }}",
            "{{ c.kode }}",
            "{{ c.sidik_jari }}",
            "{{ c.register }}",
        ],
        [0.9, 3.6, 3.7, 4.7, 3.1],
        size=9,
    )
    _paragraph(doc, "", after=0)
    _paragraph(doc, "{{ keterangan_kunci }}", size=9, justify=True, after=2)
    _paragraph(doc, "SHA-256 rekapitulasi: {{ sha256_rekap }}", size=9, after=8)


def _closing_and_signatures(doc: DocumentType) -> None:
    _paragraph(
        doc,
        "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana "
        "mestinya.",
        justify=True,
        after=8,
    )
    _paragraph(doc, "Ditetapkan di {{ tempat_penetapan }}", after=0, keep=True)
    _paragraph(doc, "pada tanggal {{ tanggal_penetapan }}", after=8, keep=True)
    _paragraph(doc, "{{ tim_penilai }}", bold=True, center=True, after=6, keep=True)
    table = _table(
        doc,
        ["No", "Nama", "Jabatan", "Tanda tangan", ""],
        [
            "t in tanda_tangan",
            "{{ t.no }}",
            "{{ t.nama }}",
            "{{ t.jabatan }}",
            "{{ t.kiri }}",
            "{{ t.kanan }}",
        ],
        [1.0, 5.6, 3.4, 3.0, 3.0],
    )
    head = table.rows[0].cells
    head[3].merge(head[4])
    table.rows[2].height = Cm(1.2)
    for row in table.rows:  # the table stays on one page, with the lines that introduce it
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _attachment(doc: DocumentType) -> None:
    landscape = doc.add_section(WD_SECTION.NEW_PAGE)  # the matrix needs the width
    landscape.orientation = WD_ORIENT.LANDSCAPE
    landscape.page_width, landscape.page_height = Cm(29.7), Cm(21)
    _paragraph(
        doc, "LAMPIRAN BERITA ACARA HASIL PENILAIAN WAWANCARA", bold=True, center=True, after=0
    )
    _paragraph(doc, "Nomor: {{ nomor }}", center=True, after=6)
    _paragraph(doc, "Nilai total setiap panelis per peserta", bold=True, after=4)
    table = doc.add_table(rows=3, cols=6)
    table.style = "Table Grid"
    rows = (
        [
            "Peserta",
            "Kategori",
            "{%tc for j in lampiran.juri %}",
            "{{ j }}",
            "{%tc endfor %}",
            "Nilai resmi",
        ],
        ["{%tr for m in lampiran.baris %}", "", "", "", "", ""],
        [
            "{{ m.peserta }}",
            "{{ m.kategori }}",
            "{%tc for n in m.nilai %}",
            "{{ n }}",
            "{%tc endfor %}",
            "{{ m.resmi }}",
        ],
    )
    for cells, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(cells.cells, texts, strict=True):
            run = cell.paragraphs[0].add_run(text)
            run.font.size = Pt(8)
            run.bold = cells is table.rows[0]
    end = table.add_row().cells
    end[0].paragraphs[0].add_run("{%tr endfor %}")
    _widths(table, [5.0, 4.0, 1.5, 1.5, 1.5, 1.8])
    _paragraph(doc, "", after=2)
    _paragraph(
        doc,
        "Nilai kosong (-): panelis tidak menilai peserta itu atau penilaiannya tidak "
        "dihitung (lihat bagian III).",
        size=8,
    )


def build_template() -> DocumentType:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    props = doc.core_properties
    props.title = "Berita acara hasil penilaian wawancara"
    props.author = "Paritrana Desktop"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    _heading_and_opening(doc)
    _panel_and_results(doc)
    _closing_and_signatures(doc)
    _attachment(doc)
    return doc


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    build_template().save(str(out))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
