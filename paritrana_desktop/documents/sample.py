"""Made-up but plausible inputs for the papers, from an event's rubric and schedule.

For the bench, the tests and a look at the pages before the workflows fill the inputs from real
files. One seeded generator: the same seed gives the same papers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import replace
from decimal import Decimal

from paritrana_desktop.domain.designation import designate, rule_text
from paritrana_desktop.domain.event import Event, Interview, Judge, Role
from paritrana_desktop.domain.scorecard import CardState
from paritrana_desktop.domain.text import Text
from paritrana_desktop.domain.trust import fingerprint
from paritrana_desktop.domain.verification_code import make_code
from paritrana_desktop.domain.words import round_half_up, rounding_rule

from .model import (
    BeritaAcaraInput,
    CategoryResults,
    CriterionLine,
    EventInfo,
    FileCode,
    JudgeInfo,
    Matrix,
    MatrixRow,
    Position,
    RankedLine,
    ScoreSheetInput,
    SheetCard,
)

HEADING = (
    "PEMERINTAH PROVINSI KALIMANTAN TIMUR",
    "TIM PENILAI PARITRANA AWARD TINGKAT PROVINSI",
)
_PHRASES = (
    "Perda perlindungan pekerja rentan sudah terbit dan dianggarkan.",
    "Data kepesertaan belum dipilah per sektor.",
    "Presentasi jelas, contoh lapangan meyakinkan.",
    "Cakupan pekerja informal masih rendah dibanding target.",
    "Sinergi dengan BPJS Ketenagakerjaan berjalan baik.",
)


def event_info(event: Event, number: str | None = None) -> EventInfo:
    return EventInfo(
        heading_lines=HEADING,
        name=event.name,
        venue=event.venue,
        first_day=event.start_date,
        last_day=event.end_date,
        signing_place="Samarinda",
        number=number,
    )


def judge_info(judge: Judge, index: int = 0) -> JudgeInfo:
    position = Position.KETUA if judge.role is Role.KETUA else Position.ANGGOTA
    nip = f"19{70 + index % 20:02d}0{1 + index % 9}1{index % 10}2000031{index % 10}00{index}"
    return JudgeInfo(judge.id, judge.name, judge.institution, position, nip if index % 3 else None)


def _card(event: Event, interview: Interview, rng: random.Random, state: CardState) -> SheetCard:
    category = event.category(interview.category)
    scale = category.scale
    labels = {level.value: level.label for level in scale.levels}
    lines = []
    total = Decimal(0)
    for criterion in category.criteria:
        value = rng.randint(int(scale.minimum), int(scale.maximum))
        lines.append(
            CriterionLine(
                criterion.name,
                Decimal(repr(criterion.weight)),
                Decimal(value),
                labels.get(float(value), ""),
                rng.choice(_PHRASES) if rng.random() < 0.6 else "",
            )
        )
        total += Decimal(value) * Decimal(repr(criterion.weight)) / 100
    return SheetCard(
        interview.id,
        interview.day,
        interview.start,
        interview.end,
        interview.room,
        interview.participant,
        category.name,
        state,
        tuple(r.strip() for r in interview.representatives.split(";") if r.strip()),
        tuple(lines) if state is not CardState.CONFLICT else (),
        round_half_up(total, 2) if state is not CardState.CONFLICT else None,
        rng.choice(_PHRASES),
        "Layak dipertimbangkan sebagai praktik baik." if rng.random() < 0.5 else "",
        "Saya pernah menjadi konsultan peserta ini." if state is CardState.CONFLICT else "",
    )


def code_for(judge_id: str, entries: int = 139) -> str:
    head = hashlib.sha256(judge_id.encode()).hexdigest()
    return make_code(judge_id, f"panel-{judge_id}", entries, head)


def key_for(judge_id: str) -> str:
    """A made-up key fingerprint for ``judge_id``, in the printed form."""
    return fingerprint(hashlib.sha256(f"key:{judge_id}".encode()).hexdigest())


def sample_score_sheet(
    event: Event, judge_index: int = 0, *, seed: int = 1, one_day: bool = False
) -> ScoreSheetInput:
    """One judge's sheet over every interview: one draft, one conflict, the rest final."""
    rng = random.Random(seed)
    judge = event.judges[judge_index]
    cards = []
    for n, interview in enumerate(event.interviews):
        if one_day:
            start = dt.time(7 + n // 2, 30 * (n % 2))
            end = dt.time(7 + n // 2, 30 * (n % 2) + 25)
            interview = replace(interview, day=event.start_date, start=start, end=end)
        state = {1: CardState.DRAFT, 3: CardState.CONFLICT}.get(n, CardState.FINAL)
        cards.append(_card(event, interview, rng, state))
    return ScoreSheetInput(
        event_info(event),
        judge_info(judge, judge_index),
        code_for(judge.id),
        tuple(cards),
        key_fingerprint=key_for(judge.id),
    )


def sample_berita_acara(event: Event, *, seed: int = 1) -> BeritaAcaraInput:
    """The berita acara of ``event`` with made-up totals for every judge and participant."""
    rng = random.Random(seed)
    judges = event.judges
    rows = []
    results = []
    for category in event.categories:
        scored = []
        for interview in (i for i in event.interviews if i.category == category.code):
            totals = tuple(round_half_up(rng.uniform(2.4, 4.8), 2) for _ in judges)
            official = round_half_up(sum(totals, Decimal(0)) / len(totals), 2)
            rows.append(MatrixRow(interview.participant, category.name, totals, official))
            scored.append((interview.participant, official))
        scored.sort(key=lambda p: -p[1])
        ranks = [(name, 1 + [s for _, s in scored].index(score)) for name, score in scored]
        found = designate(ranks)
        lines = tuple(
            RankedLine(rank, name, score, str(found[name] or ""))
            for (name, rank), (_, score) in zip(ranks, scored, strict=True)
        )
        results.append(CategoryResults(category.name, lines))
    left_out = (
        Text(
            "Penilaian J07 untuk PT Sawit Lestari Mahakam tidak dihitung: konflik kepentingan.",
            "J07's scorecard for PT Sawit Lestari Mahakam is left out: conflict of interest.",
        ),
        "Penilaian J04 untuk Kota Bontang masih draf dan tidak dihitung.",
    )
    panel = tuple(judge_info(j, n) for n, j in enumerate(judges))
    return BeritaAcaraInput(
        event=event_info(event),
        panel=panel,
        categories=tuple(results),
        codes=tuple(
            FileCode(
                j, code_for(j.judge_id), key_for(j.judge_id), "dicocokkan dengan register ketua"
            )
            for j in panel
        ),
        workbook_sha256=hashlib.sha256(b"rekap").hexdigest(),
        matrix=Matrix(tuple(j.id for j in judges), tuple(rows)),
        left_out=left_out,
        rules=(
            Text(
                "Nilai resmi adalah rata-rata nilai total para panelis yang dihitung.",
                "The official score is the mean of the totals of the judges counted.",
            ),
            rounding_rule(2),
            rule_text(),
        ),
    )
