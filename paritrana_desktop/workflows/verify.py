"""``paritrana verify``: what a file is, its format version, its integrity and its audit chain.

Checking leaves the folder as it found it: the file (with its ``-wal``) is read from a private
copy (:mod:`.private_copy`), so no ``-shm`` or ``-wal`` appears beside it and a read-only
folder or stick can be checked. A panel file in WAL mode that came without its ``-wal`` is
named as a possible hand copy that may lack the judge's last changes.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..domain.errors import UserError
from ..domain.text import Text
from ..domain.trust import signature_lines
from ..storage.database import FileKind, current_version, read_header
from ..storage.event_file import read_event_file
from ..storage.journal import looks_cut_short
from ..storage.panel_file import PanelFile
from ..storage.register import APPLICATION_ID as REGISTER_APPLICATION_ID
from .codes import check_code, panel_code
from .event_summary import event_summary
from .merge_inputs import cannot_read, cut_short, is_hand_copy
from .older_files import carried_forward_copy, is_earlier_panel_format
from .private_copy import SourceUnreadable, private_copy
from .register import show_register


def _kind_line(kind: FileKind, version: int) -> Text:
    """``berkas panel, versi format 1 (terbaru yang dikenal program ini: 1)``."""
    newest = current_version(kind)
    return Text(
        f"{kind.name_id}, versi format {version} (terbaru yang dikenal program ini: {newest})",
        f"{kind.name_en}, format version {version} (newest this program knows: {newest})",
    )


_OK = Text.same("OK")
_FAILED = Text("GAGAL", "FAILED")


HAND_COPY = Text(
    "Berkas ini dalam mode WAL dan datang tanpa berkas -wal-nya: bila disalin manual dari "
    "folder data panelis, perubahan terakhirnya mungkin tidak ikut. Minta panelis mengekspor "
    "salinan dari laptopnya dengan Ekspor berkas untuk ketua.",
    "This file is in WAL mode and came without its -wal file: if it was copied by hand from the "
    "judge's data folder, its last changes may be missing. Ask the judge to export a copy on the "
    "laptop with Export file for the chair.",
)


def describe_file(path: Path) -> tuple[bool, list[str]]:
    """(sound, lines to show) for one file, in the current language."""
    path = Path(path)
    try:
        header = read_header(path)
        if looks_cut_short(path):
            raise cut_short(path)
        with private_copy(path) as copy:
            if header.application_id == REGISTER_APPLICATION_ID:
                ok, lines = _register_lines(copy.path)
            elif header.kind is FileKind.EVENT:
                ok, lines = _event_lines(copy.path, header.user_version)
            else:
                ok, lines = _panel_lines(copy.path, header.user_version)
        if ok and is_hand_copy(path, header.kind):
            ok, lines = False, [*lines[:-1], HAND_COPY, _FAILED]
    except SourceUnreadable as exc:
        ok, lines = False, [cannot_read(path, exc.error).message, _FAILED]
    except OSError as exc:  # a link that loops, a name too long: said in words, not a traceback
        ok, lines = False, [cannot_read(path, exc).message, _FAILED]
    except UserError as exc:
        ok, lines = False, [exc.message, _FAILED]
    return ok, [line.pick() for line in lines]


def _register_lines(path: Path) -> tuple[bool, list[Text]]:
    """The chair's register: what it holds, once its chain and signatures are checked (a
    register edited outside the program is refused with a sentence)."""
    kind = Text("register ketua", "the chair's register")
    return True, [kind, *show_register(path), _OK]


def _event_lines(path: Path, version: int) -> tuple[bool, list[Text]]:
    event = read_event_file(path)
    return True, [_kind_line(FileKind.EVENT, version), *event_summary(event), _OK]


def _panel_lines(path: Path, version: int) -> tuple[bool, list[Text]]:
    with tempfile.TemporaryDirectory(prefix="paritrana-verify-") as tmp:
        readable = path
        if is_earlier_panel_format(version):
            readable = carried_forward_copy(path, Path(tmp))
        with PanelFile.open(readable, read_only=True) as panel:
            result = panel.verify()
            cards = panel.scorecards()
            event, judge = panel.event, panel.judge
            code = panel_code(panel)
    conflicts = sum(1 for c in cards if c.conflict)
    final = sum(1 for c in cards if c.is_final and not c.conflict)
    drafts = len(cards) - final - conflicts
    who = f"{judge.name} ({judge.id}), {judge.institution}"
    lines = [
        _kind_line(FileKind.PANEL, version),
        Text.same(f"{event.name} ({event.code})"),
        Text(f"panelis {who}", f"judge {who}"),
        Text(
            f"{len(cards)} lembar nilai: {final} final, {drafts} draf, {conflicts} konflik "
            "kepentingan",
            f"{len(cards)} scorecards: {final} final, {drafts} draft, {conflicts} conflict of "
            "interest",
        ),
        Text(f"log audit: {result.entries} entri", f"audit log: {result.entries} entries"),
        *signature_lines(result.trust),
        Text(f"kode verifikasi: {code}", f"verification code: {code}"),
        *result.problems,
        _OK if result.ok else _FAILED,
    ]
    return result.ok, lines


def verify_files(paths: Iterable[Path], out: TextIO, err: TextIO | None = None) -> int:
    """Print a block per file; exit status 0 when every file is sound, else 1, with one line
    on ``err`` (standard error by default) naming the files that failed."""
    checked: list[Path] = []
    failed: list[Path] = []
    for path in paths:
        ok, lines = describe_file(path)
        checked.append(path)
        if not ok:
            failed.append(path)
        print(f"{path}:", file=out)
        for line in lines:
            print(f"  {line}", file=out)
    if not failed:
        return 0
    names = ", ".join(p.name for p in failed)
    summary = Text(
        f"{len(failed)} dari {len(checked)} berkas tidak lolos pemeriksaan: {names}",
        f"{len(failed)} of {len(checked)} files failed the check: {names}",
    )
    print(f"paritrana: {summary}", file=err or sys.stderr)
    return 1


def verify_code(path: Path, code: str, out: TextIO, err: TextIO | None = None) -> int:
    """``paritrana verify FILE --code CODE``: exit status 0 only when the panel file at ``path``
    is now in exactly the state ``code`` names; otherwise 1, with the sentence saying which
    holds (changed since, another file or judge, an older copy, mistyped) on ``err``."""
    if read_header(Path(path)).kind is not FileKind.PANEL:
        raise UserError(
            Text(
                f"{path}: kode verifikasi hanya ada untuk berkas panel.",
                f"{path}: only panel files have a verification code.",
            )
        )
    found = check_code(Path(path), code)
    if found.same:
        print(f"{path}: {found.message.pick()}", file=out)
        return 0
    print(f"paritrana: {path}: {found.message.pick()}", file=err or sys.stderr)
    return 1
