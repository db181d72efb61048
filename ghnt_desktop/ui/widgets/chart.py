"""A horizontal stacked bar chart painted with QPainter (PySide6-Essentials has no QtCharts).

One bar per category (an actielijn), one coloured segment per series (gereed, loopt, ...), the count inside
every segment (a segment is widened to hold its number, so a colour never stands alone), the total at the end
of the bar and a legend above. Labels that do not fit wrap onto a second line rather than being cut. A screen
reader gets the same numbers as text (``accessibleDescription``). Bars are scaled to the largest
total, so lines with more actions show longer bars; ``proportional`` makes every bar full width (shares).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..itemmodels.colors import text_on

BAR_HEIGHT = 22
BAR_GAP = 10
LEGEND_GAP = 14
SWATCH = 12


class StackedBarChart(QWidget):
    """Stacked horizontal bars with labels, counts and a legend; ``segment_clicked(bar, series)`` on a click."""

    segment_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories: list[str] = []
        self.series: list[tuple[str, QColor]] = []
        self.values: list[tuple[int, ...]] = []
        self.proportional = False
        self.empty_text = ""
        self._segments: list[tuple[QRectF, int, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_data(
        self, categories: Sequence[str], series: Sequence[tuple[str, QColor]], values: Sequence[Sequence[int]]
    ) -> None:
        """``values[i][j]``: the count of series ``j`` in category ``i``."""
        self.categories = list(categories)
        self.series = list(series)
        self.values = [tuple(v) for v in values]
        self.setAccessibleDescription(self.summary())
        self._lines = self._label_lines()
        self.updateGeometry()
        self.update()

    def summary(self) -> str:
        """The chart in words: "Visie: 2 Gereed, 2 Loopt (4); ..." for screen readers and tooltips."""
        lines = []
        for category, values in zip(self.categories, self.values, strict=False):
            parts = [f"{value} {label}" for (label, _colour), value in zip(self.series, values, strict=False) if value]
            lines.append(f"{category}: {', '.join(parts) or '0'} ({sum(values)})")
        return "; ".join(lines) or self.empty_text

    # Label layout: one line when every label fits the label column, else two for all rows.

    def _label_width(self, metrics: QFontMetrics) -> int:
        widest = max((metrics.horizontalAdvance(c) for c in self.categories), default=0)
        return min(widest + 12, int(self.width() * 0.4))

    def _label_lines(self) -> int:
        """Lines the longest-wrapping label needs in the label column (1, 2, or 3 in a narrow window)."""
        metrics = QFontMetrics(self.font())
        room = max(self._label_width(metrics) - 10, 1)
        flags = int(Qt.TextFlag.TextWordWrap)
        heights = [metrics.boundingRect(QRect(0, 0, room, 10_000), flags, c).height() for c in self.categories]
        return max(1, min(3, -(-max(heights, default=0) // max(metrics.lineSpacing(), 1))))

    def _row_height(self) -> int:
        lines = getattr(self, "_lines", 1)
        if lines > 1:
            return max(BAR_HEIGHT, lines * QFontMetrics(self.font()).lineSpacing())
        return BAR_HEIGHT

    def _row_gap(self) -> int:
        # Two-line rows stand apart by their own white space: the chart keeps its one-line height (1366x768).
        return 4 if getattr(self, "_lines", 1) > 1 else BAR_GAP

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        lines, legend = self._label_lines(), self._legend_height()
        if (lines, legend) != (getattr(self, "_lines", 1), getattr(self, "_legend", None)):
            self._lines, self._legend = lines, legend
            self.updateGeometry()

    def _legend_places(self, metrics: QFontMetrics) -> list[tuple[float, float]]:
        """Where each legend entry starts: left to right, wrapping onto a next line in a narrow chart."""
        places = []
        x, y = 0.0, 0.0
        for label, _colour in self.series:
            width = SWATCH + 5 + metrics.horizontalAdvance(label)
            if x > 0 and x + width > self.width():
                x, y = 0.0, y + metrics.height() + 4
            places.append((x, y))
            x += width + 18
        return places

    def _legend_height(self) -> int:
        metrics = QFontMetrics(self.font())
        last_line = max((y for _x, y in self._legend_places(metrics)), default=0.0)
        return int(last_line) + metrics.height() + LEGEND_GAP

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        bars = max(len(self.categories), 1)
        return QSize(520, self._legend_height() + bars * (self._row_height() + self._row_gap()) + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(self.font())
        self._segments = []

        # Legend, on as many lines as the width needs.
        for (label, colour), (x, y) in zip(self.series, self._legend_places(metrics), strict=True):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x, y + (metrics.height() - SWATCH) / 2, SWATCH, SWATCH), 2, 2)
            painter.setPen(text_colour)
            painter.drawText(QRectF(x + SWATCH + 5, y, 400, metrics.height()), Qt.AlignmentFlag.AlignVCenter, label)

        top = self._legend_height()
        if not self.categories:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRectF(0, top, self.width(), BAR_HEIGHT), Qt.AlignmentFlag.AlignVCenter, self.empty_text)
            return
        label_width = self._label_width(metrics)
        row_height = self._row_height()
        total_width = metrics.horizontalAdvance("000000") + 8
        bar_left = label_width
        bar_room = max(self.width() - bar_left - total_width, 40)
        largest = max((sum(v) for v in self.values), default=0) or 1

        for i, (category, values) in enumerate(zip(self.categories, self.values, strict=False)):
            row_top = top + i * (row_height + self._row_gap())
            y = row_top + (row_height - BAR_HEIGHT) / 2
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, row_top, label_width - 10, row_height),
                int(Qt.AlignmentFlag.AlignVCenter) | int(Qt.TextFlag.TextWordWrap),
                category,
            )
            total = sum(values)
            scale = (bar_room / total if total else 0) if self.proportional else bar_room / largest
            widths = _segment_widths(values, scale, [metrics.horizontalAdvance(f"{v:n}") + 8 for v in values])
            x = float(bar_left)
            for j, value in enumerate(values):
                if value <= 0:
                    continue
                width = widths[j]
                rect = QRectF(x, y, width, BAR_HEIGHT)
                colour = self.series[j][1]
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRect(rect)
                self._segments.append((rect, i, j))
                text = f"{value:n}".replace(",", ".")
                painter.setPen(text_on(colour))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
                x += width
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(x + 6, y, total_width, BAR_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter,
                f"{total:n}".replace(",", "."),
            )

    def segment_at(self, x: float, y: float) -> tuple[int, int] | None:
        for rect, bar, series in self._segments:
            if rect.contains(x, y):
                return bar, series
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.segment_at(event.position().x(), event.position().y())
        if hit is None:
            self.setToolTip("")
            self.unsetCursor()
            return
        bar, series = hit
        self.setToolTip(f"{self.categories[bar]}\n{self.series[series][0]}: {self.values[bar][series]}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.segment_at(event.position().x(), event.position().y())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.segment_clicked.emit(*hit)


def _segment_widths(values: Sequence[int], scale: float, minimums: Sequence[int]) -> list[float]:
    """Each segment's width: its value times ``scale``, but never narrower than its number (``minimums``).

    The widened segments take their extra room from the others, so a bar keeps its length when it can.
    """
    widths = [value * scale if value > 0 else 0.0 for value in values]
    length = sum(widths)
    narrow = {j for j, value in enumerate(values) if value > 0 and widths[j] < minimums[j]}
    if not narrow:
        return widths
    for j in narrow:
        widths[j] = float(minimums[j])
    rest = [j for j, value in enumerate(values) if value > 0 and j not in narrow]
    room = length - sum(widths[j] for j in narrow)
    wanted = sum(values[j] for j in rest)
    for j in rest:
        widths[j] = max(float(minimums[j]), room * values[j] / wanted if wanted else 0.0)
    return widths
