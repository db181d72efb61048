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
from .commands.common import add_db_argument

# Modules that add subcommands, in the order --help lists them.
COMMAND_MODULES = [
    "ghnt_desktop.commands.demo",
    "ghnt_desktop.commands.new_region",
    "ghnt_desktop.commands.scale",
    "ghnt_desktop.commands.check",
    "ghnt_desktop.commands.listing",
    "ghnt_desktop.commands.export",
    "ghnt_desktop.commands.importing",
    "ghnt_desktop.commands.backup",
    "ghnt_desktop.commands.server",
    "ghnt_desktop.commands.offline",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ghnt-desktop",
        description="GHNT Desktop: programma, overleggen, verslagen en actielijsten van het regionale "
        "netwerk Geweld hoort nergens thuis. Zonder subcommando start de app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_db_argument(parser, top_level=True)
    parser.add_argument("--lang", choices=["nl", "en"], help="taal van de app (standaard: Nederlands)")
    # Start, open the database, quit: used by the packaged build's smoke test.
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="SUBCOMMANDO")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from .desktop_libraries import missing_message

        missing = missing_message()  # before Qt, whose own message names the wrong library or none
        if missing is not None:
            print(missing, file=sys.stderr)
            return 1
        from .app import run_gui

        return run_gui(db_path=args.db, language=args.lang, smoke_test=args.smoke_test)
    try:
        return int(args.handler(args) or 0)
    except Exception as exc:  # a database error no command foresaw: a Dutch answer, not a traceback
        message = _database_failure(exc, getattr(args, "db", None))
        if message is None:
            raise
        print(f"Fout: {message}")
        return 1


def _database_failure(exc: Exception, path: Path | str | None) -> str | None:
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    from .storage_errors import storage_reason

    original = exc.orig if isinstance(exc, DBAPIError) else exc
    if type(original).__module__.startswith("psycopg"):  # a team database: the server or the network failed
        return (
            f"de teamdatabase gaf een fout ({str(original).strip()}). Controleer de verbinding met de server en "
            "probeer het opnieuw; wat niet bevestigd is, is niet opgeslagen."
        )
    if not isinstance(original, sqlite3.Error | UnicodeDecodeError):
        return None
    reason = storage_reason(original) if isinstance(original, sqlite3.Error) else "corrupt"
    name = path.name if isinstance(path, Path) else "de database"
    if reason == "full":
        return f"de schijf is vol bij het werken met {name}. Maak ruimte vrij en probeer het opnieuw."
    if reason == "read_only":
        return f"{name} of de map ervan is alleen-lezen. Vraag schrijfrechten of kies een andere map."
    if reason == "busy":
        return f"{name} is bezet door een ander programma. Probeer het over enkele ogenblikken opnieuw."
    return (
        f"{name} bevat gegevens die niet te lezen zijn ({original}). Controleer de database met "
        "'ghnt-desktop check' en zet zo nodig een reservekopie terug."
    )
