"""The "Cijfers" chapter of the voortgangsrapportage, laid out like seed 004's figures chapter.

Per indicator: its definition with the source as a real footnote, a table of periods (value, change against the
previous period and against the nulmeting, the streefwaarde of that year), a sentence saying whether it is on
track, the chart (``exports.charts``, the same picture the Indicatoren page shows) and, where values per gemeente
are known, their spread over the gemeenten. Then per actielijn the indicators linked to it. Voorlopig values are
marked in the text ("voorlopig") and with ``*``.

The chapter is a standalone function over a ``DocxWriter``, so the report adds it with one call::

    add_figures_chapter(writer, chapter, number="1")

``chapter`` is a ``FiguresChapter`` of plain data; ``figures_chapter_from(...)`` in this module builds it from
the indicator service's rows. The chapter reads no database and imports no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from .charts import (
    ChartData,
    ChartValue,
    Direction,
    Unit,
    chart_description,
    format_change,
    format_percent_change,
    format_value,
    indicator_chart_png,
)
from .docx_common import CONFIDENTIAL_COLOR, CONFIDENTIAL_LABEL, Para, Run, one_line
from .docx_footnotes import add_footnote

if TYPE_CHECKING:
    from .docx_common import DocxWriter


CHART_DPI = 200
CHART_HEIGHT_CM = 6.8
TABLE_COLUMNS = [("Periode", 1.2), ("Waarde", 1.3), ("t.o.v. vorige periode", 1.6), ("t.o.v. nulmeting", 2.0),
                 ("Streefwaarde", 1.4), ("Opmerking", 4.0)]  # fmt: skip
MUNICIPALITY_COLUMNS = [("Gemeente", 3.0), ("Waarde", 1.4), ("", 3.0)]  # the empty column keeps the table narrow
SUMMARY_COLUMNS = [("Indicator", 4.6), ("Laatste meting", 1.9), ("Streefwaarde", 1.9), ("Op koers", 2.4)]


@dataclass(frozen=True)
class PeriodFigure:
    """One period of an indicator for the whole area: ``value`` None when unknown (onbekend of geheim)."""

    period: str  # "2019", "2020 H1", "2021 K3"
    year: int
    value: Decimal | None
    provisional: bool = False
    note: str = ""


@dataclass(frozen=True)
class IndicatorFigures:
    """What the chapter says about one indicator."""

    name: str
    unit: Unit = "count"
    unit_label: str = ""  # "meldingen", as the source counts
    definition: str = ""
    direction: Direction = "neutral"
    level: str = ""  # "Regio", "Gemeente", "Veilig Thuis-regio", "Nederland"
    source: str = ""  # "CBS StatLine"
    source_id: str = ""  # "84852NED"
    baseline: Decimal | None = None
    baseline_period: str = ""
    baseline_year: int | None = None
    targets: Sequence[tuple[int, Decimal]] = ()  # (year, streefwaarde), by year
    periods: Sequence[PeriodFigure] = ()  # in time order
    municipalities: Sequence[tuple[str, Decimal | None, bool]] = ()  # (gemeente, value, voorlopig) of the last period
    municipality_period: str = ""
    actielijnen: Sequence[str] = ()  # titles of the linked actielijnen, in programme order
    confidential: bool = False  # included on request: marked


@dataclass(frozen=True)
class FiguresChapter:
    """The chapter: its title, an optional introduction, the indicators and the actielijnen in programme order."""

    indicators: Sequence[IndicatorFigures]
    title: str = "Cijfers"
    introduction: str = ""
    actielijnen: Sequence[str] = ()  # all actielijnen of the programme, in order (empty: as met in the indicators)
    left_out: int = 0  # vertrouwelijke indicators not shown


@dataclass(frozen=True)
class TrackStatus:
    """Whether an indicator is on track for its streefwaarde, in words."""

    label: str  # "op koers", "niet op koers", "streefwaarde gehaald", "geen streefwaarde", "nog geen meting"
    sentence: str
    on_track: bool | None = None  # None: nothing to judge


# --------------------------------------------------------------------------------------------------
# Reading the figures
# --------------------------------------------------------------------------------------------------


def _better_or_equal(value: Decimal, other: Decimal, direction: Direction) -> bool:
    return value >= other if direction == "higher" else value <= other


def latest_known(indicator: IndicatorFigures) -> PeriodFigure | None:
    """The last period with a known value."""
    return next((p for p in reversed(indicator.periods) if p.value is not None), None)


def track_status(indicator: IndicatorFigures) -> TrackStatus:
    """On track when the last known value meets the streefwaarde, or lies on or beyond the straight path to the
    streefwaarde of the first target year at or after the measurement, from the last streefwaarde before it (or the
    nulmeting).

    A context figure (no direction) or one without a streefwaarde is never judged; a voorlopig value is judged
    and the sentence says it was voorlopig."""
    unit = indicator.unit
    latest = latest_known(indicator)
    if indicator.direction not in ("higher", "lower") or not indicator.targets:
        return TrackStatus("geen streefwaarde", "Voor deze indicator is geen streefwaarde vastgesteld.")
    if latest is None or latest.value is None:
        return TrackStatus("nog geen meting", "Er is nog geen meting om met de streefwaarde te vergelijken.")
    ahead = [(year, target) for year, target in indicator.targets if year >= latest.year]
    year, target = ahead[0] if ahead else indicator.targets[-1]
    measured = f"{format_value(latest.value, unit)} in {latest.period}" + (" (voorlopig)" if latest.provisional else "")
    aim = f"de streefwaarde voor {year} ({format_value(target, unit)})"
    if _better_or_equal(latest.value, target, indicator.direction):
        return TrackStatus("streefwaarde gehaald", f"Met {measured} is {aim} gehaald.", True)
    if not ahead:
        return TrackStatus("niet gehaald", f"Met {measured} is {aim} niet gehaald.", False)
    # The path starts at the last streefwaarde before the measurement (passed milestones count), else the nulmeting.
    base, base_year = indicator.baseline, indicator.baseline_year
    passed = [(y, t) for y, t in indicator.targets if y < latest.year]
    if passed:
        base_year, base = passed[-1]
    if base is None or base_year is None or base_year >= year:
        return TrackStatus("nog niet gehaald", f"Met {measured} is {aim} nog niet gehaald.", None)
    share = Decimal(min(max(latest.year - base_year, 0), year - base_year)) / Decimal(year - base_year)
    expected = base + (target - base) * share
    if _better_or_equal(latest.value, expected, indicator.direction):
        return TrackStatus(
            "op koers", f"Met {measured} ligt de indicator op koers naar {aim}.", True
        )
    return TrackStatus(
        "niet op koers",
        f"Met {measured} ligt de indicator niet op koers naar {aim}: op de lijn naar de streefwaarde "
        f"hoort bij {latest.year} ongeveer {format_value(_rounded(expected, unit), unit)}.",
        False,
    )


def _rounded(value: Decimal, unit: Unit) -> Decimal:
    return value.quantize(Decimal(1) if unit == "count" else Decimal("0.1"))


def chart_data(indicator: IndicatorFigures, *, title: str = "") -> ChartData:
    """The chart of an indicator: its periods, then the target years after them."""
    periods = [p.period for p in indicator.periods]
    values = {
        p.period: ChartValue(None if p.value is None else float(p.value), p.provisional) for p in indicator.periods
    }
    targets: dict[str, float] = {}
    last_year = max((p.year for p in indicator.periods), default=None)
    yearly = {p.year: p.period for p in indicator.periods if p.period == str(p.year)}
    for year, target in indicator.targets:
        label = yearly.get(year)
        if label is None:
            if last_year is not None and year <= last_year:
                continue  # a target year inside half-yearly data: said in the table, not squeezed into the axis
            label = str(year)
            periods.append(label)
        targets[label] = float(target)
    return ChartData(
        periods=periods,
        values=values,
        unit=indicator.unit,
        baseline=None if indicator.baseline is None else float(indicator.baseline),
        baseline_period=indicator.baseline_period,
        targets=targets,
        direction=indicator.direction,
        title=title,
    )


def period_rows(indicator: IndicatorFigures) -> list[list[str | Para]]:
    """The table rows: per period the value, the change against the previous known value and the nulmeting."""
    unit = indicator.unit
    targets = dict(indicator.targets)
    rows: list[list[str | Para]] = []
    previous: Decimal | None = None
    value_text: str
    for index, period in enumerate(indicator.periods):
        notes = []
        # Plain text cells: the table narrows a column of short texts to their width (docx_widths).
        if period.value is None:
            value_text = "onbekend"
            versus_previous = versus_baseline = ""
        else:
            value_text = format_value(period.value, unit, provisional=period.provisional)
            versus_previous = format_change(period.value - previous, unit) if previous is not None and index else ""
            if indicator.baseline is not None:
                change = period.value - indicator.baseline
                relative = format_percent_change(float(change), float(indicator.baseline)) if unit != "percentage" else ""
                versus_baseline = format_change(change, unit) + (f" ({relative})" if relative and change else "")
            else:
                versus_baseline = ""
            previous = period.value
        if period.provisional and period.value is not None:
            notes.append("voorlopig")
        if period.note:
            notes.append(one_line(period.note))
        is_year = period.period == str(period.year)
        target = targets.get(period.year) if is_year or period is _last_of_year(indicator, period.year) else None
        rows.append([
            period.period, value_text, versus_previous, versus_baseline,
            format_value(target, unit) if target is not None else "", "; ".join(notes),
        ])  # fmt: skip
    return rows


def _last_of_year(indicator: IndicatorFigures, year: int) -> PeriodFigure | None:
    return next((p for p in reversed(indicator.periods) if p.year == year), None)


# --------------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------------


def _source_text(indicator: IndicatorFigures) -> str:
    source = one_line(indicator.source) or "Bron niet vastgelegd"
    if indicator.source_id:
        source += f", tabel {one_line(indicator.source_id)}"
    if indicator.level:
        source += f" (niveau: {indicator.level.lower()})"
    return f"Bron: {source}."


def _unit_text(indicator: IndicatorFigures) -> str:
    labels = {"count": "aantal", "percentage": "percentage", "days": "dagen", "euros": "euro"}
    unit = labels.get(indicator.unit, indicator.unit)
    return f"{unit} ({one_line(indicator.unit_label)})" if indicator.unit_label else unit


def _direction_text(direction: Direction) -> str:
    return {"higher": "hoger is beter", "lower": "lager is beter"}.get(direction, "contextcijfer, geen richting")


def add_figures_chapter(
    writer: DocxWriter,
    chapter: FiguresChapter,
    *,
    number: str = "",
    first_figure: int = 1,
    heading_level: int = 1,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the "Cijfers" chapter with ``writer``; returns the number of figures (charts) added, so the report can
    number its later figures on.

    ``number``: the chapter number shown in the heading ("1" gives "1 Cijfers", sections "1.1 ..."); empty for
    none. ``progress(indicators_done)`` after each indicator (a chart takes ~0.1 s).
    """
    prefix = f"{number} " if number else ""
    writer.heading(f"{prefix}{chapter.title}", heading_level)
    sub = heading_level + 1
    if chapter.introduction.strip():
        writer.note(chapter.introduction)
    if not chapter.indicators:
        writer.paragraph(Run("Er zijn (nog) geen indicatoren vastgelegd.", italic=True))
        _left_out(writer, chapter)
        return 0
    writer.paragraph(
        "Per indicator staan hieronder de metingen per periode, de verandering ten opzichte van de vorige periode "
        "en van de nulmeting, de streefwaarde en of de indicator op koers ligt. Waarden met * zijn voorlopig; "
        "voorlopige cijfers kunnen nog wijzigen."
    )
    _left_out(writer, chapter)
    width_cm = min(writer.text_width_cm(), 16.0)
    figure = first_figure
    for index, indicator in enumerate(chapter.indicators, start=1):
        section = f"{number}.{index} " if number else ""
        writer.heading(f"{section}{indicator.name}", sub)
        _write_indicator(writer, indicator, figure, width_cm)
        if indicator.periods or indicator.targets:
            figure += 1
        if progress is not None:
            progress(index)
    per_line = _by_actielijn(chapter)
    if per_line:
        section = f"{number}.{len(chapter.indicators) + 1} " if number else ""
        writer.heading(f"{section}Indicatoren per actielijn", sub)
        for title, indicators in per_line:
            add_actielijn_indicators(writer, indicators, title=title)
    writer.flush()
    return figure - first_figure


