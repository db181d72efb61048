"""Indicators and figures: what the programme measures, baseline, targets per year and measurements per period.

API (every function takes the caller's ``Session``; nothing commits; no Qt):

Reading
- ``list_indicators(session, *, include_confidential=True, up_to=None) -> list[IndicatorRow]``: every indicator in
  list order with its baseline, latest whole-area value (``latest``; for an indicator measured for one gemeente only,
  that gemeente's), its ``comparison`` (target of that year, ``on_track``) and ``latest_text`` ("1.620* (2021)").
  ``up_to`` (a report's end date): only periods that are over by then count, for the latest value and the
  previous one it is compared with (a report about 2021 H1 never shows 2021 or 2022).
- ``indicators_per_section(session, *, include_confidential=True, up_to=None) -> list[SectionIndicators]``: the same rows
  grouped per actielijn (an indicator linked to two actielijnen shows under both; unlinked ones last, under
  ``UNLINKED_TITLE``).
- ``get_indicator(session, indicator_id) -> IndicatorDetail``: everything of one indicator: ``series`` (whole-area
  measurements oldest first, each a ``SeriesPoint`` with its ``Comparison`` against the previous period of the same
  length, the baseline and the target), ``municipalities`` (the same per gemeente), ``targets``, links.
- ``municipalities(session) -> list[tuple[uuid.UUID, str]]``: the gemeenten a measurement can be for (entry grid).
- ``measurement_values(session, indicator_ids=None) -> dict[id, list[PeriodValue]]``: every measurement of the
  indicators in one query, without comparisons (the entry grid, which shows values only).
- ``compare(...)`` / ``on_track(direction, value, target)``: the comparison rules, for callers with their own values.
- ``indicators_moved_since(session, since, *, include_confidential=False) -> MovedIndicators``: indicators with a
  measurement received or changed since a date (the Overzicht passes the date of the last afstemmingsoverleg,
  ``services.overview.last_held_afstemmingsoverleg``; not called from here, so overview may import this module).
- ``figures_chapter(session, *, include_confidential=False, first_year=None, last_year=None, programme_id=None,
  up_to=None) -> FiguresChapter``: what the voortgangsrapportage's "Cijfers" chapter shows, grouped per actielijn (of
  ``programme_id`` when indicators link to it); vertrouwelijke indicators are left out (and counted) unless asked,
  as ``services.confidentiality`` decides.

Writing (the style of ``services.meetings``: each returns what undo needs)
- ``create_indicator(session, *, name, ...) -> Created`` (undo: ``delete_indicator(created.id)``)
- ``update_indicator(session, indicator_id, **values) -> Edit`` (undo: ``update_indicator(id, **edit.before)``);
  values: name, code, definition, unit, unit_label, direction, source, source_id, level, confidential, notes,
  baseline_value, baseline_period (a ``Period`` or None), section_ids, ambition_ids, position, targets (year ->
  streefwaarde: the whole set; ``create_indicator`` takes it too).
- ``delete_indicator(session, indicator_id) -> Removed`` (undo: ``services.meetings.restore_removed``).
- ``set_target(session, indicator_id, year, value, note="") -> Created | Edit`` (undo a ``Created`` with
  ``clear_target(session, indicator_id, year) -> Removed``, an ``Edit`` with ``set_target(session, **edit.before)``).
- ``set_measurement(session, indicator_id, period, *, value, organisation_id=None, provisional=False, unknown=False,
  note="", received_on=None) -> Created | Edit``: a ``Created`` is undone by ``clear_measurement(created.id)``, an
  ``Edit`` by ``set_measurement(session, **edit.before)``. ``clear_measurement(session, measurement_id) -> Removed``.
- ``INDICATOR_CHANGES``: the ``Changes`` every mutation returns (``changes.indicators`` is True).

Importing and exporting (the parsers live in ``imports.indicators``, the writer in ``exports.xlsx_indicators``)
- ``preview_figures(session, incoming) -> FiguresPreview``: what a file read by ``imports.indicators.read_indicator_file``
  would add or change (``new_indicators``, ``added``, ``changed`` as ``FigureChange`` lines with old and new text,
  ``unchanged``, ``problems`` in Dutch, ``summary()``); writes nothing.
- ``apply_figures(session, preview, *, received_on) -> FiguresImportResult``: saves exactly the preview (make the
  preview in the same write session).
- ``export_data(session, *, include_confidential=False) -> IndicatorExport``: the sheets the Excel export writes.
- ``find_indicator(session, text)``: an indicator by code or name.

Values are ``Decimal`` (exact; see ``models/indicators.py``). ``services.figure_values`` holds ``Period`` (year, half
year, quarter; ``label`` "2020 H1", ``long_label`` "1e halfjaar 2020", ``sort_key``, ``previous()``),
``period_range``, ``parse_period``, ``parse_number`` / ``format_number`` (Dutch: "1.620", "12,5"),
``format_value`` (with the unit: "12,5%", "€ 1.200", "14 dagen", "1.620*") and ``parse_cell`` for what a user types
in the entry grid ("1.620*" voorlopig, "." onbekend, "-" nihil): pass its ``value``, ``provisional`` and ``unknown``
to ``set_measurement``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import String, delete, insert, or_, select, type_coerce
from sqlalchemy.orm import Session

from ..models import (
    Ambition,
    Indicator,
    IndicatorDirection,
    IndicatorLevel,
    IndicatorTarget,
    IndicatorUnit,
    Measurement,
    Organisation,
    OrganisationKind,
    PeriodKind,
    Programme,
    Section,
    indicator_ambition,
    indicator_section,
)
from . import Changes, NotFoundError, ValidationError
from .confidentiality import confidential_scope
from .figure_values import MAX_DIGITS, NumberError, Period, format_number, format_value, parse_number
from .meetings import UNSET, Created, Edit, Removed, clean_text, snapshot
from .versions import versioned

INDICATOR_CHANGES = Changes(indicators=True)
UNLINKED_TITLE = "Niet gekoppeld aan een actielijn"

# ---------------------------------------------------------------------------------------------------------------
# Plain data


@dataclass(frozen=True)
class Baseline:
    """The nulmeting: a value and the period it was measured in."""

    value: Decimal
    period: Period | None


@dataclass(frozen=True)
class PeriodValue:
    """One measurement: a value (None when unknown) for a period, for the whole area or one gemeente."""

    id: uuid.UUID
    period: Period
    value: Decimal | None
    provisional: bool = False
    unknown: bool = False
    note: str = ""
    received_on: date | None = None
    organisation_id: uuid.UUID | None = None
    organisation_name: str = ""


@dataclass(frozen=True)
class Comparison:
    """A value against the previous period of the same length, the baseline and the target of its year.

    ``*_percent`` is the relative change in percent (one decimal), None when there is nothing to compare with or the
    base is zero. ``on_track`` is None when the indicator has no direction, there is no target, no value, or the
    period is shorter than the yearly target it would be compared with (a count per half year against a year's
    target says nothing).
    """

    previous: PeriodValue | None = None
    change: Decimal | None = None
    change_percent: Decimal | None = None
    change_from_baseline: Decimal | None = None
    change_from_baseline_percent: Decimal | None = None
    target: Decimal | None = None
    target_interpolated: bool = False  # the target lies between the baseline and a later year's target
    on_track: bool | None = None


@dataclass(frozen=True)
class SeriesPoint:
    """A measurement with its comparison."""

    value: PeriodValue
    comparison: Comparison


@dataclass(frozen=True)
class TargetValue:
    """The streefwaarde of one year."""

    id: uuid.UUID
    year: int
    value: Decimal | None
    note: str = ""


@dataclass(frozen=True)
class MunicipalitySeries:
    """The measurements of one gemeente, oldest first."""

    organisation_id: uuid.UUID
    name: str
    points: tuple[SeriesPoint, ...]


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator as a list shows it."""

    id: uuid.UUID
    name: str
    code: str
    unit: IndicatorUnit
    unit_label: str
    direction: IndicatorDirection
    level: IndicatorLevel
    source: str
    source_id: str
    confidential: bool
    position: int
    section_ids: tuple[uuid.UUID, ...]
    section_titles: tuple[str, ...]
    baseline: Baseline | None
    latest: PeriodValue | None
    comparison: Comparison
    municipality_count: int  # gemeenten with a value in the latest period of any gemeente

    @property
    def latest_text(self) -> str:
        return latest_value_text(self.latest, self.unit)


def latest_value_text(latest: PeriodValue | None, unit: IndicatorUnit) -> str:
    """"1.620* (2019)", "onbekend (2020 H1)", or "" without a measurement."""
    if latest is None:
        return ""
    value = format_value(latest.value, unit, provisional=latest.provisional, unknown=latest.unknown)
    return f"{value} ({latest.period.label})"


@dataclass(frozen=True)
class SectionIndicators:
    """The indicators of one actielijn (``section_id`` None: not linked to any)."""

    section_id: uuid.UUID | None
    title: str
    indicators: tuple[IndicatorRow, ...]


