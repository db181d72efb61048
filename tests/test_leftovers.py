"""What killed backups, restores, migrations and lock writes leave behind is removed at the next start.

Each case kills a real child process (SIGKILL) in the middle of the work, checks that it did leave its
temporary files, and then opens the database the way the app does (``opening.open_for_editing``).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ghnt_desktop.backup import LEFTOVER_BACKUP_AGE, backup_dir, list_backups, remove_leftovers
from ghnt_desktop.db import open_database
from ghnt_desktop.opening import open_for_editing

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def run_killed(script: str) -> None:
    """Run ``script`` in a child that kills itself with SIGKILL where the script says ``die()``."""
    prelude = "import os, signal\ndef die(*_args):\n    os.kill(os.getpid(), signal.SIGKILL)\n"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(script)], env=env, timeout=120)
    assert result.returncode == -signal.SIGKILL


def fill(path: Path, rows: int = 3000) -> None:
    """A database bigger than one step of the backup API (1 MiB), so a copy can be killed half-way."""
    database = open_database(path)
    database.close()
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE ballast (tekst TEXT)")
    connection.executemany("INSERT INTO ballast VALUES (?)", [("verslag " * 100,)] * rows)
    connection.commit()
    connection.close()


def backdate(paths, seconds: float) -> None:
    moment = time.time() - seconds
    for path in paths:
        os.utime(path, (moment, moment))


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def open_and_close(path: Path) -> None:
    open_for_editing(path, backup=False).close()


def test_a_killed_restore_leaves_nothing_after_the_next_start(tmp_path):
    db_path = tmp_path / "ghnt.db"
    fill(db_path)
    backup = tmp_path / "kopie.db"
    fill(backup)
    db_path.unlink()  # a missing (or damaged) target is restored through a temporary file beside it
    run_killed(f"""
        from ghnt_desktop.backup import restore_backup
        restore_backup({str(backup)!r}, {str(db_path)!r}, progress=die)
    """)
    leftovers = [p for p in tmp_path.iterdir() if ".herstel-" in p.name]
    assert leftovers, names(tmp_path)
    open_and_close(db_path)
    assert not [p for p in tmp_path.iterdir() if ".herstel-" in p.name]


def test_a_killed_migration_leaves_nothing_after_the_next_start(tmp_path):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from ghnt_desktop import db as dbmod

    db_path = tmp_path / "oud.db"
    config = Config()
    config.set_main_option("script_location", str(Path(dbmod.__file__).parent / "migrations"))
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_initial")
    engine.dispose()
    run_killed(f"""
        from ghnt_desktop import db
        upgrade = db._alembic_upgrade
        def upgrade_then_die(engine):
            upgrade(engine)
            if any("migratie-bezig" in p for p in os.listdir({str(tmp_path)!r})):
                die()
        db._alembic_upgrade = upgrade_then_die
        db.open_database({str(db_path)!r})
    """)
    assert any("migratie-bezig" in name for name in names(tmp_path))
    open_and_close(db_path)  # migrates again, on a fresh copy
    assert not any("migratie-bezig" in name for name in names(tmp_path))
    assert any("voor-migratie" in name for name in names(tmp_path))  # the backups made before are kept


def test_a_killed_backup_is_removed_once_it_is_no_longer_written(tmp_path):
    db_path = tmp_path / "ghnt.db"
    fill(db_path)
    run_killed(f"""
        from ghnt_desktop.backup import make_backup
        make_backup({str(db_path)!r}, progress=die)
    """)
    temps = [p for p in backup_dir(db_path).iterdir() if p.name.endswith(".tmp") or ".tmp-" in p.name]
    assert temps
    # Right away it may be a copy 'ghnt-desktop backup' (which takes no lock) is still writing: kept.
    open_and_close(db_path)
    assert all(p.exists() for p in temps)
    backdate(temps, LEFTOVER_BACKUP_AGE + 60)
    open_and_close(db_path)
    assert not [p for p in backup_dir(db_path).iterdir() if ".tmp" in p.name]
    assert list_backups(db_path) == []  # the half copy was never listed as a backup


def test_lock_temporaries_of_a_killed_instance_are_removed(tmp_path):
    db_path = tmp_path / "ghnt.db"
    open_database(db_path).close()
    temp = tmp_path / "ghnt.db.lock.1a2b3c4d.tmp"
    aside = tmp_path / "ghnt.db.lock.stale-5e6f7a8b"
    other = tmp_path / "andere.db.lock.1a2b3c4d.tmp"  # another database's: not ours to remove
    for path in (temp, aside, other):
        path.write_text("{}")
    open_and_close(db_path)
    assert temp.exists() and aside.exists()  # perhaps another instance writing its lock this second
    backdate([temp, aside, other], 120)
    removed = remove_leftovers(db_path)
    assert set(removed) == {temp, aside}
    assert other.exists()


def test_looking_for_leftovers_never_raises(tmp_path):
    assert remove_leftovers(tmp_path / "bestaat-niet" / "ghnt.db") == []
