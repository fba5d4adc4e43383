"""The reliability corpus: bad inputs and faults through the command line, one table per command.

Each case asserts its exit status, no traceback and no operating-system English, one sentence
on stderr holding the words that say what went wrong, no partial output (nothing new in the
folder, hidden files included) and every earlier file byte-identical (the folder is hashed
before and after). Full and read-only folders are small tmpfs mounts: the cases skip, with the
reason, where the tests do not run as root. The long part (a folder of 500 junk files) is
``slow``. How to add a case: ``docs/dev/testing.md``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from paritrana_desktop.domain.errors import set_language
from tests.reliability.corpus import (
    ENCRYPTED,
    EVENT,
    OLE2,
    PANEL,
    PNG,
    TEMPLATE,
    Case,
    a_zip,
    both,
    build_seed,
    case,
    copy_of,
    folder_of_junk,
    full_folder,
    newer_format,
    plain_sqlite,
    random_bytes,
    read_only_folder,
    run,
    run_in_child,
    symlink,
    truncated,
    unmount_all,
    write,
)

UNICODE = "Jadwal Übersicht ñ 日本 😀"
NEW = "baru.paritrana-kegiatan"
DEMO_DIR = "demo"


@pytest.fixture(scope="session")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    set_language("id")
    return build_seed(tmp_path_factory.mktemp("seed"))


@pytest.fixture
def world(seed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("PARITRANA_LANG", "id")
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    folder = tmp_path / "w"
    shutil.copytree(seed, folder, symlinks=True)
    (tmp_path / "tmp").mkdir()
    yield folder
    unmount_all()
    set_language("id")


EVENT_NEW = [
    case(
        "random-bytes",
        "event",
        "new",
        "{w}/acak.xlsx",
        "-o",
        f"{{w}}/{NEW}",
        setup=random_bytes("acak.xlsx"),
        says=("acak.xlsx", "bukan workbook Excel"),
    ),
    case(
        "empty",
        "event",
        "new",
        "{w}/kosong.xlsx",
        "-o",
        f"{{w}}/{NEW}",
        setup=write("kosong.xlsx", b""),
        says=("kosong.xlsx",),
    ),
    case(
        "a-zip",
        "event",
        "new",
        "{w}/arsip.xlsx",
        "-o",
        f"{{w}}/{NEW}",
        setup=a_zip("arsip.xlsx"),
        says=("arsip.xlsx",),
    ),
    case(
        "a-png",
        "event",
        "new",
        "{w}/foto.xlsx",
        "-o",
        f"{{w}}/{NEW}",
        setup=write("foto.xlsx", PNG),
        says=("foto.xlsx", "bukan workbook Excel"),
    ),
    case(
        "plain-sqlite",
        "event",
        "new",
        "{w}/data.xlsx",
        "-o",
        f"{{w}}/{NEW}",
        setup=plain_sqlite("data.xlsx"),
        says=("data.xlsx", "bukan workbook Excel"),
    ),
    case(
        "a-panel-file",
        "event",
        "new",
        f"{{w}}/{PANEL}",
        "-o",
        f"{{w}}/{NEW}",
        says=("KALTIM25-DEMO_J01.paritrana-panel",),
    ),
    case(
        "old-xls",
        "event",
        "new",
        "{w}/lama.xlsx",
        "-o",
        f"{{w}}/{NEW}",
        setup=write("lama.xlsx", OLE2),
        says=("format Excel lama",),
    ),
    case(
        "password",
        "event",
        "new",
        "{w}/rahasia.xlsx",
        "-o",
        f"{{w}}/{NEW}",
        setup=write("rahasia.xlsx", ENCRYPTED),
        says=("kata sandi",),
    ),
    case(
        "truncated",
        "event",
        "new",
        "{w}/potong.xlsx",
        "-o",
        f"{{w}}/{NEW}",
        setup=truncated(TEMPLATE, "potong.xlsx"),
        says=("potong.xlsx",),
    ),
    case(
        "missing",
        "event",
        "new",
        "{w}/tidak-ada.xlsx",
        "-o",
        f"{{w}}/{NEW}",
        says=("tidak-ada.xlsx",),
    ),
    case("a-folder", "event", "new", f"{{w}}/{DEMO_DIR}", "-o", f"{{w}}/{NEW}", says=("demo",)),
    case(
        "dangling-link",
        "event",
        "new",
        "{w}/tautan.xlsx",
        "-o",
        f"{{w}}/{NEW}",
        setup=symlink("tautan.xlsx", "hilang.xlsx"),
        says=("tautan.xlsx",),
    ),
    case(
        "output-exists",
        "event",
        "new",
        f"{{w}}/{TEMPLATE}",
        "-o",
        f"{{w}}/{EVENT}",
        says=("KALTIM25-DEMO.paritrana-kegiatan",),
    ),
    case(
        "output-is-a-folder",
        "event",
        "new",
        f"{{w}}/{TEMPLATE}",
        "-o",
        f"{{w}}/{DEMO_DIR}",
        says=("demo",),
    ),
    case(
        "output-folder-missing",
        "event",
        "new",
        f"{{w}}/{TEMPLATE}",
        "-o",
        f"{{w}}/tidak/ada/{NEW}",
        says=("tidak",),
    ),
    case(
        "output-read-only",
        "event",
        "new",
        f"{{w}}/{TEMPLATE}",
        "-o",
        f"{{w}}/kunci/{NEW}",
        setup=read_only_folder("kunci"),
        says=("hanya-baca",),
        needs=("mount",),
    ),
    case(
        "output-disk-full",
        "event",
        "new",
        f"{{w}}/{TEMPLATE}",
        "-o",
        f"{{w}}/flashdisk/{NEW}",
        setup=full_folder("flashdisk"),
        says=("Disk penuh",),
        needs=("mount",),
    ),
    case(
        "unicode-paths",
        "event",
        "new",
        f"{{w}}/{UNICODE}/{TEMPLATE}",
        "-o",
        f"{{w}}/{UNICODE}/{NEW}",
        setup=copy_of(TEMPLATE, f"{UNICODE}/{TEMPLATE}"),
        code=0,
        creates=(f"{UNICODE}/{NEW}",),
    ),
]


@pytest.mark.parametrize("row", EVENT_NEW)
def test_event_new(row: Case, world: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(row, world, capsys)


VERIFY = [
    case(
        "random-bytes",
        "verify",
        "{w}/acak.paritrana-panel",
        setup=random_bytes("acak.paritrana-panel"),
        says=("acak.paritrana-panel", "GAGAL"),
    ),
    case(
        "empty",
        "verify",
        "{w}/kosong.paritrana-panel",
        setup=write("kosong.paritrana-panel", b""),
        says=("kosong (0 byte)",),
    ),
    case(
        "plain-sqlite",
        "verify",
        "{w}/lain.paritrana-panel",
        setup=plain_sqlite("lain.paritrana-panel"),
        says=("basis data program lain",),
    ),
    case(
        "a-zip",
        "verify",
        "{w}/arsip.paritrana-panel",
        setup=a_zip("arsip.paritrana-panel"),
        says=("arsip.paritrana-panel", "GAGAL"),
    ),
    case(
        "a-png",
        "verify",
        "{w}/foto.paritrana-panel",
        setup=write("foto.paritrana-panel", PNG),
        says=("foto.paritrana-panel", "GAGAL"),
    ),
    case("a-workbook", "verify", f"{{w}}/{TEMPLATE}", says=(TEMPLATE, "GAGAL")),
    case(
        "newer-format",
        "verify",
        "{w}/baru.paritrana-panel",
        setup=newer_format(PANEL, "baru.paritrana-panel"),
        says=("lebih baru",),
    ),
    case(
        "newer-event-file",
        "verify",
        "{w}/baru.paritrana-kegiatan",
        setup=newer_format(EVENT, "baru.paritrana-kegiatan"),
        says=("lebih baru",),
    ),
    case("missing", "verify", "{w}/tidak-ada.paritrana-panel", says=("tidak ditemukan",)),
    case("a-folder", "verify", f"{{w}}/{DEMO_DIR}", says=("demo",)),
    case(
        "dangling-link",
        "verify",
        "{w}/tautan.paritrana-panel",
        setup=symlink("tautan.paritrana-panel", "hilang.paritrana-panel"),
        says=("tautan.paritrana-panel",),
    ),
    case(
        "unicode-path",
        "verify",
        f"{{w}}/{UNICODE}/acak.paritrana-panel",
        setup=random_bytes(f"{UNICODE}/acak.paritrana-panel"),
        says=("acak.paritrana-panel",),
    ),
    case(
        "one-bad-among-good",
        "verify",
        "{w}/acak.paritrana-panel",
        "{w}/kosong.xlsx",
        setup=both(random_bytes("acak.paritrana-panel"), write("kosong.xlsx", b"")),
        says=("2 dari 2 berkas",),
    ),
]


@pytest.mark.parametrize("row", VERIFY)
def test_verify(row: Case, world: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(row, world, capsys)


REKAP = "REKAP.xlsx"
MERGE = [
    case(
        "random-bytes",
        "merge",
        "{w}/acak.paritrana-panel",
        "-o",
        f"{{w}}/{REKAP}",
        setup=random_bytes("acak.paritrana-panel"),
        says=("acak.paritrana-panel", "ditolak"),
    ),
    case(
        "empty",
        "merge",
        "{w}/kosong.paritrana-panel",
        "-o",
        f"{{w}}/{REKAP}",
        setup=write("kosong.paritrana-panel", b""),
        says=("kosong (0 byte)",),
    ),
    case(
        "plain-sqlite",
        "merge",
        "{w}/lain.paritrana-panel",
        "-o",
        f"{{w}}/{REKAP}",
        setup=plain_sqlite("lain.paritrana-panel"),
        says=("basis data program lain",),
    ),
    case(
        "a-zip",
        "merge",
        "{w}/arsip.paritrana-panel",
        "-o",
        f"{{w}}/{REKAP}",
        setup=a_zip("arsip.paritrana-panel"),
        says=("arsip.paritrana-panel",),
    ),
    case(
        "newer-format",
        "merge",
        "{w}/baru.paritrana-panel",
        "-o",
        f"{{w}}/{REKAP}",
        setup=newer_format(PANEL, "baru.paritrana-panel"),
        says=("lebih baru",),
    ),
    case(
        "truncated",
        "merge",
        "{w}/potong.paritrana-panel",
        "-o",
        f"{{w}}/{REKAP}",
        setup=truncated(PANEL, "potong.paritrana-panel"),
        says=("potong.paritrana-panel",),
    ),
    case(
        "a-bad-file-among-the-demo",
        "merge",
        f"{{w}}/{DEMO_DIR}",
        "-o",
        f"{{w}}/{REKAP}",
        setup=random_bytes(f"{DEMO_DIR}/KALTIM25-DEMO_J10.paritrana-panel"),
        says=("KALTIM25-DEMO_J10.paritrana-panel", "--skip-invalid"),
    ),
    case("missing-input", "merge", "{w}/tidak-ada", "-o", f"{{w}}/{REKAP}", says=("tidak-ada",)),
    case(
        "empty-folder",
        "merge",
        "{w}/kosong",
        "-o",
        f"{{w}}/{REKAP}",
        setup=lambda w: (w / "kosong").mkdir(),
        says=("kosong",),
    ),
    case(
        "dangling-link",
        "merge",
        "{w}/tautan.paritrana-panel",
        "-o",
        f"{{w}}/{REKAP}",
        setup=symlink("tautan.paritrana-panel", "hilang.paritrana-panel"),
        says=("tautan.paritrana-panel",),
    ),
    case(
        "output-exists",
        "merge",
        f"{{w}}/{DEMO_DIR}",
        "-o",
        f"{{w}}/{TEMPLATE}",
        says=("sudah ada", "--replace"),
    ),
    case(
        "output-link-to-a-file",
        "merge",
        f"{{w}}/{DEMO_DIR}",
        "-o",
        "{w}/tautan.xlsx",
        setup=symlink("tautan.xlsx", TEMPLATE),
        says=("sudah ada",),
    ),
    case(
        "output-read-only",
        "merge",
        f"{{w}}/{DEMO_DIR}",
        "-o",
        f"{{w}}/kunci/{REKAP}",
        setup=read_only_folder("kunci"),
        says=("hanya-baca",),
        needs=("mount",),
    ),
    case(
        "output-disk-full",
        "merge",
        f"{{w}}/{DEMO_DIR}",
        "-o",
        f"{{w}}/flashdisk/{REKAP}",
        setup=full_folder("flashdisk"),
        says=("Disk penuh",),
        needs=("mount",),
    ),
    case(
        "unicode-path",
        "merge",
        f"{{w}}/{UNICODE}",
        "-o",
        f"{{w}}/{REKAP}",
        setup=random_bytes(f"{UNICODE}/acak.paritrana-panel"),
        says=("acak.paritrana-panel",),
    ),
]


@pytest.mark.parametrize("row", MERGE)
def test_merge(row: Case, world: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(row, world, capsys)


@pytest.mark.slow
def test_merge_of_a_folder_of_500_junk_files(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = Case(
        "500-junk-files",
        ("merge", "{w}/sampah", "-o", f"{{w}}/{REKAP}"),
        setup=folder_of_junk("sampah"),
        says=("ditolak",),
    )
    run(row, world, capsys)


DEMO_CASES = [
    case("already-there", "demo", f"{{w}}/{DEMO_DIR}", says=("sudah berisi berkas demo",)),
    case(
        "one-file-there",
        "demo",
        "{w}/satu",
        setup=copy_of(PANEL, "satu/KALTIM25-DEMO_J01.paritrana-panel"),
        says=("sudah berisi berkas demo",),
    ),
    case("a-file-not-a-folder", "demo", f"{{w}}/{TEMPLATE}", says=("bukan folder",)),
    case(
        "read-only",
        "demo",
        "{w}/kunci",
        setup=read_only_folder("kunci"),
        says=("hanya-baca",),
        needs=("mount",),
    ),
    case(
        "disk-full",
        "demo",
        "{w}/flashdisk",
        setup=full_folder("flashdisk"),
        says=("Disk penuh",),
        needs=("mount",),
    ),
]


@pytest.mark.parametrize("row", DEMO_CASES)
def test_demo(row: Case, world: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(row, world, capsys)


@pytest.mark.parametrize(
    "row",
    [
        case(
            "verify-random-bytes",
            "verify",
            "{w}/acak.paritrana-panel",
            setup=random_bytes("acak.paritrana-panel"),
            says=("GAGAL",),
        ),
        case("demo-already-there", "demo", f"{{w}}/{DEMO_DIR}", says=("sudah berisi",)),
        case(
            "usage-error",
            "merge",
            f"{{w}}/{DEMO_DIR}",
            "--tidak-ada",
            code=2,
            says=("--tidak-ada",),
        ),
    ],
)
def test_the_program_itself_exits_with_the_status(row: Case, world: Path) -> None:
    """The same checks on the real process: its exit status as the shell sees it."""
    run_in_child(row, world)
