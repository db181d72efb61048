"""The export dialog offers PDF/A for the Word kinds: the suffix follows the choice, the PDF is made in the
worker with progress, and without LibreOffice the choice says so and making it shows the Dutch message."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from test_ui_export_dialog import make_dialog, run

from ghnt_desktop.db import open_database
from ghnt_desktop.exports import pdf

pytest.importorskip("ghnt_desktop.demo")

TODAY = date(2020, 11, 1)


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


def test_pdf_is_offered_for_word_kinds_only_and_sets_the_suffix(qtbot, demo_db, tmp_path, messages):
    dialog = make_dialog(qtbot, demo_db, kind="actielijst", file_format="pdf")
    assert dialog.output_format() == "pdf" and dialog.entry().format == "docx"
    assert Path(dialog.file_edit.text()).suffix == ".pdf"
    assert dialog.build_request().file_format == "pdf"
    assert not dialog.output_combo.isHidden()
    dialog.file_edit.setText(str(tmp_path / "mijn lijst.pdf"))
    dialog._file_chosen = True
    dialog.output_combo.setCurrentIndex(dialog.output_combo.findData("docx"))
    assert dialog.output_path() == tmp_path / "mijn lijst.docx"
    dialog.set_kind("actielijst", "xlsx")
    assert dialog.output_format() == "xlsx" and dialog.output_path() == tmp_path / "mijn lijst.xlsx"
    assert dialog.output_combo.isHidden(), "an Excel list has no PDF choice"
    dialog.set_kind("verslag", "pdf")
    assert dialog.output_path() == tmp_path / "mijn lijst.pdf"


@pytest.mark.skipif(pdf.find_libreoffice() is None, reason="LibreOffice is not installed")
def test_dialog_makes_the_pdf_in_the_worker(qtbot, demo_db, tmp_path, messages):
    dialog = make_dialog(qtbot, demo_db, kind="actielijst", file_format="pdf")
    seen: list[tuple[int, int]] = []
    dialog.progress_bar.valueChanged.connect(lambda value: seen.append((value, dialog.progress_bar.maximum())))
    out = tmp_path / "actielijst.pdf"
    outcome = run(qtbot, dialog, out)
    assert outcome is not None and outcome.format == "pdf" and not messages
    assert out.read_bytes()[:5] == b"%PDF-"
    assert str(out) in dialog.result_label.text()
    assert seen and seen[-1][0] == seen[-1][1], "the bar reached its end"


def test_without_libreoffice_the_choice_says_so_and_nothing_is_written(qtbot, demo_db, tmp_path, messages, monkeypatch):
    monkeypatch.setattr(pdf, "find_libreoffice", lambda: None)
    dialog = make_dialog(qtbot, demo_db, kind="verslag", file_format="pdf")
    index = dialog.output_combo.findData("pdf")
    assert "LibreOffice niet gevonden" in dialog.output_combo.itemText(index)
    out = tmp_path / "verslag.pdf"
    run(qtbot, dialog, out)
    assert dialog.outcome is None and not out.exists()
    assert messages and "Installeer LibreOffice (gratis, libreoffice.org)" in messages[-1]
