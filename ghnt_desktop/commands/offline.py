"""``ghnt-desktop offline take|return``: take a meeting (or the whole database) along in a file, merge it back."""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path

from .common import add_db_argument, resolve_db


def _meeting_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is geen id van een overleg. De ids staan in 'ghnt-desktop list meetings --db ...'."
        ) from None


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "offline", help="een overleg (of de hele database) meenemen in een bestand en later terugzetten"
    )
    commands = parser.add_subparsers(dest="offline_command", metavar="OPDRACHT", required=True)
    take = commands.add_parser("take", help="meenemen: een offline kopie maken van een overleg of de hele database")
    add_db_argument(take)
    take.add_argument("--meeting", type=_meeting_id, help="id van het overleg (zonder: de hele database)")
    take.add_argument("--to", type=Path, required=True, help="het nieuwe bestand voor de offline kopie (.db)")
    take.set_defaults(handler=run_take)
    back = commands.add_parser("return", help="terugzetten: de wijzigingen van een offline kopie samenvoegen")
    back.add_argument("copy", type=Path, help="de offline kopie (.db)")
    add_db_argument(back)
    back.add_argument("--dry-run", action="store_true", help="alleen tonen wat er zou gebeuren; niets wijzigen")
    back.set_defaults(handler=run_return)


def run_take(args: argparse.Namespace) -> int:
    raise NotImplementedError(resolve_db)


def run_return(args: argparse.Namespace) -> int:
    raise NotImplementedError
