"""The export dialog: every kind makes a file with the right title, the left-out message, cancel,
templates (saved per kind, a bad one refused), the default file name, Openen, and the menu entry."""

from __future__ import annotations

import shutil
import threading
import time
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sqlalchemy import select, update
from test_export_jobs import docx_title, held_meeting_with_decisions

from ghnt_desktop.db import open_database
from ghnt_desktop.exports import jobs
from ghnt_desktop.models import Decision, MeetingSeries
from ghnt_desktop.services import ValidationError
from ghnt_desktop.services import documents as docs
from ghnt_desktop.services.export_setup import export_choices
from ghnt_desktop.services.progress_report import progress_report_document
from ghnt_desktop.ui import worker
from ghnt_desktop.ui.export_dialog import ExportDialog, open_export_dialog, safe_file_name

demo = pytest.importorskip("ghnt_desktop.demo")

TODAY = date(2020, 11, 1)
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def demo_file(demo_database) -> Path:
    return demo_database(TODAY)


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path):
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_file, path)
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def messages(messages, monkeypatch):
    """The shared fixture (conftest.py), and every question answered Yes with its text recorded."""
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: messages.append(a[2]) or QMessageBox.StandardButton.Yes)
    )
    return messages


@pytest.fixture
def opened(monkeypatch):
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toLocalFile()) or True))
    return urls


def make_dialog(qtbot, database, **kwargs) -> ExportDialog:
    with database.session() as session:
        choices = export_choices(session)
    dialog = ExportDialog(database, choices, today=TODAY, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def run(qtbot, dialog: ExportDialog, out: Path):
    """Make the document into ``out`` and wait until the dialog has the result."""
    dialog.file_edit.setText(str(out))
    dialog._file_chosen = True
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000):
        assert dialog.start_export() is not None, "the dialog refused to start"
    assert not dialog.is_running()
    return dialog.outcome


def test_every_kind_makes_a_file_with_its_title(qtbot, demo_db, tmp_path, messages):
    meeting = held_meeting_with_decisions(demo_db)
    dialog = make_dialog(qtbot, demo_db, meeting_id=meeting.id)
    with demo_db.session() as session:
        programme_title = docs.programme_document(session, docs.find_programme_id(session)).title
        report_title = progress_report_document(session, today=TODAY).title
    made = []
    for entry in dialog.entries:
        dialog.set_kind(entry.kind, entry.format)
        if entry.kind in ("agenda", "verslag", "presentielijst"):
            dialog.select_meeting(meeting.id)
        assert dialog.entry() == entry
        out = tmp_path / f"{entry.kind}-{entry.format}.{entry.format}"
        outcome = run(qtbot, dialog, out)
        assert outcome is not None and outcome.path == out and out.exists(), (entry, messages)
        if entry.format == "docx":
            title = docx_title(out).casefold()
            wanted = {
                "programma": programme_title,
                "voortgang": report_title,
                "verslag": "verslag",
                "agenda": "agenda",
            }.get(entry.kind, entry.file_title)
            assert wanted.casefold() in title, (entry.kind, title)
        else:
            workbook = openpyxl.load_workbook(out)
            assert workbook.properties.title.startswith(entry.file_title), (entry.kind, workbook.properties.title)
        assert dialog.result_label.isVisible() and str(out) in dialog.result_label.text()
        made.append(out)
    # The dialog offers every Word kind and every Excel kind of the command line.
    from ghnt_desktop.exports.jobs import DOCX_KINDS, XLSX_KINDS

    assert {(e.kind, e.format) for e in dialog.entries} >= {(k, "docx") for k in DOCX_KINDS} | {
        (k, "xlsx") for k in XLSX_KINDS
    }
    assert len(made) == len(dialog.entries) and not messages


def test_left_out_message_and_screenshot(qtbot, demo_db, tmp_path, messages):
    meeting = held_meeting_with_decisions(demo_db)
    with demo_db.session() as session:
        ids = session.scalars(select(Decision.id).where(Decision.meeting_id == meeting.id).limit(2)).all()
        session.execute(update(Decision).where(Decision.id.in_(ids)).values(confidential=True))
        code = session.scalar(select(MeetingSeries.code).where(MeetingSeries.id == meeting.series_id))
    dialog = make_dialog(qtbot, demo_db, kind="verslag", meeting_id=meeting.id)
    assert not dialog.confidential_check.isChecked()  # unchecked by default
    assert dialog.default_file_name() == f"Verslag {code} {meeting.date.isoformat()}.docx"
    outcome = run(qtbot, dialog, tmp_path / "verslag.docx")
    assert outcome.left_out_count == len(ids)
    assert dialog.left_out_label.isVisible()
    assert f"{len(ids)} besluit" in dialog.left_out_label.text()
    assert dialog.open_button.isVisible()
    dialog.resize(700, dialog.sizeHint().height())
    ARTIFACTS.mkdir(exist_ok=True)
    QApplication.processEvents()
    dialog.grab().save(str(ARTIFACTS / "export_dialog.png"))

    dialog.confidential_check.setChecked(True)
    assert dialog.confidential_warning.isVisible()
    assert not dialog.left_out_label.isVisible()  # a changed choice clears the old result
    outcome = run(qtbot, dialog, tmp_path / "verslag-alles.docx")
    # Included: nothing left out, and the dialog warns that the document carries confidential content.
    assert outcome.left_out_count == 0 and outcome.included
    assert dialog.left_out_label.isVisible() and "vertrouwelijke" in dialog.left_out_label.text()
    assert "Weggelaten" not in dialog.left_out_label.text()


