"""The merged figures: statistics, flags, z-scores, the ranking and its tie rule."""

from __future__ import annotations

import dataclasses
import math
import statistics
from collections.abc import Mapping
from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paritrana_desktop.domain.aggregation import (
    CardState,
    Flag,
    JudgeScore,
    ParticipantFigures,
    aggregate,
    mean,
    median,
    sample_sd,
    trimmed_mean,
)
from paritrana_desktop.domain.event import Event
from tests.factories import small_event

EVENT = small_event(interviews=5)  # W01..W05 in PEMKAB (REG 30, COV 40, WAW 30), W90 in PB
GOV = EVENT.category("PEMKAB")
values = st.lists(st.floats(min_value=0, max_value=100, allow_nan=False), min_size=1, max_size=12)


def card(
    judge: str,
    ratings: Mapping[str, float],
    status: CardState = CardState.FINAL,
    *,
    counted: bool | None = None,
) -> JudgeScore:
    """A judge's scorecard with its total computed the way scoring.py does."""
    category = GOV if "REG" in ratings else EVENT.category("PB")
    total = sum(c.weight * ratings[c.code] for c in category.criteria) / 100.0
    return JudgeScore(
        judge,
        status,
        total,
        True,
        MappingProxyType(dict(ratings)),
        status is CardState.FINAL if counted is None else counted,
    )


def flat(judge: str, value: float, status: CardState = CardState.FINAL) -> JudgeScore:
    return card(judge, {"REG": value, "COV": value, "WAW": value}, status)


def figures(
    scores: Mapping[tuple[str, str], JudgeScore], event: Event = EVENT
) -> dict[str, ParticipantFigures]:
    return {f.interview.id: f for r in aggregate(event, scores) for f in r.participants}


# --- statistics ------------------------------------------------------------------------------


@given(values)
def test_statistics_match_the_standard_library(xs: list[float]) -> None:
    assert mean(xs) == pytest.approx(statistics.fmean(xs), abs=1e-9)
    assert median(xs) == pytest.approx(statistics.median(xs), abs=1e-9)
    if len(xs) >= 2:
        assert sample_sd(xs) == pytest.approx(statistics.stdev(xs), abs=1e-6)
    else:
        assert sample_sd(xs) is None
    if len(xs) >= 5:
        assert trimmed_mean(xs) == pytest.approx(statistics.fmean(sorted(xs)[1:-1]), abs=1e-9)
    else:
        assert trimmed_mean(xs) is None


@given(values, st.randoms())
def test_statistics_do_not_depend_on_the_order(xs: list[float], rnd: object) -> None:
    shuffled = list(xs)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    for f in (mean, median, sample_sd, trimmed_mean):
        assert f(xs) == f(shuffled)


def test_empty_figures_are_none() -> None:
    assert mean([]) is None and median([]) is None and sample_sd([]) is None


# --- one participant ---------------------------------------------------------------------------


def test_the_official_score_is_the_mean_of_the_counted_totals_only() -> None:
    scores = {
        ("W01", "J1"): card("J1", {"REG": 4, "COV": 5, "WAW": 3}),  # 4.1
        ("W01", "J2"): flat("J2", 2, CardState.DRAFT),  # not counted
        ("W01", "J3"): JudgeScore("J3", CardState.CONFLICT),
    }
    f = figures(scores)["W01"]
    assert f.official == pytest.approx(4.1)
    assert f.percent == pytest.approx(82.0)
    assert (f.n, f.n_final, f.n_draft, f.n_conflict, f.n_missing) == (1, 1, 1, 1, 0)
    assert f.criterion_means == {"REG": 4, "COV": 5, "WAW": 3}
    assert f.score_of("J2").status is CardState.DRAFT
    assert set(f.flags) == {Flag.FEW_FINAL, Flag.INCOMPLETE}


def test_a_counted_draft_counts_but_is_still_flagged() -> None:
    scores = {
        ("W01", "J1"): flat("J1", 4),
        ("W01", "J2"): card("J2", {"REG": 2, "COV": 2, "WAW": 2}, CardState.DRAFT, counted=True),
        ("W01", "J3"): flat("J3", 3),
    }
    f = figures(scores)["W01"]
    assert f.n == 3 and f.official == pytest.approx(3.0)
    assert Flag.INCOMPLETE in f.flags and Flag.FEW_FINAL in f.flags  # only two are final


