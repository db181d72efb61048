"""One unreadable value in a row (written by another program, a damaged import) does not stop the app.

Each case writes one bad value straight into the demo database with sqlite3. ``ghnt-desktop check`` must
name the record; listing, exporting, backing up and every page of the main window must still work,
showing the record with a stand-in value.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from ghnt_desktop.backup import make_backup
from ghnt_desktop.cli import main as cli_main
from ghnt_desktop.db import open_database
from ghnt_desktop.models import ActionItem, ActionStatus, Meeting
from ghnt_desktop.models.types import BAD_DATE, TolerantEnum

TODAY = date(2026, 3, 1)

# (table, column, bad value, what check prints for it)
CASES = [
    ("meeting", "date", "gisteren", "geen datum"),
    ("meeting", "date", "2025-02-30", "geen datum"),
    ("meeting", "state", "verplaatst", "getoond als"),
    ("meeting", "kind", "", "getoond als"),
    ("action_item", "status", "bijna klaar", "getoond als 'Niet gestart'"),
    ("action_item", "deadline", "eind Q3", "geen datum"),
    ("action_item", "deadline", "2026-13-01", "geen datum"),
    ("action_item", "deadline", "2025-13-01", "geen datum"),  # sorts before today: a late action in SQL
    ("programme_action", "deadline_end", "2025-02-30", "geen datum"),
    ("action_item", "closed_on", 20250101, "geen datum"),
    ("action_item", "kind", "ACTIEPUNT", "getoond als"),
    ("programme_action", "status", "klaar?", "getoond als"),
    ("programme_action", "deadline_end", "morgen", "geen datum"),
    ("decision", "created_at", "kapot", "geen tijdstip"),
    ("attendance", "status", "misschien", "getoond als"),
    ("organisation", "kind", "vereniging", "getoond als"),
    ("agenda_item", "purpose", "zomaar", "getoond als"),
    ("progress_update", "date", "vorige week", "geen datum"),
    ("action_item", "text", b"Actie \xff\xfe kapot", "onleesbare tekens"),
    ("meeting", "title", b"Overleg \xc3(", "onleesbare tekens"),
    ("organisation", "name", b"\x80GGD", "onleesbare tekens"),
]


def spoil(path: Path, table: str, column: str, value, nth: int = 0) -> None:
    """Write ``value`` into ``column`` of the ``nth`` row of ``table``."""
    connection = sqlite3.connect(path)
    new = "CAST(? AS TEXT)" if isinstance(value, bytes) else "?"  # bytes: text that is not UTF-8
    row = f'(SELECT rowid FROM "{table}" ORDER BY rowid LIMIT 1 OFFSET {nth})'
    changed = connection.execute(f'UPDATE "{table}" SET "{column}" = {new} WHERE rowid = {row}', (value,)).rowcount
    connection.commit()
    connection.close()
    assert changed == 1


@pytest.mark.parametrize(("table", "column", "value", "shown"), CASES)
def test_check_names_the_record_and_list_export_backup_go_on(
    demo_database, tmp_path, capsys, table, column, value, shown
):
    path = demo_database(TODAY)
    spoil(path, table, column, value)

    assert cli_main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if f"{column} = " in line)
    assert shown in line
    if not isinstance(value, bytes):
        assert repr(str(value)) in line
    assert "pas ze in de app aan" in out

    assert cli_main(["list", "meetings", "--db", str(path)]) == 0
    assert cli_main(["export", "actielijst", "--db", str(path), "--out", str(tmp_path / "acties.xlsx")]) == 0
    assert cli_main(["export", "programma", "--db", str(path), "--out", str(tmp_path / "programma.docx")]) == 0
    assert make_backup(path).summary is not None


def test_models_load_bad_values_as_stand_ins_and_write_strictly(demo_database):
    path = demo_database(TODAY)
    spoil(path, "action_item", "status", "bijna klaar")
    spoil(path, "meeting", "date", "gisteren")
    database = open_database(path)
    try:
        with database.session() as session:
            statuses = session.query(ActionItem.status).all()
            assert all(isinstance(s, ActionStatus) for (s,) in statuses)
            assert BAD_DATE in {m.date for m in session.query(Meeting)}
        with pytest.raises(Exception, match="not among the defined enum values"):
            with database.session() as session:
                item = session.query(ActionItem).first()
                item.status = "bijna klaar"
                session.flush()
    finally:
        database.close()


def test_every_enum_column_is_tolerant():
    from ghnt_desktop.models import Base

    enum_columns = [c for t in Base.metadata.tables.values() for c in t.columns if hasattr(c.type, "enum_class")]
    assert not enum_columns, f"columns with SQLAlchemy's strict Enum: {enum_columns}"
    tolerant = [c for t in Base.metadata.tables.values() for c in t.columns if isinstance(c.type, TolerantEnum)]
    assert len(tolerant) >= 10


def test_every_page_opens_on_a_database_with_bad_values(qtbot, demo_database, tmp_path):
    from ghnt_desktop.settings import Settings
    from ghnt_desktop.ui.mainwindow import PAGE_KEYS, MainWindow

    path = demo_database(TODAY)
    for n, (table, column, value, _shown) in enumerate(CASES):
        spoil(path, table, column, value, nth=n)  # every case at once, each in its own row
    window = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(window)
    assert window.open_database_file(path)
    for key in PAGE_KEYS:
        window.show_page(key)
        assert window.current_page().key == key
    window.close()
