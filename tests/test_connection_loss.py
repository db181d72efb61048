"""A server restart during editing never loses a confirmed edit (real PostgreSQL, restarted by the test).

``Database.write`` retries a unit whose connection was lost before COMMIT (nothing of it was saved), tells the
user in Dutch when the server stays away, and asks the server after a COMMIT whose answer was lost whether it
committed (``txid_status``), so such an edit is neither lost unsaid nor saved twice.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from test_meetings_fixtures import build_world, new_meeting

from ghnt_desktop import db as db_module
from ghnt_desktop.db import open_database
from ghnt_desktop.models import Decision
from ghnt_desktop.services import agenda, minutes
from ghnt_desktop.storage_errors import StorageRefusedError, translate

pytestmark = pytest.mark.postgresql


@pytest.fixture
def server_database(postgres_server):
    url = postgres_server.fresh_database()
    database = open_database(url, password=postgres_server.password)
    with database.session() as session:
        world = build_world(session)
        meeting = new_meeting(session, world.ao_series, date(2026, 3, 12), "Punt")
        item_id = next(r for r in agenda.agenda_items(session, meeting) if r.standard_item is None).id
    yield database, item_id
    database.close()
    postgres_server.start() if postgres_server.pg_ctl("status", check=False).returncode != 0 else None
    postgres_server.drop_database(url)


def _decisions(database) -> list[str]:
    with database.read_session() as session:
        return list(session.scalars(select(Decision.text).order_by(Decision.sequence)))


def test_an_edit_after_a_restart_between_two_edits_is_saved(postgres_server, server_database) -> None:
    database, item_id = server_database
    database.write(lambda s: minutes.add_decision(s, item_id, "Voor de herstart"))
    postgres_server.stop()
    postgres_server.start()
    database.write(lambda s: minutes.add_decision(s, item_id, "Na de herstart"))
    assert _decisions(database) == ["Voor de herstart", "Na de herstart"]


def test_a_restart_in_the_middle_of_an_edit_is_retried_and_saved_once(postgres_server, server_database) -> None:
    database, item_id = server_database
    attempts = []

    def unit(session):
        attempts.append(1)
        created = minutes.add_decision(session, item_id, "Tijdens de herstart")
        if len(attempts) == 1:  # the server restarts after the edit was sent, before it was committed
            postgres_server.stop()
            postgres_server.start()
        return created

    created = database.write(unit)
    assert len(attempts) == 2 and created.number.endswith("-01")
    assert _decisions(database) == ["Tijdens de herstart"]


def test_a_server_that_stays_down_says_in_dutch_what_was_not_saved(postgres_server, server_database, monkeypatch):
    database, item_id = server_database
    monkeypatch.setattr(db_module, "RECONNECT_WAITS_S", (0.1, 0.1))
    postgres_server.stop()
    try:
        with pytest.raises(Exception) as caught:
            database.write(lambda s: minutes.add_decision(s, item_id, "Niet opgeslagen"))
        exc = caught.value
        refused = exc if isinstance(exc, StorageRefusedError) else translate(exc)
        assert refused is not None and refused.reason == "connection"
        assert "niet opgeslagen" in str(refused) and "verbinding" in str(refused)
    finally:
        postgres_server.start()
    assert _decisions(database) == []


def test_the_outcome_of_a_commit_whose_answer_was_lost_is_asked_of_the_server(server_database) -> None:
    database, item_id = server_database
    with database.engine.connect() as connection:
        committed = connection.exec_driver_sql("SELECT txid_current()").scalar()
        connection.commit()
        aborted = connection.exec_driver_sql("SELECT txid_current()").scalar()
        connection.rollback()
    assert database._transaction_outcome(committed) == "committed"
    assert database._transaction_outcome(aborted) == "aborted"


def test_a_commit_that_lost_its_answer_but_committed_counts_as_saved(server_database, monkeypatch) -> None:
    """The COMMIT reaches the server, the answer does not: the edit is confirmed, not retried (no duplicate)."""
    from sqlalchemy.orm import Session

    database, item_id = server_database
    real_commit = Session.commit

    def commit_then_lose_answer(self):
        real_commit(self)
        import psycopg

        raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(Session, "commit", commit_then_lose_answer)
    attempts = []
    database.write(lambda s: attempts.append(minutes.add_decision(s, item_id, "Eén keer")))
    monkeypatch.undo()
    assert len(attempts) == 1 and _decisions(database) == ["Eén keer"]
    with database.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Decision)) == 1


@pytest.mark.parametrize("outcome", ["committed", "aborted"])
def test_the_server_is_asked_about_the_very_transaction_whose_commit_lost_its_answer(
    server_database, monkeypatch, outcome
) -> None:
    """The transaction id asked about is the one of the lost COMMIT itself (taken with the write lock), also on a
    pooled connection that ran other transactions before: a stale id would confirm an edit that was never saved,
    or retry (and save twice) one that was."""
    from sqlalchemy.orm import Session

    from ghnt_desktop.models import ChangeLog

    database, item_id = server_database
    for text in ("Eerst", "Daarna"):  # the same pooled connection begins again: its id must be new
        database.write(lambda s, text=text: minutes.add_decision(s, item_id, text))
    real_commit, real_outcome = Session.commit, database._transaction_outcome
    asked: list[int] = []

    def commit_then_lose_answer(self):
        if outcome == "committed":
            real_commit(self)
        else:
            self.rollback()
        import psycopg

        raise psycopg.OperationalError("server closed the connection unexpectedly")

    def outcome_of(xid):
        asked.append(xid)
        return real_outcome(xid)

    monkeypatch.setattr(Session, "commit", commit_then_lose_answer)
    monkeypatch.setattr(database, "_transaction_outcome", outcome_of)
    if outcome == "committed":
        database.write(lambda s: minutes.add_decision(s, item_id, "Bewaard zonder antwoord"))
    else:
        import psycopg

        # Not saved: the error goes on (``write`` would try the edit again; here the session is used alone).
        with pytest.raises(psycopg.OperationalError), database.session() as session:
            minutes.add_decision(session, item_id, "Niet bewaard")
    monkeypatch.undo()
    with database.read_session() as session:
        batches = list(session.scalars(select(ChangeLog.batch).order_by(ChangeLog.id)))
    assert len(asked) == 1
    if outcome == "committed":
        assert _decisions(database) == ["Eerst", "Daarna", "Bewaard zonder antwoord"]
        assert str(asked[0]) == batches[-1]  # the change log's transaction of the saved decision
    else:
        assert _decisions(database) == ["Eerst", "Daarna"]
        assert str(asked[0]) not in batches


def test_a_connection_cut_during_the_flush_of_an_edit_is_retried_and_saved_once(postgres_server, server_database):
    """The server ends the connection just before the edit's UPDATE is flushed (a restart, a network drop): the
    edit is tried again on a new connection, not reported as an unexpected error (the rollback of the failed flush
    once asked the dead connection for its state, raising PendingRollbackError in place of the lost connection)."""
    from ghnt_desktop.models import AgendaItem

    database, item_id = server_database
    attempts = []

    def unit(session):
        attempts.append(1)
        item = session.get(AgendaItem, item_id)
        assert item.meeting is not None  # loaded now: the service's first statement is the flush's UPDATE
        if len(attempts) == 1:
            backend = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            postgres_server.execute(f"SELECT pg_terminate_backend({backend})")
        return minutes.set_minutes_text(session, item_id, "Opgeslagen na het verbreken", seen={"text": ""})

    database.write(unit)
    assert len(attempts) == 2
    with database.read_session() as session:
        assert session.get(AgendaItem, item_id).minutes_text == "Opgeslagen na het verbreken"


def test_a_connection_cut_just_before_commit_is_retried_quietly(postgres_server, server_database, caplog) -> None:
    """The server ends the connection after the edit was sent and before its COMMIT (a restart's fast shutdown):
    the edit is saved once, and nothing is logged as an error. The NOTIFY of a write once went on the driver's own
    cursor from the engine's "commit" event, where a lost connection bypassed SQLAlchemy's handling: the dead
    connection went back to the pool and its rollback there logged "Exception during reset or similar"."""
    import logging

    from sqlalchemy import event

    database, item_id = server_database
    cut = []

    def cut_before_commit(session) -> None:
        if not cut:
            backend = session.connection().connection.driver_connection.info.backend_pid
            postgres_server.execute(f"SELECT pg_terminate_backend({backend}, 5000)")
            cut.append(backend)

    event.listen(database._write_sessions, "before_commit", cut_before_commit)
    caplog.set_level(logging.INFO)
    created = database.write(lambda s: minutes.add_decision(s, item_id, "Na het verbreken"))
    event.remove(database._write_sessions, "before_commit", cut_before_commit)
    assert cut and created.number.endswith("-01")
    assert _decisions(database) == ["Na het verbreken"]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]
    assert any("lost before commit" in r.getMessage() for r in caplog.records)  # it was retried, and said so


def test_a_committed_write_notifies_the_other_windows_and_a_rolled_back_one_does_not(server_database) -> None:
    import psycopg

    database, item_id = server_database
    url = database.engine.url
    listener = psycopg.connect(
        host=url.host, port=url.port, dbname=url.database, user=url.username, password=url.password, autocommit=True
    )
    try:
        listener.execute(f"LISTEN {db_module.CHANGES_CHANNEL}")
        with pytest.raises(RuntimeError), database.session() as session:
            minutes.add_decision(session, item_id, "Teruggedraaid")
            session.flush()
            raise RuntimeError("the user's edit failed halfway")
        with database.session() as session:
            session.scalar(select(func.count()).select_from(Decision))  # a write session that only read
        database.write(lambda s: minutes.add_decision(s, item_id, "Opgeslagen"))
        payloads = [n.payload for n in listener.notifies(timeout=1.0)]
    finally:
        listener.close()
    assert payloads == [database.instance]
    assert _decisions(database) == ["Opgeslagen"]
