"""The team database on PostgreSQL: addresses, connecting (and failing to), the one write lock, ``--db URL`` in the
commands, ``server init`` and ``server import`` (lossless, compared row by row independently of the import's own
check). Uses the throwaway cluster of ``postgres_server`` (skipped without PostgreSQL, failing under CI=true)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import uuid
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ghnt_desktop.cli import main
from ghnt_desktop.db import DatabaseError, ServerUnavailableError, open_database
from ghnt_desktop.engines import POSTGRESQL, SQLITE, ServerAddress, engine_for, is_server_url

# --- addresses (no server needed) ---

ADDRESSES = [
    ("postgresql://anna@db.regio.nl/ghnt", ServerAddress("db.regio.nl", 5432, "ghnt", "anna")),
    ("postgresql://anna@db.regio.nl:6543/ghnt_groningen", ServerAddress("db.regio.nl", 6543, "ghnt_groningen", "anna")),
    ("postgres://localhost/ghnt", ServerAddress("localhost", 5432, "ghnt", "")),
    ("postgresql://p%40rtner@10.0.0.5:5433/ghnt?sslmode=require",
     ServerAddress("10.0.0.5", 5433, "ghnt", "p@rtner", "require")),
    ("postgresql://anna@[::1]:5432/ghnt", ServerAddress("::1", 5432, "ghnt", "anna")),
    ("  POSTGRESQL://anna@host/ghnt  ", ServerAddress("host", 5432, "ghnt", "anna")),
]  # fmt: skip


@pytest.mark.parametrize(("url", "expected"), ADDRESSES)
def test_an_address_is_read_and_written_back_without_loss(url, expected):
    address = ServerAddress.parse(url)
    assert address == expected
    assert ServerAddress.parse(address.url) == address
    assert is_server_url(url) and engine_for(url) is POSTGRESQL


@pytest.mark.parametrize(
    "url",
    ["postgresql://anna@host:99999/ghnt", "postgresql://anna@host:poort/ghnt", "postgresql://a@h/db?sslmode=soms"],
)
def test_a_bad_address_gets_a_dutch_message(url):
    with pytest.raises(ValueError, match="poort|TLS"):
        ServerAddress.parse(url)
    with pytest.raises(DatabaseError):
        open_database(url)


@pytest.mark.parametrize("target", ["ghnt.db", Path("/tmp/x/postgresql.db"), "C:/Data/postgresql://x", "postgresql.db"])
def test_files_stay_files(target):
    assert engine_for(target) is SQLITE and not is_server_url(target)


@given(
    host=st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z]{2,5}){0,2}", fullmatch=True),
    port=st.integers(1, 65535),
    database=st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=20),
    user=st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=20),
    tls=st.sampled_from(["prefer", "require", "verify-full", "disable"]),
)
def test_any_address_survives_its_url(host, port, database, user, tls):
    address = ServerAddress(host, port, database.strip("/") or "ghnt", user, tls)
    assert ServerAddress.parse(address.url) == address


def test_a_password_in_the_url_is_refused_on_the_command_line(capsys):
    with pytest.raises(SystemExit):
        main(["list", "meetings", "--db", "postgresql://anna:geheim@host/ghnt"])
    assert "wachtwoord" in capsys.readouterr().err


# --- connecting to a real server ---


def test_a_wrong_password_is_named(postgres_server):
    with pytest.raises(ServerUnavailableError) as caught:
        open_database(postgres_server.fresh_database(), password="niet-het-wachtwoord")
    assert caught.value.reason == "password"
    assert "wachtwoord klopt niet" in str(caught.value)


def test_no_password_at_all_is_a_wrong_password(postgres_server, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    with pytest.raises(ServerUnavailableError) as caught:
        open_database(postgres_server.fresh_database())
    assert caught.value.reason == "password"


def test_a_stopped_server_is_named_and_the_database_works_again_after_a_restart(postgres_server):
    url = postgres_server.fresh_database()
    postgres_server.stop()
    try:
        with pytest.raises(ServerUnavailableError) as caught:
            open_database(url, password=postgres_server.password)
    finally:
        postgres_server.start()
    assert caught.value.reason == "down"
    assert "antwoordt niet" in str(caught.value) and str(postgres_server.port) in str(caught.value)
    open_database(url, password=postgres_server.password).close()


@pytest.mark.parametrize("host", ["geen-server.invalid", "server-die-niet-bestaat.example.invalid"])
def test_an_unknown_host_is_named(host):
    with pytest.raises(ServerUnavailableError) as caught:
        open_database(f"postgresql://anna@{host}:5432/ghnt", password="x")
    assert caught.value.reason == "host"
    assert host in str(caught.value) and "niet gevonden" in str(caught.value)


def test_an_unknown_database_is_named(postgres_server):
    with pytest.raises(ServerUnavailableError) as caught:
        open_database(postgres_server.url("bestaat_niet"), password=postgres_server.password)
    assert caught.value.reason == "database"
    assert "bestaat geen database bestaat_niet" in str(caught.value)


def test_a_database_of_another_program_is_refused_and_left_alone(postgres_server):
    url = postgres_server.empty_database()
    postgres_server.execute("CREATE TABLE klanten (id int)", database=url.rsplit("/", 1)[1])
    with pytest.raises(DatabaseError, match="niet van GHNT Desktop"):
        open_database(url, password=postgres_server.password)


def test_two_writers_queue_as_on_sqlite(postgres_server):
    """A write session holds the write lock from its first read to its commit: a second one waits for it."""
    from ghnt_desktop.models import Organisation, OrganisationKind

    url = postgres_server.fresh_database()
    first = open_database(url, password=postgres_server.password)
    second = open_database(url, password=postgres_server.password)
    order: list[str] = []
    inside = threading.Event()

    def other_writer() -> None:
        inside.wait()
        with second.session() as session:
            order.append("second starts")
            session.add(Organisation(name="Veilig Thuis", kind=OrganisationKind.KETENPARTNER))

    thread = threading.Thread(target=other_writer)
    thread.start()
    try:
        with first.session() as session:
            session.add(Organisation(name="GGD", kind=OrganisationKind.ZORG))
            session.flush()
            inside.set()
            thread.join(0.5)  # the second writer is blocked meanwhile
            order.append("first commits")
        thread.join(10)
    finally:
        first.close()
        second.close()
    assert order == ["first commits", "second starts"]


# --- commands with --db URL, server init and server import ---


def _env(monkeypatch, server) -> None:
    monkeypatch.setenv("PGPASSWORD", server.password)  # how a command gets the password without a keyring


def test_server_init_creates_the_schema_once(postgres_server, monkeypatch, capsys):
    _env(monkeypatch, postgres_server)
    url = postgres_server.empty_database()
    assert main(["server", "init", "--url", url]) == 0
    first = capsys.readouterr().out
    assert "alle tabellen aangemaakt" in first and "rollen" in first
    assert main(["server", "init", "--url", url]) == 0
    assert "al ingericht" in capsys.readouterr().out


def test_server_init_refuses_a_file():
    with pytest.raises(SystemExit):
        main(["server", "init", "--url", "ghnt.db"])


def _as_uuid(value):
    try:
        return uuid.UUID(value) if isinstance(value, str) and len(value) == 32 else value
    except ValueError:
        return value


def _same(sqlite_value, pg_value) -> bool:
    """Whether a raw SQLite value and a raw PostgreSQL value are the same datum (by SQLAlchemy's storage rules)."""
    if sqlite_value is None or pg_value is None:
        return sqlite_value is None and pg_value is None
    if isinstance(pg_value, uuid.UUID):
        return uuid.UUID(sqlite_value) == pg_value
    if isinstance(pg_value, bool):
        return bool(sqlite_value) == pg_value
    if isinstance(pg_value, datetime):
        return datetime.fromisoformat(sqlite_value) == pg_value.astimezone(UTC).replace(tzinfo=None)
    if isinstance(pg_value, date):
        return date.fromisoformat(sqlite_value) == pg_value
    if isinstance(pg_value, time):
        return time.fromisoformat(sqlite_value) == pg_value
    if isinstance(pg_value, dict | list):
        return json.loads(sqlite_value) == pg_value
    return sqlite_value == pg_value


def test_server_import_moves_the_demo_database_losslessly(postgres_server, demo_database, monkeypatch, capsys):
    import psycopg

    _env(monkeypatch, postgres_server)
    source = demo_database(date(2026, 6, 1))
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    url = postgres_server.empty_database()
    assert main(["server", "import", "--from", str(source), "--url", url]) == 0
    out = capsys.readouterr().out
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before  # the file is untouched
    local = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    tables = [
        row[0]
        for row in local.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%' "
                                 "AND name NOT LIKE 'sqlite%' AND name != 'alembic_version'")
    ]  # fmt: skip
    compared = 0
    with psycopg.connect(
        host=postgres_server.host, port=postgres_server.port, user=postgres_server.user,
        password=postgres_server.password, dbname=url.rsplit("/", 1)[1],
    ) as server:  # fmt: skip
        for table in tables:
            info = list(local.execute(f'PRAGMA table_info("{table}")'))
            columns = [row[1] for row in info]
            keys = [columns.index(row[1]) for row in sorted(info, key=lambda r: r[5]) if row[5]]  # primary key
            quoted = ", ".join(f'"{c}"' for c in columns)
            mine = local.execute(f'SELECT {quoted} FROM "{table}"').fetchall()
            theirs = {
                tuple(str(row[k]) for k in keys): row for row in server.execute(f'SELECT {quoted} FROM "{table}"')
            }
            assert len(theirs) == len(mine), table
            assert f"{table} " in out and f" {len(mine)}\n" in out.split(f"  {table} ", 1)[1][:50]
            for row in mine:
                other = theirs[tuple(str(_as_uuid(row[k])) for k in keys)]
                for column, a, b in zip(columns, row, other, strict=True):
                    assert _same(a, b), f"{table}.{column}: {a!r} != {b!r}"
                compared += 1
        revision = server.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    local.close()
    assert compared > 1000 and revision
    # The moved database works: search (PostgreSQL's own index, filled by the import) and the commands.
    database = open_database(url, password=postgres_server.password)
    try:
        from ghnt_desktop.services.search import search

        from ghnt_desktop.services.actions import first_view_ids, load_action_view

        with database.read_session() as session:
            on_server = (
                sorted(load_action_view(session), key=repr),
                [h.id for h in search(session, "meldcode")],
                [h.id for h in search(session, "vergaderingen")],
                sorted(first_view_ids(session, 50)),
            )
        local_database = open_database(source, read_only=True)
        try:
            with local_database.read_session() as session:
                on_file = (
                    sorted(load_action_view(session), key=repr),
                    [h.id for h in search(session, "meldcode")],
                    [h.id for h in search(session, "vergaderingen")],
                    sorted(first_view_ids(session, 50)),
                )
        finally:
            local_database.close()
        # The Acties view (read through the driver's own cursor) is the same on both engines, row for row.
        assert on_server[0] == on_file[0] and len(on_file[0]) > 100
        # Search finds the same records (ranking may differ between FTS5's bm25 and ts_rank).
        assert on_server[1] and sorted(on_server[1]) == sorted(on_file[1])
        assert on_server[2] and sorted(on_server[2]) == sorted(on_file[2])
        assert on_server[3] == on_file[3]
    finally:
        database.close()
    assert main(["list", "meetings", "--db", url]) == 0
    assert len(capsys.readouterr().out.splitlines()) > 10
    assert main(["check", "--db", url]) == 0
    assert "Zoekindex:      in orde" in capsys.readouterr().out
    # A second import into the now full database is refused, and nothing changes.
    assert main(["server", "import", "--from", str(source), "--url", url]) == 2
    assert "niet leeg" in capsys.readouterr().out


