"""What the reliability corpus shares: the world a case starts from, the bad inputs it puts in
place, a fingerprint of the folder before and after, and how one command is run and judged.

A case is a row: a name, how it sets up its bad input (a function of the case's folder), the
command line (``{w}`` stands for that folder), the exit status, the words its one sentence must
hold, and the paths it may create (none, for a refusal). Every case runs the real command line
(``paritrana_desktop.cli.main``) in this process, so a traceback fails the test as an exception.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from paritrana_desktop.cli import main
from paritrana_desktop.storage.keys import default_key_folder
from paritrana_desktop.workflows.demo import write_demo

REPO = Path(__file__).resolve().parents[2]

Setup = Callable[[Path], None]

DEMO = "demo"  # the demo's event file and nine panel files, copied into every case's folder
EVENT = f"{DEMO}/KALTIM25-DEMO.paritrana-kegiatan"
PANEL = f"{DEMO}/KALTIM25-DEMO_J01.paritrana-panel"
TEMPLATE = "jadwal.xlsx"  # the secretariat's template, which event new accepts

# Words of the operating system or of Python that must never reach a user's sentence.
LEAKS = re.compile(
    r"Traceback|Errno|Error:|Exception|No such file|Permission denied|No space left|"
    r"Read-only file system|File exists|Is a directory|Not a directory|Too many levels|"
    r"File name too long|Invalid argument|Bad file descriptor"
)


@dataclass(frozen=True)
class Case:
    name: str
    argv: tuple[str, ...]
    setup: Setup | None = None
    code: int | tuple[int, ...] = 1  # several: any of them (1, or 2 for a usage error)
    says: tuple[str, ...] = ()
    creates: tuple[str, ...] = ()
    needs: tuple[str, ...] = field(default=())  # "mount": a tmpfs (root only)

    def args(self, world: Path) -> list[str]:
        return [a.replace("{w}", str(world)) for a in self.argv]


def case(name: str, *argv: str, **kw: object) -> pytest.ParameterSet:
    made = Case(name, tuple(argv), **kw)  # type: ignore[arg-type]
    marks = [pytest.mark.skipif(not can_mount(), reason=MOUNT_REASON)] if made.needs else []
    return pytest.param(made, id=name, marks=marks)


# --- the world --------------------------------------------------------------------------------
def build_seed(folder: Path) -> Path:
    """The demo and the template, made once per test session and copied into each case."""
    # The demo's keys are kept where the program looks: a case edits a file as its judge would.
    write_demo(folder / DEMO, key_folder=default_key_folder())
    assert main(["event", "template", str(folder / TEMPLATE)]) == 0
    return folder


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under ``folder``: a file's hash, a link's target, a folder's mark."""
    seen: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        base = Path(dirpath)
        for name in dirnames + filenames:
            path = base / name
            key = str(path.relative_to(folder))
            if path.is_symlink():
                seen[key] = "-> " + os.readlink(path)
            elif path.is_dir():
                seen[key] = "dir"
            elif path.is_file():
                seen[key] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                seen[key] = "special"
    return seen


