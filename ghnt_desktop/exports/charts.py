"""The indicator chart: measurements per period against the baseline (nulmeting) and the targets
(streefwaarden), drawn with matplotlib's Agg backend into PNG bytes.

One function draws it for the app (the Indicatoren page shows the PNG) and for the Word documents (the
"Cijfers" chapter inserts it), so both look the same. matplotlib is imported inside the function: start-up
never pays for it (``tests/test_startup.py``). No pyplot: a ``Figure`` with its own Agg canvas keeps no
global state, so charts can be drawn in a worker thread.

What a reader must be able to tell without colour: every value is printed on the chart; a voorlopig
(provisional) value is hatched and lighter, its number ends in ``*`` and the legend says so; an unknown value
is a gap with "onbekend" written in it; the nulmeting is a dashed line (its number in the legend), the
streefwaarden dotted with diamonds, each with its number. Numbers are Dutch: ``1.620`` and ``12,5``.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from ..models.enums import IndicatorDirection, IndicatorUnit, PeriodKind
from ..services.figure_values import format_value

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..services.indicators import Baseline, IndicatorDetail, PeriodValue, TargetValue

Style = Literal["auto", "bars", "line"]

# Okabe-Ito colours (readable with any colour vision); they never carry meaning alone.
MEASURED_COLOR = "#0072B2"
PROVISIONAL_COLOR = "#9CC9E6"
TARGET_COLOR = "#D55E00"
BASELINE_COLOR = "#555555"
TEXT_COLOR = "#222222"
UNKNOWN_COLOR = "#777777"

UNIT_AXIS_LABEL = {
    IndicatorUnit.COUNT: "aantal",
    IndicatorUnit.PERCENTAGE: "procent",
    IndicatorUnit.DAYS: "dagen",
    IndicatorUnit.EUROS: "euro",
}
# A white patch behind a number, so a grid line or the dashed nulmeting never runs through it.
_LABEL_BOX = {"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1.0}


@dataclass(frozen=True, slots=True)
class ChartValue:
    """One measurement: ``value`` None when it is unknown (StatLine's ``.``); ``text`` the value as written
    (exact, from the Decimal) or empty to write it from ``value``."""

    value: float | None
    provisional: bool = False
    text: str = ""


@dataclass(frozen=True)
class ChartData:
    """What an indicator chart shows. ``periods`` are in time order and name the x-axis categories (the
    measurements' periods and any later target years); ``values`` and ``targets`` are keyed by period."""

    periods: Sequence[str]
    values: Mapping[str, ChartValue]
    unit: IndicatorUnit = IndicatorUnit.COUNT
    baseline: float | None = None
    baseline_period: str = ""
    targets: Mapping[str, float] = field(default_factory=dict)
    direction: IndicatorDirection = IndicatorDirection.NEUTRAL
    title: str = ""


def _text(value: float | None, unit: IndicatorUnit, provisional: bool = False) -> str:
    """A float of the chart (a tick, a target) written the Dutch way, as ``figure_values`` writes every figure."""
    if value is None or math.isnan(value) or math.isinf(value):
        return "onbekend"
    return format_value(Decimal(repr(round(float(value), 2))), unit, provisional=provisional)


def _value_text(point: ChartValue, unit: IndicatorUnit) -> str:
    return point.text or _text(point.value, unit, point.provisional)


# --------------------------------------------------------------------------------------------------
# From the indicator service
# --------------------------------------------------------------------------------------------------


def chart_for(
    points: Sequence[PeriodValue],
    *,
    unit: IndicatorUnit,
    direction: IndicatorDirection,
    baseline: Baseline | None = None,
    targets: Sequence[TargetValue] = (),
    title: str = "",
) -> ChartData:
    """The chart of an indicator's whole-area measurements (``IndicatorDetail.series`` values, or the periods of a
    chapter's lines; an indicator measured for one gemeente only: that gemeente's), its nulmeting and streefwaarden.

    One kind of period per chart: the kind most measured (a year beats a half year on a tie); a count per half year
    next to a count per year would mislead. Target years after the last period are added to the axis.
    """
    area = [p for p in points if p.organisation_id is None]
    if not area and len({p.organisation_id for p in points}) == 1:
        area = list(points)  # measured for one gemeente only: its values are the indicator's (as the list says)
    kinds = Counter(p.period.kind for p in area)
    kind = max(kinds, key=lambda k: (kinds[k], k is PeriodKind.YEAR)) if kinds else PeriodKind.YEAR
    shown = sorted((p for p in area if p.period.kind is kind), key=lambda p: p.period.sort_key)
    periods = [p.period.label for p in shown]
    values = {
        p.period.label: ChartValue(
            None if p.value is None or p.unknown else float(p.value),
            p.provisional,
            "" if p.value is None or p.unknown else format_value(p.value, unit, provisional=p.provisional),
        )
        for p in shown
    }
    last = shown[-1].period.year if shown else None
    chart_targets: dict[str, float] = {}
    for target in targets:
        if target.value is None:
            continue
        label = str(target.year)
        if kind is not PeriodKind.YEAR:
            same_year = [p.period.label for p in shown if p.period.year == target.year]
            if same_year:
                label = same_year[-1]  # the year's streefwaarde at its last measured part
            elif last is not None and target.year < last:
                continue
        if label not in periods:
            if last is not None and target.year < last:
                continue  # a year without a measurement inside the series: in the table, not on the axis
            periods.append(label)
        chart_targets[label] = float(target.value)
    return ChartData(
        periods=periods,
        values=values,
        unit=unit,
        baseline=None if baseline is None else float(baseline.value),
        baseline_period=baseline.period.label if baseline is not None and baseline.period is not None else "",
        targets=chart_targets,
        direction=direction,
        title=title,
    )


def chart_for_detail(detail: IndicatorDetail, *, title: str = "") -> ChartData:
    """The chart of the Indicatoren page's detail."""
    return chart_for(
        [point.value for point in detail.series] + [p.value for m in detail.municipalities for p in m.points],
        unit=detail.unit,
        direction=detail.direction,
        baseline=detail.baseline,
        targets=detail.targets,
        title=title,
    )


# --------------------------------------------------------------------------------------------------
# The chart
# --------------------------------------------------------------------------------------------------


def chart_style(data: ChartData, style: Style = "auto") -> Literal["bars", "line"]:
    """Bars for counts and amounts (how many, per period); a line for rates and durations (a level)."""
    if style != "auto":
        return style
    return "bars" if data.unit in (IndicatorUnit.COUNT, IndicatorUnit.EUROS) else "line"


def chart_description(data: ChartData) -> str:
    """The chart in words, for the picture's alternative text (screen readers, WCAG 1.1.1)."""
    parts = []
    for period in data.periods:
        point = data.values.get(period)
        if point is not None:
            parts.append(f"{period}: {_value_text(point, data.unit)}")
    text = (data.title + ". " if data.title else "") + ("; ".join(parts) or "nog geen metingen")
    if data.baseline is not None:
        text += f". Nulmeting {data.baseline_period}: {_text(data.baseline, data.unit)}".replace("  ", " ")
    for period, target in data.targets.items():
        text += f". Streefwaarde {period}: {_text(target, data.unit)}"
    if any(p.provisional for p in data.values.values()):
        text += ". * = voorlopig"
    return text


def indicator_chart_png(
    data: ChartData,
    *,
    width_px: int = 1200,
    height_px: int = 560,
    dpi: int = 150,
    style: Style = "auto",
) -> bytes:
    """The chart of ``data`` as PNG bytes of ``width_px`` x ``height_px`` pixels.

    ``dpi`` sets the size of text and lines relative to the picture: a Word picture 16 cm wide at 1200 px is
    190 dpi on paper, so 150 gives text a little larger than the body's; the app passes its screen's dpi.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    width_px, height_px, dpi = max(width_px, 200), max(height_px, 120), max(dpi, 30)
    figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi, facecolor="white")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    periods = list(data.periods)
    positions = range(len(periods))
    font = 8.0
    kind = chart_style(data, style)

    known = [v.value for v in data.values.values() if v.value is not None and not math.isnan(v.value)]
    references = known + list(data.targets.values()) + ([data.baseline] if data.baseline is not None else [])
    top = max(references, default=1.0)
    bottom = min(references, default=0.0)
    # Counts and amounts start at zero (bars must); a rate may too when it is close to it.
    if kind == "bars" or 0 <= bottom < (top - bottom) * 1.5:
        floor = min(0.0, bottom)
    else:
        floor = bottom - (top - bottom) * 0.15
    top = max(top, 0.0) if kind == "bars" else top
    if top <= floor:
        top = floor + 1.0
    span = top - floor
    if floor < 0:
        floor -= span * 0.08  # room for the number of a negative bar
    axes.set_ylim(floor, top + span * 0.16)  # room for the numbers above the bars
    label_gap = span * 0.02

    # Measurements.
    measured_x: list[int] = []
    measured_y: list[float] = []
    for x, period in zip(positions, periods, strict=True):
        point = data.values.get(period)
        if point is None:
            continue  # not measured (a future target year): nothing, no "onbekend"
        if point.value is None or math.isnan(point.value):
            axes.text(
                x, floor + span * 0.04, "onbekend", ha="center", va="bottom", rotation=90,
                fontsize=font * 0.9, color=UNKNOWN_COLOR, style="italic",
            )  # fmt: skip
            measured_x.append(x)
            measured_y.append(math.nan)  # the line breaks here
            continue
        value = point.value
        measured_x.append(x)
        measured_y.append(value)
        if kind == "bars":
            axes.bar(
                x, value, width=0.6,
                color=PROVISIONAL_COLOR if point.provisional else MEASURED_COLOR,
                hatch="///" if point.provisional else None, edgecolor=MEASURED_COLOR, linewidth=0.8, zorder=2,
            )  # fmt: skip
        axes.text(
            # Above the period's streefwaarde too when it is close: the diamond stays visible under the number.
            x, _label_height(value, data.targets.get(period), span) + label_gap if value >= 0 or kind == "line"
            else value - label_gap,
            _value_text(point, data.unit),
            ha="center", va="bottom" if value >= 0 or kind == "line" else "top", fontsize=font, color=TEXT_COLOR,
            zorder=7,
            fontweight="normal" if point.provisional else "bold", bbox=_LABEL_BOX,
        )  # fmt: skip
    if kind == "line" and measured_x:
        axes.plot(measured_x, measured_y, color=MEASURED_COLOR, linewidth=1.8, zorder=3)
        for x, y in zip(measured_x, measured_y, strict=True):
            if math.isnan(y):
                continue
            provisional = data.values[periods[x]].provisional
            axes.plot(
                [x], [y], marker="o", markersize=6, zorder=4, markeredgecolor=MEASURED_COLOR, markeredgewidth=1.5,
                markerfacecolor="white" if provisional else MEASURED_COLOR,
            )  # fmt: skip

    # Baseline: dashed across the plot; its number is in the legend, where no bar can cover it.
    if data.baseline is not None:
        axes.axhline(data.baseline, color=BASELINE_COLOR, linestyle=(0, (5, 3)), linewidth=1.1, zorder=1)

    # Targets: dotted diamonds per target period, each with its number.
    target_points = [(periods.index(p), t) for p, t in data.targets.items() if p in periods]
    target_points.sort()
    if target_points:
        xs = [x for x, _ in target_points]
        ys = [t for _, t in target_points]
        axes.plot(
            xs, ys, linestyle=":" if len(xs) > 1 else "none", color=TARGET_COLOR, marker="D", markersize=6,
            markerfacecolor="white", markeredgewidth=1.6, linewidth=1.5, zorder=4,
        )  # fmt: skip
        for x, target in target_points:
            point = data.values.get(periods[x])
            # Below the diamond when the period's own value is printed above it; otherwise above.
            below = point is not None and point.value is not None
            axes.text(
                x, target - label_gap * 1.5 if below else target + label_gap * 1.5,
                f"doel {_text(target, data.unit)}", ha="center", va="top" if below else "bottom",
                fontsize=font * 0.9, color=TARGET_COLOR, zorder=6,
                bbox=_LABEL_BOX,
            )  # fmt: skip

    # Axes: Dutch numbers, periods as written, no chart junk.
    axes.set_xticks(list(positions), periods, fontsize=font)
    axes.set_xlim(-0.6, max(len(periods) - 0.4, 0.6))
    if len(periods) > 8:
        for tick in axes.get_xticklabels():
            tick.set_rotation(45)
            tick.set_horizontalalignment("right")
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=data.unit is IndicatorUnit.COUNT))
    # Dutch numbers on the axis ("1.600", "12,5"); the unit is the axis label, not repeated at every tick.
    axes.yaxis.set_major_formatter(FuncFormatter(lambda y, _: _text(y, IndicatorUnit.COUNT)))
    axes.tick_params(axis="y", labelsize=font)
    axes.set_ylabel(UNIT_AXIS_LABEL[data.unit], fontsize=font, color=TEXT_COLOR)
    axes.grid(axis="y", color="#DDDDDD", linewidth=0.6, zorder=0)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if data.title:
        axes.set_title(data.title, fontsize=font * 1.15, loc="left", color=TEXT_COLOR)
    direction = {IndicatorDirection.HIGHER_IS_BETTER: "hoger is beter",
                 IndicatorDirection.LOWER_IS_BETTER: "lager is beter"}.get(data.direction)  # fmt: skip
    if direction:
        axes.set_title(direction, fontsize=font * 0.9, loc="right", color=UNKNOWN_COLOR)
    _legend(axes, data, kind, font)
    if not periods:
        axes.text(
            0, (floor + top) / 2, "Nog geen metingen", ha="center", va="center", fontsize=font, color=UNKNOWN_COLOR
        )

    figure.tight_layout(pad=0.4)
    buffer = io.BytesIO()
    # No "Software" text chunk and no timestamp: the same data gives the same bytes.
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def _label_height(value: float, target: float | None, span: float) -> float:
    if target is not None and value <= target < value + span * 0.08:
        return target + span * 0.025
    return value


def _legend(axes: Axes, data: ChartData, kind: str, font: float) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Patch | Line2D] = []
    if kind == "bars":
        handles.append(Patch(facecolor=MEASURED_COLOR, edgecolor=MEASURED_COLOR, label="gemeten"))
    else:
        handles.append(Line2D([], [], color=MEASURED_COLOR, marker="o", label="gemeten"))
    if any(v.provisional for v in data.values.values()):
        if kind == "bars":
            handles.append(
                Patch(facecolor=PROVISIONAL_COLOR, edgecolor=MEASURED_COLOR, hatch="///", label="* voorlopig")
            )
        else:
            handles.append(
                Line2D([], [], color=MEASURED_COLOR, marker="o", markerfacecolor="white", label="* voorlopig")
            )
    if data.baseline is not None:
        label = "nulmeting" + (f" {data.baseline_period}" if data.baseline_period else "")
        label += f": {_text(data.baseline, data.unit)}"
        handles.append(Line2D([], [], color=BASELINE_COLOR, linestyle=(0, (5, 3)), label=label))
    if data.targets:
        handles.append(
            Line2D([], [], color=TARGET_COLOR, linestyle=":", marker="D", markerfacecolor="white", label="streefwaarde")
        )
    axes.legend(
        handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12 if len(data.periods) <= 8 else -0.22),
        ncol=len(handles), fontsize=font * 0.9, frameon=False, handlelength=2.2, columnspacing=1.4,
    )  # fmt: skip
