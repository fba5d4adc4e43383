"""The chain of trust on paper: the lembar prints the judge's key fingerprint, and the berita
acara and the merged workbook say, per judge, the key, the code of the file merged and whether
the key was checked against the chair's register (or that there was none, or that the file is
unsigned of the earlier format). Read back as a person would: pdftotext, python-docx, openpyxl."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest

from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.workflows import register as reg
from paritrana_desktop.workflows.codes import panel_code
from paritrana_desktop.workflows.documents import write_merge_documents, write_panel_score_sheet
from paritrana_desktop.workflows.merge import inspect_inputs, write_merge
from tests.unit.merge_helpers import three_judges
from tests.unit.test_papers_workflow import docx_text, pdf_text
from tests.unit.trust_helpers import as_format_1

LEGAL = "tanda tangan elektronik tidak tersertifikasi"
NOT_MATCHED = "kunci berkas tidak dicocokkan dengan sidik jari di lembar"


def _reading_order(path: Path) -> str:
    """The PDF's text block by block (the note beside the signature is a column of its own),
    spaces and line ends made one space."""
    text = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(text.split())


def _key(path: Path) -> tuple[str, str]:
    with PanelFile.open(path, read_only=True) as panel:
        assert panel.key_fingerprint is not None
        return panel.key_fingerprint, panel_code(panel)


@pytest.fixture
def day(tmp_path: Path) -> Path:
    """Three judges: J1's key in the register, J2's not, J3's file of the earlier format."""
    folder = tmp_path / "hari1"
    three_judges(folder)
    as_format_1(folder / "J3.paritrana-panel")
    return folder


def _merged(tmp_path: Path, day: Path, register: Path | None) -> tuple[Path, Path]:
    view = reg.register_view(register)
    plan = inspect_inputs([day], register=view)
    report = write_merge(plan, tmp_path / "rekap.xlsx")
    papers = tmp_path / "dokumen"
    write_merge_documents(report.plan, report.output, papers)
    return report.output, papers


def _sources(workbook: Path) -> dict[str, dict[str, object]]:
    wb = openpyxl.load_workbook(workbook, read_only=True)
    rows = [list(r) for r in wb["Berkas sumber"].iter_rows(values_only=True)]
    method = {r[0]: r[1] for r in wb["Metode"].iter_rows(values_only=True)}
    wb.close()
    head = rows[0]
    out = {str(r[0]): dict(zip(head, r, strict=True)) for r in rows[1:]}
    out["Metode"] = method
    return out


def _code_rows(berita: Path) -> dict[str, list[str]]:
    """The berita acara's table of codes, by the judge's name."""
    document = docx.Document(str(berita))
    (table,) = [t for t in document.tables if t.rows[0].cells[-1].text == "Register ketua"]
    return {row.cells[1].text: [c.text for c in row.cells] for row in table.rows[1:]}


def test_the_lembar_prints_the_judges_key_beside_the_name_and_the_code(
    tmp_path: Path, day: Path
) -> None:
    panel = day / "J1.paritrana-panel"
    fingerprint, code = _key(panel)
    out = tmp_path / "lembar.pdf"
    pages = write_panel_score_sheet(panel, out)
    text = pdf_text(out)
    flat = " ".join(text.split())
    # At every foot, the code and the key beside the name; again beside the signature.
    assert flat.count(f"Kode verifikasi: {code} Sidik jari kunci: {fingerprint}") == pages
    assert text.count(fingerprint) >= 2 * pages
    # Its name in law, once beside each signature, with the wet signature the official record.
    flat = _reading_order(out)
    assert flat.count(LEGAL) == pages
    assert "tanda tangan basah di samping ini adalah catatan resmi" in flat


def test_the_berita_acara_and_the_workbook_say_which_keys_the_register_checked(
    tmp_path: Path, day: Path
) -> None:
    register = reg.init_register(tmp_path / "ketua")
    j1_key, j1_code = _key(day / "J1.paritrana-panel")
    j2_key, j2_code = _key(day / "J2.paritrana-panel")
    reg.add_key(register, day / "J1.paritrana-panel", j1_key)
    workbook, papers = _merged(tmp_path, day, register)

    (berita,) = papers.glob("Berita acara *.docx")
    rows = list(_code_rows(berita).values())
    assert [r[2:] for r in rows] == [
        [j1_code, j1_key, "dicocokkan dengan register ketua"],
        [j2_code, j2_key, "kunci tidak terdaftar di register ketua; tidak dicocokkan"],
        [rows[2][2], "-", "tidak bertanda tangan (format lama)"],
    ]
    text = " ".join(docx_text(berita).split())
    assert LEGAL in text and "tetap menjadi catatan resmi" in text
    assert "Tanpa register ketua" not in text  # there was one

    sources = _sources(workbook)
    j1, j2, j3 = (sources[f"J{n}.paritrana-panel"] for n in (1, 2, 3))
    assert (j1["Sidik jari kunci"], j1["Diperiksa terhadap register"]) == (j1_key, "ya")
    assert (j2["Sidik jari kunci"], j2["Diperiksa terhadap register"]) == (
        j2_key,
        "tidak terdaftar di register",
    )
    assert (j3["Sidik jari kunci"], j3["Diperiksa terhadap register"]) == (
        None,
        "tidak bertanda tangan",
    )
    method = sources["Metode"]
    line = str(method["Tanda tangan berkas"])  # type: ignore[index]
    assert "Kunci 1 dari 3 berkas dicocokkan dengan register ketua" in line
    assert "J3.paritrana-panel" in line and NOT_MATCHED not in line

    sheet = next(papers.glob("Lembar penilaian J1 *.pdf"))
    assert f"Sidik jari kunci: {j1_key}" in pdf_text(sheet)
    unsigned = _reading_order(next(papers.glob("Lembar penilaian J3 *.pdf")))
    assert "tidak bertanda tangan elektronik (format lama)" in unsigned
    assert LEGAL not in unsigned and "Sidik jari kunci" not in unsigned


def test_without_a_register_every_paper_says_the_keys_were_not_checked(
    tmp_path: Path, day: Path
) -> None:
    j1_key, _ = _key(day / "J1.paritrana-panel")
    workbook, papers = _merged(tmp_path, day, None)
    (berita,) = papers.glob("Berita acara *.docx")
    rows = list(_code_rows(berita).values())
    assert [r[-1] for r in rows] == ["tidak ada register ketua; tidak dicocokkan"] * 2 + [
        "tidak bertanda tangan (format lama)"
    ]
    assert rows[0][3] == j1_key
    text = " ".join(docx_text(berita).split())
    assert "Tanpa register ketua: kunci berkas tidak dicocokkan dengan sidik jari" in text
    sources = _sources(workbook)
    checks = [sources[f"J{n}.paritrana-panel"]["Diperiksa terhadap register"] for n in (1, 2, 3)]
    assert checks == ["tidak ada register", "tidak ada register", "tidak bertanda tangan"]
    assert NOT_MATCHED in str(sources["Metode"]["Tanda tangan berkas"])  # type: ignore[index]
