"""Other users' changes appear in the open window within about a second, without a restart.

On a team database (PostgreSQL) every commit that wrote sends ``NOTIFY ghnt_changes`` with its app instance
(``db.Database``); this watcher LISTENs on a connection of its own (autocommit, apart from the pool) and reads
the notifications a QTimer tick at a time without blocking. On an SQLite file another process (a second app
opened read-only, ``ghnt-desktop import``) changes ``PRAGMA data_version``, which costs microseconds to read; a
change without a commit of this app is another writer's. Either way the window reloads through its own
``refresh`` (the page in view now, the others when shown), as after an edit of its own.

A lost connection to the server is not an error here: the listener reconnects at the next tick.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from ..db import Database

log = logging.getLogger(__name__)

POLL_MS = 500  # well inside the 2 s in which another user's change must show


class LiveUpdates(QObject):
    """Calls ``on_change()`` when another user or process committed a change to ``database``.

    ``on_change`` returns False when it cannot reload now (the page holds unsaved edits a reload would wipe);
    it is then called again at each tick until it does.
    """

    def __init__(self, database: Database, on_change: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.on_change = on_change
        self._connection: Any = None
        self._data_version: int | None = None
        self._own_commits = database.own_commits
        self._others_committed = False
        self._waiting = False  # a change arrived that ``on_change`` could not show yet
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._connect()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._close()

    def _close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception:  # noqa: BLE001 - closing a broken connection
                pass
            self._connection = None

    def _connect(self) -> None:
        try:
            if self.database.is_file:
                from ..engines import read_only_uri

                self._connection = sqlite3.connect(read_only_uri(self.database.path), uri=True, check_same_thread=False)
                self._data_version = self._connection.execute("PRAGMA data_version").fetchone()[0]
            else:
                import psycopg

                from ..db import CHANGES_CHANNEL

                url = self.database.engine.url
                self._connection = psycopg.connect(
                    host=url.host, port=url.port, dbname=url.database, user=url.username, password=url.password,
                    sslmode=url.query.get("sslmode", "prefer"), connect_timeout=5, autocommit=True,
                    application_name="ghnt-desktop (live)",
                )  # fmt: skip
                # psycopg reads notifications while it runs a statement and hands them to its handlers.
                self._connection.add_notify_handler(self._notified)
                self._connection.execute(f"LISTEN {CHANGES_CHANNEL}")
        except Exception as exc:  # noqa: BLE001 - the server may be down; the next tick tries again
            log.info("Live updates not connected: %s", exc)
            self._close()

    def poll(self) -> None:
        """One tick: did anyone else commit since the last one?"""
        if self._connection is None:
            self._connect()
            return
        try:
            changed = self._poll_file() if self.database.is_file else self._poll_server()
        except Exception as exc:  # noqa: BLE001 - a dropped connection: reconnect at the next tick
            log.info("Live updates connection lost: %s", exc)
            self._close()
            return
        if changed or self._waiting:
            self._waiting = not self.on_change()

    def _poll_file(self) -> bool:
        version = self._connection.execute("PRAGMA data_version").fetchone()[0]
        own = self.database.own_commits
        changed = version != self._data_version and own == self._own_commits
        # A change in a tick in which this app also committed is taken as its own (the page already shows it);
        # another writer's change in that same tick shows at the next change or refresh.
        self._data_version, self._own_commits = version, own
        return changed

    def _notified(self, notice: Any) -> None:
        if notice.payload != self.database.instance:  # not this app's own commit
            self._others_committed = True

    def _poll_server(self) -> bool:
        self._others_committed = False
        self._connection.execute("SELECT 1")  # reads what the server sent meanwhile (see ``_notified``)
        return self._others_committed