@dataclass(frozen=True)
class IndicatorDetail:
    """Everything of one indicator."""

    id: uuid.UUID
    name: str
    code: str
    definition: str
    unit: IndicatorUnit
    unit_label: str
    direction: IndicatorDirection
    source: str
    source_id: str
    level: IndicatorLevel
    confidential: bool
    notes: str
    position: int
    sections: tuple[tuple[uuid.UUID, str], ...]
    ambitions: tuple[tuple[uuid.UUID, str], ...]
    baseline: Baseline | None
    targets: tuple[TargetValue, ...]
    series: tuple[SeriesPoint, ...]
    municipalities: tuple[MunicipalitySeries, ...]

    @property
    def source_text(self) -> str:
        return source_text(self.source, self.source_id)

    def target_for(self, year: int) -> Decimal | None:
        return next((t.value for t in self.targets if t.year == year), None)


def source_text(source: str, source_id: str) -> str:
    """"CBS StatLine, tabel 84852NED" or the source alone; "" when neither is known."""
    if source and source_id:
        joiner = ", tabel " if "statline" in source.casefold() or source_id.upper().endswith("NED") else ", "
        return f"{source}{joiner}{source_id}"
    return source or source_id


# ---------------------------------------------------------------------------------------------------------------
# Comparison rules


def _percent(change: Decimal, base: Decimal) -> Decimal | None:
    if base == 0:
        return None
    return (change / abs(base) * 100).quantize(Decimal("0.1"), rounding="ROUND_HALF_UP")


def on_track(direction: IndicatorDirection, value: Decimal | None, target: Decimal | None) -> bool | None:
    """Whether ``value`` meets ``target`` the way the indicator's direction says; None when that cannot be said."""
    if value is None or target is None or direction is IndicatorDirection.NEUTRAL:
        return None
    return value >= target if direction is IndicatorDirection.HIGHER_IS_BETTER else value <= target


def target_for_year(
    year: int, targets: Sequence[TargetValue], baseline: Baseline | None
) -> tuple[Decimal | None, bool]:
    """The target of ``year``: its own, or on the straight line from the baseline (or an earlier target) to the next
    year's target (interpolated: True); None before any target or after the last one."""
    own = next((t.value for t in targets if t.year == year and t.value is not None), None)
    if own is not None:
        return own, False
    later = sorted((t for t in targets if t.year > year and t.value is not None), key=lambda t: t.year)
    if not later:
        return None, False
    points: list[tuple[int, Decimal]] = [(t.year, t.value) for t in targets if t.year < year and t.value is not None]
    if baseline is not None and baseline.period is not None and baseline.period.year < year:
        points.append((baseline.period.year, baseline.value))
    if not points:
        return None, False
    start_year, start_value = max(points, key=lambda p: p[0])
    end = later[0]
    assert end.value is not None
    share = Decimal(year - start_year) / Decimal(end.year - start_year)
    return start_value + (end.value - start_value) * share, True


def compare(
    point: PeriodValue,
    earlier: Sequence[PeriodValue],
    *,
    direction: IndicatorDirection,
    unit: IndicatorUnit,
    baseline: Baseline | None,
    targets: Sequence[TargetValue],
) -> Comparison:
    """``point`` against the latest of ``earlier`` with the same period length, the baseline and the target.

    The baseline and targets are the whole area's, so a gemeente's value is compared with the previous period only.
    """
    previous = None
    for candidate in earlier:
        if candidate.period.kind is point.period.kind and candidate.period.sort_key < point.period.sort_key:
            if previous is None or candidate.period.sort_key > previous.period.sort_key:
                previous = candidate
    value = None if point.unknown else point.value
    change = change_percent = from_baseline = from_baseline_percent = None
    if value is not None and previous is not None and previous.value is not None and not previous.unknown:
        change = value - previous.value
        change_percent = _percent(change, previous.value)
    area = point.organisation_id is None
    if value is not None and baseline is not None and area:
        from_baseline = value - baseline.value
        from_baseline_percent = _percent(from_baseline, baseline.value)
    target: Decimal | None = None
    interpolated = False
    track: bool | None = None
    if area:
        target, interpolated = target_for_year(point.period.year, targets, baseline)
        # A rate (percentage, days) can be judged on a part of the year; a count or an amount only on the whole.
        comparable = point.period.kind is PeriodKind.YEAR or unit in (IndicatorUnit.PERCENTAGE, IndicatorUnit.DAYS)
        track = on_track(direction, value, target) if comparable else None
    return Comparison(previous, change, change_percent, from_baseline, from_baseline_percent, target, interpolated, track)


# ---------------------------------------------------------------------------------------------------------------
# Reading


def _baseline(indicator: Indicator) -> Baseline | None:
    if indicator.baseline_value is None:
        return None
    period = None
    if indicator.baseline_year is not None:
        try:
            period = Period(indicator.baseline_year, indicator.baseline_kind, indicator.baseline_part)
        except ValueError:  # a stored period this app would not write: shown without one
            period = None
    return Baseline(indicator.baseline_value, period)


def measurement_values(
    session: Session, indicator_ids: Iterable[uuid.UUID] | None = None
) -> dict[uuid.UUID, list[PeriodValue]]:
    """Every measurement (of ``indicator_ids``, or all) as ``PeriodValue`` per indicator, oldest first.

    Read as plain columns, with the repeating indicator and gemeente ids and the periods made once each: measured on
    50 indicators x 10 years x 30 gemeenten (15,500 values), loading ORM objects took 0.9 s, this about 0.2 s.
    """
    query = select(
        Measurement.id,
        type_coerce(Measurement.indicator_id, String),
        type_coerce(Measurement.organisation_id, String),
        Measurement.year,
        Measurement.period_kind,
        Measurement.period_part,
        Measurement.value,
        Measurement.provisional,
        Measurement.unknown,
        Measurement.note,
        Measurement.received_on,
        Organisation.name,
    ).outerjoin(Organisation, Measurement.organisation_id == Organisation.id)
    if indicator_ids is not None:
        query = query.where(Measurement.indicator_id.in_(list(indicator_ids)))
    ids: dict[object, uuid.UUID] = {}
    periods: dict[tuple[int, PeriodKind, int], Period | None] = {}

    def as_id(raw: object) -> uuid.UUID:
        found = ids.get(raw)
        if found is None:  # SQLite gives 32 hex digits, PostgreSQL a UUID already
            found = ids[raw] = raw if isinstance(raw, uuid.UUID) else uuid.UUID(str(raw))
        return found

    found: dict[uuid.UUID, list[PeriodValue]] = {}
    for mid, iid, oid, year, kind, part, value, provisional, unknown, note, received, name in session.execute(query):
        key = (year, kind, part)
        if key not in periods:
            try:
                periods[key] = Period(year, kind, part)
            except (ValueError, TypeError):  # a stored period this app would not write: left out
                periods[key] = None
        period = periods[key]
        if period is None:
            continue
        found.setdefault(as_id(iid), []).append(
            PeriodValue(
                # An unreadable stored value (``ghnt-desktop check`` names it) shows as unknown, never as a number.
                mid, period, None if unknown else value, provisional, unknown or value is None, note, received,
                as_id(oid) if oid is not None else None, name or "",
            )
        )  # fmt: skip
    for values in found.values():
        values.sort(key=lambda v: (v.period.sort_key, v.organisation_name))
    return found


def _targets(session: Session, indicator_ids: Iterable[uuid.UUID] | None = None) -> dict[uuid.UUID, list[TargetValue]]:
    query = select(IndicatorTarget).order_by(IndicatorTarget.year)
    if indicator_ids is not None:
        query = query.where(IndicatorTarget.indicator_id.in_(list(indicator_ids)))
    found: dict[uuid.UUID, list[TargetValue]] = {}
    for target in session.scalars(query):
        found.setdefault(target.indicator_id, []).append(TargetValue(target.id, target.year, target.value, target.note))
    return found


def _section_order(session: Session) -> dict[uuid.UUID, tuple[int, int, str]]:
    """Section id -> (programme order, position, shown title) for every section."""
    rows = session.execute(
        select(Section.id, Section.code, Section.title, Section.position, Programme.created_at).join(
            Programme, Section.programme_id == Programme.id
        )
    ).all()
    programmes = sorted({row[4] for row in rows if row[4] is not None})
    order = {created: index for index, created in enumerate(programmes)}
    return {
        sid: (order.get(created, 0), position, f"{code} {title}".strip() if code else title)
        for sid, code, title, position, created in rows
    }


def _links(session: Session) -> dict[uuid.UUID, list[uuid.UUID]]:
    found: dict[uuid.UUID, list[uuid.UUID]] = {}
    for indicator_id, section_id in session.execute(select(indicator_section.c.indicator_id, indicator_section.c.section_id)):
        found.setdefault(indicator_id, []).append(section_id)
    return found


def _latest(values: Sequence[PeriodValue]) -> PeriodValue | None:
    """The latest whole-area value; for an indicator measured for one gemeente only, that gemeente's latest."""
    area = [v for v in values if v.organisation_id is None]
    if not area and len({v.organisation_id for v in values}) == 1:
        area = list(values)
    return max(area, key=lambda v: v.period.sort_key) if area else None


