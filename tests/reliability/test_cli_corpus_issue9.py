"""The corpus's rows for the faults the trial of issue 9 found, each in a process of its own.

Scale bounds, symlink loops, ``-o ''``, names over 255 bytes, FIFOs, control characters and
Excel's escapes in a participant's name (section 2), ``verify`` leaving the folder as it found it
and a live copy without its ``-wal`` (section 1). Every row runs in a process of its own
(``run_in_child``: 30 s, 2 GB), since before its fix a FIFO hangs and a huge scale takes
gigabytes. The same checks as the rest of the corpus: exit status, no traceback, one sentence,
nothing left behind, every earlier file byte-identical.

Before the fixes every row here failed as the issue describes (7 tracebacks, 2 hangs, 2 runaways,
2 leftovers, 3 silent results); each now gets its one sentence.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from paritrana_desktop.domain.errors import set_language
from paritrana_desktop.storage.event_file import read_event_file
from paritrana_desktop.storage.panel_file import PanelFile
from tests.reliability.corpus import (
    EVENT,
    PANEL,
    TEMPLATE,
    Case,
    Setup,
    build_seed,
    case,
    copy_of,
    in_child,
    judge,
    run_in_child,
    snapshot,
    symlink,
    truncated,
)

NEW = "baru.paritrana-kegiatan"
REKAP = "REKAP.xlsx"
LONG = "R" * 300


@pytest.fixture(scope="session")
def fault_seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    set_language("id")
    return build_seed(tmp_path_factory.mktemp("fault-seed"))


@pytest.fixture
def world(fault_seed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    folder = tmp_path / "w"
    shutil.copytree(fault_seed, folder, symlinks=True)
    yield folder
    set_language("id")


def edited_template(name: str, sheet: str, cells: dict[str, object]) -> Setup:
    def setup(world: Path) -> None:
        wb = load_workbook(world / TEMPLATE)
        for ref, value in cells.items():
            wb[sheet][ref] = value
        wb.save(world / name)

    return setup


def fifo(name: str) -> Setup:
    def setup(world: Path) -> None:
        (world / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(world / name)

    return setup


def loop(folder: str) -> Setup:
    def setup(world: Path) -> None:
        (world / folder).mkdir()
        symlink(f"{folder}/a.paritrana-panel", "b.paritrana-panel")(world)
        symlink(f"{folder}/b.paritrana-panel", "a.paritrana-panel")(world)

    return setup


def live_copy_without_wal(name: str) -> Setup:
    """The main file of a panel file copied by hand while the program had it open."""

    def setup(world: Path) -> None:
        live = world / "laptop" / "J01.paritrana-panel"
        copy_of(PANEL, str(live.relative_to(world)))(world)
        panel = PanelFile.open(live)
        card = panel.scorecards()[0]
        if card.is_final:
            panel.unlock(card.interview_id, "salinan uji")
        panel.set_general_note(card.interview_id, "perubahan terakhir sebelum disalin")
        shutil.copyfile(live, world / name)  # the -wal stays behind
        panel.close()
        shutil.rmtree(world / "laptop")

    return setup


SCALE = "Kategori"
PENDING = [
    # 2.1: a scale's bounds and levels
    case(
        "scale-1e300",
        "event",
        "new",
        "{w}/skala.xlsx",
        "-o",
        f"{{w}}/{NEW}",
        setup=edited_template(
            "skala.xlsx", SCALE, {"C3": 0, "D3": 1e300, "E3": 1e-300, "F3": None}
        ),
    ),
    case(
        "scale-a-billion-levels",
        "event",
        "new",
        "{w}/skala.xlsx",
        "-o",
        f"{{w}}/{NEW}",
        setup=edited_template(
            "skala.xlsx", SCALE, {"C3": 0, "D3": 1_000_000_000, "E3": 1, "F3": None}
        ),
    ),
    case(
        "scale-step-1e-9",
        "event",
        "new",
        "{w}/skala.xlsx",
        "-o",
        f"{{w}}/{NEW}",
        setup=edited_template("skala.xlsx", SCALE, {"C3": 0, "D3": 1, "E3": 1e-9, "F3": None}),
    ),
    # 2.2: symlink loops
    case(
        "verify-symlink-loop",
        "verify",
        "{w}/putar/a.paritrana-panel",
        setup=loop("putar"),
        says=("a.paritrana-panel",),
    ),
    case(
        "merge-symlink-loop",
        "merge",
        "{w}/putar",
        "-o",
        f"{{w}}/{REKAP}",
        setup=loop("putar"),
        says=("a.paritrana-panel", "b.paritrana-panel"),
    ),
    # 2.3 and 2.4: output names
    case("merge-empty-output", "merge", "{w}/demo", "-o", "", code=(1, 2)),
    case(
        "event-new-name-over-255-bytes",
        "event",
        "new",
        f"{{w}}/{TEMPLATE}",
        "-o",
        f"{{w}}/{LONG}.paritrana-kegiatan",
    ),
    case("merge-name-over-255-bytes", "merge", "{w}/demo", "-o", f"{{w}}/{LONG}.xlsx"),
    # 2.5: FIFOs
    case(
        "event-new-fifo",
        "event",
        "new",
        "{w}/p.xlsx",
        "-o",
        f"{{w}}/{NEW}",
        setup=fifo("p.xlsx"),
        says=("p.xlsx",),
    ),
    case(
        "verify-fifo",
        "verify",
        "{w}/p.paritrana-panel",
        setup=fifo("p.paritrana-panel"),
        says=("p.paritrana-panel",),
    ),
    case(
        "merge-fifo-in-the-folder",
        "merge",
        "{w}/demo",
        "-o",
        f"{{w}}/{REKAP}",
        "--skip-invalid",
        setup=fifo("demo/KALTIM25-DEMO_J10.paritrana-panel"),
        code=0,
        says=("KALTIM25-DEMO_J10.paritrana-panel",),
        creates=(REKAP,),
    ),
    # 1: checking never writes beside the file; a hand copy without its -wal is named
    case("verify-a-sound-wal-file", "verify", f"{{w}}/{PANEL}", f"{{w}}/{EVENT}", code=0),
    case(
        "verify-truncated",
        "verify",
        "{w}/potong.paritrana-panel",
        setup=truncated(PANEL, "potong.paritrana-panel"),
        says=("potong.paritrana-panel",),
    ),
    case(
        "verify-copy-without-wal",
        "verify",
        "{w}/salinan.paritrana-panel",
        setup=live_copy_without_wal("salinan.paritrana-panel"),
        says=("salinan.paritrana-panel", "Ekspor berkas untuk ketua"),
    ),
]


@pytest.mark.parametrize("row", PENDING)
def test_the_faults_the_trial_found(row: Case, world: Path) -> None:
    run_in_child(row, world)


@pytest.mark.parametrize("name", ["Kabupaten _x0000__x001B_ Berau", "Kabupaten _x001b_ Paser"])
def test_a_name_with_excels_escapes_is_refused_or_merges(name: str, world: Path) -> None:
    """2.8: ``event new`` refuses the name, naming its cell, or the event holds it and a merge
    of a panel file made from it succeeds."""
    edited_template("nama.xlsx", "Jadwal", {"E3": name})(world)
    before = snapshot(world)
    done = in_child(["event", "new", str(world / "nama.xlsx"), "-o", str(world / NEW)], world)
    if done.returncode != 0:
        refused = Case("refused", (), says=("E3",))
        judge(refused, world, before, done.returncode, done.stdout, done.stderr)
        return
    event = read_event_file(world / NEW)
    interview = event.interviews[0]
    category = event.category(interview.category)
    (world / "panel").mkdir()
    with PanelFile.create(world / "panel" / "J1.paritrana-panel", event, event.judges[0].id) as p:
        for criterion in category.criteria:
            p.rate(interview.id, criterion.code, category.scale.values()[0])
        p.finalise(interview.id)
    merge = Case("merge", ("merge", "{w}/panel", "-o", f"{{w}}/{REKAP}"), code=0, creates=(REKAP,))
    run_in_child(merge, world)
