"""Running an export named on the command line: shared by ``export_docx.py`` and ``export_xlsx.py``.

Below ``commands/export.py`` (which dispatches to those two by the file's suffix), so they need not import it back.
"""

from __future__ import annotations

import argparse

from .common import resolve_db

EXIT_OK = 0
EXIT_ERROR = 2


def run_request(args: argparse.Namespace, build_request) -> int:
    """Open the database read-only, turn ``args`` into a request with ``build_request(session, args)``,
    run it and print where the file is and what was left out; returns the exit code."""
    from ..db import DatabaseError, open_database
    from ..exports.jobs import EXPECTED_ERRORS, run_export

    try:
        database = open_database(resolve_db(args.db), read_only=True, create=False)
    except DatabaseError as exc:
        print(f"Fout: {exc}")
        return EXIT_ERROR
    try:
        with database.read_session() as session:
            request = build_request(session, args)
        outcome = run_export(database, request)
    except EXPECTED_ERRORS as exc:
        print(f"Fout: {exc}")
        return EXIT_ERROR
    finally:
        database.close()
    details = ""
    if outcome.sheets:
        details = f" ({outcome.count} regels; bladen: {', '.join(outcome.sheets)})"
    print(f"Opgeslagen: {outcome.path}{details}")
    if outcome.left_out:
        hint = " Gebruik --include-confidential om ze op te nemen." if outcome.can_include else ""
        print(f"{outcome.left_out}{hint}")
    if outcome.included:
        print(outcome.included)
    if outcome.privacy:
        print(f"Waarschuwing: {outcome.privacy}")
    return EXIT_OK
