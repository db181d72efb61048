"""Shared set-up of the offline capture tests: a team database (file or server) with the demo, a copy of a meeting."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ghnt_desktop.db import Database, open_database
from ghnt_desktop.recorded_user import os_user, set_recorded_user

TODAY = date(2026, 12, 3)
NEXT_AO = uuid.UUID("9677ed70-a5b3-592b-95c2-8c9c3d0b3f9e")  # the demo's afstemmingsoverleg of 10 december 2026
SECRETARIS, PROJECTLEIDER = "Sanne de Secretaris", "Pieter Projectleider"


@contextmanager
def team_database(engine_name: str, demo_database: Callable[[date], Path], request: Any) -> Iterator[Database]:
    """The demo as the team database: a file, or moved onto the test server with ``server import``."""
    demo = demo_database(TODAY)
    if engine_name != "postgresql":
        database = open_database(demo)
        try:
            yield database
        finally:
            database.close()
        return
    server = request.getfixturevalue("postgres_server")
    template = _demo_on_server(server, demo)
    name = f"offline_{uuid.uuid4().hex[:12]}"
    server.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    url = server.url(name)
    database = open_database(url, password=server.password)
    try:
        yield database
    finally:
        database.close()
        server.drop_database(url)


_DEMO_ON_SERVER: dict[int, str] = {}


def _demo_on_server(server: Any, demo: Path) -> str:
    """A database on the server holding the demo (moved there once with ``server import``): the template of each
    test's team database (copying a template takes milliseconds, the import seconds)."""
    if server.port not in _DEMO_ON_SERVER:
        from ghnt_desktop.server_transfer import transfer

        url = server.fresh_database()
        transfer(demo, url, password=server.password)
        _DEMO_ON_SERVER[server.port] = url.rsplit("/", 1)[1]
    return _DEMO_ON_SERVER[server.port]


def edit(database: Database, who: str, change: Callable[[Session], Any]) -> Any:
    """One edit (a committed transaction) recorded as ``who`` (on a server the login is recorded)."""
    set_recorded_user(lambda: who)
    try:
        with database.session() as session:
            return change(session)
    finally:
        set_recorded_user(os_user)


def take(team: Database, path: Path, meeting_id: uuid.UUID | None = NEXT_AO) -> Database:
    from ghnt_desktop.services.offline import take_offline

    with team.read_session() as source:
        take_offline(source, path, meeting_id, source_label=team.label, source_url=str(team.path))
    return open_database(path, create=False)


def give_back(copy: Database, team: Database, *, dry_run: bool = False):  # -> ReturnResult
    from ghnt_desktop.services.offline import return_offline

    with team.session() as team_session, copy.session() as copy_session:
        return return_offline(copy_session, team_session, dry_run=dry_run)

