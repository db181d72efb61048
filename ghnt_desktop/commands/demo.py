"""``ghnt-desktop demo``: build the demo database (the Groningen programme and a year of meetings)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import add_db_argument, is_server, resolve_db


def register(subparsers) -> None:
    parser = subparsers.add_parser("demo", help="een demodatabase aanmaken")
    add_db_argument(parser)
    parser.add_argument("--force", action="store_true", help="een bestaand bestand vervangen")
    parser.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from ..db import DatabaseError
    from ..demo import create_demo_database
    from ..filelock import acquire_for_command
    from ..services import ServiceError

    target = resolve_db(args.db)
    if is_server(target):
        return _demo_on_server(str(target), force=args.force)
    path = Path(target).expanduser().absolute()
    if path.exists() and path.stat().st_size > 0 and not args.force:
        print(f"Fout: {path} bestaat al. Gebruik --force om het te vervangen.")
        return 2
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # The app's lock: a file someone has open is never deleted under them (and nobody opens it meanwhile).
        with acquire_for_command(path, "het vervangen door een demodatabase"):
            if args.force:
                for suffix in ("", "-wal", "-shm", "-journal"):
                    path.with_name(path.name + suffix).unlink(missing_ok=True)
            summary = create_demo_database(path)
    except (DatabaseError, ServiceError) as exc:
        print(f"Fout: {exc}")
        return 2
    except OSError as exc:
        print(f"Fout: {path} kan niet worden vervangen: {exc.strerror or exc}.")
        return 2
    print(f"Demodatabase aangemaakt: {path}")
    for label, count in summary.counts.items():
        print(f"  {label:<20} {count}")
    return 0


def _demo_on_server(url: str, *, force: bool) -> int:
    """The demo in a team database: only into an empty one (a server database is never emptied from here)."""
    from ..db import DatabaseError, open_database
    from ..demo import create_demo_database
    from ..models import Meeting, Programme
    from ..services import ServiceError

    try:
        database = open_database(url)
        try:
            with database.read_session() as session:
                used = session.query(Programme).count() + session.query(Meeting).count()
        finally:
            database.close()
        if used:
            print(
                "Fout: de teamdatabase bevat al gegevens; de demo komt alleen in een lege database. Maak op de server "
                "een nieuwe database aan (--force leegt geen teamdatabase)."
                if force
                else "Fout: de teamdatabase bevat al gegevens; de demo komt alleen in een lege database."
            )
            return 2
        summary = create_demo_database(url)
    except (DatabaseError, ServiceError) as exc:
        print(f"Fout: {exc}")
        return 2
    print(f"Demodatabase aangemaakt in de teamdatabase {url}")
    for label, count in summary.counts.items():
        print(f"  {label:<20} {count}")
    return 0
