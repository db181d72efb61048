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
            c
            for c in range(header.count())
            if c not in skip and not header.isSectionHidden(c) and not self._stretching(c)
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
            if header.isSectionHidden(column) or not self._stretching(column):
                continue
            if column in keys:  # stretched to the edge: what it holds beyond its own text is room
                if key_end <= width:  # (beyond the edge it is at Qt's minimum, not stretched)
                    slack += max(header.sectionSize(column) - self._needed(column), 0)
            elif header.sectionPosition(column) < key_end:
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
            comfortable = 5 * self._min_text() // 2
            self._fit_stretching_keys()
            # Narrower: long texts down to a comfortable width, then fold, then the texts down to their minimum.
            self._squeeze(comfortable)
            for column in foldable:
                if self._slack() >= 0:
                    break
                if not header.isSectionHidden(column):
                    self.sizes[column] = header.sectionSize(column)
                    header.hideSection(column)
                    self.folded.append(column)
                    self._fit_stretching_keys()
            self._squeeze(self._min_text())
            # Wider: the same steps backwards, each only as far as there is room.
            self._unsqueeze(comfortable)
            while self.folded:
                column = self.folded[-1]
                if self.sizes.get(column, 100) > self._slack():
                    break
                stretched = [c for c in range(header.count()) if not header.isSectionHidden(c) and self._stretching(c)]
                self.folded.pop()
                header.showSection(column)
                header.resizeSection(column, self.sizes.pop(column, 100))
                for key in set(stretched) & set(self._model_columns("KEY_COLUMNS")):
                    if not self._stretching(key):  # no longer the last: back to its own width
                        header.resizeSection(key, self._needed(key))
            if not self.folded:
                self._unsqueeze(None)
        finally:
            self._busy = False

    def _fit_stretching_keys(self) -> None:
        """A stretching last section never shrinks below the width last set on it: a key column that became
        the last one gets its own width set, so what it is stretched beyond counts as room (``_slack``)."""
        header = _header(self.view)
        for key in self._model_columns("KEY_COLUMNS"):
            if key < header.count() and not header.isSectionHidden(key) and self._stretching(key):
                header.resizeSection(key, self._needed(key))

    def _needed(self, column: int) -> int:
        """A key column's own width: its widest text in view or its title, with the margins pages give."""
        header = _header(self.view)
        title = str(self.view.model().headerData(column, Qt.Orientation.Horizontal) or "")
        return max(self.view.sizeHintForColumn(column) + 16, header.fontMetrics().horizontalAdvance(title) + 28)

    def _squeeze(self, floor: int) -> None:
        header = _header(self.view)
        for column in self._squeezable():
            slack = self._slack()
            if slack >= 0:
                return
            size = header.sectionSize(column)
            give = min(size - floor, -slack)
            if give > 0:
                self.squeezed.setdefault(column, size)
                header.resizeSection(column, size - give)

    def _unsqueeze(self, ceiling: int | None) -> None:
        """Give squeezed columns back their width, up to ``ceiling`` (None: all of it) as room allows."""
        header = _header(self.view)
        for column in list(self.squeezed):
            slack = self._slack()
            if slack <= 0:
                return
            size = header.sectionSize(column)
            target = self.squeezed[column] if ceiling is None else min(self.squeezed[column], ceiling)
            if target > size:
                header.resizeSection(column, size + min(target - size, slack))
            if header.sectionSize(column) >= self.squeezed[column]:
                del self.squeezed[column]

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
