"""The programme import starts with the database's region (QA: the wizard's Regio field was empty).

``programme_scope.current_region`` over a table of databases (current programme with and without a region, an
older programme that names one, only the saved setting, nothing), the wizard's prefilled field that the user may
change, and the command line's default.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from programme_seeds.word import Table, WordDocument, responsibility
from PySide6.QtCore import Qt
from sqlalchemy import select

from ghnt_desktop.cli import main
from ghnt_desktop.models import AppSetting, Programme, ProgrammeStatus
from ghnt_desktop.services.programme_scope import CURRENT_KEY, current_region


def _programme(session, region, *, status=ProgrammeStatus.ACTIVE, year=2020):
    programme = Programme(
        region=region, title=f"Programma {year}", status=status, period_start=year,
        created_at=datetime(year, 1, 1, tzinfo=UTC),
    )  # fmt: skip
    session.add(programme)
    session.flush()
    return programme


@pytest.mark.parametrize(
    ("programmes", "current", "setting", "expected"),
    [
        ([], None, None, ""),
        ([], None, "Drenthe", "Drenthe"),
        ([("Groningen", 2020)], None, None, "Groningen"),
        ([(" Gooi  en Vechtstreek ", 2020)], None, None, "Gooi en Vechtstreek"),
        ([("Groningen", 2019), ("Drenthe", 2023)], 0, None, "Groningen"),  # the current one, not the newest
        ([("Groningen", 2019), ("", 2023)], 1, None, "Groningen"),  # current without region: the newest naming one
        ([("", 2019)], 0, "IJsselland", "IJsselland"),
        ([("", 2019)], 0, None, ""),
    ],
)
def test_current_region(session, programmes, current, setting, expected):
    made = [_programme(session, region, year=year) for region, year in programmes]
    if current is not None:
        session.add(AppSetting(key=CURRENT_KEY, value=str(made[current].id)))
    if setting is not None:
        session.add(AppSetting(key="region", value=setting))
    session.flush()
    assert current_region(session) == expected


def _docx(path):
    document = WordDocument("Actieprogramma 2027-2030")
    table = Table()
    table.heading("Eerder en beter in beeld")
    table.ambition(["Meldingen komen eerder binnen."], [(["- Werkafspraken maken (2027)"], responsibility(["VT"], []))])
    document.table(table)
    return document.save(path)


def test_the_wizard_starts_with_the_region_and_keeps_a_change(demo_window, tmp_path, qtbot, messages):
    from datetime import date

    window = demo_window(date(2026, 3, 2))
    with window.database.read_session() as session:
        region = current_region(session)
    assert region  # the demo names its region
    wizard = window.import_programme(_docx(tmp_path / "nieuw.docx"))
    assert wizard.region_edit.text() == region
    wizard.region_edit.setText("Regio Groningen-Noord")
    wizard._fill()  # a reread (columns, renamed parties) keeps what the user typed
    assert wizard.region_edit.text() == "Regio Groningen-Noord"
    wizard.go_next()
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == wizard.PAGE_DONE, messages
    with window.database.read_session() as session:
        assert session.get(Programme, wizard.result.programme_id).region == "Regio Groningen-Noord"


def test_the_command_line_defaults_to_the_region(tmp_path, capsys):
    from ghnt_desktop.db import open_database

    db = tmp_path / "regio.db"
    assert main(["new-region", "--db", str(db), "--region", "Drenthe", "--title", "Regiovisie"]) == 0
    assert main(["import", "programma", str(_docx(tmp_path / "p.docx")), "--db", str(db)]) == 0
    assert main(["import", "programma", str(_docx(tmp_path / "q.docx")), "--db", str(db), "--region", "Assen"]) == 0
    database = open_database(db, read_only=True)
    try:
        with database.read_session() as session:
            regions = session.scalars(select(Programme.region).order_by(Programme.created_at)).all()
    finally:
        database.close()
    assert regions == ["Drenthe", "Drenthe", "Assen"]
