"""The indicator chart (exports/charts.py) and the Dutch number texts it shares with the Cijfers chapter and the
Indicatoren page: every shape of data draws a PNG of the size asked, and numbers read the Dutch way."""

from __future__ import annotations

import io
import math
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ghnt_desktop.exports.charts import (
    ChartData,
    ChartValue,
    chart_description,
    chart_style,
    dutch_number,
    format_change,
    format_percent_change,
    format_value,
    indicator_chart_png,
)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1620, None, "1.620"),
        (1620.0, None, "1.620"),
        (12.5, None, "12,5"),
        (12.25, None, "12,25"),
        (12.254, None, "12,25"),
        (12.0000001, None, "12"),
        (0.1 + 0.2, None, "0,3"),
        (1234567.5, None, "1.234.567,5"),
        (-3.5, None, "\u22123,5"),
        (-0.001, None, "0"),  # never "-0"
        (0, None, "0"),
        (999.999, None, "1.000"),
        (12.5, 0, "12"),  # Python rounds half to even; a count is never written with a fraction
        (7, 1, "7,0"),
        (float("nan"), None, "onbekend"),
        (float("inf"), None, "onbekend"),
    ],
)
def test_dutch_number(value, decimals, text):
    assert dutch_number(value, decimals) == text


@pytest.mark.parametrize(
    ("value", "unit", "provisional", "text"),
    [
        (1620, "count", False, "1.620"),
        (1620, "count", True, "1.620*"),
        (12.5, "percentage", False, "12,5%"),
        (12.5, "percentage", True, "12,5%*"),
        (1250, "euros", False, "€ 1.250"),
        (14, "days", False, "14"),
        (None, "count", True, "onbekend"),  # unknown is never "voorlopig onbekend*"
        (float("nan"), "percentage", False, "onbekend"),
    ],
)
def test_format_value(value, unit, provisional, text):
    assert format_value(value, unit, provisional=provisional) == text


@pytest.mark.parametrize(
    ("change", "unit", "text"),
    [
        (90, "count", "+90"),
        (-80.5, "count", "\u221280,5"),
        (0, "count", "0"),
        (2.3, "percentage", "+2,3 procentpunt"),  # a change of a percentage is in points, not percent
        (-250, "euros", "\u2212€ 250"),
        (None, "count", ""),
    ],
)
def test_format_change(change, unit, text):
    assert format_change(change, unit) == text


@pytest.mark.parametrize(
    ("change", "base", "text"),
    [(90, 1620, "+5,6%"), (-162, 1620, "\u221210%"), (5, 0, ""), (5, None, ""), (0.01, 1620, "0%")],
)
def test_format_percent_change(change, base, text):
    assert format_percent_change(change, base) == text


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_dutch_number_reads_back_as_the_rounded_value(value):
    text = dutch_number(value)
    digits = text.replace("\u2212", "-").replace(".", "").replace(",", ".")
    assert math.isclose(float(digits), round(value, 2), abs_tol=0.0051)
    integer_part = text.lstrip("\u2212").split(",")[0]
    groups = integer_part.split(".")
    assert all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3


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
        "direction": "lower",
        "title": "Meldingen Veilig Thuis",
    }
    base.update(changes)
    return ChartData(**base)


SHAPES = {
    "usual": sample(),
    "no periods": sample(periods=[], values={}, targets={}, baseline=None),
    "all unknown": sample(values={p: ChartValue(None) for p in ["2019", "2020"]}, targets={}, baseline=None),
    "one period": sample(periods=["2023"], values={"2023": ChartValue(3, provisional=True)}, targets={}),
    "only a target": sample(periods=["2025"], values={}, targets={"2025": 50.0}, baseline=None),
    "zero everywhere": sample(periods=["2020"], values={"2020": ChartValue(0)}, targets={}, baseline=0),
    "negative change": sample(periods=["2020", "2021"], values={"2020": ChartValue(-3.5), "2021": ChartValue(2.25)},
                              unit="percentage", targets={}, baseline=None),  # fmt: skip
    "huge": sample(values={"2019": ChartValue(1.5e9)}, periods=["2019"], unit="euros", targets={}, baseline=1e9),
    "NaN as value": sample(values={"2019": ChartValue(math.nan)}, periods=["2019"], targets={}),
    "target not among periods": sample(targets={"2031": 1000.0}),
    "many half years": sample(
        periods=[f"{y} H{h}" for y in range(2015, 2025) for h in (1, 2)],
        values={f"{y} H{h}": ChartValue(40 + y - 2015 + h / 2) for y in range(2015, 2025) for h in (1, 2)},
        unit="percentage", targets={"2024 H2": 60.0}, baseline=40.0,
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


@pytest.mark.parametrize(("unit", "style"), [("count", "bars"), ("euros", "bars"), ("percentage", "line"),
                                             ("days", "line")])  # fmt: skip
def test_automatic_style(unit, style):
    assert chart_style(sample(unit=unit)) == style
