"""The indicators at a region's full size, each step against its baseline in the same run.

Run: ``.venv/bin/python benchmarks/bench_indicator_views.py [--runs 5]`` (not part of the test run).

A database of 50 indicators x 10 years, each year for the whole area and 30 gemeenten (15,500 values), is made in
a temporary folder. Measured, medians of several runs, offscreen:

- **entry grid open**: the Invoer grid's model filled with the 50 indicators (500 lines x 33 columns) and the view
  shown and painted, against a plain ``QAbstractTableModel`` of the same texts, prepared in memory, in a
  ``QTableView`` of the same size;
- **entry grid scroll**: one page down through the whole grid, each step painted, against the same on the plain
  model (median step);
- **reading the grid's data**: the 50 indicators and their values (reported, no target: once per page open);
- **Cijfers chapter**: the chapter with its 50 charts written into a document and saved, against drawing the same
  50 charts with matplotlib alone (``indicator_chart_png`` at the same size, the PNGs kept in memory).

Targets (issue 17): the grid opens and scrolls within 100 ms; the chapter within 1.5x of the charts alone.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

INDICATORS, YEARS, GEMEENTEN = 50, 10, 30
TODAY = date(2025, 6, 1)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def report(
    label: str, ours: float, base: float, *, target_ms: float | None = None, ratio_target: float | None = None
) -> bool:
    ratio = ours / base if base else float("inf")
    checks = []
    ok = True
    if target_ms is not None:
        checks.append(f"<{target_ms:.0f} ms")
        ok &= ours < target_ms
    if ratio_target is not None:
        checks.append(f"<={ratio_target}x")
        ok &= ratio <= ratio_target
    verdict = f"  target {' and '.join(checks)}: {'met' if ok else 'MISSED'}" if checks else ""
    print(f"  {label:<46}{ours:9.1f} ms  baseline {base:8.1f} ms  {ratio:6.2f}x{verdict}", flush=True)
    return ok


def build_database(path: Path):
    """50 indicators in 5 actielijnen, each with a baseline, two targets and 10 years x (area + 30 gemeenten)."""
    from ghnt_desktop.db import open_database
    from ghnt_desktop.models import (
        IndicatorDirection,
        IndicatorUnit,
        Measurement,
        Organisation,
        OrganisationKind,
        Programme,
        Section,
    )
    from ghnt_desktop.models.enums import PeriodKind
    from ghnt_desktop.services import indicators as ind
    from ghnt_desktop.services.figure_values import Period

    database = open_database(path)
    with database.session() as session:
        programme = Programme(region="Proefregio", title="Regiovisie")
        sections = [Section(programme=programme, title=f"Actielijn {n}", code=str(n), position=n) for n in range(1, 6)]
        gemeenten = [
            Organisation(name=f"Gemeente Proef {n:02d}", kind=OrganisationKind.GEMEENTE) for n in range(GEMEENTEN)
        ]
        session.add_all([programme, *sections, *gemeenten])
        session.flush()
        for n in range(INDICATORS):
            unit = IndicatorUnit.PERCENTAGE if n % 3 == 0 else IndicatorUnit.COUNT
            created = ind.create_indicator(
                session,
                name=f"Indicator {n + 1:02d}: meldingen en adviezen bij Veilig Thuis",
                definition="Het aantal meldingen dat Veilig Thuis ontving, per jaar.",
                unit=unit,
                direction=IndicatorDirection.HIGHER_IS_BETTER if n % 2 else IndicatorDirection.LOWER_IS_BETTER,
                source="CBS StatLine",
                source_id="84852NED",
                baseline_value=Decimal(1000 + n),
                baseline_period=Period(2016),
                section_ids=[sections[n % 5].id],
            )
            ind.set_target(session, created.id, 2022, 1100 + n)
            ind.set_target(session, created.id, 2027, 1300 + n)
            rows = []
            for y, year in enumerate(range(2016, 2016 + YEARS)):
                value = (
                    Decimal(1000 + n + 25 * y) if unit is IndicatorUnit.COUNT else Decimal(f"{20 + y / 2 + n / 10:.1f}")
                )
                rows.append(Measurement(indicator_id=created.id, year=year, period_kind=PeriodKind.YEAR, period_part=0,
                                        value=value, provisional=year == 2016 + YEARS - 1))  # fmt: skip
                for g, gemeente in enumerate(gemeenten):
                    rows.append(Measurement(indicator_id=created.id, organisation_id=gemeente.id, year=year,
                                            period_kind=PeriodKind.YEAR, period_part=0,
                                            value=Decimal(30 + g + y)))  # fmt: skip
            session.add_all(rows)
        session.flush()
    return database


def plain_model_class():
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    class PlainModel(QAbstractTableModel):
        def __init__(self, rows, columns):
            super().__init__()
            self.rows = rows
            self.columns = columns

        def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent=QModelIndex()):  # noqa: N802, B008
            return 0 if parent.isValid() else self.columns

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.rows[index.row()][index.column()]
            return None

    return PlainModel


def scroll_through(app, view) -> list[float]:
    """One page down at a time to the end, each step painted; the time of each step."""
    bar = view.verticalScrollBar()
    steps = []
    bar.setValue(0)
    app.processEvents()
    while bar.value() < bar.maximum():
        started = time.perf_counter()
        bar.setValue(min(bar.value() + bar.pageStep(), bar.maximum()))
        view.viewport().repaint()
        app.processEvents()
        steps.append(time.perf_counter() - started)
    return steps


def grid(database, runs: int) -> bool:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from ghnt_desktop.services.indicators import list_indicators, municipalities
    from ghnt_desktop.ui.itemmodels.indicators import EntryGridModel, grid_indicators
    from ghnt_desktop.ui.pages.indicators import EntryGridView

    app = QApplication.instance() or QApplication([])
    PlainModel = plain_model_class()
    reads = []
    for _ in range(runs):
        started = time.perf_counter()
        with database.session() as session:
            details = grid_indicators(session, list_indicators(session))
            gemeenten = municipalities(session)
        reads.append(time.perf_counter() - started)

    # The same texts for the plain baseline, made once from our model.
    model = EntryGridModel()
    model.set_data(details, gemeenten, TODAY)
    texts = [[model.index(r, c).data() or "" for c in range(model.columnCount())] for r in range(model.rowCount())]
    print(f"Entry grid: {model.rowCount()} lines x {model.columnCount()} columns "
          f"({INDICATORS} indicators, {YEARS} years, {GEMEENTEN} gemeenten), median of {runs} runs")  # fmt: skip

    opened, base_opened, scrolled, base_scrolled = [], [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        view = QTableView()
        view.setModel(PlainModel(texts, len(texts[0])))
        view.resize(1150, 560)
        view.show()
        app.processEvents()
        base_opened.append(time.perf_counter() - started)
        base_scrolled.extend(scroll_through(app, view))
        view.close()

        started = time.perf_counter()
        model = EntryGridModel()
        model.set_data(details, gemeenten, TODAY)
        view = EntryGridView()
        view.setModel(model)
        view.resize(1150, 560)
        view.show()
        app.processEvents()
        opened.append(time.perf_counter() - started)
        scrolled.extend(scroll_through(app, view))
        assert view.model().index(model.rowCount() - 1, 2).data(Qt.ItemDataRole.DisplayRole)
        view.close()
    ok = report("open the grid (model filled, view painted)", median_ms(opened), median_ms(base_opened),
                target_ms=100)  # fmt: skip
    ok &= report("scroll one page (median step)", median_ms(scrolled), median_ms(base_scrolled), target_ms=100)
    report("  ... slowest scroll step", max(scrolled) * 1000, max(base_scrolled) * 1000)
    print(f"  read the 50 indicators and their values       {median_ms(reads):9.1f} ms  (once per opening, no target)")
    return ok


def chapter(database, runs: int) -> bool:
    from ghnt_desktop.exports.charts import chart_for, indicator_chart_png
    from ghnt_desktop.exports.docx_common import DocxWriter, open_template
    from ghnt_desktop.exports.docx_figures import CHART_DPI, CHART_HEIGHT_CM, _as_point, add_figures_chapter
    from ghnt_desktop.services.indicators import figures_chapter

    with database.session() as session:
        data = figures_chapter(session)
    indicators = [i for s in data.sections for i in s.indicators]
    indicator_chart_png(chart_for([], unit=indicators[0].unit, direction=indicators[0].direction))  # matplotlib loaded
    ours, base = [], []
    with tempfile.TemporaryDirectory(prefix="ghnt-bench-") as folder:
        for run in range(runs):
            started = time.perf_counter()
            writer = DocxWriter(open_template(None, "voortgang"))
            width_cm = min(writer.text_width_cm(), 16.0)
            add_figures_chapter(writer, data, number="1")
            writer.finish(Path(folder) / f"cijfers{run}.docx", title="Cijfers", author="benchmark")
            ours.append(time.perf_counter() - started)

            started = time.perf_counter()
            pngs = []
            for indicator in indicators:
                chart = chart_for([_as_point(line) for line in indicator.lines], unit=indicator.unit,
                                  direction=indicator.direction, baseline=indicator.baseline,
                                  targets=[t for t in indicator.targets if t.value is not None])  # fmt: skip
                pngs.append(indicator_chart_png(chart, width_px=round(width_cm / 2.54 * CHART_DPI),
                                                height_px=round(CHART_HEIGHT_CM / 2.54 * CHART_DPI),
                                                dpi=CHART_DPI))  # fmt: skip
            base.append(time.perf_counter() - started)
    print(f"Cijfers chapter: {len(indicators)} indicators with a chart, a period table and 30 gemeenten each, "
          f"median of {runs} runs")  # fmt: skip
    return report("chapter written and saved (.docx)", median_ms(ours), median_ms(base), ratio_target=1.5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ghnt-bench-") as folder:
        started = time.perf_counter()
        database = build_database(Path(folder) / "indicatoren.db")
        print(
            f"(database of {INDICATORS * YEARS * (GEMEENTEN + 1):,} values made "
            f"in {time.perf_counter() - started:.1f} s)"
        )
        try:
            ok = grid(database, args.runs)
            ok &= chapter(database, max(args.runs // 2, 1))
        finally:
            database.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
