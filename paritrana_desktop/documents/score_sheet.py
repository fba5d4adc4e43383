"""The lembar penilaian (PDF): one page per interview a judge scored, and a recap page per day.

Every page is an official form: the heading (kop), the event, the interview, the criteria with
weight, rating and descriptor, the weighted total in digits and words, the notes, the status and
the signature block, with the file's verification code, its QR code and "Halaman 3 dari 17" at
the foot. A draft carries "DRAF - BELUM DIKUNCI" across the page; a conflict of interest prints
"KONFLIK KEPENTINGAN - TIDAK MENILAI" and the reason instead of the criteria. Notes are printed
as typed and wrap onto the next page; nothing is cut.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from paritrana_desktop.domain.errors import UserError
from paritrana_desktop.domain.scorecard import CardState
from paritrana_desktop.domain.text import Text
from paritrana_desktop.domain.trust import LEGAL_NAME
from paritrana_desktop.domain.words import (
    date_long,
    day_name,
    format_decimal,
    number_with_words,
)

from .atomic import write_atomically
from .model import EventInfo, JudgeInfo, ScoreSheetInput, SheetCard
from .pdf_page import (
    FOOTER,
    MARGIN,
    MarkFlowable,
    PageMark,
    Styles,
    finish_page,
    footer_drawer,
    make_styles,
    numbered_canvas,
    para,
)

DRAFT_MARK = "DRAF - BELUM DIKUNCI"
CONFLICT_MARK = "KONFLIK KEPENTINGAN - TIDAK MENILAI"
KEY_NOTE = LEGAL_NAME.id  # "tanda tangan elektronik tidak tersertifikasi"
UNSIGNED_NOTE = "Berkas panel ini tidak bertanda tangan elektronik (format lama)."
WIDTH = A4[0] - 2 * MARGIN
_GRID = colors.HexColor("#555555")
_SHADE = colors.HexColor("#e8e8e8")
_STATUS = {
    CardState.FINAL: "Final (dikunci)",
    CardState.DRAFT: "Draf - belum dikunci",
    CardState.CONFLICT: "Konflik kepentingan - tidak menilai",
    CardState.NOT_SCORED: "Belum dinilai",
}


def write_score_sheet(sheet: ScoreSheetInput, path: Path, day: dt.date | None = None) -> int:
    """Write ``sheet``'s lembar penilaian to ``path`` (all of it, or only ``day``); the pages.

    Interviews the judge has not scored are left out; a day without any is the user's mistake."""
    cards = [c for c in sheet.cards if c.state is not CardState.NOT_SCORED]
    if day is not None:
        cards = [c for c in cards if c.day == day]
    if not cards:
        when = f" pada {date_long(day)}" if day else ""
        when_en = f" on {day.isoformat()}" if day else ""
        raise UserError(
            Text(
                f"{sheet.judge.name} belum menilai wawancara apa pun{when}: tidak ada lembar "
                "penilaian untuk dicetak.",
                f"{sheet.judge.name} has scored no interview{when_en}: there is no score sheet "
                "to print.",
            )
        )
    cards.sort(key=lambda c: (c.day, c.start, c.interview_id))
    pages: list[int] = []
    write_atomically(Path(path), lambda tmp: pages.append(_build(sheet, cards, tmp)))
    return pages[0]


def _build(sheet: ScoreSheetInput, cards: list[SheetCard], path: Path) -> int:
    styles = make_styles()
    mark = PageMark()
    width, height = A4
    frame = Frame(
        MARGIN,
        FOOTER,
        width - 2 * MARGIN,
        height - MARGIN - FOOTER,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def page_end(canvas: Any, doc: Any) -> None:
        finish_page(canvas, mark)

    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        title=f"Lembar penilaian - {sheet.judge.name}",
        author=sheet.judge.name,
        subject=sheet.event.name,
        creator="Paritrana Desktop",
        invariant=True,
    )
    doc.addPageTemplates([PageTemplate(id="form", frames=[frame], onPageEnd=page_end)])
    story: list[Any] = []
    days = sorted({c.day for c in cards})
    for day in days:
        for card in (c for c in cards if c.day == day):
            story += _card_page(sheet, card, styles, mark)
            story.append(PageBreak())
        story += _recap_page(sheet, day, [c for c in cards if c.day == day], styles, mark)
        if day != days[-1]:
            story.append(PageBreak())
    who = f"{sheet.judge.name} ({sheet.judge.judge_id}) - {sheet.event.name}"
    footer = footer_drawer(sheet.code, who, sheet.key_fingerprint)
    doc.build(story, canvasmaker=numbered_canvas(footer))
    return int(doc.page)


