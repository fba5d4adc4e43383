"""The chair's merge: every check, every decision, the refusals, the command line.

Every file here is made by the test itself with the real PanelFile API, then damaged, copied or
edited the way things go wrong in a hotel room.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from paritrana_desktop import cli
from paritrana_desktop.domain.errors import UserError, set_language
from paritrana_desktop.domain.event import Criterion, Interview, Judge, Scale
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.workflows.merge import (
    DecisionKind,
    FileFinding,
    MergeCancelled,
    MergeOptions,
    MergePlan,
    MergeRefused,
    Outcome,
    find_panel_files,
    inspect_inputs,
    plan_with_options,
    report_lines,
    write_merge,
)
from tests.factories import small_event
from tests.unit.merge_helpers import (
    as_records,
    copy_file,
    fixed_clock,
    make_panel,
    score,
    three_judges,
    workbook_cells,
)
from tests.unit.storage_helpers import steady_clock, tamper


@pytest.fixture
def day(tmp_path: Path) -> Path:
    folder = tmp_path / "hari1"
    three_judges(folder)
    return folder


def finding(plan: MergePlan, name: str) -> FileFinding:
    return next(f for f in plan.files if f.name == name)


def reasons(plan: MergePlan, name: str) -> str:
    f = finding(plan, name)
    return " ".join(r.id + " | " + r.en for r in f.reasons)


def kinds(plan: MergePlan) -> list[DecisionKind]:
    return [d.kind for d in plan.decisions]


# --- finding the files -------------------------------------------------------------------


def test_folders_are_searched_recursively_and_named_files_taken_as_they_are(
    tmp_path: Path, day: Path
) -> None:
    nested = tmp_path / "usb" / "panelis 4"
    copy_file(day / "J1.paritrana-panel", nested, "salinan.paritrana-panel")
    (tmp_path / "usb" / "catatan.txt").write_text("bukan berkas panel")
    odd = copy_file(day / "J2.paritrana-panel", tmp_path, "J2 dari email.bin")
    found = find_panel_files([tmp_path / "usb", odd])
    assert found == [nested / "salinan.paritrana-panel", odd]


def test_a_missing_path_and_a_folder_without_panel_files_are_user_errors(tmp_path: Path) -> None:
    (tmp_path / "kosong").mkdir()
    (tmp_path / "lain").mkdir()
    (tmp_path / "lain" / "rekap.xlsx").write_bytes(b"x")
    with pytest.raises(UserError, match="tidak berisi berkas panel"):
        find_panel_files([tmp_path / "kosong"])
    with pytest.raises(UserError, match="tidak berisi berkas panel"):
        inspect_inputs([tmp_path / "lain"])
    with pytest.raises(UserError, match="tidak ditemukan"):
        find_panel_files([tmp_path / "tidak-ada.paritrana-panel"])


# --- a sound day ---------------------------------------------------------------------------


def test_a_sound_day_is_used_whole_and_every_decision_is_listed(day: Path) -> None:
    plan = inspect_inputs([day])
    assert [f.outcome for f in plan.files] == [Outcome.USED] * 3
    assert plan.can_write()
    assert kinds(plan) == [
        DecisionKind.REFERENCE,
        DecisionKind.RECUSED,
        DecisionKind.DRAFT_LEFT_OUT,
        DecisionKind.NOT_SCORED,
    ]
    j2 = finding(plan, "J2.paritrana-panel")
    assert (j2.final, j2.drafts, j2.conflicts, j2.judge_id) == (3, 1, 0, "J2")
    j3 = finding(plan, "J3.paritrana-panel")
    assert (j3.final, j3.drafts, j3.conflicts) == (2, 0, 1)
    assert j3.format_version == 2 and j3.sha256 and len(j3.sha256) == 64


def test_the_official_score_counts_final_scorecards_without_a_conflict(day: Path) -> None:
    plan = inspect_inputs([day])
    figures = {f.interview.id: f for r in plan.results for f in r.participants}
    # W01: J1 4/5/3 -> (30*4 + 40*5 + 30*3)/100 = 4.1; J2 4; J3 5.
    assert figures["W01"].official == pytest.approx((4.1 + 4 + 5) / 3)
    assert figures["W01"].n == 3
    # W02: J3 declared a conflict; J2 2/3/4 -> 3.0; J1 3.
    assert figures["W02"].official == pytest.approx(3.0)
    assert (figures["W02"].n, figures["W02"].n_conflict) == (2, 1)
    # W03: J2's draft is left out.
    assert figures["W03"].n == 2 and figures["W03"].n_draft == 1
    assert figures["W90"].n_missing == 1


def test_drafts_count_only_when_the_chair_asks_and_are_always_listed(day: Path) -> None:
    plan = inspect_inputs([day])
    with_drafts = plan_with_options(plan, MergeOptions(include_drafts=True))
    w03 = {f.interview.id: f for r in with_drafts.results for f in r.participants}["W03"]
    assert w03.n == 3 and w03.n_draft == 1
    assert DecisionKind.DRAFT_COUNTED in kinds(with_drafts)
    assert DecisionKind.DRAFT_LEFT_OUT in kinds(plan)
    same = inspect_inputs([day], MergeOptions(include_drafts=True))
    assert [d.text("id") for d in same.decisions] == [d.text("id") for d in with_drafts.decisions]


def test_an_incomplete_draft_is_never_counted(tmp_path: Path) -> None:
    event = small_event()
    path = make_panel(tmp_path, event, "J1", {"W01": 4})
    with PanelFile.open(path) as panel:
        panel.rate("W02", "REG", 5)  # a draft with one of three criteria
    plan = inspect_inputs([path], MergeOptions(include_drafts=True))
    w02 = {f.interview.id: f for r in plan.results for f in r.participants}["W02"]
    assert w02.n == 0 and w02.official is None and w02.rank is None
    texts = [d.text("en") for d in plan.decisions if d.kind is DecisionKind.DRAFT_LEFT_OUT]
    assert texts == [
        "Ketua Uji's scorecard for Kabupaten Paser is still a draft; incomplete, so "
        "still not counted."
    ]


def test_a_judge_without_any_file_is_listed_and_shown_missing(day: Path, tmp_path: Path) -> None:
    only_two = tmp_path / "dua"
    for name in ("J1", "J2"):
        copy_file(day / f"{name}.paritrana-panel", only_two)
    plan = inspect_inputs([only_two])
    assert DecisionKind.NO_FILE in kinds(plan)
    w01 = {f.interview.id: f for r in plan.results for f in r.participants}["W01"]
    assert w01.score_of("J3").status.value == "belum dinilai"
    assert w01.n_missing == 1


def test_a_copy_taken_while_the_judge_had_the_file_open_is_read_with_its_wal(
    tmp_path: Path,
) -> None:
    live = tmp_path / "laptop"
    live.mkdir()
    panel = PanelFile.create(live / "J1.paritrana-panel", small_event(), "J1")
    try:
        for code in ("REG", "COV", "WAW"):
            panel.rate("W01", code, 4)
        panel.finalise("W01")
        usb = tmp_path / "usb"
        usb.mkdir()
        for name in ("J1.paritrana-panel", "J1.paritrana-panel-wal"):
            shutil.copyfile(live / name, usb / name)
        plan = inspect_inputs([usb])
    finally:
        panel.close()
    f = finding(plan, "J1.paritrana-panel")
    assert f.outcome is Outcome.USED and f.final == 1
    assert "-wal" in reasons(plan, "J1.paritrana-panel")


# --- duplicates and revisions ------------------------------------------------------------


def test_the_same_file_twice_and_byte_identical_copies_count_once(
    day: Path, tmp_path: Path
) -> None:
    copy = copy_file(
        day / "J1.paritrana-panel", tmp_path / "flashdisk", "J1 (salinan).paritrana-panel"
    )
    plan = inspect_inputs([day, day / "J1.paritrana-panel", copy])
    alone = inspect_inputs([day])
    # The first by path is the one used, whichever order they were given in.
    assert finding(plan, copy.name).outcome is Outcome.USED
    original = next(f for f in plan.files if f.path == day / "J1.paritrana-panel")
    assert original.outcome is Outcome.DUPLICATE
    assert "byte" in original.reasons[0].id and str(copy) in original.reasons[0].id
    assert [d.kind for d in plan.decisions].count(DecisionKind.DUPLICATE) == 1
    assert sum("2 kali" in notice.id for notice in plan.notices) == 1
    assert [f.official for r in plan.results for f in r.participants] == [
        f.official for r in alone.results for f in r.participants
    ]
    assert plan.can_write()


def test_the_highest_revision_wins_and_the_older_export_is_listed(tmp_path: Path) -> None:
    event = small_event()
    live = tmp_path / "laptop"
    live.mkdir()
    path = make_panel(live, event, "J2", {"W01": 3}, drafts=("W01",))
    noon = copy_file(path, tmp_path / "usb", "J2 siang.paritrana-panel")
    with PanelFile.open(path, clock=steady_clock(dt.datetime(2025, 7, 28, 12, tzinfo=dt.UTC))) as p:
        p.rate("W01", "COV", 5)
        p.finalise("W01")
        p.rate("W02", "REG", 4)
    evening = copy_file(path, tmp_path / "usb", "J2 malam.paritrana-panel")
    plan = inspect_inputs([tmp_path / "usb"])
    assert finding(plan, noon.name).outcome is Outcome.SUPERSEDED
    assert finding(plan, evening.name).outcome is Outcome.USED
    superseded = [d for d in plan.decisions if d.kind is DecisionKind.SUPERSEDED]
    assert len(superseded) == 1 and superseded[0].path == noon
    assert "revisi 5" in superseded[0].text("id") and "revisi 3" in superseded[0].text("id")
    w01 = {f.interview.id: f for r in plan.results for f in r.participants}["W01"]
    assert w01.score_of("J2").status.value == "final"
    assert w01.official == pytest.approx((30 * 3 + 40 * 5 + 30 * 3) / 100)
    assert plan.can_write()


def test_a_newer_revision_of_another_kind_names_the_status_of_each_version(
    tmp_path: Path,
) -> None:
    event = small_event()
    live = tmp_path / "laptop"
    path = make_panel(live, event, "J3", {}, conflicts={"W01": "Pernah menjadi konsultan"})
    morning = copy_file(path, tmp_path / "usb", "J3 pagi.paritrana-panel")
    with PanelFile.open(path, clock=steady_clock(dt.datetime(2025, 7, 28, 12, tzinfo=dt.UTC))) as p:
        p.unlock("W01", "salah pilih peserta")
        p.withdraw_conflict("W01", "bukan peserta yang dimaksud")
        score(p, "W01", 4)
    evening = copy_file(path, tmp_path / "usb", "J3 malam.paritrana-panel")
    plan = inspect_inputs([tmp_path / "usb"])
    superseded = [d for d in plan.decisions if d.kind is DecisionKind.SUPERSEDED]
    assert len(superseded) == 1 and superseded[0].path == morning
    text_id, text_en = superseded[0].text("id"), superseded[0].text("en")
    assert "(final) dari J3 malam.paritrana-panel dipakai" in text_id
    assert "(konflik kepentingan) dari J3 pagi.paritrana-panel tidak dipakai" in text_id
    assert f"(final) from {evening.name} used" in text_en
    assert f"(conflict of interest) from {morning.name} not used" in text_en
    w01 = {f.interview.id: f for r in plan.results for f in r.participants}["W01"]
    assert w01.score_of("J3").status.value == "final"
    out = write_merge(plan, tmp_path / "rekap.xlsx").output
    sheet = as_records(workbook_cells(out)["Keputusan"])
    assert text_id in [r["Keterangan"] for r in sheet]


def test_two_versions_at_the_same_revision_are_a_conflict_never_resolved(tmp_path: Path) -> None:
    event = small_event()
    first = make_panel(tmp_path / "a", event, "J1", {"W01": 3}, drafts=("W01",))
    second = copy_file(first, tmp_path / "b", "J1 laptop kedua.paritrana-panel")
    with PanelFile.open(first) as p:
        p.rate("W02", "REG", 2)
    with PanelFile.open(second) as p:
        p.rate("W02", "REG", 5)
    others = make_panel(tmp_path / "c", event, "J2", {"W01": 4})
    plan = inspect_inputs([first, second, others], MergeOptions(skip_invalid=True))
    assert finding(plan, first.name).outcome is Outcome.CONFLICT
    assert finding(plan, second.name).version_conflicts == 1
    conflicts = [d for d in plan.decisions if d.kind is DecisionKind.VERSION_CONFLICT]
    assert len(conflicts) == 1 and "Tidak dipilih" in conflicts[0].text("id")
    assert not plan.can_write(MergeOptions(skip_invalid=True))
    out = tmp_path / "rekap.xlsx"
    with pytest.raises(MergeRefused, match="dua versi"):
        write_merge(plan, out, MergeOptions(skip_invalid=True))
    assert not out.exists()
    # Dropping one of the two files settles it.
    assert inspect_inputs([first, others]).can_write()


# --- refusals ------------------------------------------------------------------------------


def refused_for(tmp_path: Path, day: Path, bad: Path, *words: str) -> None:
    plan = inspect_inputs([day, bad])
    f = finding(plan, bad.name)
    assert f.outcome is Outcome.REFUSED, f
    text = reasons(plan, bad.name)
    for word in words:
        assert word in text, text
    assert not plan.can_write()
    assert [d.kind for d in plan.decisions].count(DecisionKind.REFUSED) == 1
    # The three sound files are still used, and the refusal blocks the workbook ...
    assert sum(1 for x in plan.files if x.outcome is Outcome.USED) == 3
    out = tmp_path / "rekap.xlsx"
    with pytest.raises(MergeRefused):
        write_merge(plan, out)
    assert not out.exists()
    # ... unless the chair goes on without it; then it is listed in the workbook.
    report = write_merge(plan, out, MergeOptions(skip_invalid=True), clock=fixed_clock)
    cells = workbook_cells(report.output)
    rows = as_records(cells["Berkas sumber"])
    row = next(r for r in rows if r["Berkas"] == bad.name)
    assert row["Hasil"] == "ditolak" and words[0] in str(row["Alasan"])
    assert any(r[1] == "berkas dilewati" for r in cells["Keputusan"][1:])


def test_random_bytes_are_refused(tmp_path: Path, day: Path) -> None:
    bad = tmp_path / "acak.paritrana-panel"
    bad.write_bytes(os.urandom(5000))
    refused_for(
        tmp_path,
        day,
        bad,
        "bukan berkas yang dibuat Paritrana Desktop",
        "not a file made by Paritrana Desktop",
    )


def test_an_empty_file_is_refused(tmp_path: Path, day: Path) -> None:
    bad = tmp_path / "kosong.paritrana-panel"
    bad.write_bytes(b"")
    refused_for(tmp_path, day, bad, "kosong (0 byte)")


def test_a_truncated_copy_is_refused_as_damaged(tmp_path: Path, day: Path) -> None:
    data = (day / "J1.paritrana-panel").read_bytes()
    bad = tmp_path / "J1 terpotong.paritrana-panel"
    bad.write_bytes(data[: len(data) // 2])
    refused_for(tmp_path, day, bad, "rusak")


def test_another_programs_database_is_refused(tmp_path: Path, day: Path) -> None:
    bad = tmp_path / "kontak.paritrana-panel"
    conn = sqlite3.connect(bad)
    conn.execute("CREATE TABLE kontak (nama TEXT)")
    conn.execute("INSERT INTO kontak VALUES ('Budi')")
    conn.commit()
    conn.close()
    refused_for(tmp_path, day, bad, "program lain", "another program")


def test_a_newer_format_is_refused(tmp_path: Path, day: Path) -> None:
    bad = copy_file(day / "J1.paritrana-panel", tmp_path, "J1 baru.paritrana-panel")
    conn = sqlite3.connect(bad)
    conn.execute("PRAGMA user_version=99")
    conn.commit()
    conn.close()
    refused_for(tmp_path, day, bad, "lebih baru", "newer")


def test_a_file_of_another_event_is_refused_naming_it(tmp_path: Path, day: Path) -> None:
    other = small_event("LAIN24")
    bad = make_panel(tmp_path / "lain", other, "J1", {"W01": 4}, name="J1 lain.paritrana-panel")
    refused_for(tmp_path, day, bad, "kegiatan lain", "LAIN24", "TEST25")


def test_the_same_event_with_another_rubric_is_refused_naming_the_difference(
    tmp_path: Path, day: Path
) -> None:
    event = small_event()
    gov = event.categories[0]
    changed = dataclasses.replace(
        gov,
        criteria=(
            Criterion("REG", "Regulasi", "Perda dan Perkada", 40),
            Criterion("COV", "Cakupan kepesertaan", "Pekerja terdaftar", 30),
            Criterion("WAW", "Wawancara", "Presentasi", 30),
        ),
    )
    other = dataclasses.replace(event, categories=(changed, event.categories[1]))
    bad = make_panel(tmp_path / "x", other, "J1", {"W01": 4}, name="J1 rubrik.paritrana-panel")
    refused_for(tmp_path, day, bad, "rubriknya berbeda", "bobot PEMKAB/REG: 40, bukan 30")


def test_a_rubric_difference_and_the_ranking_write_decimals_as_each_language_does(
    tmp_path: Path, day: Path
) -> None:
    event = small_event()
    halves = dataclasses.replace(event.categories[0], scale=Scale(1, 5, 0.5))
    other = dataclasses.replace(event, categories=(halves, event.categories[1]))
    bad = make_panel(tmp_path / "x", other, "J1", {"W01": 4}, name="J1 skala.paritrana-panel")
    plan = inspect_inputs([day, bad])
    text = reasons(plan, bad.name)
    assert "skala PEMKAB: 1-5 (langkah 0,5), bukan 1-5 (langkah 1)" in text, text
    assert "the scale of PEMKAB: 1-5 (step 0.5), not 1-5 (step 1)" in text, text
    # W01: (4.1 + 4 + 5) / 3
    assert "Kabupaten Berau: 4,367 (n=3)" in "\n".join(report_lines(plan, language="id"))
    assert "Kabupaten Berau: 4.367 (n=3)" in "\n".join(report_lines(plan, language="en"))


def test_the_same_event_with_another_schedule_is_refused_naming_the_difference(
    tmp_path: Path, day: Path
) -> None:
    event = small_event()
    moved = [
        dataclasses.replace(i, room="Ruang Kutai") if i.id == "W02" else i for i in event.interviews
    ]
    extra = Interview(
        "W91", dt.date(2025, 7, 29), dt.time(10), dt.time(10, 30), "B", "PT Baru", "PB"
    )
    other = dataclasses.replace(event, interviews=(*moved, extra))
    bad = make_panel(tmp_path / "x", other, "J2", {"W01": 4}, name="J2 jadwal.paritrana-panel")
    refused_for(tmp_path, day, bad, "jadwalnya berbeda", "W91", "W02: ruang")


def test_an_edited_row_is_refused(tmp_path: Path, day: Path) -> None:
    bad = copy_file(day / "J2.paritrana-panel", tmp_path, "J2 diedit.paritrana-panel")
    assert tamper(bad, "UPDATE criterion_scores SET rating = 5 WHERE interview_id = 'W01'") == 3
    refused_for(tmp_path, day, bad, "diubah di luar program", "edited outside the program")


def test_a_broken_audit_chain_is_refused(tmp_path: Path, day: Path) -> None:
    bad = copy_file(day / "J3.paritrana-panel", tmp_path, "J3 log.paritrana-panel")
    tamper(bad, "UPDATE audit_log SET at = '2025-07-28T00:00:00+00:00' WHERE seq = 3")
    refused_for(tmp_path, day, bad, "log audit", "changed outside the program")


def test_a_scorecard_for_an_interview_not_in_the_schedule_is_refused(
    tmp_path: Path, day: Path
) -> None:
    bad = copy_file(day / "J3.paritrana-panel", tmp_path, "J3 tambahan.paritrana-panel")
    tamper(
        bad,
        "INSERT INTO scorecards VALUES ('W77', 'J3', 'final', 0, '', '', '', 1, 'x', 'x', 'x')",
    )
    refused_for(tmp_path, day, bad, "W77")


def test_a_judge_not_in_the_roster_is_refused(tmp_path: Path, day: Path) -> None:
    event = small_event()
    # Same rubric and schedule (same fingerprint), but the file's roster has a fourth judge.
    wider = dataclasses.replace(event, judges=(*event.judges, Judge("J4", "Tamu", "Entah")))
    bad = make_panel(tmp_path / "x", wider, "J4", {"W01": 5})
    refused_for(tmp_path, day, bad, "tidak ada dalam daftar panel", "J4")


def test_files_split_evenly_between_two_events_refuse_to_guess(tmp_path: Path) -> None:
    a = make_panel(tmp_path, small_event("AAA25"), "J1", {"W01": 4})
    b = make_panel(tmp_path, small_event("BBB25"), "J2", {"W01": 4})
    plan = inspect_inputs([a, b], MergeOptions(skip_invalid=True))
    assert plan.event is None
    assert all(f.outcome is Outcome.REFUSED for f in plan.files)
    assert "berkas kegiatan" in reasons(plan, a.name)
    assert not plan.can_write(MergeOptions(skip_invalid=True))


def test_an_event_file_given_as_reference_settles_a_split(tmp_path: Path) -> None:
    from paritrana_desktop.storage.event_file import write_event_file

    event_file = write_event_file(tmp_path / "acara.paritrana-kegiatan", small_event("BBB25"))
    a = make_panel(tmp_path, small_event("AAA25"), "J1", {"W01": 4})
    b = make_panel(tmp_path, small_event("BBB25"), "J2", {"W01": 4})
    plan = inspect_inputs([a, b, event_file], MergeOptions(skip_invalid=True))
    assert plan.event is not None and plan.event.code == "BBB25"
    assert finding(plan, event_file.name).outcome is Outcome.REFERENCE
    assert finding(plan, a.name).outcome is Outcome.REFUSED
    assert finding(plan, b.name).outcome is Outcome.USED
    assert plan.can_write(MergeOptions(skip_invalid=True))


# --- writing ---------------------------------------------------------------------------------


def test_write_renames_only_a_complete_checked_workbook(day: Path, tmp_path: Path) -> None:
    out = tmp_path / "keluar" / "rekap"
    out.parent.mkdir()
    report = write_merge(inspect_inputs([day]), out, clock=fixed_clock)
    assert report.output == out.with_name("rekap.xlsx")
    assert sorted(p.name for p in out.parent.iterdir()) == ["rekap.xlsx"]
    assert report.participants == 4 and report.judges == 3
    assert report.scorecards_used == 9
    assert report.detail_rows == 11 + 11 + 9  # every used scorecard x its criteria
    assert any("rekap.xlsx" in line for line in report.lines)


def test_a_failed_write_leaves_the_previous_workbook_untouched(
    day: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "rekap.xlsx"
    out.write_bytes(b"workbook kemarin")
    import paritrana_desktop.excel.rekap as rekap

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rekap, "check_rekap", broken)
    with pytest.raises(UserError, match="Disk penuh"):
        write_merge(inspect_inputs([day]), out)
    assert out.read_bytes() == b"workbook kemarin"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hari1", "rekap.xlsx"]


def test_cancelling_leaves_nothing_behind(day: Path, tmp_path: Path) -> None:
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    temporary = list(ALL_TEMP_FILES)
    out = tmp_path / "rekap.xlsx"
    out.write_bytes(b"workbook kemarin")
    calls: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, what: str) -> None:
        calls.append((done, total, what))

    with pytest.raises(MergeCancelled):
        inspect_inputs([day], progress=progress, cancelled=lambda: len(calls) >= 2)
    plan = inspect_inputs([day])
    with pytest.raises(MergeCancelled):
        write_merge(plan, out, progress=progress, cancelled=lambda: len(calls) >= 4)
    assert out.read_bytes() == b"workbook kemarin"
    assert temporary == ALL_TEMP_FILES  # openpyxl's half-written sheets are gone too
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hari1", "rekap.xlsx"]


def test_progress_is_reported_from_start_to_end(day: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    plan = inspect_inputs([day], progress=lambda d, t, w: seen.append((d, t, w)))
    assert seen[0][:2] == (0, 3) and seen[-1][:2] == (3, 3)
    seen.clear()
    write_merge(plan, tmp_path / "r.xlsx", progress=lambda d, t, w: seen.append((d, t, w)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert all(0 <= d <= t for d, t, _ in seen)
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)


def test_a_folder_without_write_permission_is_a_user_error(
    day: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import paritrana_desktop.excel.rekap as rekap

    def denied(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(rekap, "write_rekap", denied)
    with pytest.raises(UserError, match="izin menulis"):
        write_merge(inspect_inputs([day]), tmp_path / "rekap.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hari1"]


def test_an_output_in_a_missing_folder_is_a_user_error(day: Path, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="tidak ada"):
        write_merge(inspect_inputs([day]), tmp_path / "tidak" / "ada" / "rekap.xlsx")


# --- the command line ------------------------------------------------------------------------


def test_cli_writes_and_exits_0(
    day: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rekap.xlsx"
    assert cli.main(["merge", str(day), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert out.exists()
    assert "Ditulis:" in captured.out and "draf tidak dihitung" in captured.out
    assert captured.err == ""


def test_cli_refuses_to_overwrite_a_workbook_unless_replace(
    day: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rekap.xlsx"
    out.write_bytes(b"workbook kemarin")
    for name in (out, tmp_path / "rekap"):  # the .xlsx the command adds counts too
        assert cli.main(["merge", str(day), "-o", str(name)]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err == (
            f"paritrana: {out} sudah ada; workbook itu dibiarkan utuh, tidak ada yang ditimpa. "
            "Pilih nama lain, atau tambahkan --replace untuk menggantinya.\n"
        )
        assert out.read_bytes() == b"workbook kemarin"
    try:
        assert cli.main(["--lang", "en", "merge", str(day), "-o", str(out)]) == 1
        assert "add --replace to replace it" in capsys.readouterr().err
    finally:
        set_language("id")
    assert cli.main(["merge", str(day), "-o", str(out), "--replace"]) == 0
    assert "Ditulis:" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"PK")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hari1", "rekap.xlsx"]
    with pytest.raises(SystemExit):
        cli.main(["merge", "--help"])
    assert "--replace" in capsys.readouterr().out


def test_cli_report_ranks_with_the_workbooks_three_decimals_in_the_language(
    day: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    assert cli.main(["merge", str(day), "-o", str(tmp_path / "a.xlsx")]) == 0
    ranking = capsys.readouterr().out.split("Peringkat:")[1]
    scores = re.findall(r"^ +\d+\. .+: (\S+) \(n=\d+\)$", ranking, re.MULTILINE)
    assert scores and all(re.fullmatch(r"\d+,\d{3}", s) for s in scores)  # "0.000" in Excel
    try:
        assert cli.main(["--lang", "en", "merge", str(day), "-o", str(tmp_path / "b.xlsx")]) == 0
    finally:
        set_language("id")
    ranking = capsys.readouterr().out.split("Ranking:")[1]
    scores = re.findall(r"^ +\d+\. .+: (\S+) \(n=\d+\)$", ranking, re.MULTILINE)
    assert scores and all(re.fullmatch(r"\d+\.\d{3}", s) for s in scores)


def test_cli_refuses_with_reasons_on_stderr_and_exits_1(
    day: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "acak.paritrana-panel"
    bad.write_bytes(b"\x00" * 300)
    out = tmp_path / "rekap.xlsx"
    assert cli.main(["merge", str(day), str(bad), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert not out.exists()
    assert "acak.paritrana-panel" in captured.err and "--skip-invalid" in captured.err
    assert "Tidak ditulis:" in captured.out and "Traceback" not in captured.err
    assert cli.main(["merge", str(day), str(bad), "-o", str(out), "--skip-invalid"]) == 0
    assert out.exists()


def test_cli_speaks_english_when_asked(
    day: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        assert cli.main(["--lang", "en", "merge", str(tmp_path / "nope"), "-o", "r.xlsx"]) == 1
        assert "was not found" in capsys.readouterr().err
        assert cli.main(["--lang", "en", "merge", str(day), "-o", str(tmp_path / "r.xlsx")]) == 0
        assert "Written:" in capsys.readouterr().out
    finally:
        set_language("id")


def test_cli_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["merge", "-o", "r.xlsx"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        cli.main(["merge", "folder", "--use"])
    assert exc.value.code == 2
    capsys.readouterr()


def test_the_merge_never_writes_beside_the_originals(day: Path, tmp_path: Path) -> None:
    before = sorted((p.name, p.stat().st_mtime_ns) for p in day.iterdir())
    write_merge(inspect_inputs([day]), tmp_path / "rekap.xlsx")
    assert sorted((p.name, p.stat().st_mtime_ns) for p in day.iterdir()) == before
    shutil.rmtree(day)  # nothing holds the files open
