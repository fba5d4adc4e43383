"""The built-in demo: the event matches the brief; its panel files are valid and reproducible."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
import json
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from paritrana_desktop.cli import main
from paritrana_desktop.domain.errors import UserError, current_language, set_language
from paritrana_desktop.domain.event import Event, Level, Role, event_to_dict
from paritrana_desktop.domain.scorecard import Action, Scorecard, apply_change, new_scorecard
from paritrana_desktop.domain.scoring import weighted_total
from paritrana_desktop.domain.text import Text
from paritrana_desktop.resources import resource
from paritrana_desktop.storage.audit import AuditEntry, EntryKind
from paritrana_desktop.storage.event_file import EXTENSION as EVENT_EXTENSION
from paritrana_desktop.storage.event_file import read_event_file
from paritrana_desktop.storage.panel_file import EXTENSION as PANEL_EXTENSION
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.workflows import demo, demo_judges
from paritrana_desktop.workflows.codes import panel_code

SEVEN = [
    "Kabupaten Berau",
    "Kabupaten Paser",
    "Kabupaten Kutai Timur",
    "Kabupaten Penajam Paser Utara",
    "Kabupaten Kutai Kartanegara",
    "Kota Bontang",
    "Kota Samarinda",
]
WITA = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture(autouse=True)
def _keep_language() -> Iterator[None]:
    """``--lang en`` sets the message language for the process; put it back after each test."""
    before = current_language()
    yield
    set_language(before)


# --- the event ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def event() -> Event:
    return demo.demo_event()


def test_event_header_matches_the_brief(event: Event) -> None:
    assert event.name == "Paritrana Award Tingkat Provinsi Kalimantan Timur 2025 (DEMO)"
    assert event.level is Level.PROVINSI
    assert event.province == "Kalimantan Timur"
    assert event.award_year == 2025
    assert (event.period_start, event.period_end) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert event.venue == "Hotel Mercure Samarinda"
    assert (event.start_date, event.end_date) == (dt.date(2025, 7, 28), dt.date(2025, 7, 29))
    assert event.is_demo
    assert event.code == "KALTIM25-DEMO"


def test_event_json_is_the_canonical_dict_form(event: Event) -> None:
    stored = json.loads(resource("demo", "event.json").read_text(encoding="utf-8"))
    assert stored == event_to_dict(event)


def test_day_one_is_the_seven_regencies_and_cities_each_in_its_own_slot(event: Event) -> None:
    day1, _ = event.days()
    assert day1.weekday() == 0  # Monday 28 July 2025
    first = sorted((i for i in event.interviews if i.day == day1), key=lambda i: i.start)
    assert [i.participant for i in first] == SEVEN
    assert {i.category for i in first} == {"PEMKAB"}
    assert first[0].start >= dt.time(8, 0)
    for earlier, later in itertools.pairwise(first):
        assert earlier.end <= later.start, (earlier.id, later.id)
    assert all(45 <= i.minutes() <= 60 for i in first)
    assert [i.id for i in first] == [f"D1-{n:02d}" for n in range(1, 8)]


def test_day_two_has_large_and_medium_companies_and_umkm(event: Event) -> None:
    day2 = [i for i in event.interviews if i.day == event.end_date]
    assert Counter(i.category for i in day2) == {"PB": 3, "PM": 3, "UMKM": 3}
    for earlier, later in itertools.pairwise(day2):
        assert earlier.end <= later.start
    assert not set(SEVEN) & {i.participant for i in day2}


def test_rubrics_say_their_weights_are_examples_and_use_different_scales(event: Event) -> None:
    for category in event.categories:
        assert category.weights_are_examples
        assert sum(c.weight for c in category.criteria) == pytest.approx(100)
        for criterion in category.criteria:
            assert "contoh" in criterion.description and "bukan bobot resmi" in (
                criterion.description
            ), (category.code, criterion.code)
    gov = event.category("PEMKAB")
    assert (gov.scale.minimum, gov.scale.maximum, gov.scale.step) == (1, 5, 1)
    assert [lv.label for lv in gov.scale.levels][0::4] == ["Sangat kurang", "Sangat baik"]
    assert (event.category("PB").scale.maximum, event.category("PB").scale.step) == (100, 5)
    assert len({(c.scale.minimum, c.scale.maximum, c.scale.step) for c in event.categories}) >= 3
    names = " ".join(c.name.lower() for c in gov.criteria)
    for aspect in ("regulasi", "cakupan", "inovasi", "anggaran", "wawancara"):
        assert aspect in names
    waw = gov.criterion("WAW").description.lower()
    assert "kepala daerah" in waw


def test_panel_of_nine_with_one_chair_from_the_institutions_of_the_brief(event: Event) -> None:
    assert [j.id for j in event.judges] == [f"J{n:02d}" for n in range(1, 10)]
    chairs = [j for j in event.judges if j.role is Role.KETUA]
    assert len(chairs) == 1
    assert "Sekretariat Daerah Provinsi Kalimantan Timur" in chairs[0].institution
    institutions = " | ".join(j.institution for j in event.judges)
    for body in ("BPJS Ketenagakerjaan", "Dinas Tenaga Kerja dan Transmigrasi", "KSBSI", "Apindo"):
        assert body in institutions
    assert sum("Akademisi" in j.institution for j in event.judges) >= 2
    assert len({j.name for j in event.judges}) == 9


def test_demo_event_file_reads_back_the_same(event: Event, tmp_path: Path) -> None:
    path = demo.write_demo_event_file(tmp_path / f"demo{EVENT_EXTENSION}")
    assert read_event_file(path) == event


# --- the panel files ----------------------------------------------------------------------


def _contents(folder: Path) -> dict[str, Any]:
    """Everything a judge recorded, per file, down to the audit log's hashes."""

    def _unkeyed(entry: AuditEntry) -> dict[str, Any]:
        """The entry without what depends on the judge's signing key, new on every run."""
        payload = {k: v for k, v in entry.payload.items() if k != "public_key"}
        return {"seq": entry.seq, "at": entry.at, "kind": entry.kind, "payload": payload}

    out: dict[str, Any] = {}
    for path in sorted(folder.glob(f"*{PANEL_EXTENSION}")):
        with PanelFile.open(path, read_only=True) as panel:
            out[path.name] = {
                "panel_id": panel.panel_id,
                "judge": panel.judge.id,
                "created_at": panel.created_at,
                "cards": [card.to_dict() for card in panel.scorecards()],
                "log": [_unkeyed(e) for e in panel.audit_entries()],
            }
    return out


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    folder = tmp_path_factory.mktemp("demo") / "uit"  # not there yet: write_demo makes it
    return folder, demo.write_demo(folder, seed=demo.DEFAULT_SEED)


