"""The berita acara read back with python-docx: every panel member, every category's winners,
no placeholder left; a user's template with a wrong placeholder gets a sentence naming it."""

from __future__ import annotations

import dataclasses
import importlib.util
import shutil
import subprocess
import zipfile
from pathlib import Path
from types import ModuleType

import docx
import pytest

from paritrana_desktop.documents.berita_acara import write_berita_acara
from paritrana_desktop.documents.model import BeritaAcaraInput
from paritrana_desktop.documents.sample import sample_berita_acara
from paritrana_desktop.domain.errors import UserError
from paritrana_desktop.resources import document_resource
from paritrana_desktop.workflows.demo import demo_event

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def data() -> BeritaAcaraInput:
    return sample_berita_acara(demo_event())


def _all_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def _template_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_berita_acara_template", REPO / "scripts" / "make_berita_acara_template.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_berita_acara_holds_the_panel_and_the_winners(
    data: BeritaAcaraInput, tmp_path: Path
) -> None:
    out = tmp_path / "berita-acara.docx"
    write_berita_acara(data, out)
    text = _all_text(out)
    assert "{{" not in text and "{%" not in text and "}}" not in text
    assert "BERITA ACARA HASIL PENILAIAN WAWANCARA" in text
    assert data.event.name in text
    assert (
        "Pada hari ini Senin sampai dengan Selasa tanggal dua puluh delapan sampai dengan dua "
        "puluh sembilan bulan Juli tahun dua ribu dua puluh lima, bertempat di Hotel Mercure "
        "Samarinda" in text
    )
    for judge in data.panel:
        assert text.count(judge.name) >= 3  # present, code, signature
        assert judge.institution in text
    for category in data.categories:
        assert f"Kategori {category.name}" in text
        for line in category.lines:
            if line.designation:
                assert line.participant in text and line.designation in text
    assert "Terbaik I, lanjut ke tingkat nasional" in text
    for code in data.codes:
        assert code.code in text
    assert data.workbook_sha256 in text
    assert "Demikian berita acara ini dibuat dengan sebenarnya" in text
    assert "Ditetapkan di Samarinda" in text and "pada tanggal 29 Juli 2025" in text
    assert "Nomor: ....." in text
    assert "J07 untuk PT Sawit Lestari Mahakam" in text


def test_scores_in_digits_and_words(data: BeritaAcaraInput, tmp_path: Path) -> None:
    out = tmp_path / "ba.docx"
    write_berita_acara(data, out)
    document = docx.Document(str(out))
    results = document.tables[1]
    first = [cell.text for cell in results.rows[1].cells]
    line = data.categories[0].lines[0]
    assert first[0] == "1" and first[1] == line.participant
    assert first[2].startswith(f"{line.score}".replace(".", ",") + " (")
    assert "koma" in first[2]


def test_signatures_are_numbered_left_and_right(data: BeritaAcaraInput, tmp_path: Path) -> None:
    out = tmp_path / "ba.docx"
    write_berita_acara(data, out)
    document = docx.Document(str(out))
    table = next(t for t in document.tables if "Tanda tangan" in t.rows[0].cells[-1].text)
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert [r[1] for r in rows] == [j.name for j in data.panel]
    assert rows[0][3].startswith("1.") and rows[0][4] == ""
    assert rows[1][3] == "" and rows[1][4].startswith("2.")


def test_the_lampiran_has_a_column_per_judge(data: BeritaAcaraInput, tmp_path: Path) -> None:
    out = tmp_path / "ba.docx"
    write_berita_acara(data, out)
    matrix = docx.Document(str(out)).tables[-1]
    head = [c.text for c in matrix.rows[0].cells]
    assert head == ["Peserta", "Kategori", *data.matrix.judges, "Nilai resmi"]
    assert len(matrix.rows) == 1 + len(data.matrix.rows)


def test_typed_text_stays_text(data: BeritaAcaraInput, tmp_path: Path) -> None:
    typed = '<w:fldSimple w:instr="DATE"/> {{ nomor }} =1+1 & "x"'
    event = dataclasses.replace(data.event, venue=typed, number="BA/07/2025")
    out = tmp_path / "ba.docx"
    write_berita_acara(dataclasses.replace(data, event=event, left_out=(typed,)), out)
    assert typed in _all_text(out)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "fldSimple" not in xml.replace("&lt;w:fldSimple", "")
    assert "instrText" not in xml
    assert "Nomor: BA/07/2025" in _all_text(out)


def _template_with(tmp_path: Path, old: str, new: str, *more: tuple[str, str]) -> Path:
    source = document_resource("templates", "berita-acara.docx")
    target = tmp_path / "punya-kami.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            content = zin.read(item)
            if item.filename == "word/document.xml":
                text = content.decode()
                for before, after in ((old, new), *more):
                    assert before in text
                    text = text.replace(before, after, 1)
                content = text.encode()
            zout.writestr(item, content)
    return target


def test_an_unknown_placeholder_is_named(data: BeritaAcaraInput, tmp_path: Path) -> None:
    template = _template_with(tmp_path, "{{ nama_kegiatan }}", "{{ nama_acara }}")
    out = tmp_path / "ba.docx"
    with pytest.raises(UserError) as caught:
        write_berita_acara(data, out, template)
    assert "punya-kami.docx" in caught.value.message.id
    assert "nama_acara" in caught.value.message.id and "nama_acara" in caught.value.message.en
    assert not out.exists()


