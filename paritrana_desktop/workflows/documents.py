"""Making the papers, end to end: a judge's lembar penilaian from their panel file, and after a
merge the berita acara and one lembar per judge into a folder, all or nothing.

The inputs come from :mod:`.paper_inputs` (the merge's plan, the judge's file); the layout is
``documents``'. Nothing here imports Qt: the command line and the windows share it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..documents.model import BeritaAcaraInput, ScoreSheetInput
from ..domain.errors import UserError
from ..domain.merge_model import MergePlan
from ..domain.text import Text
from ..storage.errors import cannot_write
from ..storage.panel_file import PanelFile
from .codes import panel_code
from .paper_inputs import berita_acara_input, judge_sheets, score_sheet_input, sheet_names
from .paths import absolute

__all__ = [
    "DocumentsWritten",
    "check_documents_folder",
    "file_sha256",
    "panel_days",
    "write_merge_documents",
    "write_open_score_sheet",
    "write_panel_score_sheet",
]

Progress = Callable[[int, int, str], None]
Writer = Callable[[Path], object]


def panel_days(path: Path) -> list[dt.date]:
    """The days of the event in the panel file at ``path`` (for choosing a day to print)."""
    with PanelFile.open(Path(path), read_only=True) as panel:
        return panel.event.days()


def write_panel_score_sheet(
    path: Path, output: Path, day: dt.date | None = None, *, replace: bool = False
) -> int:
    """The lembar penilaian of the judge's file at ``path`` (all days, or ``day``) written to
    ``output``; the number of pages. The file is only read."""
    output = absolute(Path(output))
    if output.exists() and not replace:
        raise UserError(
            Text(
                f"{output} sudah ada; berkas itu dibiarkan utuh. Pilih nama lain, atau tambahkan "
                "--replace untuk menggantinya.",
                f"{output} already exists; it was left as it was. Choose another name, or add "
                "--replace to replace it.",
            )
        )
    with PanelFile.open(Path(path), read_only=True) as panel:
        return write_open_score_sheet(panel, output, day)


def write_open_score_sheet(panel: PanelFile, output: Path, day: dt.date | None = None) -> int:
    """The lembar penilaian of the judge's file open in the window, written to ``output`` (the
    save dialog has asked before replacing it); the number of pages."""
    from ..documents.score_sheet import write_score_sheet  # reportlab: only when printing

    sheet = score_sheet_input(
        panel.event, panel.judge, panel_code(panel), panel.scorecards(), panel.key_fingerprint
    )
    return write_score_sheet(sheet, absolute(Path(output)), day)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class DocumentsWritten:
    folder: Path
    files: tuple[Path, ...]  # the berita acara first, then one lembar per judge


def _names(plan: MergePlan) -> list[str]:
    assert plan.event is not None
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in plan.event.code)
    return [f"Berita acara {safe}.docx", *sheet_names(judge_sheets(plan))]


def check_documents_folder(plan: MergePlan, folder: Path, *, replace: bool = False) -> None:
    """Refuse, before anything is written, a folder that is a file, whose parent is missing, or
    that already holds one of the papers (without ``replace``)."""
    folder = absolute(Path(folder))
    if folder.exists() and not folder.is_dir():
        raise UserError(
            Text(
                f"{folder} adalah berkas, bukan folder. Pilih folder untuk dokumen.",
                f"{folder} is a file, not a folder. Choose a folder for the documents.",
            )
        )
    if not folder.parent.is_dir():
        raise UserError(
            Text(
                f"Folder {folder.parent} tidak ada. Buat dulu, atau pilih folder lain.",
                f"The folder {folder.parent} does not exist. Create it, or choose another.",
            )
        )
    existing = [name for name in _names(plan) if (folder / name).exists()]
    if existing and not replace:
        listed = ", ".join(existing)
        raise UserError(
            Text(
                f"Di {folder} sudah ada {listed}; tidak ada yang ditimpa dan tidak ada dokumen "
                "yang ditulis. Pilih folder lain, atau tambahkan --replace untuk menggantinya.",
                f"{folder} already holds {listed}; nothing was overwritten and no document was "
                "written. Choose another folder, or add --replace to replace them.",
            )
        )


def write_merge_documents(
    plan: MergePlan,
    workbook: Path,
    folder: Path,
    template: Path | None = None,
    *,
    replace: bool = False,
    progress: Progress | None = None,
) -> DocumentsWritten:
    """The berita acara of ``plan`` (with the SHA-256 of ``workbook``) and one lembar per judge
    with a used file, written into ``folder``: every file first into a hidden folder beside it,
    then moved in, so a failure leaves ``folder`` as it was."""
    folder = absolute(Path(folder))
    check_documents_folder(plan, folder, replace=replace)
    if template is not None and not Path(template).is_file():
        raise UserError(
            Text(f"Templat {template} tidak ditemukan.", f"The template {template} was not found.")
        )
    sheets = judge_sheets(plan)
    names = _names(plan)
    data = berita_acara_input(plan, file_sha256(workbook))
    writers: list[Writer] = [partial(_berita_acara, data, template)]
    writers.extend(partial(_score_sheet, sheet) for sheet in sheets)
    _write_all(folder, list(zip(names, writers, strict=True)), progress)
    return DocumentsWritten(folder, tuple(folder / name for name in names))


def _berita_acara(data: BeritaAcaraInput, template: Path | None, path: Path) -> None:
    from ..documents.berita_acara import write_berita_acara  # docxtpl: only when writing

    write_berita_acara(data, path, template)


def _score_sheet(sheet: ScoreSheetInput, path: Path) -> None:
    from ..documents.score_sheet import write_score_sheet

    write_score_sheet(sheet, path)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_all(folder: Path, jobs: Sequence[tuple[str, Writer]], progress: Progress | None) -> None:
    parent = folder if folder.is_dir() else folder.parent
    try:
        scratch = Path(tempfile.mkdtemp(prefix=".paritrana-dokumen-", dir=parent))
    except OSError as exc:
        raise cannot_write(folder, exc) from None
    try:
        for done, (name, write) in enumerate(jobs):
            if progress is not None:
                progress(done, len(jobs), Text(f"Menulis {name}", f"Writing {name}").pick())
            write(scratch / name)
        mask = _umask()
        for name, _ in jobs:  # the temporary names were private (0600); the papers are not
            os.chmod(scratch / name, 0o666 & ~mask)
        if folder.is_dir():
            for name, _ in jobs:
                os.replace(scratch / name, folder / name)
            scratch.rmdir()
        else:
            os.chmod(scratch, 0o777 & ~mask)
            os.replace(scratch, folder)
        if progress is not None:
            progress(len(jobs), len(jobs), Text("Dokumen ditulis", "Documents written").pick())
    except OSError as exc:
        raise cannot_write(folder, exc) from None
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(scratch)
