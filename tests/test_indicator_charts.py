"""The indicator chart (exports/charts.py) and the Dutch number texts it shares with the Cijfers chapter and the
Indicatoren page: every shape of data draws a PNG of the size asked, and numbers read the Dutch way."""

from __future__ import annotations

import io
import math
import struct
import uuid
from decimal import Decimal

import pytest

from ghnt_desktop.exports.charts import (
    ChartData,
    ChartValue,
    chart_description,
    chart_for,
    chart_style,
    indicator_chart_png,
)
from ghnt_desktop.models import IndicatorDirection, IndicatorUnit, PeriodKind
from ghnt_desktop.services.figure_values import Period
from ghnt_desktop.services.indicators import Baseline, PeriodValue, TargetValue

D = Decimal
COUNT, PERCENTAGE, EUROS, DAYS = IndicatorUnit.COUNT, IndicatorUnit.PERCENTAGE, IndicatorUnit.EUROS, IndicatorUnit.DAYS


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def sample(**changes) -> ChartData:
    base = {
        "periods": ["2019", "2020", "2021", "2022", "2023", "2024"],
        "values": {
            "2019": ChartValue(1620),
            "2020": ChartValue(1710),
            "2021": ChartValue(None),
            "2022": ChartValue(1540),
            "2023": ChartValue(1490, provisional=True),
        },
        "baseline": 1620,
        "baseline_period": "2019",
        "targets": {"2024": 1400},
        "direction": IndicatorDirection.LOWER_IS_BETTER,
        "title": "Meldingen Veilig Thuis",
    }
    base.update(changes)
    return ChartData(**base)


SHAPES = {
    "usual": sample(),
    "days": sample(unit=DAYS, values={"2019": ChartValue(14.5), "2020": ChartValue(12)}, targets={"2024": 10.0}),
    "no periods": sample(periods=[], values={}, targets={}, baseline=None),
    "all unknown": sample(values={p: ChartValue(None) for p in ["2019", "2020"]}, targets={}, baseline=None),
    "one period": sample(periods=["2023"], values={"2023": ChartValue(3, provisional=True)}, targets={}),
    "only a target": sample(periods=["2025"], values={}, targets={"2025": 50.0}, baseline=None),
    "zero everywhere": sample(periods=["2020"], values={"2020": ChartValue(0)}, targets={}, baseline=0),
    "negative change": sample(
        periods=["2020", "2021"],
        values={"2020": ChartValue(-3.5), "2021": ChartValue(2.25)},
        unit=PERCENTAGE,
        targets={},
        baseline=None,
    ),  # fmt: skip
    "huge": sample(values={"2019": ChartValue(1.5e9)}, periods=["2019"], unit=EUROS, targets={}, baseline=1e9),
    "NaN as value": sample(values={"2019": ChartValue(math.nan)}, periods=["2019"], targets={}),
    "target not among periods": sample(targets={"2031": 1000.0}),
    "many half years": sample(
        periods=[f"{y} H{h}" for y in range(2015, 2025) for h in (1, 2)],
        values={f"{y} H{h}": ChartValue(40 + y - 2015 + h / 2) for y in range(2015, 2025) for h in (1, 2)},
        unit=PERCENTAGE,
        targets={"2024 H2": 60.0},
        baseline=40.0,
    ),  # fmt: skip
    "long title": sample(title="Aantal adviezen en meldingen bij Veilig Thuis over ouderenmishandeling " * 3),
}


@pytest.mark.parametrize("name", list(SHAPES))
@pytest.mark.parametrize("style", ["auto", "bars", "line"])
def test_every_shape_draws_a_png_of_the_size_asked(name, style):
    png = indicator_chart_png(SHAPES[name], width_px=640, height_px=300, dpi=96, style=style)
    assert png_size(png) == (640, 300)


def test_same_data_same_bytes():
    # No timestamp or software chunk in the PNG: a document made twice from the same figures is the same.
    assert indicator_chart_png(sample(), width_px=400, height_px=200) == indicator_chart_png(
        sample(), width_px=400, height_px=200
    )


