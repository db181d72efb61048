"""Opening, creating, refusing and migrating database files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.exc import OperationalError

from ghnt_desktop import db as dbmod
from ghnt_desktop.db import (
    DamagedDatabaseError,
    DatabaseTooNewError,
    NotADatabaseError,
    open_database,
)
from ghnt_desktop.migrations import HEAD, REVISIONS
from ghnt_desktop.models import Organisation, OrganisationKind


def test_revisions_list_matches_alembic_history():
    config = Config()
    config.set_main_option("script_location", str(Path(dbmod.__file__).parent / "migrations"))
    script = ScriptDirectory.from_config(config)
    history = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert history == REVISIONS
    assert script.get_current_head() == HEAD


def test_new_database_has_wal_foreign_keys_and_head(tmp_path):
    database = open_database(tmp_path / "new.db")
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
    database.close()


def test_session_rolls_back_on_error(database):
    with pytest.raises(RuntimeError):
        with database.session() as session:
            session.add(Organisation(name="Veilig Thuis", kind=OrganisationKind.KETENPARTNER))
            session.flush()
            raise RuntimeError("boom")
    with database.session() as session:
        assert session.query(Organisation).count() == 0


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_random_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "random.db"
    path.write_bytes(b"\x00\x01garbage" * 100)
    before = _bytes(path)
    with pytest.raises(NotADatabaseError) as info:
        open_database(path)
    assert "geen database" in str(info.value)
    assert _bytes(path) == before


def test_word_file_renamed_to_db_is_refused(tmp_path):
    path = tmp_path / "verslag.db"
    path.write_bytes(b"PK\x03\x04" + b"word/document.xml" * 20)
    with pytest.raises(NotADatabaseError):
        open_database(path)


def test_truncated_database_is_refused_and_untouched(tmp_path):
    source = tmp_path / "full.db"
    database = open_database(source)
    with database.session() as session:
        for i in range(300):
            session.add(Organisation(name=f"Organisatie {i}" + "x" * 200))
    database.close()
    data = source.read_bytes()
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises((DamagedDatabaseError, NotADatabaseError)):
        open_database(truncated)
    assert truncated.read_bytes() == data[: len(data) // 2]


def test_database_from_newer_version_is_refused(tmp_path):
    path = tmp_path / "newer.db"
    open_database(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num='9999_future'")
    before = _bytes(path)
    with pytest.raises(DatabaseTooNewError) as info:
        open_database(path)
    assert "nieuwere versie" in str(info.value)
    assert _bytes(path) == before


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE something (x)")
    with pytest.raises(NotADatabaseError):
        open_database(path)


def test_read_only_refuses_writes(tmp_path):
    path = tmp_path / "ro.db"
    open_database(path).close()
    database = open_database(path, read_only=True)
    with pytest.raises(OperationalError, match="readonly"):
        with database.session() as session:
            session.add(Organisation(name="X"))
    database.close()


@pytest.mark.parametrize("folder", ["Notulen #3", "vragen?", "100% zeker", "spaties en ë"])
def test_paths_with_url_characters_open_the_right_file(tmp_path, folder):
    path = tmp_path / folder / "ghnt.db"
    database = open_database(path)
    with database.session() as session:
        session.add(Organisation(name="GGD Groningen"))
    database.close()
    assert path.exists() and path.stat().st_size > 0
    assert sorted(p.name for p in path.parent.iterdir() if p.suffix == ".db") == ["ghnt.db"]
    reader = open_database(path, read_only=True)
    with reader.session() as session:
        assert [o.name for o in session.query(Organisation)] == ["GGD Groningen"]
    reader.close()
