"""Table models of the network: organisations, people, working groups and their members."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..i18n import arg, enum_label, format_period
from .base import RowTableModel
from .colors import muted

if TYPE_CHECKING:
    from ...services.network import MemberRow, OrganisationRow, PersonRow, WorkingGroupRow


class OrganisationTableModel(RowTableModel["OrganisationRow"]):
    """Organisations: name, kind, abbreviation and number of people."""

    NAME, KIND, ABBREVIATION, PEOPLE = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("OrganisationTableModel", "Organisatie"),
        QT_TRANSLATE_NOOP("OrganisationTableModel", "Soort"),
        QT_TRANSLATE_NOOP("OrganisationTableModel", "Afkorting"),
        QT_TRANSLATE_NOOP("OrganisationTableModel", "Personen"),
    )
    NUMERIC_COLUMNS = frozenset({PEOPLE})

    def display(self, row: OrganisationRow, column: int) -> str:
        if column == self.NAME:
            return row.name
        if column == self.KIND:
            return enum_label(row.kind)
        if column == self.ABBREVIATION:
            return row.abbreviation
        if column == self.PEOPLE:
            return str(row.people_count)
        return ""

    def sort_value(self, row: OrganisationRow, column: int) -> Any:
        if column == self.PEOPLE:
            return row.people_count
        return super().sort_value(row, column)

    def foreground(self, row: OrganisationRow, column: int) -> Any:
        return muted() if row.archived else None

    def tooltip(self, row: OrganisationRow, column: int) -> str | None:
        parts = []
        if row.archived:
            parts.append(QCoreApplication.translate("OrganisationTableModel", "Gearchiveerd"))
        if row.aliases:
            label = QCoreApplication.translate("OrganisationTableModel", "Ook bekend als: %1")
            parts.append(arg(label, ", ".join(row.aliases)))
        return "\n".join(parts) or None


class PersonTableModel(RowTableModel["PersonRow"]):
    """People: name, function, e-mail, phone, active period and successor; people no longer active muted."""

    NAME, FUNCTION, EMAIL, PHONE, PERIOD, SUCCESSOR = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("PersonTableModel", "Naam"),
        QT_TRANSLATE_NOOP("PersonTableModel", "Functie"),
        QT_TRANSLATE_NOOP("PersonTableModel", "E-mail"),
        QT_TRANSLATE_NOOP("PersonTableModel", "Telefoon"),
        QT_TRANSLATE_NOOP("PersonTableModel", "Actief"),
        QT_TRANSLATE_NOOP("PersonTableModel", "Opvolger"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def display(self, row: PersonRow, column: int) -> str:
        if column == self.NAME:
            return row.name
        if column == self.FUNCTION:
            return row.function
        if column == self.EMAIL:
            return row.email
        if column == self.PHONE:
            return row.phone
        if column == self.PERIOD:
            return format_period(row.active_from, row.active_until)
        if column == self.SUCCESSOR:
            return row.successor_name
        return ""

    def sort_value(self, row: PersonRow, column: int) -> Any:
        if column == self.PERIOD:
            return row.active_from
        return super().sort_value(row, column)

    def foreground(self, row: PersonRow, column: int) -> Any:
        return None if row.is_active(self.today) else muted()


class WorkingGroupTableModel(RowTableModel["WorkingGroupRow"]):
    """Working groups: name, theme, actielijn, chair and current number of members."""

    NAME, THEME, SECTION, CHAIR, MEMBERS = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("WorkingGroupTableModel", "Werkgroep"),
        QT_TRANSLATE_NOOP("WorkingGroupTableModel", "Thema"),
        QT_TRANSLATE_NOOP("WorkingGroupTableModel", "Actielijn"),
        QT_TRANSLATE_NOOP("WorkingGroupTableModel", "Voorzitter"),
        QT_TRANSLATE_NOOP("WorkingGroupTableModel", "Leden"),
    )
    NUMERIC_COLUMNS = frozenset({MEMBERS})

    def display(self, row: WorkingGroupRow, column: int) -> str:
        if column == self.NAME:
            return row.name
        if column == self.THEME:
            return row.theme
        if column == self.SECTION:
            return row.section_title
        if column == self.CHAIR:
            return row.chair_name
        if column == self.MEMBERS:
            return str(row.member_count)
        return ""

    def sort_value(self, row: WorkingGroupRow, column: int) -> Any:
        if column == self.MEMBERS:
            return row.member_count
        return super().sort_value(row, column)

    def foreground(self, row: WorkingGroupRow, column: int) -> Any:
        return muted() if row.archived else None


class MemberTableModel(RowTableModel["MemberRow"]):
    """Members of one working group: name, organisation, role and period; ended memberships muted."""

    NAME, ORGANISATION, ROLE, PERIOD = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("MemberTableModel", "Naam"),
        QT_TRANSLATE_NOOP("MemberTableModel", "Organisatie"),
        QT_TRANSLATE_NOOP("MemberTableModel", "Rol"),
        QT_TRANSLATE_NOOP("MemberTableModel", "Periode"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def display(self, row: MemberRow, column: int) -> str:
        if column == self.NAME:
            return row.person_name or row.organisation_name
        if column == self.ORGANISATION:
            return row.organisation_name
        if column == self.ROLE:
            return row.role
        if column == self.PERIOD:
            return format_period(row.start, row.end)
        return ""

    def sort_value(self, row: MemberRow, column: int) -> Any:
        if column == self.PERIOD:
            return row.start
        return super().sort_value(row, column)

    def foreground(self, row: MemberRow, column: int) -> Any:
        return None if row.is_current(self.today) else muted()