def _kop(event: EventInfo, title: str, styles: Styles) -> list[Any]:
    out: list[Any] = [para(line, styles.heading) for line in event.heading_lines]
    rule = Table([[""]], colWidths=[WIDTH], rowHeights=[4])
    rule.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, -1), 1.5, colors.black)]))
    out += [Spacer(1, 2), rule, para(title, styles.title), para(event.name, styles.heading)]
    return [*out, Spacer(1, 8)]


def _day_text(day: dt.date) -> str:
    return f"{day_name(day)}, {date_long(day)}"


def _time(t: dt.time) -> str:
    return t.strftime("%H.%M")


def _details(judge: JudgeInfo, card: SheetCard, styles: Styles) -> Table:
    rows = [
        ("Hari, tanggal", _day_text(card.day)),
        ("Waktu", f"{_time(card.start)} - {_time(card.end)}"),
        ("Ruang", card.room or "-"),
        ("Peserta", card.participant),
        ("Kategori", card.category),
        ("Perwakilan peserta", "; ".join(card.representatives) or "-"),
        ("Panelis", f"{judge.name} ({judge.judge_id}), {judge.institution}"),
        ("Nomor wawancara", card.interview_id),
    ]
    table = Table(
        [
            [para(k, styles.cell), para(":", styles.cell), para(v, styles.cell_bold)]
            for k, v in rows
        ],
        colWidths=[3.8 * cm, 0.5 * cm, WIDTH - 4.3 * cm],
    )
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])
    )
    return table


def _number(value: Decimal) -> str:
    return format_decimal(value.normalize() if value == value.to_integral() else value)


def _criteria_table(card: SheetCard, styles: Styles) -> Table:
    head = ["No", "Kriteria", "Bobot (%)", "Nilai", "Keterangan"]
    rows: list[list[Any]] = [[para(h, styles.cell_bold) for h in head]]
    for number, line in enumerate(card.criteria, start=1):
        rating = "-" if line.rating is None else _number(line.rating)
        described = f"{rating} - {line.descriptor}" if line.descriptor and line.rating else rating
        rows.append(
            [
                para(str(number), styles.cell),
                para(line.name, styles.cell),
                para(_number(line.weight), styles.cell),
                para(rating, styles.cell_bold),
                para(described, styles.cell),
            ]
        )
    total = "-" if card.total is None else number_with_words(card.total)
    rows.append(
        [
            para("Nilai total tertimbang", styles.cell_bold),
            "",
            "",
            para(total, styles.cell_bold),
            "",
        ]
    )
    table = Table(
        rows, colWidths=[1.0 * cm, WIDTH - 9.4 * cm, 2.0 * cm, 1.8 * cm, 4.6 * cm], repeatRows=1
    )
    last = len(rows) - 1
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
                ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
                ("BACKGROUND", (0, last), (-1, last), _SHADE),
                ("SPAN", (0, last), (2, last)),
                ("SPAN", (3, last), (4, last)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _notes(card: SheetCard, styles: Styles) -> list[Any]:
    out: list[Any] = []
    noted = [(n, line) for n, line in enumerate(card.criteria, start=1) if line.note.strip()]
    if noted:
        out += [Spacer(1, 6), para("Catatan per kriteria:", styles.bold)]
        out += [para(f"{n}. {line.name}: {line.note}", styles.body) for n, line in noted]
    for label, text in (
        ("Catatan umum:", card.general_note),
        ("Rekomendasi:", card.recommendation),
    ):
        out += [Spacer(1, 6), para(label, styles.bold), para(text.strip() or "-", styles.body)]
    return out


def _signature(sheet: ScoreSheetInput, day: dt.date, styles: Styles) -> KeepTogether:
    signed_on = sheet.signed_on or day
    lines = [
        [para(f"{sheet.event.signing_place}, {date_long(signed_on)}", styles.body)],
        [para("Panelis,", styles.body)],
        [Spacer(1, 1.6 * cm)],
        [Paragraph(f"<u>{escape(sheet.judge.name)}</u>", styles.bold)],
        [para(f"NIP. {sheet.judge.nip}" if sheet.judge.nip else "NIP. -", styles.body)],
    ]
    block = Table(lines, colWidths=[8.5 * cm])
    block.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    # The note on the key sits to the left of the signature, so the block is no taller.
    row = Table([[_key_note(sheet, styles), block]], colWidths=[WIDTH - 8.5 * cm, 8.5 * cm])
    row.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 0.8 * cm),
            ]
        )
    )
    return KeepTogether([Spacer(1, 12), row])


