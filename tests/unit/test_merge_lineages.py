"""Two unrelated files of one judge (two panel_ids) are never combined by revision number: on
plain records (domain.merge_lineages through merge_rules.select)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from paritrana_desktop.domain.merge_model import DecisionKind, MergeOptions, MergePlan, Outcome
from paritrana_desktop.domain.merge_plan import plan
from paritrana_desktop.domain.merge_records import SourceFile
from paritrana_desktop.domain.merge_rules import select
from paritrana_desktop.domain.scorecard import CardState
from tests.unit.merge_records import EVENT, card, full_day, panel


def merged(sources: list[SourceFile], options: MergeOptions | None = None) -> MergePlan:
    options = options or MergeOptions()
    return plan(select(sources, (), options), options)


def other_lineage(source: SourceFile, panel_id: str, created_at: str) -> SourceFile:
    assert source.panel is not None
    return dataclasses.replace(
        source,
        panel=dataclasses.replace(source.panel, panel_id=panel_id, created_at=created_at),
    )


def outcome(result: MergePlan, name: str) -> Outcome:
    return next(f.outcome for f in result.files if f.name == name)


def official_n(result: MergePlan, interview_id: str) -> int:
    return next(
        f.n for c in result.results for f in c.participants if f.interview.id == interview_id
    )


def the_two_j3_files() -> tuple[SourceFile, SourceFile]:
    """The demo's J3 file (everything final, revision 10) and a file the judge made on the
    laptop (another panel_id): a conflict of interest for W02 at revision 1."""
    main = other_lineage(
        panel("J3", [card(i.id, "J3", 4, revision=10) for i in EVENT.interviews], name="demo.x"),
        "panel-demo",
        "2025-07-28T01:00:00+00:00",
    )
    laptop = other_lineage(
        panel("J3", [card("W02", "J3", conflict=True, revision=1)], name="laptop.x"),
        "panel-laptop",
        "2025-07-28T09:30:00+00:00",
    )
    return main, laptop


def test_two_panel_ids_of_one_judge_are_a_conflict_shown_to_the_chair_and_block_writing() -> None:
    main, laptop = the_two_j3_files()
    result = merged([*full_day(judges=("J1", "J2")), main, laptop])
    assert DecisionKind.SUPERSEDED not in [d.kind for d in result.decisions]
    (two,) = [d for d in result.decisions if d.kind is DecisionKind.TWO_FILES]
    text = two.text("id")
    assert "demo.x (dibuat 2025-07-28 01:00" in text and "laptop.x (dibuat 2025-07-28 09:30" in text
    assert "konflik kepentingan di laptop.x / final di demo.x" not in text  # file order: by path
    assert "final di demo.x / konflik kepentingan di laptop.x" in text
    assert "belum dinilai di laptop.x" in text  # what only one of them holds
    assert "conflict of interest in laptop.x" in two.text("en")
    assert outcome(result, "demo.x") is Outcome.CONFLICT
    assert outcome(result, "laptop.x") is Outcome.CONFLICT
    assert not result.can_write()
    assert not result.can_write(MergeOptions(skip_invalid=True, include_drafts=True))
    assert any("--use" in b.text("en") for b in result.blockers())
    assert official_n(result, "W02") == 2  # J3 neither counted nor taken from either file


def test_the_chairs_choice_keeps_one_lineage_and_is_a_decision() -> None:
    main, laptop = the_two_j3_files()
    others = full_day(judges=("J1", "J2"))
    result = merged([*others, main, laptop], MergeOptions(use_files=frozenset({laptop.path})))
    assert result.can_write()
    assert outcome(result, "laptop.x") is Outcome.USED
    assert outcome(result, "demo.x") is Outcome.NOT_CHOSEN
    (chosen,) = [d for d in result.decisions if d.kind is DecisionKind.FILE_CHOSEN]
    assert chosen.text("id").startswith("Pilihan ketua untuk")
    assert "laptop.x (dibuat" in chosen.text("id").split(" dipakai; ")[0]
    assert "demo.x" in chosen.text("id").split(" dipakai; ")[1]
    w02 = next(f for c in result.results for f in c.participants if f.interview.id == "W02")
    assert w02.score_of("J3").status is CardState.CONFLICT  # the recusal stands
    assert official_n(result, "W02") == 2
    assert official_n(result, "W01") == 2  # the laptop file holds nothing else for J3
    other = merged([*others, main, laptop], MergeOptions(use_files=frozenset({main.path})))
    assert outcome(other, "laptop.x") is Outcome.NOT_CHOSEN
    assert official_n(other, "W02") == 3


def test_copies_of_one_lineage_still_compare_by_revision() -> None:
    old = panel("J1", [card("W01", "J1", 2, revision=3)], name="pagi.x")
    new = panel("J1", [card("W01", "J1", 5, revision=7)], name="malam.x")  # same panel_id
    result = merged([old, new])
    assert DecisionKind.TWO_FILES not in [d.kind for d in result.decisions]
    assert outcome(result, "pagi.x") is Outcome.SUPERSEDED


def test_choosing_both_lineages_is_no_choice() -> None:
    main, laptop = the_two_j3_files()
    both = MergeOptions(use_files=frozenset({main.path, laptop.path}))
    result = merged([main, laptop], both)
    assert DecisionKind.TWO_FILES in [d.kind for d in result.decisions]
    assert not result.can_write(both)


def test_the_order_of_the_inputs_does_not_change_the_conflict() -> None:
    main, laptop = the_two_j3_files()
    a = merged([main, laptop])
    b = merged([laptop, main])
    assert [d.message for d in a.decisions] == [d.message for d in b.decisions]
    assert Path("/usb/laptop.x") in {f.path for f in a.files}
