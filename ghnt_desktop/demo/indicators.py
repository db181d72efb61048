"""Indicators of the demo: the figures the seed documents give, with their real value as the nulmeting, and
invented later values (clearly called demo values in their note) so the app has series to show.

Read from ``resources/demo/seeds_001_003_004_cijfers.json`` (figures of the Groningen, Zuid-Holland Zuid and
Gooi en Vechtstreek documents) and ``deventer_en_landelijk_indicatoren.json`` (Deventer and national figures).
Only figures that are one number for a named year (or half year) are used; ranges ("8 à 9"), ratios ("1 op 3")
and figures without a period stay out. A figure about another region keeps that region in its name. Real yearly
series in the sources (national budgets) are kept as they are; other indicators whose nulmeting is recent get
invented values for the later years up to last year, the last one voorlopig. Reproducible: the values come from
a random generator seeded per indicator.
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from ..models import (
    Indicator,
    IndicatorDirection,
    IndicatorLevel,
    IndicatorTarget,
    IndicatorUnit,
    Measurement,
    Organisation,
    PeriodKind,
    Section,
)
from ..services.figure_values import Period, parse_period
from .ids import stable_id
from .programme import load_json

FIGURES_FILE = "seeds_001_003_004_cijfers.json"
INDICATORS_FILE = "deventer_en_landelijk_indicatoren.json"
DEMO_NOTE = "Demowaarde: verzonnen voor de demo, geen echt cijfer."
SOURCE_NOTE = "Cijfer uit het brondocument ({document})."
MAX_INVENTED_YEARS = 6
# Themes of the Deventer plan that are not about violence at home: left out of a GHNT demo.
OTHER_THEMES = ("drugs", "digitale criminaliteit", "ondermijnende criminaliteit", "sociale stabiliteit")
DOCUMENTS = {"001": "Groningen, actieplan 2023-2026", "003": "Zuid-Holland Zuid, regiovisie",
             "004": "Gooi en Vechtstreek, voortgangsrapportage 2019"}  # fmt: skip

# Keywords -> national actielijn (1-3) an indicator is linked to, in this order.
LINES: tuple[tuple[tuple[str, ...], int], ...] = (
    (("ouderen", "oudere", "scheiding", "vrouwen", "femicide", "kinderen van ouders"), 3),
    (("gestopt", "nog steeds geweld", "nog te maken", "risicotaxatie", "huisverbod", "recidive", "zonder geweld"), 2),
    (("melding", "advies", "adviezen", "meldcode", "casussen", "signal", "veilig thuis"), 1),
)
# Targets given to a few indicators in the demo (name prefix -> (direction, change from the nulmeting per year)).
TARGETS: dict[str, tuple[IndicatorDirection, Decimal]] = {
    "Gezinnen waarin het geweld anderhalf jaar na melding bij VT is gestopt": (
        IndicatorDirection.HIGHER_IS_BETTER, Decimal("2.5")),
    "Gezinnen die anderhalf jaar na melding nog te maken hebben met veel en": (
        IndicatorDirection.LOWER_IS_BETTER, Decimal("-2.5")),
    "Veilig Thuis meldingen (Gooi en Vechtstreek)": (IndicatorDirection.HIGHER_IS_BETTER, Decimal(80)),
}  # fmt: skip


@dataclass
class DemoIndicators:
    """The demo's indicator rows, ready to add in order (indicators, then links, targets and measurements)."""

    indicators: list[Indicator] = field(default_factory=list)
    section_links: list[dict[str, object]] = field(default_factory=list)
    targets: list[IndicatorTarget] = field(default_factory=list)
    measurements: list[Measurement] = field(default_factory=list)


@dataclass(frozen=True)
class _Source:
    key: str
    name: str
    value: Decimal
    period: Period
    unit: IndicatorUnit
    unit_label: str
    level: IndicatorLevel
    source: str
    document: str
    municipality: str = ""  # a demo gemeente the figure is about
    series: tuple[tuple[Period, Decimal], ...] = ()  # real later values from the source


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def _period(text: object) -> Period | None:
    if not isinstance(text, str) or re.search(r"meting", text):
        return None
    parsed = parse_period(text)
    if parsed is not None:
        return parsed[0]
    years = re.findall(r"\b(19\d\d|20\d\d)\b", text)
    return Period(int(years[-1])) if years else None


