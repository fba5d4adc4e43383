"""What goes into the PyInstaller bundle and what is left out; read by paritrana.spec.

Kept apart from the spec so that it can be read, imported and tested without running
PyInstaller. The program uses three Qt modules only (QtCore, QtGui, QtWidgets); everything
else PySide6 could bring along is left out here:

- Python modules of unused Qt parts (QML, Quick, WebEngine, 3D, Multimedia, Pdf, Network...),
- Qt plugins the program cannot use (printing, TLS, network information, SQL drivers, PDF and
  other image formats, the virtual keyboard, eglfs and evdev input for kiosk systems),
- Qt's own translations (the program ships its own Indonesian ones in resources/i18n; English
  is the source language and needs none),
- then every library that only the left-out plugins linked to (found from the binaries' import
  tables, so a library something kept needs is never dropped).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

APP_NAME = "Paritrana Desktop"
FOLDER = "ParitranaDesktop"  # dist/ParitranaDesktop/
GUI_EXE = "ParitranaDesktop"  # the judge's window (windowed)
CLI_EXE = "paritrana"  # the command line (console), for the chair's merge
COMPANY = "Paritrana Desktop"
DESCRIPTION = "Offline scoring of the Paritrana Award interviews"

# Qt's Python modules the program does not import; listed so no hook can pull them in.
UNUSED_QT_MODULES = [
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDBus",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
]
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "pydoc",
    # No network in this program: without ssl the bundle cannot even speak TLS (urllib and
    # http.client, which lxml and the standard library import, work without it).
    "ssl",
    "_ssl",
    # hashlib's OpenSSL backend brings libcrypto.so.3 (4.7 MB); without it hashlib.sha256 (the
    # audit chain, the workbook's digest) and reportlab's md5 use Python's builtin _sha2 and
    # _md5, and nothing the program ships imports _hashlib directly.
    "_hashlib",
    # The signatures use PyNaCl (libsodium, about 1 MB); the cryptography package (14 MB) is
    # only a test dependency, listed so that no hook pulls it in.
    "cryptography",
    # openpyxl uses lxml.etree only.
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "PySide6.scripts",
    *(f"PySide6.{name}" for name in UNUSED_QT_MODULES),
    # reportlab needs Pillow's core to import, never its AVIF, WebP, colour-management or Tk
    # parts (the papers hold no raster images), nor its bridge to Qt.
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
]

# The papers (documents/): python-docx's default parts (docx/templates, which docxtpl opens a
# Word file with) go in as data; reportlab's standard font tables are imported by name at run
# time, so its pdfbase package goes in whole. The fonts and the berita acara template the papers
# use are the program's own, in resources/ (fonts/, templates/), which goes in whole anyway.
PAPERS_DATA_PACKAGES = ("docx",)
PAPERS_HIDDEN_PACKAGES = ("reportlab.pdfbase", "reportlab.graphics.barcode")
# PyNaCl's compiled part (nacl._sodium) loads cffi's back end from C, where PyInstaller's
# analysis cannot see it: named here, or the bundle fails at its first signature.
HIDDEN_MODULES = ("_cffi_backend",)

# The command line (CLI_EXE) is built without these: only the window uses Qt.
QT_MODULES = ["PySide6", "shiboken6"]


def needs_qt(module: str) -> bool:
    """Modules of the program that only the window imports."""
    return module == "paritrana_desktop.__main__" or module.startswith("paritrana_desktop.ui")


# Plugins kept, by plugin folder; a folder not named here is left out whole. A name matches a
# plugin file when the file's stem, without "lib" and the "d" of debug builds, starts with it.
KEPT_PLUGINS: dict[str, tuple[str, ...]] = {
    # xcb (X11), wayland, windows; offscreen for tests and headless starts; minimal as a fallback
    "platforms": ("qxcb", "qwayland", "qwindows", "qoffscreen", "qminimal", "qcocoa"),
    # The desktop portal gives native file dialogs over D-Bus. The GTK 3 theme is left out: it
    # would load the system's GTK against the older GLib, cairo and pango copied into the bundle.
    "platformthemes": ("qxdgdesktopportal",),
    "platforminputcontexts": ("composeplatforminputcontextplugin", "ibusplatforminputcontext"),
    "xcbglintegrations": ("qxcb-glx-integration", "qxcb-egl-integration"),
    "wayland-shell-integration": ("",),
    "wayland-decoration-client": ("",),
    "wayland-graphics-integration-client": ("",),
    "styles": ("",),  # the Windows 11 style
    "iconengines": ("qsvgicon",),  # the desktop's icon theme is drawn in SVG
    "imageformats": ("qico", "qsvg"),  # PNG is built into Qt; .ico and theme SVGs
}


def _normalise(dest: str) -> PurePosixPath:
    return PurePosixPath(dest.replace("\\", "/"))


def _plugin_stem(name: str) -> str:
    stem = name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def plugin_left_out(dest: str) -> bool:
    """Whether a collected Qt plugin (``.../plugins/<folder>/<file>``) is left out."""
    parts = _normalise(dest).parts
    if "plugins" not in parts[:-2]:
        return False
    index = len(parts) - 1 - parts[::-1].index("plugins")
    if index + 2 != len(parts) - 1:
        return False
    folder, stem = parts[index + 1], _plugin_stem(parts[-1])
    kept = KEPT_PLUGINS.get(folder)
    return kept is None or not any(stem.startswith(prefix) for prefix in kept)


def qt_translation_left_out(dest: str) -> bool:
    """Qt's own .qm files (qtbase_de.qm ...): the program loads only its own."""
    path = _normalise(dest)
    return path.suffix == ".qm" and "translations" in path.parts and "PySide6" in path.parts


