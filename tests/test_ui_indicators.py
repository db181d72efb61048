"""The Indicatoren page driven as a user would: the list per actielijn, the detail with its chart, the entry grid
typed by keyboard (Dutch decimals, * voorlopig, . onbekend, bad input refused and kept, Delete, undo and redo),
a period added by hand, and an import with its preview."""

from __future__ import annotations

import os
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from indicator_samples import LINE_1, add_sample_indicators
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from sqlalchemy import func, select

from ghnt_desktop.db import open_database
from ghnt_desktop.models import Measurement
from ghnt_desktop.services import indicators as ind
from ghnt_desktop.services.figure_values import Period
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.itemmodels.indicators import EntryGridModel
from ghnt_desktop.ui.mainwindow import MainWindow

TODAY = date(2024, 3, 1)
SCREENSHOTS = os.environ.get("GHNT_SCREENSHOTS")  # a folder: screenshots are saved there to look at


@pytest.fixture
def sample_file(tmp_path, sqlite_template) -> tuple[Path, dict]:
    path = tmp_path / "cijfers.db"
    shutil.copyfile(sqlite_template, path)  # an empty file at the current schema, without running the migrations
    database = open_database(path)
    with database.session() as session:
        ids = add_sample_indicators(session)
        ids = {k: v for k, v in ids.items() if k in ("meldingen", "herhaald", "inwoners")} | {
            "gemeenten": [g.id for g in ids["gemeenten"]]
        }
    database.close()
    return path, ids


@pytest.fixture
def window(qtbot, tmp_path, sample_file):
    path, _ = sample_file
    win = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_database_file(path)
    yield win
    if win.database is not None:
        win.database.close()


@pytest.fixture
def page(window, qtbot):
    window.show_page("indicators")
    page = window.page("indicators")
    qtbot.waitUntil(lambda: page.detail is not None and not page.chart.pixmap().isNull())
    return page


def shot(widget, name: str) -> None:
    if SCREENSHOTS:
        widget.grab().save(str(Path(SCREENSHOTS) / f"{name}.png"))


def values(database, indicator_id) -> dict:
    with database.session() as session:
        detail = ind.get_indicator(session, indicator_id)
    found = {(p.value.period.label, None): p.value for p in detail.series}
    for municipality in detail.municipalities:
        found.update({(p.value.period.label, municipality.name): p.value for p in municipality.points})
    return found


def test_list_per_actielijn_and_detail_with_chart(page, window, qtbot):
    entries = page.list_model.entries()
    titles = [e.title for e in entries if e.row is None]
    assert titles == [f"1 {LINE_1}", "2 Stoppen en duurzaam oplossen", "Niet gekoppeld aan een actielijn"]
    names = [e.row.name for e in entries if e.row is not None]
    assert names == ["Meldingen bij Veilig Thuis", "Herhaald melden binnen een jaar", "Herhaald melden binnen een jaar",
                     "Inwoners 18 jaar en ouder"]  # fmt: skip
    first = page.list_model.index(1, 0)
    assert page.list_model.index(1, 1).data() == "1.880* (2023)"
    assert page.list_model.index(0, 1).flags() == Qt.ItemFlag.ItemIsEnabled  # a heading is not selectable
    assert page.detail.name == "Meldingen bij Veilig Thuis" and first.data() == "Meldingen bij Veilig Thuis"
    assert not page.chart.pixmap().isNull() and page.chart.pixmap().width() >= 320
    assert "2023: 1.880*" in page.chart.accessibleDescription()
    assert "Bron: CBS StatLine, tabel 84852NED" in page.facts_label.text()
    assert "voorlopig" in page.status_label.text()
    # Choosing another indicator by keyboard shows its detail.
    page.list_view.setFocus()
    qtbot.keyClick(page.list_view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.detail.name == "Herhaald melden binnen een jaar")
    assert "%" in page.chart.accessibleDescription()
    qtbot.waitUntil(lambda: page.chart.drawn_size == page.chart.contentsRect().size())
    shot(window, "indicatoren_overzicht")
    # The actielijn filter narrows the list.
    page.section_filter.setCurrentIndex(page.section_filter.findText("Niet gekoppeld aan een actielijn"))
    assert [e.row.name for e in page.list_model.entries() if e.row is not None] == ["Inwoners 18 jaar en ouder"]