def test_figures_for_five_judges() -> None:
    event = dataclasses.replace(
        EVENT,
        judges=(
            *EVENT.judges,
            dataclasses.replace(EVENT.judges[1], id="J4"),
            dataclasses.replace(EVENT.judges[1], id="J5"),
        ),
    )
    totals = {"J1": 2.0, "J2": 3.0, "J3": 3.0, "J4": 4.0, "J5": 5.0}
    f = figures({("W01", j): flat(j, v) for j, v in totals.items()}, event)["W01"]
    assert f.official == pytest.approx(3.4)
    assert (f.median, f.lowest, f.highest) == (3.0, 2.0, 5.0)
    assert f.sd == pytest.approx(statistics.stdev(totals.values()))
    assert f.trimmed_mean == pytest.approx((3 + 3 + 4) / 3)
    assert f.flags == (Flag.WIDE_RANGE,)  # 5 - 2 = 3 > 20% of 5


def test_wide_disagreement_means_a_range_above_a_fifth_of_the_scale_maximum() -> None:
    # Scale 1..5: a fifth of the maximum is 1.0. Exactly 1.0 is not "over".
    at_limit = {
        ("W01", "J1"): flat("J1", 3),
        ("W01", "J2"): flat("J2", 4),
        ("W01", "J3"): flat("J3", 4),
    }
    assert Flag.WIDE_RANGE not in figures(at_limit)["W01"].flags
    over = dict(at_limit)
    over[("W01", "J3")] = card("J3", {"REG": 5, "COV": 4, "WAW": 4})  # 4.3
    assert Flag.WIDE_RANGE in figures(over)["W01"].flags


def test_three_final_scorecards_are_enough() -> None:
    scores = {("W01", j): flat(j, 4) for j in ("J1", "J2", "J3")}
    assert figures(scores)["W01"].flags == ()


def test_nobody_scored_gives_no_figures_and_no_rank() -> None:
    f = figures({})["W01"]
    assert f.official is None and f.rank is None and f.n == 0 and f.n_missing == 3
    assert f.sd is None and f.z_mean is None
    assert Flag.FEW_FINAL in f.flags and Flag.INCOMPLETE in f.flags


# --- z-scores --------------------------------------------------------------------------------


def test_z_scores_standardise_each_judge_within_the_category() -> None:
    # J1 is lenient (5, 4, 3), J2 harsh (3, 2, 1): the same ordering, so the same z-scores.
    scores = {}
    for iid, a, b in (("W01", 5, 3), ("W02", 4, 2), ("W03", 3, 1)):
        scores[(iid, "J1")] = flat("J1", a)
        scores[(iid, "J2")] = flat("J2", b)
    result = figures(scores)
    assert result["W01"].z_mean == pytest.approx(1.0)
    assert result["W02"].z_mean == pytest.approx(0.0)
    assert result["W03"].z_mean == pytest.approx(-1.0)


def test_a_judge_who_gives_everyone_the_same_total_has_no_z_score() -> None:
    scores = {
        ("W01", "J1"): flat("J1", 4),
        ("W02", "J1"): flat("J1", 4),
        ("W01", "J2"): flat("J2", 5),
        ("W02", "J2"): flat("J2", 3),
    }
    result = figures(scores)
    assert result["W01"].z_mean == pytest.approx(1 / math.sqrt(2))  # J2 alone
    assert result["W02"].z_mean == pytest.approx(-1 / math.sqrt(2))


# --- ranking ---------------------------------------------------------------------------------


def test_a_tie_is_broken_by_the_heaviest_criterion_then_the_next() -> None:
    # All four have the same official score, 4.0.
    scores = {
        ("W01", "J1"): card("J1", {"REG": 4, "COV": 4, "WAW": 4}),
        ("W02", "J1"): card("J1", {"REG": 5.5, "COV": 4, "WAW": 2.5}),  # COV tie, REG higher
        ("W03", "J1"): card("J1", {"REG": 2, "COV": 5.5, "WAW": 4}),  # COV (40) highest
        ("W04", "J1"): card("J1", {"REG": 4, "COV": 4, "WAW": 4}),  # same as W01 throughout
    }
    ranked = aggregate(EVENT, scores)[0].participants
    assert [(f.interview.id, f.rank) for f in ranked] == [
        ("W03", 1),
        ("W02", 2),
        ("W01", 3),
        ("W04", 3),
        ("W05", None),
    ]
    notes = {f.interview.id: f.tie_note.en for f in ranked}
    assert notes["W03"] == (
        "Same official score as Kabupaten Paser, Kabupaten Berau, Kabupaten Bontang. Their order "
        "is decided by the mean on criterion COV (Cakupan kepesertaan, weight 40), then REG "
        "(Regulasi, weight 30)."
    )
    assert "share the rank" in notes["W01"] and "Kabupaten Bontang" in notes["W01"]
    assert notes["W05"] == ""


