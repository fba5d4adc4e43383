"""The Linux bundle, built once for this module with packaging/build_bundle.py, then run as a
judge and a chair would run it: from a folder, with no Python, no network, a home of its own.

Every program run here gets HOME, the XDG folders and TMPDIR inside a temporary folder; after
each run the test checks that files appeared only in the user's data folder
(~/.local/share/Paritrana/Paritrana Desktop) and in the folders named on the command line, and
that the bundle's own folder was not written to.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from paritrana_desktop import __version__
from tests.packaging.sandbox import (
    ROOT,
    Sandbox,
    make_sandbox,
    outside,
    run,
    snapshot,
    start_and_stop,
    written,
)

sys.path.insert(0, str(ROOT / "packaging"))
import bundle_config as cfg

pytestmark = [
    pytest.mark.slow,
    pytest.mark.bundle,
    pytest.mark.timeout(1800),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
]

SIZE_LIMIT = 150 * 1000 * 1000  # bytes on disk
LEFT_OUT_QT = ("Qml", "Quick", "WebEngine", "Pdf", "Network", "Multimedia", "3D", "Designer")


@dataclass(frozen=True)
class Bundle:
    folder: Path
    archive: Path

    @property
    def gui(self) -> str:
        return str(self.folder / cfg.GUI_EXE)

    @property
    def cli(self) -> str:
        return str(self.folder / cfg.CLI_EXE)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    base = tmp_path_factory.mktemp("bundle")
    dist, work = base / "dist", base / "work"
    built = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build_bundle.py"),
            "--dist",
            str(dist),
            "--work",
            str(work),
        ],
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert built.returncode == 0, built.stdout[-5000:] + built.stderr[-5000:]
    (archive,) = dist.glob(f"{cfg.FOLDER}-{__version__}-linux-*.zip")
    return Bundle(dist / cfg.FOLDER, archive)


@pytest.fixture
def box(tmp_path: Path) -> Sandbox:
    return make_sandbox(tmp_path / "box")


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def test_the_folder_holds_two_programs_and_the_resources_within_the_size(bundle: Bundle) -> None:
    for exe in (bundle.gui, bundle.cli):
        assert os.access(exe, os.X_OK)
    resources = bundle.folder / "_internal" / "resources"
    assert (resources / "MANIFEST").is_file()
    assert (resources / "demo" / "event.json").is_file()
    assert (resources / "icons" / "paritrana-256.png").is_file()
    qm = sorted(p.name for p in (resources / "i18n").glob("*.qm"))
    assert qm == sorted(p.name for p in (ROOT / "resources" / "i18n").glob("*.qm"))
    assert not list(resources.rglob("*.ts"))
    assert (bundle.folder / "linux" / "install.sh").stat().st_mode & stat.S_IXUSR
    size = sum(p.stat().st_size for p in _files(bundle.folder))
    assert size < SIZE_LIMIT, f"{size / 1e6:.1f} MB on disk"


def test_unused_qt_parts_and_qt_translations_are_left_out(bundle: Bundle) -> None:
    names = [p.name for p in bundle.folder.rglob("*")]
    for part in LEFT_OUT_QT:
        assert not [n for n in names if n.startswith((f"libQt6{part}", f"Qt{part}"))], part
    qt = bundle.folder / "_internal" / "PySide6" / "Qt"
    assert not list(qt.rglob("translations/*.qm"))
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= platforms
    assert not platforms & {"libqeglfs.so", "libqlinuxfb.so", "libqvnc.so", "libqvkkhrdisplay.so"}
    assert not (qt / "plugins" / "platformthemes" / "libqgtk3.so").exists()
    # no link in the folder points at nothing
    assert [p for p in bundle.folder.rglob("*") if p.is_symlink() and not p.exists()] == []


def test_the_zip_holds_the_same_folder_with_programs_still_executable(bundle: Bundle) -> None:
    with zipfile.ZipFile(bundle.archive) as archive:
        infos = {info.filename: info for info in archive.infolist()}
    prefix = f"{cfg.FOLDER}/"
    assert all(name.startswith(prefix) for name in infos)
    on_disk = {
        f"{prefix}{p.relative_to(bundle.folder).as_posix()}"
        for p in bundle.folder.rglob("*")
        if not p.is_dir()
    }
    assert on_disk <= set(infos)
    for exe in (cfg.GUI_EXE, cfg.CLI_EXE):
        mode = infos[prefix + exe].external_attr >> 16
        assert mode & stat.S_IXUSR
    links = [i for i in infos.values() if stat.S_ISLNK(i.external_attr >> 16)]
    assert links  # libQt6*.so.6 beside the others are links, kept as links


def test_both_programs_say_their_version(bundle: Bundle, box: Sandbox) -> None:
    before = snapshot(box.root, bundle.folder)
    for exe, name in ((bundle.cli, "paritrana"), (bundle.gui, "paritrana-desktop")):
        done = run([exe, "--version"], box)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == f"{name} {__version__}"
    assert written(before, snapshot(box.root, bundle.folder)) == set()


def test_a_first_start_on_the_demo_stays_up_until_stopped(bundle: Bundle, box: Sandbox) -> None:
    before = snapshot(box.root, bundle.folder)
    log = box.data_folder / "logs" / "paritrana-desktop.log"
    first = start_and_stop([bundle.gui], box, log=log, ready="window shown", stay_up=4.0)
    assert first.still_running, f"ended by itself ({first.returncode}): {first.stderr}"
    assert first.alive_for >= 4.0
    # stopped as a session ends one (SIGTERM): a normal close, exit status 0
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    text = log.read_text(encoding="utf-8")
    assert f"Paritrana Desktop {__version__} starting" in text
    assert "Traceback" not in text

    # The next start opens the demo as judge J03, shows its window and quits by itself: the
    # first copy left no lock behind, and the judge's panel file is in the data folder.
    again = run([bundle.gui, "--demo", "--judge", "J03"], box, PARITRANA_EXIT_WHEN_SHOWN="1")
    assert again.returncode == 0, again.stderr
    assert "shown_at" in again.stdout
    (panel,) = (box.data_folder / "panels").glob("*_J03.paritrana-panel")
    checked = run([bundle.cli, "verify", str(panel)], box)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    new = written(before, snapshot(box.root, bundle.folder))
    assert new and outside(new, [box.data_folder]) == []


def test_demo_then_merge_from_the_bundle(bundle: Bundle, box: Sandbox, tmp_path: Path) -> None:
    out = tmp_path / "usb" / "panels"
    rekap = tmp_path / "rekap" / "REKAP.xlsx"
    rekap.parent.mkdir()
    before = snapshot(box.root, bundle.folder, tmp_path / "usb", rekap.parent)

    demo = run([bundle.cli, "demo", str(out)], box)
    assert demo.returncode == 0, demo.stderr
    panels = sorted(out.glob("*.paritrana-panel"))
    assert len(panels) == 9 and len(list(out.glob("*.paritrana-kegiatan"))) == 1

    merged = run([bundle.cli, "merge", str(out), "-o", str(rekap)], box, timeout=300)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert "Traceback" not in merged.stderr

    from openpyxl import load_workbook

    workbook = load_workbook(rekap, read_only=True)
    try:
        assert len(workbook.sheetnames) >= 2
    finally:
        workbook.close()

    new = written(before, snapshot(box.root, bundle.folder, tmp_path / "usb", rekap.parent))
    assert rekap in new
    assert outside(new, [out, rekap.parent, box.data_folder]) == []


def test_the_linux_install_script_installs_the_real_bundle(bundle: Bundle, box: Sandbox) -> None:
    done = subprocess.run(
        ["sh", str(bundle.folder / "linux" / "install.sh")],
        env=box.env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    command = box.home / ".local" / "bin" / "paritrana"
    said = run([str(command), "--version"], box)
    assert said.returncode == 0 and said.stdout.strip() == f"paritrana {__version__}"
    shown = run(
        [str(box.home / ".local" / "bin" / "paritrana-desktop"), "--demo", "--judge", "J01"],
        box,
        PARITRANA_EXIT_WHEN_SHOWN="1",
    )
    assert shown.returncode == 0, shown.stderr


def _flip_head_signature(path: Path) -> None:
    """What an examiner with the source but not the judge's key could do to a copy."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(path)) as db:
        (head,) = db.execute("SELECT head_signature FROM panel").fetchone()
        flipped = ("1" if head[0] == "0" else "0") + head[1:]
        db.execute("UPDATE panel SET head_signature = ?", [flipped])
        db.commit()


