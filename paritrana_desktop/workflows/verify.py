"""``paritrana verify``: what a file is, its format version, its integrity and its audit chain."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..domain.errors import UserError, current_language
from ..storage.database import FileKind, current_version, read_header
from ..storage.event_file import read_event_file
from ..storage.panel_file import PanelFile


def _kind_line(kind: FileKind, version: int, en: bool) -> str:
    """``berkas panel, versi format 1 (terbaru yang dikenal program ini: 1)``."""
    newest = current_version(kind)
    if en:
        return f"{kind.name_en}, format version {version} (newest this program knows: {newest})"
    return f"{kind.name_id}, versi format {version} (terbaru yang dikenal program ini: {newest})"


def describe_file(path: Path) -> tuple[bool, list[str]]:
    """(sound, lines to show) for one file, in the current language."""
    en = current_language() == "en"
    try:
        header = read_header(path)
        kind = header.kind
        if kind is FileKind.EVENT:
            event = read_event_file(path)
            return True, [
                _kind_line(kind, header.user_version, en),
                f"{event.name} ({event.code})",
                (
                    f"{len(event.categories)} categories, {len(event.interviews)} interviews, "
                    f"{len(event.judges)} judges"
                    if en
                    else f"{len(event.categories)} kategori, {len(event.interviews)} wawancara, "
                    f"{len(event.judges)} panelis"
                ),
                ("fingerprint " if en else "sidik jari ") + event.fingerprint()[:16],
                "OK",
            ]
        with PanelFile.open(path, read_only=True) as panel:
            result = panel.verify()
            cards = panel.scorecards()
            conflicts = sum(1 for c in cards if c.conflict)
            final = sum(1 for c in cards if c.is_final and not c.conflict)
            drafts = len(cards) - final - conflicts
            lines = [
                _kind_line(FileKind.PANEL, header.user_version, en),
                f"{panel.event.name} ({panel.event.code})",
                (
                    f"judge {panel.judge.name} ({panel.judge.id}), {panel.judge.institution}"
                    if en
                    else f"panelis {panel.judge.name} ({panel.judge.id}), {panel.judge.institution}"
                ),
                (
                    f"{len(cards)} scorecards: {final} final, {drafts} draft, "
                    f"{conflicts} conflict of interest"
                    if en
                    else f"{len(cards)} lembar nilai: {final} final, {drafts} draf, "
                    f"{conflicts} konflik kepentingan"
                ),
                (
                    f"audit log: {result.entries} entries"
                    if en
                    else f"log audit: {result.entries} entri"
                ),
            ]
            lines.extend(p[1] if en else p[0] for p in result.problems)
            lines.append("OK" if result.ok else ("FAILED" if en else "GAGAL"))
            return result.ok, lines
    except UserError as exc:
        return False, [str(exc), "FAILED" if en else "GAGAL"]


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
    summary = (
        f"{len(failed)} of {len(checked)} files failed the check: {names}"
        if current_language() == "en"
        else f"{len(failed)} dari {len(checked)} berkas tidak lolos pemeriksaan: {names}"
    )
    print(f"paritrana: {summary}", file=err or sys.stderr)
    return 1
