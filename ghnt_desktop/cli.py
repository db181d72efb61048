"""Command line of ghnt-desktop: subcommands call the same services as the GUI and need no display.

Each subcommand lives in a module of ``ghnt_desktop.commands`` with ``register(subparsers)``; the
module's handler returns the process exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__

# Modules that add subcommands, in the order --help lists them.
COMMAND_MODULES = [
    "ghnt_desktop.commands.demo",
    "ghnt_desktop.commands.scale",
    "ghnt_desktop.commands.check",
    "ghnt_desktop.commands.listing",
    "ghnt_desktop.commands.export",
    "ghnt_desktop.commands.importing",
    "ghnt_desktop.commands.backup",
]


def add_db_argument(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        required=required,
        help="pad naar de database (standaard: de database in uw gebruikersmap)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ghnt-desktop",
        description="GHNT Desktop: programma, overleggen, verslagen en actielijsten van het regionale "
        "netwerk Geweld hoort nergens thuis. Zonder subcommando start de app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_db_argument(parser)
    parser.add_argument("--lang", choices=["nl", "en"], help="taal van de app (standaard: Nederlands)")
    # Start, open the database, quit: used by the packaged build's smoke test.
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="SUBCOMMANDO")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def resolve_db(path: Path | None) -> Path:
    from .paths import default_database_path

    return path if path is not None else default_database_path()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from .app import run_gui

        return run_gui(db_path=args.db, language=args.lang, smoke_test=args.smoke_test)
    return int(args.handler(args) or 0)