def test_open_and_folder_buttons(qtbot, demo_db, tmp_path, messages, opened):
    dialog = make_dialog(qtbot, demo_db, kind="besluitenlijst", file_format="xlsx")
    outcome = run(qtbot, dialog, tmp_path / "b.xlsx")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    dialog.open_folder()
    assert opened == [str(outcome.path), str(tmp_path)]


def test_cancel_stops_the_export_and_keeps_the_dialog(qtbot, demo_db, tmp_path, messages, monkeypatch):
    real = jobs.run_export
    started = threading.Event()
    threads: list[QThread] = []

    def slow_run_export(database, request, progress=None, cancelled=None):
        threads.append(QThread.currentThread())
        started.set()
        deadline = time.monotonic() + 10
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(database, request, progress, cancelled)

    monkeypatch.setattr(jobs, "run_export", slow_run_export)
    dialog = make_dialog(qtbot, demo_db, kind="actielijst")
    out = tmp_path / "actielijst.docx"
    dialog.file_edit.setText(str(out))
    task = dialog.start_export()
    assert started.wait(5) and dialog.is_running()
    assert threads[0] is not QApplication.instance().thread()  # off the GUI thread
    assert dialog.close_button.text() == "Annuleren" and not dialog.make_button.isEnabled()
    with qtbot.waitSignal(task.signals.cancelled, timeout=10_000):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running())
    assert dialog.isVisible()  # cancelling the export does not close the dialog
    assert "Afgebroken" in dialog.result_label.text()
    assert dialog.close_button.text() == "Sluiten" and dialog.make_button.isEnabled()
    assert not out.exists() and not messages


def test_template_choice_is_saved_and_a_bad_one_refused(qtbot, demo_db, tmp_path, messages, monkeypatch):
    good = tmp_path / "huisstijl.docx"
    docx.Document().save(good)
    bad = tmp_path / "kapot.docx"
    bad.write_text("dit is geen Word-bestand")
    picked = {"name": str(bad)}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (picked["name"], "")))
    dialog = make_dialog(qtbot, demo_db, kind="actielijst")
    dialog.choose_template()
    assert messages and "kapot.docx" in messages[-1] and "geen geldig Word-document" in messages[-1]
    with demo_db.session() as session:
        assert docs.template_setting(session, "actielijst") is None
    picked["name"] = str(good)
    dialog.choose_template()
    assert dialog.template_edit.text() == str(good)
    with demo_db.session() as session:
        assert docs.template_setting(session, "actielijst") == good
        assert docs.template_setting(session, "verslag") is None  # per kind
    # The template breaks later (overwritten): the export says so and writes nothing.
    good.write_text("nu kapot")
    messages.clear()
    out = tmp_path / "a.docx"
    run(qtbot, dialog, out)
    assert messages and "huisstijl.docx" in messages[-1] and "geen geldig Word-document" in messages[-1]
    assert not out.exists() and dialog.outcome is None
    dialog.reset_template()
    with demo_db.session() as session:
        assert docs.template_setting(session, "actielijst") is None
    assert run(qtbot, dialog, out) is not None and out.exists()


