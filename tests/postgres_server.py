"""A throwaway PostgreSQL cluster for the tests: ``initdb`` + ``pg_ctl`` on a free local port in a temporary folder.

Started once per test run, in each pytest-xdist worker (``postgres_server`` in conftest); each test gets a fresh
database, copied from a template database the app's migrations made once (a copy takes milliseconds, the
migrations a second).
PostgreSQL refuses to run as root, so as root the cluster runs as the ``postgres`` system user (as in CI).
Without the binaries the tests that need the server are skipped, except under ``CI=true``: there a missing
server is a failure, so CI can never pass by skipping them.

The cluster asks for a password over TCP (scram-sha-256), as a real team server does, so the tests of a wrong
password are real; ``GHNT_PG_BIN`` names another folder of PostgreSQL binaries.
"""

from __future__ import annotations

import itertools
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest


def _binaries() -> Path:
    """``GHNT_PG_BIN``, else the newest Debian PostgreSQL (15 here; CI installs whatever ``postgresql`` brings)."""
    if os.environ.get("GHNT_PG_BIN"):
        return Path(os.environ["GHNT_PG_BIN"])
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name or 0))
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


PG_BIN = _binaries()
TEMPLATE = "ghnt_template"
_counter = itertools.count(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    folder: Path
    port: int
    run_as: list[str]
    password: str
    user: str = "postgres"
    host: str = "127.0.0.1"
    _template_ready: bool = field(default=False, repr=False)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres", *, user: str | None = None) -> str:
        return f"postgresql://{user or self.user}@{self.host}:{self.port}/{database}"

    def pg_ctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.run_as, str(PG_BIN / "pg_ctl"), "-D", str(self.data), *args],
            capture_output=True,
            text=True,
            check=check,
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses={self.host} -c fsync=off -c full_page_writes=off"
        )
        self.pg_ctl("-o", options, "-l", str(self.folder / "server.log"), "-w", "start")

    def restart(self) -> None:
        """``pg_ctl restart -m fast``: every connection is cut and open transactions roll back, as in a restart."""
        self.pg_ctl("-m", "fast", "-w", "-l", str(self.folder / "server.log"), "restart")

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "-w", "stop", check=False)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def execute(self, statement: str, database: str = "postgres") -> None:
        """Run one statement as the superuser, outside a transaction (CREATE DATABASE cannot run in one)."""
        import psycopg

        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, password=self.password, dbname=database, autocommit=True
        ) as connection:
            connection.execute(statement)

    def _template(self) -> None:
        if self._template_ready:
            return
        from ghnt_desktop.db import open_database

        self.execute(f"CREATE DATABASE {TEMPLATE}")
        open_database(self.url(TEMPLATE), password=self.password).close()
        self._template_ready = True

    def fresh_database(self) -> str:
        """The URL (no password) of a new, empty database at the current schema."""
        self._template()
        name = f"t{os.getpid()}_{next(_counter)}"
        self.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def empty_database(self) -> str:
        """The URL of a new database without any tables (for ``server init``)."""
        name = f"e{os.getpid()}_{next(_counter)}"
        self.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def start_server() -> PostgresServer:
    """Initialise and start a cluster; skip (or fail under CI=true) without the binaries."""
    if not (PG_BIN / "initdb").exists():
        message = f"PostgreSQL binaries not found in {PG_BIN} (install the Debian package postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    folder = Path(tempfile.mkdtemp(prefix="ghnt-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(folder, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    password = secrets.token_hex(12)
    pwfile = folder / "pw"
    pwfile.write_text(password)
    if run_as:
        shutil.chown(pwfile, "postgres")
    server = PostgresServer(folder=folder, port=free_port(), run_as=run_as, password=password)
    subprocess.run(
        [
            *run_as,
            str(PG_BIN / "initdb"),
            "-D",
            str(server.data),
            "-U",
            server.user,
            f"--pwfile={pwfile}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    pwfile.unlink()
    # Each pytest-xdist worker starts its own cluster (its own folder, port and socket): the port is free when
    # probed but another worker or session may take it before the server binds it, so a refused start is tried
    # again on a new port.
    for attempt in itertools.count(1):
        try:
            server.start()
            return server
        except subprocess.CalledProcessError:
            log = (folder / "server.log").read_text(errors="replace") if (folder / "server.log").exists() else ""
            if attempt < 3 and "could not bind" in log:
                server.port = free_port()
                continue
            shutil.rmtree(folder, ignore_errors=True)
            raise RuntimeError(f"PostgreSQL did not start:\n{log}") from None