def _left_out(writer: DocxWriter, chapter: FiguresChapter) -> None:
    if chapter.left_out:
        many = "indicator is" if chapter.left_out == 1 else "indicatoren zijn"
        writer.paragraph(Run(f"{chapter.left_out} vertrouwelijke {many} weggelaten.", italic=True))


def _write_indicator(writer: DocxWriter, indicator: IndicatorFigures, figure: int, width_cm: float) -> None:
    unit = indicator.unit
    if indicator.confidential:
        writer.paragraph(Run(CONFIDENTIAL_LABEL, bold=True, color=CONFIDENTIAL_COLOR))
    definition = one_line(indicator.definition)
    runs: list[str | Run] = [definition + " " if definition else ""]
    runs.append(f"Eenheid: {_unit_text(indicator)}; {_direction_text(indicator.direction)}.")
    paragraph = writer.para_xml(Para(tuple(runs)))
    # The source as a real footnote, at the end of the sentence that introduces the figures.
    writer.queue_xml(paragraph[: -len("</w:p>")] + add_footnote(writer, _source_text(indicator)) + "</w:p>")

    facts: list[tuple[str, str]] = []
    if indicator.baseline is not None:
        period = f" ({indicator.baseline_period})" if indicator.baseline_period else ""
        facts.append(("Nulmeting", f"{format_value(indicator.baseline, unit)}{period}"))
    if indicator.targets:
        facts.append(("Streefwaarde", "; ".join(f"{format_value(t, unit)} in {y}" for y, t in indicator.targets)))
    if facts:
        writer.key_values(facts, key_width=0.9)

    if indicator.periods:
        writer.table(TABLE_COLUMNS, period_rows(indicator))
    else:
        writer.paragraph(Run("Er zijn nog geen metingen vastgelegd.", italic=True))
    status = track_status(indicator)
    latest = latest_known(indicator)
    lead = ""
    if latest is not None and latest.provisional:
        lead = f"De meting van {latest.period} is voorlopig. "
    writer.paragraph(lead + status.sentence)

    if indicator.periods or indicator.targets:
        data = chart_data(indicator)
        height_cm = CHART_HEIGHT_CM
        png = indicator_chart_png(
            data,
            width_px=round(width_cm / 2.54 * CHART_DPI),
            height_px=round(height_cm / 2.54 * CHART_DPI),
            dpi=CHART_DPI,
        )
        writer.picture(png, width_cm)
        _describe_last_picture(writer, f"Figuur {figure}. {indicator.name}", chart_description(data))
        writer.paragraph(f"Figuur {figure}. {one_line(indicator.name)}", style="Caption")

    if indicator.municipalities:
        writer.paragraph(
            Run(f"Verdeling over de gemeenten ({indicator.municipality_period})", bold=True), keep_next=True
        )
        rows: list[list[str | Para]] = []
        for name, value, provisional in indicator.municipalities:
            rows.append([one_line(name), format_value(value, unit, provisional=provisional)])
        writer.table(MUNICIPALITY_COLUMNS[:2], rows)


