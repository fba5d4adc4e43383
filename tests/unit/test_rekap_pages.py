"""The merged workbook's printed pages: what the layout promises, and what LibreOffice prints.

The demo's merged workbook is converted to PDF by LibreOffice (``soffice --headless``) twice:
with Carlito, the font metric-compatible with Calibri that LibreOffice uses in its place (as
Excel on Windows prints with Calibri), and with Carlito hidden through a fontconfig file that
rejects it, so that DejaVu Sans stands in. The pages are told apart by the sheet's name, which
every printed page carries in its header (``pdftotext``). ``excel/rekap_print.py`` says what
holds: the promised count with Carlito, at most ``SUBSTITUTE_PAGES_BOUND`` times it without.
To look at the pages: ``pdftoppm -png -r 50 rekap.pdf page``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from paritrana_desktop.cli import main
from paritrana_desktop.excel.rekap_print import (
    FONT_MARGIN,
    PAGES_ACROSS,
    PRINT_WIDTH_PT,
    RANKING_PAGES_ACROSS,
    SUBSTITUTE_PAGES_BOUND,
    column_points,
)
from paritrana_desktop.workflows.demo import demo_event

# Sheets with a column break: their leading columns, then the further checks on a page of their
# own; each category of Peringkat starts a page (a row break), and the demo's fit on one.
ACROSS = ("Peringkat", "Berkas sumber")
# Small sheets fitted to the page width: one page under any font.
ONE_PAGE = ("Matriks nilai", "Kelengkapan", "Keputusan")

REJECT_CARLITO = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont>
    <rejectfont>
      <pattern><patelt name="family"><string>Carlito</string></patelt></pattern>
    </rejectfont>
  </selectfont>
</fontconfig>
"""


@pytest.fixture(scope="module")
def rekap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    assert main(["demo", str(folder / "demo")]) == 0
    assert main(["merge", str(folder / "demo"), "-o", str(folder / "rekap.xlsx")]) == 0
    return folder / "rekap.xlsx"


def promised_pages() -> dict[str, int]:
    categories = len(demo_event().categories)
    return {"Peringkat": RANKING_PAGES_ACROSS * categories, "Berkas sumber": PAGES_ACROSS} | {
        name: 1 for name in ONE_PAGE
    }


def test_the_leading_columns_leave_room_on_the_page_for_another_fonts_rounding(
    rekap: Path,
) -> None:
    wb = load_workbook(rekap)
    try:
        for name in ACROSS:
            ws = wb[name]
            printed = ws.col_breaks.brk[0].id
            widths = [
                ws.column_dimensions[ws.cell(1, c).column_letter].width
                for c in range(1, printed + 1)
            ]
            used = sum(column_points(w) for w in widths) * int(ws.page_setup.scale) / 100
            assert used <= PRINT_WIDTH_PT * (FONT_MARGIN + 0.01), (name, used, PRINT_WIDTH_PT)
            assert used >= PRINT_WIDTH_PT * 0.85, "the page width is left unused"
    finally:
        wb.close()


def _convert(rekap: Path, outdir: Path, env: dict[str, str]) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(outdir / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(rekap),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    pdf = outdir / "rekap.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    return pdf


def _pages_per_sheet(pdf: Path, env: dict[str, str]) -> Counter[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages: Counter[str] = Counter()
    for page in text.split("\f"):
        header = next((line for line in page.splitlines() if line.strip()), "")
        if header:
            pages[re.split(r"\s{2,}", header.strip())[-1]] += 1
    return pages


def _fonts(pdf: Path, env: dict[str, str]) -> str:
    return subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True, env=env
    ).stdout


@pytest.mark.slow
def test_libreoffice_prints_the_pages_the_layout_promises(rekap: Path, tmp_path: Path) -> None:
    tools = ("soffice", "pdftotext", "pdffonts", "fc-list")
    if not all(shutil.which(tool) for tool in tools):
        pytest.skip(f"needs {', '.join(tools)} (./dev test installs them)")
    if "Carlito" not in subprocess.run(["fc-list"], capture_output=True, text=True).stdout:
        pytest.skip("Carlito is not installed (./dev test installs fonts-crosextra-carlito)")
    promised = promised_pages()

    with_carlito = tmp_path / "carlito"
    with_carlito.mkdir()
    env = dict(os.environ)
    pdf = _convert(rekap, with_carlito, env)
    assert "Carlito" in _fonts(pdf, env)
    pages = _pages_per_sheet(pdf, env)
    assert {name: pages[name] for name in promised} == promised, pages

    hidden = tmp_path / "no-carlito"
    hidden.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(REJECT_CARLITO, encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(config))
    pdf = _convert(rekap, hidden, env)
    assert "Carlito" not in _fonts(pdf, env)
    substitute = _pages_per_sheet(pdf, env)
    for name, count in promised.items():
        bound = count if name in ONE_PAGE else count * SUBSTITUTE_PAGES_BOUND
        assert substitute[name] <= bound, (name, substitute)
