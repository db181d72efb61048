"""Under ``CI=true`` a test skipped for want of a tool that CI installs is a failure, not a skip.

CI (``.ci/run``) installs LibreOffice, poppler and PostgreSQL, and the dev group brings mypy; a test that skips
for want of one of them there means CI checked less than it says (a package renamed, a binary moved). Each test
keeps its own plain ``skipif`` for a developer's machine without them; this hook turns those skips into failures
under CI, in the process that ran the test (so in every xdist worker alike). Loaded by ``tests/conftest.py``.
"""

from __future__ import annotations

import os
import re

import pytest

# The tools CI provides, as the skip reasons name them.
CI_TOOLS = re.compile(r"libreoffice|soffice|poppler|pdftotext|pdftoppm|pdfinfo|postgresql|mypy", re.IGNORECASE)


def is_missing_ci_tool(reason: str) -> bool:
    return CI_TOOLS.search(reason) is not None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") != "true" or not report.skipped or hasattr(report, "wasxfail"):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    reason = reason.removeprefix("Skipped: ")
    if is_missing_ci_tool(reason):
        report.outcome = "failed"
        report.longrepr = f"CI=true: skipped for want of a tool CI installs: {reason}"
