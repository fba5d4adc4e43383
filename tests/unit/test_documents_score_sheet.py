"""The lembar penilaian read back with pdftotext: the judge, the participants, the totals, the
code, the page numbers; drafts, conflicts and a 20,000-character note."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from paritrana_desktop.documents.model import ScoreSheetInput, SheetCard
from paritrana_desktop.documents.sample import sample_score_sheet
from paritrana_desktop.documents.score_sheet import write_score_sheet
from paritrana_desktop.domain.errors import UserError
from paritrana_desktop.domain.scorecard import CardState
from paritrana_desktop.domain.words import format_decimal
from paritrana_desktop.workflows.demo import demo_event


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pages_text(path: Path) -> list[str]:
    return pdf_text(path).split("\f")[:-1]


@pytest.fixture(scope="module")
def sheet() -> ScoreSheetInput:
    return sample_score_sheet(demo_event())


def _with_cards(sheet: ScoreSheetInput, *cards: SheetCard) -> ScoreSheetInput:
    return dataclasses.replace(sheet, cards=cards)


def test_every_interview_scored_is_printed_with_its_total(
    sheet: ScoreSheetInput, tmp_path: Path
) -> None:
    out = tmp_path / "lembar.pdf"
    pages = write_score_sheet(sheet, out)
    days = {c.day for c in sheet.cards}
    assert pages == len(sheet.cards) + len(days)  # a page per interview, a recap per day
    text = pdf_text(out)
    assert sheet.judge.name in text
    for card in sheet.cards:
        assert card.participant in text
        if card.total is not None:
            assert format_decimal(card.total) in text
    printed = pages_text(out)
    assert len(printed) == pages
    for number, page in enumerate(printed, start=1):
        assert f"Halaman {number} dari {pages}" in page
        assert f"Kode verifikasi: {sheet.code}" in page
    assert "REKAPITULASI PENILAIAN HARIAN" in printed[-1]
    assert not list(tmp_path.glob(".*tmp"))  # the temporary file was renamed


def test_total_in_words_and_descriptor(sheet: ScoreSheetInput, tmp_path: Path) -> None:
    card = sheet.cards[0]
    line = dataclasses.replace(card.criteria[0], rating=Decimal(4), descriptor="Baik")
    card = dataclasses.replace(card, criteria=(line,), total=Decimal("3.45"))
    out = tmp_path / "one.pdf"
    write_score_sheet(_with_cards(sheet, card), out)
    text = pdf_text(out)
    assert "3,45 (tiga koma empat lima)" in text
    assert "4 - Baik" in text
    assert "Panelis," in text and "Samarinda, 28 Juli 2025" in text
    assert "Senin, 28 Juli 2025" in text


def test_a_draft_and_a_conflict(sheet: ScoreSheetInput, tmp_path: Path) -> None:
    draft = next(c for c in sheet.cards if c.state is CardState.DRAFT)
    conflict = next(c for c in sheet.cards if c.state is CardState.CONFLICT)
    out = tmp_path / "marked.pdf"
    write_score_sheet(_with_cards(sheet, draft, conflict), out)
    first, second, _recap = pages_text(out)
    assert "DRAF - BELUM DIKUNCI" in first
    assert "KONFLIK KEPENTINGAN - TIDAK MENILAI" in second
    assert conflict.conflict_reason in " ".join(second.split())
    assert "Kriteria" not in second  # no table of criteria for a conflict


def test_a_day_only(sheet: ScoreSheetInput, tmp_path: Path) -> None:
    day = dt.date(2025, 7, 29)
    out = tmp_path / "day2.pdf"
    pages = write_score_sheet(sheet, out, day=day)
    assert pages == sum(c.day == day for c in sheet.cards) + 1
    text = pdf_text(out)
    assert "Senin, 28 Juli 2025" not in text
    with pytest.raises(UserError, match="belum menilai"):
        write_score_sheet(sheet, tmp_path / "none.pdf", day=dt.date(2025, 8, 1))
    assert not (tmp_path / "none.pdf").exists()


def test_a_long_note_continues_on_the_next_page(sheet: ScoreSheetInput, tmp_path: Path) -> None:
    words = [f"kata{n:05d}" for n in range(2300)]
    note = " ".join(words)[:20_000]
    card = dataclasses.replace(sheet.cards[0], general_note=note)
    out = tmp_path / "long.pdf"
    pages = write_score_sheet(_with_cards(sheet, card), out)
    assert pages >= 3
    text = pdf_text(out)
    found = re.findall(r"kata\d{5}", text)
    assert found == re.findall(r"kata\d{5}", note)  # every word, in order, none cut


def test_text_as_typed_is_never_markup(sheet: ScoreSheetInput, tmp_path: Path) -> None:
    typed = "<b>tebal</b> & <font size=40>besar</font> =SUM(A1) {{ x }} Ärger Ωμέγα Привет"
    card = dataclasses.replace(sheet.cards[0], general_note=typed, participant="PT A & B <C>")
    out = tmp_path / "typed.pdf"
    write_score_sheet(_with_cards(sheet, card), out)
    text = " ".join(pdf_text(out).split())
    assert typed in text
    assert "PT A & B <C>" in text


def test_a_folder_that_cannot_be_written_is_a_sentence(
    sheet: ScoreSheetInput, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match="tidak dapat ditulis"):
        write_score_sheet(sheet, tmp_path / "missing" / "lembar.pdf")


def test_an_existing_file_is_replaced_whole(sheet: ScoreSheetInput, tmp_path: Path) -> None:
    out = tmp_path / "lembar.pdf"
    out.write_bytes(b"old")
    write_score_sheet(sheet, out)
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["lembar.pdf"]


def test_any_script_and_stray_control_characters(sheet: ScoreSheetInput, tmp_path: Path) -> None:
    typed = "Awal 😀 مرحبا שלום Ελληνικά\x00\x07\tПривет\r\nbaris dua akhir"
    card = dataclasses.replace(sheet.cards[0], general_note=typed)
    out = tmp_path / "scripts.pdf"
    write_score_sheet(_with_cards(sheet, card), out)
    text = pdf_text(out)
    assert "Awal" in text and "Ελληνικά" in text and "Привет" in text
    assert "baris dua akhir" in text
    assert "\x00" not in text and "\x07" not in text
