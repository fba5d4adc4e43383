"""``paritrana``: the headless commands for the secretariat and the chair.

Exit status: 0 success, 1 failure (one clear line on stderr), 2 usage error, 128 + the
signal's number when stopped by SIGINT, SIGTERM or SIGHUP (after cleaning up; see ``signals``).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from ..domain.errors import UserError, language_from_environment, set_language
from ..domain.text import Text
from .papers import add_paper_options, add_score_sheet_command
from .register import add_register_parser, run_register_command
from .signals import StopRequested, stopping_on_signals

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT


# argparse's own messages, in Bahasa Indonesia: (pattern, sentence with the pattern's groups).
_USAGE_ID = (
    (r"the following arguments are required: (.+)", "argumen wajib belum diberikan: {0}"),
    (r"unrecognized arguments: (.+)", "argumen atau opsi tidak dikenal: {0}"),
    (
        r"argument (.+?): invalid choice: (.+?) \(choose from (.+)\)",
        "pilihan {1} untuk {0} tidak dikenal; pilih salah satu dari {2}",
    ),
    (r"argument (.+?): invalid int value: (.+)", "{0} harus berupa bilangan bulat, bukan {1}"),
    (r"argument (.+?): invalid \w+ value: (.+)", "nilai {1} untuk {0} tidak sah"),
    (r"argument (.+?): expected one argument", "{0} memerlukan satu nilai"),
    (r"ambiguous option: (.+?) could match (.+)", "opsi {0} tidak jelas; bisa berarti {1}"),
    (
        r"argument (.+?): the file name is empty; (.+)",
        "nama berkas untuk {0} kosong; tuliskan nama berkas, misalnya rekap.xlsx",
    ),
)


def _output_name(text: str) -> Path:
    """An output path as typed; an empty one (``-o ''``) is a usage error, exit status 2."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the file name is empty; give one such as rekap.xlsx")
    return Path(text)


