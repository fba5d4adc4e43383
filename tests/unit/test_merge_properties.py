"""Properties of the merge's rules on plain records: the order of the files, copies of a file,
and a judge's Monday export given beside the full one never change the figures.

The same properties are checked on real files and the written workbook in test_rekap.py; here
they run on records, so hypothesis can try many more piles."""

from __future__ import annotations

import random
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from paritrana_desktop.domain.merge_model import MergeOptions, MergePlan, Outcome
from paritrana_desktop.domain.merge_plan import plan
from paritrana_desktop.domain.merge_records import SourceFile
from paritrana_desktop.domain.merge_rules import select
from tests.unit.merge_records import EVENT, card, copy_of, panel

MONDAY = [i.id for i in EVENT.interviews if i.day == EVENT.start_date]
VALUES = st.sampled_from([1.0, 2.0, 3.0, 4.0, 5.0])


@dataclass(frozen=True)
class History:
    """What one judge recorded per interview: Monday's value, the final one, and how many more
    revisions the card went through after Monday (0: unchanged), and whether it stayed a draft."""

    judge_id: str
    cards: dict[str, tuple[float, float, int, bool]]

    def monday(self) -> SourceFile:
        held = [
            card(iid, self.judge_id, first, revision=3, final=not draft)
            for iid, (first, _last, _more, draft) in self.cards.items()
            if iid in MONDAY
        ]
        return panel(self.judge_id, held, name=f"{self.judge_id} senin.paritrana-panel")

    def everything(self) -> SourceFile:
        held = [
            card(iid, self.judge_id, last if more else first, revision=3 + more, final=not draft)
            for iid, (first, last, more, draft) in self.cards.items()
        ]
        return panel(self.judge_id, held, name=f"{self.judge_id} selasa.paritrana-panel")


@st.composite
def histories(draw: st.DrawFn) -> list[History]:
    judges = draw(st.lists(st.sampled_from(["J1", "J2", "J3"]), min_size=1, unique=True))
    found = []
    for judge in sorted(judges):
        cards = {}
        for interview in EVENT.interviews:
            if draw(st.booleans()) or interview.id in MONDAY:
                cards[interview.id] = (
                    draw(VALUES),
                    draw(VALUES),
                    draw(st.integers(0, 3)),
                    draw(st.booleans()) and draw(st.booleans()),  # a draft now and then
                )
        found.append(History(judge, cards))
    return found


def merged(sources: list[SourceFile], options: MergeOptions) -> MergePlan:
    return plan(select(sources), options)


def figures(result: MergePlan) -> tuple[object, ...]:
    """What the workbook's figures come from: results and the cards counted, not the paths."""
    return (
        result.results,
        tuple((c.card, c.status, c.counted) for c in result.cards),
        result.can_write(),
    )


OPTIONS = st.builds(MergeOptions, include_drafts=st.booleans(), skip_invalid=st.booleans())


@settings(max_examples=60, deadline=None)
@given(histories(), OPTIONS, st.randoms(use_true_random=False), st.integers(0, 3))
def test_order_and_copies_of_the_files_do_not_change_the_figures(
    found: list[History], options: MergeOptions, rnd: random.Random, copies: int
) -> None:
    sources = [h.everything() for h in found]
    expected = merged(sources, options)
    pile = list(sources)
    for n in range(copies):
        pile.append(copy_of(rnd.choice(sources), f"salinan {n}.paritrana-panel"))
    rnd.shuffle(pile)
    result = merged(pile, options)
    assert figures(result) == figures(expected)
    assert sum(f.outcome is Outcome.DUPLICATE for f in result.files) == copies
    assert merged(list(reversed(pile)), options) == result


@settings(max_examples=60, deadline=None)
@given(histories(), OPTIONS, st.randoms(use_true_random=False))
def test_monday_then_monday_and_tuesday_agrees_with_tuesday_alone(
    found: list[History], options: MergeOptions, rnd: random.Random
) -> None:
    tuesday = [h.everything() for h in found]
    both = [*tuesday, *(h.monday() for h in found)]
    rnd.shuffle(both)
    alone = merged(tuesday, options)
    result = merged(both, options)
    assert figures(result) == figures(alone)
    assert not result.version_conflicts
    for finding in result.files:
        if "senin" in finding.name:
            # the same bytes as Tuesday's when nothing happened after Monday
            assert finding.outcome in (Outcome.SUPERSEDED, Outcome.DUPLICATE)
            assert finding.used_cards == 0