def _unit(text: str) -> tuple[IndicatorUnit, str, Decimal] | None:
    """(unit, unit label, factor) of a unit as the sources write it; None for units the app does not count in."""
    lowered = text.casefold()
    if "mln" in lowered and "eur" in lowered:
        return IndicatorUnit.EUROS, "", Decimal(1_000_000)
    if "eur" in lowered:
        return IndicatorUnit.EUROS, "", Decimal(1)
    if "%" in lowered or "aandeel" in lowered or "procent" in lowered:
        return IndicatorUnit.PERCENTAGE, "", Decimal(1)
    if any(word in lowered for word in ("uur", "verhouding", "frequentie", "factor", "procentpunt", "kwalitatief")):
        return None
    label = re.sub(r"\s*(per jaar|/jaar)\s*$", "", text).strip()
    return IndicatorUnit.COUNT, "" if label.casefold() in ("aantal", "") else label[:100], Decimal(1)


def _level(level: str, area: str, name: str) -> tuple[IndicatorLevel, str, str]:
    """(level, suffix for the name, demo gemeente) of a figure about ``area``."""
    lowered = level.casefold()
    if "landelijk" in lowered:
        return IndicatorLevel.NATIONAL, "", ""
    if area.casefold() == "gemeente groningen":
        return IndicatorLevel.MUNICIPALITY, "", "Gemeente Groningen"
    short = re.sub(r"\s*\(.*\)\s*$", "", area).removeprefix("Gemeenten ").removeprefix("Gemeente ").strip()
    if "groningen" in area.casefold():
        return IndicatorLevel.REGION, "", ""
    kind = IndicatorLevel.VEILIG_THUIS_REGION if "veilig thuis" in name.casefold() else IndicatorLevel.REGION
    return kind, f" ({short})" if short and short.casefold() not in name.casefold() else "", ""


def _sources() -> list[_Source]:
    found: list[_Source] = []
    for number, row in enumerate(load_json(FIGURES_FILE)):
        value, period = _number(row.get("waarde")), _period(row.get("periode"))
        unit = _unit(str(row.get("eenheid") or ""))
        if value is None or period is None or unit is None:
            continue
        level, suffix, municipality = _level(str(row["niveau"]), str(row["gebied"]), str(row["indicator"]))
        document = DOCUMENTS.get(str(row["bron"])[:3], str(row["bron"]))
        found.append(
            _Source(f"cijfer-{number}", f"{row['indicator']}{suffix}", value * unit[2], period, unit[0], unit[1],
                    level, str(row.get("herkomst_cijfer") or document), document, municipality)  # fmt: skip
        )
    for row in load_json(INDICATORS_FILE):
        if any(theme in str(row.get("thema", "")).casefold() for theme in OTHER_THEMES):
            continue
        values = row.get("waarden")
        unit = _unit(str(row.get("eenheid") or ""))
        if not isinstance(values, dict) or unit is None:
            continue
        pairs = [
            (_period(k) if re.fullmatch(r"(ca\. )?\d{4}", k) else None, _number(v)) for k, v in values.items()
        ]
        series = sorted(((p, v * unit[2]) for p, v in pairs if p is not None and v is not None),
                        key=lambda item: item[0].sort_key)  # fmt: skip
        if not series:
            continue
        gebied = row.get("gebied") if isinstance(row.get("gebied"), str) else ""
        level, suffix, municipality = _level(str(row.get("niveau", "")), str(gebied), str(row["naam"]))
        if level is IndicatorLevel.REGION and not suffix and gebied and gebied.casefold() not in str(row["naam"]).casefold():
            suffix = f" ({gebied})"
        first_period, first_value = series[0]
        found.append(
            _Source(str(row["id"]), f"{row['naam']}{suffix}", first_value, first_period, unit[0], unit[1], level,
                    str(row.get("bron") or ""), "Deventer en landelijke plannen", municipality, tuple(series[1:]))  # fmt: skip
        )
    return found


def _direction(name: str) -> IndicatorDirection:
    lowered = name.casefold()
    for prefix, (direction, _step) in TARGETS.items():
        if name.startswith(prefix):
            return direction
    if any(word in lowered for word in ("slachtoffer", "mishandeld", "gedood", "overlijden", "omgebracht", "letsel")):
        return IndicatorDirection.LOWER_IS_BETTER
    return IndicatorDirection.NEUTRAL


