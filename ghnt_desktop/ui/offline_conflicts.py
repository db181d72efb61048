"""Conflicten van offline werk: the fields changed both offline and in the team database, side by side, to decide.

Each conflict shows the value when the copy was taken, the offline value and the team database's value with who
changed each and when; a long text (verslag) shows per side which lines it changed against the taken text. The
user keeps the offline value, keeps the team database's, or types one; what is not decided stays in the team
database (``services.offline``) and comes back through Bestand > Conflicten van offline werk.

The online counterpart (an edit refused because another user saved the same field) is ``ui.conflict_dialog``; the
choices are the same words ``KEEP_MINE`` / ``TAKE_THEIRS``.
"""

from __future__ import annotations

import difflib
import html
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .a11y import accessible
from .conflict_dialog import KEEP_MINE, TAKE_THEIRS
from .errors import show_error
from .i18n import arg, plural

if TYPE_CHECKING:
    from ..db import Database
    from ..services.offline import OfflineConflict

#: Fields whose value is chosen from a list (an id or a status): decided by one side, never typed.
CHOSEN_FIELDS = ("state", "status", "kind", "escalation", "confidential")


def tr(text: str) -> str:
    return QCoreApplication.translate("offline", text)


#: The context of the field names a return shows (``services.offline.FIELD_LABELS``, Dutch data the app translates;
#: ``resources/translations/update_translations.py`` adds them to the translations).
FIELDS_CONTEXT = "offline_fields"


def field_text(label: str) -> str:
    """A field's Dutch name as the service gives it ("verslagtekst"), in the app's language."""
    return QCoreApplication.translate(FIELDS_CONTEXT, label)


def readable(session, field: str, value: Any, names: dict[str, str], separator: str = "; ", table: str = "") -> str:
    """A value of a conflict or merge as a person reads it (``meeting.data.readable_value``; a choice of ``table``'s
    own list, as the attendance's status, by its label); the fields a record had edited when the other side deleted
    it (a dict) each with its name: "status: Aanwezig; vervanger (naam): Jan de Boer"."""
    from ..services.offline import FIELD_LABELS
    from .meeting.data import readable_value

    if isinstance(value, dict):
        return separator.join(
            f"{field_text(FIELD_LABELS.get(name, name))}: {readable(session, name, v, names, table=table)}"
            for name, v in value.items()
        )
    if table and isinstance(value, str):
        from ..models import Base
        from .i18n import enum_label

        column = Base.metadata.tables[table].c.get(field) if table in Base.metadata.tables else None
        choices = getattr(column.type, "enum_cls", None) if column is not None else None
        if choices is not None:
            try:
                return enum_label(choices(value))
            except ValueError:
                pass  # a value of a newer version: shown as stored
    return readable_value(session, field, value, names)


def moment_text(moment: datetime | None) -> str:
    """A stored time in local time, "03-12-2026 09:41"; "" when unknown (SQLite's naive times are UTC)."""
    from datetime import UTC

    from ..dutch_dates import short_date_time

    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return short_date_time(moment.astimezone())


def is_long_text(*values: Any) -> bool:
    """A text shown as lines (a verslag, notes): more than one line or longer than a line reads."""
    return any(isinstance(v, str) and ("\n" in v or len(v) > 120) for v in values)


def marked_lines(base: str | None, side: str | None) -> str:
    """HTML of ``side``'s text with the lines it changed against ``base`` marked: "+" added (green), "−" removed
    (red, struck through). The marks are characters too: the colour never stands alone."""
    old = (base or "").splitlines()
    new = (side or "").splitlines()
    rows: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            rows += [f"<div>&nbsp;&nbsp;{html.escape(line) or '&nbsp;'}</div>" for line in new[b1:b2]]
            continue
        rows += [
            f'<div style="background:#fde7e9; color:#5c0011;">−&nbsp;<s>{html.escape(line) or "&nbsp;"}</s></div>'
            for line in old[a1:a2]
        ]
        rows += [
            f'<div style="background:#e3f4e6; color:#0b3d17;">+&nbsp;{html.escape(line) or "&nbsp;"}</div>'
            for line in new[b1:b2]
        ]
    return "".join(rows) or f"<i>{html.escape(tr('(leeg)'))}</i>"


