"""The import wizard: a returned actielijst (side by side, conflicts, only the checked rows applied), an
existing hand-kept list with a corrected column and status mapping, unusable files, and the menu entry."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import func, select
from test_import_roundtrip import Sheet

from ghnt_desktop.db import open_database
from ghnt_desktop.exports.jobs import ExportRequest, run_export
from ghnt_desktop.imports.roundtrip import RowKind
from ghnt_desktop.models import ActionItem, ActionStatus
from ghnt_desktop.ui.import_wizard import ImportWizard, RoundTripModel, open_import_wizard

demo = pytest.importorskip("ghnt_desktop.demo")

TODAY = date(2026, 3, 1)
ARTIFACTS = Path(__file__).parent / "artifacts"
CORPUS = Path(__file__).parent / "import_corpus"


@pytest.fixture(scope="module")
def demo_file(demo_database) -> Path:
    return demo_database(TODAY)


@pytest.fixture
def db(demo_file: Path, tmp_path: Path):
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_file, path)
    database = open_database(path)
    yield database
    database.close()


def action(database, number: str) -> ActionItem:
    with database.session() as session:
        return session.scalar(select(ActionItem).where(ActionItem.number == number))


def open_wizard(qtbot, database, path: Path, changes: list) -> ImportWizard:
    wizard = ImportWizard(database, path, on_changes=changes.append, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(wizard.step_finished, timeout=20_000):
        wizard.start_reading()
    return wizard


def step(qtbot, wizard: ImportWizard) -> None:
    """Volgende (or Toepassen, Importeren) and wait until the background step ended."""
    with qtbot.waitSignal(wizard.step_finished, timeout=20_000):
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)


def apply_and_wait(qtbot, wizard: ImportWizard) -> None:
    step(qtbot, wizard)
    assert wizard.page() == ImportWizard.PAGE_DONE


def cell(model: RoundTripModel, number: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    row = model.row_of(lambda r: r.number == number)
    assert row >= 0, number
    return model.data(model.index(row, column), role)


def test_returned_actielijst_applies_only_checked_rows(qtbot, db, tmp_path, messages):
    exported = run_export(db, ExportRequest("actielijst", tmp_path / "actielijst.xlsx", today=TODAY)).path
    sheet = Sheet(exported)
    numbers = sheet.numbers()
    done = next(n for n in numbers if sheet.get(n, "status") == "Niet gestart")
    later = next(n for n in numbers if n != done and isinstance(sheet.get(n, "deadline"), datetime))
    skipped, clash = [n for n in numbers if n not in (done, later)][:2]
    assert len({done, skipped, later, clash}) == 4
    sheet.set(done, "status", "Gereed")
    sheet.set(skipped, "progress", "Partner: deze wordt niet overgenomen")
    old_deadline = sheet.get(later, "deadline").date()
    sheet.set(later, "deadline", datetime(old_deadline.year + 1, 6, 30))
    sheet.set(clash, "progress", "Partner: gestart")
    new_row = sheet.ws.max_row + 1
    sheet.ws.cell(new_row, 1).value = "NIEUW"
    sheet.ws.cell(new_row, 2).value = "Een actie die de partner toevoegde"
    returned = sheet.save("teruggestuurd.xlsx")
    with db.session() as session:  # the app changes the clashing action after the export
        item = session.scalar(select(ActionItem).where(ActionItem.number == clash))
        item.text += " (aangepast)"
    before = {n: action(db, n) for n in (done, skipped, later, clash)}

    changes: list = []
    wizard = open_wizard(qtbot, db, returned, changes)
    assert wizard.page() == ImportWizard.PAGE_ROUNDTRIP, messages
    model = wizard.roundtrip_model
    kinds = {r.number: r.kind for r in model.rows()}
    assert kinds[done] is kinds[skipped] is kinds[later] is RowKind.CHANGED
    assert kinds[clash] is RowKind.CONFLICT and kinds["NIEUW"] is RowKind.UNKNOWN
    assert RowKind.UNCHANGED not in kinds.values()  # hidden until asked for
    # Side by side: the app's value and the file's value.
    assert cell(model, done, model.STATUS_APP) == before[done].status.label
    assert cell(model, done, model.STATUS_FILE) == "Gereed"
    assert cell(model, later, model.DEADLINE_FILE) == f"30-06-{old_deadline.year + 1}"
    assert cell(model, later, model.DEADLINE_APP) and cell(model, later, model.STATUS_FILE) == ""
    # Changed rows are ticked, the conflict waits, the unknown row cannot be ticked.
    checked = Qt.CheckState.Checked
    assert cell(model, done, model.NUMBER, Qt.ItemDataRole.CheckStateRole) == checked
    assert cell(model, clash, model.NUMBER, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert cell(model, "NIEUW", model.NUMBER, Qt.ItemDataRole.CheckStateRole) is None
    assert cell(model, clash, model.NUMBER, Qt.ItemDataRole.BackgroundRole) is not None
    wizard.show_unchanged_check.setChecked(True)
    assert len(model.rows()) == len(numbers) + 1
    wizard.show_unchanged_check.setChecked(False)

    row = model.row_of(lambda r: r.number == skipped)
    assert model.setData(model.index(row, model.NUMBER), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert wizard.next_button.text().replace("&", "") == "Toepassen (2)"
    wizard.resize(1200, 560)
    QApplication.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    wizard.grab().save(str(ARTIFACTS / "import_preview.png"))

    apply_and_wait(qtbot, wizard)
    assert wizard.result.applied == 2 and not messages
    assert action(db, done).status is ActionStatus.DONE
    assert action(db, later).deadline == date(old_deadline.year + 1, 6, 30)
    for untouched in (skipped, clash):
        assert action(db, untouched).updated_at == before[untouched].updated_at or untouched == clash
        assert action(db, untouched).status is before[untouched].status
    assert action(db, clash).text.endswith("(aangepast)")  # the app's edit stays
    assert changes and changes[0].actions and {before[done].id, before[later].id} <= set(changes[0].ids)
    assert "2 van 2" in wizard.done_label.text()


def hand_kept_list(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "Acties 2026"
    ws.append(["Actielijst netwerk GHNT, bijgewerkt 12 februari 2026"])
    ws.append([])
    ws.append(["Nr.", "Datum", "Afspraak", "Wie", "Gereed", "Stand", "Toelichting"])
    ws.append(["Actielijn 1: Eerder en beter in beeld"])
    ws.append(["1", datetime(2026, 1, 15), "Meldcode opfrissen bij huisartsen", "GGD", "juni 2026", "loopt", ""])
    ws.append(
        ["2", datetime(2026, 1, 15), "Folder voor scholen", "Veilig Thuis / GGD", datetime(2026, 9, 1), "klaar", ""]
    )
    ws.append(["Actielijn 2: Stoppen en duurzaam oplossen"])
    ws.append(
        [
            "3",
            datetime(2026, 2, 5),
            "Werkbezoek Zorg- en Veiligheidshuis",
            "Projectleider",
            "Q4 2026",
            "nog even kijken",
            "wacht op datum",
        ]
    )
    workbook.save(path)
    return path


def test_existing_list_with_corrected_mapping(qtbot, db, tmp_path, messages):
    source = hand_kept_list(tmp_path / "onze lijst.xlsx")
    with db.session() as session:
        count_before = session.scalar(select(func.count(ActionItem.id)))
    changes: list = []
    wizard = open_wizard(qtbot, db, source, changes)
    assert wizard.page() == ImportWizard.PAGE_MAPPING, messages
    proposed = wizard.chosen_mapping()
    # "Datum" (the meeting date) was taken for the deadline; "Gereed" is the real one.
    assert proposed.get(1) == "deadline" and proposed.get(2) == "text" and proposed.get(6) == "note"
    assert (
        wizard.mapping_table.item(1, 2).text().startswith("15-01-2026")
        or "2026" in wizard.mapping_table.item(1, 2).text()
    )
    wizard.set_column_field(1, "ignore")
    wizard.set_column_field(4, "deadline")
    wizard.resize(1000, 420)
    QApplication.processEvents()
    wizard.grab().save(str(ARTIFACTS / "import_mapping.png"))
    wizard.set_column_field(6, "deadline")  # two columns for one field: refused with a message
    wizard.go_next()
    assert messages and "allebei" in messages[-1] and wizard.page() == ImportWizard.PAGE_MAPPING
    wizard.set_column_field(6, "note")

    step(qtbot, wizard)
    assert wizard.page() == ImportWizard.PAGE_STATUSES
    statuses = {
        wizard.status_table.item(r, 0).text(): wizard.status_table.cellWidget(r, 2).currentData()
        for r in range(wizard.status_table.rowCount())
    }
    assert statuses["klaar"] == ActionStatus.DONE.value and statuses["nog even kijken"] is None
    wizard.set_status("nog even kijken", ActionStatus.ON_HOLD)

    step(qtbot, wizard)
    assert wizard.page() == ImportWizard.PAGE_ROWS
    items = wizard.list_model.rows()
    assert [i.text for i in items] == [
        "Meldcode opfrissen bij huisartsen",
        "Folder voor scholen",
        "Werkbezoek Zorg- en Veiligheidshuis",
    ]
    assert items[1].deadline_date == date(2026, 9, 1) and items[2].status is ActionStatus.ON_HOLD
    assert items[0].section.startswith("Actielijn 1") and items[2].section.startswith("Actielijn 2")
    assert wizard.next_button.text().replace("&", "") == "Importeren (3)"
    QApplication.processEvents()
    wizard.grab().save(str(ARTIFACTS / "import_rows.png"))
    wizard.go_back()
    assert wizard.page() == ImportWizard.PAGE_STATUSES
    step(qtbot, wizard)
    assert wizard.page() == ImportWizard.PAGE_ROWS

    apply_and_wait(qtbot, wizard)
    assert wizard.result.created == 3 and not messages[1:]
    with db.session() as session:
        assert session.scalar(select(func.count(ActionItem.id))) == count_before + 3
        created = {
            a.text: a for a in session.scalars(select(ActionItem).where(ActionItem.text.in_([i.text for i in items])))
        }
    assert created["Folder voor scholen"].deadline == date(2026, 9, 1)
    assert created["Folder voor scholen"].status is ActionStatus.DONE
    assert created["Werkbezoek Zorg- en Veiligheidshuis"].status is ActionStatus.ON_HOLD
    assert created["Werkbezoek Zorg- en Veiligheidshuis"].deadline_text == "Q4 2026"
    assert changes and changes[0].actions


@pytest.mark.parametrize("name", ["not_a_zip.xlsx", "old_format.xls", "no_header.xlsx"])
def test_unusable_files_get_a_clear_message(qtbot, db, tmp_path, messages, name):
    if not (CORPUS / name).exists():
        pytest.skip(f"{name} not in the corpus")
    wizard = open_wizard(qtbot, db, CORPUS / name, [])
    assert wizard.page() == ImportWizard.PAGE_READING
    assert messages and messages[-1] in wizard.reading_label.text()
    assert "kan niet worden ingelezen" in wizard.reading_label.text()
    assert not wizard.next_button.isVisible()


def test_menu_entry_asks_for_a_file(qtbot, tmp_path, messages, monkeypatch):
    from test_ui_sample_data import sample_window

    window = sample_window(qtbot, tmp_path)
    source = hand_kept_list(tmp_path / "lijst.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    assert window.import_action_list() is None  # no file chosen: nothing opens
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), "")))
    wizard = window.import_action_list()
    assert isinstance(wizard, ImportWizard)
    qtbot.waitUntil(lambda: wizard.page() == ImportWizard.PAGE_MAPPING, timeout=10_000)
    wizard.close()
    window.database.read_only = True  # as when a second instance opened it read-only
    assert open_import_wizard(window) is None and "alleen-lezen" in messages[-1]
    window.database.close()


def test_existing_list_updates_existing_numbers_and_attaches_to_a_series(qtbot, db, tmp_path: Path):
    """A hand-kept list naming an action that exists: the rows page says it is updated, no duplicate is made."""
    from ghnt_desktop.models import Meeting, MeetingSeries
    from ghnt_desktop.ui.import_wizard import ListItemModel

    with db.session() as session:
        existing = session.scalar(select(ActionItem).where(ActionItem.status == ActionStatus.NOT_STARTED))
        number, text = existing.number, existing.text
        series = session.scalar(
            select(MeetingSeries).join(Meeting, Meeting.series_id == MeetingSeries.id).where(Meeting.date <= TODAY)
        )
        series_name = series.name
        before = session.scalar(select(func.count(ActionItem.id)))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Nr.", "Actiepunt", "Trekker", "Status"])
    ws.append([number, text, "", "Doorgeschoven"])
    ws.append(["LIJST-1", "Een nieuwe actie uit de eigen lijst", "", "Loopt"])
    path = tmp_path / "eigen.xlsx"
    wb.save(path)
    wizard = open_wizard(qtbot, db, path, [])
    assert wizard.page() == wizard.PAGE_MAPPING
    wizard.series_combo.setCurrentIndex(wizard.series_combo.findText(series_name))
    step(qtbot, wizard)  # statuses
    step(qtbot, wizard)  # rows
    model = wizard.list_model
    states = {model.row_at(r).number: model.data(model.index(r, ListItemModel.STATE)) for r in range(model.rowCount())}
    assert states == {number: "bestaat al: wordt bijgewerkt", "LIJST-1": "nieuw"}
    assert "uitgesteld" in model.data(model.index(0, ListItemModel.STATUS))
    step(qtbot, wizard)  # Importeren
    assert wizard.page() == wizard.PAGE_DONE
    with db.session() as session:
        assert session.scalar(select(func.count(ActionItem.id))) == before + 1
        updated = session.scalar(select(ActionItem).where(ActionItem.number == number))
        assert updated.status is ActionStatus.NOT_STARTED and updated.times_postponed >= 1  # stays open as it was
        new = session.scalar(select(ActionItem).where(ActionItem.number == "LIJST-1"))
        assert new.origin_meeting_id is not None
