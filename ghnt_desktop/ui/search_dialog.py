"""Zoeken: one search field over minutes, decisions, action items, progress notes, the programme and the network.

Results come from ``services.search`` (a full-text index that understands Dutch word forms, parts of words and
"quoted phrases"). Opening a result (Enter or double-click) shows it where it lives: a meeting's agenda item,
decision or progress in the Overleggen page, an action item or programme action in Acties, an ambitie in
Programma, an organisation or person in Organisaties & personen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QLineEdit, QVBoxLayout

from ..dutch_dates import short_date
from .i18n import arg
from .itemmodels.base import ROW_ROLE, RowTableModel
from .pages.base import make_table_view

if TYPE_CHECKING:
    from ..services.search import SearchHit
    from .mainwindow import MainWindow

SEARCH_DEBOUNCE_MS = 200


# The kinds of hit, as services.search labels them, translated in the model's own context: the "enums" context
# holds only the labels of models/enums.py (update_translations.py drops anything else from it, so these
# stayed Dutch in the English interface).
KIND_LABELS = (
    QT_TRANSLATE_NOOP("SearchResultModel", "Agendapunt"),
    QT_TRANSLATE_NOOP("SearchResultModel", "Besluit"),
    QT_TRANSLATE_NOOP("SearchResultModel", "Actiepunt"),
    QT_TRANSLATE_NOOP("SearchResultModel", "Voortgang"),
    QT_TRANSLATE_NOOP("SearchResultModel", "Programma-actie"),
    QT_TRANSLATE_NOOP("SearchResultModel", "Ambitie"),
    QT_TRANSLATE_NOOP("SearchResultModel", "Persoon"),
    QT_TRANSLATE_NOOP("SearchResultModel", "Organisatie"),
    QT_TRANSLATE_NOOP("SearchResultModel", "Indicator"),
)


class SearchResultModel(RowTableModel["SearchHit"]):
    """Search hits: kind, date, meeting, title and the matching words in context."""

    KIND, DATE, MEETING, TITLE, SNIPPET = range(5)
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("SearchResultModel", "Soort"),
        QT_TRANSLATE_NOOP("SearchResultModel", "Datum"),
        QT_TRANSLATE_NOOP("SearchResultModel", "Overleg"),
        QT_TRANSLATE_NOOP("SearchResultModel", "Onderwerp"),
        QT_TRANSLATE_NOOP("SearchResultModel", "Gevonden tekst"),
    )

    def display(self, row: SearchHit, column: int) -> str:
        if column == self.KIND:
            return QCoreApplication.translate("SearchResultModel", row.kind_label)
        if column == self.DATE:
            return short_date(row.meeting_date) if row.meeting_date else ""
        if column == self.MEETING:
            return row.meeting_title
        if column == self.TITLE:
            return (
                f"{row.title}  ({QCoreApplication.translate('SearchResultModel', 'vertrouwelijk')})"
                if (row.confidential)
                else row.title
            )
        return row.snippet.replace("[", "").replace("]", "")

    def sort_value(self, row: SearchHit, column: int) -> Any:
        if column == self.DATE:
            return row.meeting_date.isoformat() if row.meeting_date else ""
        return self.display(row, column).casefold()

    def tooltip(self, row: SearchHit, column: int) -> str | None:
        return row.snippet if column == self.SNIPPET else None


class SearchDialog(QDialog):
    """A search field and its results; non-modal, so the user can keep it open while looking around."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Zoeken"))
        self.resize(1000, 560)
        layout = QVBoxLayout(self)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(
            self.tr(
                'Zoek in verslagen, besluiten, acties, programma, organisaties, personen; "woorden samen" als zinsdeel'
            )
        )
        self.field.setAccessibleName(self.tr("Zoeken"))
        self.field.setClearButtonEnabled(True)
        layout.addWidget(self.field)
        self.confidential_check = QCheckBox(self.tr("Ook &vertrouwelijke inhoud tonen"), self)
        self.confidential_check.setToolTip(
            self.tr("Vertrouwelijke agendapunten, besluiten, acties en voortgang worden anders niet getoond")
        )
        self.confidential_check.toggled.connect(lambda _on: self.run_search())
        layout.addWidget(self.confidential_check)
        self.model = SearchResultModel(self)
        # Best matches first: the order is the search's, so the columns do not sort.
        self.view = make_table_view(self.model, self, sortable=False, name=self.tr("Zoekresultaten"))
        layout.addWidget(self.view, 1)
        self.count_label = QLabel(self)
        layout.addWidget(self.count_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._open_first_or_current)
        self.view.activated.connect(lambda index: self.open_hit(index.data(ROW_ROLE)))
        QShortcut(QKeySequence(Qt.Key.Key_Down), self.field, activated=self.view.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_F1), self, activated=lambda: window.show_help("search"))
        self._generation = 0  # of the latest search started; older results are dropped
        self._open_when_found = False

    def run_search(self) -> None:
        """Search in a worker thread: a slow search (a ten-year database, a pasted page) never holds the window.

        Results of a search overtaken by newer typing are dropped.
        """
        from ..services.search import SearchResults, search_results
        from .worker import start_task

        self._timer.stop()
        database = self.window_.database
        if database is None:
            return
        typed, include = self.field.text(), self.confidential_check.isChecked()
        self._generation += 1
        generation = self._generation
        if not typed.strip():
            self._found((generation, SearchResults([])))
            return

        def find(_progress, _cancelled):
            with database.read_session() as session:
                return generation, search_results(session, typed, include_confidential=include)

        start_task(find, name="search", succeeded=self._found, failed=self._search_failed)

    @Slot(object)
    def _found(self, result) -> None:
        generation, results = result
        if generation != self._generation:
            return  # the user typed on: a newer search is on its way
        hits = results.hits
        self.model.set_rows(hits)
        for column, width in ((0, 110), (1, 90), (2, 220), (3, 300)):
            self.view.setColumnWidth(column, width)
        if not self.field.text().strip():
            text = ""
        elif not hits:
            text = self.tr("Niets gevonden.")
        elif len(hits) == 1:
            text = self.tr("1 resultaat")
        else:
            text = arg(
                self.tr("%1 resultaten (de beste 200)") if len(hits) >= 200 else self.tr("%1 resultaten"), len(hits)
            )
        if results.confidential_left_out:
            text += " " + arg(
                self.tr("(%1 vertrouwelijk, niet getoond: vink Ook vertrouwelijke inhoud tonen aan)"),
                results.confidential_left_out,
            )
        self.count_label.setText(text)
        if self._open_when_found:
            self._open_when_found = False
            if self.model.rowCount():
                index = self.view.currentIndex()
                row = index.row() if index.isValid() else 0
                self.open_hit(self.model.index(row, 0).data(ROW_ROLE))

    @Slot(object)
    def _search_failed(self, exc: BaseException) -> None:
        from ..services import ServiceError
        from .worker import report_failure

        self._open_when_found = False
        if isinstance(exc, ServiceError):  # a damaged search index: the message says how to rebuild it
            self.model.set_rows([])
            self.count_label.setText(str(exc))
            return
        report_failure(self, exc)

    def _open_first_or_current(self) -> None:
        """Enter: open the current (or first) hit once the search for what is typed now has answered."""
        self._open_when_found = True
        self.run_search()

    def open_hit(self, hit: SearchHit | None) -> None:
        if hit is not None:
            self.window_.show_record(hit.kind, hit.id, hit.meeting_id, hit.organisation_id)
