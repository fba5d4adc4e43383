"""The Linux desktop integration (packaging/linux): valid by the freedesktop tools, consistent
with the program, and an install into ~/.local that never touches the judge's files."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from paritrana_desktop import __version__
from paritrana_desktop.resources import DESKTOP_ID
from paritrana_desktop.storage.database import FileKind
from tests.packaging.sandbox import ROOT, make_sandbox, snapshot, written

LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{DESKTOP_ID}.desktop"
METAINFO = LINUX / f"{DESKTOP_ID}.metainfo.xml"
MIME = LINUX / f"{DESKTOP_ID}.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
MIME_TYPES = {
    FileKind.EVENT: "application/x-paritrana-kegiatan",
    FileKind.PANEL: "application/x-paritrana-panel",
}
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: ./dev test installs it (apt-get install {name})"
    return found


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_is_valid() -> None:
    done = subprocess.run(
        [tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout + done.stderr


def test_the_appstream_metainfo_is_valid() -> None:
    done = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # only the note that ".invalid" is not a TLD the validator knows, which is the point of it
    problems = [line for line in done.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert problems == []


def test_the_files_name_the_same_program_version_and_file_types() -> None:
    entry = desktop_entry(DESKTOP)
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == DESKTOP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("icon") == entry["Icon"] == DESKTOP_ID
    releases = component.findall("releases/release")
    assert releases and releases[0].get("version") == __version__
    provided = {m.text for m in component.findall("provides/mediatype")}
    assert set(entry["MimeType"].strip(";").split(";")) == provided == set(MIME_TYPES.values())
    binaries = {b.text for b in component.findall("provides/binary")}
    assert binaries == {"paritrana-desktop", "paritrana"}
    assert entry["Exec"].split()[0] == "paritrana-desktop" and "%f" in entry["Exec"]
    # X11 matches windows to the entry by the class Qt gives them: the application name
    assert entry["StartupWMClass"] == "Paritrana Desktop"


def test_the_mime_types_match_the_files_the_program_writes() -> None:
    root = ET.parse(MIME).getroot()
    types = {t.get("type"): t for t in root.findall(f"{MIME_NS}mime-type")}
    assert set(types) == set(MIME_TYPES.values())
    for kind, name in MIME_TYPES.items():
        element = types[name]
        assert [g.get("pattern") for g in element.findall(f"{MIME_NS}glob")] == [
            f"*{kind.extension}"
        ]
        outer = element.find(f"{MIME_NS}magic/{MIME_NS}match")
        assert outer is not None and outer.get("value") == "SQLite format 3"
        inner = outer.find(f"{MIME_NS}match")
        assert inner is not None and inner.get("offset") == "68"
        assert (inner.get("value") or "").encode("ascii") == kind.value.to_bytes(4, "big")


def _mime_query(data_home: Path, files: list[Path]) -> list[str]:
    """Ask Qt's QMimeDatabase, in a fresh process that sees ``data_home``, by content only."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QMimeDatabase\n"
        "db = QMimeDatabase()\n"
        "for name in sys.argv[1:]:\n"
        "    print(db.mimeTypeForFile(name, QMimeDatabase.MatchMode.MatchContent).name())\n"
    )
    env = dict(os.environ, XDG_DATA_HOME=str(data_home), QT_QPA_PLATFORM="offscreen")
    env.setdefault("XDG_DATA_DIRS", "/usr/local/share:/usr/share")
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, files)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_the_desktop_knows_both_files_by_their_content(tmp_path: Path) -> None:
    from paritrana_desktop.workflows.demo import write_demo

    written_files = write_demo(tmp_path / "demo")
    event = written_files[0]
    panel = next(p for p in written_files if p.suffix == FileKind.PANEL.extension)
    renamed = [tmp_path / "event.bin", tmp_path / "panel.bin"]
    shutil.copyfile(event, renamed[0])
    shutil.copyfile(panel, renamed[1])

    data_home = tmp_path / "share"
    (data_home / "mime" / "packages").mkdir(parents=True)
    shutil.copyfile(MIME, data_home / "mime" / "packages" / MIME.name)
    done = subprocess.run(
        [tool("update-mime-database"), str(data_home / "mime")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert _mime_query(data_home, renamed) == [
        MIME_TYPES[FileKind.EVENT],
        MIME_TYPES[FileKind.PANEL],
    ]
    # without our definitions the same files are plain SQLite databases
    assert set(_mime_query(tmp_path / "empty", renamed)) == {"application/vnd.sqlite3"}


def _fake_bundle(folder: Path) -> Path:
    """A folder laid out as the built bundle, with two small scripts for the programs."""
    bundle = folder / "ParitranaDesktop"
    icons = bundle / "_internal" / "resources" / "icons"
    icons.parent.mkdir(parents=True)
    shutil.copytree(ROOT / "resources" / "icons", icons)
    shutil.copytree(LINUX, bundle / "linux")
    for name, said in (("ParitranaDesktop", "paritrana-desktop"), ("paritrana", "paritrana")):
        exe = bundle / name
        exe.write_text(f'#!/bin/sh\necho "{said} {__version__}"\n', encoding="utf-8")
        exe.chmod(0o755)
    for script in ("install.sh", "uninstall.sh"):
        path = bundle / "linux" / script
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return bundle


def test_install_into_local_and_uninstall_leave_the_judges_files(tmp_path: Path) -> None:
    box = make_sandbox(tmp_path / "box")
    bundle = _fake_bundle(tmp_path / "usb")
    panels = box.data_folder / "panels"
    panels.mkdir(parents=True)
    judge_file = panels / "KALTIM25_J03.paritrana-panel"
    judge_file.write_bytes(b"the judge's scores")
    before = snapshot(box.root)

    done = subprocess.run(
        ["sh", str(bundle / "linux" / "install.sh")], env=box.env(), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    local = box.home / ".local"
    app_dir = local / "lib" / "paritrana-desktop"
    share = box.data_home
    expected = {
        app_dir / "ParitranaDesktop",
        app_dir / "paritrana",
        local / "bin" / "paritrana-desktop",
        local / "bin" / "paritrana",
        share / "applications" / f"{DESKTOP_ID}.desktop",
        share / "mime" / "packages" / f"{DESKTOP_ID}.xml",
        share / "metainfo" / f"{DESKTOP_ID}.metainfo.xml",
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg",
        *(share / "icons/hicolor" / f"{n}x{n}" / "apps" / f"{DESKTOP_ID}.png" for n in ICON_SIZES),
    }
    assert [path for path in sorted(expected) if not path.exists()] == []
    new = written(before, snapshot(box.root))
    assert not any(path.is_relative_to(box.data_folder) for path in new)

    installed = share / "applications" / f"{DESKTOP_ID}.desktop"
    check = subprocess.run(
        [tool("desktop-file-validate"), str(installed)], capture_output=True, text=True
    )
    assert check.returncode == 0 and check.stdout.strip() == "", check.stdout
    assert desktop_entry(installed)["Exec"] == f'"{app_dir / "ParitranaDesktop"}" %f'
    said = subprocess.run([str(local / "bin" / "paritrana")], capture_output=True, text=True)
    assert said.stdout.strip() == f"paritrana {__version__}"
    assert (share / "mime" / "application" / "x-paritrana-panel.xml").is_file()

    # A command of the same name that is not ours stays where it is.
    (local / "bin" / "paritrana").unlink()
    (local / "bin" / "paritrana").write_text("someone else's\n", encoding="utf-8")

    gone = subprocess.run(
        ["sh", str(app_dir / "linux" / "uninstall.sh")],
        env=box.env(),
        capture_output=True,
        text=True,
    )
    assert gone.returncode == 0, gone.stderr
    assert str(box.data_folder) in gone.stdout
    left = [path for path in sorted(expected) if path.exists() or path.is_symlink()]
    assert left == [local / "bin" / "paritrana"]
    assert judge_file.read_bytes() == b"the judge's scores"


@pytest.mark.parametrize("script", ["install.sh", "uninstall.sh"])
def test_the_scripts_are_plain_posix_sh(script: str) -> None:
    path = LINUX / script
    assert path.read_text(encoding="utf-8").startswith("#!/bin/sh\n")
    assert path.stat().st_mode & stat.S_IXUSR
    done = subprocess.run(["sh", "-n", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
