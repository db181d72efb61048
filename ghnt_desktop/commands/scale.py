"""``ghnt-desktop scale``: build a database at the size a region reaches (benchmarks, trying the app)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import add_db_argument, refuse_server, resolve_db


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "scale", help="een proefdatabase op schaal aanmaken (tien jaar: ongeveer 100.000 actiepunten)"
    )
    add_db_argument(parser)
    parser.add_argument("--years", type=int, default=10, help="aantal jaren overleggen (standaard 10)")
    parser.add_argument("--seed", type=int, default=2024, help="startgetal: hetzelfde getal geeft dezelfde database")
    parser.set_defaults(handler=run_scale)


def run_scale(args: argparse.Namespace) -> int:
    from ..db import DatabaseError
    from ..filelock import acquire_for_command
    from ..scale import ScaleSize, create_scale_database

    if not 1 <= args.years <= 50:
        print("Fout: --years moet tussen 1 en 50 liggen.")
        return 2
    path = resolve_db(args.db)
    if refuse_server(path, "Een proefdatabase maken"):
        return 2
    assert isinstance(path, Path)
    last_step = ""

    def report(done: int, total: int, step: str) -> None:
        nonlocal last_step
        if step != last_step:
            last_step = step
            print(f"  [{done}/{total}] {step}", flush=True)

    try:
        with acquire_for_command(path, "het maken van een proefdatabase"):
            counts = create_scale_database(path, seed=args.seed, size=ScaleSize(years=args.years), progress=report)
    except DatabaseError as exc:
        print(f"Fout: {exc}")
        return 2
    print(f"Proefdatabase aangemaakt: {path}")
    for table, count in counts.items():
        print(f"  {table:<20} {count:,}".replace(",", "."))
    return 0
