"""The arrows point one way: ``ui`` and ``cli`` use ``domain``, ``storage`` and ``excel``;
those never import Qt, the UI or the command line. Checked on the source with ``ast`` (so an
import tucked inside a function counts too) and by importing the modules in a fresh process."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.unit.storage_helpers import REPO

PACKAGE = REPO / "paritrana_desktop"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")
QT_FREE_LAYERS = ("domain", "storage", "excel", "documents", "workflows", "window_state")
QT_FREE_MODULES = ("resources",)
UPPER_LAYERS = ("paritrana_desktop.ui", "paritrana_desktop.cli", "paritrana_desktop.__main__")
DOMAIN_MUST_NOT = (
    "paritrana_desktop.storage",
    "paritrana_desktop.excel",
    "sqlite3",
    "sqlite_utils",
    "openpyxl",
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, *, is_package: bool = False) -> Iterator[str]:
    """Every module ``source`` imports, anywhere in it, relative imports made absolute; also
    ``importlib.import_module("...")`` and ``__import__("...")`` with a literal name."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base)
                target = f"{prefix}.{node.module}" if node.module else prefix
            else:
                target = node.module or ""
            yield target
            for alias in node.names:  # "from . import ui" imports the module ui
                yield f"{target}.{alias.name}"
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if name in ("import_module", "__import__") and isinstance(first, ast.Constant):
                yield str(first.value)


def _starts_with(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _files(*layers: str) -> list[Path]:
    return [p for layer in layers for p in sorted((PACKAGE / layer).rglob("*.py"))]


def _qt_free_files() -> list[Path]:
    modules = [PACKAGE / f"{name}.py" for name in QT_FREE_MODULES]
    return _files(*QT_FREE_LAYERS) + [p for p in modules if p.exists()]


def _imports_of(path: Path) -> list[str]:
    return list(
        imported_modules(
            path.read_text(encoding="utf-8"),
            _module_name(path),
            is_package=path.name == "__init__.py",
        )
    )


def test_the_checker_sees_imports_everywhere() -> None:
    source = textwrap.dedent(
        """
        import os
        from . import ui
        from ..storage.panel_file import PanelFile
        def later():
            from PySide6.QtWidgets import QWidget
            import shiboken6
            importlib.import_module("PySide6.QtCore")
        class K:
            def m(self):
                from ...cli import main
        """
    )
    found = set(imported_modules(source, "paritrana_desktop.excel.x"))
    assert {"PySide6.QtWidgets", "shiboken6", "PySide6.QtCore"} <= found
    assert "paritrana_desktop.excel.ui" in found
    assert "paritrana_desktop.storage.panel_file" in found
    assert "paritrana_desktop.cli" not in found  # three dots go above the package
    found = set(imported_modules("from ..cli import main", "paritrana_desktop.excel.x"))
    assert "paritrana_desktop.cli" in found
    found = set(imported_modules("from .ui import app", "paritrana_desktop", is_package=True))
    assert "paritrana_desktop.ui.app" in found


def test_the_qt_free_layers_exist() -> None:
    files = _qt_free_files()
    names = {_module_name(p) for p in files}
    assert {
        "paritrana_desktop.domain.event",
        "paritrana_desktop.storage.panel_file",
        "paritrana_desktop.excel",
        "paritrana_desktop.workflows.verify",
    } <= names


@pytest.mark.parametrize("path", _qt_free_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_qt_below_the_ui(path: Path) -> None:
    qt = [name for name in _imports_of(path) if _starts_with(name, QT)]
    assert qt == [], f"{path.relative_to(REPO)} imports {qt}"


@pytest.mark.parametrize("path", _files(*QT_FREE_LAYERS), ids=lambda p: str(p.relative_to(REPO)))
def test_the_lower_layers_never_import_the_ui_or_the_command_line(path: Path) -> None:
    upward = [name for name in _imports_of(path) if _starts_with(name, UPPER_LAYERS)]
    assert upward == [], f"{path.relative_to(REPO)} imports {upward}"


@pytest.mark.parametrize(
    "path", _files("domain", "storage", "excel"), ids=lambda p: str(p.relative_to(REPO))
)
def test_the_layers_below_the_workflows_never_import_them(path: Path) -> None:
    upward = [n for n in _imports_of(path) if _starts_with(n, ("paritrana_desktop.workflows",))]
    assert upward == [], f"{path.relative_to(REPO)} imports {upward}"


@pytest.mark.parametrize("path", _files("domain"), ids=lambda p: str(p.relative_to(REPO)))
def test_the_domain_is_plain_python(path: Path) -> None:
    wrong = [name for name in _imports_of(path) if _starts_with(name, DOMAIN_MUST_NOT)]
    assert wrong == [], f"{path.relative_to(REPO)} imports {wrong}"


def test_importing_the_lower_layers_loads_no_qt() -> None:
    """Also through third-party libraries: import every Qt-free module, then look."""
    modules = [*sorted(_module_name(p) for p in _qt_free_files()), "paritrana_desktop.cli"]
    code = textwrap.dedent(
        f"""
        import importlib, sys
        for name in {modules!r}:
            importlib.import_module(name)
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in {QT!r})
        print(loaded)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


UPPER = ("ui", "cli")
# What the windows and the command line may import from below the workflows: the error
# classes (to tell the user's mistakes from bugs) and the plain domain; never a file module.
FILE_LAYERS = (
    "paritrana_desktop.storage",
    "paritrana_desktop.excel",
    "paritrana_desktop.documents",
)
ALLOWED_FROM_FILE_LAYERS = ("paritrana_desktop.storage.errors",)


@pytest.mark.parametrize("path", _files(*UPPER), ids=lambda p: str(p.relative_to(REPO)))
def test_windows_and_commands_reach_the_files_through_the_workflows(path: Path) -> None:
    direct = [
        name
        for name in _imports_of(path)
        if _starts_with(name, FILE_LAYERS) and not _starts_with(name, ALLOWED_FROM_FILE_LAYERS)
    ]
    assert direct == [], (
        f"{path.relative_to(REPO)} imports {direct}; ask paritrana_desktop.workflows"
    )


@pytest.mark.parametrize("path", _files("ui"), ids=lambda p: str(p.relative_to(REPO)))
def test_modules_in_ui_use_qt(path: Path) -> None:
    """Qt-free rules of the windows live in window_state/, not beside the widgets."""
    if path.name == "__init__.py":
        return
    qt = [name for name in _imports_of(path) if _starts_with(name, QT)]
    assert qt, f"{path.relative_to(REPO)} imports no Qt: move it to window_state/ or workflows/"


MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(REPO))
)
def test_rooms_a_newcomer_can_live_in(path: Path) -> None:
    """No module over 500 lines and no function over 80."""
    source = path.read_text(encoding="utf-8")
    lines = source.count("\n")
    assert lines <= MAX_MODULE_LINES, f"{path.relative_to(REPO)} has {lines} lines"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == [], f"{path.relative_to(REPO)}: {', '.join(long)}"
