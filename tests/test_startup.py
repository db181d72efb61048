"""What start-up does before the window first paints (bench_startup.py measures how long it takes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# The steps of app.run_gui up to the first paint, then what had been loaded by then.
START_UP = """
import json, sys
from pathlib import Path
import PySide6.QtCore
from ghnt_desktop.app import create_application
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.errors import install_excepthook
from ghnt_desktop.ui.i18n import install_translators
from ghnt_desktop.ui.mainwindow import MainWindow
app = create_application()
settings = Settings.at_path(Path(sys.argv[1]))
settings.last_page = sys.argv[2]
translators = install_translators(app, sys.argv[3])
install_excepthook(None)
window = MainWindow(settings)
window.show()
app.processEvents()
painted = {
    "sqlalchemy": "sqlalchemy" in sys.modules,
    "qt_namespace": "Qt" in vars(PySide6.QtCore),
    "pages": [page.key for page in window.pages],
}
window.current_page()
visible = window.stack.currentWidget() is window.page(sys.argv[2])
# The plotting library is loaded when a chart is drawn (the Indicatoren page), never to start or show a page.
after = {"pages": [page.key for page in window.pages], "visible": visible, "matplotlib": "matplotlib" in sys.modules}
print(json.dumps({"painted": painted, "after": after}))
"""


def start(tmp_path, page: str, language: str = "nl") -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", START_UP, str(tmp_path / "s.ini"), page, language],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_first_paint_waits_for_no_database_library_page_or_qt_namespace(tmp_path):
    # SQLAlchemy and the models are imported when the database opens; the page when the frame has painted;
    # PySide builds the ~90 enums of the Qt namespace on first use (12 ms here), so the frame avoids it.
    seen = start(tmp_path, "actions")
    assert seen["painted"] == {"sqlalchemy": False, "qt_namespace": False, "pages": []}
    assert seen["after"] == {"pages": ["actions"], "visible": True, "matplotlib": False}


def test_first_paint_in_english_is_as_lean(tmp_path):
    seen = start(tmp_path, "overview", "en")
    assert seen["painted"] == {"sqlalchemy": False, "qt_namespace": False, "pages": []}
    assert seen["after"] == {"pages": ["overview"], "visible": True, "matplotlib": False}
