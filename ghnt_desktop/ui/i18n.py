"""Translations and the display formats users expect.

The source strings in ``tr()`` are Dutch; ``resources/translations/ghnt_en.qm`` holds the English
interface. Qt's own dialogs (standard buttons, file dialogs) speak Dutch through ``qtbase_nl.qm``.
Enum labels are Dutch in the model and translated in the context ``"enums"``.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..dutch_dates import short_date
from ..paths import resource

log = logging.getLogger(__name__)

ENUM_CONTEXT = "enums"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's own and the app's translations for ``language`` ("nl" or "en").

    Returns the translators; the caller keeps them alive as long as the application runs.
    """
    translators: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Netherlands))
        ours = QTranslator(app)
        if ours.load(str(resource("translations", "ghnt_en.qm"))):
            translators.append(ours)
        else:
            log.warning("English translation not found in %s", resource("translations"))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
        qt = QTranslator(app)
        folders = qt_translation_dirs()
        if any(qt.load("qtbase_nl", folder) for folder in folders):
            translators.append(qt)
            translators.append(MnemonicGapTranslator(qt, app))
        else:
            log.warning("Qt's Dutch translation qtbase_nl.qm not found in %s", ", ".join(folders))
    for translator in translators:
        app.installTranslator(translator)
    return translators


class MnemonicGapTranslator(QTranslator):
    """Qt's Dutch translation for the Alt-letter versions of texts it knows without one.

    Qt 6 gave labels of its own file dialog an Alt letter ("&Look in:", "Files of &type:") that
    ``qtbase_nl.qm`` does not have yet: it has "Look in:" and "Files of type:". So Qt's own (non-native) file
    dialog, which Linux desktops without a platform file dialog show, said "Look in:" in a Dutch app. This
    translator answers such a text of Qt's own classes (contexts starting with "Q") with the translation
    of the text without "&", the Alt letter put back on the same letter if the Dutch has it, else the first.
    Installed after ``qtbase_nl`` (so asked before it); it answers nothing else.
    """

    def __init__(self, qt: QTranslator, parent=None) -> None:
        super().__init__(parent)
        self.qt = qt

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ANN001 - Qt's signature
        # None (a null string) lets Qt ask the next translator; "" would be taken as the translation.
        if not context or not source_text or not context.startswith("Q") or "&" not in source_text:
            return None
        if self.qt.translate(context, source_text, disambiguation, n):
            return None  # qtbase_nl has it
        plain = source_text.replace("&&", "\0").replace("&", "").replace("\0", "&&")
        dutch = self.qt.translate(context, plain, disambiguation, n)
        if not dutch or "&" in dutch.replace("&&", ""):
            return None
        return dutch[: mnemonic_position(dutch, source_text)] + "&" + dutch[mnemonic_position(dutch, source_text) :]


def mnemonic_position(text: str, source: str) -> int:
    """Where the Alt letter goes in ``text`` (a translation of ``source``): on the source's letter where a
    word starts with it, else wherever it occurs, else on the first letter."""
    mark = source.replace("&&", "").find("&")
    letter = source.replace("&&", "")[mark + 1 : mark + 2].casefold()
    folded = text.casefold()
    starts = [
        i for i, c in enumerate(folded) if c == letter and c.isalpha() and (i == 0 or not folded[i - 1].isalpha())
    ]
    if starts:
        return starts[0]
    if letter.isalpha() and letter in folded:
        return folded.index(letter)
    return next((i for i, c in enumerate(text) if c.isalpha()), 0)


def use_dutch_system_dates(language: str) -> bool:
    """With the Dutch interface on Linux and macOS, let Qt's own dialogs (the file dialog's "Gewijzigd
    op" column) write dates the Dutch way: they follow the system locale, which on a minimal or English
    system is C ("3 12 2026"). Sets LC_TIME unless the user set a Dutch one or LC_ALL; Windows' file dialogs
    are the system's own, in the user's regional format. Must run before the QApplication exists."""
    import os
    import sys

    if language != "nl" or sys.platform == "win32" or os.environ.get("LC_ALL"):
        return False
    current = os.environ.get("LC_TIME") or os.environ.get("LANG") or ""
    if current.startswith(("nl_", "nl.")):
        return False
    os.environ["LC_TIME"] = "nl_NL.UTF-8"
    return True


def qt_translation_dirs() -> list[str]:
    """Where Qt's own .qm files may be: Qt's configured folder, then PySide6's own (a frozen build whose
    qt.conf does not name it: build.spec bundles qtbase_nl.qm under PySide6/Qt/translations)."""
    import sys
    from pathlib import Path

    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(package / "Qt" / "translations")]
    folders.append(str(package / "translations"))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders.append(str(Path(bundle) / "PySide6" / "Qt" / "translations"))
    return list(dict.fromkeys(folders))


def enum_label(member: Any) -> str:
    """The user-facing label of an enum member of ``ghnt_desktop.models.enums``, translated."""
    if member is None:
        return ""
    return QCoreApplication.translate(ENUM_CONTEXT, member.label)


WEEKDAYS = (
    QT_TRANSLATE_NOOP("weekdays", "ma"),
    QT_TRANSLATE_NOOP("weekdays", "di"),
    QT_TRANSLATE_NOOP("weekdays", "wo"),
    QT_TRANSLATE_NOOP("weekdays", "do"),
    QT_TRANSLATE_NOOP("weekdays", "vr"),
    QT_TRANSLATE_NOOP("weekdays", "za"),
    QT_TRANSLATE_NOOP("weekdays", "zo"),
)


def format_date_with_weekday(value: date | None) -> str:
    """A meeting date with its weekday: "di 05-03-2024"."""
    if value is None:
        return ""
    weekday = QCoreApplication.translate("weekdays", WEEKDAYS[value.weekday()])
    return f"{weekday} {short_date(value)}"


def format_period(start: date | None, end: date | None) -> str:
    """An active period: "01-01-2020 - 31-12-2023", "vanaf 01-01-2024", "tot 31-12-2023" or ""."""
    if start and end:
        return f"{short_date(start)} - {short_date(end)}"
    if start:
        return arg(QCoreApplication.translate("periods", "vanaf %1"), short_date(start))
    if end:
        return arg(QCoreApplication.translate("periods", "tot %1"), short_date(end))
    return ""


def plural(n: int, one: str, many: str) -> str:
    """A count with its noun in the right form: ``plural(n, tr("1 resultaat"), tr("%1 resultaten"))``.

    Dutch and English both have one form for 1 and one for the rest (0 included: "0 resultaten").
    The number is written the Dutch way (12.345).
    """
    return one if n == 1 else arg(many, f"{n:,}".replace(",", "."))


_PLACEHOLDER = re.compile(r"%(\d)")


def arg(template: str, *values: object) -> str:
    """Fill Qt-style placeholders %1, %2... in one pass (a value that contains "%2" stays as it is)."""

    def fill(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return str(values[n - 1]) if 1 <= n <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(fill, template)
