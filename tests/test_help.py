"""The user guide: F1 on every screen opens its page, every internal link and anchor resolves, nothing online."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from ghnt_desktop.ui.help_dialog import HELP_PAGES, INDEX, help_folder
from ghnt_desktop.ui.mainwindow import PAGE_KEYS

TODAY = date(2026, 11, 22)
ARTIFACTS = Path(__file__).parent / "artifacts"


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"])
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        if values.get("src"):
            self.sources.append(values["src"])


def parsed() -> dict[str, Links]:
    pages = {}
    for path in sorted(help_folder().glob("*.html")):
        links = Links()
        links.feed(path.read_text(encoding="utf-8"))
        pages[path.name] = links
    return pages


def test_every_internal_link_and_anchor_resolves_and_nothing_is_online():
    pages = parsed()
    assert len(pages) >= 10
    broken = []
    for name, links in pages.items():
        for href in links.hrefs:
            assert not re.match(r"(https?|ftp):", href), f"{name}: the guide works offline, no {href}"
            target, _hash, anchor = href.partition("#")
            target = target or name
            if target not in pages:
                broken.append(f"{name}: {href} (no page)")
            elif anchor and anchor not in pages[target].ids:
                broken.append(f"{name}: {href} (no anchor)")
        assert links.sources == [], f"{name}: no images or scripts from elsewhere"
    assert broken == []


def test_every_page_is_reachable_from_the_contents():
    pages = parsed()
    seen, todo = set(), [INDEX]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo += [href.partition("#")[0] or name for href in pages[name].hrefs]
    assert seen == set(pages)


def test_each_screen_has_a_page_with_its_title():
    for screen in (*PAGE_KEYS, "search"):
        path = help_folder() / HELP_PAGES[screen]
        assert path.is_file(), screen
        assert "<h1>" in path.read_text(encoding="utf-8")


def test_the_topics_the_issue_names_are_covered():
    text = {name: (help_folder() / name).read_text(encoding="utf-8") for name in HELP_PAGES.values()}
    guide = " ".join(path.read_text(encoding="utf-8") for path in help_folder().glob("*.html"))
    assert 'id="cyclus"' in text["overleggen.html"] and "Verslag vaststellen" in text["overleggen.html"]
    for topic in ("Actielijst importeren", "Document maken", "Vertrouwelijk", "cliënt", "Reservekopie terugzetten"):
        assert topic in guide, topic


@pytest.fixture
def window(demo_window):
    return demo_window(TODAY)


def press_f1(qtbot, widget) -> None:
    widget.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window(), timeout=2000)
    qtbot.keyClick(widget, Qt.Key.Key_F1)


def test_f1_on_each_screen_opens_its_page(qtbot, window):
    for key in PAGE_KEYS:
        window.show_page(key)
        assert window.current_page().key == key
        press_f1(qtbot, window.current_page())
        dialog = window.help_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.current_page() == HELP_PAGES[key], key
        assert dialog.browser.toPlainText().strip(), key
    dialog.resize(820, 640)
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "help.png"))


def test_f1_in_the_search_window_opens_the_search_page(qtbot, window):
    window.search_action.trigger()
    press_f1(qtbot, window.search_dialog.field)
    assert window.help_dialog.current_page() == "zoeken.html"


def test_links_anchors_and_back_work_in_the_dialog(qtbot, window):
    window.show_help("overview")
    dialog = window.help_dialog
    dialog._follow(QUrl("overleggen.html#cyclus"))
    assert dialog.current_page() == "overleggen.html"
    assert "De cyclus van het afstemmingsoverleg" in dialog.browser.toPlainText()
    assert dialog.back_button.isEnabled()
    dialog.back_button.click()
    assert dialog.current_page() == "overzicht.html"
    dialog.contents_button.click()
    assert dialog.current_page() == INDEX
    dialog.show_page("bestaat-niet.html")
    assert dialog.current_page() == INDEX  # a missing page shows the contents, not an empty window


def test_the_build_bundles_the_guide():
    spec = (Path(__file__).parents[1] / "build.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert help_folder().parent.name == "resources"
