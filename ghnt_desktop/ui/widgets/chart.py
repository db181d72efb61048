"""A horizontal stacked bar chart painted with QPainter (PySide6-Essentials has no QtCharts).

One bar per category (an actielijn), one coloured segment per series (gereed, loopt, ...), the count inside a
segment when it fits, the total at the end of the bar and a legend above. Bars are scaled to the largest
total, so lines with more actions show longer bars; ``proportional`` makes every bar full width (shares).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

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
        self.updateGeometry()
        self.update()

    def _legend_height(self) -> int:
        return self.fontMetrics().height() + LEGEND_GAP

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        bars = max(len(self.categories), 1)
        return QSize(520, self._legend_height() + bars * (BAR_HEIGHT + BAR_GAP) + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(self.font())
        self._segments = []

        # Legend.
        x = 0.0
        for label, colour in self.series:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x, (metrics.height() - SWATCH) / 2, SWATCH, SWATCH), 2, 2)
            painter.setPen(text_colour)
            painter.drawText(QRectF(x + SWATCH + 5, 0, 400, metrics.height()), Qt.AlignmentFlag.AlignVCenter, label)
            x += SWATCH + 5 + metrics.horizontalAdvance(label) + 18

        top = self._legend_height()
        if not self.categories:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRectF(0, top, self.width(), BAR_HEIGHT), Qt.AlignmentFlag.AlignVCenter, self.empty_text)
            return
        label_width = min(max(metrics.horizontalAdvance(c) for c in self.categories) + 12, int(self.width() * 0.4))
        total_width = metrics.horizontalAdvance("000000") + 8
        bar_left = label_width
        bar_room = max(self.width() - bar_left - total_width, 40)
        largest = max((sum(v) for v in self.values), default=0) or 1

        for i, (category, values) in enumerate(zip(self.categories, self.values, strict=False)):
            y = top + i * (BAR_HEIGHT + BAR_GAP)
            painter.setPen(text_colour)
            shown = metrics.elidedText(category, Qt.TextElideMode.ElideRight, label_width - 10)
            painter.drawText(QRectF(0, y, label_width - 10, BAR_HEIGHT), Qt.AlignmentFlag.AlignVCenter, shown)
            total = sum(values)
            scale = (bar_room / total if total else 0) if self.proportional else bar_room / largest
            x = float(bar_left)
            for j, value in enumerate(values):
                if value <= 0:
                    continue
                width = value * scale
                rect = QRectF(x, y, width, BAR_HEIGHT)
                colour = self.series[j][1]
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRect(rect)
                self._segments.append((rect, i, j))
                text = f"{value:n}".replace(",", ".")
                if metrics.horizontalAdvance(text) + 6 <= width:
                    painter.setPen(_text_on(colour))
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


def _text_on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on ``colour``."""
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return QColor("#1a1a1a") if luminance > 150 else QColor("#ffffff")
