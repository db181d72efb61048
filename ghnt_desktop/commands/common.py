"""What every subcommand shares: the ``--db`` argument and the database it names.

Below ``cli.py`` (which imports every subcommand module) so that the subcommands need not import it back.
``--db`` takes a file or a team database's URL (``postgresql://user@host:port/db``): every command that
works on a database takes either. The password of a URL comes from the operating system's credential store
(``credentials``), ``PGPASSWORD`` or ``~/.pgpass``; it never appears on the command line.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..engines import is_server_url


def database_target(value: str) -> Path | str:
    """``--db``'s value: a ``postgresql://`` URL stays text, anything else is a path."""
    if is_server_url(value):
        from ..engines import ServerAddress

        try:
            ServerAddress.parse(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
        if ":" in value.split("://", 1)[1].split("@", 1)[0] and "@" in value:
            raise argparse.ArgumentTypeError(
                "Zet geen wachtwoord in het adres (iedereen op deze computer kan het zien). De app vraagt het, of "
                "zet het in de omgevingsvariabele PGPASSWORD."
            )
        return value.strip()
    return Path(value)


def add_db_argument(parser: argparse.ArgumentParser, *, required: bool = False, top_level: bool = False) -> None:
    """``--db`` on the main parser (``top_level``) or on a subcommand.

    A subcommand's ``--db`` has no default of its own: argparse lets a subparser's default overwrite what the
    main parser already read, so ``ghnt-desktop --db regio.db demo`` used to write the demo into the database in
    the user's folder. Without a default the value given before the subcommand stays.
    """
    parser.add_argument(
        "--db",
        type=database_target,
        required=required,
        default=None if top_level or required else argparse.SUPPRESS,
        help="pad naar de database, of het adres van een teamdatabase (postgresql://gebruiker@server:5432/naam); "
        "standaard de database in uw gebruikersmap",
    )


def resolve_db(target: Path | str | None) -> Path | str:
    from ..paths import default_database_path

    return target if target is not None else default_database_path()


def is_server(target: Path | str) -> bool:
    return is_server_url(target)


def exists(target: Path | str) -> bool:
    """Whether the database is there: a non-empty file (a server database is checked when connecting)."""
    if is_server_url(target):
        return True
    path = Path(target)
    return path.exists() and path.stat().st_size > 0


def refuse_server(target: Path | str, what: str) -> bool:
    """Print why ``what`` (Dutch) is for a database file only and return True when ``target`` is a server."""
    if not is_server_url(target):
        return False
    print(
        f"Fout: {what} kan alleen bij een databasebestand. Bij een teamdatabase op een server regelt de beheerder "
        "van de server dit (bijvoorbeeld met pg_dump voor reservekopieën)."
    )
    return True