def grid_index(page, indicator_id, period_label: str, column: int):
    model = page.grid_model
    for row in range(model.rowCount()):
        line = model.row_at(row)
        if line.indicator_id == indicator_id and line.period.label == period_label:
            return model.index(row, column)
    raise AssertionError(f"no line {period_label}")


def type_into(qtbot, page, index, text: str) -> None:
    view = page.grid_view
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, text[0])  # typing over a cell opens its editor with that key
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, text[1:])  # the rest goes where a user's keys go: the editor
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # Qt's delegate commits and closes the editor on Enter in a queued call.
    qtbot.waitUntil(lambda: view.indexWidget(index) is not editor or view.state() != view.State.EditingState)


def test_entry_grid_typed_by_keyboard_with_undo(page, window, qtbot, sample_file):
    _, ids = sample_file
    meldingen = ids["meldingen"]
    page.tabs.setCurrentIndex(1)
    model = page.grid_model
    # Columns: indicator, period, the whole area, then the three gemeenten by name.
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Indicator", "Periode", "Hele gebied", "Gooise Meren", "Hilversum", "Huizen"]
    # Lines: every measured period, and every year up to this one (2024) to type next year's figure in.
    labels = [
        model.row_at(r).period.label for r in range(model.rowCount()) if model.row_at(r).indicator_id == meldingen
    ]
    assert labels == ["2019", "2020", "2021", "2022", "2023", "2024"]
    assert grid_index(page, meldingen, "2021", EntryGridModel.AREA).data() == "onbekend"

    # Dutch decimals and thousands, then Enter goes down to the next period.
    start = grid_index(page, meldingen, "2024", EntryGridModel.AREA)
    type_into(qtbot, page, start, "1.950")
    assert values(window.database, meldingen)[("2024", None)].value == Decimal(1950)
    assert start.data() == "1.950"
    hilversum = grid_index(page, meldingen, "2022", EntryGridModel.FIRST_GEMEENTE + 1)
    type_into(qtbot, page, hilversum, "12,5*")  # voorlopig
    stored = values(window.database, meldingen)[("2022", "Gemeente Hilversum")]
    assert stored.value == Decimal("12.5") and stored.provisional
    assert page.grid_view.currentIndex().row() == hilversum.row() + 1  # Enter went down
    # A dot is onbekend.
    type_into(qtbot, page, grid_index(page, meldingen, "2020", EntryGridModel.FIRST_GEMEENTE), ".")
    assert values(window.database, meldingen)[("2020", "Gemeente Gooise Meren")].unknown
    # The list and the chart follow the edits.
    assert page.list_model.index(1, 1).data() == "1.950 (2024)"
    assert "2024: 1.950" in page.chart.accessibleDescription()

    # Undo and redo through the window's stack, in reverse order.
    window.undo_stack.undo()
    assert ("2020", "Gemeente Gooise Meren") not in values(window.database, meldingen)
    window.undo_stack.undo()
    assert ("2022", "Gemeente Hilversum") not in values(window.database, meldingen)
    assert hilversum.data() == ""
    window.undo_stack.redo()
    assert values(window.database, meldingen)[("2022", "Gemeente Hilversum")].value == Decimal("12.5")
    # Changing an existing value and undoing gives the old one back, voorlopig mark and all.
    type_into(qtbot, page, grid_index(page, meldingen, "2023", EntryGridModel.AREA), "1.900")
    assert not values(window.database, meldingen)[("2023", None)].provisional
    window.undo_stack.undo()
    old = values(window.database, meldingen)[("2023", None)]
    assert old.value == Decimal(1880) and old.provisional
    shot(window, "indicatoren_invoer")