def _row(
    indicator: Indicator,
    values: Sequence[PeriodValue],
    targets: Sequence[TargetValue],
    sections: Sequence[tuple[uuid.UUID, str]],
) -> IndicatorRow:
    baseline = _baseline(indicator)
    latest = _latest(values)
    comparison = (
        compare(latest, values, direction=indicator.direction, unit=indicator.unit, baseline=baseline, targets=targets)
        if latest is not None
        else Comparison()
    )
    local = [v for v in values if v.organisation_id is not None]
    municipality_count = 0
    if local:
        last = max(v.period.sort_key for v in local)
        municipality_count = len({v.organisation_id for v in local if v.period.sort_key == last})
    return IndicatorRow(
        indicator.id,
        indicator.name,
        indicator.code,
        indicator.unit,
        indicator.unit_label,
        indicator.direction,
        indicator.level,
        indicator.source,
        indicator.source_id,
        indicator.confidential,
        indicator.position,
        tuple(s for s, _ in sections),
        tuple(t for _, t in sections),
        baseline,
        latest,
        comparison,
        municipality_count,
    )


def values_up_to(values: Sequence[PeriodValue], up_to: date | None) -> list[PeriodValue]:
    """The values of periods that are over on ``up_to`` (all when None): what a report about a period can know."""
    return [v for v in values if v.period.ends_by(up_to)]


def list_indicators(
    session: Session, *, include_confidential: bool = True, up_to: date | None = None
) -> list[IndicatorRow]:
    """Every indicator (in their position, then name order) with its latest whole-area value (of the periods over
    by ``up_to`` when given: a report's end date).

    The app shows vertrouwelijke indicators (marked by ``confidential``); an output passes
    ``include_confidential=False`` unless the user asked for them, and the rule in ``services.confidentiality``
    decides which those are.
    """
    values = measurement_values(session)
    if up_to is not None:
        values = {i: values_up_to(v, up_to) for i, v in values.items()}
    return _list(session, include_confidential, values)


def _list(
    session: Session, include_confidential: bool, values: dict[uuid.UUID, list[PeriodValue]]
) -> list[IndicatorRow]:
    scope = confidential_scope(session)
    indicators = list(session.scalars(select(Indicator).order_by(Indicator.position, Indicator.name)))
    if not include_confidential:
        indicators = [i for i in indicators if not scope.indicator(i.id)]
    targets = _targets(session)
    order = _section_order(session)
    links = _links(session)
    rows = []
    for indicator in indicators:
        linked = sorted((s for s in links.get(indicator.id, []) if s in order), key=lambda s: order[s][:2])
        rows.append(
            _row(indicator, values.get(indicator.id, []), targets.get(indicator.id, []), [(s, order[s][2]) for s in linked])
        )
    return rows


def indicators_per_section(
    session: Session, *, include_confidential: bool = True, up_to: date | None = None
) -> list[SectionIndicators]:
    """``list_indicators`` grouped per actielijn in programme order; unlinked indicators last."""
    rows = list_indicators(session, include_confidential=include_confidential, up_to=up_to)
    order = _section_order(session)
    groups: dict[uuid.UUID | None, list[IndicatorRow]] = {}
    for row in rows:
        for section_id in row.section_ids or (None,):
            groups.setdefault(section_id, []).append(row)
    keys = sorted((k for k in groups if k is not None), key=lambda k: order[k][:2])
    result = [SectionIndicators(k, order[k][2], tuple(groups[k])) for k in keys]
    if None in groups:
        result.append(SectionIndicators(None, UNLINKED_TITLE, tuple(groups[None])))
    return result


def _points(
    values: Sequence[PeriodValue], indicator: Indicator, baseline: Baseline | None, targets: Sequence[TargetValue]
) -> tuple[SeriesPoint, ...]:
    return tuple(
        SeriesPoint(
            v, compare(v, values, direction=indicator.direction, unit=indicator.unit, baseline=baseline, targets=targets)
        )
        for v in values
    )


def get_indicator(session: Session, indicator_id: uuid.UUID) -> IndicatorDetail:
    """One indicator with its whole series; ``NotFoundError`` when it does not exist (any more)."""
    indicator = _get(session, indicator_id)
    values = measurement_values(session, [indicator_id]).get(indicator_id, [])
    targets = _targets(session, [indicator_id]).get(indicator_id, [])
    baseline = _baseline(indicator)
    order = _section_order(session)
    area = [v for v in values if v.organisation_id is None]
    per_municipality: dict[uuid.UUID, list[PeriodValue]] = {}
    for v in values:
        if v.organisation_id is not None:
            per_municipality.setdefault(v.organisation_id, []).append(v)
    municipal = tuple(
        MunicipalitySeries(org_id, points[0].organisation_name, _points(points, indicator, baseline, targets))
        for org_id, points in sorted(per_municipality.items(), key=lambda item: item[1][0].organisation_name)
    )
    return IndicatorDetail(
        indicator.id,
        indicator.name,
        indicator.code,
        indicator.definition,
        indicator.unit,
        indicator.unit_label,
        indicator.direction,
        indicator.source,
        indicator.source_id,
        indicator.level,
        indicator.confidential,
        indicator.notes,
        indicator.position,
        tuple((s.id, order[s.id][2] if s.id in order else s.title) for s in indicator.sections),
        tuple((a.id, f"{a.code} {a.text}".strip()) for a in indicator.ambitions),
        baseline,
        tuple(targets),
        _points(area, indicator, baseline, targets),
        municipal,
    )


def municipalities(session: Session) -> list[tuple[uuid.UUID, str]]:
    """The gemeenten (organisations of kind gemeente, not archived or merged) by name: the entry grid's columns."""
    return [
        (oid, name)
        for oid, name in session.execute(
            select(Organisation.id, Organisation.name)
            .where(
                Organisation.kind == OrganisationKind.GEMEENTE,
                Organisation.archived.is_(False),
                Organisation.merged_into_id.is_(None),
            )
            .order_by(Organisation.name)
        )
    ]


def find_indicator(session: Session, text: str) -> uuid.UUID | None:
    """The indicator whose code or name is ``text`` (case and spacing ignored), or None."""
    key = " ".join(text.split()).casefold()
    if not key:
        return None
    for indicator_id, name, code in session.execute(select(Indicator.id, Indicator.name, Indicator.code)):
        if key in (" ".join(name.split()).casefold(), " ".join(code.split()).casefold()):
            return indicator_id
    return None


# ---------------------------------------------------------------------------------------------------------------
# Moved since a date (the Overzicht)


@dataclass(frozen=True)
class IndicatorMove:
    """An indicator with measurements received or changed since the date asked."""

    id: uuid.UUID
    name: str
    code: str
    unit: IndicatorUnit
    confidential: bool
    periods: tuple[str, ...]  # labels of the periods received or changed, oldest first
    count: int  # measurements received or changed (whole area and gemeenten)
    latest: PeriodValue | None
    comparison: Comparison

    @property
    def latest_text(self) -> str:
        return latest_value_text(self.latest, self.unit)


@dataclass(frozen=True)
class MovedIndicators:
    since: date | None
    indicators: tuple[IndicatorMove, ...]
    left_out_confidential: int = 0


def indicators_moved_since(
    session: Session, since: date, *, include_confidential: bool = False
) -> MovedIndicators:
    """Indicators with a measurement received (``received_on``) or saved on or after ``since``, by name."""
    moment = datetime.combine(since, time.min, tzinfo=UTC)
    moved = session.execute(
        select(Measurement.indicator_id, Measurement.year, Measurement.period_kind, Measurement.period_part).where(
            or_(Measurement.received_on >= since, Measurement.updated_at >= moment, Measurement.created_at >= moment)
        )
    ).all()
    periods: dict[uuid.UUID, set[Period]] = {}
    counts: dict[uuid.UUID, int] = {}
    for indicator_id, year, kind, part in moved:
        counts[indicator_id] = counts.get(indicator_id, 0) + 1
        try:
            periods.setdefault(indicator_id, set()).add(Period(year, kind, part))
        except ValueError:
            periods.setdefault(indicator_id, set())
    scope = confidential_scope(session)
    left_out = sum(1 for i in counts if scope.indicator(i) and not include_confidential)
    wanted = [i for i in counts if include_confidential or not scope.indicator(i)]
    rows = {r.id: r for r in list_indicators(session) if r.id in set(wanted)}
    result = [
        IndicatorMove(
            row.id,
            row.name,
            row.code,
            row.unit,
            row.confidential,
            tuple(p.label for p in sorted(periods[row.id], key=lambda p: p.sort_key)),
            counts[row.id],
            row.latest,
            row.comparison,
        )
        for row in sorted(rows.values(), key=lambda r: r.name.casefold())
    ]
    return MovedIndicators(since, tuple(result), left_out)


# ---------------------------------------------------------------------------------------------------------------
# The "Cijfers" chapter of the voortgangsrapportage


@dataclass(frozen=True)
class FigureLine:
    """One period of an indicator in the chapter's table; texts are written the Dutch way."""

    period: Period
    period_label: str  # "2019", "1e halfjaar 2020"
    value: Decimal | None
    value_text: str  # "1.620*" when voorlopig
    provisional: bool
    unknown: bool
    change_text: str  # against the previous period: "+12 (+0,7%)"; a percentage's "-0,7 procentpunt"
    baseline_change_text: str  # against the baseline
    target: Decimal | None
    target_text: str  # "≤ 1.500" as the direction says; "(tussenwaarde)" when interpolated
    on_track: bool | None
    on_track_text: str  # "op koers", "niet op koers", ""
    note: str
    comparison: Comparison


