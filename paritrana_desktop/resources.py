"""Where the program's own files are: translations, icons, the demo event, templates, and the
guides the Help window shows.

The same ``resources/`` and ``docs/`` folders are found in all three forms the program runs in:
- a PyInstaller bundle: ``<bundle>/resources`` and ``<bundle>/docs`` (``sys._MEIPASS``),
- an installed wheel: ``paritrana_desktop/resources`` and ``paritrana_desktop/docs`` inside the
  package (``pyproject.toml``, force-include),
- a source checkout: ``resources/`` and ``docs/`` beside the package.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent

# The program's id on Linux desktops: the name of its desktop entry, AppStream file, icon and
# file-type definitions (packaging/linux/). ".invalid" is reserved (RFC 2606) and can never be a
# registered domain, so the id claims no one's name; the README ("The application id") says more.
DESKTOP_ID = "invalid.paritrana.Desktop"


def _candidates(folder: str = "resources") -> list[Path]:
    found: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / folder)
    found.append(_PACKAGE / folder)
    found.append(_PACKAGE.parent / folder)
    return found


@cache
def resources_dir() -> Path:
    for candidate in _candidates():
        if (candidate / "MANIFEST").is_file():
            return candidate
    searched = ", ".join(str(c) for c in _candidates())
    raise RuntimeError(f"The program's resources folder is missing (searched {searched}).")


def resource(*parts: str) -> Path:
    """The path of one resource file, e.g. ``resource("demo", "event.json")``."""
    return resources_dir().joinpath(*parts)


def document_resource(kind: str, name: str) -> Path:
    """A font or a template the papers use, e.g. ``document_resource("fonts", "DejaVuSans.ttf")``.

    Raises ``RuntimeError`` (a broken installation, not a user's mistake) when it is missing."""
    if kind not in ("fonts", "templates"):
        raise ValueError(f"unknown kind of document resource: {kind!r}")
    path = resource(kind, name)
    if not path.is_file():
        raise RuntimeError(f"The program's {kind[:-1]} {name} is missing ({path}).")
    return path


def rekap_method_prose() -> dict[str, Any]:
    """The explanations of the merged workbook's Metode sheet (``rekap/metode.toml``)."""
    import tomllib

    with resource("rekap", "metode.toml").open("rb") as stream:
        return tomllib.load(stream)


# The guides, one per role, in Bahasa Indonesia (docs/; images in docs/img/).
JUDGE_GUIDE = "panduan-panelis.md"  # the main window and the scoring window
CHAIR_GUIDE = "panduan-ketua.md"  # the merge window
SECRETARIAT_GUIDE = "panduan-sekretariat.md"


def docs_dir() -> Path | None:
    """The folder of the guides, or None when this copy of the program has none."""
    for candidate in _candidates("docs"):
        if candidate.is_dir():
            return candidate
    return None


def guide(name: str) -> Path | None:
    """The path of one guide, e.g. ``guide(JUDGE_GUIDE)``; None when it is missing."""
    folder = docs_dir()
    found = folder / name if folder is not None else None
    return found if found is not None and found.is_file() else None