def test_shared_ranks_skip_the_next_one() -> None:
    scores = {
        ("W01", "J1"): flat("J1", 5),
        ("W02", "J1"): flat("J1", 4),
        ("W03", "J1"): flat("J1", 4),
        ("W04", "J1"): flat("J1", 3),
    }
    ranked = aggregate(EVENT, scores)[0].participants
    assert [f.rank for f in ranked] == [1, 2, 2, 4, None]
    assert ranked[1].tie_note.id.startswith("Nilai resmi sama dengan")


def test_floating_point_noise_does_not_decide_a_rank() -> None:
    # 0.1 + 0.2 != 0.3 in binary; the totals differ by ~1e-16 and must tie.
    scores = {
        ("W01", "J1"): card("J1", {"REG": 0.1 + 0.2, "COV": 1, "WAW": 1}),
        ("W02", "J1"): card("J1", {"REG": 0.3, "COV": 1, "WAW": 1}),
    }
    ranked = aggregate(EVENT, scores)[0].participants
    assert [f.rank for f in ranked[:2]] == [1, 1]


ratings = st.sampled_from([1.0, 2.0, 3.0, 4.0, 5.0])
rated_card = st.builds(lambda r, c, w: {"REG": r, "COV": c, "WAW": w}, ratings, ratings, ratings)
card_strategy = st.one_of(st.none(), rated_card)


@given(
    st.dictionaries(
        st.tuples(
            st.sampled_from(["W01", "W02", "W03", "W04", "W05"]),
            st.sampled_from(["J1", "J2", "J3"]),
        ),
        card_strategy,
    ),
    st.randoms(),
)
def test_figures_do_not_depend_on_the_order_of_judges_or_participants(
    cards: dict[tuple[str, str], dict[str, float] | None], rnd: object
) -> None:
    scores = {
        key: card(key[1], value) if value else JudgeScore(key[1], CardState.CONFLICT)
        for key, value in cards.items()
    }
    judges = list(EVENT.judges)
    interviews = list(EVENT.interviews)
    rnd.shuffle(judges)  # type: ignore[attr-defined]
    rnd.shuffle(interviews)  # type: ignore[attr-defined]
    reordered = dataclasses.replace(EVENT, judges=tuple(judges), interviews=tuple(interviews))
    a = figures(scores)
    b = figures(scores, reordered)
    for iid in a:
        x, y = a[iid], b[iid]
        assert (x.official, x.rank, x.n, x.flags, x.sd, x.z_mean) == (
            y.official,
            y.rank,
            y.n,
            y.flags,
            y.sd,
            y.z_mean,
        )


@given(
    st.dictionaries(
        st.tuples(
            st.sampled_from(["W01", "W02", "W03", "W04", "W05"]),
            st.sampled_from(["J1", "J2", "J3"]),
        ),
        rated_card,
    )
)
def test_ranks_follow_the_tie_rule(cards: dict[tuple[str, str], dict[str, float]]) -> None:
    scores = {key: card(key[1], value) for key, value in cards.items()}
    ranked = [f for f in aggregate(EVENT, scores)[0].participants]
    by_weight = GOV.criteria_by_weight()

    def key(f: ParticipantFigures) -> tuple[float, ...]:
        assert f.official is not None
        return (
            round(f.official, 9),
            *(round(f.criterion_means[c.code] or 0, 9) for c in by_weight),
        )

    scored = [f for f in ranked if f.official is not None]
    for f in scored:
        better = sum(1 for g in scored if key(g) > key(f))
        assert f.rank == better + 1
    assert all(f.rank is None for f in ranked if f.official is None)
    assert ranked[: len(scored)] == scored  # unscored last
