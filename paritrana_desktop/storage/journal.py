"""What a file's SQLite header says about how complete a copy of it is.

A judge's file is in WAL mode while the program has it open, and self-contained
(``journal_mode=DELETE``) once the program closes it (``PanelFile.close``) or exports it for
the chair. A WAL-mode file that arrives without its ``-wal`` was therefore copied by hand while
it was open and may lack the last changes; a file shorter than its header says was cut off on
the way.
"""

from __future__ import annotations

from pathlib import Path

from .database import SQLITE_MAGIC

__all__ = ["header_says_wal", "looks_cut_short"]


def header_says_wal(path: Path) -> bool:
    """Whether the SQLite header of ``path`` says WAL mode (bytes 18 and 19 are 2): such a
    file's last changes may still be in its ``-wal`` beside it. ``False`` for anything that
    cannot be read or is not SQLite."""
    try:
        with Path(path).open("rb") as f:
            head = f.read(20)
    except OSError:
        return False
    return head.startswith(SQLITE_MAGIC) and head[18:20] == b"\x02\x02"


def looks_cut_short(path: Path) -> bool:
    """Whether a SQLite file is shorter than its header says, or not a whole number of pages:
    a copy cut off on the way (a USB stick pulled out, a download stopped), not an edit.

    The header's page count (bytes 28 to 31) is trusted only when it is valid (bytes 92 to 95
    equal the change counter, bytes 24 to 27) and no ``-wal`` lies beside the file."""
    try:
        with Path(path).open("rb") as f:
            head = f.read(100)
        size = Path(path).stat().st_size
    except OSError:
        return False
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        return False
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    if page < 512 or size % page:
        return page >= 512
    pages = int.from_bytes(head[28:32], "big")
    valid = head[92:96] == head[24:28] and pages > 0
    return valid and not Path(f"{path}-wal").exists() and pages * page > size
