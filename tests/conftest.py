"""Shared fixtures: a fresh database per test, Qt offscreen."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ci_skips import pytest_runtest_makereport  # noqa: E402, F401 - hook: CI=true fails skips for CI tools
from postgres_server import PostgresServer, start_server  # noqa: E402

from ghnt_desktop.db import Database, open_database  # noqa: E402

# Test modules whose ``database`` runs on both engines: each of their tests that uses ``database`` (or
# ``session``) runs once on an SQLite file and once on a fresh database of a throwaway PostgreSQL server.
BOTH_ENGINES = {
    "test_actions_service",
    "test_confidentiality",
    "test_meetings_cycle",
    "test_meetings_minutes",
    "test_programme_service",
    "test_reports_service",
    "test_search",
    "test_search_dutch",
    "test_search_indicators",
    "test_engines",
    "test_change_log",
    "test_record_versions",
    "test_versions_everywhere",
    "test_live_updates",
    "test_offline_merge",
    "test_offline_take",
    "test_choice_columns",
    "test_offline_rereturn",
}


def pytest_configure(config):
    config.addinivalue_line("markers", "postgresql: runs against the throwaway PostgreSQL server")


def pytest_generate_tests(metafunc):
    if "engine_name" in metafunc.fixturenames and metafunc.module.__name__.rsplit(".", 1)[-1] in BOTH_ENGINES:
        metafunc.parametrize(
            "engine_name", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)], indirect=True
        )


@pytest.fixture
def engine_name(request) -> str:
    """The engine ``database`` runs on: "sqlite", or in ``BOTH_ENGINES`` modules each of the two."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def team(engine_name, demo_database, request):
    """The offline tests' team database with the demo: a file, or in ``BOTH_ENGINES`` modules also on the server."""
    from offline_helpers import team_database

    with team_database(engine_name, demo_database, request) as database:
        yield database


@pytest.fixture
def copy(team, tmp_path):
    """An offline copy of the demo's next afstemmingsoverleg, taken from ``team``."""
    from offline_helpers import take

    database = take(team, tmp_path / "laptop.db")
    yield database
    database.close()


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL cluster for the whole run (skipped without the binaries, except under CI=true)."""
    server = start_server()
    yield server
    server.remove()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """An empty SQLite file at the current schema, made by the migrations once per test process (each xdist
    worker its own): ``database`` copies it, as the PostgreSQL side copies its template database. Running the
    migrations takes about half a second, a copy milliseconds, and some 300 tests start from an empty file."""
    path = tmp_path_factory.mktemp("sqlite-template") / "empty.db"
    open_database(path).close()
    return path


@pytest.fixture
def database(tmp_path: Path, engine_name: str, request):
    """An empty database at the current schema: a copy of the migrated template file, or a fresh database on
    the test server (copied from its migrated template database)."""
    if engine_name == "postgresql":
        server: PostgresServer = request.getfixturevalue("postgres_server")
        url = server.fresh_database()
        db = open_database(url, password=server.password)
        yield db
        db.close()
        server.drop_database(url)
        return
    path = tmp_path / "test.db"
    shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
    db = open_database(path)
    yield db
    db.close()


@pytest.fixture
def session(database: Database):
    """A session on the fresh database; committed when the test ends without error."""
    with database.session() as s:
        yield s


@pytest.fixture
def messages(monkeypatch):
    """Every message box shown with ``exec`` is answered at once (OK); the texts shown are recorded."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def fake_exec(box):
        shown.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory):
    """``demo_database(today)``: a new copy of the demo database as of ``today`` (each caller its own).

    The demo is built once per date in a test run (half a second each) and copied (milliseconds).
    """
    from ghnt_desktop.demo import create_demo_database

    built: dict = {}

    def copy(today) -> Path:
        if today not in built:
            built[today] = tmp_path_factory.mktemp("demo-template") / "demo.db"
            create_demo_database(built[today], today=today)
        target = tmp_path_factory.mktemp("demo") / "demo.db"
        shutil.copyfile(built[today], target)
        return target

    return copy


@pytest.fixture
def demo_window(qtbot, tmp_path, demo_database):
    """``demo_window(today, size=(1366, 768))``: a shown main window on a new copy of the demo database of
    ``today``, with its own settings file; closed after the test."""
    from ghnt_desktop.settings import Settings
    from ghnt_desktop.ui.mainwindow import MainWindow

    windows = []

    def open_window(today, size=(1366, 768)):
        window = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: today)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        assert window.open_database_file(demo_database(today))
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        if window.database is not None:
            window.database.close()



def _default_locale_name() -> str | None:
    """Qt's default locale now, or None when Qt was never imported (then it is still the system's)."""
    qtcore = sys.modules.get("PySide6.QtCore")
    return qtcore.QLocale().name() if qtcore is not None else None


@contextlib.contextmanager
def qt_default_locale_kept():
    """Fails (``pytest.fail``) when the block leaves Qt's default locale changed; puts it back first."""
    before = _default_locale_name()
    yield
    after = _default_locale_name()
    if after is None:
        return
    from PySide6.QtCore import QLocale

    expected = before if before is not None else QLocale.system().name()
    if after != expected:
        QLocale.setDefault(QLocale(expected))
        pytest.fail(f"The test left Qt's default locale {after!r} (was {expected!r}); use the ui_language fixture.")


@pytest.fixture(autouse=True)
def _qt_default_locale_unchanged():
    """Fails a test that leaves Qt's default locale changed (``install_translators`` sets it): later tests in
    the same process would format numbers and dates in that language. Use ``ui_language`` instead; the
    locale is put back first, so one offender does not make every later test fail too."""
    with qt_default_locale_kept():
        yield


@pytest.fixture
def ui_language(qapp):
    """``ui_language("en")``: the app's translations and Qt's default locale for that language, as the app
    installs them at start; after the test the translators are removed and the previous default locale is back."""
    from PySide6.QtCore import QLocale

    from ghnt_desktop.ui.i18n import install_translators

    before = QLocale()
    installed = []

    def use(language: str):
        translators = install_translators(qapp, language)
        installed.extend(translators)
        return translators

    yield use
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)
