"""Our two kinds of SQLite file, told apart by the ``application_id`` in their header."""

from __future__ import annotations

from enum import Enum


class FileKind(Enum):
    """Our kinds of file; the value is the ``application_id`` in the header."""

    EVENT = 0x50544556  # "PTEV"
    PANEL = 0x5054504E  # "PTPN"

    @property
    def extension(self) -> str:
        return ".paritrana-kegiatan" if self is FileKind.EVENT else ".paritrana-panel"

    @property
    def name_id(self) -> str:
        return "berkas kegiatan" if self is FileKind.EVENT else "berkas panel"

    @property
    def name_en(self) -> str:
        return "event file" if self is FileKind.EVENT else "panel file"