@pytest.fixture(scope="module")
def demo_cli(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, str, Path]:
    folder = tmp_path_factory.mktemp("democli")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["demo", str(folder)])
    return code, out.getvalue(), err.getvalue(), folder


def test_write_demo_writes_the_event_file_and_one_valid_panel_file_per_judge(
    event: Event, demo_dir: tuple[Path, list[Path]]
) -> None:
    folder, written = demo_dir
    assert written[0] == folder / f"KALTIM25-DEMO{EVENT_EXTENSION}"
    assert read_event_file(written[0]) == event
    assert [p.name for p in written[1:-1]] == [
        f"KALTIM25-DEMO_{j.id}{PANEL_EXTENSION}" for j in event.judges
    ]
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)
    for path, judge in zip(written[1:-1], event.judges, strict=True):
        with PanelFile.open(path, read_only=True) as panel:
            result = panel.verify()
            assert result.ok, result.problems
            # A panel file carries what the papers print too (the NIP, the heading).
            assert panel.judge == judge
            assert panel.event == event
            assert len(panel.scorecards()) >= len(event.interviews) - 1


def test_the_panel_has_drafts_one_conflict_an_unlock_and_disagrees(
    event: Event, demo_dir: tuple[Path, list[Path]]
) -> None:
    _, written = demo_dir
    drafts: list[Scorecard] = []
    conflicts: list[Scorecard] = []
    unlocks: list[AuditEntry] = []
    notes: list[str] = []
    totals: dict[str, set[float]] = {}
    for path in written[1:-1]:
        with PanelFile.open(path, read_only=True) as panel:
            for card in panel.scorecards():
                if not card.is_final:
                    drafts.append(card)
                if card.conflict:
                    conflicts.append(card)
                notes.extend(card.criterion_notes.values())
                total = weighted_total(event.category_of(card.interview_id), card)
                if total is not None and total.complete:
                    totals.setdefault(card.interview_id, set()).add(round(total.percent, 1))
            unlocks += [
                e
                for e in panel.audit_entries()
                if e.kind == EntryKind.CHANGE and e.payload["action"] == Action.UNLOCK.value
            ]
    assert len(drafts) >= 2
    assert any(card.missing_criteria(event.category_of(card.interview_id)) for card in drafts)
    assert len(conflicts) == 1
    (conflict,) = conflicts
    assert (
        conflict.judge_id == demo_judges.CONFLICT_JUDGE
        and "Apindo" in event.judge("J07").institution
    )
    assert conflict.conflict_reason.strip() and not conflict.ratings
    assert event.interview(conflict.interview_id).category == "PB"
    assert len(unlocks) >= 1 and all(e.payload["reason"].strip() for e in unlocks)
    # A judge's notes read like a judge's notes, and judges do not all give the same totals.
    assert len(notes) > 100 and all(n.strip() and len(n) < 120 for n in notes)
    assert any("Perbup" in n or "Perwali" in n for n in notes)
    assert sum(len(values) > 1 for values in totals.values()) >= len(totals) - 1