@dataclass(frozen=True)
class MunicipalityLine:
    """A gemeente's value in the latest period measured per gemeente."""

    name: str
    value_text: str
    provisional: bool


@dataclass(frozen=True)
class ChapterIndicator:
    """One indicator of the chapter."""

    id: uuid.UUID
    name: str
    code: str
    definition: str
    unit: IndicatorUnit
    unit_label: str
    direction: IndicatorDirection
    level: IndicatorLevel
    confidential: bool
    baseline: Baseline | None
    baseline_text: str  # "1.620 (2019)"
    lines: tuple[FigureLine, ...]
    municipality_period: str  # label of the period of ``municipalities``
    municipalities: tuple[MunicipalityLine, ...]
    source_text: str  # for the footnote: "CBS StatLine, tabel 84852NED"
    has_provisional: bool
    also_in: tuple[str, ...]  # other actielijnen it is linked to
    targets: tuple[TargetValue, ...] = ()  # every streefwaarde, also of years after the last measurement


@dataclass(frozen=True)
class ChapterSection:
    section_id: uuid.UUID | None
    title: str
    indicators: tuple[ChapterIndicator, ...]


@dataclass(frozen=True)
class FiguresChapter:
    """The chapter's content: per actielijn its indicators; how many vertrouwelijke were left out."""

    sections: tuple[ChapterSection, ...]
    left_out_confidential: int = 0
    provisional_note: str = "Cijfers met een * zijn voorlopig."

    @property
    def empty(self) -> bool:
        return not any(s.indicators for s in self.sections)


def change_text(value: Decimal, unit: IndicatorUnit) -> str:
    """A change with its sign: "+90", "-€ 1.200"; a change of a percentage in procentpunten ("-0,7 procentpunt"),
    since "-0,7%" would read as a relative change."""
    if value == 0:
        return "0 procentpunt" if unit is IndicatorUnit.PERCENTAGE else "0"
    sign = "+" if value > 0 else "-"
    if unit is IndicatorUnit.PERCENTAGE:
        return f"{sign}{format_number(abs(value))} procentpunt"
    return f"{sign}{format_value(abs(value), unit)}"


def _change_text(change: Decimal | None, percent: Decimal | None, unit: IndicatorUnit) -> str:
    if change is None:
        return ""
    text = change_text(change, unit)
    if percent is not None and unit is not IndicatorUnit.PERCENTAGE:
        text += f" ({'+' if percent > 0 else ''}{format_number(percent, decimals=1)}%)"
    return text


def _target_text(target: Decimal | None, interpolated: bool, direction: IndicatorDirection, unit: IndicatorUnit) -> str:
    if target is None:
        return ""
    shown = format_value(target.quantize(Decimal("0.1")) if interpolated else target, unit)
    sign = {IndicatorDirection.HIGHER_IS_BETTER: "≥ ", IndicatorDirection.LOWER_IS_BETTER: "≤ "}.get(direction, "")
    return f"{sign}{shown}{' (tussenwaarde)' if interpolated else ''}"


def _line(point: SeriesPoint, indicator: Indicator) -> FigureLine:
    v, c = point.value, point.comparison
    return FigureLine(
        v.period,
        v.period.long_label,
        v.value,
        format_value(v.value, indicator.unit, provisional=v.provisional, unknown=v.unknown),
        v.provisional,
        v.unknown,
        _change_text(c.change, c.change_percent, indicator.unit),
        _change_text(c.change_from_baseline, c.change_from_baseline_percent, indicator.unit),
        c.target,
        _target_text(c.target, c.target_interpolated, indicator.direction, indicator.unit),
        c.on_track,
        "" if c.on_track is None else "op koers" if c.on_track else "niet op koers",
        v.note,
        c,
    )


def programme_links(session: Session, programme_id: uuid.UUID) -> dict[uuid.UUID, list[uuid.UUID]]:
    """Indicator id -> the ids of the sections of ``programme_id`` it is linked to (only linked indicators)."""
    found: dict[uuid.UUID, list[uuid.UUID]] = {}
    query = (
        select(indicator_section.c.indicator_id, indicator_section.c.section_id)
        .join(Section, Section.id == indicator_section.c.section_id)
        .where(Section.programme_id == programme_id)
    )
    for indicator_id, section_id in session.execute(query):
        found.setdefault(indicator_id, []).append(section_id)
    return found


def _in_programme(session: Session, programme_id: uuid.UUID | None) -> tuple[set[uuid.UUID] | None, set[uuid.UUID]]:
    """(indicators of the programme or None for all, the sections they may be grouped under) for a report.

    When indicators are linked to ``programme_id``'s sections, the programme's own and the unlinked ones (the
    region's context figures, like action items of no programme) count; indicators of another programme only are
    left out. When none is linked to it (a new programme), every indicator counts, grouped as linked.
    """
    links = _links(session)
    if programme_id is None:
        return None, {s for sections in links.values() for s in sections}
    own = programme_links(session, programme_id)
    if not own:
        return None, {s for sections in links.values() for s in sections}
    own_sections = {s for sections in own.values() for s in sections}
    unlinked = {i for i in session.scalars(select(Indicator.id)) if not links.get(i)}
    return set(own) | unlinked, own_sections


def figures_chapter(
    session: Session,
    *,
    include_confidential: bool = False,
    first_year: int | None = None,
    last_year: int | None = None,
    programme_id: uuid.UUID | None = None,
    up_to: date | None = None,
) -> FiguresChapter:
    """The "Cijfers" chapter: per actielijn (in programme order) each linked indicator once, under the first
    actielijn it is linked to; unlinked indicators in a last group. Periods outside ``first_year``..``last_year``
    are left out of the tables (but still count as the previous period of the first one shown).

    ``programme_id`` (a report's programme): when indicators are linked to its actielijnen, only those and the
    unlinked ones, grouped under its actielijnen; else every indicator.

    ``up_to`` (the report's end date): periods not over by then are left out altogether, also as the previous
    period of a comparison.

    Vertrouwelijke indicators are left out unless ``include_confidential`` (then ``confidential`` marks them); the
    rule of ``services.confidentiality`` decides which they are and ``left_out_confidential`` counts them.
    """
    scope = confidential_scope(session)
    indicators = list(session.scalars(select(Indicator).order_by(Indicator.position, Indicator.name)))
    wanted, sections_in_scope = _in_programme(session, programme_id)
    if wanted is not None:
        indicators = [i for i in indicators if i.id in wanted]
    left_out = sum(1 for i in indicators if scope.indicator(i.id)) if not include_confidential else 0
    indicators = [i for i in indicators if include_confidential or not scope.indicator(i.id)]
    ids = [i.id for i in indicators]
    values = measurement_values(session, ids)
    targets = _targets(session, ids)
    order = {s: o for s, o in _section_order(session).items() if s in sections_in_scope}
    links = _links(session)
    groups: dict[uuid.UUID | None, list[ChapterIndicator]] = {}

    def shown(period: Period) -> bool:
        return (first_year is None or period.year >= first_year) and (last_year is None or period.year <= last_year)

    for indicator in indicators:
        linked = sorted((s for s in links.get(indicator.id, []) if s in order), key=lambda s: order[s][:2])
        baseline = _baseline(indicator)
        own_values = values_up_to(values.get(indicator.id, []), up_to)
        own_targets = targets.get(indicator.id, [])
        area = [v for v in own_values if v.organisation_id is None]
        lines = tuple(_line(p, indicator) for p in _points(area, indicator, baseline, own_targets) if shown(p.value.period))
        local = [v for v in own_values if v.organisation_id is not None and shown(v.period)]
        municipal: tuple[MunicipalityLine, ...] = ()
        municipal_period = ""
        if local:
            last = max(local, key=lambda v: v.period.sort_key).period
            municipal_period = last.long_label
            municipal = tuple(
                MunicipalityLine(
                    v.organisation_name,
                    format_value(v.value, indicator.unit, provisional=v.provisional, unknown=v.unknown),
                    v.provisional,
                )
                for v in sorted((v for v in local if v.period == last), key=lambda v: v.organisation_name)
            )
        baseline_text = ""
        if baseline is not None:
            baseline_text = format_value(baseline.value, indicator.unit)
            if baseline.period is not None:
                baseline_text += f" ({baseline.period.long_label})"
        chapter_indicator = ChapterIndicator(
            indicator.id,
            indicator.name,
            indicator.code,
            indicator.definition,
            indicator.unit,
            indicator.unit_label,
            indicator.direction,
            indicator.level,
            scope.indicator(indicator.id),
            baseline,
            baseline_text,
            lines,
            municipal_period,
            municipal,
            source_text(indicator.source, indicator.source_id),
            any(line.provisional for line in lines) or any(m.provisional for m in municipal),
            tuple(order[s][2] for s in linked[1:]),
            tuple(own_targets),
        )
        groups.setdefault(linked[0] if linked else None, []).append(chapter_indicator)
    keys = sorted((k for k in groups if k is not None), key=lambda k: order[k][:2])
    sections = [ChapterSection(k, order[k][2], tuple(groups[k])) for k in keys]
    if None in groups:
        sections.append(ChapterSection(None, UNLINKED_TITLE, tuple(groups[None])))
    return FiguresChapter(tuple(sections), left_out)


