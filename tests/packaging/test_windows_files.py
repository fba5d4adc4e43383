"""The Windows side, as far as it can be checked without Windows: the Inno Setup script agrees
with the bundle and keeps its promises (per user, no administrator rights, file types in
HKEY_CURRENT_USER, the judge's files never deleted); the version resource is well formed."""

from __future__ import annotations

import re
import sys

import pytest

from paritrana_desktop import __version__
from paritrana_desktop.storage.database import FileKind
from tests.packaging.sandbox import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
import bundle_config as cfg

ISS = ROOT / "packaging" / "windows" / "paritrana.iss"


def sections(text: str) -> dict[str, list[str]]:
    """The script's sections and their lines, comments and blank lines left out."""
    found: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "//")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            found.setdefault(current, [])
        elif current:
            found[current].append(line)
    return found


@pytest.fixture(scope="module")
def iss() -> dict[str, list[str]]:
    return sections(ISS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def defines() -> dict[str, str]:
    text = ISS.read_text(encoding="utf-8")
    return dict(re.findall(r'^#define (\w+) "([^"]*)"', text, re.MULTILINE))


def setup(iss: dict[str, list[str]]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss["Setup"])


def test_it_installs_per_user_without_administrator_rights(iss: dict[str, list[str]]) -> None:
    values = setup(iss)
    assert values["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in values
    assert values["DefaultDirName"].startswith("{userpf}\\")
    assert all("HKLM" not in line and "HKA" not in line for line in iss["Registry"])
    assert all(line.startswith("Root: HKCU;") for line in iss["Registry"])
    assert "{commonprograms}" not in ISS.read_text(encoding="utf-8")


def test_it_names_what_the_bundle_build_makes(
    iss: dict[str, list[str]], defines: dict[str, str]
) -> None:
    assert defines["AppExe"] == f"{cfg.GUI_EXE}.exe"
    assert defines["CliExe"] == f"{cfg.CLI_EXE}.exe"
    assert defines["BundleDir"].replace("\\", "/") == f"../../dist/{cfg.FOLDER}"
    assert defines["AppName"] == cfg.APP_NAME
    icon = setup(iss)["SetupIconFile"].replace("\\", "/")
    assert (ISS.parent / icon).resolve() == (ROOT / "resources" / "icons" / "paritrana.ico")
    assert setup(iss)["OutputDir"].replace("\\", "/") == "../../dist"


def test_both_file_types_open_in_the_program(iss: dict[str, list[str]]) -> None:
    registry = "\n".join(iss["Registry"])
    for kind, progid in (
        (FileKind.EVENT, "Paritrana.Kegiatan"),
        (FileKind.PANEL, "Paritrana.Panel"),
    ):
        extension = kind.extension
        assert (
            f'Subkey: "Software\\Classes\\{extension}"; ValueType: string; ValueName: ""; '
            f'ValueData: "{progid}"; Flags: uninsdeletevalue' in registry
        )
        assert f'Subkey: "Software\\Classes\\{progid}"; ' in registry
        command = f'Subkey: "Software\\Classes\\{progid}\\shell\\open\\command"'
        line = next(line for line in iss["Registry"] if command in line)
        assert 'ValueData: """{app}\\{#AppExe}"" ""%1"""' in line
        key_line = next(
            line for line in iss["Registry"] if f'Classes\\{progid}"; ValueType' in line
        )
        assert "uninsdeletekey" in key_line
    assert setup(iss)["ChangesAssociations"] == "yes"


def test_the_uninstaller_never_deletes_the_judges_files(iss: dict[str, list[str]]) -> None:
    assert "UninstallDelete" not in iss
    assert "InstallDelete" not in iss
    text = ISS.read_text(encoding="utf-8")
    code = "\n".join(iss.get("Code", []))
    for deleting in ("DelTree", "DeleteFile", "RemoveDir"):
        assert deleting not in code
    # the only mention of the data folder is the message that says it is still there
    assert text.count("{userappdata}") == 1 and "DataKept" in code
    files = iss["Files"]
    assert files and all('DestDir: "{app}"' in line for line in files)


def test_start_menu_entries(iss: dict[str, list[str]]) -> None:
    icons = iss["Icons"]
    assert any(
        line.startswith('Name: "{autoprograms}\\{#AppName}"; Filename: "{app}\\{#AppExe}"')
        for line in icons
    )
    assert any("{#CliExe}" in line and "{autoprograms}" in line for line in icons)


def test_the_windows_version_resource_carries_the_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # PyInstaller's versioninfo module imports pefile and win32api, which exist on Windows only
    # and serve only to write into an .exe; stand-ins let the real classes parse the text and
    # build the binary resource here, as PyInstaller does on Windows.
    import types

    import PyInstaller.compat  # type: ignore[import-untyped]

    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32 import versioninfo  # type: ignore[import-untyped]

    for exe in (cfg.GUI_EXE, cfg.CLI_EXE):
        text = cfg.windows_version_text(__version__, exe, cfg.DESCRIPTION)
        info = eval(text, vars(versioninfo))  # what load_version_info_from_text_file does
        assert isinstance(info, versioninfo.VSVersionInfo)
        raw = info.toRaw()
        for value in (__version__, cfg.APP_NAME, f"{exe}.exe", cfg.DESCRIPTION):
            assert value.encode("utf-16-le") in raw
        major, minor, patch, _ = cfg.version_tuple(__version__)
        assert info.ffi.fileVersionMS == (major << 16) | minor
        assert info.ffi.productVersionLS >> 16 == patch
    assert cfg.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert cfg.version_tuple("2.0") == (2, 0, 0, 0)
