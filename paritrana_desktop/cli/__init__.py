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

from .. import __version__
from ..domain.errors import UserError, language_from_environment, set_language
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
)


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

    event = sub.add_parser("event", help="berkas kegiatan / the event file")
    event_sub = event.add_subparsers(dest="event_command", metavar="ACTION", parser_class=_Parser)
    template = event_sub.add_parser(
        "template", help="tulis workbook kosong untuk sekretariat / write a blank workbook"
    )
    template.add_argument("out", type=Path, metavar="OUT.xlsx")
    new = event_sub.add_parser(
        "new", help="buat berkas kegiatan dari workbook / build the event file from a workbook"
    )
    new.add_argument("source", type=Path, metavar="SOURCE.xlsx")
    new.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="EVENT_FILE",
        help="berkas kegiatan baru (.paritrana-kegiatan)",
    )

    demo = sub.add_parser(
        "demo", help="tulis kegiatan demo dan berkas panel / write the demo event and panel files"
    )
    demo.add_argument("outdir", type=Path, metavar="OUTDIR")
    demo.add_argument("--seed", type=int, default=2025, help="untuk hasil yang sama / seed")

    verify = sub.add_parser(
        "verify", help="periksa berkas: jenis, versi, integritas, log audit / check files"
    )
    verify.add_argument("files", type=Path, nargs="+", metavar="FILE")

    merge = sub.add_parser(
        "merge", help="gabungkan berkas panel ke satu workbook / merge panel files into a workbook"
    )
    merge.add_argument("inputs", type=Path, nargs="+", metavar="FILE_OR_FOLDER")
    merge.add_argument("-o", "--output", type=Path, required=True, metavar="REKAP.xlsx")
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
        help="timpa REKAP.xlsx yang sudah ada / replace an existing REKAP.xlsx",
    )
    return parser


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
        from ..workflows.files import make_event_file

        make_event_file(args.source, args.output)
        print(args.output)
        return EXIT_OK
    if args.command == "demo":
        from ..workflows.demo import write_demo

        written = write_demo(args.outdir, seed=args.seed)
        for path in written:
            print(path)
        return EXIT_OK
    if args.command == "verify":
        from ..workflows.verify import verify_files

        return verify_files(args.files, sys.stdout)
    if args.command == "merge":
        from .merge import run_merge_command

        return run_merge_command(args)
    raise AssertionError(args.command)  # pragma: no cover
