"""A report about a period shows the figures known by its end: never a value of a later period (QA: the
per-actielijn table showed the latest value even when it was after the report period).

A table of measured periods and report end dates, through every reader that picks a "latest value":
``list_indicators`` / ``indicators_per_section`` (the Indicatoren page, the report's per-actielijn tables), the
report's "Cijfers" chapter and the Word document.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from docx import Document

from ghnt_desktop.exports.docx_report import export_voortgang
from ghnt_desktop.models import IndicatorDirection, IndicatorUnit, PeriodKind, Programme, Section
from ghnt_desktop.services import indicators as ind
from ghnt_desktop.services.figure_values import Period
from ghnt_desktop.services.progress_report import progress_report_document

Y, H, K = PeriodKind.YEAR, PeriodKind.HALF_YEAR, PeriodKind.QUARTER
VALUES = {  # a value per period that says which period it is, so a wrong one shows in the message
    Period(2019): 1019,
    Period(2020): 1020,
    Period(2021): 1021,
    Period(2022): 1022,
    Period(2020, H, 1): 201,
    Period(2020, H, 2): 202,
    Period(2021, H, 1): 211,
    Period(2020, K, 1): 2001,
    Period(2020, K, 2): 2002,
    Period(2020, K, 3): 2003,
}

# (measured periods, report end, expected latest, expected previous of the same length)
CASES = [
    pytest.param([Period(2019), Period(2020)], date(2020, 12, 31), Period(2020), Period(2019), id="before-and-inside"),
    pytest.param(
        [Period(2019), Period(2020), Period(2021), Period(2022)], date(2020, 12, 31), Period(2020), Period(2019),
        id="later-years-left-out",
    ),
    pytest.param([Period(2021), Period(2022)], date(2020, 12, 31), None, None, id="only-later-values"),
    pytest.param([], date(2020, 12, 31), None, None, id="no-value-at-all"),
    pytest.param([Period(2019), Period(2020)], date(2020, 6, 30), Period(2019), None, id="year-not-over-yet"),
    pytest.param([Period(2020)], date(2020, 12, 30), None, None, id="one-day-before-the-year-ends"),
    pytest.param(
        [Period(2020, H, 1), Period(2020, H, 2), Period(2021, H, 1)], date(2020, 12, 31), Period(2020, H, 2),
        Period(2020, H, 1), id="half-years",
    ),
    pytest.param(
        [Period(2019), Period(2020, K, 1), Period(2020, K, 2), Period(2020, K, 3), Period(2020)], date(2020, 9, 30),
        Period(2020, K, 3), Period(2020, K, 2), id="quarters-in-a-year-not-over",
    ),
    pytest.param(
        [Period(2020), Period(2021, H, 1), Period(2021)], date(2021, 6, 30), Period(2021, H, 1), None,
        id="half-year-inside-year-after",
    ),
]  # fmt: skip


@pytest.fixture
def programme(session):
    programme = Programme(region="Groningen", title="Geweld hoort nergens thuis", period_start=2019, period_end=2022)
    line = Section(programme=programme, title="Eerder en beter in beeld", code="1", position=1)
    session.add_all([programme, line])
    session.flush()
    return programme, line


def _indicator(session, line, periods):
    indicator_id = ind.create_indicator(
        session,
        name="Meldingen bij Veilig Thuis",
        unit=IndicatorUnit.COUNT,
        direction=IndicatorDirection.HIGHER_IS_BETTER,
        source="Veilig Thuis Groningen",
        section_ids=[line.id],
    ).id
    for period in periods:
        ind.set_measurement(session, indicator_id, period, value=VALUES[period])
    return indicator_id


@pytest.mark.parametrize(("periods", "end", "latest", "previous"), CASES)
def test_every_latest_value_reader_stops_at_the_report_end(session, programme, periods, end, latest, previous):
    prog, line = programme
    indicator_id = _indicator(session, line, periods)

    (row,) = ind.list_indicators(session, up_to=end)
    assert (row.latest.period if row.latest else None) == latest
    assert (row.comparison.previous.period if row.comparison.previous else None) == previous
    if latest is not None:
        assert row.latest.value == Decimal(VALUES[latest])
    (group,) = ind.indicators_per_section(session, up_to=end)
    assert group.indicators == (row,)

    # Without a limit (the Indicatoren page): the latest of all.
    (now,) = ind.list_indicators(session)
    assert (now.latest.period if now.latest else None) == (max(periods, key=lambda p: p.sort_key) if periods else None)

    report = progress_report_document(
        session, programme_id=prog.id, date_from=date(end.year - 1, 1, 1), date_to=end, today=date(2026, 12, 3)
    )
    (shown,) = report.line_indicators[line.id]
    assert (shown.latest.period if shown.latest else None) == latest
    assert (shown.comparison.previous.period if shown.comparison.previous else None) == previous
    if report.figures is not None:
        chapter_periods = [ln.period for s in report.figures.sections for i in s.indicators for ln in i.lines]
        assert all(p.end <= end for p in chapter_periods), chapter_periods
        if latest is not None:
            assert chapter_periods[-1] == latest
    assert indicator_id == row.id


def test_the_word_report_never_names_a_later_value(tmp_path, session, programme):
    prog, line = programme
    _indicator(session, line, [Period(2019), Period(2020), Period(2021), Period(2022)])
    report = progress_report_document(
        session, programme_id=prog.id, date_from=date(2020, 1, 1), date_to=date(2020, 12, 31), today=date(2026, 1, 1)
    )
    export_voortgang(report, tmp_path / "voortgang.docx")
    document = Document(str(tmp_path / "voortgang.docx"))
    cells = " | ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    body = cells + " ".join(p.text for p in document.paragraphs)
    assert "1.020 (2020)" in cells  # the per-actielijn table: the report year's value
    for later in ("1.021", "1.022", "(2021)", "(2022)"):
        assert later not in body


@pytest.mark.parametrize(
    ("period", "end"),
    [
        (Period(2020), date(2020, 12, 31)),
        (Period(2020, H, 1), date(2020, 6, 30)),
        (Period(2020, H, 2), date(2020, 12, 31)),
        (Period(2020, K, 1), date(2020, 3, 31)),
        (Period(2020, K, 4), date(2020, 12, 31)),
        (Period(2024, K, 1), date(2024, 3, 31)),
    ],
)
def test_period_end_is_its_last_day(period, end):
    assert period.end == end
    assert period.ends_by(end) and not period.ends_by(date.fromordinal(end.toordinal() - 1))
    assert period.ends_by(None)