def _line(name: str) -> int | None:
    lowered = name.casefold()
    for words, line in LINES:
        if any(word in lowered for word in words):
            return line
    return None


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(12, 0), tzinfo=UTC)


def _round(value: Decimal, unit: IndicatorUnit) -> Decimal:
    if unit is IndicatorUnit.PERCENTAGE:
        return min(Decimal(100), max(Decimal(0), value.quantize(Decimal("0.1"))))
    if unit is IndicatorUnit.EUROS and value >= 10_000:
        return value.quantize(Decimal(1000))
    return max(Decimal(0), value.quantize(Decimal(1)))


def build_indicators(
    today: date, sections: list[Section], gemeenten: dict[str, Organisation]
) -> DemoIndicators:
    """The demo indicators for a demo built around ``today``; ``sections`` of the demo programme, ``gemeenten``
    by name (for figures about one gemeente)."""
    out = DemoIndicators()
    by_line = {s.national_line: s for s in sections if s.national_line}
    last_year = today.year - 1
    seen: set[str] = set()
    for position, source in enumerate(_sources()):
        name = " ".join(source.name.split())[:300]
        if name.casefold() in seen:
            continue
        seen.add(name.casefold())
        direction = _direction(name)
        indicator = Indicator(
            id=stable_id("indicator", source.key),
            name=name,
            unit=source.unit,
            unit_label=source.unit_label,
            direction=direction,
            level=source.level,
            source=source.source[:300],
            position=position,
            notes=f"Nulmeting uit: {source.document}. Latere waarden zonder bronvermelding zijn demowaarden.",
            baseline_value=source.value,
            baseline_year=source.period.year,
            baseline_kind=source.period.kind,
            baseline_part=source.period.part,
        )
        out.indicators.append(indicator)
        line = _line(name)
        if line in by_line:
            out.section_links.append({"indicator_id": indicator.id, "section_id": by_line[line].id})
        organisation = gemeenten.get(source.municipality)
        organisation_id = organisation.id if organisation is not None else None
        points = [(source.period, source.value, SOURCE_NOTE.format(document=source.document))]
        points += [(p, v, SOURCE_NOTE.format(document=source.document)) for p, v in source.series]
        rng = random.Random(zlib.crc32(f"demo-indicator/{source.key}".encode()))
        # National context figures keep their real value only: the demo invents regional and local figures.
        if not source.series and source.level is not IndicatorLevel.NATIONAL and last_year - source.period.year <= 8:
            step = {IndicatorDirection.HIGHER_IS_BETTER: 0.04, IndicatorDirection.LOWER_IS_BETTER: -0.04}.get(
                direction, 0.01
            )
            value = source.value
            for year in range(source.period.year + 1, min(last_year, source.period.year + MAX_INVENTED_YEARS) + 1):
                value = _round(value * Decimal(str(round(1 + step + rng.uniform(-0.05, 0.05), 4))), source.unit)
                points.append((Period(year), value, DEMO_NOTE))
        for index, (period, value, note) in enumerate(points):
            invented = note == DEMO_NOTE
            latest = invented and index == len(points) - 1
            # The latest demo value arrived shortly before today, so the Overzicht shows it as moved.
            received = today - timedelta(days=10) if latest else date(period.year + 1, 3, 1) if invented else None
            moment = _moment(received) if received else _moment(date(period.year + 1, 1, 15))
            out.measurements.append(
                Measurement(
                    id=stable_id("measurement", source.key, period.label),
                    indicator_id=indicator.id,
                    organisation_id=organisation_id,
                    year=period.year,
                    period_kind=period.kind,
                    period_part=period.part,
                    value=value,
                    provisional=latest,
                    note=note,
                    received_on=received,
                    created_at=moment,
                    updated_at=moment,
                )
            )
        for prefix, (_direction_, per_year) in TARGETS.items():
            if name.startswith(prefix) and source.period.kind is PeriodKind.YEAR:
                for year in (today.year, today.year + 2):
                    target = _round(source.value + per_year * (year - source.period.year), source.unit)
                    out.targets.append(
                        IndicatorTarget(
                            id=stable_id("target", source.key, year),
                            indicator_id=indicator.id,
                            year=year,
                            value=target,
                            note="Demostreefwaarde: verzonnen voor de demo.",
                        )
                    )
    return out