def _describe_last_picture(writer: DocxWriter, title: str, description: str) -> None:
    """Alternative text on the picture just added (Word: Alternatieve tekst), read by screen readers."""
    from .docx_errors import W_NS

    body = writer.body
    children = list(body)
    paragraphs = [c for c in children if c.tag == f"{{{W_NS}}}p"]
    if not paragraphs:
        return
    for doc_pr in paragraphs[-1].iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
        doc_pr.set("title", one_line(title)[:255])
        doc_pr.set("descr", one_line(description)[:2000])


def _by_actielijn(chapter: FiguresChapter) -> list[tuple[str, list[IndicatorFigures]]]:
    order = list(chapter.actielijnen)
    for indicator in chapter.indicators:
        for title in indicator.actielijnen:
            if title not in order:
                order.append(title)
    groups = [(title, [i for i in chapter.indicators if title in i.actielijnen]) for title in order]
    return [(title, indicators) for title, indicators in groups if indicators]


def add_actielijn_indicators(
    writer: DocxWriter, indicators: Sequence[IndicatorFigures], *, title: str = "", level: int = 0
) -> None:
    """A short table of the indicators linked to one actielijn: last value, streefwaarde, on track or not.

    Used at the end of the Cijfers chapter per actielijn, and usable inside an actielijn's own chapter of the
    report ("Indicatoren" next to its actions). ``level`` > 0 writes ``title`` as a heading of that level,
    otherwise as a bold line.
    """
    if title:
        if level > 0:
            writer.heading(title, level)
        else:
            writer.paragraph(Run(one_line(title), bold=True), keep_next=True)
    if not indicators:
        writer.paragraph(Run("Geen indicatoren gekoppeld.", italic=True))
        return
    rows: list[list[str | Para]] = []
    for indicator in indicators:
        latest = latest_known(indicator)
        last = ""
        if latest is not None and latest.value is not None:
            last = f"{format_value(latest.value, indicator.unit, provisional=latest.provisional)} ({latest.period})"
            if latest.provisional:
                last += ", voorlopig"
        targets = indicator.targets
        ahead = [t for t in targets if latest is None or t[0] >= latest.year]
        target = ahead[0] if ahead else (targets[-1] if targets else None)
        target_text = f"{format_value(target[1], indicator.unit)} ({target[0]})" if target else ""
        rows.append([one_line(indicator.name), last or "geen meting", target_text, track_status(indicator).label])
    writer.table(SUMMARY_COLUMNS, rows)
