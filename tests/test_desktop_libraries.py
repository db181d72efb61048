"""Before the window opens on X11, every missing system library is named with its apt package (fake loader)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ghnt_desktop import desktop_libraries
from ghnt_desktop.desktop_libraries import XCB_LIBRARIES, missing_message, uses_xcb

X11 = {"DISPLAY": ":0"}


def loader_without(*absent: str):
    """A stand-in for ctypes.CDLL that fails for ``absent`` as the system loader does."""
    tried: list[str] = []

    def load(name: str) -> object:
        tried.append(name)
        if name in absent:
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")
        return object()

    load.tried = tried  # type: ignore[attr-defined]
    return load


def test_the_libraries_of_the_minimal_desktop_report_are_named_with_their_packages():
    message = missing_message(X11, [], loader_without("libxcb-icccm.so.4", "libxcb-keysyms.so.1"), "linux")
    assert message is not None
    assert "libxcb-icccm.so.4 (pakket libxcb-icccm4)" in message
    assert "libxcb-keysyms.so.1 (package libxcb-keysyms1)" in message
    assert message.count("sudo apt install libxcb-icccm4 libxcb-keysyms1") == 2  # Dutch and English
    assert "Het venster kan niet openen" in message and "The window cannot open" in message
    assert "libxcb-cursor" not in message  # only what is missing


@pytest.mark.parametrize(("library", "package"), XCB_LIBRARIES)
def test_each_missing_library_is_named(library, package):
    message = missing_message(X11, [], loader_without(library), "linux")
    assert message is not None and f"{library} (pakket {package})" in message


def test_nothing_missing_means_no_message_and_every_library_is_tried():
    load = loader_without()
    assert missing_message(X11, [], load, "linux") is None
    assert load.tried == [name for name, _package in XCB_LIBRARIES]


@pytest.mark.parametrize(
    ("environ", "argv", "platform", "expected"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, [], "linux", False),  # tests, CI, the build's smoke test
        ({"QT_QPA_PLATFORM": "xcb"}, [], "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, [], "linux", True),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, [], "linux", False),
        ({"DISPLAY": ":0"}, [], "linux", True),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, [], "linux", False),
        ({"XDG_SESSION_TYPE": "wayland"}, [], "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, ["-platform", "offscreen"], "linux", False),
        ({}, [], "win32", False),
        ({}, [], "darwin", False),
    ],
)
def test_only_an_xcb_start_is_checked(environ, argv, platform, expected):
    assert uses_xcb(environ, argv, platform) is expected
    load = loader_without(*(name for name, _package in XCB_LIBRARIES))
    assert (missing_message(environ, argv, load, platform) is not None) is expected


def test_a_library_the_packaged_app_carries_is_not_missing(tmp_path, monkeypatch):
    (tmp_path / "libxcb-cursor.so.0").write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert missing_message(X11, [], loader_without("libxcb-cursor.so.0"), "linux") is None


def test_this_machine_has_them_all():
    # The real loader on the test machine (which runs Qt): a false alarm would stop every real start.
    if not sys.platform.startswith("linux"):
        pytest.skip("Linux only")
    assert desktop_libraries.missing_libraries() == []


def test_the_start_command_stops_with_the_message_before_qt(tmp_path, monkeypatch):
    # A real start with QT_QPA_PLATFORM=xcb and a loader that misses one library: the message, exit 1, no Qt.
    script = (
        "import sys, ctypes\n"
        "real = ctypes.CDLL\n"
        "def fake(name, *a, **k):\n"
        "    if name == 'libxcb-keysyms.so.1': raise OSError(name)\n"
        "    return real(name, *a, **k)\n"
        "ctypes.CDLL = fake\n"
        "import ghnt_desktop.desktop_libraries as d\n"
        "d.missing_libraries.__defaults__ = (fake,)\n"
        "from ghnt_desktop.cli import main\n"
        "code = main(['--db', sys.argv[1]])\n"
        "assert 'PySide6.QtWidgets' not in sys.modules\n"
        "sys.exit(code)\n"
    )
    env = {"QT_QPA_PLATFORM": "xcb", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "x.db")], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1, done.stderr
    assert "libxcb-keysyms.so.1 (pakket libxcb-keysyms1)" in done.stderr
    assert "sudo apt install libxcb-keysyms1" in done.stderr
    assert not (tmp_path / "x.db").exists()  # nothing was made