class OfflineConflictsDialog(QDialog):
    """The open conflicts of the team database ``database``; ``resolved`` after each decision."""

    resolved = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Conflicten van offline werk"))
        self.database = database
        self.conflicts: list[OfflineConflict] = []
        self._names: dict[str, str] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Deze velden zijn zowel offline als in de teamdatabase gewijzigd. Kies per conflict welke waarde "
                "blijft, of typ een eigen waarde. Wat u nog niet beslist, blijft hier staan; de rest van het werk "
                "is al samengevoegd."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.list = QListWidget(splitter)
        self.list.setWordWrap(True)  # long record labels wrap instead of scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A wrapped record and its field read as one conflict, set apart from the next.
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        accessible(self.list, tr("Conflicten"))
        detail = QWidget(splitter)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 740])
        layout.addWidget(splitter, 1)

        grid = QVBoxLayout(detail)
        grid.setContentsMargins(8, 0, 0, 0)
        self.heading = QLabel(detail)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(self.heading)
        self.base_label = QLabel(detail)
        self.base_label.setWordWrap(True)
        grid.addWidget(self.base_label)
        sides = QGridLayout()
        self.mine_box = QGroupBox(tr("Offline (uw kopie)"), detail)
        self.theirs_box = QGroupBox(tr("Teamdatabase"), detail)
        self.mine_who, self.mine_value = self._side(self.mine_box, tr("Offline waarde"))
        self.theirs_who, self.theirs_value = self._side(self.theirs_box, tr("Waarde in de teamdatabase"))
        sides.addWidget(self.mine_box, 0, 0)
        sides.addWidget(self.theirs_box, 0, 1)
        grid.addLayout(sides)
        self.mine_button = QPushButton(detail)
        self.theirs_button = QPushButton(detail)
        sides.addWidget(self.mine_button, 1, 0)
        sides.addWidget(self.theirs_button, 1, 1)
        self.mine_button.clicked.connect(lambda: self.decide(KEEP_MINE))
        self.theirs_button.clicked.connect(lambda: self.decide(TAKE_THEIRS))

        self.own_label = QLabel(tr("&Eigen waarde:"), detail)
        self.own_value = QPlainTextEdit(detail)
        self.own_value.setTabChangesFocus(True)
        self.own_value.setMaximumHeight(90)
        self.own_label.setBuddy(self.own_value)
        self.own_button = QPushButton(tr("Eigen waarde &gebruiken"), detail)
        self.own_button.clicked.connect(self._decide_own)
        own_row = QHBoxLayout()
        own_row.addWidget(self.own_value, 1)
        own_row.addWidget(self.own_button, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.own_label)
        grid.addLayout(own_row)
        grid.addStretch(1)  # short values keep their boxes small; a verslag takes the room

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.resize(1100, 640)
        self.reload()

    def _side(self, box: QGroupBox, name: str) -> tuple[QLabel, QTextBrowser]:
        layout = QVBoxLayout(box)
        who = QLabel(box)
        who.setWordWrap(True)
        value = QTextBrowser(box)
        value.setOpenLinks(False)
        accessible(value, name)
        layout.addWidget(who)
        layout.addWidget(value, 1)
        return who, value

    # Loading and showing.

    def reload(self) -> None:
        from ..services.offline import open_offline_conflicts

        row = max(self.list.currentRow(), 0)
        with self.database.read_session() as session:
            self.conflicts = open_offline_conflicts(session)
        self.list.blockSignals(True)
        self.list.clear()
        for conflict in self.conflicts:
            item = QListWidgetItem(f"{conflict.record_label}\n{field_text(conflict.field_label)}")
            item.setData(Qt.ItemDataRole.UserRole, conflict.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.conflicts:
            self.list.setCurrentRow(min(row, len(self.conflicts) - 1))
            self._show(self.list.currentRow())
        else:
            self._show(-1)

    def current(self) -> OfflineConflict | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _readable(self, field: str, value: Any) -> str:
        conflict = self.current()
        with self.database.read_session() as session:
            return readable(session, field, value, self._names, "\n", conflict.table if conflict else "")

    def _show(self, _row: int) -> None:
        conflict = self.current()
        for widget in (self.mine_box, self.theirs_box, self.mine_button, self.theirs_button, self.base_label):
            widget.setVisible(conflict is not None)
        if conflict is None:
            self.heading.setText(html.escape(tr("Alle conflicten zijn beslist.")))
            for widget in (self.own_label, self.own_value, self.own_button):
                widget.setVisible(False)
            return
        what = {
            "deleted_mine": tr("Offline verwijderd; in de teamdatabase intussen gewijzigd."),
            "deleted_theirs": tr("Offline gewijzigd; in de teamdatabase intussen verwijderd."),
        }.get(conflict.kind, tr("Zowel offline als in de teamdatabase gewijzigd."))
        secret = f" <b>{html.escape(tr('Vertrouwelijk'))}</b>" if conflict.confidential else ""
        self.heading.setText(
            f"<b>{html.escape(conflict.record_label)}</b> — {html.escape(field_text(conflict.field_label))}{secret}"
            f"<br>{html.escape(what)}"
        )
        long = is_long_text(conflict.base, conflict.mine, conflict.theirs)
        self.base_label.setText(
            tr("Bij meenemen:")
            + " "
            + (tr("zie de gemarkeerde regels") if long else self._readable(conflict.field, conflict.base))
        )
        for who_label, view, by, at, value, deleted in (
            (
                self.mine_who,
                self.mine_value,
                conflict.mine_by,
                conflict.mine_at,
                conflict.mine,
                conflict.kind == "deleted_mine",
            ),
            (
                self.theirs_who,
                self.theirs_value,
                conflict.theirs_by,
                conflict.theirs_at,
                conflict.theirs,
                conflict.kind == "deleted_theirs",
            ),
        ):
            changed = tr("Verwijderd") if deleted else tr("Gewijzigd")
            when = moment_text(at)
            who = by or tr("onbekend")
            who_label.setText(
                arg(tr("%1 door %2 op %3"), changed, who, when) if when else arg(tr("%1 door %2"), changed, who)
            )
            if deleted:
                view.setHtml(f"<i>{html.escape(tr('(record verwijderd)'))}</i>")
            elif long:
                view.setHtml(marked_lines(conflict.base, value))
            else:
                view.setPlainText(self._readable(conflict.field, value))
        if conflict.kind == "deleted_mine":
            self.mine_button.setText(tr("Verwijderen (&offline keuze)"))
            self.theirs_button.setText(tr("&Bewaren met de wijziging van de teamdatabase"))
        elif conflict.kind == "deleted_theirs":
            self.mine_button.setText(tr("Terugzetten met &mijn wijziging"))
            self.theirs_button.setText(tr("Verwijderd &laten (teamdatabase)"))
        else:
            self.mine_button.setText(tr("&Mijn waarde (offline) houden"))
            self.theirs_button.setText(tr("Waarde van de &teamdatabase houden"))
        typed = conflict.kind == "edit" and not conflict.field.endswith("_id") and conflict.field not in CHOSEN_FIELDS
        for widget in (self.own_label, self.own_value, self.own_button):
            widget.setVisible(typed)
        if typed:  # the offline value to start from, as the field shows it (the engine reads 31-12-2026 and ja/nee)
            start = (
                ""
                if conflict.mine is None
                else str(conflict.mine)
                if long
                else self._readable(conflict.field, conflict.mine)
            )
            self.own_value.setPlainText("" if start == "—" else start)
        for view in (self.mine_value, self.theirs_value):
            view.setMaximumHeight(16_777_215 if long else 4 * view.fontMetrics().lineSpacing())

    # Deciding.

    def decide(self, choice: str) -> bool:
        """Resolve the conflict in view with ``choice`` (KEEP_MINE, TAKE_THEIRS or a typed value)."""
        from ..services.offline import resolve_offline_conflict

        conflict = self.current()
        if conflict is None:
            return False
        try:
            self.database.write(lambda session: resolve_offline_conflict(session, conflict.id, choice))
        except Exception as exc:  # noqa: BLE001 - a typed value the field cannot hold, a conflict decided meanwhile
            from .worker import report_failure

            report_failure(self, exc)
            self.reload()
            return False
        self.reload()
        self.resolved.emit()
        left = len(self.conflicts)
        self.setWindowTitle(
            tr("Conflicten van offline werk")
            + (" — " + plural(left, tr("nog 1 te beslissen"), tr("nog %1 te beslissen")) if left else "")
        )
        return True

    def _decide_own(self) -> None:
        text = self.own_value.toPlainText().strip()
        if not text:
            show_error(self, ValueError(tr("Typ een waarde, of kies een van beide waarden hierboven.")))
            return
        self.decide(text)


def open_conflicts_dialog(window: Any):
    """Bestand > Conflicten van offline werk: the open database's conflicts; the window updates after each."""
    if window.database is None:
        return None
    dialog = OfflineConflictsDialog(window.database, window)
    dialog.resolved.connect(window.offline_changed)
    dialog.open()
    return dialog
