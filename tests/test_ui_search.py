"""Zoeken: type in the search window, see hits from minutes, decisions and actions, open one."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from ghnt_desktop.models import ActionItem, Decision, Meeting
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.itemmodels.base import ROW_ROLE
from ghnt_desktop.ui.mainwindow import MainWindow

TODAY = date(2026, 11, 22)
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def demo_file(demo_database):
    return demo_database(TODAY)


@pytest.fixture
def window(qtbot, tmp_path, demo_file):
    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    win = MainWindow(Settings.at_path(tmp_path / "s.ini"), today=lambda: TODAY)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.open_database_file(path)
    return win


def search_for(qtbot, window, text):
    window.search_action.trigger()
    dialog = window.search_dialog
    dialog.field.setText(text)
    qtbot.waitUntil(lambda: dialog.count_label.text() != "", timeout=3000)
    return dialog


def test_a_decision_is_found_and_opens_its_meeting(qtbot, window):
    with window.database.session() as session:
        decision = session.scalars(select(Decision).order_by(Decision.number)).first()
        meeting_title = session.scalar(select(Meeting.title).where(Meeting.id == decision.meeting_id))
        word = max(decision.text.split(), key=len).strip(".,:;()")
    dialog = search_for(qtbot, window, f"{decision.number} {word}")
    hits = [dialog.model.index(r, 0).data(ROW_ROLE) for r in range(dialog.model.rowCount())]
    assert hits and hits[0].kind == "decision" and hits[0].id == decision.id
    assert dialog.model.index(0, dialog.model.MEETING).data() == meeting_title
    dialog.resize(1000, 500)
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "search.png"))
    dialog.open_hit(hits[0])
    assert window.current_page().key == "meetings"
    assert window.page("meetings").selected_meeting().id == decision.meeting_id


def test_an_action_item_opens_in_acties_even_behind_a_filter(qtbot, window):
    with window.database.session() as session:
        action = session.scalars(select(ActionItem).order_by(ActionItem.number)).first()
    actions = window.page("actions")
    actions.search_edit.setText("zzz-niets")
    actions.apply_filter()
    dialog = search_for(qtbot, window, action.number)
    hit = next(
        dialog.model.index(r, 0).data(ROW_ROLE)
        for r in range(dialog.model.rowCount())
        if dialog.model.index(r, 0).data(ROW_ROLE).kind == "action_item"
    )
    assert hit.id == action.id
    dialog.open_hit(hit)
    assert window.current_page().key == "actions"
    assert actions.selected_action().id == action.id.hex


def test_nothing_found_says_so(qtbot, window):
    dialog = search_for(qtbot, window, "qqqxyzzy")
    assert dialog.model.rowCount() == 0
    assert dialog.count_label.text() == "Niets gevonden."


def test_search_runs_off_the_gui_thread_and_enter_opens_the_first_hit(qtbot, window, monkeypatch):
    import threading

    from PySide6.QtCore import Qt

    from ghnt_desktop.services import search as search_service

    threads = []
    real = search_service.search_results

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(search_service, "search_results", recording)
    with window.database.session() as session:
        decision = session.scalars(select(Decision).order_by(Decision.number)).first()
    window.search_action.trigger()
    dialog = window.search_dialog
    dialog.field.setText(decision.number)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # before the typing pause ran the search
    qtbot.waitUntil(lambda: window.current_page().key == "meetings", timeout=5000)
    assert window.page("meetings").selected_meeting().id == decision.meeting_id
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_every_kind_of_hit_has_its_english_name(ui_language):
    """Each kind services.search can return is in the dialog's list and translated (they showed in Dutch in the
    English interface: they were looked up in the "enums" context, which holds only the enum labels)."""
    from PySide6.QtCore import QCoreApplication

    from ghnt_desktop.services.search import LABELS
    from ghnt_desktop.ui.search_dialog import KIND_LABELS

    assert set(LABELS.values()) == set(KIND_LABELS)
    ui_language("en")
    english = {label: QCoreApplication.translate("SearchResultModel", label) for label in LABELS.values()}
    assert english["Agendapunt"] == "Agenda item" and english["Programma-actie"] == "Programme action"
    untranslated = [label for label, text in english.items() if text == label and label != "Indicator"]
    assert untranslated == []


@pytest.mark.parametrize("text", ["Veilig Thuis", "huiselijk geweld", "werkgroep"])
def test_the_english_result_list_names_the_kinds_in_english(qtbot, window, ui_language, text):
    from ghnt_desktop.services.search import LABELS

    ui_language("en")
    dialog = search_for(qtbot, window, text)
    kinds = {dialog.model.index(r, dialog.model.KIND).data() for r in range(dialog.model.rowCount())}
    assert kinds, text
    assert not kinds & (set(LABELS.values()) - {"Indicator"}), kinds