def test_times_walk_through_the_interview_days_in_wita(
    event: Event, demo_dir: tuple[Path, list[Path]]
) -> None:
    _, written = demo_dir
    for path in written[1:-1]:
        with PanelFile.open(path, read_only=True) as panel:
            moments = [dt.datetime.fromisoformat(e.at) for e in panel.audit_entries()]
            assert moments == sorted(moments)
            assert all(m.utcoffset() == dt.timedelta(0) for m in moments)  # stored in UTC
            local = [m.astimezone(WITA) for m in moments]
            assert local[0].date() == event.start_date and dt.time(7, 30) <= local[0].time()
            assert all(event.start_date <= m.date() <= event.end_date for m in local)
            assert all(dt.time(7, 30) <= m.time() <= dt.time(16, 45) for m in local)
            for card in panel.scorecards():
                interview = event.interview(card.interview_id)
                began = dt.datetime.fromisoformat(card.created_at).astimezone(WITA)
                start = dt.datetime.combine(interview.day, interview.start, tzinfo=WITA)
                end = dt.datetime.combine(interview.day, interview.end, tzinfo=WITA)
                assert start <= began <= end + dt.timedelta(minutes=5), card.interview_id


def test_the_command_line_writes_the_demo_and_prints_each_path(
    demo_cli: tuple[int, str, str, Path],
) -> None:
    code, out, err, folder = demo_cli
    assert code == 0, err
    printed = [Path(line) for line in out.splitlines()]
    assert len(printed) == 11  # the event file, nine panel files, the chair's register
    assert all(p.is_file() and p.parent == folder for p in printed)
    assert printed[0].suffix == EVENT_EXTENSION
    assert printed[-1] == demo.demo_register_path(folder)


def test_the_demo_writes_a_register_of_every_judges_key_and_confirmed_code(
    event: Event, demo_dir: tuple[Path, list[Path]]
) -> None:
    from paritrana_desktop.domain.trust import allowed_fingerprints
    from paritrana_desktop.workflows.register import register_view, show_register

    folder, written = demo_dir
    assert written[-1] == demo.demo_register_path(folder)
    view = register_view(written[-1])  # opening it verifies its chain and signatures
    assert view is not None
    for path, judge in zip(written[1:-1], event.judges, strict=True):
        with PanelFile.open(path, read_only=True) as panel:
            assert allowed_fingerprints(judge.id, view) == {panel.key_fingerprint}
            assert view.confirmed_codes(judge.id) == [panel_code(panel)]
    typed = {c.typed_by for c in view.codes}
    confirmed = {c.confirmed_by for c in view.codes}
    assert typed == {demo.DEMO_TYPIST} and confirmed == {demo.DEMO_CONFIRMER}
    assert len(show_register(written[-1])) == 2 * len(event.judges)


def test_the_demo_merged_with_its_register_has_every_key_checked(
    demo_cli: tuple[int, str, str, Path], tmp_path: Path
) -> None:
    _, _, _, folder = demo_cli
    register = demo.demo_register_path(folder)
    out, err = io.StringIO(), io.StringIO()
    output = tmp_path / "rekap.xlsx"
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["merge", str(folder), "--register", str(register), "-o", str(output)])
    assert code == 0, err.getvalue()
    report = out.getvalue()
    assert report.count("dicocokkan dengan register") == len(demo.demo_event().judges)
    assert "belum dicocokkan" not in report and "Tanpa register" not in report
    sources = load_workbook(output, read_only=True)["Berkas sumber"]
    rows = list(sources.iter_rows(values_only=True))
    column = rows[0].index("Diperiksa terhadap register")
    checks = [r[column] for r in rows[1:] if str(r[0]).endswith(PANEL_EXTENSION)]
    assert checks == ["ya"] * len(demo.demo_event().judges)


def test_same_seed_gives_the_same_scorecards_notes_statuses_and_times(
    demo_dir: tuple[Path, list[Path]], demo_cli: tuple[int, str, str, Path]
) -> None:
    # The command line's default seed is the module's default seed.
    first, second = _contents(demo_dir[0]), _contents(demo_cli[3])
    assert first and first == second
    # Panel ids come from the seed too: valid version-4 uuids, one per judge.
    ids = [uuid.UUID(c["panel_id"]) for c in first.values()]
    assert all(i.version == 4 for i in ids) and len(set(ids)) == 9


