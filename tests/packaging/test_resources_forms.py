"""The program finds its translations, icons and demo data in a source checkout, and the rules
by which it finds them in the two other forms (a wheel, a bundle). The installed wheel and the
built bundle are started for real in test_wheel.py and test_bundle.py."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from paritrana_desktop import resources
from tests.packaging.sandbox import ROOT

FIND = (
    "import json\n"
    "from paritrana_desktop.resources import resources_dir\n"
    "folder = resources_dir()\n"
    "print(json.dumps({\n"
    "    'folder': str(folder),\n"
    "    'qm': sorted(p.name for p in (folder / 'i18n').glob('*.qm')),\n"
    "    'icons': sorted(p.name for p in (folder / 'icons').glob('*.png')),\n"
    "    'demo': (folder / 'demo' / 'event.json').is_file(),\n"
    "}))\n"
)


@pytest.fixture
def fresh_lookup() -> Iterator[None]:
    resources.resources_dir.cache_clear()
    yield
    resources.resources_dir.cache_clear()


def test_a_checkout_finds_the_resources_folder_beside_the_package(tmp_path: Path) -> None:
    import json

    done = subprocess.run(
        [sys.executable, "-c", FIND], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert Path(found["folder"]) == ROOT / "resources"
    assert found["demo"] is True
    assert "paritrana-16.png" in found["icons"] and "paritrana-512.png" in found["icons"]
    # every translation source has its compiled file next to it
    sources = sorted(p.stem for p in (ROOT / "resources" / "i18n").glob("*.ts"))
    assert sources and sorted(Path(q).stem for q in found["qm"]) == sources


def test_the_program_loads_its_translations_from_the_checkout(qapp: object) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from paritrana_desktop.domain.errors import current_language, set_language
    from paritrana_desktop.ui.i18n import install_language, remove_translators

    app = QApplication.instance()
    assert app is not None
    language, locale = current_language(), QLocale()
    translators = install_language(app, "id")
    try:
        files = sorted(Path(t.filePath()) for t in translators)
        assert files == sorted((ROOT / "resources" / "i18n").glob("*_id.qm"))
        assert files
    finally:
        remove_translators(app, translators)
        set_language(language)
        QLocale.setDefault(locale)


def test_a_bundle_is_searched_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lookup: None
) -> None:
    bundled = tmp_path / "_internal" / "resources"
    bundled.mkdir(parents=True)
    (bundled / "MANIFEST").write_text("bundle\n", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert resources.resources_dir() == bundled
    assert resources.resource("demo", "event.json") == bundled / "demo" / "event.json"


def test_a_folder_without_its_manifest_is_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lookup: None
) -> None:
    (tmp_path / "_internal" / "resources").mkdir(parents=True)  # no MANIFEST
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert resources.resources_dir() == ROOT / "resources"


def test_no_resources_anywhere_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lookup: None
) -> None:
    package = tmp_path / "site-packages" / "paritrana_desktop"
    package.mkdir(parents=True)
    monkeypatch.setattr(resources, "_PACKAGE", package)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    with pytest.raises(RuntimeError, match="resources folder is missing") as error:
        resources.resources_dir()
    assert str(package / "resources") in str(error.value)


def test_the_wheel_carries_the_resources_folder_into_the_package() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = config["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["force-include"] == {
        "resources": "paritrana_desktop/resources",
        "docs": "paritrana_desktop/docs",  # the guides the Help window shows
    }
    # which is where resources.py looks inside an installed package
    assert resources._PACKAGE / "resources" in resources._candidates()
    assert resources._PACKAGE / "docs" in resources._candidates("docs")
