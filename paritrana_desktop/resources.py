"""Where the program's own files are: translations, icons, the demo event, templates.

The same ``resources/`` folder is found in all three forms the program runs in:
- a PyInstaller bundle: ``<bundle>/resources`` (``sys._MEIPASS``),
- an installed wheel: ``paritrana_desktop/resources`` inside the package,
- a source checkout: ``resources/`` beside the package.
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


def _candidates() -> list[Path]:
    found: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "resources")
    found.append(_PACKAGE / "resources")
    found.append(_PACKAGE.parent / "resources")
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
