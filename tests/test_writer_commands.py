"""Command-line commands that write take the app's lock: under an open app they refuse and change nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from ghnt_desktop.backup import make_backup
from ghnt_desktop.cli import main
from ghnt_desktop.db import open_database
from ghnt_desktop.filelock import acquire, lock_path
from ghnt_desktop.models import ActionItem


def action_list(path: Path) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["Nr", "Actie", "Trekker", "Deadline", "Status"])
    sheet.append(["1", "Werkafspraken meldcode vastleggen", "GGD", "1 juni 2025", "Loopt"])
    sheet.append(["2", "Scholing aandachtsfunctionarissen", "Veilig Thuis", "Q3 2025", "Niet gestart"])
    wb.save(path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "ghnt.db"
    open_database(path).close()
    return path


def count_actions(path: Path) -> int:
    database = open_database(path, read_only=True)
    try:
        with database.read_session() as session:
            return session.scalar(select(func.count(ActionItem.id)))
    finally:
        database.close()


def writing_commands(tmp_path: Path, db_path: Path) -> dict[str, list[str]]:
    backup = make_backup(db_path).path
    return {
        "import": ["import", "actielijst", str(action_list(tmp_path / "lijst.xlsx")), "--db", str(db_path)],
        "import programma": ["import", "programma", str(action_list(tmp_path / "programma.xlsx")), "--db",
                             str(db_path), "--title", "Programma"],
        "demo --force": ["demo", "--force", "--db", str(db_path)],
        "restore": ["restore", str(backup), "--db", str(db_path)],
    }


@pytest.mark.parametrize("command", ["import", "import programma", "demo --force", "restore"])
def test_a_writing_command_refuses_while_the_app_has_the_file(tmp_path, db_path, capsys, command):
    argv = writing_commands(tmp_path, db_path)[command]
    before = digest(db_path)
    with acquire(db_path, user="anna", machine="LAPTOP-ANNA"):  # the app on another laptop
        code = main(argv)
        out = capsys.readouterr().out
        assert code != 0
        assert out.startswith("Fout: ") and "Traceback" not in out
        assert "anna op LAPTOP-ANNA" in out and "niets gewijzigd" in out
        assert digest(db_path) == before
        assert lock_path(db_path).exists()  # the app's lock is left alone
    assert count_actions(db_path) == 0


@pytest.mark.parametrize("command", ["import", "demo --force", "restore"])
def test_the_same_command_runs_when_nobody_has_the_file(tmp_path, db_path, capsys, command):
    argv = writing_commands(tmp_path, db_path)[command]
    assert main(argv) == 0, capsys.readouterr().out
    assert not lock_path(db_path).exists()  # the command's own lock is released


def test_scale_refuses_a_locked_new_file(tmp_path, capsys):
    path = tmp_path / "schaal.db"
    with acquire(path, user="anna", machine="LAPTOP-ANNA"):
        assert main(["scale", "--years", "1", "--db", str(path)]) == 2
    out = capsys.readouterr().out
    assert "anna op LAPTOP-ANNA" in out and not path.exists()


def test_a_dry_run_import_only_reads_and_needs_no_lock(tmp_path, db_path, capsys):
    argv = ["import", "actielijst", str(action_list(tmp_path / "lijst.xlsx")), "--db", str(db_path), "--dry-run"]
    with acquire(db_path, user="anna", machine="LAPTOP-ANNA"):
        assert main(argv) == 0
    assert "Proefdraai" in capsys.readouterr().out
    assert count_actions(db_path) == 0