def test_tiny_sizes_are_clamped_not_refused():
    assert png_size(indicator_chart_png(sample(), width_px=1, height_px=1, dpi=1)) == (200, 120)


def test_provisional_and_unknown_are_visible_without_colour():
    """The chart in grey: a voorlopig bar differs from a final one (hatching), and the texts say it."""
    from PIL import Image

    def grey_pixels(values):
        data = sample(periods=["2020"], values={"2020": values}, targets={}, baseline=None, title="")
        image = Image.open(io.BytesIO(indicator_chart_png(data, width_px=300, height_px=300, dpi=100)))
        column = image.convert("L").crop((140, 120, 160, 240))  # the middle of the bar
        return sorted(set(column.tobytes()))

    final, provisional = grey_pixels(ChartValue(10)), grey_pixels(ChartValue(10, provisional=True))
    assert len(final) <= 2  # solid
    assert len(provisional) > 2  # hatched: light and dark stripes
    assert "voorlopig" in chart_description(sample())
    assert "2021: onbekend" in chart_description(sample())


def test_description_names_every_number():
    text = chart_description(sample())
    for part in ("2019: 1.620", "2023: 1.490*", "Nulmeting 2019: 1.620", "Streefwaarde 2024: 1.400"):
        assert part in text
    assert chart_description(sample(periods=[], values={}, targets={}, baseline=None, title="")) == "nog geen metingen"


@pytest.mark.parametrize(("unit", "style"), [(COUNT, "bars"), (EUROS, "bars"), (PERCENTAGE, "line"), (DAYS, "line")])
def test_automatic_style(unit, style):
    assert chart_style(sample(unit=unit)) == style


def point(period: Period, value: str | None, provisional: bool = False, organisation: bool = False) -> PeriodValue:
    return PeriodValue(uuid.uuid4(), period, None if value is None else D(value), provisional, value is None,
                       organisation_id=uuid.uuid4() if organisation else None)  # fmt: skip


def target(year: int, value: str) -> TargetValue:
    return TargetValue(uuid.uuid4(), year, D(value))


def test_chart_from_the_service_data():
    H = PeriodKind.HALF_YEAR
    points = [point(Period(2019), "1620"), point(Period(2020), "1710.5"), point(Period(2021), None),
              point(Period(2022), "1790", provisional=True), point(Period(2021, H, 1), "800"),
              point(Period(2022), "300", organisation=True)]  # fmt: skip
    data = chart_for(points, unit=COUNT, direction=IndicatorDirection.HIGHER_IS_BETTER,
                     baseline=Baseline(D(1620), Period(2019)),
                     targets=[target(2020, "1700"), target(2021, "1750"), target(2025, "2000")])  # fmt: skip
    # Years only (the one half year is left out), the gemeente's value too; the later target year is added.
    assert list(data.periods) == ["2019", "2020", "2021", "2022", "2025"]
    assert data.values["2020"] == ChartValue(1710.5, False, "1.710,5")
    assert data.values["2021"].value is None and data.values["2022"].text == "1.790*"
    assert data.targets == {"2020": 1700.0, "2021": 1750.0, "2025": 2000.0}
    assert data.baseline == 1620.0 and data.baseline_period == "2019"
    half = chart_for([point(Period(2019, H, 1), "24.5"), point(Period(2019, H, 2), "23.8"), point(Period(2020), "24")],
                     unit=PERCENTAGE, direction=IndicatorDirection.LOWER_IS_BETTER,
                     targets=[target(2019, "24"), target(2018, "30"), target(2024, "18")])  # fmt: skip
    # Mostly half years: the year value is left out; a year's target sits at its last measured half year.
    assert list(half.periods) == ["2019 H1", "2019 H2", "2024"]
    assert half.targets == {"2019 H2": 24.0, "2024": 18.0}
    empty = chart_for([], unit=COUNT, direction=IndicatorDirection.NEUTRAL, targets=[target(2025, "10")])
    assert list(empty.periods) == ["2025"]
    png = indicator_chart_png(data, width_px=500, height_px=260)
    assert png_size(png) == (500, 260)
