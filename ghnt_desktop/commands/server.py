"""``ghnt-desktop server``: set up a team database on PostgreSQL and move a local database into it."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import database_target

ROLES_DONE = (
    "De rollen zijn ingericht: ghnt_beheer (projectleider/secretaris: alles), ghnt_partner (lezen, voortgang op eigen acties) en "
    "ghnt_lezer (alleen lezen); vertrouwelijke inhoud krijgen partners en lezers niet te zien. Een gebruiker "
    "aanmaken: ghnt-desktop server user add NAAM --role partner --person 'Naam' --url ..."
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
    users = commands.add_parser("user", help="gebruikers van de teamdatabase beheren")
    user_commands = users.add_subparsers(dest="user_command", metavar="OPDRACHT", required=True)
    add = user_commands.add_parser("add", help="een gebruiker (login) aanmaken of wijzigen in een rol")
    add.add_argument("name", help="de gebruikersnaam (login) op de server")
    add.add_argument("--role", required=True, choices=["beheer", "partner", "lezer"], help="beheer, partner of lezer")
    add.add_argument("--person", default="", help="de persoon (naam) die deze gebruiker is: bepaalt de eigen acties")
    add.add_argument("--url", type=_server_url, required=True, help="postgresql://beheerder@server:5432/naam")
    add.set_defaults(handler=run_user_add)


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
        try:
            from ..server_roles import install_roles

            with database.engine.begin() as connection:
                install_roles(connection)
        finally:
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
    print(ROLES_DONE)
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
    from ..db import open_database
    from ..server_roles import install_roles

    database = open_database(args.url, create=False)
    try:
        with database.engine.begin() as connection:
            install_roles(connection)
    finally:
        database.close()
    print(ROLES_DONE)
    return 0


def run_user_add(args: argparse.Namespace) -> int:
    """Create a login in a role; the password is asked (or read from GHNT_NEW_PASSWORD), never an argument."""
    import getpass
    import os

    from sqlalchemy import select

    from ..db import DatabaseError, open_database
    from ..models import Person
    from ..server_roles import ROLE_LABELS, add_user

    password = os.environ.get("GHNT_NEW_PASSWORD") or getpass.getpass(f"Wachtwoord voor {args.name}: ")
    if len(password) < 8:
        print("Fout: kies een wachtwoord van minstens 8 tekens. Er is niets gewijzigd.")
        return 2
    try:
        database = open_database(args.url, create=False)
    except DatabaseError as exc:
        print(f"Fout: {exc}")
        return 2
    try:
        with database.session() as session:
            person_id = None
            if args.person:
                found = list(session.scalars(select(Person).where(Person.name == args.person.strip())))
                if len(found) != 1:
                    what = "niet gevonden" if not found else f"{len(found)} keer gevonden"
                    print(f"Fout: de persoon {args.person!r} is {what}; geef de naam zoals in de app. Er is niets gewijzigd.")
                    return 2
                person_id = found[0].id
            elif args.role == "partner":
                print("Let op: zonder --person heeft deze partner geen eigen acties en kan hij geen voortgang vastleggen.")
            add_user(session.connection(), args.name, args.role, password, person_id)
    except ValueError as exc:
        print(f"Fout: {exc}")
        return 2
    except Exception as exc:  # noqa: BLE001 - the server's own reason (no right to create roles) is the message
        print(f"Fout: de gebruiker kon niet worden aangemaakt ({getattr(exc, 'orig', exc)}). Er is niets gewijzigd.")
        return 2
    finally:
        database.close()
    print(f"Gebruiker {args.name} heeft nu de rol {args.role}: {ROLE_LABELS[args.role]}.")
    return 0