def test_server_import_refuses_what_postgresql_cannot_hold_and_writes_nothing(postgres_server, tmp_path, monkeypatch,
                                                                               capsys):  # fmt: skip
    _env(monkeypatch, postgres_server)
    source = tmp_path / "lokaal.db"
    database = open_database(source)
    from ghnt_desktop.models import Organisation, OrganisationKind

    with database.session() as session:
        session.add(Organisation(name="GGD", kind=OrganisationKind.ZORG))
    database.close()
    raw = sqlite3.connect(source)  # SQLite does not enforce lengths; another program wrote a long name
    raw.execute("UPDATE organisation SET name = ?", ("x" * 250,))
    raw.commit()
    raw.close()
    url = postgres_server.empty_database()
    assert main(["server", "import", "--from", str(source), "--url", url]) == 2
    out = capsys.readouterr().out
    assert "organisation.name" in out and "hoogstens 200 tekens" in out and "niets op de server" in out
    server = open_database(url, password=postgres_server.password)
    try:
        with server.read_session() as session:
            assert session.connection().exec_driver_sql("SELECT COUNT(*) FROM organisation").scalar() == 0
    finally:
        server.close()


def test_commands_that_only_work_on_a_file_say_so(monkeypatch, capsys):
    url = "postgresql://anna@db.regio.nl/ghnt"
    assert main(["backup", "--db", url]) == 2
    assert "alleen bij een databasebestand" in capsys.readouterr().out


