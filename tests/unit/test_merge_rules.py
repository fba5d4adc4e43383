"""The merge's rules on plain records (domain.merge_rules, merge_revisions, merge_plan): no file
is opened, every record is built here."""

from __future__ import annotations

import dataclasses

import pytest

from paritrana_desktop.domain.merge_model import DecisionKind, MergeOptions, MergePlan, Outcome
from paritrana_desktop.domain.merge_plan import plan
from paritrana_desktop.domain.merge_records import EventPrints, PrintBook, SourceFile
from paritrana_desktop.domain.merge_rules import select
from paritrana_desktop.domain.scorecard import CardState
from tests.unit.merge_records import (
    EVENT,
    card,
    copy_of,
    event_record,
    full_day,
    panel,
    unreadable,
)


def merged(sources: list[SourceFile], options: MergeOptions | None = None) -> MergePlan:
    return plan(select(sources), options or MergeOptions())


def outcome(result: MergePlan, name: str) -> Outcome:
    return next(f.outcome for f in result.files if f.name == name)


def kinds(result: MergePlan) -> list[DecisionKind]:
    return [d.kind for d in result.decisions]


def official(result: MergePlan, interview_id: str) -> float | None:
    for category in result.results:
        for fig in category.participants:
            if fig.interview.id == interview_id:
                return fig.official
    raise KeyError(interview_id)


def test_a_sound_day_uses_every_file_and_names_the_reference_first() -> None:
    result = merged(full_day())
    assert [f.outcome for f in result.files] == [Outcome.USED] * 3
    assert [f.judge_id for f in result.files] == ["J1", "J2", "J3"]  # roster order
    assert kinds(result) == [DecisionKind.REFERENCE]
    assert "3 panelis" in result.decisions[0].text("id")
    assert "3 judges" in result.decisions[0].text("en")
    assert result.can_write()
    assert len(result.cards) == 3 * len(EVENT.interviews)
    assert all(c.counted for c in result.cards)
    assert official(result, "W01") is not None


def test_a_byte_copy_counts_once_whichever_order_the_records_come_in() -> None:
    sources = full_day()
    copy = copy_of(sources[0], "J1 dari email.paritrana-panel", folder="/a")
    for order in ([*sources, copy], [copy, *reversed(sources)]):
        result = merged(order)
        assert outcome(result, "J1 dari email.paritrana-panel") is Outcome.USED  # /a sorts first
        assert outcome(result, "J1.paritrana-panel") is Outcome.DUPLICATE
        assert kinds(result).count(DecisionKind.DUPLICATE) == 1
        assert official(result, "W01") == official(merged(sources), "W01")


def test_the_highest_revision_wins_and_the_older_one_is_named() -> None:
    old = panel("J2", [card("W01", "J2", 2, revision=3)], name="J2 pagi.paritrana-panel")
    new = panel(
        "J2",
        [card("W01", "J2", 5, revision=7), card("W02", "J2", 4)],
        name="J2 malam.paritrana-panel",
    )
    result = merged([old, new, *full_day(judges=("J1", "J3"))])
    assert outcome(result, "J2 pagi.paritrana-panel") is Outcome.SUPERSEDED
    assert outcome(result, "J2 malam.paritrana-panel") is Outcome.USED
    superseded = [d for d in result.decisions if d.kind is DecisionKind.SUPERSEDED]
    assert len(superseded) == 1
    text = superseded[0].text("en")
    assert "revision 7 from J2 malam" in text and "revision 3 from J2 pagi" in text
    used = next(c for c in result.cards if c.card.judge_id == "J2" and c.card.interview_id == "W01")
    assert used.card.revision == 7 and used.source.name == "J2 malam.paritrana-panel"


def test_a_newer_revision_of_another_kind_says_the_kind_of_each() -> None:
    draft = panel("J3", [card("W01", "J3", revision=2, final=False)], name="a.paritrana-panel")
    recusal = panel("J3", [card("W01", "J3", revision=5, conflict=True)], name="b.paritrana-panel")
    result = merged([draft, recusal])
    (decision,) = [d for d in result.decisions if d.kind is DecisionKind.SUPERSEDED]
    assert f"({CardState.CONFLICT.label_en})" in decision.text("en")
    assert f"({CardState.DRAFT.value})" in decision.text("id")
    assert DecisionKind.RECUSED in kinds(result)


def test_two_versions_at_one_revision_are_a_conflict_that_blocks_writing() -> None:
    one = panel("J1", [card("W01", "J1", 2, revision=4)], name="x.paritrana-panel")
    two = panel("J1", [card("W01", "J1", 5, revision=4)], name="y.paritrana-panel")
    result = merged([one, two, *full_day(judges=("J2", "J3"))])
    assert outcome(result, "x.paritrana-panel") is Outcome.CONFLICT
    assert outcome(result, "y.paritrana-panel") is Outcome.CONFLICT
    (conflict,) = result.version_conflicts
    assert "x.paritrana-panel, y.paritrana-panel" in conflict.text("en")
    assert not result.can_write(MergeOptions(skip_invalid=True))
    w01 = next(f for c in result.results for f in c.participants if f.interview.id == "W01")
    assert w01.score_of("J1").status is CardState.NOT_SCORED


