"""Bestand > Verbinden met teamdatabase on a real (throwaway) PostgreSQL server: connecting, the title and status bar,
a wrong password, a stopped server and an unknown host with the choice to retry or open a local file."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from ghnt_desktop.engines import ServerAddress
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.mainwindow import MainWindow
from ghnt_desktop.ui.server_dialog import ConnectDialog


@pytest.fixture
def window(qtbot, tmp_path):
    window = MainWindow(Settings.at_path(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    window._close_current()


def _address(server, database: str) -> ServerAddress:
    return ServerAddress(server.host, server.port, database, server.user, "disable")


def answer_dialogs(monkeypatch, answers: list[tuple[ServerAddress, str] | None], shown: list[ConnectDialog]):
    """Each ConnectDialog shown is filled with the next (address, password) and accepted (None: cancelled)."""

    def fake_exec(dialog: ConnectDialog) -> int:
        shown.append(dialog)
        answer = answers.pop(0)
        if answer is None:
            return QDialog.DialogCode.Rejected
        address, password = answer
        dialog.host.setText(address.host)
        dialog.port.setValue(address.port)
        dialog.database.setText(address.database)
        dialog.user.setText(address.user)
        dialog.tls.setCurrentIndex(dialog.tls.findData(address.tls))
        dialog.password.setText(password)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConnectDialog, "exec", fake_exec)


def answer_boxes(monkeypatch, clicks: list[str], texts: list[str]):
    """Each message box records its text and clicks the button with the next label."""

    def fake_exec(box: QMessageBox) -> int:
        texts.append(box.text())
        label = clicks.pop(0)
        for button in box.buttons():
            if button.text() == label:
                button.click()
                break
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)


def test_connecting_shows_the_team_database_in_title_and_status_bar(window, postgres_server, monkeypatch):
    url = postgres_server.fresh_database()
    address = _address(postgres_server, url.rsplit("/", 1)[1])
    shown: list[ConnectDialog] = []
    answer_dialogs(monkeypatch, [(address, postgres_server.password)], shown)
    assert window.connect_team_database()
    assert window.database is not None and not window.database.is_file
    assert f"{address.database} op {address.host}:{address.port} (teamdatabase)" in window.windowTitle()
    assert "Teamdatabase" in window.database_label.text() and "postgres" in window.database_label.text()
    assert not window.backup_action.isEnabled() and not window.restore_action.isEnabled()
    assert window.opened is not None and not window.opened.read_only
    # The address is remembered without the password; the settings file never holds it.
    assert window.settings.value("database/last_server") == address.url
    window.settings._qs.sync()
    with open(window.settings._qs.fileName(), encoding="utf-8") as handle:
        settings_text = handle.read()
    assert address.url in settings_text and postgres_server.password not in settings_text
    # Every page shows the server's data.
    for key in ("overview", "meetings", "actions"):
        window.show_page(key)


def test_without_a_credential_store_the_dialog_says_it_asks_each_time(qtbot, tmp_path):
    dialog = ConnectDialog(ServerAddress("db.regio.nl", 5432, "ghnt", "anna"), store_available=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.problem_label)))
    assert "geen wachtwoordkluis" in texts and "elke keer" in texts
    assert dialog.password.hasFocus() or dialog.focusWidget() is dialog.password
    dialog.grab().save(str(tmp_path / "connect.png"))
    dialog.host.clear()
    assert not dialog.connect_button.isEnabled()  # no server: nothing to connect to


def test_a_wrong_password_can_be_retried(window, postgres_server, monkeypatch):
    url = postgres_server.fresh_database()
    address = _address(postgres_server, url.rsplit("/", 1)[1])
    shown: list[ConnectDialog] = []
    texts: list[str] = []
    answer_dialogs(monkeypatch, [(address, "fout"), (address, postgres_server.password)], shown)
    answer_boxes(monkeypatch, ["Opnieuw proberen..."], texts)
    assert window.connect_team_database()
    assert "wachtwoord klopt niet" in texts[0]
    assert "wachtwoord klopt niet" in shown[1].problem_label.text()  # the retry says what went wrong
    assert shown[1].database.text() == address.database  # and keeps what was typed
    assert window.database is not None and window.database.label == address.label


def test_a_stopped_server_offers_a_local_file(window, postgres_server, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from ghnt_desktop.db import open_database

    local = tmp_path / "lokaal.db"
    open_database(local).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(local), ""))
    url = postgres_server.fresh_database()
    address = _address(postgres_server, url.rsplit("/", 1)[1])
    texts: list[str] = []
    answer_dialogs(monkeypatch, [(address, postgres_server.password)], [])
    answer_boxes(monkeypatch, ["Lokaal bestand openen..."], texts)
    postgres_server.stop()
    try:
        assert window.connect_team_database()
    finally:
        postgres_server.start()
    assert "antwoordt niet" in texts[0]
    assert window.database is not None and window.database.is_file and window.database.path == local
    assert window.backup_action.isEnabled()


def test_an_unknown_host_can_be_cancelled(window, monkeypatch):
    address = ServerAddress("geen-server.invalid", 5432, "ghnt", "anna")
    texts: list[str] = []
    answer_dialogs(monkeypatch, [(address, "x")], [])
    answer_boxes(monkeypatch, ["Annuleren"], texts)
    assert not window.connect_team_database()
    assert "geen-server.invalid is niet gevonden" in texts[0]
    assert window.database is None


def test_the_menu_has_the_team_database(window):
    texts = [action.text() for action in window.menuBar().actions()[0].menu().actions()]
    assert "Verbinden met team&database..." in texts
