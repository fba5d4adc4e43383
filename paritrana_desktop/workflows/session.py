"""What opening a file means, without any window: which kind it is, and which panel file a judge
gets for an event. The main window asks these functions and shows their errors.

No Qt here, so it is tested as plain Python.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..domain.errors import UserError
from ..domain.event import Event
from ..domain.text import Text
from ..storage.database import FileKind, check_header, header_may_be_in_wal, read_header
from ..storage.keys import default_key_folder, new_key, save_key
from ..storage.panel_file import EXTENSION as PANEL_EXTENSION
from ..storage.panel_file import PanelFile
from .paths import absolute, same_path


def check_openable(path: Path) -> FileKind:
    """EVENT or PANEL; a foreign, empty or newer file is refused here, before anything that is
    open gets closed. (A panel file open elsewhere may still hold its header in its WAL; the
    full check happens when it is opened.)"""
    path = Path(path)
    header = read_header(path)
    if header.kind is FileKind.EVENT:
        check_header(path, FileKind.EVENT)
        return FileKind.EVENT
    if not header_may_be_in_wal(path, header):
        check_header(path, FileKind.PANEL)
    return FileKind.PANEL


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.") or "x"


def panel_path_candidates(event: Event, judge_id: str, folder: Path) -> list[Path]:
    """Where the judge's panel file for ``event`` lives: the plain name, then a name that also
    carries the event's fingerprint (used when another version of the event took the plain one).
    """
    base = f"{_safe(event.code)}_{_safe(judge_id)}"
    return [
        folder / f"{base}{PANEL_EXTENSION}",
        folder
        / f"{_safe(event.code)}-{event.fingerprint()[:8]}_{_safe(judge_id)}{PANEL_EXTENSION}",
    ]


def belongs_to(panel: PanelFile, event: Event, judge_id: str) -> bool:
    return panel.judge.id == judge_id and panel.stored_event_fingerprint == event.fingerprint()


def open_or_create_panel(event: Event, judge_id: str, folder: Path) -> PanelFile:
    """The judge's panel file for ``event`` in ``folder``: reopened if it exists, else created
    (with the judge's new signing key, saved in the user's key folder)."""
    if not event.has_judge(judge_id):
        raise UserError(
            Text(
                f"Panelis {judge_id!r} tidak ada dalam daftar panel {event.name}.",
                f"Judge {judge_id!r} is not on the panel of {event.name}.",
            ),
        )
    folder.mkdir(parents=True, exist_ok=True)
    for path in panel_path_candidates(event, judge_id, folder):
        if not path.exists() or path.stat().st_size == 0:
            return PanelFile.create(path, event, judge_id)
        panel = PanelFile.open(path)
        if belongs_to(panel, event, judge_id):
            return panel
        panel.close()
    raise UserError(
        Text(
            f"Folder data berisi berkas panel lain dengan nama yang sama di {folder}. Pindahkan "
            "berkas itu ke tempat lain, lalu coba lagi.",
            f"The data folder {folder} holds other panel files under the same names. Move them "
            "elsewhere and try again.",
        ),
    )


def earlier_version(event: Event, judge_id: str, folder: Path) -> Path | None:
    """The judge's panel file for an earlier version of this event (same code, another
    fingerprint: the secretariat changed the rubric or the schedule), if there is one."""
    plain = panel_path_candidates(event, judge_id, folder)[0]
    if not plain.exists() or plain.stat().st_size == 0:
        return None
    try:
        with PanelFile.open(plain, read_only=True) as panel:
            same = belongs_to(panel, event, judge_id)
    except UserError:
        return None
    return None if same else plain


def in_folder(path: Path, folder: Path) -> bool:
    """Whether ``path`` lies directly in ``folder`` (links and letter case resolved)."""
    return same_path(absolute(Path(path)).parent, folder)


def own_panel_file(event: Event, judge_id: str, folder: Path) -> Path | None:
    """The judge's own panel file for ``event`` in ``folder`` (the data folder), if there is
    one. A file that cannot be read to check (open in another copy of the program, say) counts
    as theirs: better to send the judge to it than to make a second one."""
    for path in panel_path_candidates(event, judge_id, folder):
        if not path.exists() or path.stat().st_size == 0:
            continue
        try:
            with PanelFile.open(path, read_only=True) as panel:
                if belongs_to(panel, event, judge_id):
                    return path
        except UserError:
            return path
    return None


def continue_from_copy(
    copy: PanelFile, folder: Path, *, reason: str = "", key_folder: Path | None = None
) -> Path:
    """Make the copy ``copy`` (a copy for the chair, say, open read-only) the judge's panel file
    in ``folder``, for a judge who moved to another laptop; returns the new file's path. Refused
    when the judge already has a panel file for that event there: two files would diverge.

    A signed copy gets a new signing key on this laptop (saved in ``key_folder``, the user's key
    folder by default); the change is an entry in the chain naming the old and the new key, the
    time and the judge's ``reason``. The chair accepts it or not (``paritrana register
    accept-key-change``). A copy of the earlier, unsigned format stays unsigned."""
    from ..storage import copies

    event, judge_id = copy.event, copy.judge.id
    folder.mkdir(parents=True, exist_ok=True)
    existing = own_panel_file(event, judge_id, folder)
    if existing is not None:
        raise UserError(
            Text(
                f"Anda sudah mempunyai berkas panel untuk kegiatan ini: {existing}. Salinan tidak "
                "disalin; lanjutkan menilai di berkas Anda sendiri.",
                f"You already have a panel file for this event: {existing}. The copy was not taken "
                "over; go on scoring in your own file.",
            ),
        )
    free = [p for p in panel_path_candidates(event, judge_id, folder) if not p.exists()]
    if not free:
        raise UserError(
            Text(
                f"Folder data berisi berkas panel lain dengan nama yang sama di {folder}. "
                "Pindahkan berkas itu ke tempat lain, lalu coba lagi.",
                f"The data folder {folder} holds other panel files under the same names. Move them "
                "elsewhere and try again.",
            ),
        )
    snapshot = copies.take_snapshot(copy)
    try:
        target = copies.deliver_as(snapshot, free[0])
    finally:
        copies.discard(snapshot)
    if copy.public_key is not None:
        _new_key_for(target, reason, key_folder or default_key_folder())
    return target


def _new_key_for(path: Path, reason: str, key_folder: Path) -> None:
    key = new_key()
    save_key(key, key_folder)
    with PanelFile.open(path, key_folder=key_folder) as panel:
        panel.change_key(key, reason.strip())
