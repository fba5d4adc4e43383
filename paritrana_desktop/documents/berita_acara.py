"""The berita acara hasil penilaian wawancara (DOCX), filled from a Word template with docxtpl.

The shipped template (``resources/templates/berita-acara.docx``, made by
``scripts/make_berita_acara_template.py``) may be replaced by the secretariat's own, which may
use any of :data:`PLACEHOLDERS` and must use :data:`REQUIRED`. Everything is filled with
autoescaping on, so nothing a judge or the secretariat typed becomes markup, a field code or a
formula: it is printed as text.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate

from paritrana_desktop.domain.errors import UserError
from paritrana_desktop.domain.text import Text
from paritrana_desktop.domain.trust import LEGAL_NAME
from paritrana_desktop.domain.words import (
    date_in_words,
    date_long,
    format_decimal,
    number_with_words,
)
from paritrana_desktop.resources import document_resource

from .atomic import write_atomically
from .model import NO_REGISTER, BeritaAcaraInput

TEMPLATE_NAME = "berita-acara.docx"
DOTS = "." * 30

# Every placeholder a template may use, with what it holds (the guide lists them from here).
PLACEHOLDERS: Mapping[str, str] = {
    "kop": "the heading lines (a list, up to three)",
    "nama_kegiatan": "the event's name",
    "nomor": "the berita acara's number, or dots to fill in by hand",
    "hari_tanggal": "the day(s) and date(s) in words",
    "hari_tanggal_singkat": "the date(s) in digits, e.g. 28 Juli 2025",
    "tempat": "the venue",
    "tim_penilai": "how the panel is named, e.g. Tim Penilai",
    "panel": "the panel members: no, nama, instansi, jabatan, nip",
    "aturan": "the rounding and designation rules (a list of sentences)",
    "kategori": "per category: nama, baris (peringkat, peserta, nilai, nilai_angka, sebutan)",
    "dikecualikan": "what was left out and why (a list of sentences)",
    "kode_verifikasi": "each judge's file: no, nama, id, kode, sidik_jari (the key's fingerprint), "
    "register (whether the key was checked against the chair's register)",
    "keterangan_kunci": "a sentence on the files' signatures and the chair's register",
    "sha256_rekap": "the SHA-256 of the merged workbook",
    "tempat_penetapan": "the place of signing",
    "tanggal_penetapan": "the date of signing, e.g. 29 Juli 2025",
    "tanda_tangan": "the signature rows: no, nama, jabatan, kiri, kanan",
    "lampiran": "the matrix: juri (the judges' IDs), baris (peserta, kategori, nilai, resmi)",
}
REQUIRED = ("kategori", "tanda_tangan", "kode_verifikasi")


def write_berita_acara(data: BeritaAcaraInput, path: Path, template: Path | None = None) -> None:
    """Fill ``template`` (default: the shipped one) with ``data`` and write it to ``path``."""
    source = Path(template) if template else document_resource("templates", TEMPLATE_NAME)
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    doc = _open(source)
    context = build_context(data)
    _check_placeholders(doc, source, env, context)
    try:
        doc.render(context, env, autoescape=True)
    except jinja2.TemplateSyntaxError as error:
        raise _syntax_error(source, error) from error
    except jinja2.UndefinedError as error:
        raise UserError(
            Text(
                f"Templat {source.name} memakai isian yang tidak dikenal ({error.message}). "
                "Perbaiki templat itu atau pakai templat bawaan.",
                f"The template {source.name} uses an unknown placeholder ({error.message}). "
                "Correct the template or use the one that ships with the program.",
            )
        ) from error
    _grids_from_cells(doc.docx)
    write_atomically(Path(path), lambda tmp: doc.save(str(tmp)))


def _grids_from_cells(document: Any) -> None:
    """Each table's column grid made again from its first row's cell widths.

    A column loop (``{%tc for %}``) changes how many cells a row has; docxtpl then stretches
    the grid evenly, and LibreOffice lays the table out by the grid. The cells keep the widths
    the template gave them, so the grid is rebuilt from those (tables whose first row merges
    cells are left as they are)."""
    for table in document.tables:
        grid = table._tbl.tblGrid
        first = table.rows[0]._tr.tc_lst if table.rows else []
        widths = [tc.width for tc in first]
        if not first or any(tc.grid_span != 1 for tc in first) or None in widths:
            continue
        for column in list(grid.gridCol_lst):
            grid.remove(column)
        for width in widths:
            grid.add_gridCol().w = width


def _open(source: Path) -> DocxTemplate:
    if not source.is_file():
        raise UserError(
            Text(
                f"Templat berita acara {source} tidak ditemukan.",
                f"The berita acara template {source} was not found.",
            )
        )
    try:
        doc = DocxTemplate(str(source))
        doc.init_docx()
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise UserError(
            Text(
                f"{source.name} bukan dokumen Word (.docx) yang dapat dipakai sebagai templat.",
                f"{source.name} is not a Word document (.docx) that can serve as a template.",
            )
        ) from error
    return doc


def _syntax_error(source: Path, error: jinja2.TemplateSyntaxError) -> UserError:
    return UserError(
        Text(
            f"Templat {source.name} mengandung isian yang rusak ({error.message}): periksa "
            "pasangan {{ }} dan {% %}.",
            f"The template {source.name} has a broken placeholder ({error.message}): check "
            "the pairs of {{ }} and {% %}.",
        )
    )


def _check_placeholders(
    doc: DocxTemplate, source: Path, env: jinja2.Environment, context: Mapping[str, Any]
) -> None:
    try:
        used = doc.get_undeclared_template_variables(jinja_env=env)
    except jinja2.TemplateSyntaxError as error:
        raise _syntax_error(source, error) from error
    unknown = sorted(used - set(context))
    if unknown:
        known = ", ".join(sorted(context))
        raise UserError(
            Text(
                f"Templat {source.name} memakai isian yang tidak dikenal: {', '.join(unknown)}. "
                f"Isian yang tersedia: {known}.",
                f"The template {source.name} uses unknown placeholders: {', '.join(unknown)}. "
                f"The placeholders available: {known}.",
            )
        )
    missing = [name for name in REQUIRED if name not in used]
    if missing:
        raise UserError(
            Text(
                f"Templat {source.name} tidak memuat isian {', '.join(missing)}, yang wajib ada "
                "dalam berita acara.",
                f"The template {source.name} lacks the placeholders {', '.join(missing)}, which "
                "a berita acara must carry.",
            )
        )


def _score(value: Decimal | None) -> str:
    return "-" if value is None else format_decimal(value)


def _pick(text: Text | str, language: str) -> str:
    return text if isinstance(text, str) else text.pick(language)


def _categories(data: BeritaAcaraInput) -> list[dict[str, Any]]:
    return [
        {
            "nama": c.name,
            "baris": [
                {
                    "peringkat": "-" if line.rank is None else str(line.rank),
                    "peserta": line.participant,
                    "nilai": "-" if line.score is None else number_with_words(line.score),
                    "nilai_angka": _score(line.score),
                    "sebutan": line.designation or "-",
                }
                for line in c.lines
            ],
        }
        for c in data.categories
    ]


def build_context(data: BeritaAcaraInput) -> dict[str, Any]:
    """The values the template's placeholders name (see :data:`PLACEHOLDERS`)."""
    event = data.event
    lang = data.language
    last = event.last_day if event.last_day != event.first_day else None
    short = date_long(event.first_day) + (f" - {date_long(last)}" if last else "")
    categories = _categories(data)
    context: dict[str, Any] = {
        "kop": list(event.heading_lines),
        "nama_kegiatan": event.name,
        "nomor": event.number or DOTS,
        "hari_tanggal": date_in_words(event.first_day, last),
        "hari_tanggal_singkat": short,
        "tempat": event.venue,
        "tim_penilai": event.panel_name,
        "panel": [
            {
                "no": n,
                "nama": j.name,
                "instansi": j.institution,
                "jabatan": j.position.value,
                "nip": j.nip or "-",
            }
            for n, j in enumerate(data.panel, start=1)
        ],
        "aturan": [_pick(r, lang) for r in data.rules],
        "kategori": categories,
        "dikecualikan": [_pick(t, lang) for t in data.left_out] or ["Tidak ada."],
        "kode_verifikasi": [
            {
                "no": n,
                "nama": c.judge.name,
                "id": c.judge.judge_id,
                "kode": c.code,
                "sidik_jari": c.fingerprint or "-",
                "register": c.register or "-",
            }
            for n, c in enumerate(data.codes, start=1)
        ],
        "keterangan_kunci": key_sentence(data),
        "sha256_rekap": data.workbook_sha256,
        "tempat_penetapan": event.signing_place,
        "tanggal_penetapan": date_long(data.signed_on or event.last_day),
        "tanda_tangan": [
            {
                "no": n,
                "nama": j.name,
                "jabatan": j.position.value,
                "kiri": f"{n}. {DOTS[:14]}" if n % 2 else "",
                "kanan": "" if n % 2 else f"{n}. {DOTS[:14]}",
            }
            for n, j in enumerate(data.panel, start=1)
        ],
        "lampiran": {
            "juri": list(data.matrix.judges),
            "baris": [
                {
                    "peserta": r.participant,
                    "kategori": r.category,
                    "nilai": [_score(t) for t in r.totals],
                    "resmi": _score(r.official),
                }
                for r in data.matrix.rows
            ],
        },
    }
    context.update({k: v for k, v in data.extra.items() if k not in context})
    return {k: _clean(v) for k, v in context.items()}


def key_sentence(data: BeritaAcaraInput) -> str:
    """What the berita acara says about the files' signatures: their name in law, that the wet
    signatures are the official record, and whether the keys were checked against paper."""
    text = (
        f"Berkas panel ditandatangani secara elektronik ({LEGAL_NAME.id}); tanda tangan basah "
        "pada lembar penilaian dan pada berita acara ini tetap menjadi catatan resmi."
    )
    if any(c.fingerprint and c.register == NO_REGISTER for c in data.codes):
        text += (
            " Tanpa register ketua: kunci berkas tidak dicocokkan dengan sidik jari di lembar "
            "penilaian."
        )
    return text


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(value: Any) -> Any:
    """Strings without the control characters XML cannot hold (a stray one typed or pasted)."""
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value
