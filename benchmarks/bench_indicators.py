"""The indicator services on 50 indicators x 10 years x 30 gemeenten (15,500 values), against a raw sqlite3 read
of the same rows in the same run.

Run: ``.venv/bin/python benchmarks/bench_indicators.py [--runs 5]`` (not part of the test run).

Measured: ``list_indicators`` (the Indicatoren page and ``list indicators``), ``get_indicator`` of one indicator
(the detail and its entry grid), ``figures_chapter`` (the report), ``export_data`` + ``write_indicators_xlsx``
(the Excel export) and reading that file back with a preview (``import indicatoren --dry-run``). The baseline is
``SELECT * FROM measurement`` with sqlite3, the floor any of them pays to see every value.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path

INDICATORS, YEARS, GEMEENTEN = 50, 10, 30


def median_ms(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def build(path: Path) -> None:
    from ghnt_desktop.db import open_database
    from ghnt_desktop.models import Indicator, Measurement, Organisation, OrganisationKind

    database = open_database(path)
    with database.session() as session:
        gemeenten = [Organisation(name=f"Gemeente {n:02d}", kind=OrganisationKind.GEMEENTE) for n in range(GEMEENTEN)]
        session.add_all(gemeenten)
        session.flush()
        for number in range(INDICATORS):
            indicator = Indicator(name=f"Indicator {number:02d}", position=number, baseline_value=Decimal(1000),
                                  baseline_year=2015)  # fmt: skip
            session.add(indicator)
            session.flush()
            rows = []
            for year in range(2016, 2016 + YEARS):
                rows.append(Measurement(indicator_id=indicator.id, year=year, value=Decimal(1000 + year % 7)))
                rows += [
                    Measurement(indicator_id=indicator.id, organisation_id=g.id, year=year, value=Decimal(year % 97))
                    for g in gemeenten
                ]
            session.add_all(rows)
    database.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from ghnt_desktop.db import open_database
    from ghnt_desktop.exports.xlsx_indicators import write_indicators_xlsx
    from ghnt_desktop.imports.indicators import read_indicator_file
    from ghnt_desktop.models import Indicator
    from ghnt_desktop.services import indicators as ind

    with tempfile.TemporaryDirectory(prefix="ghnt-bench-indicators-") as folder:
        path = Path(folder) / "figures.db"
        build(path)
        raw = sqlite3.connect(path)
        base = median_ms(lambda: raw.execute("SELECT * FROM measurement").fetchall(), args.runs)
        raw.close()
        database = open_database(path, read_only=True)
        out = Path(folder) / "indicatoren.xlsx"
        with database.session() as session:
            first = session.query(Indicator.id).order_by(Indicator.position).first()[0]
            steps = {
                "list_indicators": lambda: ind.list_indicators(session),
                "get_indicator (310 values)": lambda: ind.get_indicator(session, first),
                "figures_chapter": lambda: ind.figures_chapter(session),
                "export to Excel": lambda: write_indicators_xlsx(ind.export_data(session), out),
                "read back + preview": lambda: ind.preview_figures(session, read_indicator_file(out)),
            }
            print(f"{INDICATORS} indicators x {YEARS} years x {GEMEENTEN} gemeenten; raw read {base:.1f} ms")
            for name, step in steps.items():
                ms = median_ms(step, args.runs)
                print(f"  {name:<28}{ms:>9.1f} ms{ms / base:>8.1f}x")
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