# ---------------------------------------------------------------------------------------------------------------
# Writing


def _get(session: Session, indicator_id: uuid.UUID) -> Indicator:
    indicator = session.get(Indicator, indicator_id)
    if indicator is None:
        raise NotFoundError("Deze indicator bestaat niet (meer).")
    return indicator


def _value(value: Decimal | int | str | None, label: str) -> Decimal | None:
    """A value from the caller: a Decimal, an int or Dutch text ("12,5"); floats are refused (not exact)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float):
        raise ValidationError(f"{label}: geef de waarde als Decimal of tekst, niet als float.")
    try:
        number = parse_number(value)
    except NumberError as exc:
        raise ValidationError(f"{label}: {exc}") from None
    if len(format_number(number, thousands=False)) > MAX_DIGITS + 2:
        raise ValidationError(f"{label}: het getal is te lang.")
    return number


def _year(year: int, label: str) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100:
        raise ValidationError(f"{label}: het jaar moet tussen 1900 en 2100 liggen.")
    return year


def _check_name(session: Session, name: str, own_id: uuid.UUID | None = None) -> str:
    name = clean_text(name, label="De naam van de indicator", required=True, max_length=300)
    other = session.scalar(select(Indicator.id).where(Indicator.name == name))
    if other is not None and other != own_id:
        raise ValidationError(f"Er bestaat al een indicator met de naam {name}. Kies een andere naam.")
    return name


def _set_links(session: Session, table: Any, column: str, indicator_id: uuid.UUID, ids: Iterable[uuid.UUID]) -> None:
    session.execute(delete(table).where(table.c.indicator_id == indicator_id))
    for other_id in dict.fromkeys(ids):
        session.execute(insert(table).values({"indicator_id": indicator_id, column: other_id}))


def _check_links(session: Session, section_ids: Sequence[uuid.UUID], ambition_ids: Sequence[uuid.UUID]) -> None:
    for section_id in section_ids:
        if session.get(Section, section_id) is None:
            raise NotFoundError("De actielijn om aan te koppelen bestaat niet (meer).")
    for ambition_id in ambition_ids:
        if session.get(Ambition, ambition_id) is None:
            raise NotFoundError("De ambitie om aan te koppelen bestaat niet (meer).")


_TEXT_FIELDS = {
    "code": ("De code", 40),
    "definition": ("De definitie", 5000),
    "unit_label": ("De eenheid", 100),
    "source": ("De bron", 300),
    "source_id": ("De bronaanduiding", 100),
    "notes": ("De toelichting", 10_000),
}


def create_indicator(
    session: Session,
    *,
    name: str,
    code: str = "",
    definition: str = "",
    unit: IndicatorUnit = IndicatorUnit.COUNT,
    unit_label: str = "",
    direction: IndicatorDirection = IndicatorDirection.NEUTRAL,
    source: str = "",
    source_id: str = "",
    level: IndicatorLevel = IndicatorLevel.REGION,
    confidential: bool = False,
    notes: str = "",
    baseline_value: Decimal | int | str | None = None,
    baseline_period: Period | None = None,
    section_ids: Sequence[uuid.UUID] = (),
    ambition_ids: Sequence[uuid.UUID] = (),
    position: int | None = None,
    targets: Mapping[int, TargetInput] | None = None,
) -> Created:
    """Create an indicator (at the end of the list unless ``position``) with its ``targets`` (year -> streefwaarde);
    undo with ``delete_indicator``."""
    texts = {key: clean_text(value, label=_TEXT_FIELDS[key][0], max_length=_TEXT_FIELDS[key][1]) for key, value in
             (("code", code), ("definition", definition), ("unit_label", unit_label), ("source", source),
              ("source_id", source_id), ("notes", notes))}  # fmt: skip
    _check_links(session, section_ids, ambition_ids)
    if position is None:
        last = session.scalar(select(Indicator.position).order_by(Indicator.position.desc()).limit(1))
        position = 0 if last is None else last + 1
    indicator = Indicator(
        name=_check_name(session, name),
        unit=IndicatorUnit(unit),
        direction=IndicatorDirection(direction),
        level=IndicatorLevel(level),
        confidential=bool(confidential),
        position=position,
        **texts,
    )
    _apply_baseline(indicator, _value(baseline_value, "De nulmeting"), baseline_period)
    session.add(indicator)
    session.flush()
    _set_links(session, indicator_section, "section_id", indicator.id, section_ids)
    _set_links(session, indicator_ambition, "ambition_id", indicator.id, ambition_ids)
    if targets:
        _replace_targets(session, indicator.id, targets)
    session.flush()
    session.expire(indicator, ["sections", "ambitions"])
    return Created(indicator.id, INDICATOR_CHANGES | Changes(ids=frozenset({indicator.id})))


def _apply_baseline(indicator: Indicator, value: Decimal | None, period: Period | None) -> None:
    indicator.baseline_value = value
    indicator.baseline_year = period.year if period is not None else None
    indicator.baseline_kind = period.kind if period is not None else PeriodKind.YEAR
    indicator.baseline_part = period.part if period is not None else 0


def _indicator_field(indicator: Indicator, key: str) -> Any:
    """A field of an indicator in ``update_indicator``'s own form (what its ``Edit.before`` holds)."""
    if key == "section_ids":
        return tuple(s.id for s in indicator.sections)
    if key == "ambition_ids":
        return tuple(a.id for a in indicator.ambitions)
    if key == "targets":
        return {t.year: (t.value, t.note) for t in indicator.targets}
    if key == "baseline_period":
        if indicator.baseline_year is None:
            return None
        return Period(indicator.baseline_year, indicator.baseline_kind, indicator.baseline_part)
    return getattr(indicator, key, None)


@versioned(
    Indicator, lambda indicator: f"Indicator {indicator.name}", current=_indicator_field,
    labels={"baseline_value": "Nulmeting", "baseline_period": "Periode van de nulmeting", "targets": "Streefwaarden",
            "section_ids": "Actielijnen", "ambition_ids": "Ambities", "unit_label": "Eenheid (tekst)"},
)
def update_indicator(session: Session, indicator_id: uuid.UUID, **values: Any) -> Edit:
    """Change fields of an indicator; ``Edit.before`` holds the previous values (pass them back to undo).

    Keys: name, code, definition, unit, unit_label, direction, source, source_id, level, confidential, notes,
    position, baseline_value, baseline_period, section_ids, ambition_ids, and ``targets`` (year -> streefwaarde, or
    (streefwaarde, toelichting): the whole set, replacing the targets there were). A key left out (or ``UNSET``)
    stays.
    """
    indicator = _get(session, indicator_id)
    allowed = {"name", "unit", "direction", "level", "confidential", "position", "baseline_value", "baseline_period",
               "section_ids", "ambition_ids", "targets", *_TEXT_FIELDS}  # fmt: skip
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"unknown indicator fields {sorted(unknown)}")
    values = {k: v for k, v in values.items() if v is not UNSET}
    before: dict[str, Any] = {}
    if "name" in values:
        name = _check_name(session, values["name"], indicator.id)
        before["name"], indicator.name = indicator.name, name
    for key, (label, limit) in _TEXT_FIELDS.items():
        if key in values:
            text = clean_text(values[key], label=label, max_length=limit)
            before[key] = getattr(indicator, key)
            setattr(indicator, key, text)
    for key, enum_cls in (("unit", IndicatorUnit), ("direction", IndicatorDirection), ("level", IndicatorLevel)):
        if key in values:
            before[key] = getattr(indicator, key)
            setattr(indicator, key, enum_cls(values[key]))
    if "confidential" in values:
        before["confidential"], indicator.confidential = indicator.confidential, bool(values["confidential"])
    if "position" in values:
        before["position"], indicator.position = indicator.position, int(values["position"])
    if "baseline_value" in values or "baseline_period" in values:
        old = _baseline(indicator)
        before["baseline_value"] = old.value if old is not None else None
        before["baseline_period"] = (
            Period(indicator.baseline_year, indicator.baseline_kind, indicator.baseline_part)
            if indicator.baseline_year is not None
            else None
        )
        new_value = (
            _value(values["baseline_value"], "De nulmeting") if "baseline_value" in values else indicator.baseline_value
        )
        new_period = values["baseline_period"] if "baseline_period" in values else before["baseline_period"]
        _apply_baseline(indicator, new_value, new_period)
    if "section_ids" in values or "ambition_ids" in values:
        _check_links(session, values.get("section_ids", ()), values.get("ambition_ids", ()))
    for key, table, column in (("section_ids", indicator_section, "section_id"),
                               ("ambition_ids", indicator_ambition, "ambition_id")):  # fmt: skip
        if key in values:
            before[key] = tuple(
                session.scalars(select(getattr(table.c, column)).where(table.c.indicator_id == indicator.id))
            )
            _set_links(session, table, column, indicator.id, values[key])
    if "targets" in values:
        before["targets"] = _replace_targets(session, indicator.id, values["targets"] or {})
    session.flush()
    session.expire(indicator, ["sections", "ambitions"])
    return Edit(indicator.id, INDICATOR_CHANGES | Changes(ids=frozenset({indicator.id})), before)


