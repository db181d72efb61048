"""``ghnt-desktop new-region``: a new, empty database for a region's own programme (no demo rows).

The same service as the app's first-start dialog (``services.new_region``). Lists are read from files (or
stdin with ``-``) as people keep them: one name per line, bullets and numbering allowed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import add_db_argument, resolve_db


def register(subparsers) -> None:
    parser = subparsers.add_parser("new-region", help="een lege database voor een nieuwe regio aanmaken")
    add_db_argument(parser)
    parser.add_argument("--region", required=True, help="naam van de regio, bijvoorbeeld Zuid-Holland Zuid")
    parser.add_argument("--title", required=True, help="titel van het programma")
    parser.add_argument("--from", dest="year_from", type=int, help="eerste jaar van het programma")
    parser.add_argument("--to", dest="year_to", type=int, help="laatste jaar van het programma")
    parser.add_argument("--gemeenten", type=Path, help="bestand met de gemeenten, één per regel (- is stdin)")
    parser.add_argument("--ketenpartners", type=Path, help="bestand met de ketenpartners, één per regel")
    parser.add_argument(
        "--actielijnen", type=Path, help="bestand met eigen actielijnen, één per regel (standaard de landelijke drie)"
    )
    parser.add_argument("--afstemmingsoverleg", default="", help="naam van het afstemmingsoverleg")
    parser.add_argument("--bestuurlijk-overleg", default="", help="naam van het bestuurlijk overleg")
    parser.add_argument(
        "--labels", action="store_true", help="processtappen en doelgroepen (seed 003) als labels toevoegen"
    )
    parser.set_defaults(handler=run_new_region)


def _names(path: Path | None) -> tuple[str, ...]:
    from ..services.new_region import parse_list

    if path is None:
        return ()
    text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8-sig", errors="replace")
    return tuple(parse_list(text))


def run_new_region(args: argparse.Namespace) -> int:
    from ..db import DatabaseError, open_database
    from ..filelock import acquire_for_command
    from ..services import ServiceError
    from ..services.new_region import SEED_PROCESS_STEPS, SEED_TARGET_GROUPS, NewRegion, create_region, validate

    path = resolve_db(args.db).expanduser().absolute()
    if path.exists() and path.stat().st_size > 0:
        print(f"Fout: {path} bestaat al. Een nieuwe regio begint in een nieuw bestand; kies een andere naam.")
        return 2
    try:
        spec = validate(
            NewRegion(
                region=args.region,
                programme_title=args.title,
                period_start=args.year_from,
                period_end=args.year_to,
                actielijnen=_names(args.actielijnen),
                municipalities=_names(args.gemeenten),
                partners=_names(args.ketenpartners),
                ao_name=args.afstemmingsoverleg,
                bo_name=args.bestuurlijk_overleg,
                tag_kinds=(("Processtap", SEED_PROCESS_STEPS), ("Doelgroep", SEED_TARGET_GROUPS))
                if args.labels
                else (),
            )
        )
    except OSError as exc:
        print(f"Fout: een lijst kan niet worden gelezen: {exc.strerror or exc} ({exc.filename}).")
        return 2
    except ServiceError as exc:
        print(f"Fout: {exc}")
        return 2
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with acquire_for_command(path, "het aanmaken van een nieuwe regio"):
            database = open_database(path)
            try:
                summary = database.write(lambda session: create_region(session, spec))
            finally:
                database.close()
    except (DatabaseError, ServiceError) as exc:
        print(f"Fout: {exc}")
        return 2
    except OSError as exc:
        print(f"Fout: {path} kan niet worden aangemaakt: {exc.strerror or exc}.")
        return 2
    print(f"Nieuwe regio {spec.region} aangemaakt: {path}")
    print(f"  Actielijnen          {summary.sections}")
    print(f"  Gemeenten            {summary.municipalities}")
    print(f"  Ketenpartners        {summary.partners}")
    print(f"  Overlegreeksen       {', '.join(summary.series)}")
    if summary.tags:
        print(f"  Labels               {summary.tags}")
    return 0
