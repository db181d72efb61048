"""``ghnt-desktop check``: integrity, schema version, search index and unreadable values of a database.

Without ``--herstel`` nothing is written: a database a stopped run left a ``-journal``/``-wal`` beside is
checked on a recovered copy. ``--herstel`` lets SQLite finish that write in place and rebuilds a damaged
search index from the records (the records themselves are never changed).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import add_db_argument, is_server, resolve_db

COUNTED_TABLES = ("programme", "programme_action", "organisation", "person", "meeting", "decision", "action_item")
MAX_BAD_SHOWN = 20


def register(subparsers) -> None:
    parser = subparsers.add_parser("check", help="integriteit en schemaversie van een database controleren")
    add_db_argument(parser)
    parser.add_argument(
        "--herstel",
        "--repair",
        dest="repair",
        action="store_true",
        help="een onderbroken schrijfactie laten afmaken en een beschadigde zoekindex opnieuw opbouwen",
    )
    parser.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    import sqlite3

    from ..db import DatabaseError, checking_uri, inspect_file, lenient_text
    from ..health import bad_values, search_index_problem
    from ..migrations import HEAD

    target = resolve_db(args.db)
    if is_server(target):
        return _check_server(str(target), repair=bool(getattr(args, "repair", False)))
    path = Path(target)
    if not path.exists():
        print(f"Fout: de database {path} bestaat niet. Controleer het pad (--db).")
        return 2
    repair = bool(getattr(args, "repair", False))
    try:
        info = inspect_file(path, recover=repair)
    except DatabaseError as exc:
        print(f"Fout: {exc}")
        return 1
    if info.pending:
        return _report_pending(path, info)
    connection = sqlite3.connect(checking_uri(path), uri=True, timeout=2)
    connection.text_factory = lenient_text
    try:
        full = connection.execute("PRAGMA integrity_check").fetchone()[0]
        fk_problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        counts = {
            t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in COUNTED_TABLES if t in tables
        }
        bad = bad_values(connection) if info.revision else []
        index_problem = search_index_problem(connection) if info.revision else None
    except sqlite3.Error as exc:
        print(f"Fout: de database {path.name} kon niet volledig worden gecontroleerd ({exc}). Probeer het opnieuw; "
              "blijft dit gebeuren, zet dan een reservekopie terug.")
        return 1
    finally:
        connection.close()
    print(f"Database:       {path}")
    print(f"Schemaversie:   {info.revision or '(leeg)'} (deze app: {HEAD})")
    print(f"Integriteit:    {full}")
    print(f"Verwijzingen:   {'ok' if not fk_problems else f'{len(fk_problems)} problemen'}")
    for table, count in counts.items():
        print(f"  {table:<18} {count}")
    status = 0
    if index_problem:
        status = max(status, _report_index(path, index_problem, repair))
    if bad:
        status = 1
        print(f"Onleesbare waarden: {len(bad)}. De app toont deze records met een vervangende waarde; "
              "pas ze in de app aan om de juiste waarde op te slaan:")
        for problem in bad[:MAX_BAD_SHOWN]:
            print(f"  - {problem.text()}")
        if len(bad) > MAX_BAD_SHOWN:
            print(f"  ... en nog {len(bad) - MAX_BAD_SHOWN}.")
    if full != "ok" or fk_problems:
        print("Zet een reservekopie terug (Bestand > Reservekopie terugzetten, of 'ghnt-desktop restore').")
        return 1
    if info.revision != HEAD:
        print("Let op: de database wordt bijgewerkt zodra de app hem opent.")
    return status


def _report_pending(path, info) -> int:
    import os

    from ..db import recovery_needed

    names = " en ".join(info.pending)
    print(f"Database:       {path}")
    print(f"Schemaversie:   {info.revision or '(leeg)'}")
    print(f"Integriteit:    {info.integrity} (gecontroleerd op een kopie)")
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        print(f"Let op: {recovery_needed(path, info.pending)}")
    else:
        print(f"Let op: een eerder gestopte sessie liet een onafgemaakte schrijfactie achter ({names}). De database "
              "is in orde; SQLite maakt die schrijfactie af zodra de app de database opent, of nu met "
              "'ghnt-desktop check --herstel'. Er is niets gewijzigd.")
    return 0 if info.integrity == "ok" else 1


def _report_index(path, problem: str, repair: bool) -> int:
    from ..db import DatabaseError
    from ..health import rebuild_search_index

    print(f"Zoekindex:      beschadigd ({problem})")
    if not repair:
        print("De gegevens zelf zijn in orde; alleen Zoeken werkt niet goed. Bouw de zoekindex opnieuw op met "
              "'ghnt-desktop check --herstel' (sluit eerst de app).")
        return 1
    try:
        rebuild_search_index(path)
    except DatabaseError as exc:
        print(f"Fout: {exc}")
        return 1
    print("Zoekindex:      opnieuw opgebouwd uit de gegevens.")
    return 0


def _check_server(url: str, *, repair: bool) -> int:
    """``check`` of a team database: schema version, row counts and the search index.

    The file checks (integrity_check, left-over writes, unreadable bytes) have no meaning on a server, which
    keeps its own pages and foreign keys whole; its administrator checks the server itself.
    """
    from sqlalchemy import inspect

    from ..db import DatabaseError, ServerUnavailableError, open_database, server_revision
    from ..engines import POSTGRESQL, ServerAddress
    from ..migrations import HEAD
    from ..services.search import index_is_current, install_index

    address = ServerAddress.parse(url)
    try:
        from ..credentials import stored_password

        engine = POSTGRESQL.create_engine(address, read_only=True, password=stored_password(address))
        with engine.connect() as connection:
            revision, _has_tables = server_revision(connection)
            tables = set(inspect(connection).get_table_names())
            count = 'SELECT COUNT(*) FROM "{}"'
            counts = {t: connection.exec_driver_sql(count.format(t)).scalar() for t in COUNTED_TABLES if t in tables}
            index_ok = revision is None or index_is_current(connection)
        engine.dispose()
    except Exception as exc:
        reason, message = POSTGRESQL.connection_problem(exc, address)
        print(f"Fout: {ServerUnavailableError(message, reason)}")
        return 1
    print(f"Database:       {address.label} (PostgreSQL)")
    print(f"Schemaversie:   {revision or '(leeg)'} (deze app: {HEAD})")
    for table, count in counts.items():
        print(f"  {table:<18} {count}")
    if index_ok:
        print("Zoekindex:      in orde")
    elif not repair:
        print("Zoekindex:      onvolledig. Bouw hem opnieuw op met 'ghnt-desktop check --herstel --db URL'.")
        return 1
    else:
        try:
            database = open_database(url, create=False)
            with database.session() as session:
                install_index(session.connection())
            database.close()
        except DatabaseError as exc:
            print(f"Fout: {exc}")
            return 1
        print("Zoekindex:      opnieuw opgebouwd uit de gegevens.")
    if revision != HEAD:
        print("Let op: de database wordt bijgewerkt zodra de app hem opent (of met 'ghnt-desktop server init').")
    return 0