def test_a_refused_file_blocks_until_the_chair_leaves_it_out() -> None:
    sources = [*full_day(), unreadable("rusak.paritrana-panel")]
    strict = merged(sources)
    assert outcome(strict, "rusak.paritrana-panel") is Outcome.REFUSED
    assert DecisionKind.REFUSED in kinds(strict) and not strict.can_write()
    lenient = merged(sources, MergeOptions(skip_invalid=True))
    (skipped,) = [d for d in lenient.decisions if d.kind is DecisionKind.SKIPPED]
    assert skipped.text("id").startswith("rusak.paritrana-panel: bukan berkas Paritrana")
    assert skipped.text("id").endswith("Dilewati atas pilihan ketua.")
    assert skipped.text("en").endswith("Left out at the chair's choice.")
    assert lenient.can_write()


@pytest.mark.parametrize(
    ("source", "words"),
    [
        (panel("J1", [card("W01", "J1")], problems=["rantai audit putus"]), "rantai audit putus"),
        (panel("J9", [card("W01", "J9")]), "tidak ada dalam daftar panel"),
        (panel("J1", [card("W01", "J2")]), "atas nama panelis lain (J2)"),
    ],
    ids=["its own problems", "a judge not on the roster", "a card under another judge"],
)
def test_a_panel_file_is_refused_for_what_is_wrong_with_it(source: SourceFile, words: str) -> None:
    result = merged([source, *full_day(judges=("J2", "J3"))])
    finding = next(f for f in result.files if f.path == source.path)
    assert finding.outcome is Outcome.REFUSED
    assert words in finding.reason_text("id")


def test_a_card_for_an_interview_not_in_the_schedule_is_refused() -> None:
    stray = dataclasses.replace(card("W01", "J1"), interview_id="W77")
    result = merged([panel("J1", [stray]), *full_day(judges=("J2", "J3"))])
    assert "W77" in next(f for f in result.files if f.judge_id == "J1").reason_text("en")


def test_an_even_split_between_two_event_versions_refuses_to_guess() -> None:
    other = dataclasses.replace(EVENT, venue="Hotel Lain", interviews=EVENT.interviews[:2])
    sources = [
        panel("J1", [card("W01", "J1")]),
        panel("J2", [card("W01", "J2", event=other)], event=other),
    ]
    split = merged(sources)
    assert split.event is None
    assert "2 versi kegiatan" in split.decisions[0].text("id")
    assert all(f.outcome is Outcome.REFUSED for f in split.files)
    settled = merged([*sources, event_record()])
    assert settled.event == EVENT
    assert outcome(settled, "TEST25.paritrana-kegiatan") is Outcome.REFERENCE
    assert outcome(settled, "J1.paritrana-panel") is Outcome.USED
    refused = next(f for f in settled.files if f.judge_id == "J2")
    assert refused.outcome is Outcome.REFUSED
    assert "jadwalnya berbeda: wawancara W03 (Kabupaten Kutai Timur) tidak ada" in (
        refused.reason_text("id")
    )


def test_drafts_count_only_when_asked_and_only_when_complete() -> None:
    sources = [
        panel("J1", [card("W01", "J1", 5, final=False)]),
        panel("J2", [card("W01", "J2", 3, final=False, skip=["REG"])]),
    ]
    without = merged(sources)
    assert official(without, "W01") is None
    assert kinds(without).count(DecisionKind.DRAFT_LEFT_OUT) == 2
    counted = plan_with(without, MergeOptions(include_drafts=True))
    assert official(counted, "W01") == 5
    assert kinds(counted).count(DecisionKind.DRAFT_COUNTED) == 1
    left = next(d for d in counted.decisions if d.kind is DecisionKind.DRAFT_LEFT_OUT)
    assert "incomplete, so still not counted" in left.text("en")


def plan_with(result: MergePlan, options: MergeOptions) -> MergePlan:
    assert result.selection is not None
    return plan(result.selection, options)


def test_a_judge_without_a_file_and_what_a_judge_has_not_scored_are_listed() -> None:
    result = merged([panel("J1", [card("W01", "J1")])])
    no_file = [d.judge_id for d in result.decisions if d.kind is DecisionKind.NO_FILE]
    assert no_file == ["J2", "J3"]
    (missing,) = [d for d in result.decisions if d.kind is DecisionKind.NOT_SCORED]
    assert missing.judge_id == "J1"
    assert "has not scored 3 participants: Kabupaten Paser, Kabupaten Kutai Timur, PT Contoh" in (
        missing.text("en")
    )


def test_the_fingerprints_belong_to_one_selection_and_to_each_event() -> None:
    book = PrintBook()
    shorter = dataclasses.replace(EVENT, interviews=EVENT.interviews[:1])
    assert book(EVENT) == EventPrints.of(EVENT)
    assert book(shorter) == EventPrints.of(shorter) != book(EVENT)
    assert book(EVENT).rubric == book(shorter).rubric
