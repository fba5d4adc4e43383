"""The wheel: built with ``python -m build``, installed into a fresh virtual environment, it
runs ``paritrana demo`` and the window, with its resources found inside the installed package.

The fresh environment gets the wheel itself from the file (``--no-index --no-deps``); its
dependencies (PySide6, sqlite-utils, openpyxl, lxml: some 300 MB) come from the project's own
environment through a ``.pth`` file naming its site-packages folder, rather than being downloaded
again. A path in a .pth file is added to ``sys.path`` after the environment's own site-packages,
and the .pth files inside it (among them the project's editable install, which points at the
checkout) are not read, so the package that runs is the one installed from the wheel: the tests
check that, and that every pinned dependency is met at its pinned version.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from dataclasses import dataclass
from email.parser import Parser
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

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

BIN = "Scripts" if sys.platform == "win32" else "bin"


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    site_packages: Path

    @property
    def python(self) -> str:
        return str(self.venv / BIN / "python")

    def command(self, name: str) -> str:
        return str(self.venv / BIN / name)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (wheel,) = dist.glob("paritrana_desktop-*.whl")

    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / BIN / "python"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "--disable-pip-version-check",
            "install",
            "--no-index",
            "--no-deps",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    site_packages = Path(site.stdout.strip())
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site_packages / "zz_project_dependencies.pth").write_text(
        "\n".join(sorted(ours)) + "\n", encoding="utf-8"
    )
    return Installed(wheel, venv, site_packages)


def test_the_wheel_holds_the_resources_both_commands_and_the_pins(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(wheel.read(info).decode("utf-8"))
        entry_points = wheel.read(info.replace("METADATA", "entry_points.txt")).decode("utf-8")
    for resource in (
        "paritrana_desktop/resources/MANIFEST",
        "paritrana_desktop/resources/demo/event.json",
        "paritrana_desktop/resources/icons/paritrana-256.png",
        "paritrana_desktop/resources/icons/paritrana.ico",
    ):
        assert resource in names
    checkout_qm = {p.name for p in (ROOT / "resources" / "i18n").glob("*.qm")}
    wheel_qm = {Path(n).name for n in names if n.startswith("paritrana_desktop/resources/i18n/")}
    assert checkout_qm and checkout_qm <= wheel_qm
    assert "paritrana = paritrana_desktop.cli:main" in entry_points
    assert "paritrana-desktop = paritrana_desktop.__main__:main" in entry_points
    assert metadata["Version"] == __version__
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    required = [r for r in metadata.get_all("Requires-Dist") or [] if "extra ==" not in r]

    def normal(requirement: str) -> str:
        return requirement.replace(" ", "").replace("_", "-").lower()

    assert sorted(map(normal, required)) == sorted(map(normal, project["dependencies"]))


def test_the_installed_package_runs_from_the_fresh_environment(installed: Installed) -> None:
    script = (
        "import json, importlib.metadata as md\n"
        "import paritrana_desktop\n"
        "from paritrana_desktop.resources import resources_dir\n"
        "pins = [r.split(';')[0].replace(' ', '') for r in md.requires('paritrana-desktop')\n"
        "        if 'extra ==' not in r]\n"
        "met = {p: md.version(p.split('==')[0]) == p.split('==')[1] for p in pins}\n"
        "print(json.dumps({'package': paritrana_desktop.__file__,\n"
        "                  'resources': str(resources_dir()), 'met': met}))\n"
    )
    done = subprocess.run(
        [installed.python, "-c", script],
        capture_output=True,
        text=True,
        cwd=installed.venv,
        env={k: v for k, v in os.environ.items() if not k.startswith("PYTHON")},
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    package = installed.site_packages / "paritrana_desktop"
    assert Path(found["package"]) == package / "__init__.py"
    assert Path(found["resources"]) == package / "resources"
    assert found["met"] and all(found["met"].values()), found["met"]


def _sandbox(tmp_path: Path) -> Sandbox:
    return make_sandbox(tmp_path / "box")


def test_paritrana_demo_from_the_installed_wheel(installed: Installed, tmp_path: Path) -> None:
    box = _sandbox(tmp_path)
    out = tmp_path / "demo"
    before = snapshot(box.root)
    done = run([installed.command("paritrana"), "demo", str(out)], box)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    files = sorted(out.iterdir())
    assert [p.suffix for p in files].count(".paritrana-kegiatan") == 1
    assert [p.suffix for p in files].count(".paritrana-panel") == 9
    assert outside(written(before, snapshot(box.root)), [out]) == []

    checked = run([installed.command("paritrana"), "verify", *map(str, files)], box)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_window_starts_from_the_installed_wheel_with_its_translations(
    installed: Installed, tmp_path: Path
) -> None:
    box = _sandbox(tmp_path)
    log = box.data_folder / "logs" / "paritrana-desktop.log"
    first = start_and_stop([installed.command("paritrana-desktop")], box, log=log, ready="starting")
    assert first.still_running, first.stderr
    assert "Traceback" not in first.stderr
    assert "starting" in log.read_text(encoding="utf-8")

    shown = run(
        [installed.command("paritrana-desktop"), "--demo", "--judge", "J03"],
        box,
        PARITRANA_EXIT_WHEN_SHOWN="1",
    )
    assert shown.returncode == 0, shown.stderr
    assert "shown_at" in shown.stdout
    assert list((box.data_folder / "panels").glob("*_J03.paritrana-panel"))

    # the Indonesian translations the window loads are the installed package's own
    script = (
        "from PySide6.QtWidgets import QApplication\n"
        "from paritrana_desktop.ui.i18n import install_language\n"
        "app = QApplication([])\n"
        "for t in install_language(app, 'id'):\n"
        "    print(t.filePath())\n"
    )
    loaded = run([installed.python, "-c", script], box)
    assert loaded.returncode == 0, loaded.stderr
    files = [Path(line) for line in loaded.stdout.split()]
    i18n = installed.site_packages / "paritrana_desktop" / "resources" / "i18n"
    assert files and all(path.parent == i18n for path in files)
    assert len(files) == len(list((ROOT / "resources" / "i18n").glob("*_id.qm")))
