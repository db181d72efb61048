"""What every subcommand shares: the ``--db`` argument and the database it names.

Below ``cli.py`` (which imports every subcommand module) so that the subcommands need not import it back.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_db_argument(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        required=required,
        help="pad naar de database (standaard: de database in uw gebruikersmap)",
    )


def resolve_db(path: Path | None) -> Path:
    from ..paths import default_database_path

    return path if path is not None else default_database_path()