TargetInput = Decimal | int | str | None | tuple[Decimal | int | str | None, str]


def _replace_targets(
    session: Session, indicator_id: uuid.UUID, targets: Mapping[int, TargetInput]
) -> dict[int, tuple[Decimal | None, str]]:
    """Make ``targets`` (year -> value or (value, note)) the indicator's streefwaarden; a year kept without a note
    keeps its note. Returns the targets there were, in the same form (to pass back for undo). All are checked
    before anything changes."""
    wanted: dict[int, tuple[Decimal, str | None]] = {}
    for year, given in targets.items():
        year = _year(year, "De streefwaarde")
        raw, note = given if isinstance(given, tuple) else (given, None)
        number = _value(raw, f"De streefwaarde voor {year}")
        if number is None:
            raise ValidationError(f"Vul een streefwaarde voor {year} in, of verwijder de streefwaarde.")
        wanted[year] = (number, None if note is None else clean_text(note, label="De toelichting", max_length=2000))
    query = select(IndicatorTarget).where(IndicatorTarget.indicator_id == indicator_id)
    existing = {t.year: t for t in session.scalars(query)}
    before = {year: (t.value, t.note) for year, t in existing.items()}
    for year, old in existing.items():
        if year not in wanted:
            session.delete(old)
    for year, (number, note) in wanted.items():
        target = existing.get(year)
        if target is None:
            session.add(IndicatorTarget(indicator_id=indicator_id, year=year, value=number, note=note or ""))
        else:
            target.value = number
            if note is not None:
                target.note = note
    session.flush()
    return before


def delete_indicator(session: Session, indicator_id: uuid.UUID) -> Removed:
    """Delete an indicator with its targets and measurements; ``restore_removed`` puts all of it back."""
    indicator = _get(session, indicator_id)
    rows = [snapshot(indicator)]
    rows += [snapshot(t) for t in session.scalars(select(IndicatorTarget).where(IndicatorTarget.indicator_id == indicator_id))]
    rows += [snapshot(m) for m in session.scalars(select(Measurement).where(Measurement.indicator_id == indicator_id))]
    links = [
        (table.name, dict(row._mapping))
        for table in (indicator_section, indicator_ambition)
        for row in session.execute(select(table).where(table.c.indicator_id == indicator_id))
    ]
    session.delete(indicator)
    session.flush()
    return Removed(INDICATOR_CHANGES | Changes(ids=frozenset({indicator_id})), rows=tuple(rows), links=tuple(links))


def _target_label(target: IndicatorTarget) -> str:
    return f"De streefwaarde {target.year} van {target.indicator.name}"


@versioned(
    IndicatorTarget, _target_label, keys=("indicator_id", "year"),
    find=lambda session, given: session.scalar(
        select(IndicatorTarget).where(
            IndicatorTarget.indicator_id == given["indicator_id"], IndicatorTarget.year == given["year"]
        )
    ),
)
def set_target(
    session: Session, indicator_id: uuid.UUID, year: int, value: Decimal | int | str | None, note: str = ""
) -> Created | Edit:
    """Set the target of ``year``: a ``Created`` (undo: ``clear_target``) or an ``Edit`` (undo: ``**before``)."""
    _get(session, indicator_id)
    year = _year(year, "De streefwaarde")
    number = _value(value, f"De streefwaarde voor {year}")
    if number is None:
        raise ValidationError(f"Vul een streefwaarde voor {year} in, of verwijder de streefwaarde.")
    note = clean_text(note, label="De toelichting", max_length=2000)
    target = session.scalar(
        select(IndicatorTarget).where(IndicatorTarget.indicator_id == indicator_id, IndicatorTarget.year == year)
    )
    changes = INDICATOR_CHANGES | Changes(ids=frozenset({indicator_id}))
    if target is None:
        target = IndicatorTarget(indicator_id=indicator_id, year=year, value=number, note=note)
        session.add(target)
        session.flush()
        return Created(target.id, changes)
    before = {"indicator_id": indicator_id, "year": year, "value": target.value, "note": target.note}
    target.value, target.note = number, note
    session.flush()
    return Edit(target.id, changes, before)


def clear_target(session: Session, indicator_id: uuid.UUID, year: int) -> Removed:
    """Remove the target of ``year`` (nothing when there is none)."""
    target = session.scalar(
        select(IndicatorTarget).where(IndicatorTarget.indicator_id == indicator_id, IndicatorTarget.year == year)
    )
    changes = INDICATOR_CHANGES | Changes(ids=frozenset({indicator_id}))
    if target is None:
        return Removed(changes)
    rows = (snapshot(target),)
    session.delete(target)
    session.flush()
    return Removed(changes, rows=rows)


def _find_measurement(
    session: Session, indicator_id: uuid.UUID, period: Period, organisation_id: uuid.UUID | None
) -> Measurement | None:
    return session.scalar(
        select(Measurement).where(
            Measurement.indicator_id == indicator_id,
            Measurement.year == period.year,
            Measurement.period_kind == period.kind,
            Measurement.period_part == period.part,
            Measurement.organisation_id.is_(None)
            if organisation_id is None
            else Measurement.organisation_id == organisation_id,
        )
    )


def _measurement_label(measurement: Measurement) -> str:
    period = Period(measurement.year, measurement.period_kind, measurement.period_part)
    where = f" ({measurement.organisation.name})" if measurement.organisation is not None else ""
    return f"{measurement.indicator.name}, {period.label}{where}"


@versioned(
    Measurement, _measurement_label, keys=("indicator_id", "period", "organisation_id"),
    find=lambda session, given: _find_measurement(
        session, given["indicator_id"], given["period"], given.get("organisation_id")
    ) if isinstance(given.get("period"), Period) else None,
)
def set_measurement(
    session: Session,
    indicator_id: uuid.UUID,
    period: Period,
    *,
    value: Decimal | int | str | None,
    organisation_id: uuid.UUID | None = None,
    provisional: bool = False,
    unknown: bool = False,
    note: str = "",
    received_on: date | None = None,
) -> Created | Edit:
    """Save the value of a period (for a gemeente when ``organisation_id``); replaces what was there.

    ``unknown`` records that the value is not known (StatLine's "."): the value is then left empty. Returns a
    ``Created`` (undo: ``clear_measurement(created.id)``) or an ``Edit`` (undo: ``set_measurement(**edit.before)``).
    """
    _get(session, indicator_id)
    if not isinstance(period, Period):
        raise ValidationError("Kies een periode (een jaar, halfjaar of kwartaal).")
    number = None if unknown else _value(value, f"De waarde voor {period.label}")
    if number is None and not unknown:
        raise ValidationError(
            f"Vul een waarde voor {period.label} in (bijvoorbeeld 1.620 of 12,5), kies Onbekend, of wis de waarde."
        )
    if organisation_id is not None:
        organisation = session.get(Organisation, organisation_id)
        if organisation is None:
            raise NotFoundError("Deze gemeente bestaat niet (meer).")
        if organisation.kind is not OrganisationKind.GEMEENTE:
            raise ValidationError(f"{organisation.name} is geen gemeente: cijfers per gemeente gaan alleen over gemeenten.")
    note = clean_text(note, label="De toelichting", max_length=2000)
    changes = INDICATOR_CHANGES | Changes(ids=frozenset({indicator_id}))
    measurement = _find_measurement(session, indicator_id, period, organisation_id)
    if measurement is None:
        measurement = Measurement(
            indicator_id=indicator_id,
            organisation_id=organisation_id,
            year=period.year,
            period_kind=period.kind,
            period_part=period.part,
            value=number,
            provisional=bool(provisional),
            unknown=bool(unknown),
            note=note,
            received_on=received_on,
        )
        session.add(measurement)
        session.flush()
        return Created(measurement.id, changes)
    before = {
        "indicator_id": indicator_id,
        "period": period,
        "value": measurement.value,
        "organisation_id": organisation_id,
        "provisional": measurement.provisional,
        "unknown": measurement.unknown,
        "note": measurement.note,
        "received_on": measurement.received_on,
    }
    measurement.value = number
    measurement.provisional = bool(provisional)
    measurement.unknown = bool(unknown)
    measurement.note = note
    measurement.received_on = received_on
    session.flush()
    return Edit(measurement.id, changes, before)


def clear_measurement(session: Session, measurement_id: uuid.UUID) -> Removed:
    """Remove one measurement; ``restore_removed`` puts it back."""
    measurement = session.get(Measurement, measurement_id)
    if measurement is None:
        raise NotFoundError("Deze waarde bestaat niet (meer).")
    changes = INDICATOR_CHANGES | Changes(ids=frozenset({measurement.indicator_id}))
    rows = (snapshot(measurement),)
    session.delete(measurement)
    session.flush()
    return Removed(changes, rows=rows)


