"""The user guide (Help > Handleiding, F1): Dutch HTML pages under ``resources/help`` in a QTextBrowser.

The pages ship with the app (``build.spec`` bundles ``resources/``) and need no network: links between
pages are followed in the browser; a link to a web address opens in the user's own browser. F1 opens the
page of the screen in view (``HELP_PAGES``); the dialog stays open beside the window.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ..paths import resource

INDEX = "index.html"
#: The page of each screen (main window page keys, and the search dialog).
HELP_PAGES: dict[str, str] = {
    "overview": "overzicht.html",
    "programme": "programma.html",
    "meetings": "overleggen.html",
    "actions": "acties.html",
    "indicators": "indicatoren.html",
    "working_groups": "werkgroepen.html",
    "organisations": "organisaties.html",
    "search": "zoeken.html",
}


def help_folder():
    return resource("help")


class HelpDialog(QDialog):
    """The guide: back, forward, contents, and the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handleiding GHNT Desktop"))
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("◀ Terug"), self)
        self.back_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.forward_button = QPushButton(self.tr("Vooruit ▶"), self)
        self.forward_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Forward))
        self.contents_button = QPushButton(self.tr("Inhoud"), self)
        for button in (self.back_button, self.forward_button, self.contents_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # internal links here, web addresses in the user's browser
        self.browser.setSearchPaths([str(help_folder())])
        self.browser.setAccessibleName(self.tr("Handleiding"))
        layout.addWidget(self.browser, 1)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.contents_button.clicked.connect(lambda: self.show_page(INDEX))
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)

    def show_page(self, name: str) -> None:
        """Show the page ``name`` (a file in ``resources/help``, optionally with ``#anchor``)."""
        page, _hash, anchor = name.partition("#")
        path = help_folder() / page
        if not path.is_file():
            path = help_folder() / INDEX
            anchor = ""
        url = QUrl.fromLocalFile(str(path))
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)

    def current_page(self) -> str:
        """The file name of the page shown (for tests and the title)."""
        return self.browser.source().fileName()

    @Slot(QUrl)
    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        if url.isRelative() and not url.path():  # "#anchor" on this page
            self.browser.scrollToAnchor(url.fragment())
            return
        self.browser.setSource(self.browser.source().resolved(url))
