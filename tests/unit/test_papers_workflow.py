"""The papers made from real files: ``paritrana score-sheet`` from a judge's file, and
``paritrana merge ... --documents FOLDER`` from the merge's plan, read back as a person would
(pdftotext for the lembar, python-docx for the berita acara)."""

from __future__ import annotations

import hashlib
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest

from paritrana_desktop.cli import main
from paritrana_desktop.domain.errors import set_language
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.workflows import demo
from paritrana_desktop.workflows.codes import panel_code
from tests.unit.storage_helpers import filled_panel


@pytest.fixture(autouse=True)
def _indonesian_again() -> Iterator[None]:
    yield
    set_language("id")


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["--lang", "id", *argv])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_score_sheet_from_a_judges_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    panel = filled_panel(tmp_path / "p.paritrana-panel")
    with PanelFile.open(panel, read_only=True) as file:
        code, judge = panel_code(file), file.judge
        participants = [file.event.interview(c.interview_id).participant for c in file.scorecards()]
    out = tmp_path / "lembar.pdf"
    status, printed, err = _run(capsys, "score-sheet", str(panel), "-o", str(out))
    assert status == 0 and err == "" and "halaman" in printed
    text = pdf_text(out)
    assert judge.name in text and code in text
    for participant in participants:
        assert participant in text
    assert "KONFLIK KEPENTINGAN" in text and "Pernah bekerja di PT Contoh" in text
    assert "=SUM(A1)" in text  # a judge's note printed as typed
    assert "Halaman 1 dari" in text
    # Never over an existing file without --replace; a day without interviews is a sentence.
    status, _, err = _run(capsys, "score-sheet", str(panel), "-o", str(out))
    assert status == 1 and "sudah ada" in err
    status, _, err = _run(
        capsys, "score-sheet", str(panel), "-o", str(out), "--replace", "--day", "2030-01-01"
    )
    assert status == 1 and "belum menilai" in err
    assert _run(capsys, "score-sheet", str(panel), "-o", str(out), "--day", "28-07-2025")[0] == 2


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    demo.write_demo(folder, seed=demo.DEFAULT_SEED)
    return folder


