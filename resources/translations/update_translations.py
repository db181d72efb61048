"""Update ``ghnt_en.ts`` from the sources and compile it to ``ghnt_en.qm``.

Run from the checkout: ``.venv/bin/python resources/translations/update_translations.py``.

1. ``pyside6-lupdate`` collects every ``tr()``, ``QCoreApplication.translate()`` and ``QT_TRANSLATE_NOOP``
   string of the GUI into the ``.ts`` file, keeping the translations already made.
2. The enum labels (``ghnt_desktop/models/enums.py``, Dutch, shown through the context ``"enums"``) and the
   field names of an offline return (``services.offline.FIELD_LABELS``, context ``"offline_fields"``) are
   added: lupdate cannot see them because they are data.
3. Free ``tr("...")`` helpers (``def tr(text): return QCoreApplication.translate("editors", text)``) land in
   the empty context, because lupdate does not know the helper; they are moved to the context the helper
   translates in at run time, or the app would never find them. Likewise ``window.tr("...")`` (lupdate uses
   the variable name as context) moves to ``MainWindow``.
4. Obsolete entries (strings no longer in the code) are dropped.
5. ``pyside6-lrelease`` compiles the ``.qm`` the app loads. Translate new strings in Qt Linguist
   (``pyside6-linguist ghnt_en.ts``) or by editing the ``.ts``, then run this script again.
"""

from __future__ import annotations

import ast
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


Snapshot = dict[tuple[str, str, str], bool]


def snapshot() -> Snapshot:
    """(context, source, comment) -> whether the translation was finished, before lupdate marks things vanished."""
    if not TS.exists():
        return {}
    result: Snapshot = {}
    for context in ET.parse(TS).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            finished = translation is not None and bool(translation.text) and translation.get("type") is None
            result[(name, *_key(message))] = finished
    return result


def _revive(context: str, message: ET.Element, before: Snapshot) -> None:
    """Undo lupdate's vanished mark on a message that is in use, keeping whether it was finished."""
    translation = message.find("translation")
    if translation is None or translation.get("type") not in ("vanished", "obsolete"):
        return
    if translation.text and before.get((context, *_key(message)), False):
        del translation.attrib["type"]
    else:
        translation.set("type", "unfinished")


def _helper_context(function: ast.FunctionDef) -> str | None:
    """The context of a helper ``def tr(text): return QCoreApplication.translate("Context", text)``."""
    for node in ast.walk(function):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "translate"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            return node.args[0].value
    return None


def free_tr_contexts() -> dict[str, set[str]]:
    """Source text -> the run-time contexts of the free ``tr("...")`` calls that use it."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in map(Path, sources())}
    trees = {(ROOT / path).resolve(): tree for path, tree in trees.items()}
    own: dict[Path, str] = {}
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "tr" and (context := _helper_context(node)):
                own[path] = context
    result: dict[str, set[str]] = {}
    for path, tree in trees.items():
        context = own.get(path)
        if context is None:  # ``from .forms import tr``: the helper of that module
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and any(alias.name == "tr" for alias in node.names):
                    base = path.parent
                    for _ in range(max(node.level - 1, 0)):
                        base = base.parent
                    target = (base / Path(*(node.module or "").split("."))).with_suffix(".py")
                    context = own.get(target.resolve())
        if context is None:
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                result.setdefault(node.args[0].value, set()).add(context)
    return result


def _context(root: ET.Element, name: str) -> ET.Element:
    context = next((c for c in root.findall("context") if (c.findtext("name") or "") == name), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
    return context


def _key(message: ET.Element) -> tuple[str, str]:
    return message.findtext("source") or "", message.findtext("comment") or ""


#: lupdate names the context of ``window.tr("...")`` after the variable; at run time it is the class of the object.
VARIABLE_CONTEXTS = {"window": "MainWindow"}


def _merge_into(root: ET.Element, name: str, message: ET.Element, before: Snapshot) -> None:
    """Put ``message`` in context ``name``, reviving the translation kept there if there is one."""
    context = _context(root, name)
    existing = next((m for m in context.findall("message") if _key(m) == _key(message)), None)
    if existing is None:
        context.append(ET.fromstring(ET.tostring(message)))
    else:
        _revive(name, existing, before)


def relocate_free_tr(root: ET.Element, before: Snapshot) -> None:
    """Move messages to the contexts Qt looks them up in at run time.

    Free ``tr`` helpers land in the empty context, ``window.tr`` calls in the context ``window``.
    """
    empty = next((c for c in root.findall("context") if not c.findtext("name")), None)
    if empty is not None:
        contexts = free_tr_contexts()
        for message in list(empty.findall("message")):
            targets = contexts.get(message.findtext("source") or "")
            if not targets:
                print(f"warning: no run-time context for {message.findtext('source')!r}", file=sys.stderr)
                continue
            for name in sorted(targets):
                _merge_into(root, name, message, before)
            empty.remove(message)
    for variable, name in VARIABLE_CONTEXTS.items():
        for context in [c for c in root.findall("context") if c.findtext("name") == variable]:
            for message in list(context.findall("message")):
                translation = message.find("translation")
                if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                    continue
                _merge_into(root, name, message, before)
                context.remove(message)
    for context in root.findall("context"):
        if not context.findall("message"):
            root.remove(context)


def drop_obsolete(root: ET.Element) -> None:
    """Remove the messages lupdate no longer finds in the code."""
    for context in root.findall("context"):
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                context.remove(message)
        if not context.findall("message"):
            root.remove(context)


def data_contexts() -> dict[str, list[str]]:
    """Dutch labels that are data in the lower layers, by the context the app translates them in: the enum labels
    (``ui.i18n.enum_label``), the field names of an offline return (``ui.offline_conflicts.field_text``) and the steps
    of a take or return (``ui.offline.step_text``)."""
    sys.path.insert(0, str(ROOT))
    from ghnt_desktop.models.enums import _LABELS
    from ghnt_desktop.services.offline import FIELD_LABELS, step_parts

    return {
        "enums": list(dict.fromkeys(_LABELS.values())),
        "offline_fields": list(dict.fromkeys(FIELD_LABELS.values())),
        "offline_steps": step_parts(),
    }


def _add_data_context(root: ET.Element, name: str, wanted: list[str], before: Snapshot) -> None:
    context = next((c for c in root.findall("context") if c.findtext("name") == name), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
    existing = {m.findtext("source"): m for m in context.findall("message")}
    for label in wanted:
        message = existing.get(label)
        if message is None:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = label
            ET.SubElement(message, "translation", type="unfinished")
        # lupdate marks messages it cannot see as vanished; these are real, so keep them current.
        _revive(name, message, before)
    for label, message in existing.items():
        if label not in wanted:
            context.remove(message)


def add_enum_context(before: Snapshot) -> None:
    tree = ET.parse(TS)
    root = tree.getroot()
    relocate_free_tr(root, before)
    for name, wanted in data_contexts().items():
        _add_data_context(root, name, wanted, before)
    drop_obsolete(root)
    # Contexts in name order, so that running this again changes nothing.
    contexts = sorted(root.findall("context"), key=lambda c: c.findtext("name") or "")
    for context in contexts:
        root.remove(context)
    root.extend(contexts)
    ET.indent(tree, space="    ")
    with TS.open("wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
        handle.write(b"\n")


def main() -> int:
    before = snapshot()
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
    add_enum_context(before)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
