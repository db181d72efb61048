"""Qt's own dialogs in Dutch, and Dutch plurals wherever a count is shown."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from ghnt_desktop.ui.i18n import qt_translation_dirs


@pytest.fixture
def dutch(ui_language):
    return ui_language("nl")


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


def test_file_dialog_shows_dutch_headers_and_dates(dutch, qtbot, tmp_path):
    """Qt's own file dialog (used where the system has none): Dutch column titles and dd-mm-jjjj dates."""
    from PySide6.QtWidgets import QFileDialog, QTreeView

    (tmp_path / "verslag.docx").write_bytes(b"x")
    dialog = QFileDialog(None, "Opslaan", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    view = next(v for v in dialog.findChildren(QTreeView) if v.model() is not None)
    model = view.model()
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    assert "Naam" in headers and any("Gewijzigd" in h or "Datum" in h for h in headers), headers
    root = model.index(str(tmp_path))
    qtbot.waitUntil(lambda: model.rowCount(root) > 0)
    assert model.index(0, 3, root).data()  # the date itself follows the system locale: see the next test


@pytest.mark.parametrize(
    ("environment", "dutch_dates"),
    [
        ({"LANG": "C"}, True),
        ({"LANG": "en_US.UTF-8"}, True),
        ({"LANG": "nl_BE.UTF-8"}, None),  # the user's own Dutch locale is kept (Belgian dates)
        ({"LC_ALL": "en_GB.UTF-8"}, False),  # LC_ALL is the user's explicit choice: left alone
    ],
)
def test_file_dialog_dates_are_dutch_with_the_dutch_interface(environment, dutch_dates, tmp_path):
    """Qt reads the system locale at start-up, so each case runs in its own process."""
    import os
    import subprocess
    import sys

    script = (
        "from ghnt_desktop.ui.i18n import use_dutch_system_dates\n"
        "use_dutch_system_dates('nl')\n"
        "from PySide6.QtCore import QDateTime, QDate, QTime, QLocale\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "print(QLocale.system().toString(QDateTime(QDate(2026, 12, 3), QTime(7, 5)), QLocale.FormatType.ShortFormat))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(environment, QT_QPA_PLATFORM="offscreen")
    shown = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    text = shown.stdout.strip()
    if dutch_dates is True:
        assert text.startswith("03-12-2026"), text
    elif dutch_dates is False:
        assert not text.startswith("03-12-2026"), text


def _file_dialog_texts(dialog) -> dict[tuple[str, str], str]:
    """What Qt's own file dialog shows and says to a screen reader: labels, buttons, tool tips, names."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    texts = {}
    for number, widget in enumerate(dialog.findChildren(QWidget)):
        key = widget.objectName() or f"{type(widget).__name__}{number}"
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
            texts[(key, "text")] = widget.text()
        for getter in ("toolTip", "accessibleName"):
            if getattr(widget, getter)():
                texts[(key, getter)] = getattr(widget, getter)()
    return texts


def _non_native(caption_dialog):
    from PySide6.QtWidgets import QFileDialog

    caption_dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    caption_dialog.show()
    QCoreApplication.processEvents()
    return caption_dialog


def test_the_apps_file_dialogs_say_everything_in_dutch(qapp, demo_window, monkeypatch, messages, ui_language):
    """Every file dialog the menus open, as Qt's own (non-native) dialog, shows no English text.

    QA saw "Look in:" and "Files of type:" in the Dutch app: Qt 6 gave those labels an Alt letter
    ("&Look in:", "Files of &type:") and qtbase_nl.qm only translates them without one, so any non-native
    file dialog (Linux without a platform file dialog) showed them in English, however early the translator
    was installed (the check above asked for "Look in:", which is translated, and passed).
    """
    from PySide6.QtWidgets import QFileDialog
    from ui_walk import Walker

    english = _file_dialog_texts(_non_native(QFileDialog(None, "x", "", "Excel (*.xlsx)")))
    assert english[("lookInLabel", "text")] == "&Look in:"  # built before the Dutch translation is installed
    seen: list[tuple[str, dict]] = []

    def shown(mode):
        def open_dialog(parent=None, caption="", directory="", file_filter="", *args, **kwargs):
            dialog = QFileDialog(parent, caption, directory, file_filter)
            dialog.setFileMode(mode)
            if mode == QFileDialog.FileMode.AnyFile:
                dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            seen.append((caption, _file_dialog_texts(_non_native(dialog))))
            dialog.hide()
            dialog.deleteLater()
            return "" if mode == QFileDialog.FileMode.Directory else ("", "")

        return staticmethod(open_dialog)

    translators = ui_language("nl")
    try:
        window = demo_window(date(2020, 3, 2))
        walker = Walker(window, monkeypatch)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", shown(QFileDialog.FileMode.ExistingFile))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", shown(QFileDialog.FileMode.AnyFile))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", shown(QFileDialog.FileMode.Directory))
        walker.walk_menus()
        window.page("indicators").import_figures()
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
    assert len(seen) >= 3, [caption for caption, _ in seen]
    problems = [
        f"{caption!r}: {key} {text!r}"
        for caption, texts in seen
        for key, text in texts.items()
        if english.get(key) == text and any(c.isalpha() for c in text)
    ]
    assert not problems, "\n".join(problems)
    assert all(texts[("lookInLabel", "text")] == "&Zoeken in:" for _caption, texts in seen)
    assert all(texts[("fileTypeLabel", "text")] == "Bestanden van &type:" for _caption, texts in seen)


@pytest.mark.parametrize(
    ("source", "dutch", "expected"),
    [
        ("&Look in:", "Zoeken in:", "&Zoeken in:"),  # no "l": the first letter
        ("Files of &type:", "Bestanden van type:", "Bestanden van &type:"),  # a word starting with it first
        ("File &name:", "Bestandsnaam:", "Besta&ndsnaam:"),  # inside a word when no word starts with it
        ("&1 item", "1 onderdeel", "1 &onderdeel"),  # not a letter: the first letter
    ],
)
def test_the_alt_letter_of_a_filled_gap_stays_where_it_can(source, dutch, expected):
    from ghnt_desktop.ui.i18n import mnemonic_position

    at = mnemonic_position(dutch, source)
    assert dutch[:at] + "&" + dutch[at:] == expected
