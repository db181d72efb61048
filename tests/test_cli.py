"""The command line as IT staff use it: help, check, and the GUI start used by the packaged build."""

from __future__ import annotations

import os
import subprocess
import sys

from ghnt_desktop.cli import main


def test_help_lists_the_subcommands(capsys):
    try:
        main(["--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    for command in ("demo", "check", "list", "export"):
        assert command in out


def test_check_reports_missing_and_bad_files(tmp_path, capsys):
    assert main(["check", "--db", str(tmp_path / "missing.db")]) == 2
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 10)
    assert main(["check", "--db", str(bad)]) == 1
    assert "geen database" in capsys.readouterr().out


def test_gui_smoke_start_creates_the_demo_and_exits_zero(tmp_path):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    database = tmp_path / "start.db"
    result = subprocess.run(
        [sys.executable, "-m", "ghnt_desktop", "--db", str(database), "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert database.exists()
    assert main(["check", "--db", str(database)]) == 0
