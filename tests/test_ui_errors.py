"""The handler of unexpected errors, the log file, translations and the settings wrapper."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.errors import install_excepthook, setup_logging, show_error
from ghnt_desktop.ui.i18n import arg, enum_label, format_period


@pytest.fixture
def hook(tmp_path):
    log_file = setup_logging(tmp_path / "logs")
    hook = install_excepthook(log_file)
    yield hook
    sys.excepthook = hook.previous
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "_ghnt", False):
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_unexpected_error_shows_dialog_and_is_logged(qapp, hook, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    try:
        raise RuntimeError("kapot 💥")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert len(shown) == 1
    box = shown[0]
    assert box.windowTitle() == "Onverwachte fout"
    assert str(hook.log_file) in box.informativeText()
    assert "RuntimeError: kapot 💥" in box.detailedText()
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "RuntimeError: kapot" in hook.log_file.read_text(encoding="utf-8")


def test_error_inside_the_dialog_does_not_cascade(qapp, hook, monkeypatch):
    calls = []

    def exec_raising(box):
        calls.append(box)
        try:
            raise ValueError("tijdens de dialoog")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_raising)
    try:
        raise RuntimeError("eerste")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert len(calls) == 1


def test_show_error_uses_the_dutch_message(qapp, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    show_error(None, ValueError("De titel mag niet leeg zijn."))
    assert shown == ["De titel mag niet leeg zijn."]


def test_english_translation_and_enum_labels(qapp, ui_language):
    from ghnt_desktop.models.enums import ActionStatus

    translators = ui_language("en")
    assert translators, "resources/translations/ghnt_en.qm is missing"
    assert QCoreApplication.translate("MainWindow", "&Bestand") == "&File"
    assert QCoreApplication.translate("MeetingsPage", "Overleggen") == "Meetings"
    assert enum_label(ActionStatus.IN_PROGRESS) == "In progress"
    for translator in translators:
        qapp.removeTranslator(translator)
    assert enum_label(ActionStatus.IN_PROGRESS) == "Loopt"


def test_dutch_loads_qts_own_translation(ui_language):
    assert ui_language("nl")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"


def test_arg_fills_placeholders_once():
    assert arg("%1 van %2", "AO %2", 3) == "AO %2 van 3"
    assert format_period(None, None) == ""


def test_settings_defaults_and_declared_keys(tmp_path):
    settings = Settings.at_path(tmp_path / "s.ini")
    assert settings.language == "nl"
    assert settings.last_page == "overview"
    assert settings.value("window/geometry") == QByteArray()
    settings.language = "en"
    settings.last_page = "actions"
    settings.set_splitter_state("x", QByteArray(b"abc"))
    settings.sync()
    again = Settings.at_path(tmp_path / "s.ini")
    assert (again.language, again.last_page, bytes(again.splitter_state("x"))) == ("en", "actions", b"abc")
    settings.language = "fr"
    assert settings.language == "nl"
    with pytest.raises(KeyError):
        settings.value("unknown")
