"""``ghnt-desktop check``: integrity and schema version of a database, without changing it."""

from __future__ import annotations

import argparse

from ..cli import add_db_argument, resolve_db


def register(subparsers) -> None:
    parser = subparsers.add_parser("check", help="integriteit en schemaversie van een database controleren")
    add_db_argument(parser)
    parser.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    import sqlite3

    from ..db import DatabaseError, file_uri, inspect_file
    from ..migrations import HEAD

    path = resolve_db(args.db)
    if not path.exists():
        print(f"Fout: de database {path} bestaat niet.")
        return 2
    try:
        info = inspect_file(path)
    except DatabaseError as exc:
        print(f"Fout: {exc}")
        return 1
    connection = sqlite3.connect(file_uri(path) + "?mode=ro", uri=True)
    try:
        full = connection.execute("PRAGMA integrity_check").fetchone()[0]
        fk_problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        counts = {
            table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            for table in ("programme", "programme_action", "organisation", "person", "meeting", "decision",
                          "action_item")
        } if info.revision else {}
    finally:
        connection.close()
    print(f"Database:       {path}")
    print(f"Schemaversie:   {info.revision or '(leeg)'} (deze app: {HEAD})")
    print(f"Integriteit:    {full}")
    print(f"Verwijzingen:   {'ok' if not fk_problems else f'{len(fk_problems)} problemen'}")
    for table, count in counts.items():
        print(f"  {table:<18} {count}")
    if full != "ok" or fk_problems:
        return 1
    if info.revision != HEAD:
        print("Let op: de database wordt bijgewerkt zodra de app hem opent.")
    return 0