def usage_message_id(message: str) -> str | None:
    """argparse's English ``message`` in Bahasa Indonesia, or None for a rare one."""
    for pattern, sentence in _USAGE_ID:
        found = re.fullmatch(pattern, message)
        if found:
            return sentence.format(*found.groups())
    return None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """Usage, then the Indonesian sentence (unless English is asked for) and argparse's
        English original; exit status 2."""
        self.print_usage(sys.stderr)
        indonesian = usage_message_id(message)
        if indonesian and language_from_environment() != "en":
            print(f"{self.prog}: {indonesian}", file=sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="paritrana",
        description=(
            "Paritrana Desktop tanpa jendela: membuat berkas kegiatan dari workbook sekretariat, "
            "membuat data demo, memeriksa berkas, dan menggabungkan berkas panel. "
            "(Paritrana Desktop without a window: event files from the secretariat's workbook, "
            "demo data, file checks, and the chair's merge.)"
        ),
    )
    parser.add_argument("--version", action="version", version=f"paritrana {__version__}")
    parser.add_argument(
        "--lang", choices=["id", "en"], help="bahasa pesan / language of messages (default: id)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_event_commands(sub)
    _add_file_commands(sub)
    merge = _add_merge_command(sub)
    add_register_parser(sub)
    add_paper_options(merge)
    add_score_sheet_command(sub)
    return parser


def _add_event_commands(sub: Any) -> None:
    event = sub.add_parser("event", help="berkas kegiatan / the event file")
    event_sub = event.add_subparsers(dest="event_command", metavar="ACTION", parser_class=_Parser)
    template = event_sub.add_parser(
        "template", help="tulis workbook kosong untuk sekretariat / write a blank workbook"
    )
    template.add_argument("out", type=_output_name, metavar="OUT.xlsx")
    new = event_sub.add_parser(
        "new", help="buat berkas kegiatan dari workbook / build the event file from a workbook"
    )
    new.add_argument("source", type=Path, metavar="SOURCE.xlsx")
    new.add_argument(
        "-o",
        "--output",
        type=_output_name,
        required=True,
        metavar="EVENT_FILE",
        help="berkas kegiatan baru (.paritrana-kegiatan)",
    )


def _add_file_commands(sub: Any) -> None:
    demo = sub.add_parser(
        "demo", help="tulis kegiatan demo dan berkas panel / write the demo event and panel files"
    )
    demo.add_argument("outdir", type=Path, metavar="OUTDIR")
    demo.add_argument("--seed", type=int, default=2025, help="untuk hasil yang sama / seed")

    verify = sub.add_parser(
        "verify", help="periksa berkas: jenis, versi, integritas, log audit / check files"
    )
    verify.add_argument("files", type=Path, nargs="+", metavar="FILE")
    verify.add_argument(
        "--code",
        metavar="CODE",
        help="periksa kode verifikasi dari kertas (satu berkas panel) / check a code from paper",
    )


def _add_merge_command(sub: Any) -> argparse.ArgumentParser:
    merge: argparse.ArgumentParser = sub.add_parser(
        "merge", help="gabungkan berkas panel ke satu workbook / merge panel files into a workbook"
    )
    merge.add_argument("inputs", type=Path, nargs="+", metavar="FILE_OR_FOLDER")
    merge.add_argument(
        "-o",
        "--output",
        type=_output_name,
        default=None,
        metavar="REKAP.xlsx",
        help="tanpa -o: REKAP_<KODE>_<YYYYMMDD>.xlsx di samping berkas panel pertama / "
        "without -o: REKAP_<CODE>_<YYYYMMDD>.xlsx beside the first panel file",
    )
    merge.add_argument(
        "--include-drafts",
        action="store_true",
        help="ikutkan draf dalam angka resmi / count drafts in the official figures",
    )
    merge.add_argument(
        "--skip-invalid",
        action="store_true",
        help="lanjut tanpa berkas yang ditolak / go on without refused files",
    )
    merge.add_argument(
        "--replace",
        action="store_true",
        help="timpa REKAP.xlsx (dan dokumen) yang sudah ada / replace an existing REKAP.xlsx "
        "(and documents)",
    )
    merge.add_argument(
        "--register",
        type=Path,
        metavar="REGISTER",
        help="periksa kunci dan kode terhadap register ketua / check keys and codes against "
        "the chair's register",
    )
    from .merge import add_choice_arguments

    add_choice_arguments(merge)
    return merge


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang or language_from_environment())
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    if args.command == "event" and args.event_command is None:
        parser.parse_args(["event", "--help"])
    try:
        with stopping_on_signals():
            return _dispatch(args)
    except UserError as exc:
        print(f"paritrana: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except StopRequested as exc:
        # SIGINT, SIGTERM or SIGHUP: the clean-ups have run; 128 + the signal, as shells expect.
        print("paritrana: dibatalkan / cancelled", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("paritrana: dibatalkan / cancelled", file=sys.stderr)
        return EXIT_INTERRUPTED


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "event" and args.event_command == "template":
        from ..workflows.files import write_template

        path = write_template(args.out)
        print(path)
        return EXIT_OK
    if args.command == "event" and args.event_command == "new":
        from ..workflows.event_summary import event_summary
        from ..workflows.files import make_event_file

        event = make_event_file(args.source, args.output)
        # What was read, so that the secretariat can check it without the window.
        for line in event_summary(event):
            print(line.pick())
        print(args.output)
        return EXIT_OK
    if args.command == "demo":
        from ..workflows.demo import write_demo

        written = write_demo(args.outdir, seed=args.seed)
        for path in written:
            print(path)
        return EXIT_OK
    if args.command == "verify":
        from ..workflows.verify import verify_code, verify_files

        if args.code is not None:
            if len(args.files) != 1:
                raise UserError(
                    Text(
                        "--code memeriksa satu berkas panel; sebutkan tepat satu berkas.",
                        "--code checks one panel file; name exactly one file.",
                    )
                )
            return verify_code(args.files[0], args.code, sys.stdout)
        return verify_files(args.files, sys.stdout)
    if args.command == "merge":
        from .merge import run_merge_command

        return run_merge_command(args)
    if args.command == "register":
        return run_register_command(args)
    if args.command == "score-sheet":
        from ..workflows.documents import write_panel_score_sheet

        pages = write_panel_score_sheet(
            args.panel_file, args.output, args.day, replace=bool(args.replace)
        )
        print(Text(f"{args.output} ({pages} halaman)", f"{args.output} ({pages} pages)").pick())
        return EXIT_OK
    raise AssertionError(args.command)  # pragma: no cover
