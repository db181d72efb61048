"""The server of a team database stops and comes back while the user saves: the window keeps working, and the edit
is saved (or, when the user stops waiting, reported as not saved) - never lost, never saved twice.

The throwaway cluster (``tests/postgres_server.py``) is really stopped and started again; the window's waiter
(``ui/reconnect.py``) runs a local event loop, so timers of the window fire during the wait (the restart itself is
started from one of them, as the server's administrator would from elsewhere).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

from ghnt_desktop.db import open_database
from ghnt_desktop.models import Organisation
from ghnt_desktop.services.network import create_organisation, update_organisation
from ghnt_desktop.storage_errors import storage_reason
from ghnt_desktop.ui.reconnect import ReconnectWaiter

pytestmark = pytest.mark.postgresql


@pytest.fixture
def team(postgres_server, qtbot):
    url = postgres_server.fresh_database()
    database = open_database(url, password=postgres_server.password)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    database.reconnect_waiter = ReconnectWaiter(window)
    with database.session() as session:
        organisation_id = create_organisation(session, name="GGD Groningen").id
    yield database, window, organisation_id
    database.close()
    postgres_server.drop_database(url)


def abbreviation(database, organisation_id) -> str:
    with database.session() as session:
        return session.get(Organisation, organisation_id).abbreviation


def test_an_edit_during_a_server_restart_waits_without_freezing_and_is_saved_once(postgres_server, team):
    database, window, organisation_id = team
    ticks: list[int] = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start(50)
    postgres_server.stop()
    shown: list[str] = []
    QTimer.singleShot(300, lambda: shown.append(database.reconnect_waiter.dialog.message.text()))
    QTimer.singleShot(1200, postgres_server.start)
    try:
        database.write(lambda s: update_organisation(s, organisation_id, abbreviation="GGD-G"))
    finally:
        ticker.stop()
        if not _running(postgres_server):
            postgres_server.start()
    assert database.reconnect_waiter.waits >= 1
    assert len(ticks) >= 5  # the window's own timers ran while the edit waited for the server
    assert shown and shown[0].startswith("Verbinding verbroken — opnieuw verbinden")
    assert not database.reconnect_waiter.dialog.isVisible()
    assert abbreviation(database, organisation_id) == "GGD-G"
    with database.session() as session:
        assert session.get(Organisation, organisation_id).row_version == 2  # saved once, not twice


def test_stopping_the_wait_reports_not_saved_and_retrying_later_saves(postgres_server, team):
    database, window, organisation_id = team
    postgres_server.stop()
    try:
        QTimer.singleShot(300, lambda: database.reconnect_waiter.dialog.stop_button.click())
        with pytest.raises(Exception) as caught:
            database.write(lambda s: update_organisation(s, organisation_id, abbreviation="GGD-G"))
        assert storage_reason(caught.value) == "connection" or getattr(caught.value, "reason", "") == "connection"
    finally:
        postgres_server.start()
    assert not abbreviation(database, organisation_id)  # nothing of the stopped edit was saved
    database.write(lambda s: update_organisation(s, organisation_id, abbreviation="GGD-G"))  # the user retries
    assert abbreviation(database, organisation_id) == "GGD-G"


def test_after_the_automatic_attempts_the_window_waits_for_the_users_retry(postgres_server, team):
    database, window, organisation_id = team
    waiter = database.reconnect_waiter
    postgres_server.stop()
    texts: list[str] = []

    def after_automatic(seconds, attempt, attempts):
        # Skip the automatic waits quickly; at the first wait for the user, bring the server back and press retry.
        if attempt <= attempts:
            return True
        if not texts:
            QTimer.singleShot(0, lambda: (texts.append(waiter.dialog.message.text()), postgres_server.start(),
                                          waiter.dialog.retry_button.click()))  # fmt: skip
        return waiter(0.0, attempt, attempts)

    database.reconnect_waiter = after_automatic
    try:
        database.write(lambda s: update_organisation(s, organisation_id, abbreviation="GGD-G"))
    finally:
        if not _running(postgres_server):
            postgres_server.start()
    assert texts and "nog niet opgeslagen" in texts[0]
    assert abbreviation(database, organisation_id) == "GGD-G"


def _running(server) -> bool:
    return server.pg_ctl("status", check=False).returncode == 0
