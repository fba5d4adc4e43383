"""The papers of one merge, as the command line and the merge window ask for them: checked
before the workbook is written, written after it from the same plan."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..domain.errors import UserError
from ..domain.merge_model import MergePlan
from ..domain.text import Text
from .documents import Progress, check_documents_folder, write_merge_documents
from .merge import MergeReport
from .paper_inputs import berita_acara_input

__all__ = ["check_documents", "write_documents_after"]


def check_documents(
    plan: MergePlan, folder: Path, template: Path | None, *, replace: bool = False
) -> None:
    """Everything about the documents that can be refused before the workbook is written."""
    check_documents_folder(plan, Path(folder), replace=replace)
    if template is None:
        return
    if not Path(template).is_file():
        raise UserError(
            Text(
                f"Templat {template} tidak ditemukan; tidak ada yang ditulis.",
                f"The template {template} was not found; nothing was written.",
            )
        )
    # A user's template is tried once on this merge's figures, into a scratch folder: a wrong
    # placeholder is said before the workbook is written, not after.
    from ..documents.berita_acara import write_berita_acara  # docxtpl: only with a template

    with tempfile.TemporaryDirectory(prefix="paritrana-templat-") as scratch:
        trial = berita_acara_input(plan, "0" * 64)
        write_berita_acara(trial, Path(scratch) / "coba.docx", Path(template))


def write_documents_after(
    report: MergeReport,
    folder: Path,
    template: Path | None,
    *,
    replace: bool = False,
    progress: Progress | None = None,
) -> tuple[Path, ...]:
    """The berita acara and the lembar of the merge just written; a failure says that the
    workbook is written and the documents are not (none of them)."""
    try:
        written = write_merge_documents(
            report.plan,
            report.output,
            Path(folder),
            template,
            replace=replace,
            progress=progress,
        )
    except UserError as exc:
        raise UserError(
            Text(
                f"Workbook {report.output.name} sudah ditulis, tetapi dokumen tidak (tidak satu "
                "pun): ",
                f"The workbook {report.output.name} is written, but the documents are not (none "
                "of them): ",
            )
            + exc.message
        ) from exc
    return written.files
