"""Cold start to the main window shown, against a bare PySide6 window, in new processes.

Run: ``.venv/bin/python benchmarks/bench_startup.py [--runs 7]`` (not part of the test run).

The baseline is a new Python process that shows a ``QMainWindow`` with a ``QTableView``; ours is
``python -m ghnt_desktop --db DEMO`` on an existing demo database. Both print a line when the window
has been shown and painted (``GHNT_STARTUP_TRACE``); the time is measured from process spawn to that
line, and for the app also to the line saying the database's rows are on screen. Medians of several
runs, each figure with its ratio to the baseline measured in the same run. Target (performance issue):
window shown within 1.5x of the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1280, 800)
window.show()
def shown():
    print("ghnt-startup shown", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def timed(args: list[str], env: dict[str, str], marks: tuple[str, ...]) -> dict[str, float]:
    """Seconds from spawn to each marker line the process prints."""
    started = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    seen: dict[str, float] = {}
    assert process.stdout is not None
    for line in process.stdout:
        for mark in marks:
            if line.strip() == f"ghnt-startup {mark}":
                seen[mark] = time.perf_counter() - started
    process.wait(timeout=120)
    missing = set(marks) - set(seen)
    if missing:
        raise SystemExit(f"no {missing} from {' '.join(args)}")
    return seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from ghnt_desktop.demo import create_demo_database

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        demo = tmp_path / "demo.db"
        create_demo_database(demo)
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            GHNT_STARTUP_TRACE="1",
            HOME=str(tmp_path),
            XDG_CONFIG_HOME=str(tmp_path / "config"),
            XDG_DATA_HOME=str(tmp_path / "data"),
            XDG_STATE_HOME=str(tmp_path / "state"),
        )
        # Users' Pythons write bytecode caches: without them every start compiles SQLAlchemy again.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        bare, shown, loaded = [], [], []
        timed([sys.executable, "-c", BARE_WINDOW], env, ("shown",))  # warm the file and bytecode caches once
        timed([sys.executable, "-m", "ghnt_desktop", "--db", str(demo), "--smoke-test"], env, ("shown", "loaded"))
        for _ in range(args.runs):
            bare.append(timed([sys.executable, "-c", BARE_WINDOW], env, ("shown",))["shown"])
            app = timed(
                [sys.executable, "-m", "ghnt_desktop", "--db", str(demo), "--smoke-test"], env, ("shown", "loaded")
            )
            shown.append(app["shown"])
            loaded.append(app["loaded"])
    base = statistics.median(bare)
    rows = [
        ("bare QMainWindow + QTableView shown (baseline)", base, None),
        ("GHNT Desktop main window shown", statistics.median(shown), 1.5),
        ("GHNT Desktop demo database on screen", statistics.median(loaded), None),
    ]
    print(f"Cold start, median of {args.runs} runs (new process each time)")
    for label, seconds, target in rows:
        ratio = seconds / base
        verdict = "" if target is None else (f"  target <= {target}x: " + ("met" if ratio <= target else "MISSED"))
        print(f"  {label:<48} {seconds * 1000:7.0f} ms  {ratio:5.2f}x{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
