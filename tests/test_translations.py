"""The English translation: every entry of ghnt_en.ts is finished and sound, and the compiled .qm is used."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from ghnt_desktop.paths import resource
from ghnt_desktop.settings import Settings

TS = resource("translations", "ghnt_en.ts")
PLACEHOLDER = re.compile(r"%\d")
TAG = re.compile(r"<[^>]+>")


def messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in the .ts file."""
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message.find("translation"))
        for context in root.findall("context")
        for message in context.findall("message")
    ]


@pytest.fixture
def english(ui_language):
    assert ui_language("en"), "resources/translations/ghnt_en.qm is missing"


def test_no_entry_is_unfinished_or_empty():
    found = messages()
    assert len(found) > 500
    unfinished = [(c, s) for c, s, t in found if t is None or t.get("type") == "unfinished" or not t.text]
    assert unfinished == []
    obsolete = [(c, s) for c, s, t in found if t.get("type") in ("vanished", "obsolete")]
    assert obsolete == []


def test_lookups_use_the_contexts_qt_uses_at_run_time():
    # Free tr() helpers land in the empty context and window.tr() in "window"; the update script moves them.
    contexts = {c for c, _s, _t in messages()}
    assert "" not in contexts
    assert "window" not in contexts
    assert {"editors", "ExportDialog", "MainWindow", "enums"} <= contexts


def test_translations_keep_placeholders_tags_and_accelerators():
    for context, source, translation in messages():
        text = translation.text or ""
        where = f"{context}: {source!r} -> {text!r}"
        assert Counter(PLACEHOLDER.findall(text)) == Counter(PLACEHOLDER.findall(source)), where
        assert sorted(TAG.findall(text)) == sorted(TAG.findall(source)), where
        assert text.count("\n") == source.count("\n"), where
        accelerators = re.compile(r"&(?![a-z]+;|&| )")
        assert len(accelerators.findall(text)) == len(accelerators.findall(source)), where


def test_every_enum_label_is_translated():
    from ghnt_desktop.models.enums import _LABELS

    enums = {s: t for c, s, t in messages() if c == "enums"}
    missing = [label for label in set(_LABELS.values()) if label not in enums or not enums[label].text]
    assert missing == []


@pytest.mark.parametrize(
    ("context", "source", "english_text"),
    [
        ("MainWindow", "&Bestand", "&File"),
        ("MainWindow", "Be&werken", "&Edit"),
        ("MainWindow", "Bee&ld", "&View"),
        ("MainWindow", "&Overleg", "&Meeting"),
        ("OverviewPage", "Overzicht", "Overview"),
        ("ProgrammePage", "Programma", "Programme"),
        ("MeetingsPage", "Overleggen", "Meetings"),
        ("ActionsPage", "Acties", "Actions"),
        ("WorkingGroupsPage", "Werkgroepen", "Working groups"),
        ("OrganisationsPage", "Organisaties & personen", "Organisations & people"),
        ("MeetingView", "No&tuleren", "Minu&tes"),
        ("editors", "Opslaan", "Save"),
        ("MainWindow", "Actielijst importeren", "Import action list"),
        ("enums", "Bestuurlijk overleg", "Administrative meeting"),
    ],
)
def test_key_strings_translate(english, context, source, english_text):
    assert QCoreApplication.translate(context, source) == english_text


def test_main_window_menus_are_english_with_unique_accelerators(english, qtbot, tmp_path):
    from ghnt_desktop.ui.mainwindow import MainWindow

    window = MainWindow(Settings.at_path(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    menus = [action.menu() for action in window.menuBar().actions()]
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:2] == ["&File", "&Edit"]

    def letter(text: str) -> str | None:
        match = re.search(r"&([^&\s])", text)
        return match.group(1).lower() if match else None

    bar_letters = [letter(t) for t in titles if letter(t)]
    assert len(bar_letters) == len(set(bar_letters)), titles
    for menu in [m for m in menus if isinstance(m, QMenu)]:
        texts = [a.text() for a in menu.actions() if a.text() and letter(a.text())]
        letters = [letter(t) for t in texts]
        assert len(letters) == len(set(letters)), (menu.title(), texts)
