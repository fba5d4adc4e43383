"""Every setting the program keeps, declared once with its type and its default.

The values live in ``settings.ini`` in the data folder (see ``paths``). Everything is stored
as text so that an INI file written on Windows reads the same on Linux; a value that cannot be
read back (edited by hand, say) gives the default instead of an error.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QSettings

from . import paths

T = TypeVar("T")

LANGUAGES = ("id", "en")
MAX_RECENT = 8


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: its key in the INI file, its default, and how it is stored."""

    key: str
    default: T
    kind: str  # "str", "int", "bool", "json" or "bytes"
    choices: tuple[str, ...] = ()

    def encode(self, value: T) -> str:
        if self.kind == "bytes":
            return base64.b64encode(cast(bytes, value)).decode("ascii")
        if self.kind == "json":
            return json.dumps(value, ensure_ascii=False)
        if self.kind == "bool":
            return "true" if value else "false"
        return str(value)

    def decode(self, text: str) -> T:
        try:
            value: Any
            if self.kind == "bytes":
                value = base64.b64decode(text.encode("ascii"), validate=True)
            elif self.kind == "json":
                value = json.loads(text)
                if not isinstance(value, type(self.default)):
                    return self.default
            elif self.kind == "bool":
                value = text.strip().lower() in ("1", "true", "yes")
            elif self.kind == "int":
                value = int(text)
            else:
                value = text
                if self.choices and value not in self.choices:
                    return self.default
        except (ValueError, binascii.Error, json.JSONDecodeError):
            return self.default
        return cast(T, value)


# --- the settings -----------------------------------------------------------------------
LANGUAGE: Setting[str] = Setting("ui/language", "id", "str", LANGUAGES)
RECENT_FILES: Setting[list[str]] = Setting("files/recent", [], "json")
# event fingerprint -> the judge's panel file made from it ("asks once who you are")
EVENT_PANELS: Setting[dict[str, str]] = Setting("files/event_panels", {}, "json")
OPEN_FOLDER: Setting[str] = Setting("files/open_folder", "", "str")
EXPORT_FOLDER: Setting[str] = Setting("files/export_folder", "", "str")
MERGE_FOLDER: Setting[str] = Setting("files/merge_folder", "", "str")  # the chair's last add
MERGE_REGISTER: Setting[str] = Setting("files/merge_register", "", "str")  # the chair's register
WINDOW_GEOMETRY: Setting[bytes] = Setting("window/geometry", b"", "bytes")
WINDOW_STATE: Setting[bytes] = Setting("window/state", b"", "bytes")
MERGE_GEOMETRY: Setting[bytes] = Setting("window/merge_geometry", b"", "bytes")
MERGE_SPLITTER: Setting[bytes] = Setting("window/merge_splitter", b"", "bytes")
SCORING_GEOMETRY: Setting[bytes] = Setting("window/scoring_geometry", b"", "bytes")
SCHEDULE_HEADER: Setting[bytes] = Setting("window/schedule_header", b"", "bytes")
FILTER_DAY: Setting[str] = Setting("filters/day", "", "str")  # ISO date or "" for all days
FILTER_CATEGORY: Setting[str] = Setting("filters/category", "", "str")  # code or ""
FILTER_STATUS: Setting[str] = Setting("filters/status", "", "str")  # status key or ""
# The search text is not kept: after a restart it would seem to hide interviews.


class Settings:
    """Typed access to the settings file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.settings_file()
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        raw = self._store.value(setting.key)
        if raw is None or not isinstance(raw, str):
            default = setting.default
            # Mutable defaults are handed out as copies.
            return cast(T, type(default)(default)) if isinstance(default, list | dict) else default
        return setting.decode(raw)

    def set(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, setting.encode(value))

    def reset(self, setting: Setting[Any]) -> None:
        self._store.remove(setting.key)

    def sync(self) -> None:
        """Write pending changes to the file now (Qt also writes them soon by itself)."""
        self._store.sync()

    # --- the few settings with a little logic -------------------------------------------
    def recent_files(self) -> list[Path]:
        return [Path(p) for p in self.get(RECENT_FILES) if p]

    def add_recent_file(self, path: Path) -> None:
        text = str(Path(path).resolve())
        recent = [p for p in self.get(RECENT_FILES) if p != text]
        self.set(RECENT_FILES, [text, *recent][:MAX_RECENT])

    def remove_recent_file(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self.set(RECENT_FILES, [p for p in self.get(RECENT_FILES) if p != text])

    def panel_for_event(self, fingerprint: str) -> Path | None:
        found = self.get(EVENT_PANELS).get(fingerprint)
        return Path(found) if found else None

    def remember_panel_for_event(self, fingerprint: str, panel_path: Path) -> None:
        mapping = self.get(EVENT_PANELS)
        mapping[fingerprint] = str(Path(panel_path).resolve())
        self.set(EVENT_PANELS, mapping)
