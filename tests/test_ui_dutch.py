"""Qt's own dialogs in Dutch, and Dutch plurals wherever a count is shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from ghnt_desktop.ui.i18n import install_translators, qt_translation_dirs


@pytest.fixture
def dutch(qapp):
    translators = install_translators(qapp, "nl")
    yield translators
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize(
    ("button", "dutch_text"),
    [
        (QDialogButtonBox.StandardButton.Cancel, "Annuleren"),
        (QDialogButtonBox.StandardButton.Yes, "Ja"),
        (QDialogButtonBox.StandardButton.No, "Nee"),
        (QDialogButtonBox.StandardButton.Close, "Sluiten"),
        (QDialogButtonBox.StandardButton.Save, "Opslaan"),
    ],
)
def test_qt_standard_buttons_speak_dutch(dutch, qtbot, button, dutch_text):
    assert dutch, "qtbase_nl.qm was not found in " + ", ".join(qt_translation_dirs())
    box = QDialogButtonBox(button)
    qtbot.addWidget(box)
    assert box.button(button).text().replace("&", "") == dutch_text


def test_qt_message_box_and_file_dialog_texts_are_dutch(dutch):
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel").replace("&", "") == "Annuleren"
    assert QMessageBox  # the message boxes use the same QPlatformTheme strings


def test_the_packaged_build_keeps_qts_dutch_translation():
    """build.spec keeps qtbase_nl.qm (and qt_nl.qm) while it drops Qt's other translations."""
    from pathlib import Path

    spec = (Path(__file__).parent.parent / "build.spec").read_text(encoding="utf-8")
    namespace: dict = {}
    start = spec.index("def _wanted_data")
    exec(spec[start : spec.index("\n\n\n", start)], namespace)  # the filter function alone
    wanted = namespace["_wanted_data"]
    assert wanted(("PySide6/Qt/translations/qtbase_nl.qm", "", "DATA"))
    assert wanted(("PySide6/Qt/translations/qt_nl.qm", "", "DATA"))
    assert not wanted(("PySide6/Qt/translations/qtbase_de.qm", "", "DATA"))


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "0 resultaten"), (1, "1 resultaat"), (2, "2 resultaten"), (12345, "12.345 resultaten")],
)
def test_plural_uses_the_singular_for_one_only(n, expected):
    from ghnt_desktop.ui.i18n import plural

    assert plural(n, "1 resultaat", "%1 resultaten") == expected


def test_no_count_is_shown_with_a_bracketed_plural():
    """ "actie(s)", "status(sen)": the UI says "1 actie" / "2 acties" instead (through i18n.plural)."""
    import re
    from pathlib import Path

    ui = Path(__file__).parent.parent / "ghnt_desktop" / "ui"
    found = [
        f"{path.name}: {match.group(0)}"
        for path in ui.rglob("*.py")
        for match in re.finditer(r'tr\("[^"]*\w\((s|en|sen)\)[^"]*"\)', path.read_text(encoding="utf-8"))
    ]
    assert found == []