@pytest.mark.parametrize("text", ["12,5x", "twaalf", "1,2,3", "1e400", "--5", "12.5.6"])
def test_bad_input_is_refused_with_a_dutch_message_and_kept(page, window, qtbot, sample_file, text):
    _, ids = sample_file
    page.tabs.setCurrentIndex(1)
    with window.database.session() as session:
        before = session.scalar(select(func.count(Measurement.id)))
    index = grid_index(page, ids["meldingen"], "2024", EntryGridModel.AREA)
    type_into(qtbot, page, index, text)
    qtbot.waitUntil(lambda: isinstance(page.grid_view.indexWidget(index), QLineEdit))
    assert page.grid_view.indexWidget(index).text() == text  # nothing typed is lost
    message = page.entry_message.text()
    assert page.entry_message.isVisibleTo(page) and "Meldingen bij Veilig Thuis (2024)" in message
    assert "Typ een getal zoals 1.620 of 12,5" in message
    with window.database.session() as session:
        assert session.scalar(select(func.count(Measurement.id))) == before
    # Corrected in place, it is saved and the message goes.
    editor = page.grid_view.indexWidget(index)
    editor.setText("2.010")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.grid_view.state() != page.grid_view.State.EditingState)
    assert values(window.database, ids["meldingen"])[("2024", None)].value == Decimal(2010)
    assert not page.entry_message.isVisibleTo(page)


