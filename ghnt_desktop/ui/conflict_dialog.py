"""The choice when an edit was refused because another user saved the same field meanwhile.

``services.versions.ConflictError`` carries both values and who saved theirs; this dialog shows them and lets
the user keep their own value (the same service call again inside ``versions.overriding``) or take the saved
one (the window reloads, nothing of theirs is written).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

KEEP_MINE = "mine"
TAKE_THEIRS = "theirs"


def tr(text: str) -> str:
    return QCoreApplication.translate("conflict", text)


def _shown(value: Any) -> str:
    """A value as the screens show it: Dutch dates, labels of statuses, Ja/Nee."""
    import uuid
    from datetime import date

    from ..dutch_dates import short_date
    from ..services.history import as_text

    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return tr("Ja") if value else tr("Nee")
    if isinstance(value, date):
        return short_date(value)
    if hasattr(value, "label"):  # a status or kind
        return str(value.label)
    if isinstance(value, uuid.UUID):  # a person, organisation or programme action chosen in a list
        return tr("een andere keuze uit de lijst")
    return as_text(value) or "-"


def build_conflict_dialog(parent: QWidget | None, conflict: Any) -> tuple[QMessageBox, dict[Any, str]]:
    """The message box for ``conflict`` and which of its buttons means which choice."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Intussen gewijzigd"))
    who = conflict.who or tr("iemand anders")
    moment = conflict.when.astimezone() if conflict.when is not None and conflict.when.tzinfo else conflict.when
    when = f" ({moment:%d-%m-%Y %H:%M})" if moment is not None else ""  # local time, as the history shows it
    box.setText(f"{conflict.record}: " + tr("intussen gewijzigd door") + f" {who}{when}.")
    rows = []
    for field in conflict.fields:
        rows.append(
            f"{field.label}\n  " + tr("Opgeslagen:") + f" {_shown(field.theirs)}\n  "
            + tr("Uw waarde:") + f" {_shown(field.mine)}"
        )  # fmt: skip
    box.setInformativeText("\n".join(rows) + "\n\n" + tr("Uw wijziging is nog niet opgeslagen."))
    mine = box.addButton(tr("Mijn versie bewaren"), QMessageBox.ButtonRole.AcceptRole)
    theirs = box.addButton(tr("Opgeslagen versie overnemen"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(theirs)  # the safe choice: nothing is overwritten
    return box, {mine: KEEP_MINE, theirs: TAKE_THEIRS}


def ask_conflict(parent: QWidget | None, conflict: Any) -> str:
    """KEEP_MINE or TAKE_THEIRS, as the user chose."""
    box, choices = build_conflict_dialog(parent, conflict)
    box.exec()
    return choices.get(box.clickedButton(), TAKE_THEIRS)
