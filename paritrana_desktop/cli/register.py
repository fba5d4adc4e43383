"""``paritrana register ...``: the chair's register of judges' keys and of the codes on the
signed papers.

    paritrana register init REGISTER
    paritrana register add-key REGISTER PANEL_FILE --fingerprint XXXX-XXXX-XXXX-XXXX
    paritrana register accept-key-change REGISTER PANEL_FILE
    paritrana register add-code REGISTER CODE --by NAME
    paritrana register confirm-code REGISTER CODE --by NAME
    paritrana register show REGISTER

Exit status 0 when done, 1 with one sentence on stderr when refused, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

EXIT_OK = 0


def add_register_parser(sub: argparse._SubParsersAction[Any]) -> None:
    """The ``register`` subcommand group, hooked into the main parser."""
    register = sub.add_parser(
        "register", help="register ketua: kunci panelis dan kode lembar / the chair's register"
    )
    commands = register.add_subparsers(dest="register_command", required=True)
    init = commands.add_parser("init", help="buat register baru / make a new register")
    init.add_argument("register", type=Path, metavar="REGISTER")
    add_key = commands.add_parser(
        "add-key", help="daftarkan kunci panelis dari berkasnya / register a judge's key"
    )
    add_key.add_argument("register", type=Path, metavar="REGISTER")
    add_key.add_argument("panel", type=Path, metavar="FILE")
    add_key.add_argument(
        "--fingerprint",
        required=True,
        metavar="XXXX-XXXX-XXXX-XXXX",
        help="sidik jari di lembar bertanda tangan / the fingerprint on the signed paper",
    )
    change = commands.add_parser(
        "accept-key-change", help="terima pergantian kunci / accept a key change"
    )
    change.add_argument("register", type=Path, metavar="REGISTER")
    change.add_argument("panel", type=Path, metavar="FILE")
    for name, text in (
        ("add-code", "ketik kode dari lembar / type a code from a paper"),
        ("confirm-code", "konfirmasi kode / confirm a code"),
    ):
        step = commands.add_parser(name, help=text)
        step.add_argument("register", type=Path, metavar="REGISTER")
        step.add_argument("code", metavar="CODE")
        step.add_argument("--by", required=True, metavar="NAME", help="siapa / who")
    show = commands.add_parser("show", help="tampilkan register / show the register")
    show.add_argument("register", type=Path, metavar="REGISTER")


def run_register_command(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run one ``register`` subcommand; a refusal is a ``UserError`` for ``cli.main``."""
    from ..workflows import register as workflow

    out = out or sys.stdout
    command = args.register_command
    if command == "init":
        print(workflow.init_register(args.register), file=out)
        return EXIT_OK
    if command == "show":
        for line in workflow.show_register(args.register):
            print(line.pick(), file=out)
        return EXIT_OK
    if command == "add-key":
        done = workflow.add_key(args.register, args.panel, args.fingerprint)
    elif command == "accept-key-change":
        done = workflow.accept_key_change(args.register, args.panel)
    elif command == "add-code":
        done = workflow.add_code(args.register, args.code, args.by)
    else:
        done = workflow.confirm_code(args.register, args.code, args.by)
    print(done.pick(), file=out)
    return EXIT_OK
