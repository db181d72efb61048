"""Update ``ghnt_en.ts`` from the sources and compile it to ``ghnt_en.qm``.

Run from the checkout: ``.venv/bin/python resources/translations/update_translations.py``.

1. ``pyside6-lupdate`` collects every ``tr()``, ``QCoreApplication.translate()`` and ``QT_TRANSLATE_NOOP``
   string of the GUI into the ``.ts`` file, keeping the translations already made.
2. The enum labels (``ghnt_desktop/models/enums.py``, Dutch, shown through the context ``"enums"``) are
   added: lupdate cannot see them because they are data.
3. ``pyside6-lrelease`` compiles the ``.qm`` the app loads. Translate new strings in Qt Linguist
   (``pyside6-linguist ghnt_en.ts``) or by editing the ``.ts``, then run this script again.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "ghnt_en.ts"
QM = HERE / "ghnt_en.qm"
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    files = [ROOT / "ghnt_desktop" / "app.py", *sorted((ROOT / "ghnt_desktop" / "ui").rglob("*.py"))]
    return [str(f.relative_to(ROOT)) for f in files]


def add_enum_context() -> None:
    sys.path.insert(0, str(ROOT))
    from ghnt_desktop.models.enums import _LABELS

    tree = ET.parse(TS)
    root = tree.getroot()
    context = next((c for c in root.findall("context") if c.findtext("name") == "enums"), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = "enums"
    existing = {m.findtext("source"): m for m in context.findall("message")}
    wanted = list(dict.fromkeys(_LABELS.values()))
    for label in wanted:
        message = existing.get(label)
        if message is None:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = label
            ET.SubElement(message, "translation", type="unfinished")
        translation = message.find("translation")
        # lupdate marks messages it cannot see as vanished; these are real, so keep them current.
        if translation is not None and translation.get("type") in ("vanished", "obsolete"):
            if translation.text:
                del translation.attrib["type"]
            else:
                translation.set("type", "unfinished")
    for label, message in existing.items():
        if label not in wanted:
            context.remove(message)
    ET.indent(tree, space="    ")
    with TS.open("wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
        handle.write(b"\n")


def main() -> int:
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            "-locations",
            "none",
            "-source-language",
            "nl_NL",
            "-target-language",
            "en_GB",
            *sources(),
            "-ts",
            str(TS),
        ],
        cwd=ROOT,
        check=True,
    )
    add_enum_context()
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
