"""``ghnt-desktop server``: set up a team database on PostgreSQL and move a local database into it."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import database_target

ROLES_LATER = (
    "Let op: rollen per functie (projectleider, secretaris, werkgroep/partner, alleen-lezen) maakt deze versie nog "
    "niet aan; iedereen werkt met de rechten van zijn eigen databasegebruiker."
)


def _server_url(value: str) -> str:
    target = database_target(value)
    if isinstance(target, Path):
        raise argparse.ArgumentTypeError(
            f"{value!r} is geen adres van een teamdatabase. Gebruik postgresql://gebruiker@server:5432/naam."
        )
    return target


def register(subparsers) -> None:
    parser = subparsers.add_parser("server", help="een teamdatabase op een PostgreSQL-server inrichten")
    commands = parser.add_subparsers(dest="server_command", metavar="OPDRACHT", required=True)
    init = commands.add_parser("init", help="de tabellen van de app in een (lege) database op de server aanmaken")
    init.add_argument("--url", type=_server_url, required=True, help="postgresql://gebruiker@server:5432/naam")
    init.set_defaults(handler=run_init)
    move = commands.add_parser(
        "import", help="een lokaal databasebestand verhuizen naar een lege teamdatabase (het bestand blijft staan)"
    )
    move.add_argument("--from", dest="source", type=Path, required=True, help="het databasebestand (.db)")
    move.add_argument("--url", type=_server_url, required=True, help="postgresql://gebruiker@server:5432/naam")
    move.set_defaults(handler=run_import)


def run_init(args: argparse.Namespace) -> int:
    from ..credentials import stored_password
    from ..db import DatabaseError, ServerUnavailableError, open_database, server_revision
    from ..engines import POSTGRESQL, ServerAddress
    from ..migrations import HEAD

    address = ServerAddress.parse(args.url)
    try:
        engine = POSTGRESQL.create_engine(address, password=stored_password(address))
        try:
            with engine.connect() as connection:
                before, _tables = server_revision(connection)
        except Exception as exc:
            reason, message = POSTGRESQL.connection_problem(exc, address)
            raise ServerUnavailableError(message, reason) from exc
        finally:
            engine.dispose()
        database = open_database(args.url)
        database.close()
    except DatabaseError as exc:
        print(f"Fout: {exc}")
        return 2
    if before == HEAD:
        print(f"De teamdatabase {address.label} was al ingericht (schema {HEAD}); er is niets gewijzigd.")
    elif before is None:
        print(f"De teamdatabase {address.label} is ingericht: alle tabellen aangemaakt (schema {HEAD}).")
    else:
        print(f"De teamdatabase {address.label} is bijgewerkt van schema {before} naar {HEAD}.")
    print(ROLES_LATER)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from ..db import DatabaseError
    from ..server_transfer import transfer

    source = args.source.expanduser().absolute()
    if not (source.is_file() and source.stat().st_size > 0):
        print(f"Fout: het bestand {source} bestaat niet of is leeg. Kies het databasebestand (.db).")
        return 2
    print(f"Verhuizen: {source} -> {args.url}")
    try:
        result = transfer(source, args.url)
    except DatabaseError as exc:
        print(f"Fout: {exc}")
        return 2
    print("Gekopieerd en rij voor rij vergeleken (aantal rijen per tabel):")
    for table, count in result.counts.items():
        print(f"  {table:<30} {count:>7}")
    print(
        f"Totaal: {sum(result.counts.values())} rijen in {len(result.counts)} tabellen. Het bestand is niet gewijzigd."
    )
    print(ROLES_LATER)
    return 0
