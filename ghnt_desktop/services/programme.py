"""The regional programme as the programme screen and table show it: sections, ambities and actions.

One query per level (programme, sections, ambitions, actions, responsibilities), assembled into frozen
rows, so nothing lazy-loads once the rows reach the GUI. An action shows its ambition's responsibility
unless it overrides it, as the programme tables write it.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import (
    ActionStatus,
    Ambition,
    Organisation,
    Person,
    Programme,
    ProgrammeAction,
    ProgrammeStatus,
    Responsibility,
    ResponsibilityRole,
    Section,
    SectionKind,
    WorkingGroup,
)


@dataclass(frozen=True)
class ResponsibilityText:
    """Who is responsible, as the programme table writes it."""

    responsible: tuple[str, ...] = ()
    trekkers: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.responsible and not self.trekkers

    def lines(self) -> list[str]:
        """The Dutch lines of the table cell: "Verantwoordelijke partijen: ..." and "Trekker: ..."."""
        lines = []
        if self.responsible:
            lines.append("Verantwoordelijke partijen: " + ", ".join(self.responsible))
        if self.trekkers:
            lines.append("Trekker: " + ", ".join(self.trekkers))
        return lines


@dataclass(frozen=True)
class ProgrammeActionRow:
    """One actie of the programme with the responsibility in force."""

    id: uuid.UUID
    ambition_id: uuid.UUID
    parent_id: uuid.UUID | None
    code: str
    text: str
    kind: str
    position: int
    deadline_text: str
    deadline_start: date | None
    deadline_end: date | None
    status: ActionStatus
    working_group_name: str
    overrides_responsibility: bool
    responsibility: ResponsibilityText


@dataclass(frozen=True)
class AmbitionRow:
    """An ambitie with its own responsibility and its actions in programme order."""

    id: uuid.UUID
    section_id: uuid.UUID
    code: str
    text: str
    paragraph: str
    reference: str
    position: int
    responsibility: ResponsibilityText
    actions: tuple[ProgrammeActionRow, ...]


@dataclass(frozen=True)
class SectionRow:
    """An actielijn, speerpunt or other part of the programme."""

    id: uuid.UUID
    code: str
    title: str
    kind: SectionKind
    national_line: int | None
    position: int
    ambitions: tuple[AmbitionRow, ...]

    @property
    def action_count(self) -> int:
        return sum(len(a.actions) for a in self.ambitions)


@dataclass(frozen=True)
class ProgrammeSummary:
    """A programme as a chooser lists it."""

    id: uuid.UUID
    region: str
    title: str
    period_start: int | None
    period_end: int | None
    status: ProgrammeStatus

    @property
    def display_name(self) -> str:
        period = ""
        if self.period_start and self.period_end:
            period = f" {self.period_start}-{self.period_end}"
        elif self.period_start:
            period = f" {self.period_start}"
        region = f" ({self.region})" if self.region and self.region not in self.title else ""
        return f"{self.title}{period}{region}"


@dataclass(frozen=True)
class ProgrammeTree:
    """A whole programme: its summary and sections, ambitions and actions in order."""

    programme: ProgrammeSummary
    sections: tuple[SectionRow, ...]

    @property
    def action_count(self) -> int:
        return sum(s.action_count for s in self.sections)


def list_programmes(session: Session) -> list[ProgrammeSummary]:
    """All programmes: running ones first, then the newest period first."""
    status_order = func.iif(Programme.status == ProgrammeStatus.ACTIVE, 0, 1)
    query = select(
        Programme.id,
        Programme.region,
        Programme.title,
        Programme.period_start,
        Programme.period_end,
        Programme.status,
    ).order_by(status_order, Programme.period_start.desc(), Programme.title)
    return [ProgrammeSummary(*row) for row in session.execute(query)]


def _responsibility_label(label: str, organisation: str | None, person: str | None) -> str:
    return (label or "").strip() or organisation or person or ""


def load_programme(session: Session, programme_id: uuid.UUID | None = None) -> ProgrammeTree | None:
    """The programme ``programme_id`` (default: the first of ``list_programmes``), or None if there is none."""
    programmes = list_programmes(session)
    if programme_id is None:
        if not programmes:
            return None
        summary = programmes[0]
    else:
        matches = [p for p in programmes if p.id == programme_id]
        if not matches:
            return None
        summary = matches[0]

    sections = session.execute(
        select(Section.id, Section.code, Section.title, Section.kind, Section.national_line, Section.position)
        .where(Section.programme_id == summary.id)
        .order_by(Section.position, Section.title)
    ).all()
    section_ids = [s[0] for s in sections]
    ambitions = session.execute(
        select(
            Ambition.id,
            Ambition.section_id,
            Ambition.code,
            Ambition.text,
            Ambition.paragraph,
            Ambition.reference,
            Ambition.position,
        )
        .where(Ambition.section_id.in_(section_ids))
        .order_by(Ambition.position, Ambition.code)
    ).all()
    ambition_ids = [a[0] for a in ambitions]
    actions = session.execute(
        select(
            ProgrammeAction.id,
            ProgrammeAction.ambition_id,
            ProgrammeAction.parent_id,
            ProgrammeAction.code,
            ProgrammeAction.text,
            ProgrammeAction.kind,
            ProgrammeAction.position,
            ProgrammeAction.deadline_text,
            ProgrammeAction.deadline_start,
            ProgrammeAction.deadline_end,
            ProgrammeAction.status,
            func.coalesce(WorkingGroup.name, ""),
            ProgrammeAction.overrides_responsibility,
        )
        .outerjoin(WorkingGroup, ProgrammeAction.working_group_id == WorkingGroup.id)
        .where(ProgrammeAction.ambition_id.in_(ambition_ids))
        .order_by(ProgrammeAction.position, ProgrammeAction.code)
    ).all()
    action_ids = [a[0] for a in actions]
    responsibilities = session.execute(
        select(
            Responsibility.ambition_id,
            Responsibility.programme_action_id,
            Responsibility.role,
            Responsibility.label,
            Organisation.name,
            Person.name,
        )
        .outerjoin(Organisation, Responsibility.organisation_id == Organisation.id)
        .outerjoin(Person, Responsibility.person_id == Person.id)
        .where(Responsibility.ambition_id.in_(ambition_ids) | Responsibility.programme_action_id.in_(action_ids))
        .order_by(Responsibility.position)
    ).all()

    owned: dict[uuid.UUID, dict[ResponsibilityRole, list[str]]] = defaultdict(lambda: defaultdict(list))
    for ambition_id, action_id, role, label, org_name, person_name in responsibilities:
        text = _responsibility_label(label, org_name, person_name)
        if text:
            owned[ambition_id or action_id][role].append(text)

    def responsibility_of(owner_id: uuid.UUID) -> ResponsibilityText:
        roles = owned.get(owner_id, {})
        return ResponsibilityText(
            responsible=tuple(roles.get(ResponsibilityRole.RESPONSIBLE, ())),
            trekkers=tuple(roles.get(ResponsibilityRole.TREKKER, ())),
        )

    actions_by_ambition: dict[uuid.UUID, list[ProgrammeActionRow]] = defaultdict(list)
    for row in actions:
        action_id, ambition_id = row[0], row[1]
        overrides = bool(row[12])
        actions_by_ambition[ambition_id].append(
            ProgrammeActionRow(
                id=action_id,
                ambition_id=ambition_id,
                parent_id=row[2],
                code=row[3],
                text=row[4],
                kind=row[5],
                position=row[6],
                deadline_text=row[7],
                deadline_start=row[8],
                deadline_end=row[9],
                status=row[10],
                working_group_name=row[11],
                overrides_responsibility=overrides,
                responsibility=responsibility_of(action_id if overrides else ambition_id),
            )
        )
    ambitions_by_section: dict[uuid.UUID, list[AmbitionRow]] = defaultdict(list)
    for a_id, section_id, code, text, paragraph, reference, position in ambitions:
        ambitions_by_section[section_id].append(
            AmbitionRow(
                id=a_id,
                section_id=section_id,
                code=code,
                text=text,
                paragraph=paragraph,
                reference=reference,
                position=position,
                responsibility=responsibility_of(a_id),
                actions=tuple(actions_by_ambition.get(a_id, ())),
            )
        )
    return ProgrammeTree(
        programme=summary,
        sections=tuple(
            SectionRow(
                id=s_id,
                code=code,
                title=title,
                kind=kind,
                national_line=national_line,
                position=position,
                ambitions=tuple(ambitions_by_section.get(s_id, ())),
            )
            for s_id, code, title, kind, national_line, position in sections
        ),
    )