def resource_left_out(dest: str) -> bool:
    """Files of resources/ the program never reads at run time: the translation sources."""
    path = _normalise(dest)
    return bool(path.parts) and path.parts[0] == "resources" and path.suffix == ".ts"


Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, type code)
LINKED = ("BINARY", "EXTENSION")  # type codes of shared libraries and Python extension modules
ImportsOf = Callable[[str], Iterable[str]]  # a binary's source path -> the names it links to


def _name(dest: str) -> str:
    return _normalise(dest).name.lower()


def _closure(roots: Iterable[Entry], by_name: dict[str, Entry], imports_of: ImportsOf) -> set[str]:
    reached: set[str] = set()
    queue = list(roots)
    while queue:
        entry = queue.pop()
        for needed in imports_of(entry[1]):
            key = _name(needed)
            if key in by_name and key not in reached:
                reached.add(key)
                queue.append(by_name[key])
    return reached


def libraries_only_needed_by(
    binaries: Iterable[Entry], left_out: set[str], imports_of: ImportsOf
) -> set[str]:
    """Destinations of the libraries that only the left-out binaries (plugins) needed.

    PyInstaller collects, with every plugin, the libraries it links to (a left-out PDF plugin
    brings Qt6Pdf). A library is dropped when every chain of links that reaches it from a
    top-level binary (a Python extension module, a plugin, the Python library: anything no
    other binary links to) passes through a left-out one. A library that nothing links to
    (loaded by name at run time) is never dropped.
    """
    entries = [entry for entry in binaries if entry[2] in LINKED]
    by_name = {_name(entry[0]): entry for entry in entries}
    linked_to = _closure(entries, by_name, imports_of)
    top = [entry for entry in entries if _name(entry[0]) not in linked_to]
    before = _closure(top, by_name, imports_of)
    after = _closure([e for e in top if e[0] not in left_out], by_name, imports_of)
    return {by_name[key][0] for key in before - after} - {e[0] for e in top}


def broken_links(
    binaries: Iterable[Entry], left_out: set[str], imports_of: ImportsOf
) -> dict[str, list[str]]:
    """Kept binaries that link to a library being left out: must be empty."""
    gone = {_name(dest) for dest in left_out}
    broken: dict[str, list[str]] = {}
    for dest, source, kind in binaries:
        if kind not in LINKED or dest in left_out:
            continue
        for needed in imports_of(source):
            if _name(needed) in gone:
                broken.setdefault(dest, []).append(_normalise(needed).name)
    return broken


def dangling_symlinks(binaries: Iterable[Entry], dropped: set[str]) -> set[str]:
    """Symbolic links (type code SYMLINK, source = target relative to the link's folder)
    whose target is being left out."""
    gone = {_normalise(dest).as_posix() for dest in dropped}
    dangling: set[str] = set()
    for dest, target, kind in binaries:
        if kind != "SYMLINK":
            continue
        resolved = _normalise(dest).parent / _normalise(target)
        parts: list[str] = []
        for part in resolved.parts:
            if part == "..":
                if parts:
                    parts.pop()
            elif part != ".":
                parts.append(part)
        if "/".join(parts) in gone:
            dangling.add(dest)
    return dangling


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` -> (0, 1, 0, 0); a suffix such as ``rc1`` or ``.dev3`` is dropped."""
    release = re.match(r"\d+(\.\d+)*", version)
    numbers = [int(part) for part in release.group(0).split(".")[:4]] if release else []
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def windows_version_text(version: str, exe_name: str, description: str) -> str:
    """The Windows version resource (Properties, Details) of one executable, in the text form
    PyInstaller reads from a version file (an expression over its versioninfo classes)."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name,
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    table = ",\n".join(
        f"        StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return (
        "# UTF-8\n"
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers!r}, prodvers={numbers!r}),\n"
        "  kids=[\n"
        "    StringFileInfo([\n"
        "      StringTable('040904B0', [\n"  # US English, Unicode
        f"{table},\n"
        "      ]),\n"
        "    ]),\n"
        "    VarFileInfo([VarStruct('Translation', [0x0409, 1200])]),\n"
        "  ],\n"
        ")\n"
    )