def test_export_and_import_take_the_url(postgres_server, demo_database, tmp_path, monkeypatch, capsys):
    _env(monkeypatch, postgres_server)
    url = postgres_server.empty_database()
    assert main(["server", "import", "--from", str(demo_database(date(2026, 6, 1))), "--url", url]) == 0
    out = tmp_path / "acties.xlsx"
    assert main(["export", "actielijst", "--all", "--db", url, "--out", str(out)]) == 0
    assert out.stat().st_size > 1000
    capsys.readouterr()
    assert main(["import", "actielijst", str(out), "--db", url]) == 0
    assert "Ongewijzigd" in capsys.readouterr().out


def test_demo_goes_into_an_empty_team_database_only(postgres_server, monkeypatch, capsys):
    _env(monkeypatch, postgres_server)
    url = postgres_server.empty_database()
    assert main(["demo", "--db", url]) == 0
    assert "Demodatabase aangemaakt in de teamdatabase" in capsys.readouterr().out
    assert main(["demo", "--db", url, "--force"]) == 2  # a team database is never emptied from here
    assert "bevat al gegevens" in capsys.readouterr().out
    assert main(["list", "meetings", "--db", url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)


def test_check_rebuilds_a_missing_search_index_on_the_server(postgres_server, monkeypatch, capsys):
    _env(monkeypatch, postgres_server)
    url = postgres_server.fresh_database()
    postgres_server.execute("DROP TRIGGER search_action_item_sync ON action_item", database=url.rsplit("/", 1)[1])
    assert main(["check", "--db", url]) == 1
    assert "onvolledig" in capsys.readouterr().out
    assert main(["check", "--db", url, "--herstel"]) == 0
    assert "opnieuw opgebouwd" in capsys.readouterr().out
    assert main(["check", "--db", url]) == 0


def test_the_app_starts_on_a_url(postgres_server, monkeypatch, qtbot, tmp_path):
    from ghnt_desktop.settings import Settings
    from ghnt_desktop.ui.mainwindow import MainWindow

    _env(monkeypatch, postgres_server)
    window = MainWindow(Settings.at_path(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    url = postgres_server.fresh_database()
    try:
        assert window.open_start_database(url)
        assert window.database is not None and window.database.address == ServerAddress.parse(url)
        assert "(teamdatabase)" in window.windowTitle()
    finally:
        window._close_current()
