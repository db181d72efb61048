#!/usr/bin/env python3
"""Set-up and run in one command, on a fresh machine with only Python 3.11+.

    python3 tasks.py run [ARGS...]   start the app (a demo database is made on first start)
    python3 tasks.py test [ARGS...]  run the test suite on every core (pytest-xdist; "-n 0" runs it in one process)
    python3 tasks.py bench           run the benchmarks (prints figures, not part of the tests)
    python3 tasks.py build           build the one-folder application with PyInstaller

Each command first makes ``.venv`` and installs exactly the versions in ``uv.lock`` (uv itself comes
from PyPI into that venv), so a new machine gets what CI tested. Only the standard library is used here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
UV_VERSION = "0.13.9"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _run(*args: str | Path, **kwargs) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT, **kwargs)


def ensure_environment(*groups: str) -> None:
    """Create .venv and sync it with uv.lock (quietly when nothing changed)."""
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py runs before any check of the environment
        sys.exit("Python 3.11 of nieuwer is nodig / Python 3.11 or newer is required.")
    if not PYTHON.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if _run(PYTHON, "-c", f"import uv, importlib.metadata as m; assert m.version('uv') == '{UV_VERSION}'",
            stderr=subprocess.DEVNULL) != 0:
        if _run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"uv=={UV_VERSION}") != 0:
            sys.exit("Installing uv failed.")
    env = dict(os.environ, UV_PROJECT_ENVIRONMENT=str(VENV), VIRTUAL_ENV=str(VENV))
    # --compile-bytecode: start-up is measured, and compiling SQLAlchemy on a first start costs 0.6 s.
    command = [str(PYTHON), "-m", "uv", "sync", "--frozen", "--inexact", "--quiet", "--compile-bytecode"]
    command += ["--python", str(PYTHON)]
    command += [arg for group in groups for arg in ("--group", group)]
    if not groups:
        command.append("--no-dev")
    if subprocess.call(command, cwd=ROOT, env=env) != 0:
        sys.exit("Installing the dependencies from uv.lock failed.")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "bench", "build"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        ensure_environment()
        return _run(PYTHON, "-m", "ghnt_desktop", *rest)
    if command == "test":
        ensure_environment("dev")
        # One worker per core (the suite is CPU-bound). "worksteal" gives each worker a run of consecutive tests, so
        # a module's shared fixtures are built about once, and an idle worker takes half of a busy one's queue, so
        # the slow GUI walks do not leave one core idle at the end. Arguments given after these win: "-n 0" for
        # one process.
        return _run(PYTHON, "-m", "pytest", "-n", "auto", "--dist", "worksteal", *rest)
    if command == "bench":
        ensure_environment("dev")
        return _run(PYTHON, ROOT / "benchmarks" / "run_all.py", *rest)
    ensure_environment("dev", "build")
    return _run(PYTHON, ROOT / "packaging" / "build_and_smoke.py", *rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
