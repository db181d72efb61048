"""The system libraries a real X11 window needs on Linux, checked before Qt tries to open one.

Qt's xcb platform plugin (``PySide6/Qt/plugins/platforms/libqxcb.so`` and ``libQt6XcbQpa.so.6``) links
against these libraries of the system (``ldd`` on both, PySide6 6.x, less what every Linux has). When one
is missing Qt stops with "Could not load the Qt platform plugin "xcb"" and often names another library
(or none), so the user cannot tell what to install. :func:`missing_message` finds every missing one by
trying to load it and names the Debian/Ubuntu package, in Dutch and English, before any window is made.

Offscreen and Wayland starts (tests, CI, the packaged build's smoke test) are not checked: Qt loads no
xcb library there. No Qt is imported here.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

# (shared library, Debian/Ubuntu package), in the order the README lists them.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libX11.so.6", "libx11-6"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libfreetype.so.6", "libfreetype6"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
)


def uses_xcb(environ: Mapping[str, str], argv: Sequence[str], platform: str = sys.platform) -> bool:
    """Whether Qt will open its window through X11 (xcb) in this start."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    for index, argument in enumerate(argv):  # "-platform offscreen" on the command line wins
        if argument == "-platform" and index + 1 < len(argv):
            chosen = argv[index + 1]
    if chosen:
        return chosen.split(":", 1)[0].split(";", 1)[0] == "xcb"
    # Without a choice Qt 6 takes Wayland in a Wayland session and X11 (xcb) otherwise.
    return not (environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland")


def _bundled(name: str) -> bool:
    """Whether the packaged app (PyInstaller) carries ``name`` itself."""
    bundle = getattr(sys, "_MEIPASS", None)
    return bundle is not None and (Path(bundle) / name).exists()


def missing_libraries(load: Callable[[str], object] = ctypes.CDLL) -> list[tuple[str, str]]:
    """The (library, package) pairs of ``XCB_LIBRARIES`` the system loader cannot load."""
    missing = []
    for name, package in XCB_LIBRARIES:
        if _bundled(name):
            continue
        try:
            load(name)
        except OSError:
            missing.append((name, package))
    return missing


def missing_message(
    environ: Mapping[str, str] | None = None,
    argv: Sequence[str] | None = None,
    load: Callable[[str], object] = ctypes.CDLL,
    platform: str = sys.platform,
) -> str | None:
    """A Dutch and English message naming the missing libraries and the command that installs them, or None."""
    if not uses_xcb(os.environ if environ is None else environ, sys.argv if argv is None else argv, platform):
        return None
    missing = missing_libraries(load)
    if not missing:
        return None
    names = ", ".join(f"{name} (pakket {package})" for name, package in missing)
    names_en = ", ".join(f"{name} (package {package})" for name, package in missing)
    install = "sudo apt install " + " ".join(package for _name, package in missing)
    return (
        f"Het venster kan niet openen: deze systeembibliotheken ontbreken: {names}.\n"
        f"Installeer ze (Debian/Ubuntu) met:\n    {install}\n"
        "en start de app opnieuw. Op andere Linux-versies hebben de pakketten vergelijkbare namen.\n\n"
        f"The window cannot open: these system libraries are missing: {names_en}.\n"
        f"Install them (Debian/Ubuntu) with:\n    {install}\n"
        "and start the app again."
    )
