"""The domain layers pass ``mypy --strict`` (issue #16).

models, services, exports, imports and the small pure modules they use are type-checked with the
configuration in pyproject.toml ([tool.mypy]: the files, strict). A None passed where a value is required,
a row built with its fields in the wrong order or a helper called with the wrong type fails here, not in
front of a user. mypy keeps its incremental cache in .mypy_cache (a run without changes takes seconds).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None, reason="mypy is not installed (it is in the dev group: tasks.py test)"
)


def test_configuration_checks_the_domain_layers_strictly() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["strict"] is True
    for path in ("models", "services", "exports", "imports", "deadlines.py"):
        assert f"ghnt_desktop/{path}" in config["files"]
    # No blanket escape hatch for the checked code: an override may only quieten third-party imports.
    for override in config.get("overrides", []):
        modules = override["module"] if isinstance(override["module"], list) else [override["module"]]
        assert not any(m.startswith("ghnt_desktop") for m in modules), override
        assert "ignore_errors" not in override, override


def test_domain_layers_pass_mypy_strict() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--hide-error-context"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"mypy --strict reports errors in the domain layers:\n{output}"


def test_the_check_catches_the_class_of_bug(tmp_path: Path) -> None:
    """The configuration really reports a None where a value is required and an unannotated function."""
    probe = tmp_path / "probe_module.py"
    probe.write_text(
        "from datetime import date\n"
        "from ghnt_desktop.services.action_view import quarter_of\n\n\n"
        "def first_day(day: date | None) -> date:\n"
        "    return quarter_of(day)[0]\n\n\n"
        "def untyped(value):\n"
        "    return value\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), str(probe)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "[arg-type]" in output and "[no-untyped-def]" in output, output
