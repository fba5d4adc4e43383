"""The template workbook's cells for what only the papers print: the Kegiatan sheet's heading
lines, number, place of signing, designations and decimals, and the Panel sheet's NIP and role
(with "sekretaris merangkap anggota")."""

from __future__ import annotations

from typing import Any

from ..domain.event import Event, Judge, Role

SECRETARY = "sekretaris merangkap anggota"
ROLE_CHOICES = f"{Role.KETUA.value},{Role.ANGGOTA.value},{SECRETARY}"

# The example event's values (the template's example rows).
EXAMPLE_PAPERS: dict[str, Any] = {
    "heading_lines": (
        "PEMERINTAH PROVINSI KALIMANTAN TIMUR",
        "TIM PENILAI PARITRANA AWARD TINGKAT PROVINSI",
    ),
    "signing_place": "Samarinda",
}


def papers_values(event: Event) -> dict[str, object]:
    """The Kegiatan sheet's values for the papers' rows; an empty cell for what is not set."""
    lines = [*event.heading_lines, "", "", ""]
    return {
        "heading_1": lines[0],
        "heading_2": lines[1],
        "heading_3": lines[2],
        "minutes_number": event.minutes_number,
        "signing_place": event.signing_place,
        "winners": event.winners,
        "national": event.national,
        "score_decimals": event.score_decimals,
    }


def judge_papers_values(judge: Judge) -> dict[str, object]:
    """The Panel sheet's role and NIP cells of ``judge``."""
    role = SECRETARY if judge.secretary and judge.role is Role.ANGGOTA else judge.role.value
    return {"role": role, "nip": judge.nip}