def test_a_different_seed_gives_different_scorecards(event: Event) -> None:
    def cards(seed: int) -> list[Any]:
        plan = demo_judges.plan_judges(event, seed)
        return [
            (j, s.at, s.interview_id, s.change) for j, steps in plan.steps.items() for s in steps
        ]

    assert cards(2025) == cards(2025)
    assert cards(2025) != cards(7)
    ratings = {
        seed: [s[3].value for s in cards(seed) if s[3].action is Action.RATE] for seed in (1, 2)
    }
    assert ratings[1] != ratings[2]


# --- refusing -----------------------------------------------------------------------------


def test_refuses_a_folder_that_already_holds_demo_files(tmp_path: Path) -> None:
    judge_file = tmp_path / f"KALTIM25-DEMO_J03{PANEL_EXTENSION}"
    judge_file.write_bytes(b"a judge's precious work")
    with pytest.raises(UserError, match="sudah berisi berkas demo"):
        demo.write_demo(tmp_path)
    assert judge_file.read_bytes() == b"a judge's precious work"
    assert sorted(p.name for p in tmp_path.iterdir()) == [judge_file.name]


def test_command_line_refusal_is_one_sentence_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / f"KALTIM25-DEMO{EVENT_EXTENSION}").write_bytes(b"")
    assert main(["demo", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "tidak akan ditimpa" in lines[0] and "Traceback" not in lines[0]
    assert main(["--lang", "en", "demo", str(tmp_path)]) == 1
    assert "never overwritten" in capsys.readouterr().err


def test_refuses_a_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("x")
    with pytest.raises(UserError, match="berkas, bukan folder"):
        demo.write_demo(blocker)
    with pytest.raises(UserError, match="tidak dapat dibuat"):
        demo.write_demo(blocker / "demo")


def test_a_failure_half_way_leaves_no_half_demo_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    real = demo._record

    def failing(panel: PanelFile, step: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 300:
            raise UserError(Text("Disk penuh.", "The disk is full."))
        real(panel, step)

    monkeypatch.setattr(demo, "_record", failing)
    with pytest.raises(UserError, match="Disk penuh"):
        demo.write_demo(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_demo_module_does_not_import_qt() -> None:
    code = (
        "import sys, paritrana_desktop.workflows.demo; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_many_seeds_give_plans_the_scorecard_rules_accept_in_time_order(event: Event) -> None:
    for seed in [*range(8), -1, 10**12]:
        plan = demo_judges.plan_judges(event, seed)
        for judge_id, steps in plan.steps.items():
            cards: dict[str, Scorecard] = {}
            moment = plan.created[judge_id]
            for step in steps:
                assert step.at >= moment, (seed, judge_id)
                moment = step.at
                card = cards.get(step.interview_id) or new_scorecard(step.interview_id, judge_id)
                cards[step.interview_id] = apply_change(event, card, step.change, str(step.at))
        conflicts = [c for steps in plan.steps.values() for c in steps if c.change.reason]
        assert sum(s.change.action is Action.DECLARE_CONFLICT for s in conflicts) == 1


def test_what_the_judges_type_is_data_under_resources() -> None:
    stored = json.loads(resource("demo", "phrases.json").read_text(encoding="utf-8"))
    phrases = demo_judges._phrases()
    assert set(stored["notes"]) == set(phrases.notes) == {"PEMKAB", "COMPANY", "UMKM"}
    low, mid, high = phrases.notes["PEMKAB"]["REG"]
    assert low and mid and high and list(low) == stored["notes"]["PEMKAB"]["REG"][0]
    assert phrases.terse_re.sub(lambda m: phrases.terse[m.group(1)], "sudah dengan") == "sdh dgn"
    assert sorted(phrases.unlock_reasons) == sorted(phrases.unlock_notes)


def test_broken_phrase_data_says_to_reinstall(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "phrases.json"
    broken.write_text('{"notes": {}}', encoding="utf-8")
    monkeypatch.setattr(demo_judges, "resource", lambda *parts: broken)
    demo_judges._phrases.cache_clear()
    try:
        with pytest.raises(UserError, match="pasang ulang program") as raised:
            demo_judges._phrases()
        assert str(broken) in raised.value.text("en")
    finally:
        demo_judges._phrases.cache_clear()


def test_the_demo_leaves_no_signing_key_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The made-up judges' keys sign their files and go: none in the user's key folder, none in
    the demo folder."""
    keys = tmp_path / "keys"
    monkeypatch.setenv("PARITRANA_KEY_DIR", str(keys))
    demo.write_demo(tmp_path / "demo")
    assert not keys.exists() or not any(keys.iterdir())
    assert not [p for p in (tmp_path / "demo").rglob("*") if p.suffix == ".ed25519"]
    assert not (tmp_path / "demo" / ".demo-keys").exists()
