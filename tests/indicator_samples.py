"""Realistic indicator data for the chart, chapter and page tests: seed 004's Veilig Thuis figures for Gooi en
Vechtstreek (1.620 meldingen in 2019) with invented later values, a percentage per half year and a context figure."""

from __future__ import annotations

from decimal import Decimal

from ghnt_desktop.models import (
    IndicatorDirection,
    IndicatorLevel,
    IndicatorUnit,
    Organisation,
    OrganisationKind,
    PeriodKind,
    Programme,
    Section,
)
from ghnt_desktop.services import indicators as ind
from ghnt_desktop.services.figure_values import Period

LINE_1 = "Eerder en beter in beeld"
LINE_2 = "Stoppen en duurzaam oplossen"
H = PeriodKind.HALF_YEAR


def add_sample_indicators(session) -> dict:
    """Two actielijnen, three gemeenten and three indicators with baseline, targets and measurements."""
    programme = Programme(region="Gooi en Vechtstreek", title="Regiovisie")
    line1 = Section(programme=programme, title=LINE_1, code="1", position=1)
    line2 = Section(programme=programme, title=LINE_2, code="2", position=2)
    gemeenten = [Organisation(name=f"Gemeente {n}", kind=OrganisationKind.GEMEENTE)
                 for n in ("Hilversum", "Gooise Meren", "Huizen")]  # fmt: skip
    session.add_all([programme, line1, line2, *gemeenten])
    session.flush()
    meldingen = ind.create_indicator(
        session,
        name="Meldingen bij Veilig Thuis",
        definition="Het aantal meldingen van huiselijk geweld en kindermishandeling dat Veilig Thuis ontving.",
        unit=IndicatorUnit.COUNT,
        unit_label="meldingen",
        direction=IndicatorDirection.HIGHER_IS_BETTER,
        level=IndicatorLevel.VEILIG_THUIS_REGION,
        source="CBS StatLine",
        source_id="84852NED",
        baseline_value="1.620",
        baseline_period=Period(2019),
        section_ids=[line1.id],
    ).id
    ind.set_target(session, meldingen, 2022, 1800)
    ind.set_target(session, meldingen, 2025, 2000)
    for year, value, provisional in ((2019, "1620", False), (2020, "1710", False), (2022, "1790", False),
                                     (2023, "1880", True)):  # fmt: skip
        ind.set_measurement(session, meldingen, Period(year), value=value, provisional=provisional)
    ind.set_measurement(session, meldingen, Period(2021), value=None, unknown=True)
    for gemeente, value in zip(gemeenten, ("720", "410", None), strict=True):
        ind.set_measurement(session, meldingen, Period(2023), value=value, unknown=value is None,
                            organisation_id=gemeente.id, provisional=True)  # fmt: skip
    herhaald = ind.create_indicator(
        session,
        name="Herhaald melden binnen een jaar",
        definition="Aandeel van de meldingen over een gezin dat binnen twaalf maanden opnieuw gemeld wordt.",
        unit=IndicatorUnit.PERCENTAGE,
        direction=IndicatorDirection.LOWER_IS_BETTER,
        source="CBS StatLine",
        source_id="85361NED",
        baseline_value="24,5",
        baseline_period=Period(2019, H, 1),
        section_ids=[line1.id, line2.id],
    ).id
    ind.set_target(session, herhaald, 2024, 18)
    for period, value, provisional, note in (
        (Period(2019, H, 1), "24,5", False, ""), (Period(2019, H, 2), "23,8", False, ""),
        (Period(2020, H, 1), "25,1", False, "coronajaar"), (Period(2021, H, 1), "23,25", True, ""),
    ):  # fmt: skip
        ind.set_measurement(session, herhaald, period, value=value, provisional=provisional, note=note)
    ind.set_measurement(session, herhaald, Period(2020, H, 2), value=None, unknown=True)
    inwoners = ind.create_indicator(session, name="Inwoners 18 jaar en ouder", source="CBS").id
    ind.set_measurement(session, inwoners, Period(2022), value="212.345")
    session.flush()
    return {"meldingen": meldingen, "herhaald": herhaald, "inwoners": inwoners, "line1": line1, "line2": line2,
            "gemeenten": gemeenten}  # fmt: skip


D = Decimal
