"""``ghnt-desktop list meetings|indicators``: one record a line, or JSON for scripts.

Errors go to stderr with exit code 2, so a script reading stdout never takes a message for a record; an empty list
says so in Dutch on stderr (stdout stays empty, and ``--json`` prints ``[]``).
"""

from __future__ import annotations

import argparse
import json
import sys

from ..dutch_dates import clock_time
from .common import add_db_argument, resolve_db


def register(subparsers) -> None:
    parser = subparsers.add_parser("list", help="records uit de database tonen")
    what = parser.add_subparsers(dest="what", metavar="SOORT", required=True)
    meetings = what.add_parser("meetings", help="overleggen: id, datum, soort, reeks, titel")
    add_db_argument(meetings)
    meetings.add_argument("--json", action="store_true", help="uitvoer als JSON")
    meetings.set_defaults(handler=run_list_meetings)
    indicators = what.add_parser("indicators", help="indicatoren: id, naam, laatste waarde (periode), bron")
    add_db_argument(indicators)
    indicators.add_argument("--json", action="store_true", help="uitvoer als JSON")
    indicators.set_defaults(handler=run_list_indicators)


EXIT_ERROR = 2
NOTHING_FOUND = {"meetings": "Geen overleggen gevonden.", "indicators": "Geen indicatoren gevonden."}


def _read(args: argparse.Namespace, read):
    """``read(session)`` on the database of ``args`` (read-only), or None after printing why not to stderr."""
    from ..db import DatabaseError, open_database

    try:
        database = open_database(resolve_db(args.db), read_only=True, create=False)
    except DatabaseError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return None
    try:
        with database.read_session() as session:
            return read(session)
    finally:
        database.close()


def _nothing(args: argparse.Namespace, rows: list) -> bool:
    """Say on stderr that the list is empty (not for ``--json``: ``[]`` says it); True when it is."""
    if rows or args.json:
        return False
    print(NOTHING_FOUND[args.what], file=sys.stderr)
    return True


def run_list_meetings(args: argparse.Namespace) -> int:
    from ..services.meetings import list_meetings

    rows = _read(args, list_meetings)
    if rows is None:
        return EXIT_ERROR
    if _nothing(args, rows):
        return 0
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": str(r.id),
                        "date": r.date.isoformat(),
                        "start_time": clock_time(r.start_time) or None,
                        "kind": r.kind.value,
                        "series": r.series_name,
                        "title": r.title,
                        "state": r.state.value,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for r in rows:
            print(f"{r.id}\t{r.date.isoformat()}\t{r.kind.label}\t{r.series_name}\t{r.title}")
    return 0


def run_list_indicators(args: argparse.Namespace) -> int:
    """Every indicator with its latest whole-area value; vertrouwelijke ones are marked (this is the user's own view,
    not a document that circulates)."""
    from ..services.indicators import list_indicators, source_text

    rows = _read(args, list_indicators)
    if rows is None:
        return EXIT_ERROR
    if _nothing(args, rows):
        return 0
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": str(r.id),
                        "name": r.name,
                        "code": r.code,
                        "unit": r.unit.value,
                        "level": r.level.value,
                        "direction": r.direction.value,
                        "source": source_text(r.source, r.source_id),
                        "confidential": r.confidential,
                        "actielijnen": list(r.section_titles),
                        "latest": None
                        if r.latest is None
                        else {
                            "period": r.latest.period.label,
                            "value": None if r.latest.value is None else str(r.latest.value),
                            "provisional": r.latest.provisional,
                            "unknown": r.latest.unknown,
                        },
                        "baseline": None
                        if r.baseline is None
                        else {
                            "value": str(r.baseline.value),
                            "period": r.baseline.period.label if r.baseline.period else None,
                        },
                        "on_track": r.comparison.on_track,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for r in rows:
            mark = "\tVERTROUWELIJK" if r.confidential else ""
            print(f"{r.id}\t{r.name}\t{r.latest_text or '-'}\t{source_text(r.source, r.source_id) or '-'}{mark}")
    return 0