# ---------------------------------------------------------------------------------------------------------------
# Importing figures: ``imports.indicators`` reads a file into ``IncomingFigures``; the preview compares it with the
# database and says what would be added or changed; applying saves exactly that, in the caller's transaction.


@dataclass(frozen=True)
class IncomingIndicator:
    """What a file says about an indicator besides its values (used when the indicator is new)."""

    name: str
    code: str = ""
    definition: str = ""
    unit: IndicatorUnit | None = None
    unit_label: str = ""
    direction: IndicatorDirection | None = None
    level: IndicatorLevel | None = None
    source: str = ""
    source_id: str = ""
    baseline_value: Decimal | None = None
    baseline_period: Period | None = None
    confidential: bool = False  # a new indicator stays vertrouwelijk when the file (our own export) says so
    where: str = ""  # "werkblad Cijfers, regel 4"


@dataclass(frozen=True)
class IncomingValue:
    """One value from a file: for ``indicator`` (name or code as written) and ``area`` ("" or a gemeente)."""

    indicator: str
    period: Period
    value: Decimal | None
    provisional: bool = False
    unknown: bool = False
    area: str = ""  # as written: "Hilversum", "Gemeente Huizen", "Gooi en Vechtstreek"
    target: bool = False  # a streefwaarde (of ``period.year``) rather than a measurement
    where: str = ""
    municipality: bool = False  # the file says ``area`` is a gemeente (a column "Gemeente")


@dataclass(frozen=True)
class IncomingFigures:
    """A file read for import: the indicators it names, their values, and what could not be read (Dutch)."""

    file_name: str
    kind: str  # "Excel" or "CBS StatLine (CSV)"
    indicators: tuple[IncomingIndicator, ...]
    values: tuple[IncomingValue, ...]
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class FigureChange:
    """One line of the preview: what is added or changed, with the old and new value as the user reads them."""

    indicator: str
    period: str  # "2019", "2020 H1", "streefwaarde 2023", "nulmeting"
    area: str  # "" for the whole area, else the gemeente's name
    old: str
    new: str


@dataclass(frozen=True)
class _Planned:
    indicator: str  # the name it has (or will get)
    indicator_id: uuid.UUID | None  # None: created by the import
    kind: str  # "measurement", "target", "baseline"
    period: Period | None
    organisation_id: uuid.UUID | None
    value: Decimal | None
    provisional: bool
    unknown: bool


@dataclass(frozen=True)
class FiguresPreview:
    """What importing a file would do; nothing is saved until ``apply_figures``."""

    file_name: str
    kind: str
    new_indicators: tuple[IncomingIndicator, ...]
    added: tuple[FigureChange, ...]
    changed: tuple[FigureChange, ...]
    unchanged: int
    problems: tuple[str, ...]
    plan: tuple[_Planned, ...]

    @property
    def nothing_to_do(self) -> bool:
        return not (self.new_indicators or self.added or self.changed)

    def summary(self) -> str:
        """One Dutch sentence: "2 nieuwe indicatoren, 14 waarden toegevoegd, 3 gewijzigd, 20 ongewijzigd"."""
        parts = []
        if self.new_indicators:
            parts.append(f"{len(self.new_indicators)} nieuwe indicator{'en' if len(self.new_indicators) != 1 else ''}")
        parts.append(f"{len(self.added)} {'waarde' if len(self.added) == 1 else 'waarden'} toegevoegd")
        parts.append(f"{len(self.changed)} gewijzigd")
        parts.append(f"{self.unchanged} ongewijzigd")
        if self.problems:
            parts.append(f"{len(self.problems)} niet ingelezen (zie de meldingen)")
        return ", ".join(parts)


@dataclass(frozen=True)
class FiguresImportResult:
    created_indicators: int
    added: int
    changed: int
    changes: Changes


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _gemeente_matcher(session: Session) -> dict[str, tuple[uuid.UUID, str]]:
    """Spellings of each gemeente -> (id, name): "Gemeente Huizen", "Huizen", "GM0406" style aliases."""
    found: dict[str, tuple[uuid.UUID, str]] = {}
    rows = session.execute(
        select(Organisation.id, Organisation.name, Organisation.abbreviation, Organisation.aliases).where(
            Organisation.kind == OrganisationKind.GEMEENTE, Organisation.merged_into_id.is_(None)
        )
    )
    for oid, name, abbreviation, aliases in rows:
        spellings = [name, abbreviation or "", *(aliases or [])]
        short = name.split(" ", 1)[1] if name.casefold().startswith("gemeente ") else name
        spellings += [short, f"gemeente {short}"]
        for spelling in spellings:
            if spelling.strip():
                found.setdefault(_key(spelling), (oid, name))
    return found


def _value_text(value: Decimal | None, unit: IndicatorUnit, provisional: bool, unknown: bool) -> str:
    return format_value(value, unit, provisional=provisional, unknown=unknown) or "(leeg)"


# Areas that name the country: always their own national indicator, never the region's whole-area figure.
_NATIONAL_AREAS = frozenset({"nederland", "landelijk", "totaal nederland"})


def preview_figures(session: Session, incoming: IncomingFigures) -> FiguresPreview:
    """Compare a file's figures with the database: new indicators, values added, values changed; writes nothing.

    Indicators are matched by code or name; an area is a gemeente when it names one (with or without "Gemeente");
    other areas are the whole area when an indicator has values for only one of them, else each becomes its own
    indicator ("Meldingen (Nederland)"), as a StatLine file comparing the region with the country has it. The
    country is never the region's own figure: "Nederland" always becomes its own national indicator, also when it
    is the only area beside the gemeenten (126.000 meldingen are not the region's).
    """
    by_key: dict[str, tuple[uuid.UUID, str, IndicatorUnit]] = {}
    for known_id, name, code, unit in session.execute(
        select(Indicator.id, Indicator.name, Indicator.code, Indicator.unit)
    ):
        by_key.setdefault(_key(name), (known_id, name, unit))
        if code.strip():
            by_key.setdefault(_key(code), (known_id, name, unit))
    gemeenten = _gemeente_matcher(session)
    problems = list(incoming.problems)
    meta = {_key(i.name): i for i in incoming.indicators}
    # Areas that are not gemeenten, per indicator: one is the whole area, several split the indicator.
    other_areas: dict[str, set[str]] = {}
    for v in incoming.values:
        if not v.area.strip():
            other_areas.setdefault(_key(v.indicator), set()).add("")  # the whole area counts as one of them
        elif not v.municipality and _key(v.area) not in gemeenten:
            other_areas.setdefault(_key(v.indicator), set()).add(v.area.strip())

    def target_name(v: IncomingValue) -> tuple[str, uuid.UUID | None, IndicatorLevel | None]:
        """The indicator name a value goes to, the gemeente it is for, and the level a split name implies."""
        if v.area and _key(v.area) in gemeenten:
            return v.indicator, gemeenten[_key(v.area)][0], IndicatorLevel.MUNICIPALITY
        national = bool(v.area) and _key(v.area) in _NATIONAL_AREAS
        if national or (v.area and len(other_areas.get(_key(v.indicator), ())) > 1):
            return f"{v.indicator} ({v.area.strip()})", None, IndicatorLevel.NATIONAL if national else None
        return v.indicator, None, None

    new: dict[str, IncomingIndicator] = {}
    plan: list[_Planned] = []
    added: list[FigureChange] = []
    changed: list[FigureChange] = []
    unchanged = 0
    existing_values: dict[tuple[uuid.UUID, Period, uuid.UUID | None], PeriodValue] = {}
    for known_id, values in measurement_values(session).items():
        for pv in values:
            existing_values[(known_id, pv.period, pv.organisation_id)] = pv
    existing_targets = {(known_id, t.year): t for known_id, ts in _targets(session).items() for t in ts}
    org_names = {oid: name for oid, name in gemeenten.values()}
    seen: dict[tuple[str, str, Period, uuid.UUID | None], str] = {}

    def resolve(
        name: str, source: IncomingIndicator | None, level: IndicatorLevel | None = None
    ) -> tuple[uuid.UUID | None, str, IndicatorUnit]:
        found = by_key.get(_key(name))
        if found is None and source is not None and source.code:
            found = by_key.get(_key(source.code))
        if found is not None:
            return found
        if _key(name) not in new:
            base = source or IncomingIndicator(name=name)
            new[_key(name)] = base if base.name == name else IncomingIndicator(
                name=name, code="", definition=base.definition, unit=base.unit, unit_label=base.unit_label,
                direction=base.direction, level=level or base.level, source=base.source, source_id=base.source_id,
                confidential=base.confidential, where=base.where,
            )  # fmt: skip
        return None, new[_key(name)].name, new[_key(name)].unit or IndicatorUnit.COUNT

    unknown_gemeenten: dict[str, int] = {}
    for v in incoming.values:
        if v.municipality and v.area and _key(v.area) not in gemeenten:
            unknown_gemeenten[v.area.strip()] = unknown_gemeenten.get(v.area.strip(), 0) + 1
            continue
        name, organisation_id, level = target_name(v)
        source = meta.get(_key(v.indicator))
        iid, shown_name, unit = resolve(name, source, level if organisation_id is None else None)
        if len(shown_name) > 300:
            problems.append(f"{v.where}: de naam van de indicator is te lang (meer dan 300 tekens): niet ingelezen.")
            continue
        kind = "target" if v.target else "measurement"
        key = (kind, _key(shown_name), v.period, organisation_id)
        if key in seen:
            problems.append(
                f"{v.where}: {shown_name} {v.period.label} staat ook in {seen[key]}: de waarde hier is niet gebruikt."
            )
            continue
        seen[key] = v.where
        area_name = org_names.get(organisation_id, "") if organisation_id is not None else ""
        new_text = _value_text(v.value, unit, v.provisional, v.unknown)
        if v.target:
            if v.value is None:
                continue
            period_text = f"streefwaarde {v.period.year}"
            old_target = existing_targets.get((iid, v.period.year)) if iid is not None else None
            if old_target is not None and old_target.value == v.value:
                unchanged += 1
                continue
            line = FigureChange(shown_name, period_text, "", _value_text(old_target.value, unit, False, False)
                                if old_target is not None else "", new_text)  # fmt: skip
            (changed if old_target is not None else added).append(line)
        else:
            old = existing_values.get((iid, v.period, organisation_id)) if iid is not None else None
            if old is not None and (old.value, old.provisional, old.unknown) == (v.value, v.provisional, v.unknown):
                unchanged += 1
                continue
            line = FigureChange(shown_name, v.period.label, area_name,
                                _value_text(old.value, unit, old.provisional, old.unknown) if old else "", new_text)  # fmt: skip
            (changed if old is not None else added).append(line)
        plan.append(_Planned(shown_name, iid, kind, v.period, organisation_id, v.value, v.provisional, v.unknown))

    for area, count in unknown_gemeenten.items():
        problems.append(
            f"Gemeente {area!r} staat niet bij de organisaties (als gemeente): {count} "
            f"{'waarde is' if count == 1 else 'waarden zijn'} niet ingelezen. Voeg de gemeente toe bij Organisaties & "
            "personen (soort Gemeente) of pas de naam in het bestand aan, en lees het bestand opnieuw in."
        )
    # An indicator the file names without any value (a row with only its description) is new all the same.
    with_values = {_key(v.indicator) for v in incoming.values}
    for source in incoming.indicators:
        if _key(source.name) not in with_values:
            resolve(source.name, source)
    # Baselines named in the file: set for new indicators (with their metadata), compared for existing ones.
    for source in incoming.indicators:
        if source.baseline_value is None:
            continue
        iid, shown_name, unit = resolve(source.name, source)
        if iid is None:
            continue  # a new indicator gets it when it is created
        indicator = session.get(Indicator, iid)
        assert indicator is not None
        old_baseline = _baseline(indicator)
        new_period = source.baseline_period or (old_baseline.period if old_baseline else None)
        if old_baseline is not None and (old_baseline.value, old_baseline.period) == (source.baseline_value, new_period):
            continue
        old_text = ""
        if old_baseline is not None:
            old_text = format_value(old_baseline.value, unit) + (
                f" ({old_baseline.period.label})" if old_baseline.period else ""
            )
        new_text = format_value(source.baseline_value, unit) + (f" ({new_period.label})" if new_period else "")
        (changed if old_baseline is not None else added).append(FigureChange(shown_name, "nulmeting", "", old_text, new_text))
        plan.append(_Planned(shown_name, iid, "baseline", new_period, None, source.baseline_value, False, False))
    return FiguresPreview(
        incoming.file_name,
        incoming.kind,
        tuple(new.values()),
        tuple(added),
        tuple(changed),
        unchanged,
        tuple(problems),
        tuple(plan),
    )


