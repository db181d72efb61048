"""Render resources/icons/ghnt-desktop.svg to the PNG (Linux, window icon) and ICO (Windows) the build uses.

Run after changing the SVG: ``.venv/bin/python packaging/make_icons.py``. Qt renders the SVG; Pillow
packs the sizes Windows wants into one .ico.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "ghnt-desktop.svg"))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication([])
    (ICONS / "ghnt-desktop.png").write_bytes(render(256))
    images = [Image.open(io.BytesIO(render(size))) for size in SIZES]
    images[-1].save(ICONS / "ghnt-desktop.ico", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    print("written:", ICONS / "ghnt-desktop.png", ICONS / "ghnt-desktop.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