def test_a_missing_placeholder_is_named(data: BeritaAcaraInput, tmp_path: Path) -> None:
    template = _template_with(
        tmp_path, "c in kode_verifikasi", "c in panel", ("{{ c.kode }}", "{{ c.nama }}")
    )
    with pytest.raises(UserError, match="kode_verifikasi") as caught:
        write_berita_acara(data, tmp_path / "ba.docx", template)
    assert "punya-kami.docx" in str(caught.value)


def test_a_broken_placeholder_is_a_sentence(data: BeritaAcaraInput, tmp_path: Path) -> None:
    template = _template_with(tmp_path, "{{ nama_kegiatan }}", "{{ nama_kegiatan }")
    with pytest.raises(UserError, match=r"punya-kami\.docx"):
        write_berita_acara(data, tmp_path / "ba.docx", template)


def test_an_unknown_field_of_a_row_is_named(data: BeritaAcaraInput, tmp_path: Path) -> None:
    template = _template_with(tmp_path, "{{ p.instansi }}", "{{ p.kantor }}")
    with pytest.raises(UserError, match="kantor"):
        write_berita_acara(data, tmp_path / "ba.docx", template)


def test_a_template_that_is_not_a_word_document(data: BeritaAcaraInput, tmp_path: Path) -> None:
    fake = tmp_path / "bukan.docx"
    fake.write_text("not a zip", encoding="utf-8")
    with pytest.raises(UserError, match=r"bukan\.docx"):
        write_berita_acara(data, tmp_path / "ba.docx", fake)
    with pytest.raises(UserError, match="tidak ditemukan"):
        write_berita_acara(data, tmp_path / "ba.docx", tmp_path / "hilang.docx")


def test_the_shipped_template_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.docx"
    _template_script().build_template().save(str(fresh))
    committed = document_resource("templates", "berita-acara.docx")
    for part in ("word/document.xml", "word/styles.xml"):
        assert zipfile.ZipFile(fresh).read(part) == zipfile.ZipFile(committed).read(part), (
            f"{part} differs: run scripts/make_berita_acara_template.py"
        )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_berita_acara(data: BeritaAcaraInput, tmp_path: Path) -> None:
    out = tmp_path / "ba.docx"
    write_berita_acara(data, out)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = tmp_path / "ba.pdf"
    assert pdf.is_file(), "LibreOffice did not convert the berita acara"
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "BERITA ACARA HASIL PENILAIAN WAWANCARA" in text
    assert data.panel[0].name.split(",")[0] in " ".join(text.split())


def test_control_characters_do_not_break_the_document(
    data: BeritaAcaraInput, tmp_path: Path
) -> None:
    reason = "Konflik\x00 kepentingan\x0b dengan peserta\x1f ini"
    out = tmp_path / "ba.docx"
    write_berita_acara(dataclasses.replace(data, left_out=(reason,)), out)
    assert "Konflik kepentingan dengan peserta ini" in _all_text(out)


def test_a_secretariats_own_template(data: BeritaAcaraInput, tmp_path: Path) -> None:
    own = docx.Document()
    own.add_paragraph("KOP SURAT DINAS {{ nama_kegiatan }} nomor {{ nomor }}")
    own.add_paragraph("{%p for k in kategori %}")
    own.add_paragraph(
        "{{ k.nama }}: {% for b in k.baris %}{{ b.peserta }} {{ b.sebutan }}; {% endfor %}"
    )
    own.add_paragraph("{%p endfor %}")
    own.add_paragraph("{% for c in kode_verifikasi %}{{ c.kode }} {% endfor %}")
    own.add_paragraph("{% for t in tanda_tangan %}{{ t.no }}. {{ t.nama }} {% endfor %}")
    template = tmp_path / "dinas.docx"
    own.save(str(template))
    out = tmp_path / "ba.docx"
    write_berita_acara(data, out, template)
    text = _all_text(out)
    assert "KOP SURAT DINAS" in text and data.event.name in text
    winner = data.categories[0].lines[0]
    assert f"{winner.participant} {winner.designation}" in text
    assert all(j.name in text for j in data.panel)
    assert "{{" not in text and "{%" not in text


def test_each_judges_key_and_register_check_are_listed(
    data: BeritaAcaraInput, tmp_path: Path
) -> None:
    from paritrana_desktop.documents.sample import key_for

    out = tmp_path / "ba.docx"
    write_berita_acara(data, out)
    text = _all_text(out)
    for code in data.codes:
        assert code.fingerprint == key_for(code.judge.judge_id)
        assert code.fingerprint in text
    assert text.count("dicocokkan dengan register ketua") == len(data.codes)
    assert "tanda tangan elektronik tidak tersertifikasi" in text
    # A template of the secretariat's that does not name the new fields still works.
    plain = _template_with(tmp_path, "{{ c.sidik_jari }}", "", ("{{ keterangan_kunci }}", ""))
    write_berita_acara(data, tmp_path / "plain.docx", plain)
