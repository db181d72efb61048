"""The guard in conftest: a test that leaves Qt's default locale changed fails, and the locale is put back."""

from __future__ import annotations

import pytest
from conftest import qt_default_locale_kept
from PySide6.QtCore import QLocale


def test_a_block_that_leaves_english_fails_and_the_locale_comes_back(qapp):
    before = QLocale().name()
    with pytest.raises(pytest.fail.Exception, match="ui_language"):
        with qt_default_locale_kept():
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Netherlands))
    assert QLocale().name() == before


def test_a_block_that_puts_the_locale_back_passes(qapp):
    with qt_default_locale_kept():
        previous = QLocale()
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
        QLocale.setDefault(previous)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_ui_language_puts_the_locale_back(ui_language, language):
    before = QLocale().name()
    with pytest.raises(pytest.fail.Exception):
        with qt_default_locale_kept():
            ui_language(language)  # installed, and (in this block) not yet put back
    assert QLocale().name() == before
    ui_language(language)  # this time the fixture puts it back after the test; the autouse guard checks it
    assert QLocale().language() == (QLocale.Language.English if language == "en" else QLocale.Language.Dutch)
