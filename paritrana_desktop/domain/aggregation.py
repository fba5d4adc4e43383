"""The merged figures: per participant, per category, the ranking and its flags. Pure.

For each participant, over the totals of the judges whose scorecards count (final and no
declared conflict of interest; complete drafts too when the chair includes drafts):

    official score   = mean of the counted totals
    n                = number of counted totals
    median, lowest, highest
    standard deviation = sample standard deviation (divisor n - 1), none when n < 2
    trimmed mean     = mean after dropping the single highest and the single lowest total,
                       only when n >= 5
    z mean           = mean over the counted judges of the judge's z-score for this
                       participant, where a judge's z-score is (total - the judge's mean) /
                       the judge's sample standard deviation over the participants of the same
                       category; a judge with fewer than two totals in the category, or who
                       gave them all the same total, has no z-score

Ranking within a category: the higher official score first; equal official scores are
separated by the higher panel mean on the criterion with the highest weight, then the next
(equal weights in the rubric's order), and what is still equal shares the rank (1, 2, 2, 4).
Values are compared after rounding to 9 decimals, so that floating-point noise never decides.

Every sum here is ``math.fsum``: exactly rounded, hence independent of the order of the
judges or the files.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType

from .event import Category, Criterion, Event, Interview
from .numbers import format_number
from .scorecard import CardState
from .text import Text

NO_NOTE = Text("", "")

WIDE_RANGE_SHARE = 0.20
MIN_FINAL = 3
MIN_FOR_TRIMMED = 5
COMPARE_DECIMALS = 9


class Flag(StrEnum):
    WIDE_RANGE = "selisih lebar"
    FEW_FINAL = "kurang dari 3 final"
    INCOMPLETE = "ada draf/belum dinilai"

    @property
    def label_en(self) -> str:
        return {
            Flag.WIDE_RANGE: "wide disagreement",
            Flag.FEW_FINAL: "fewer than 3 final",
            Flag.INCOMPLETE: "drafts or missing judges",
        }[self]


@dataclass(frozen=True)
class JudgeScore:
    """One judge's standing for one interview, as the merge decided it."""

    judge_id: str
    status: CardState
    total: float | None = None  # weighted mean on the scale; None without ratings/when recused
    complete: bool = False
    ratings: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    counted: bool = False


@dataclass(frozen=True)
class ParticipantFigures:
    interview: Interview
    scores: tuple[JudgeScore, ...]  # one per judge of the roster, in roster order
    n: int
    official: float | None
    percent: float | None
    median: float | None
    lowest: float | None
    highest: float | None
    sd: float | None
    trimmed_mean: float | None
    z_mean: float | None
    criterion_means: Mapping[str, float | None]
    n_final: int
    n_draft: int
    n_conflict: int
    n_missing: int
    flags: tuple[Flag, ...]
    rank: int | None = None
    tie_note: Text = NO_NOTE  # why this place among equal official scores

    def score_of(self, judge_id: str) -> JudgeScore:
        for score in self.scores:
            if score.judge_id == judge_id:
                return score
        raise KeyError(judge_id)


@dataclass(frozen=True)
class CategoryResult:
    category: Category
    participants: tuple[ParticipantFigures, ...]  # ranked first (rank order), unranked last


# --- plain statistics ---------------------------------------------------------------------


