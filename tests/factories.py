"""Small events and panel files for tests, built in code so every test owns its data."""

from __future__ import annotations

import dataclasses
import datetime as dt

from paritrana_desktop.domain.event import (
    Category,
    Criterion,
    Event,
    Interview,
    Judge,
    Level,
    Role,
    Scale,
    ScaleLevel,
)

FIVE_LEVELS = Scale(
    1,
    5,
    1,
    tuple(
        ScaleLevel(v, label)
        for v, label in enumerate(
            ["Sangat kurang", "Kurang", "Cukup", "Baik", "Sangat baik"], start=1
        )
    ),
)


def small_event(code: str = "TEST25", *, scale: Scale = FIVE_LEVELS, interviews: int = 3) -> Event:
    """Two categories, a few interviews, three judges."""
    gov = Category(
        "PEMKAB",
        "Pemerintah Kabupaten/Kota",
        (
            Criterion("REG", "Regulasi", "Perda dan Perkada", 30),
            Criterion("COV", "Cakupan kepesertaan", "Pekerja terdaftar", 40),
            Criterion("WAW", "Wawancara", "Presentasi", 30),
        ),
        scale,
    )
    company = Category(
        "PB",
        "Perusahaan Besar",
        (
            Criterion("KEP", "Kepatuhan", "Semua pekerja terdaftar", 60),
            Criterion("CSR", "CSR", "Perlindungan pekerja rentan", 40),
        ),
        scale,
    )
    day1 = dt.date(2025, 7, 28)
    day2 = dt.date(2025, 7, 29)
    schedule = [
        Interview(
            f"W{n + 1:02d}",
            day1,
            dt.time(8 + n, 0),
            dt.time(8 + n, 45),
            "Ruang Mahakam",
            f"Kabupaten {name}",
            "PEMKAB",
            "Bupati, Kadisnaker",
        )
        for n, name in enumerate(
            ["Berau", "Paser", "Kutai Timur", "Bontang", "Samarinda"][:interviews]
        )
    ]
    schedule.append(
        Interview("W90", day2, dt.time(9, 0), dt.time(9, 30), "Ruang B", "PT Contoh", "PB", "HRD")
    )
    return Event(
        code=code,
        name="Paritrana Award Uji",
        level=Level.PROVINSI,
        province="Kalimantan Timur",
        award_year=2025,
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        venue="Hotel Uji",
        start_date=day1,
        end_date=day2,
        categories=(gov, company),
        interviews=tuple(schedule),
        judges=(
            Judge("J1", "Ketua Uji", "Pemprov", Role.KETUA),
            Judge("J2", "Anggota Dua", "BPJS Ketenagakerjaan"),
            Judge("J3", "Anggota Tiga", "Apindo"),
        ),
    )


def large_event(judges: int, interviews: int, criteria: int) -> Event:
    """Many judges and interviews (20 a day, two categories of ``criteria`` criteria each), for
    the benches: the shape of a big national round, made up."""
    scale = Scale(1, 5, 1, tuple(ScaleLevel(v, f"Level {v}") for v in range(1, 6)))
    base = 100 // criteria
    weights = [base] * criteria
    weights[0] += 100 - base * criteria

    def category(code: str, name: str) -> Category:
        return Category(
            code,
            name,
            tuple(
                Criterion(f"K{n + 1}", f"Kriteria {n + 1} {name}", "Uraian kriteria", w)
                for n, w in enumerate(weights)
            ),
            scale,
        )

    categories = (category("PEMKAB", "Pemerintah Kabupaten/Kota"), category("PB", "Perusahaan"))
    day = dt.date(2025, 7, 28)
    schedule = tuple(
        Interview(
            f"W{n + 1:03d}",
            day + dt.timedelta(days=n // 20),
            dt.time(8 + (n % 20) // 2, 30 * (n % 2)),
            dt.time(8 + (n % 20) // 2, 30 * (n % 2) + 25),
            "Ruang Mahakam",
            f"Peserta Bench Nomor {n + 1:03d}",
            categories[n % 2].code,
            "Kepala Dinas, Kabid",
        )
        for n in range(interviews)
    )
    return Event(
        code="BENCH25",
        name="Paritrana Award Bench 2025",
        level=Level.PROVINSI,
        province="Kalimantan Timur",
        award_year=2025,
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        venue="Hotel Bench",
        start_date=day,
        end_date=day + dt.timedelta(days=max(0, (interviews - 1) // 20)),
        categories=categories,
        interviews=schedule,
        judges=tuple(
            Judge(f"J{n + 1:03d}", f"Panelis Bench {n + 1:03d}", "Institusi Bench", Role.ANGGOTA)
            for n in range(judges)
        ),
    )


def with_papers(event: Event) -> Event:
    """``event`` with everything the papers print set: heading, number, place, NIP, secretary."""
    judges = list(event.judges)
    judges[0] = dataclasses.replace(judges[0], nip="19700101 199503 1 001")
    judges[-1] = dataclasses.replace(judges[-1], secretary=True)
    return dataclasses.replace(
        event,
        judges=tuple(judges),
        heading_lines=("PEMERINTAH PROVINSI KALIMANTAN TIMUR", "TIM PENILAI PARITRANA AWARD"),
        minutes_number="560/123/DISNAKERTRANS",
        signing_place="Samarinda",
        winners=2,
        national=2,
        score_decimals=3,
    )