def _key_note(sheet: ScoreSheetInput, styles: Styles) -> Paragraph | str:
    """The small line beside the signature: what the key's signature is in law, and that the
    wet signature is the official record."""
    if not sheet.key_fingerprint:
        return para(UNSIGNED_NOTE, styles.small)
    text = (
        f"Berkas panel ini ditandatangani dengan kunci {sheet.key_fingerprint} ({KEY_NOTE}); "
        "tanda tangan basah di samping ini adalah catatan resmi."
    )
    return para(text, styles.small)


def _card_page(
    sheet: ScoreSheetInput, card: SheetCard, styles: Styles, mark: PageMark
) -> list[Any]:
    watermark = {CardState.DRAFT: DRAFT_MARK, CardState.CONFLICT: CONFLICT_MARK}.get(card.state, "")
    label = f"{card.participant} ({card.interview_id}), {_day_text(card.day)}"
    out: list[Any] = [MarkFlowable(mark, watermark, label)]
    out += _kop(sheet.event, "LEMBAR PENILAIAN WAWANCARA", styles)
    out += [_details(sheet.judge, card, styles), Spacer(1, 8)]
    if card.state is CardState.CONFLICT:
        out.append(para(CONFLICT_MARK, styles.banner))
        out += [
            para("Alasan:", styles.bold),
            para(card.conflict_reason.strip() or "-", styles.body),
        ]
    else:
        out.append(_criteria_table(card, styles))
        out += _notes(card, styles)
    if card.state is CardState.DRAFT:
        out.append(para(DRAFT_MARK, styles.banner))
    out += [Spacer(1, 6), para(f"Status: {_STATUS[card.state]}", styles.bold)]
    out.append(_signature(sheet, card.day, styles))
    return out


def _recap_page(
    sheet: ScoreSheetInput,
    day: dt.date,
    cards: Iterable[SheetCard],
    styles: Styles,
    mark: PageMark,
) -> list[Any]:
    out: list[Any] = [MarkFlowable(mark, "", f"Rekapitulasi {_day_text(day)}")]
    out += _kop(sheet.event, "REKAPITULASI PENILAIAN HARIAN", styles)
    out.append(
        para(
            f"Panelis: {sheet.judge.name} ({sheet.judge.judge_id}), {sheet.judge.institution}",
            styles.body,
        )
    )
    out += [para(f"Hari, tanggal: {_day_text(day)}", styles.body), Spacer(1, 8)]
    head = ["No", "Waktu", "Peserta", "Kategori", "Nilai total", "Status"]
    rows: list[list[Any]] = [[para(h, styles.small_bold) for h in head]]
    for number, card in enumerate(cards, start=1):
        total = "-" if card.total is None else format_decimal(card.total)
        rows.append(
            [
                para(str(number), styles.small),
                para(f"{_time(card.start)}-{_time(card.end)}", styles.small),
                para(card.participant, styles.small),
                para(card.category, styles.small),
                para(total, styles.small_bold),
                para(_STATUS[card.state], styles.small),
            ]
        )
    table = Table(
        rows,
        colWidths=[1.0 * cm, 2.6 * cm, WIDTH - 12.2 * cm, 3.6 * cm, 2.0 * cm, 3.0 * cm],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
                ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    out.append(table)
    out.append(_signature(sheet, day, styles))
    return out