def test_the_bundle_signs_verifies_and_makes_the_papers(
    bundle: Bundle, box: Sandbox, tmp_path: Path
) -> None:
    out, docs = tmp_path / "usb" / "panels", tmp_path / "rekap" / "DOCS"
    rekap = tmp_path / "rekap" / "REKAP.xlsx"
    rekap.parent.mkdir()
    assert run([bundle.cli, "demo", str(out)], box).returncode == 0
    (panel,) = out.glob("*_J03.paritrana-panel")

    # The signatures (PyNaCl's libsodium in the bundle) verify, and a flipped one does not.
    checked = run([bundle.cli, "verify", str(panel)], box)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert re.search(r"\b[A-Z0-9]{4}(-[A-Z0-9]{4}){3}\b", checked.stdout)  # the fingerprint
    assert "J03-" in checked.stdout  # the verification code
    forged = tmp_path / "forged" / panel.name
    forged.parent.mkdir()
    shutil.copyfile(panel, forged)
    _flip_head_signature(forged)
    refused = run([bundle.cli, "verify", str(forged)], box)
    assert refused.returncode != 0, refused.stdout
    assert "Traceback" not in refused.stdout + refused.stderr

    # The merge writes the berita acara (docxtpl) and one lembar per judge (reportlab).
    merged = run(
        [bundle.cli, "merge", str(out), "-o", str(rekap), "--documents", str(docs)],
        box,
        timeout=300,
    )
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert len(list(docs.glob("*.pdf"))) == 9
    (minutes,) = docs.glob("*.docx")
    from docx import Document

    text = "\n".join(p.text for p in Document(str(minutes)).paragraphs)
    assert "BERITA ACARA" in text and "{{" not in text

    sheet = tmp_path / "J03.pdf"
    printed = run([bundle.cli, "score-sheet", str(panel), "-o", str(sheet)], box)
    assert printed.returncode == 0, printed.stdout + printed.stderr
    assert sheet.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        words = subprocess.run(
            ["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "J03-" in words and "Yudha Prasetya Nugraha" in words
