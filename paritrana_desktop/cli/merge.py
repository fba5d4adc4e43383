"""``paritrana merge FILE_OR_FOLDER... [-o REKAP.xlsx] [--include-drafts] [--skip-invalid]
[--replace] [--use FILE]... [--accept-hand-copy]``.

Without ``-o`` the workbook is ``REKAP_<KODE>_<YYYYMMDD>.xlsx`` beside the first panel file
(``workflows.merge_names``), as the merge window proposes.

``--use FILE`` names the file that stands for a judge who handed in two unrelated files (two
panel_ids); ``--accept-hand-copy`` goes on with panel files copied by hand without their
``-wal``. Both choices are decisions in the report and the workbook.

Exit status: 0 when the workbook is written; 1 when it is refused (the reasons on stderr, the
whole report on stdout), a file or folder cannot be used, or REKAP.xlsx exists already and
``--replace`` was not given; 2 for a usage error (argparse).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ..domain.errors import UserError
from ..domain.merge_model import FileFinding
from ..domain.text import Text, current_language
from ..workflows.merge import (
    MergeOptions,
    MergePlan,
    MergeRefused,
    inspect_inputs,
    output_path,
    report_lines,
    write_merge,
)
from ..workflows.merge_documents import check_documents, write_documents_after
from ..workflows.merge_names import default_output
from ..workflows.paths import absolute
from ..workflows.register import register_view

EXIT_OK = 0
EXIT_REFUSED = 1


def run_merge_command(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    options = MergeOptions(
        include_drafts=bool(args.include_drafts),
        skip_invalid=bool(args.skip_invalid),
        use_files=frozenset(absolute(p) for p in getattr(args, "use", None) or ()),
        accept_hand_copies=bool(getattr(args, "accept_hand_copy", False)),
    )
    given = getattr(args, "output", None)
    if given is not None:
        output = output_path(Path(given))
        _refuse_existing(output, args)
    register = register_view(getattr(args, "register", None))
    plan = inspect_inputs(args.inputs, options, register=register)
    _check_choices(plan, options)
    if given is None:
        output = output_path(default_output(plan, dt.date.today()))
        _refuse_existing(output, args)
    blockers = plan.blockers(options)
    if blockers:
        for line in report_lines(plan, options):
            print(line, file=out)
        _print_refusal(plan.refused, blockers, err)
        return EXIT_REFUSED
    documents = getattr(args, "documents", None)
    template = getattr(args, "template", None)
    replace = bool(getattr(args, "replace", False))
    if documents is not None:  # refused before the workbook is written, not after
        check_documents(plan, documents, template, replace=replace)
    try:
        report = write_merge(plan, output, options)
    except MergeRefused as exc:  # pragma: no cover - blockers were checked just above
        _print_refusal(plan.refused, list(exc.reasons), err)
        return EXIT_REFUSED
    for line in report.lines:
        print(line, file=out)
    if documents is not None:
        for path in write_documents_after(report, documents, template, replace=replace):
            print(path, file=out)
    return EXIT_OK


def _refuse_existing(output: Path, args: argparse.Namespace) -> None:
    if output.exists() and not getattr(args, "replace", False):
        # The window asks before it replaces a workbook; the command line needs --replace.
        raise UserError(
            Text(
                f"{output} sudah ada; workbook itu dibiarkan utuh, tidak ada yang ditimpa. Pilih "
                "nama lain, atau tambahkan --replace untuk menggantinya.",
                f"{output} already exists; it was left as it was and nothing was overwritten. "
                "Choose another name, or add --replace to replace it.",
            ),
        )


def add_choice_arguments(merge: argparse.ArgumentParser) -> None:
    """The chair's choices of files: ``--use FILE`` (repeatable) and ``--accept-hand-copy``."""
    merge.add_argument(
        "--use",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="berkas yang berlaku untuk panelis yang menyerahkan dua berkas tak berkaitan "
        "(boleh berulang) / the file that stands for a judge who handed in two unrelated "
        "files (repeatable)",
    )
    merge.add_argument(
        "--accept-hand-copy",
        action="store_true",
        help="tetap pakai berkas panel yang disalin manual tanpa -wal / use panel files copied "
        "by hand without their -wal anyway",
    )


def _check_choices(plan: MergePlan, options: MergeOptions) -> None:
    """Every ``--use`` file is one of the files merged."""
    given = {absolute(f.path) for f in plan.files}
    for chosen in sorted(options.use_files):
        if chosen not in given:
            raise UserError(
                Text(
                    f"--use {chosen}: berkas itu tidak termasuk berkas yang digabungkan. "
                    "Sebutkan salah satu berkas panel yang diberikan.",
                    f"--use {chosen}: that file is not among the files merged. Name one of the "
                    "panel files given.",
                ),
            )


def _print_refusal(
    refused: Sequence[FileFinding], blockers: Sequence[UserError], err: TextIO
) -> None:
    lang = current_language()
    for finding in refused:
        print(f"paritrana: {finding.path}: {finding.reason_text(lang)}", file=err)
    for blocker in blockers:
        print(f"paritrana: {blocker.text(lang)}", file=err)
