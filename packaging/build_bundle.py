"""Build the Paritrana Desktop bundle for the system this runs on, check it, and zip it.

    python packaging/build_bundle.py [--dist DIR] [--work DIR] [--no-zip]

(``./dev bundle`` on Linux runs this after installing what it needs.) The result:

    dist/ParitranaDesktop/                          the program folder: copy it anywhere
        ParitranaDesktop(.exe)                      the judge's window
        paritrana(.exe)                             the command line (merge, demo, verify)
        _internal/                                  Python, Qt and the program's resources
        linux/                                      (Linux) install.sh and the desktop files
    dist/ParitranaDesktop-<version>-<system>.zip    the same folder, zipped

PyInstaller cannot cross-compile: a Windows bundle is built on Windows, a Linux one on Linux.
After building, both programs are run once (``--version``) so a broken bundle never leaves here.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import bundle_config as cfg  # noqa: E402

from paritrana_desktop import __version__  # noqa: E402

WINDOWS = sys.platform == "win32"
EXE_SUFFIX = ".exe" if WINDOWS else ""
README_NAME = "BACA SAYA - README.txt"


def say(message: str) -> None:
    print(f"build_bundle: {message}", flush=True)


def system_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64")
    return f"{system}-{machine}"


def run_pyinstaller(dist: Path, work: Path) -> Path:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(HERE / "paritrana.spec"),
    ]
    say("running PyInstaller (a few minutes)")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    subprocess.run(command, check=True, cwd=ROOT, env=env)
    return dist / cfg.FOLDER


def add_extras(bundle: Path) -> None:
    """The judge-facing read-me, and on Linux the desktop integration with its installer."""
    shutil.copyfile(HERE / "bundle-readme.txt", bundle / README_NAME)
    if sys.platform.startswith("linux"):
        target = bundle / "linux"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(HERE / "linux", target)
        for script in ("install.sh", "uninstall.sh"):
            path = target / script
            path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def check(bundle: Path) -> None:
    """Run both programs once; refuse a bundle that cannot say its version."""
    if not (bundle / "_internal" / "resources" / "MANIFEST").is_file():
        raise SystemExit(f"build_bundle: the resources folder is missing from {bundle}")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name, prog in ((cfg.CLI_EXE, "paritrana"), (cfg.GUI_EXE, "paritrana-desktop")):
        exe = bundle / f"{name}{EXE_SUFFIX}"
        if WINDOWS and name == cfg.GUI_EXE:
            # A windowed program has no console to print its version to: check it exists.
            if not exe.is_file():
                raise SystemExit(f"build_bundle: {exe} was not built")
            continue
        done = subprocess.run(
            [str(exe), "--version"], capture_output=True, text=True, timeout=120, env=env
        )
        expected = f"{prog} {__version__}"
        if done.returncode != 0 or done.stdout.strip() != expected:
            raise SystemExit(
                f"build_bundle: {exe.name} --version gave {done.returncode}, "
                f"{done.stdout.strip()!r} (expected {expected!r}):\n{done.stderr}"
            )
        say(f"{exe.name} --version: {done.stdout.strip()}")


def folder_size(folder: Path) -> int:
    """Bytes of the files in ``folder`` (a symbolic link counts as nothing)."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def zip_folder(folder: Path, archive: Path) -> Path:
    """Zip ``folder`` as one top-level folder; executable bits and symbolic links kept."""
    partial = archive.with_name(archive.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder.parent).as_posix()
            if path.is_symlink():
                info = zipfile.ZipInfo(name, date_time=time.localtime(path.lstat().st_mtime)[:6])
                info.create_system = 3  # Unix, so the link survives unzip on Linux
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                zf.writestr(info, os.readlink(path))
            elif path.is_dir():
                zf.write(path, name + "/")
            else:
                zf.write(path, name)
    partial.replace(archive)
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Paritrana Desktop bundle.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="scratch folder"
    )
    parser.add_argument("--no-zip", action="store_true", help="leave out the zip")
    args = parser.parse_args(argv)
    if sys.version_info[:2] != (3, 11):
        say(f"warning: built and tested with Python 3.11, this is {platform.python_version()}")

    started = time.monotonic()
    bundle = run_pyinstaller(args.dist.resolve(), args.work.resolve())
    add_extras(bundle)
    check(bundle)
    size = folder_size(bundle)
    say(f"{bundle} ({size / 1e6:.1f} MB on disk)")
    if not args.no_zip:
        archive = args.dist.resolve() / f"{cfg.FOLDER}-{__version__}-{system_tag()}.zip"
        zip_folder(bundle, archive)
        say(f"{archive} ({archive.stat().st_size / 1e6:.1f} MB)")
    say(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
