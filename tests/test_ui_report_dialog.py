"""The voortgangsrapportages dialog: create a report with its texts, export it to Word, undo an edit,
delete with undo, refused input, the Bestand menu entry and the export dialog's Bewerken button."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select
from test_ui_sample_data import TODAY, sample_window

from ghnt_desktop.exports.jobs import ExportRequest, run_export
from ghnt_desktop.models import ProgressReport
from ghnt_desktop.services.reports import get_report, list_reports
from ghnt_desktop.ui import report_dialog
from ghnt_desktop.ui.export_dialog import open_export_dialog
from ghnt_desktop.ui.report_dialog import ReportDialog

ARTIFACTS = Path(__file__).parent / "artifacts"

CONCLUSION = "De aanpak huiselijk geweld staat; 🙂 samenwerking met Veilig Thuis is versterkt."
OUTLOOK = "In 2025 ligt de nadruk op ouderenmishandeling\nen op de aanpak van femicide."


@pytest.fixture
def window(qtbot, tmp_path):
    win = sample_window(qtbot, tmp_path)
    yield win
    if win.database is not None:
        win.database.close()


@pytest.fixture
def messages(monkeypatch):
    """Every QMessageBox is answered at once (the first non-No button: Ja/Verwijderen); texts recorded."""
    shown: list[str] = []

    def fake_exec(box):
        shown.append(box.text())
        yes = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole]
        if yes:
            yes[0].click()
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def fill(dialog: ReportDialog, qtbot) -> None:
    qtbot.keyClicks(dialog.title_edit, "Voortgangsrapportage 2024")
    qtbot.keyClicks(dialog.reference_edit, "GHNT/2024/042")
    dialog.version_edit.setText("0.9")
    qtbot.keyClicks(dialog.report_date_edit, "15-12-2024")
    qtbot.keyClicks(dialog.contact_person_edit, "Fatima el Amrani")
    qtbot.keyClicks(dialog.contact_email_edit, "f.elamrani@regio.nl")
    qtbot.keyClicks(dialog.period_from_edit, "1-1-2024")
    qtbot.keyClicks(dialog.period_to_edit, "31-12-2024")
    dialog.introduction_edit.setPlainText("Deze rapportage beschrijft de voortgang van 2024.")
    dialog.conclusion_edit.setPlainText(CONCLUSION)
    dialog.outlook_edit.setPlainText(OUTLOOK)
    dialog.sources_edit.setPlainText("Monitor GHNT 2024\n\nJaarcijfers Veilig Thuis")


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_create_export_and_undo_an_edit(window, qtbot, messages, tmp_path):
    dialog = ReportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_report()
    fill(dialog, qtbot)
    assert dialog.save()
    assert messages == []
    report_id = dialog.current_id
    with window.database.session() as session:
        detail = get_report(session, report_id)
    assert (detail.title, detail.reference, detail.version) == ("Voortgangsrapportage 2024", "GHNT/2024/042", "0.9")
    assert (detail.report_date, detail.period_from, detail.period_to) == (
        date(2024, 12, 15),
        date(2024, 1, 1),
        date(2024, 12, 31),
    )
    assert detail.contact_email == "f.elamrani@regio.nl"
    assert detail.conclusion == CONCLUSION and detail.outlook == OUTLOOK
    assert detail.sources == ("Monitor GHNT 2024", "Jaarcijfers Veilig Thuis")
    assert detail.programme_id is not None  # the running programme
    assert dialog.programme_combo.currentData() == detail.programme_id  # shown again after saving
    assert dialog.report_list.currentItem().data(Qt.ItemDataRole.UserRole) == report_id

    ARTIFACTS.mkdir(exist_ok=True)
    dialog.resize(960, 720)
    dialog.grab().save(str(ARTIFACTS / "report_dialog.png"))

    out = tmp_path / "voortgang.docx"
    run_export(window.database, ExportRequest(kind="voortgang", out=out, report_id=report_id, today=TODAY))
    text = docx_text(out)
    assert "GHNT/2024/042" in text
    assert CONCLUSION in text
    assert "In 2025 ligt de nadruk op ouderenmishandeling" in text

    # An edit of the outlook, then undo through the window's stack.
    dialog.outlook_edit.setPlainText("Nieuw vooruitzicht")
    assert dialog.save()
    with window.database.session() as session:
        assert get_report(session, report_id).outlook == "Nieuw vooruitzicht"
    window.undo_stack.undo()
    with window.database.session() as session:
        assert get_report(session, report_id).outlook == OUTLOOK
    window.undo_stack.redo()
    with window.database.session() as session:
        assert get_report(session, report_id).outlook == "Nieuw vooruitzicht"
    # Undo of the edit and of the creation: the report is gone.
    window.undo_stack.undo()
    window.undo_stack.undo()
    with window.database.session() as session:
        assert session.scalar(select(func.count()).where(ProgressReport.id == report_id)) == 0


def test_bad_input_is_refused_with_a_dutch_message_and_nothing_saved(window, qtbot, messages):
    dialog = ReportDialog(window)
    qtbot.addWidget(dialog)
    dialog.new_report()
    with window.database.session() as session:
        before = len(list_reports(session))
    assert not dialog.save()
    assert messages[-1] == "De titel mag niet leeg zijn."
    dialog.title_edit.setText("Rapport")
    dialog.period_from_edit.setText("31-12-2024")
    dialog.period_to_edit.setText("1-1-2024")
    assert not dialog.save()
    assert "na het einde" in messages[-1]
    dialog.period_to_edit.setText("30 juni")
    assert not dialog.save()
    assert '"30 juni" is geen datum' in messages[-1]
    dialog.period_to_edit.clear()
    dialog.contact_email_edit.setText("geen adres")
    assert not dialog.save()
    assert "geen geldig e-mailadres" in messages[-1]
    with window.database.session() as session:
        assert len(list_reports(session)) == before
    assert window.undo_stack.count() == 0


def test_delete_asks_and_undo_puts_it_back(window, qtbot, messages):
    dialog = ReportDialog(window)
    qtbot.addWidget(dialog)
    dialog.new_report()
    dialog.title_edit.setText("Weg te gooien")
    dialog.conclusion_edit.setPlainText("Blijft bewaard na ongedaan maken")
    assert dialog.save()
    report_id = dialog.current_id
    dialog.delete_report()
    assert messages[-1] == 'Rapportage "Weg te gooien" verwijderen?'
    with window.database.session() as session:
        assert report_id not in {r.id for r in list_reports(session)}
    listed = [dialog.report_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.report_list.count())]
    assert report_id not in listed
    window.undo_stack.undo()
    with window.database.session() as session:
        assert get_report(session, report_id).conclusion == "Blijft bewaard na ongedaan maken"


def test_menu_entry_and_export_dialog_button_open_the_dialog(window, qtbot, monkeypatch, messages):
    opened: list[ReportDialog] = []

    def fake_exec(dialog):
        opened.append(dialog)
        dialog.new_report()
        dialog.title_edit.setText("Uit het menu" if len(opened) == 1 else "Uit het exportvenster")
        assert dialog.save()
        return 0

    monkeypatch.setattr(report_dialog.ReportDialog, "exec", fake_exec)
    window.reports_action.trigger()
    assert len(opened) == 1 and opened[0].parent() is window

    export = open_export_dialog(window, kind="voortgang")
    qtbot.addWidget(export)
    assert export.report_edit_button.isVisible() and export.report_edit_button.isEnabled()
    first = export.report_combo.itemData(1)
    assert first is not None and export.report_combo.itemText(1) == "Uit het menu"
    export.report_combo.setCurrentIndex(1)
    labels_before = export.report_combo.count()
    export.report_edit_button.click()
    assert len(opened) == 2 and opened[1].parent() is export
    assert export.report_combo.count() == labels_before + 1
    assert export.report_combo.currentData() == first  # the choice is kept
    labels = [export.report_combo.itemText(i) for i in range(export.report_combo.count())]
    assert "Uit het exportvenster" in labels
    export.close()


def test_short_title_and_narrative_of_an_ambition_are_edited_kept_and_written(window, qtbot, messages, tmp_path):
    from ghnt_desktop.services.reports import part_key

    dialog = ReportDialog(window)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    dialog.new_report()
    qtbot.keyClicks(dialog.title_edit, "Rapportage met toelichting")
    dialog.tabs.setCurrentIndex(2)
    outline = dialog._outline
    ambitions = [e for e in outline if e.kind == "ambition"]
    lines = [e for e in outline if e.level == 1]
    assert ambitions and lines, "the sample programme has actielijnen with ambitions"
    ambition = ambitions[0]
    dialog.select_part(ambition.id)
    assert dialog.current_entry() == ambition
    # The default short title is offered as a hint, not as text the user must delete.
    assert dialog.part_title_edit.placeholderText() == ambition.default_title
    assert dialog.part_title_edit.text() == ""
    qtbot.keyClicks(dialog.part_title_edit, "Samenwerken rond veiligheid")
    qtbot.keyClicks(dialog.part_narrative_edit, "De werkgroep is drie keer bijeen geweest [1].")
    assert dialog.part_tree.currentItem().text(0) == "Samenwerken rond veiligheid"
    # Another part is left out by a choice in the dialog.
    other = ambitions[1] if len(ambitions) > 1 else lines[-1]
    dialog.select_part(other.id)
    assert dialog.part_title_edit.text() == ""  # the editor shows the chosen part, not the last one
    dialog.part_omit_check.setChecked(True)
    assert dialog.part_tree.currentItem().font(0).strikeOut()
    dialog.tabs.setCurrentIndex(1)
    dialog.sources_edit.setPlainText("https://www.augeo.nl/nl-nl/handle-with-care")
    dialog.other_activities_edit.setPlainText("De klankbordgroep is driemaal bijeen geweest.")
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "report_dialog_texts.png"))
    dialog.tabs.setCurrentIndex(2)
    dialog.select_part(ambition.id)
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "report_dialog_parts.png"))
    assert dialog.save()
    assert messages == []

    report_id = dialog.current_id
    with window.database.session() as session:
        detail = get_report(session, report_id)
    assert detail.text(part_key("ambition", ambition.id, "title")) == "Samenwerken rond veiligheid"
    narrative = detail.text(part_key("ambition", ambition.id, "narrative"))
    assert narrative == "De werkgroep is drie keer bijeen geweest [1]."
    assert detail.text(part_key(other.kind, other.id, "omit")) == "1"
    assert detail.text("other_activities") == "De klankbordgroep is driemaal bijeen geweest."
    # Shown again after saving: the edited title, and the narrative when the part is chosen.
    dialog.select_part(ambition.id)
    assert dialog.part_title_edit.text() == "Samenwerken rond veiligheid"

    out = tmp_path / "voortgang.docx"
    run_export(window.database, ExportRequest(kind="voortgang", out=out, report_id=report_id, today=TODAY))
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Samenwerken rond veiligheid" in headings
    assert other.default_title not in headings
    text = docx_text(out)
    assert "De werkgroep is drie keer bijeen geweest." in text  # "[1]" became a footnote mark
    from ghnt_desktop.exports.docx_footnotes import footnote_texts

    assert list(footnote_texts(document).values()) == ["https://www.augeo.nl/nl-nl/handle-with-care"]

    # Undo puts the texts back as they were (none).
    dialog.select_part(ambition.id)
    dialog.part_title_edit.setText("Tweede titel")
    assert dialog.save()
    window.undo_stack.undo()
    with window.database.session() as session:
        assert get_report(session, report_id).text(part_key("ambition", ambition.id, "title")) == (
            "Samenwerken rond veiligheid"
        )


def test_the_figures_chapter_can_be_left_out_and_the_choice_is_kept(window, qtbot, messages):
    from ghnt_desktop.services import indicators as ind
    from ghnt_desktop.services.progress_report import progress_report_document

    with window.database.session() as session:
        ind.create_indicator(session, name="Meldingen bij Veilig Thuis", baseline_value="1.620")
        ind.set_measurement(session, ind.find_indicator(session, "Meldingen bij Veilig Thuis"),
                            ind.Period(2024), value="1.700")  # fmt: skip
    dialog = ReportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_report()
    fill(dialog, qtbot)
    assert dialog.save()
    report_id = dialog.current_id

    def figures():
        with window.database.session() as session:
            return progress_report_document(session, report_id=report_id, today=TODAY).figures

    assert figures() is not None  # by default the report has its Cijfers chapter
    dialog.figures_omit_check.setFocus()
    qtbot.keyClick(dialog.figures_omit_check, Qt.Key.Key_Space)
    assert dialog.save()
    with window.database.session() as session:
        assert get_report(session, report_id).texts.get("figures_omit") == "1"
    assert figures() is None
    # Opened again, the box is still ticked; undo brings the chapter back.
    dialog.new_report()
    items = [dialog.report_list.item(i) for i in range(dialog.report_list.count())]
    dialog.report_list.setCurrentItem(next(i for i in items if i.data(Qt.ItemDataRole.UserRole) == report_id))
    assert dialog.figures_omit_check.isChecked()
    window.undo_stack.undo()
    assert figures() is not None
    assert messages == []