def test_merge_writes_the_berita_acara_and_a_lembar_per_judge(
    demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event_file = next(demo_folder.glob("*.paritrana-kegiatan"))
    rekap, folder = tmp_path / "rekap.xlsx", tmp_path / "dokumen"
    status, out, err = _run(
        capsys,
        "merge",
        str(event_file),
        str(demo_folder),
        "-o",
        str(rekap),
        "--documents",
        str(folder),
    )
    assert status == 0, err
    event = demo.demo_event()
    berita = folder / f"Berita acara {event.code}.docx"
    sheets = sorted(folder.glob("Lembar penilaian *.pdf"))
    assert berita.is_file() and len(sheets) == len(event.judges)
    text = docx_text(berita)
    assert "PEMERINTAH PROVINSI KALIMANTAN TIMUR" in text and "Ditetapkan di Samarinda" in text
    for judge in event.judges:
        assert judge.name in text
    assert "Sekretaris merangkap anggota" in text
    for category in event.categories:
        assert category.name in text
    assert "Terbaik I, lanjut ke tingkat nasional" in text and "Terbaik III" in text
    assert hashlib.sha256(rekap.read_bytes()).hexdigest() in text
    # The workbook's Peringkat and the berita acara agree: rounded score and designation.
    workbook = openpyxl.load_workbook(rekap, read_only=True)
    ranking = [list(r) for r in workbook["Peringkat"].iter_rows(values_only=True)]
    method = [list(r) for r in workbook["Metode"].iter_rows(values_only=True)]
    workbook.close()
    head = ranking[0]
    rounded, named = head.index("Nilai resmi dibulatkan"), head.index("Sebutan")
    assert sum(1 for r in ranking[1:] if r[named] == "Terbaik I, lanjut ke tingkat nasional") == 4
    for row in ranking[1:]:
        if row[named]:
            assert f"{row[rounded]} (" in text and row[named] in text
    aspects = {r[0]: r[1] for r in method}
    assert "setengah ke atas" in aspects["Pembulatan di dokumen"]
    assert "berbagi peringkat dan sebutan" in aspects["Sebutan dan nilai sama"]
    with zipfile.ZipFile(berita) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "{{" not in xml and "{%" not in xml
    assert "instrText" not in xml and "fldSimple" not in xml  # no field codes
    for panel in sorted(demo_folder.glob("*.paritrana-panel")):
        with PanelFile.open(panel, read_only=True) as file:
            code, name = panel_code(file), file.judge.name
        assert code in text and code in out  # the berita acara and the report
        sheet = next(s for s in sheets if f" {file.judge.id} " in s.name)
        sheet_text = pdf_text(sheet)
        assert code in sheet_text and name in sheet_text
        # The code on the paper checks against the file.
        assert _run(capsys, "verify", str(panel), "--code", code)[0] == 0


def test_existing_papers_are_never_overwritten_and_nothing_is_written(
    demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "dokumen"
    folder.mkdir()
    event = demo.demo_event()
    mine = folder / f"Berita acara {event.code}.docx"
    mine.write_bytes(b"hand edited")
    rekap = tmp_path / "rekap.xlsx"
    argv = ["merge", str(demo_folder), "-o", str(rekap), "--documents", str(folder)]
    status, _, err = _run(capsys, *argv)
    assert status == 1 and "sudah ada" in err and "--replace" in err
    assert not rekap.exists() and mine.read_bytes() == b"hand edited"
    assert sorted(p.name for p in folder.iterdir()) == [mine.name]
    status, _, err = _run(capsys, *argv, "--replace")
    assert status == 0, err
    assert mine.read_bytes()[:2] == b"PK"  # a Word file now
    assert not any(p.name.startswith(".") for p in folder.iterdir())


def test_a_refused_merge_writes_no_documents(
    demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "rusak.paritrana-panel"
    broken.write_bytes(b"not a panel file")
    folder = tmp_path / "dokumen"
    status, _, _ = _run(
        capsys,
        "merge",
        str(demo_folder),
        str(broken),
        "-o",
        str(tmp_path / "r.xlsx"),
        "--documents",
        str(folder),
    )
    assert status == 1 and not folder.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_missing_template_is_a_sentence_before_anything_is_written(
    demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rekap = tmp_path / "rekap.xlsx"
    status, _, err = _run(
        capsys,
        "merge",
        str(demo_folder),
        "-o",
        str(rekap),
        "--documents",
        str(tmp_path / "dok"),
        "--template",
        str(tmp_path / "tidak-ada.docx"),
    )
    assert status == 1 and "tidak ditemukan" in err
    assert not rekap.exists() and not (tmp_path / "dok").exists()


def test_the_secretariats_guide_lists_every_placeholder_of_the_template() -> None:
    from paritrana_desktop.documents.berita_acara import PLACEHOLDERS, REQUIRED

    guide = (Path(__file__).parents[2] / "docs" / "panduan-sekretariat.md").read_text("utf-8")
    section = guide.split("### Templat berita acara sendiri", 1)[1].split("\n## ", 1)[0]
    for name in PLACEHOLDERS:
        assert f"| `{name}` |" in section, name
    for name in REQUIRED:
        assert f"| `{name}` |" in section and "**wajib**" in section.split(f"`{name}`")[1]


@pytest.mark.slow
def test_libreoffice_converts_the_demos_berita_acara(demo_folder: Path, tmp_path: Path) -> None:
    event_file = next(demo_folder.glob("*.paritrana-kegiatan"))
    folder = tmp_path / "dokumen"
    argv = [str(event_file), str(demo_folder), "-o", str(tmp_path / "r.xlsx")]
    assert main(["--lang", "id", "merge", *argv, "--documents", str(folder)]) == 0
    berita = next(folder.glob("Berita acara *.docx"))
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
            str(berita),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    text = " ".join(pdf_text(tmp_path / f"{berita.stem}.pdf").split())
    assert "BERITA ACARA HASIL PENILAIAN WAWANCARA" in text
    assert "Ditetapkan di Samarinda" in text and "Terbaik I" in text


def test_a_template_with_an_unknown_placeholder_leaves_no_paper_behind(
    demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.test_documents_berita_acara import _template_with

    template = _template_with(tmp_path, "{{ nama_kegiatan }}", "{{ nama_acara }}")
    folder, rekap = tmp_path / "dokumen", tmp_path / "rekap.xlsx"
    argv = ["merge", str(demo_folder), "-o", str(rekap), "--documents", str(folder)]
    status, _, err = _run(capsys, *argv, "--template", str(template))
    assert status == 1 and "nama_acara" in err
    assert not rekap.exists() and not folder.exists()  # said before anything is written
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".paritrana-dokumen")]
