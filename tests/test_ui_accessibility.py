"""Every page, tab and dialog at 1366x768: readable, reachable by keyboard, named for a screen reader.

The walk (``tests/ui_walk.py``) finds the pages from the main window and the dialogs by triggering every
menu item and clicking every button, so pages and dialogs added later are checked too. Screenshots of
every state go to ``tests/artifacts/accessibility/``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from ui_walk import Walker

from ghnt_desktop.ui.mainwindow import PAGE_KEYS

TODAY = date(2020, 3, 2)
ARTIFACTS = Path(__file__).parent / "artifacts" / "accessibility"


@pytest.fixture
def walked(demo_window, monkeypatch, messages):
    window = demo_window(TODAY, size=(1366, 768))
    walker = Walker(window, monkeypatch, screenshots=ARTIFACTS)
    walker.walk_pages(PAGE_KEYS)
    walker.walk_menus()
    return walker


def test_every_page_and_dialog_is_readable_named_and_keyboard_ready(walked):
    problems = walked.report(("text", "mnemonic", "name", "elided", "tab order"))
    print("\n".join(problems))
    print("dialogs:", sorted(walked.dialog_classes))
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
