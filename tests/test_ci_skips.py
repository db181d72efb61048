"""Under CI=true a test skipped for want of LibreOffice, poppler, PostgreSQL or mypy fails (tests/ci_skips.py),
in one process and in pytest-xdist workers alike; other skips stay skips."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

TESTS = Path(__file__).resolve().parent

SAMPLE = """
import shutil

import pytest


@pytest.mark.skipif(True, reason="LibreOffice is not installed")
def test_needs_libreoffice():
    pass


@pytest.mark.skipif(shutil.which("no-such-tool") is None, reason="LibreOffice/poppler not installed")
def test_needs_poppler():
    pass


def test_needs_pdftotext():
    pytest.skip("poppler's pdftotext is not installed")


def test_needs_postgresql():
    pytest.skip("PostgreSQL binaries not found in /usr/lib/postgresql/15/bin")


@pytest.mark.skipif(True, reason="POSIX permissions")
def test_windows_only_reason():
    pass


def test_shared_data():
    pytest.skip("shared data not available")


@pytest.mark.xfail(reason="LibreOffice renders this wrongly")
def test_known_gap():
    assert False


def test_plain():
    pass
"""


@pytest.fixture
def sample(pytester, monkeypatch):
    pytester.makepyfile(test_sample=SAMPLE)
    # xdist workers are new interpreters: they find the plugin through PYTHONPATH.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")])))
    return pytester


@pytest.mark.parametrize("xdist", [False, True], ids=["one process", "xdist"])
def test_under_ci_a_skip_for_want_of_a_ci_tool_fails(sample, monkeypatch, xdist):
    monkeypatch.setenv("CI", "true")
    if xdist:  # the hook runs in each worker; the failure must reach the controller's summary and exit code
        result = sample.runpytest_subprocess("-p", "ci_skips", "-p", "no:cacheprovider", "-n", "2")
    else:
        result = sample.runpytest("-p", "ci_skips", "-p", "no:cacheprovider", "-p", "no:xdist")
    # A skipif mark skips in the set-up: that becomes an error; pytest.skip() in the test a failure.
    result.assert_outcomes(passed=1, failed=2, errors=2, skipped=2, xfailed=1)
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*CI=true: skipped for want of a tool CI installs: LibreOffice is not installed*"])


@pytest.mark.parametrize("ci", [None, "1"])
def test_outside_ci_they_stay_skips(sample, monkeypatch, ci):
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    result = sample.runpytest("-p", "ci_skips", "-p", "no:cacheprovider", "-p", "no:xdist")
    result.assert_outcomes(passed=1, skipped=6, xfailed=1)
    assert result.ret == 0