def apply_figures(session: Session, preview: FiguresPreview, *, received_on: date) -> FiguresImportResult:
    """Save what ``preview`` lists, in the caller's transaction (an error leaves the database as it was).

    Call it with a preview made in the same write session (``preview_figures``), so what was shown is what is saved.
    """
    ids: dict[str, uuid.UUID] = {}
    for source in preview.new_indicators:
        created = create_indicator(
            session,
            name=source.name,
            code=source.code if source.code and find_indicator(session, source.code) is None else "",
            definition=source.definition,
            unit=source.unit or IndicatorUnit.COUNT,
            unit_label=source.unit_label,
            direction=source.direction or IndicatorDirection.NEUTRAL,
            level=source.level or IndicatorLevel.REGION,
            source=source.source,
            source_id=source.source_id,
            baseline_value=source.baseline_value,
            baseline_period=source.baseline_period,
            confidential=source.confidential,
        )
        ids[_key(source.name)] = created.id
    added = changed = 0
    touched: set[uuid.UUID] = set(ids.values())
    for item in preview.plan:
        iid = item.indicator_id or ids[_key(item.indicator)]
        touched.add(iid)
        if item.kind == "baseline":
            update_indicator(session, iid, baseline_value=item.value, baseline_period=item.period)
            changed += 1
            continue
        assert item.period is not None
        if item.kind == "target":
            result: Created | Edit = set_target(session, iid, item.period.year, item.value)
        else:
            result = set_measurement(
                session,
                iid,
                item.period,
                value=item.value,
                organisation_id=item.organisation_id,
                provisional=item.provisional,
                unknown=item.unknown,
                received_on=received_on,
            )
        if isinstance(result, Created):
            added += 1
        else:
            changed += 1
    return FiguresImportResult(len(ids), added, changed, INDICATOR_CHANGES | Changes(ids=frozenset(touched)))


# ---------------------------------------------------------------------------------------------------------------
# Export: what the Excel export of the indicators shows (one sheet per level)


@dataclass(frozen=True)
class ExportRow:
    """One row of the export: an indicator's whole-area values, one gemeente's, or its targets."""

    indicator_id: uuid.UUID
    name: str
    code: str
    area: str  # "" or the gemeente's name
    kind: str  # "Meting" or "Streefwaarde"
    unit: IndicatorUnit
    unit_text: str  # "Aantal (meldingen)"
    direction: IndicatorDirection
    level: IndicatorLevel
    source: str
    source_id: str
    baseline: Baseline | None
    values: dict[Period, PeriodValue]  # by period; targets as values of year periods
    definition: str
    sections: tuple[str, ...]
    confidential: bool

    @property
    def provisional_periods(self) -> tuple[Period, ...]:
        return tuple(p for p, v in sorted(self.values.items(), key=lambda i: i[0].sort_key) if v.provisional)


@dataclass(frozen=True)
class ExportSheet:
    level: IndicatorLevel
    periods: tuple[Period, ...]  # the columns, oldest first
    rows: tuple[ExportRow, ...]


@dataclass(frozen=True)
class IndicatorExport:
    sheets: tuple[ExportSheet, ...]
    confidential_left_out: int = 0
    confidential_included: bool = False


def export_data(session: Session, *, include_confidential: bool = False) -> IndicatorExport:
    """The indicators per level for the Excel export; vertrouwelijke ones only when asked (the rule decides)."""
    scope = confidential_scope(session)
    values = measurement_values(session)
    rows = _list(session, True, values)
    left_out = sum(1 for r in rows if scope.indicator(r.id)) if not include_confidential else 0
    rows = [r for r in rows if include_confidential or not scope.indicator(r.id)]
    ids = [r.id for r in rows]
    targets = _targets(session, ids)
    definitions = dict(session.execute(select(Indicator.id, Indicator.definition).where(Indicator.id.in_(ids))).all())
    per_level: dict[IndicatorLevel, list[ExportRow]] = {}
    for row in rows:
        unit_text = row.unit.label + (f" ({row.unit_label})" if row.unit_label else "")

        def export_row(area: str, kind: str, by_period: dict[Period, PeriodValue], row: IndicatorRow = row,
                       unit_text: str = unit_text) -> ExportRow:  # fmt: skip
            return ExportRow(
                row.id, row.name, row.code, area, kind, row.unit, unit_text, row.direction, row.level, row.source,
                row.source_id, row.baseline if kind == "Meting" and not area else None, by_period,
                definitions.get(row.id, ""), row.section_titles, scope.indicator(row.id),
            )  # fmt: skip

        own = values.get(row.id, [])
        out = per_level.setdefault(row.level, [])
        out.append(export_row("", "Meting", {v.period: v for v in own if v.organisation_id is None}))
        names = sorted({v.organisation_name for v in own if v.organisation_id is not None})
        for name in names:
            out.append(export_row(name, "Meting", {v.period: v for v in own if v.organisation_name == name}))
        own_targets = [t for t in targets.get(row.id, []) if t.value is not None]
        if own_targets:
            out.append(
                export_row(
                    "", "Streefwaarde", {Period(t.year): PeriodValue(t.id, Period(t.year), t.value) for t in own_targets}
                )
            )
    sheets = []
    for level in IndicatorLevel:
        level_rows = per_level.get(level)
        if not level_rows:
            continue
        periods = sorted({p for r in level_rows for p in r.values}, key=lambda p: p.sort_key)
        sheets.append(ExportSheet(level, tuple(periods), tuple(level_rows)))
    return IndicatorExport(tuple(sheets), left_out, include_confidential and any(r.confidential for r in rows))
