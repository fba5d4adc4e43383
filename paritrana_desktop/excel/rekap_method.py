"""The merged workbook's Metode sheet: the event, the files, and how every figure is computed.

The explanations are data (``resources/rekap/metode.toml``), read when the sheet is written;
only the rows about this event and its files are put together here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl import Workbook

from ..domain.aggregation import MIN_FINAL, MIN_FOR_TRIMMED, WIDE_RANGE_SHARE, Flag
from ..domain.event import Event
from ..domain.merge_model import KeyCheck, MergePlan, Outcome
from ..domain.numbers import format_number
from ..domain.official import official_rules
from ..resources import rekap_method_prose
from .rekap_cells import MERGE_TIME_LABEL, write_small
from .rekap_sheet import Col


def method_rows(
    plan: MergePlan, merged_at: dt.datetime, program_version: str
) -> list[list[object]]:
    event = plan.event
    assert event is not None
    prose = rekap_method_prose()
    rows = _event_rows(plan, event, merged_at, program_version)
    drafts = prose["drafts"]["counted" if plan.options.include_drafts else "not_counted"]
    rows.append(["Draf", drafts])
    rows.append(["Berkas yang ditolak", prose["refused"]["skipped" if plan.refused else "none"]])
    rows.append(["Tanda tangan berkas", key_check_line(plan)])
    values = _rule_values()
    rows.extend([str(rule["aspect"]), str(rule["text"]).format(**values)] for rule in prose["rule"])
    rounding, designation = official_rules(event)
    rows.append(["Pembulatan di dokumen", rounding.id])
    rows.append(["Sebutan dan nilai sama", designation.id])
    rows.extend(_rubric_rows(event))
    return rows


def _event_rows(
    plan: MergePlan, event: Event, merged_at: dt.datetime, program_version: str
) -> list[list[object]]:
    local = merged_at.astimezone().replace(tzinfo=None, microsecond=0)
    counts = {o: sum(1 for f in plan.files if f.outcome is o) for o in Outcome}
    file_summary = ", ".join(f"{counts[o]} {o.value}" for o in Outcome if counts[o])
    return [
        ["Kegiatan", event.name],
        ["Kode dan tahun penghargaan", f"{event.code}, {event.award_year}"],
        ["Tingkat dan provinsi", f"{event.level.value}, {event.province}"],
        [
            "Periode penilaian",
            f"{event.period_start:%d/%m/%Y} s.d. {event.period_end:%d/%m/%Y}",
        ],
        [
            "Tempat dan tanggal",
            f"{event.venue}, {event.start_date:%d/%m/%Y} s.d. {event.end_date:%d/%m/%Y}",
        ],
        ["Sidik jari kegiatan", event.fingerprint()],
        ["Program", f"Paritrana Desktop {program_version}"],
        [MERGE_TIME_LABEL, f"{local:%d/%m/%Y %H:%M:%S} (waktu komputer ketua)"],
        [
            "Berkas",
            f"{len(plan.files)} berkas diperiksa: {file_summary}. Rinciannya di lembar "
            "Berkas sumber; setiap keputusan di lembar Keputusan.",
        ],
    ]


def key_check_line(plan: MergePlan) -> str:
    """What the Metode sheet says about the files' signing keys and the chair's register."""
    panels = [f for f in plan.files if f.key_check is not None]
    unsigned = [f.name for f in panels if f.key_check is KeyCheck.UNSIGNED]
    checked = sum(1 for f in panels if f.key_check is KeyCheck.CHECKED)
    if any(f.key_check is KeyCheck.NO_REGISTER for f in panels):
        text = (
            "Tanpa register ketua: kunci berkas tidak dicocokkan dengan sidik jari di lembar "
            "penilaian bertanda tangan."
        )
    else:
        text = (
            f"Kunci {checked} dari {len(panels)} berkas dicocokkan dengan register ketua "
            "(sidik jari yang dikonfirmasi dari lembar penilaian bertanda tangan)."
        )
    text += (
        " Tanda tangan berkas adalah tanda tangan elektronik tidak tersertifikasi; tanda tangan "
        "basah pada lembar penilaian dan berita acara tetap menjadi catatan resmi."
    )
    if unsigned:
        text += f" Tidak bertanda tangan (format lama): {', '.join(unsigned)}."
    return text


def _rule_values() -> dict[str, Any]:
    """What the braces in the explanations stand for."""
    return {
        "min_for_trimmed": MIN_FOR_TRIMMED,
        "min_final": MIN_FINAL,
        "wide_range_share": WIDE_RANGE_SHARE,
        "wide_range": Flag.WIDE_RANGE.value,
        "few_final": Flag.FEW_FINAL.value,
        "incomplete": Flag.INCOMPLETE.value,
    }


def _rubric_rows(event: Event) -> list[list[object]]:
    rows: list[list[object]] = []
    for category in event.categories:
        scale = category.scale
        criteria = "; ".join(
            f"{c.code} {c.name} {format_number(c.weight, 'id')}" for c in category.criteria
        )
        example = " Bobot ini contoh, bukan bobot resmi." if category.weights_are_examples else ""
        rows.append(
            [
                f"Rubrik {category.name}",
                f"Skala {format_number(scale.minimum, 'id')}–{format_number(scale.maximum, 'id')} "
                f"(langkah {format_number(scale.step, 'id')}). "
                f"Kriteria dan bobot: {criteria}.{example}",
            ]
        )
    rows.append(
        [
            "Panel",
            f"{len(event.judges)} panelis: "
            + "; ".join(
                f"{j.name} ({j.id}, {j.institution}, {j.role.value})" for j in event.judges
            ),
        ]
    )
    return rows


def write_method(
    wb: Workbook,
    plan: MergePlan,
    title: str,
    merged_at: dt.datetime,
    program_version: str,
) -> None:
    cols = [
        Col("Aspek", max_width=24, bold=True, wrap=True),
        Col("Keterangan", width=100, wrap=True),
    ]
    write_small(
        wb,
        "Metode",
        cols,
        method_rows(plan, merged_at, program_version),
        page_header=title,
        freeze="B2",
    )
