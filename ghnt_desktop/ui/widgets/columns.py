"""Tables that fit a narrow window: less important columns fold away so the key columns stay whole.

At 150% scaling on a 1366x768 screen (910x512 logical pixels) the tables' key columns (numbers, dates,
statuses: the model's ``KEY_COLUMNS``) were pushed out of sight. A :class:`ColumnFolder` watches its view:
when a key column ends beyond the view's right edge (or a stretching text column before it is squeezed
below a readable width), it hides the model's ``FOLDABLE_COLUMNS`` one by one (the first listed goes first),
then narrows the long text columns down to a readable minimum; when the view widens again they come back
in the opposite order. A folded column's value is not lost: the row's tooltip lists it ("Trekker: ...").
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolTip, QTreeView

#: A stretching or squeezed text column keeps at least this many pixels (times the font's height / 14).
MIN_TEXT_WIDTH = 120


def _header(view: QTableView | QTreeView) -> QHeaderView:
    return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()


class ColumnFolder(QObject):
    """Folds ``view``'s foldable columns away while its key columns would not show whole (see module)."""

    def __init__(self, view: QTableView | QTreeView) -> None:
        super().__init__(view)
        self.view = view
        self.folded: list[int] = []  # in folding order
        self.sizes: dict[int, int] = {}  # a folded column's width before it folded
        self.squeezed: dict[int, int] = {}  # a text column narrowed: its width before
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refit)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        header = _header(view)
        header.sectionResized.connect(lambda *_: self._busy or self._timer.start())
        model = view.model()
        model.modelReset.connect(self._timer.start)
        model.layoutChanged.connect(self._timer.start)

    # What the model says.

    def _model_columns(self, name: str) -> tuple[int, ...]:
        return tuple(getattr(self.view.model(), name, ()))

    def _min_text(self) -> int:
        return max(MIN_TEXT_WIDTH, MIN_TEXT_WIDTH * self.view.fontMetrics().height() // 14)

    def _stretching(self, column: int) -> bool:
        header = _header(self.view)
        last = max((c for c in range(header.count()) if not header.isSectionHidden(c)), default=-1)
        return header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch or (
            column == last and header.stretchLastSection()
        )

    def _key_end(self) -> int:
        header = _header(self.view)
        ends = [
            header.sectionPosition(c) + header.sectionSize(c)
            for c in self._model_columns("KEY_COLUMNS")
            if c < header.count() and not header.isSectionHidden(c)
        ]
        return max(ends, default=0)

    def _squeezable(self) -> list[int]:
        """Visible, not key, not foldable, not stretching columns: the long texts, widest first."""
        header = _header(self.view)
        skip = set(self._model_columns("KEY_COLUMNS")) | set(self._model_columns("FOLDABLE_COLUMNS"))
        columns = [
            c for c in range(header.count()) if c not in skip and not header.isSectionHidden(c) and not self._stretching(c)
        ]
        return sorted(columns, key=header.sectionSize, reverse=True)

    def _slack(self) -> int:
        """Pixels to spare: room right of the last key column plus what stretching text columns before it
        can give up above their minimum (negative: that many too few)."""
        header = _header(self.view)
        width = self.view.viewport().width()
        key_end = self._key_end()
        if not key_end:
            return width
        slack = width - key_end
        keys = set(self._model_columns("KEY_COLUMNS"))
        for column in range(header.count()):
            if column not in keys and not header.isSectionHidden(column) and self._stretching(column):
                if header.sectionPosition(column) < key_end:
                    slack += header.sectionSize(column) - self._min_text()
        return slack

    # Folding.

    def refit(self) -> None:
        view = self.view
        if not view.isVisible() or view.model() is None or view.model().columnCount() == 0:
            return
        header = _header(view)
        self._busy = True
        try:
            foldable = [c for c in self._model_columns("FOLDABLE_COLUMNS") if c < header.count()]
            # Narrower: fold, then squeeze.
            for column in foldable:
                if self._slack() >= 0:
                    break
                if not header.isSectionHidden(column):
                    self.sizes[column] = header.sectionSize(column)
                    header.hideSection(column)
                    self.folded.append(column)
            for column in self._squeezable():
                slack = self._slack()
                if slack >= 0:
                    break
                size = header.sectionSize(column)
                give = min(size - self._min_text(), -slack)
                if give > 0:
                    self.squeezed.setdefault(column, size)
                    header.resizeSection(column, size - give)
            # Wider: give back in the opposite order, each only when it fits whole.
            for column in sorted(self.squeezed, key=lambda c: self.squeezed[c] - header.sectionSize(c)):
                slack = self._slack()
                if slack <= 0 or self.folded:
                    break
                size = header.sectionSize(column)
                grow = min(self.squeezed[column] - size, slack)
                header.resizeSection(column, size + grow)
                if header.sectionSize(column) >= self.squeezed[column]:
                    del self.squeezed[column]
            while self.folded and not self.squeezed:
                column = self.folded[-1]
                if self.sizes.get(column, 100) > self._slack():
                    break
                self.folded.pop()
                header.showSection(column)
                header.resizeSection(column, self.sizes.pop(column, 100))
        finally:
            self._busy = False

    # Tooltips that carry the folded columns.

    def folded_text(self, row_index) -> str:
        model = self.view.model()
        lines = []
        for column in sorted(self.folded):
            value = model.index(row_index.row(), column, row_index.parent()).data(Qt.ItemDataRole.DisplayRole)
            if value not in (None, ""):
                title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                lines.append(f"{title}: {value}")
        return "\n".join(lines)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.Show):  # the view, or its viewport when a scroll bar comes
            self._timer.start()
        elif kind == QEvent.Type.ToolTip and watched is self.view.viewport() and self.folded:
            index = self.view.indexAt(event.pos())
            if index.isValid():
                own = index.data(Qt.ItemDataRole.ToolTipRole)
                text = "\n".join(t for t in (str(own) if own else "", self.folded_text(index)) if t)
                if text:
                    QToolTip.showText(event.globalPos(), text, self.view)
                    return True
        return False


def fold_columns(view: QAbstractItemView) -> ColumnFolder | None:
    """A :class:`ColumnFolder` on ``view`` when its model names ``FOLDABLE_COLUMNS``."""
    if not isinstance(view, (QTableView, QTreeView)) or not getattr(view.model(), "FOLDABLE_COLUMNS", ()):
        return None
    existing = view.findChild(ColumnFolder)
    return existing if existing is not None else ColumnFolder(view)