def test_save_dialog_and_suffix(qtbot, demo_db, tmp_path, messages, monkeypatch):
    asked: list[str] = []

    def save_name(parent, caption, proposed, filters):
        asked.append(proposed)
        return str(tmp_path / "mijn lijst"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    dialog = make_dialog(qtbot, demo_db, kind="actielijst", file_format="xlsx")
    assert Path(dialog.file_edit.text()).name == f"Actielijst {TODAY.isoformat()}.xlsx"
    dialog.organisation_combo.setCurrentIndex(1)
    organisation = dialog.organisation_combo.currentText().split(" (")[0]
    assert Path(dialog.file_edit.text()).name == safe_file_name(f"Actielijst {organisation} {TODAY.isoformat()}.xlsx")
    dialog.choose_file()
    assert asked and asked[0].endswith(".xlsx")
    assert dialog.output_path() == tmp_path / "mijn lijst.xlsx"
    dialog.set_kind("actielijst", "docx")  # a chosen name keeps, with the suffix of the new format
    assert dialog.output_path() == tmp_path / "mijn lijst.docx"
    assert safe_file_name('Verslag a/b: "c"?') == "Verslag a b c"


def test_existing_file_is_only_replaced_when_confirmed(qtbot, demo_db, tmp_path, monkeypatch):
    out = tmp_path / "b.xlsx"
    out.write_bytes(b"oud")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    dialog = make_dialog(qtbot, demo_db, kind="besluitenlijst", file_format="xlsx")
    dialog.file_edit.setText(str(out))
    assert dialog.start_export() is None and out.read_bytes() == b"oud"


def test_worker_reports_in_the_gui_thread(qtbot):
    seen: list[object] = []
    reports: list[tuple[int, int]] = []

    def work(progress, cancelled):
        for step in range(3):
            progress(step, 2)
        return QThread.currentThread()

    worker.start_task(
        work,
        progress=lambda d, t: reports.append((d, t)),
        succeeded=lambda result: seen.append((result, QThread.currentThread())),
    )
    qtbot.waitUntil(lambda: bool(seen))
    worker_thread, receiving_thread = seen[0]
    assert worker_thread is not QApplication.instance().thread()
    assert receiving_thread is QApplication.instance().thread()
    assert reports[0] == (0, 2) and reports[-1] == (2, 2)

    def fail(progress, cancelled):
        raise ValidationError("Dat kan niet.")

    failures: list[BaseException] = []
    worker.start_task(fail, failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert str(failures[0]) == "Dat kan niet."


def test_no_full_garbage_collection_while_tasks_run(qtbot):
    # A full collection holds the interpreter lock for as long as it scans the heap (85-233 ms measured
    # during an export of the scale database): while any task runs, only young objects are collected.
    import gc
    import threading

    before = gc.get_threshold()
    seen: list[tuple[int, ...]] = []
    release = threading.Event()

    def hold(progress, cancelled):
        seen.append(gc.get_threshold())
        release.wait(10)

    def quick(progress, cancelled):
        seen.append(gc.get_threshold())

    first = worker.start_task(hold)
    qtbot.waitUntil(lambda: len(seen) == 1)
    second = worker.start_task(quick)
    assert second.wait(10)
    assert gc.get_threshold()[2] == worker.NO_FULL_COLLECTION  # the first task still runs
    release.set()
    assert first.wait(10)
    qtbot.waitUntil(lambda: gc.get_threshold() == before)
    assert [threshold[:2] for threshold in seen] == [before[:2]] * 2  # young ones as usual
    assert [threshold[2] for threshold in seen] == [worker.NO_FULL_COLLECTION] * 2


def test_menu_entry_opens_the_dialog_for_the_selected_meeting(qtbot, tmp_path, messages):
    from test_ui_sample_data import sample_window

    window = sample_window(qtbot, tmp_path, show=True)
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    window.show_page("meetings")
    meetings = window.page("meetings")
    selected = meetings.selected_meeting()
    assert selected is not None
    dialog = window.make_document()
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    assert dialog.entry().kind == "verslag" and dialog.meeting_combo.currentData() == selected.id
    dialog.close()
    direct = open_export_dialog(window, kind="agenda", meeting_id=selected.id)
    assert direct.entry().kind == "agenda" and direct.meeting_combo.currentData() == selected.id
    direct.close()
    window.database.close()


def test_besluitenlijst_is_of_one_series_unless_all_are_chosen(qtbot, demo_db, tmp_path, messages):
    """Issue #22: the besluitenlijst starts on the afstemmingsoverleg; "Alle overlegreeksen" is a choice."""
    dialog = make_dialog(qtbot, demo_db)
    dialog.set_kind("besluitenlijst", "docx")
    assert dialog.series_combo.currentData() == dialog.choices.main_series_id is not None
    request = dialog.build_request()
    assert request.series_id == dialog.choices.main_series_id and not request.all_series
    dialog.series_combo.setCurrentIndex(0)
    assert dialog.build_request().all_series
    # The Excel besluitenlijst follows the same rule, and its sheet says which series it holds.
    dialog.set_kind("besluitenlijst", "xlsx")
    assert dialog.build_request().all_series and dialog.build_request().format == "xlsx"
    combo = dialog.series_combo  # findData compares a uuid by identity: look it up by value
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == dialog.choices.main_series_id))
    assert not dialog.build_request().all_series
    outcome = run(qtbot, dialog, tmp_path / "besluiten.xlsx")
    assert outcome is not None and outcome.kind == "besluitenlijst"
    import openpyxl

    title = openpyxl.load_workbook(tmp_path / "besluiten.xlsx")["Besluitenlijst"].cell(1, 1).value
    series_name = dialog.series_combo.currentText()
    assert title == f"Besluitenlijst {series_name}", title
    dialog.set_kind("jaaroverzicht", "docx")
    assert dialog.year_spin.isEnabled() and not dialog.year_check.isVisible()
    assert dialog.build_request().year == TODAY.year
    outcome = run(qtbot, dialog, tmp_path / "jaar.docx")
    assert outcome is not None and outcome.kind == "jaaroverzicht" and (tmp_path / "jaar.docx").exists()