def run(case_: Case, world: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Run the case's command in this process and check it (``judge``)."""
    if case_.setup is not None:
        case_.setup(world)
    before = snapshot(world)
    try:
        code = main(case_.args(world))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    judge(case_, world, before, code, out, err)


CHILD_TIMEOUT = 30.0  # seconds: a case that takes longer hangs
CHILD_MEMORY = 2 << 30  # bytes of address space a child may take


def _limit_memory() -> None:  # pragma: no cover - runs in the child before exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))


def in_child(argv: list[str], world: Path) -> subprocess.CompletedProcess[str]:
    """``python -m paritrana_desktop.cli ARGV`` in a process of its own, in ``world``, with a
    time and memory limit, for the inputs that could hang or exhaust the test run."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "paritrana_desktop.cli", *argv],
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT,
            env=dict(os.environ, PYTHONPATH=str(REPO), PARITRANA_LANG="id"),
            cwd=world,
            preexec_fn=_limit_memory if os.name == "posix" else None,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(argv)}: still running after {CHILD_TIMEOUT:.0f} s (a hang)")


def run_in_child(case_: Case, world: Path) -> None:
    """Run the case's command in a process of its own (``in_child``) and check it."""
    if case_.setup is not None:
        case_.setup(world)
    before = snapshot(world)
    done = in_child(case_.args(world), world)
    judge(case_, world, before, done.returncode, done.stdout, done.stderr)


def judge(case_: Case, world: Path, before: dict[str, str], code: int, out: str, err: str) -> None:
    """Exit status, no traceback or system English, its sentence, nothing else changed."""
    shown = out + err
    codes = case_.code if isinstance(case_.code, tuple) else (case_.code,)
    assert code in codes, f"exit {code}: {shown}"
    assert not LEAKS.search(shown), shown
    if code:
        assert err.strip(), "a refusal must say why on stderr"
        # The sentence comes first; a usage error (2) first shows the usage, as argparse does.
        lines = err.lstrip().splitlines()
        if code == 2:
            lines = [line for line in lines if not line.startswith(("usage:", " "))]
        assert re.match(r"paritrana[ :]", lines[0]), err
    for words in case_.says:
        assert words in shown, shown
    after = snapshot(world)
    created = {k for k in after if k not in before}
    assert created == set(case_.creates), created
    assert {k: after[k] for k in before} == before, "an earlier file changed"


# --- bad inputs -------------------------------------------------------------------------------
def write(name: str, data: bytes) -> Setup:
    def setup(world: Path) -> None:
        path = world / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    return setup


def random_bytes(name: str, size: int = 5000) -> Setup:
    return write(name, bytes((i * 7919 + 13) % 251 for i in range(size)))


def a_zip(name: str) -> Setup:
    def setup(world: Path) -> None:
        with zipfile.ZipFile(world / name, "w") as archive:
            archive.writestr("readme.txt", "bukan workbook")

    return setup


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
# An encrypted workbook is an OLE2 compound file holding an "EncryptionInfo" stream.
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
ENCRYPTED = OLE2 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512


def plain_sqlite(name: str) -> Setup:
    def setup(world: Path) -> None:
        conn = sqlite3.connect(world / name)
        conn.execute("CREATE TABLE kontak (nama TEXT)")
        conn.commit()
        conn.close()

    return setup


def copy_of(source: str, name: str) -> Setup:
    def setup(world: Path) -> None:
        target = world / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(world / source, target)

    return setup


def newer_format(source: str, name: str) -> Setup:
    def setup(world: Path) -> None:
        copy_of(source, name)(world)
        conn = sqlite3.connect(world / name)
        conn.execute("PRAGMA user_version = 99")
        conn.commit()
        conn.close()

    return setup


def truncated(source: str, name: str, keep: float = 0.5) -> Setup:
    def setup(world: Path) -> None:
        data = (world / source).read_bytes()
        (world / name).write_bytes(data[: int(len(data) * keep)])

    return setup


def symlink(name: str, target: str) -> Setup:
    def setup(world: Path) -> None:
        (world / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, world / name)

    return setup


def folder_of_junk(name: str, count: int = 500) -> Setup:
    def setup(world: Path) -> None:
        folder = world / name
        folder.mkdir()
        for n in range(count):
            suffix = (".paritrana-panel", ".xlsx", ".txt", ".paritrana-kegiatan")[n % 4]
            (folder / f"sampah-{n:03d}{suffix}").write_bytes(bytes([n % 256]) * (n % 50))

    return setup


def both(*setups: Setup) -> Setup:
    def setup(world: Path) -> None:
        for one in setups:
            one(world)

    return setup


# --- folders that cannot be written -----------------------------------------------------------
MOUNT_REASON = "needs root and tmpfs mounts (as in CI) for a full or read-only folder"


def can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount") is not None


def _mount(folder: Path, *options: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
        check=True,
        capture_output=True,
    )
    MOUNTED.append(folder)
    if options:
        subprocess.run(
            ["mount", "-o", "remount," + ",".join(options), str(folder)],
            check=True,
            capture_output=True,
        )


MOUNTED: list[Path] = []


def unmount_all() -> None:
    while MOUNTED:
        subprocess.run(["umount", "-l", str(MOUNTED.pop())], check=False, capture_output=True)


def full_folder(name: str) -> Setup:
    """A 1 MB tmpfs at ``name``, filled to the last byte."""

    def setup(world: Path) -> None:
        folder = world / name
        _mount(folder)
        fd = os.open(folder / "isi.bin", os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            for size in (65536, 4096, 1):
                with contextlib.suppress(OSError):
                    while True:
                        os.write(fd, b"\0" * size)
        finally:
            os.close(fd)

    return setup


def read_only_folder(name: str, keep: tuple[str, ...] = ()) -> Setup:
    """A read-only tmpfs at ``name``, holding copies of ``keep`` (paths in the world)."""

    def setup(world: Path) -> None:
        folder = world / name
        _mount(folder)
        for source in keep:
            shutil.copyfile(world / source, folder / Path(source).name)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)

    return setup
