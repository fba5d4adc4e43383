"""The papers of one merge, as the command line and the merge window ask for them: checked
before the workbook is written, written after it from the same plan."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import UserError
from ..domain.merge_model import MergePlan
from ..domain.text import Text
from .documents import Progress, check_documents_folder, write_merge_documents
from .merge import MergeReport

__all__ = ["check_documents", "write_documents_after"]


def check_documents(
    plan: MergePlan, folder: Path, template: Path | None, *, replace: bool = False
) -> None:
    """Everything about the documents that can be refused before the workbook is written."""
    check_documents_folder(plan, Path(folder), replace=replace)
    if template is not None and not Path(template).is_file():
        raise UserError(
            Text(
                f"Templat {template} tidak ditemukan; tidak ada yang ditulis.",
                f"The template {template} was not found; nothing was written.",
            )
        )


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
