"""The first start without the demo: choose "Nieuwe regio", paste the municipalities, get an empty ready database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from ghnt_desktop.models import (
    ActionItem,
    Meeting,
    MeetingSeries,
    Organisation,
    OrganisationKind,
    ProgrammeAction,
    Section,
)
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.mainwindow import MainWindow
from ghnt_desktop.ui.new_region import NewRegionDialog, StartChoiceDialog

ARTIFACTS = Path(__file__).parent / "artifacts"
PASTED = """• Alblasserdam
• Dordrecht
• Gorinchem
• Hardinxveld-Giessendam
• Hendrik-Ido-Ambacht
• Molenlanden
• Papendrecht
• Sliedrecht
• Zwijndrecht
"""


@pytest.fixture
def window(qtbot, tmp_path):
    window = MainWindow(Settings.at_path(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.database is not None:
        window.database.close()


def fill(dialog: NewRegionDialog, qtbot) -> None:
    qtbot.keyClicks(dialog.region, "Zuid-Holland Zuid")
    qtbot.keyClicks(dialog.programme_title, "Regiovisie GHNT ZHZ")
    dialog.start.set_year(2020)
    dialog.end.set_year(2023)
    dialog.municipalities.edit.setFocus()
    QApplication.clipboard().setText(PASTED)
    dialog.municipalities.edit.paste()
    dialog.partners.edit.setPlainText("Veilig Thuis ZHZ, Politie Zuid-Holland-Zuid, GGD ZHZ")


def when_shown(kind, act, qtbot):
    """Run ``act(dialog)`` on the next modal dialog of ``kind`` once it is shown."""
    done = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            done.append(dialog)
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return done


def test_first_start_new_region_gives_an_empty_ready_database(window, qtbot, tmp_path):
    path = tmp_path / "zhz.db"

    def choose_new(choice: StartChoiceDialog) -> None:
        def fill_and_create(dialog: NewRegionDialog) -> None:
            fill(dialog, qtbot)
            assert dialog.municipalities.count.text() == "9 gemeenten gelezen"
            assert dialog.partners.count.text() == "3 ketenpartners gelezen"
            ARTIFACTS.mkdir(exist_ok=True)
            dialog.grab().save(str(ARTIFACTS / "new_region_dialog.png"))
            dialog.accept()

        when_shown(NewRegionDialog, fill_and_create, qtbot)
        choice.new_button.click()

    when_shown(StartChoiceDialog, choose_new, qtbot)
    assert window.open_start_database(path, ask=True)
    assert window.database is not None and window.database.path == path
    with window.database.session() as session:
        assert session.scalar(select(func.count()).select_from(Section)) == 3
        names = set(session.scalars(select(Organisation.name).where(Organisation.kind == OrganisationKind.GEMEENTE)))
        assert "Gemeente Dordrecht" in names and len(names) == 9
        assert session.scalar(select(func.count()).select_from(MeetingSeries)) == 2
        for model in (ProgrammeAction, ActionItem, Meeting):
            assert session.scalar(select(func.count()).select_from(model)) == 0
    window.show_page("programme")
    page = window.page("programme")
    assert page.model.counts()  # the tree shows the three actielijnen, ready for ambities
    window.grab().save(str(ARTIFACTS / "new_region_programme_page.png"))
    window.show_page("overview")
    window.grab().save(str(ARTIFACTS / "new_region_overview.png"))


def test_a_wrong_answer_keeps_the_dialog_open_with_a_dutch_message(qtbot):
    dialog = NewRegionDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, qtbot)
    dialog.end.set_year(2010)
    dialog.accept()
    assert dialog.isVisible() and dialog.spec is None
    assert "eindjaar" in dialog.error.text()
    dialog.end.set_year(2024)
    dialog.own.setChecked(True)
    dialog.accept()
    assert "eigen actielijnen" in dialog.error.text()
    dialog.own_lines.setPlainText("- Visie\n- Eerder in beeld\n- Nazorg")
    dialog.accept()
    assert dialog.spec is not None and dialog.spec.actielijnen == ("Visie", "Eerder in beeld", "Nazorg")


def test_choosing_the_demo_makes_the_demo(window, qtbot, tmp_path):
    when_shown(StartChoiceDialog, lambda choice: choice.demo_button.click(), qtbot)
    assert window.open_start_database(tmp_path / "demo.db", ask=True)
    with window.database.session() as session:
        assert session.scalar(select(func.count()).select_from(ProgrammeAction)) > 50


def test_without_asking_the_demo_is_made_as_before(window, tmp_path):
    assert window.open_start_database(tmp_path / "demo.db")
    with window.database.session() as session:
        assert session.scalar(select(func.count()).select_from(ProgrammeAction)) > 50
