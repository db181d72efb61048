"""Bestand > Programma importeren driven as a user: a Word table read into the preview tree, a name corrected
and rows unticked, an organisation declined, imported, and taken back with Ongedaan maken; an Excel list
with its column mapping; a file that is no programme gets its Dutch message."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from programme_seeds.word import Para, Table, WordDocument, responsibility
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from ghnt_desktop.models import Organisation, Programme, ProgrammeAction, ProgrammeStatus
from ghnt_desktop.ui.programme_import_wizard import ProgrammeImportWizard, ProgrammeTreeModel

TODAY = date(2026, 3, 2)


def programme_docx(path: Path) -> Path:
    document = WordDocument("Actieprogramma Drenthe 2021-2024")
    document.paragraph("Actieprogramma Drenthe 2021-2024", style="Title")
    table = Table()
    table.heading("Eerder en beter in beeld")
    table.ambition(
        ["Er is in elke gemeente preventiebeleid.", "", "Zie paragraaf 3.1, blz. 12"],
        [
            (
                [Para("Inventariseren wat er is (klaar: maart 2021)", list_level=0),
                 Para("Plan van aanpak:", list_level=0), Para("scholen", list_level=1), Para("sport", list_level=1)],
                responsibility(["Alle gemeenten"], ["Projectleider GHNT", "Stichting Drentse Sport"]),
            )
        ],
    )  # fmt: skip
    table.heading("Stoppen en duurzaam oplossen")
    table.ambition(
        ["Veilig Thuis en de lokale teams werken samen."],
        [(["- Samenwerkingsafspraken maken (2021-2022)", "- Pilot MDA++ (najaar 2022)"],
          responsibility(["Alle gemeenten"], ["Veilig Thuis"]))],
    )  # fmt: skip
    document.table(table)
    return document.save(path)


def counts(window) -> tuple[int, int, int]:
    with window.database.read_session() as session:
        return (
            session.scalar(select(func.count(Programme.id))),
            session.scalar(select(func.count(ProgrammeAction.id))),
            session.scalar(select(func.count(Organisation.id))),
        )


def find(model: ProgrammeTreeModel, text: str):
    matches = model.findItems(text, Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive, 0)
    assert matches, text
    return matches[0]


def test_the_tree_model_is_a_sound_qt_model(qtmodeltester, tmp_path):
    from ghnt_desktop.imports.programme_docx import read_programme_docx

    model = ProgrammeTreeModel()
    model.set_draft(read_programme_docx(programme_docx(tmp_path / "drenthe.docx")))
    qtmodeltester.check(model)


def test_the_wizard_previews_corrects_imports_and_undoes(demo_window, tmp_path, qtbot, messages):
    window = demo_window(TODAY)
    before = counts(window)
    wizard = window.import_programme(programme_docx(tmp_path / "drenthe.docx"))
    assert isinstance(wizard, ProgrammeImportWizard)
    qtbot.waitExposed(wizard)
    assert wizard.stack.currentIndex() == wizard.PAGE_TREE  # a Word file has no column step
    assert wizard.title_edit.text() == "Actieprogramma Drenthe 2021-2024"
    model = wizard.tree_model
    assert model.rowCount() == 2 and model.item(0).text() == "Eerder en beter in beeld"
    ambition = model.item(0).child(0)
    assert ambition.text() == "Er is in elke gemeente preventiebeleid."
    assert model.item(0).child(0, ProgrammeTreeModel.TREKKERS).text() == "Projectleider GHNT; Stichting Drentse Sport"
    first_action = ambition.child(0)
    assert ambition.child(0, ProgrammeTreeModel.DEADLINE).text() == "klaar: maart 2021"
    assert ambition.child(0, ProgrammeTreeModel.PERIOD).text() == "01-03-2021 t/m 31-03-2021"
    assert ambition.child(1).child(1).text() == "sport"  # a sub-point under its action

    # Correct a text, untick an action and a sub-point, as a user does in the tree.
    first_action.setText("Inventariseren wat er al gebeurt")
    find(model, "Pilot MDA++").setCheckState(Qt.CheckState.Unchecked)
    ambition.child(1).child(0).setCheckState(Qt.CheckState.Unchecked)
    assert "3 acties en 1 subacties" in wizard.summary_label.text()
    if os.environ.get("GHNT_SCREENSHOTS"):
        wizard.screenshot.save(str(Path(os.environ["GHNT_SCREENSHOTS"]) / "programma_importeren_boom.png"))

    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == wizard.PAGE_PARTIES
    labels = [wizard.parties_table.item(r, 0).text() for r in range(wizard.parties_table.rowCount())]
    assert labels == ["Alle gemeenten", "Projectleider GHNT", "Stichting Drentse Sport", "Veilig Thuis"]
    veilig_thuis = wizard.parties_table.item(3, 1).text()
    assert veilig_thuis.startswith("Veilig Thuis")  # the demo's organisation, matched
    sport = wizard.create_boxes["stichting drentse sport"]
    assert sport.isChecked() and sport.isEnabled()
    assert not wizard.create_boxes["projectleider ghnt"].isChecked()  # a role stays text
    if os.environ.get("GHNT_SCREENSHOTS"):
        wizard.grab().save(str(Path(os.environ["GHNT_SCREENSHOTS"]) / "programma_importeren_organisaties.png"))
    sport.setChecked(False)  # the user keeps it as text
    wizard.region_edit.setText("Drenthe")
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == wizard.PAGE_DONE, messages
    assert "3 acties en 1 subacties" in wizard.done_label.text()
    assert counts(window) == (before[0] + 1, before[1] + 4, before[2])
    with window.database.read_session() as session:
        programme = session.get(Programme, wizard.result.programme_id)
        assert (programme.region, programme.status, programme.period_start) == (
            "Drenthe",
            ProgrammeStatus.CONCEPT,
            2021,
        )
        texts = set(session.scalars(select(ProgrammeAction.text).join(ProgrammeAction.ambition)).all())
        assert "Inventariseren wat er al gebeurt" in texts and "Pilot MDA++" not in texts

    window.undo_stack.undo()  # Bewerken > Ongedaan maken
    assert counts(window) == before
    window.undo_stack.redo()
    assert counts(window)[0] == before[0] + 1


def test_an_excel_list_goes_through_the_column_step(demo_window, tmp_path, qtbot, messages):
    import openpyxl

    window = demo_window(TODAY)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Actielijn", "Ambitie", "Acties", "Wie", "Opmerking"])
    sheet.append(["Eerder in beeld", "Preventie op orde", "Inventariseren (Q2 2021)", "GGD", "loopt"])
    sheet.append(["Eerder in beeld", "Preventie op orde", "Plan maken", "GGD", ""])
    path = tmp_path / "lijst.xlsx"
    workbook.save(path)
    wizard = window.import_programme(path)
    assert wizard.stack.currentIndex() == wizard.PAGE_COLUMNS
    combos = {wizard.columns_table.item(r, 0).text(): wizard.column_combos[r] for r in range(len(wizard.column_combos))}
    assert combos["E (Opmerking)"].currentData() == "note"
    combos["E (Opmerking)"].setCurrentIndex(combos["E (Opmerking)"].findData("ignore"))
    combos["C (Acties)"].setCurrentIndex(combos["C (Acties)"].findData("ignore"))
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert "Actie" in messages[-1] and wizard.stack.currentIndex() == wizard.PAGE_COLUMNS  # no action column
    combos["C (Acties)"].setCurrentIndex(combos["C (Acties)"].findData("text"))
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == wizard.PAGE_TREE
    ambition = wizard.tree_model.item(0).child(0)
    assert ambition.text() == "Preventie op orde" and ambition.rowCount() == 2
    assert wizard.tree_model.item(0).child(0, ProgrammeTreeModel.TREKKERS).text() == "GGD"


@pytest.mark.parametrize("content", [b"", b"%PDF-1.4 geen programma"])
def test_a_file_that_is_no_programme_gets_a_dutch_message(demo_window, tmp_path, messages, content):
    window = demo_window(TODAY)
    path = tmp_path / "programma.docx"
    path.write_bytes(content)
    assert window.import_programme(path) is None
    assert messages and ("leeg" in messages[-1] or "PDF" in messages[-1])


def test_the_menu_has_the_entry(demo_window):
    window = demo_window(TODAY)
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Pro&gramma importeren (Word of Excel)..." in texts
