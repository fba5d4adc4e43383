"""The command line's options for the papers: ``merge ... --documents FOLDER [--template
FILE]`` and ``paritrana score-sheet PANEL_FILE -o OUT.pdf [--day YYYY-MM-DD] [--replace]``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any


def add_paper_options(merge: argparse.ArgumentParser) -> None:
    merge.add_argument(
        "--documents",
        type=Path,
        metavar="FOLDER",
        help="tulis juga berita acara dan lembar penilaian ke FOLDER / also write the berita "
        "acara and score sheets into FOLDER",
    )
    merge.add_argument(
        "--template",
        type=Path,
        metavar="BERITA_ACARA.docx",
        help="templat berita acara sendiri / your own berita acara template",
    )


def add_score_sheet_command(sub: Any) -> None:
    sheet = sub.add_parser(
        "score-sheet",
        help="cetak lembar penilaian panelis ke PDF / a judge's score sheet as a PDF",
    )
    sheet.add_argument("panel_file", type=Path, metavar="PANEL_FILE")
    sheet.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    sheet.add_argument(
        "--day",
        type=_day,
        metavar="YYYY-MM-DD",
        help="hanya hari itu / only that day (default: semua hari / every day)",
    )
    sheet.add_argument(
        "--replace", action="store_true", help="timpa OUT.pdf yang sudah ada / replace OUT.pdf"
    )


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r}: tanggal ditulis YYYY-MM-DD / a date is written YYYY-MM-DD"
        ) from None
