"""The official result as the papers and the workbook print it: each participant's official
score rounded half up to the event's decimals, and the designation its rank earns.

One function for both, so the workbook's Peringkat and the berita acara always agree. The rank
is the merge's (on the exact official score); rounding only changes how the score is printed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .aggregation import CategoryResult
from .designation import Designation, DesignationSettings, designate, rule_text
from .event import Event
from .text import Text
from .words import round_half_up, rounding_rule

__all__ = ["OfficialLine", "designation_settings", "official_lines", "official_rules"]


@dataclass(frozen=True, slots=True)
class OfficialLine:
    rank: int | None
    rounded: Decimal | None  # the official score rounded half up; None: no official score
    designation: Designation | None

    def designation_text(self) -> Text:
        return self.designation.text() if self.designation is not None else Text.same("")


def designation_settings(event: Event) -> DesignationSettings:
    return DesignationSettings(winners=event.winners, national=event.national)


def official_lines(result: CategoryResult, event: Event) -> Mapping[str, OfficialLine]:
    """Per interview ID of one category: rank, rounded score and designation."""
    found = designate(
        ((f.interview.id, f.rank) for f in result.participants), designation_settings(event)
    )
    return {
        f.interview.id: OfficialLine(
            f.rank,
            None if f.official is None else round_half_up(f.official, event.score_decimals),
            found[f.interview.id],
        )
        for f in result.participants
    }


RANK_ON_EXACT = Text(
    "Peringkat dan sebutan ditentukan dari nilai resmi yang tepat, sebelum dibulatkan: dua "
    "peserta yang nilainya tampak sama sesudah dibulatkan dapat berbeda peringkat; nilai "
    "tepatnya tercantum di rekapitulasi (lembar Peringkat).",
    "Ranks and designations are decided on the exact official score, before rounding: two "
    "participants whose rounded scores look equal may rank differently; the exact scores are "
    "in the workbook (sheet Peringkat).",
)


def official_rules(event: Event) -> tuple[Text, Text]:
    """The rounding rule (with the rank decided on the exact score) and the designation rule
    (ties included), as printed."""
    rounding = rounding_rule(event.score_decimals) + Text.same(" ") + RANK_ON_EXACT
    return rounding, rule_text(designation_settings(event))