def mean(values: Sequence[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return math.fsum(ordered[mid - 1 : mid + 1]) / 2


def sample_sd(values: Sequence[float]) -> float | None:
    """Sample standard deviation (divisor n - 1); None for fewer than two values."""
    if len(values) < 2:
        return None
    centre = math.fsum(values) / len(values)
    return math.sqrt(math.fsum((v - centre) ** 2 for v in values) / (len(values) - 1))


def trimmed_mean(values: Sequence[float]) -> float | None:
    """The mean without the single highest and single lowest value; only for n >= 5."""
    if len(values) < MIN_FOR_TRIMMED:
        return None
    ordered = sorted(values)
    return mean(ordered[1:-1])


def comparable(value: float | None) -> float:
    """A sort key that ignores floating-point noise; a missing value sorts last."""
    return -math.inf if value is None else round(value, COMPARE_DECIMALS)


# --- the figures --------------------------------------------------------------------------


def aggregate(
    event: Event, scores: Mapping[tuple[str, str], JudgeScore]
) -> tuple[CategoryResult, ...]:
    """Every category's figures and ranking.

    ``scores`` maps (interview id, judge id) to the merge's decision for that pair; a pair
    that is absent counts as "not scored".
    """
    results = []
    for category in event.categories:
        interviews = [i for i in event.interviews if i.category == category.code]
        rows = {
            i.id: tuple(
                scores.get((i.id, j.id)) or JudgeScore(j.id, CardState.NOT_SCORED)
                for j in event.judges
            )
            for i in interviews
        }
        z = _z_scores(rows)
        figures = [_figures(category, i, rows[i.id], z) for i in interviews]
        results.append(CategoryResult(category, tuple(rank(category, figures))))
    return tuple(results)


def _figures(
    category: Category,
    interview: Interview,
    scores: tuple[JudgeScore, ...],
    z: Mapping[tuple[str, str], float],
) -> ParticipantFigures:
    counted = [s for s in scores if s.counted and s.total is not None]
    totals = [s.total for s in counted if s.total is not None]
    official = mean(totals)
    lowest = min(totals) if totals else None
    highest = max(totals) if totals else None
    z_values = [z[(interview.id, s.judge_id)] for s in counted if (interview.id, s.judge_id) in z]
    criterion_means = MappingProxyType(
        {
            c.code: mean([s.ratings[c.code] for s in counted if c.code in s.ratings])
            for c in category.criteria
        }
    )
    n_final = sum(1 for s in scores if s.status is CardState.FINAL)
    n_draft = sum(1 for s in scores if s.status is CardState.DRAFT)
    n_conflict = sum(1 for s in scores if s.status is CardState.CONFLICT)
    n_missing = sum(1 for s in scores if s.status is CardState.NOT_SCORED)
    flags = []
    if (
        lowest is not None
        and highest is not None
        and comparable(highest - lowest) > comparable(WIDE_RANGE_SHARE * category.scale.maximum)
    ):
        flags.append(Flag.WIDE_RANGE)
    if n_final < MIN_FINAL:
        flags.append(Flag.FEW_FINAL)
    if n_draft or n_missing:
        flags.append(Flag.INCOMPLETE)
    return ParticipantFigures(
        interview=interview,
        scores=scores,
        n=len(totals),
        official=official,
        percent=None if official is None else official / category.scale.maximum * 100.0,
        median=median(totals),
        lowest=lowest,
        highest=highest,
        sd=sample_sd(totals),
        trimmed_mean=trimmed_mean(totals),
        z_mean=mean(z_values),
        criterion_means=criterion_means,
        n_final=n_final,
        n_draft=n_draft,
        n_conflict=n_conflict,
        n_missing=n_missing,
        flags=tuple(flags),
    )


def _z_scores(rows: Mapping[str, tuple[JudgeScore, ...]]) -> dict[tuple[str, str], float]:
    """Each counted total standardised within its judge's totals in the category."""
    by_judge: dict[str, dict[str, float]] = {}
    for interview_id, scores in rows.items():
        for s in scores:
            if s.counted and s.total is not None:
                by_judge.setdefault(s.judge_id, {})[interview_id] = s.total
    z: dict[tuple[str, str], float] = {}
    for judge_id, totals in by_judge.items():
        values = list(totals.values())
        sd = sample_sd(values)
        centre = mean(values)
        if sd is None or centre is None or comparable(sd) == 0:
            continue
        for interview_id, total in totals.items():
            z[(interview_id, judge_id)] = (total - centre) / sd
    return z


def tie_key(category: Category, figures: ParticipantFigures) -> tuple[float, ...]:
    """Official score, then the criterion means from the highest weight down."""
    means = [comparable(figures.criterion_means.get(c.code)) for c in category.criteria_by_weight()]
    return (comparable(figures.official), *means)


def rank(category: Category, figures: Iterable[ParticipantFigures]) -> list[ParticipantFigures]:
    """Figures in rank order with ``rank`` and the tie notes filled in.

    Participants without an official score get no rank and come last, in schedule order.
    """
    items = list(figures)
    scored = [f for f in items if f.official is not None]
    unscored = [f for f in items if f.official is None]
    # Python's sort is stable: fully equal keys keep the schedule order (by name would be
    # arbitrary too; the rank they share is what matters and is the same either way).
    scored.sort(key=lambda f: tie_key(category, f), reverse=True)
    by_weight = category.criteria_by_weight()
    out: list[ParticipantFigures] = []
    previous_key: tuple[float, ...] | None = None
    current_rank = 0
    for position, f in enumerate(scored, start=1):
        key = tie_key(category, f)
        if key != previous_key:
            current_rank = position
            previous_key = key
        same_score = [
            g for g in scored if g is not f and comparable(g.official) == comparable(f.official)
        ]
        note = _tie_note(category, by_weight, f, same_score)
        out.append(replace(f, rank=current_rank, tie_note=note))
    out.extend(unscored)
    return out


def _tie_note(
    category: Category,
    by_weight: list[Criterion],
    f: ParticipantFigures,
    same_score: list[ParticipantFigures],
) -> Text:
    """Who shares the official score, which criteria ordered the group, who is still tied."""
    if not same_score:
        return NO_NOTE
    key = tie_key(category, f)
    group_keys = {key, *(tie_key(category, g) for g in same_score)}
    # The criteria (heaviest first) needed to order the whole group as the full rule does.
    used: list[Criterion] = []
    for length in range(len(by_weight) + 1):
        if len({k[: length + 1] for k in group_keys}) == len(group_keys):
            used = by_weight[:length]
            break
    names = ", ".join(g.interview.participant for g in same_score)
    parts_id = [f"Nilai resmi sama dengan {names}."]
    parts_en = [f"Same official score as {names}."]
    if used:
        listed = ", lalu ".join(
            f"{c.code} ({c.name}, bobot {format_number(c.weight, 'id')})" for c in used
        )
        listed_en = ", then ".join(
            f"{c.code} ({c.name}, weight {format_number(c.weight)})" for c in used
        )
        parts_id.append(f"Urutannya ditentukan oleh rata-rata kriteria {listed}.")
        parts_en.append(f"Their order is decided by the mean on criterion {listed_en}.")
    still_tied = [g.interview.participant for g in same_score if tie_key(category, g) == key]
    if still_tied:
        tied = ", ".join(still_tied)
        parts_id.append(f"Tetap seri dengan {tied} pada semua kriteria: berbagi peringkat.")
        parts_en.append(f"Still tied with {tied} on every criterion: they share the rank.")
    return Text(" ".join(parts_id), " ".join(parts_en))