def test_delete_clears_cells_in_one_undo_step(page, window, qtbot, sample_file):
    _, ids = sample_file
    page.tabs.setCurrentIndex(1)
    view = page.grid_view
    first = grid_index(page, ids["meldingen"], "2019", EntryGridModel.AREA)
    last = grid_index(page, ids["meldingen"], "2020", EntryGridModel.AREA)
    view.setFocus()
    view.setCurrentIndex(first)
    view.selectionModel().select(last, view.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    found = values(window.database, ids["meldingen"])
    assert ("2019", None) not in found and ("2020", None) not in found
    window.undo_stack.undo()
    found = values(window.database, ids["meldingen"])
    assert found[("2019", None)].value == Decimal(1620) and found[("2020", None)].value == Decimal(1710)


def test_a_half_year_added_by_hand(page, window, qtbot, sample_file):
    _, ids = sample_file
    page.tabs.setCurrentIndex(1)
    qtbot.keyClicks(page.period_edit, "eerste helft 2024")
    qtbot.keyClick(page.period_edit, Qt.Key.Key_Return)
    index = page.grid_view.currentIndex()
    assert page.grid_model.row_at(index.row()).period == Period(2024, Period(2024).kind.__class__("half_year"), 1)
    type_into(qtbot, page, index, "955")
    assert values(window.database, ids["meldingen"])[("2024 H1", None)].value == Decimal(955)
    page.period_edit.setText("volgend jaar")
    qtbot.keyClick(page.period_edit, Qt.Key.Key_Return)
    assert "Dat is geen periode" in page.entry_message.text()


def test_import_shows_a_preview_and_saves_only_when_asked(page, window, qtbot, tmp_path, monkeypatch, sample_file):
    from openpyxl import Workbook
    from PySide6.QtWidgets import QFileDialog

    from ghnt_desktop.ui import indicators_import

    _, ids = sample_file
    book = Workbook()
    sheet = book.active
    sheet.append(["Indicator", "2023", "2024"])
    sheet.append(["Meldingen bij Veilig Thuis", "1.885", "1.990*"])
    sheet.append(["Adviezen bij Veilig Thuis", "1.622", "1.700"])
    path = tmp_path / "cijfers.xlsx"
    book.save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen = []

    def answer(result):
        def exec_(dialog):
            seen.append(dialog)
            return result

        return exec_

    monkeypatch.setattr(indicators_import.FiguresPreviewDialog, "exec", answer(QDialog.DialogCode.Rejected))
    page.import_button.click()
    preview = seen[-1].preview
    assert [i.name for i in preview.new_indicators] == ["Adviezen bij Veilig Thuis"]
    assert {(c.indicator, c.period, c.old, c.new) for c in preview.changed} == {
        ("Meldingen bij Veilig Thuis", "2023", "1.880*", "1.885")
    }
    assert len(preview.added) == 3
    assert ("2024", None) not in values(window.database, ids["meldingen"])  # cancelled: nothing saved
    shot(seen[-1], "indicatoren_import_voorbeeld")
    monkeypatch.setattr(indicators_import.FiguresPreviewDialog, "exec", answer(QDialog.DialogCode.Accepted))
    page.import_button.click()
    assert values(window.database, ids["meldingen"])[("2024", None)].provisional
    assert "Adviezen bij Veilig Thuis" in [e.row.name for e in page.list_model.entries() if e.row is not None]


def test_overview_shows_indicators_moved_since_the_last_afstemmingsoverleg(demo_window, qtbot):
    window = demo_window(date(2026, 11, 20))
    overview = window.page("overview")
    since = overview.overview.changes.since
    assert since is not None  # the demo has held afstemmingsoverleggen
    lines = lambda: [overview.changes_list.item(i).text() for i in range(overview.changes_list.count())]  # noqa: E731
    before = [line for line in lines() if line.startswith("Cijfer")]

    def add(session):
        created = ind.create_indicator(session, name="Adviezen bij Veilig Thuis (test)")
        ind.set_measurement(session, created.id, Period(2026), value="1.622", provisional=True, received_on=since)
        secret = ind.create_indicator(session, name="Vertrouwelijk cijfer (test)", confidential=True)
        ind.set_measurement(session, secret.id, Period(2026), value=3, received_on=since)
        return created.changes

    window.apply_changes(window.database.write(add))
    shown = [line for line in lines() if line.startswith("Cijfer")]
    assert "Cijfer  Adviezen bij Veilig Thuis (test): 1.622* (2026)" in shown
    assert not any("Vertrouwelijk cijfer" in line for line in shown)  # the one rule leaves it out
    assert len(shown) == len(before) + 1
    assert "indicatoren bijgewerkt" in overview.changes_summary.text()
    shot(window, "overzicht_cijfers")


def test_the_page_speaks_english(qapp, qtbot, tmp_path, ui_language):
    from PySide6.QtCore import QCoreApplication

    ui_language("en")
    assert QCoreApplication.translate("IndicatorsPage", "Indicatoren") == "Indicators"
    window = MainWindow(Settings.at_path(tmp_path / "s.ini"), today=lambda: TODAY)
    qtbot.addWidget(window)
    assert "Indicators" in window.page_titles()
    page = window.page("indicators")
    assert page.tabs.tabText(1) == "Entry" and page.import_button.text() == "Import figures..."
    assert page.grid_model.headerData(EntryGridModel.AREA, Qt.Orientation.Horizontal) == "Whole area"
    assert (page.new_button.text(), page.export_button.text()) == ("New indicator...", "Export to Excel...")
    from ghnt_desktop.ui.editors.indicators import IndicatorDialog

    dialog = IndicatorDialog(window, sections=[], ambitions=[])
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "New indicator" and dialog.form.labelForField(dialog.targets).text() == "Tar&gets:"


def test_the_page_on_the_demo_database(demo_window, qtbot):
    """The demo's indicators (the seeds' real baselines, labelled demo values after): every one shows its chart."""
    window = demo_window(date(2026, 11, 20))
    window.show_page("indicators")
    page = window.page("indicators")
    qtbot.waitUntil(lambda: page.detail is not None)
    rows = [e.row for e in page.list_model.entries() if e.row is not None]
    assert len(rows) >= 5
    qtbot.waitUntil(lambda: page.chart.drawn_size == page.chart.contentsRect().size())  # drawn at its real size
    shot(window, "demo_indicatoren")
    for row in {r.id: r for r in rows}.values():
        page.list_view.setCurrentIndex(page.list_model.index(page.list_model.row_of(row.id), 0))
        assert page.detail.id == row.id
        qtbot.waitUntil(lambda: page.chart.drawn_size == page.chart.contentsRect().size())
    page.tabs.setCurrentIndex(1)
    assert page.grid_model.rowCount() >= len({r.id for r in rows})
    shot(window, "demo_invoer")


def test_models_pass_qt_model_tester(page, qtmodeltester):
    page.tabs.setCurrentIndex(1)
    qtmodeltester.check(page.list_model)
    qtmodeltester.check(page.grid_model)


def test_grid_model_on_its_own(qapp):
    """The grid without a page: periods filled up to today in the kind mostly measured, values looked up per cell,
    a line added by hand keeps the order, and every refusal names the indicator and period."""
    import uuid as _uuid

    from ghnt_desktop.models import IndicatorUnit, PeriodKind
    from ghnt_desktop.services.indicators import PeriodValue
    from ghnt_desktop.ui.itemmodels.indicators import GridIndicator

    H = PeriodKind.HALF_YEAR
    gemeente = _uuid.uuid4()
    values = (
        PeriodValue(_uuid.uuid4(), Period(2022, H, 1), Decimal("10.5")),
        PeriodValue(_uuid.uuid4(), Period(2022, H, 2), None, unknown=True),
        PeriodValue(_uuid.uuid4(), Period(2023, H, 1), Decimal(7), provisional=True, organisation_id=gemeente),
        PeriodValue(_uuid.uuid4(), Period(1900), Decimal(1)),  # a stray year never makes a hundred lines
    )
    indicator = GridIndicator(_uuid.uuid4(), "Doorlooptijd", IndicatorUnit.DAYS, True, None, values)
    model = EntryGridModel()
    model.set_data([indicator], [(gemeente, "Gemeente Huizen")], date(2024, 8, 1))
    labels = [model.row_at(r).period.label for r in range(model.rowCount())]
    assert labels[0] == "1900" and len(labels) < 70
    assert labels[-4:] == ["2023 H1", "2023 H2", "2024 H1", "2024 H2"]  # 2024 H2 has begun on 1 August
    row = labels.index("2022 H1")
    assert model.index(row, EntryGridModel.AREA).data() == "10,5 dagen"
    assert model.index(row + 1, EntryGridModel.AREA).data() == "onbekend"
    assert model.index(row + 1, EntryGridModel.AREA).data(Qt.ItemDataRole.EditRole) == "."
    assert model.index(row + 2, EntryGridModel.FIRST_GEMEENTE).data(Qt.ItemDataRole.EditRole) == "7*"
    assert model.headerData(EntryGridModel.FIRST_GEMEENTE, Qt.Orientation.Horizontal) == "Huizen"
    assert model.index(0, EntryGridModel.INDICATOR).data() == "Doorlooptijd  (vertrouwelijk)"
    added = model.add_period(indicator.id, Period(2022, PeriodKind.QUARTER, 3))
    assert model.row_at(added).period.label == "2022 K3" and model.row_at(added - 1).period.label == "2022 H1"
    refused = []
    model.input_refused.connect(lambda index, text, message: refused.append(message))
    assert not model.setData(model.index(row, EntryGridModel.AREA), "tien")
    assert refused and refused[0].startswith("Doorlooptijd (2022 H1): ")
    assert not model.setData(model.index(row, EntryGridModel.PERIOD), "5")  # the period column is not a value


# --------------------------------------------------------------------------------------------------
# Creating, editing and deleting an indicator in the dialog, by keyboard
# --------------------------------------------------------------------------------------------------


def _drive_dialog(qtbot, steps, result: dict) -> None:
    """Run ``steps(dialog)`` on the modal dialog as soon as it is open (``exec`` blocks the test otherwise)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def run():
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, run)
            return
        result["dialog"] = dialog
        try:
            steps(dialog)
        except Exception as exc:  # noqa: BLE001 - reported to the test, the dialog closed so it never hangs
            result["error"] = exc
            dialog.reject()

    QTimer.singleShot(0, run)


def test_a_new_indicator_typed_in_the_dialog_is_saved_and_undone_in_one_step(page, window, qtbot):
    from ghnt_desktop.ui.editors.indicators import IndicatorDialog

    result: dict = {}

    def fill(dialog: IndicatorDialog):
        qtbot.keyClicks(dialog.name, "Politiemeldingen huiselijk geweld")
        qtbot.keyClicks(dialog.definition, "Het aantal registraties van de politie.")
        dialog.source.setFocus()
        qtbot.keyClicks(dialog.source, "Politie")
        qtbot.keyClicks(dialog.baseline_value, "1.234")
        qtbot.keyClicks(dialog.baseline_period, "2022")
        qtbot.keyClicks(dialog.targets, "2025: 1.500; 2027: 1.800")
        dialog.sections.setFocus()
        dialog.sections.setCurrentRow(0)
        qtbot.keyClick(dialog.sections, Qt.Key.Key_Space)  # ticks the first actielijn
        shot(dialog, "indicator-dialog-new")
        qtbot.keyClick(dialog.targets, Qt.Key.Key_Return)

    _drive_dialog(qtbot, fill, result)
    page.new_indicator()
    assert "error" not in result, result.get("error")
    with window.database.session() as session:
        found = ind.find_indicator(session, "Politiemeldingen huiselijk geweld")
        assert found is not None
        detail = ind.get_indicator(session, found)
    assert detail.source == "Politie" and detail.baseline.value == Decimal("1234")
    assert [(t.year, t.value) for t in detail.targets] == [(2025, Decimal("1500")), (2027, Decimal("1800"))]
    assert [title for _id, title in detail.sections] == [f"1 {LINE_1}"]
    assert page.detail is not None and page.detail.id == found
    window.undo_stack.undo()
    with window.database.session() as session:
        assert ind.find_indicator(session, "Politiemeldingen huiselijk geweld") is None
    window.undo_stack.redo()
    with window.database.session() as session:
        assert ind.find_indicator(session, "Politiemeldingen huiselijk geweld") == found
        assert len(ind.get_indicator(session, found).targets) == 2


def test_editing_changes_fields_and_targets_and_undo_puts_them_back(page, window, qtbot, sample_file):
    _, ids = sample_file
    page._choose(ids["meldingen"])
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id == ids["meldingen"])
    with window.database.session() as session:
        before = ind.get_indicator(session, ids["meldingen"])
    result: dict = {}

    def edit(dialog):
        assert dialog.name.text() == "Meldingen bij Veilig Thuis"
        assert dialog.targets.text() == "2022: 1.800; 2025: 2.000"
        dialog.targets.selectAll()
        qtbot.keyClicks(dialog.targets, "2025: 2.100; 2030: 2.500")
        dialog.confidential.setFocus()
        qtbot.keyClick(dialog.confidential, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    _drive_dialog(qtbot, edit, result)
    page.edit_indicator()
    assert "error" not in result, result.get("error")
    with window.database.session() as session:
        after = ind.get_indicator(session, ids["meldingen"])
    assert after.confidential and [(t.year, t.value) for t in after.targets] == [(2025, Decimal("2100")),
                                                                                (2030, Decimal("2500"))]
    assert page.detail.confidential  # the page shows the edited indicator
    window.undo_stack.undo()
    with window.database.session() as session:
        undone = ind.get_indicator(session, ids["meldingen"])
    assert not undone.confidential
    assert [(t.year, t.value, t.note) for t in undone.targets] == [(t.year, t.value, t.note) for t in before.targets]


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("targets", "2025 twee", "streefwaarde voor 2025"),
        ("targets", "volgend jaar: 10", "niet te lezen"),
        ("targets", "2025: 1; 2025: 2", "twee keer"),
        ("baseline_period", "vorig jaar", "periode van de nulmeting"),
        ("name", "", "naam"),
    ],
)
def test_bad_input_in_the_dialog_is_refused_with_a_dutch_message_and_nothing_is_saved(
    page, window, qtbot, monkeypatch, field, text, message
):
    from ghnt_desktop.ui import errors, undo

    shown: list[str] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc: shown.append(str(exc)))
    monkeypatch.setattr(undo, "show_error", lambda _parent, exc: shown.append(str(exc)))
    result: dict = {}
    count = len({r.id for g in page._groups for r in g.indicators})

    def fill(dialog):
        qtbot.keyClicks(dialog.name, "Nieuwe indicator")
        getattr(dialog, field).clear()
        qtbot.keyClicks(getattr(dialog, field), text)
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        result["kept"] = getattr(dialog, field).text()
        if dialog.isVisible():
            dialog.reject()

    _drive_dialog(qtbot, fill, result)
    page.new_indicator()
    assert "error" not in result, result.get("error")
    assert shown and message in shown[0].lower(), shown
    # The dialog's own checks keep it open with what was typed; a value the service refuses (read by the
    # service's Dutch number rules) is refused by the command, and nothing is saved either way.
    assert result.get("kept") == text
    assert len({r.id for g in page._groups for r in g.indicators}) == count


def test_delete_asks_first_and_undo_puts_the_figures_back(page, window, qtbot, monkeypatch, sample_file):
    from ghnt_desktop.ui.editors import forms

    _, ids = sample_file
    page._choose(ids["meldingen"])
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id == ids["meldingen"])
    answers = iter([False, True])
    asked: list[str] = []
    monkeypatch.setattr(forms, "confirm", lambda _p, _t, text, yes=None: asked.append(text) or next(answers))
    page.delete_indicator()  # Annuleren
    with window.database.session() as session:
        assert ind.find_indicator(session, "Meldingen bij Veilig Thuis") == ids["meldingen"]
    page.delete_indicator()
    assert "2 streefwaarden" in asked[0] and "cijfers" in asked[0]
    with window.database.session() as session:
        assert ind.find_indicator(session, "Meldingen bij Veilig Thuis") is None
    window.undo_stack.undo()
    assert len(values(window.database, ids["meldingen"])) == 8


def test_export_to_excel_opens_the_export_dialog_on_the_indicators(page, window, qtbot):
    from PySide6.QtWidgets import QApplication

    page.export_button.click()
    dialog = qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None) or QApplication.activeModalWidget()
    assert dialog.objectName() == "exportDialog"
    shot(dialog, "indicators-export-dialog")
    assert (dialog.entry().kind, dialog.entry().format) == ("indicatoren", "xlsx")
    dialog.reject()


def test_the_entry_grid_keeps_indicator_and_period_in_view_when_scrolling_sideways(demo_window, qtbot):
    window = demo_window(date(2026, 11, 20))
    window.resize(1366, 768)
    window.show_page("indicators")
    page = window.page("indicators")
    qtbot.waitUntil(lambda: page.detail is not None)
    page.tabs.setCurrentIndex(1)
    view = page.grid_view
    bar = view.horizontalScrollBar()
    assert bar.maximum() > 0, "the demo's gemeenten should not fit: nothing to scroll"
    frozen_width = view.columnWidth(EntryGridModel.INDICATOR) + view.columnWidth(EntryGridModel.PERIOD)
    # Far right: the grid's own first columns scrolled away, the frozen ones on top still show them.
    last = page.grid_model.columnCount() - 1
    view.setCurrentIndex(page.grid_model.index(1, last))
    view.scrollTo(view.currentIndex())
    assert bar.value() > 0 and view.columnViewportPosition(EntryGridModel.INDICATOR) < 0
    assert view.frozen.isVisible() and view.frozen.width() == frozen_width
    assert view.frozen.verticalScrollBar().value() == view.verticalScrollBar().value()
    assert view.frozen.isColumnHidden(EntryGridModel.AREA) and not view.frozen.isColumnHidden(EntryGridModel.PERIOD)
    shot(window, "demo_invoer_rechts")
    # Back left by keyboard: the whole-area cell comes out from under the frozen columns, never hidden by them.
    for _ in range(last - EntryGridModel.AREA):
        qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.currentIndex().column() == EntryGridModel.AREA
    assert view.columnViewportPosition(EntryGridModel.AREA) >= frozen_width
    # Down the grid the frozen part follows.
    for _ in range(15):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.frozen.verticalScrollBar().value() == view.verticalScrollBar().value()
    assert view.frozen.rowHeight(0) == view.rowHeight(0)


def test_a_big_grid_is_read_in_the_background_and_then_typed_in(page, window, qtbot, monkeypatch, sample_file):
    """Above the threshold the values are read by a worker task with its own session: the grid is disabled until
    they come, then filled as the synchronous path fills it, and typing works."""
    from ghnt_desktop.ui.pages import indicators as indicators_page

    _, ids = sample_file
    page.tabs.setCurrentIndex(1)
    expected = [(page.grid_model.row_at(r).indicator_id, page.grid_model.row_at(r).period.label)
                for r in range(page.grid_model.rowCount())]  # fmt: skip
    monkeypatch.setattr(indicators_page, "GRID_BACKGROUND_VALUES", 0)
    page.load_grid()
    assert page.grid_loading is not None
    qtbot.waitUntil(lambda: page.grid_loading is None and page.grid_view.isEnabled(), timeout=10_000)
    assert [(page.grid_model.row_at(r).indicator_id, page.grid_model.row_at(r).period.label)
            for r in range(page.grid_model.rowCount())] == expected  # fmt: skip
    type_into(qtbot, page, grid_index(page, ids["meldingen"], "2024", EntryGridModel.AREA), "1.950")
    assert values(window.database, ids["meldingen"])[("2024", None)].value == Decimal("1950")
    # A result that arrives after another database was opened (a newer generation) is dropped.
    page._grid_generation += 1
    page._grid_gathered((page._grid_generation - 1, [], []))
    assert page.grid_model.rowCount() == len(expected)
