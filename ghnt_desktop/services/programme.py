"""The regional programme as the programme screen and table show it: sections, ambities and actions.

One query per level (programme, sections, ambitions, actions, responsibilities), assembled into frozen
rows, so nothing lazy-loads once the rows reach the GUI. An action shows its ambition's responsibility
unless it overrides it, as the programme tables write it.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..deadlines import parse_deadline
from ..models import (
    ActionItem,
    ActionStatus,
    Ambition,
    Base,
    LocalStatus,
    Organisation,
    Person,
    Programme,
    ProgrammeAction,
    ProgrammeStatus,
    ProgressReport,
    ProgressUpdate,
    Responsibility,
    ResponsibilityRole,
    Section,
    SectionKind,
    WorkingGroup,
    agenda_item_programme_action,
    indicator_ambition,
    indicator_section,
)
from . import Changes, NotFoundError, RefusedError, ValidationError
from .meetings import UNSET, Created, Edit, Removed, clean_text, snapshot
from .versions import versioned


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
        from .programme_scope import titled_with_period

        region = f" ({self.region})" if self.region and self.region not in self.title else ""
        return f"{titled_with_period(self.title, self.period_start, self.period_end)}{region}"


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
    status_order = case((Programme.status == ProgrammeStatus.ACTIVE, 0), else_=1)
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
    """The programme ``programme_id`` (default: the current programme), or None if there is none."""
    programmes = list_programmes(session)
    if programme_id is None:
        if not programmes:
            return None
        from .programme_scope import current_programme_id

        current = current_programme_id(session)
        summary = next((p for p in programmes if p.id == current), programmes[0])
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
        owner = ambition_id or action_id  # a responsibility belongs to one of them
        if text and owner is not None:
            owned[owner][role].append(text)

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


# ---------------------------------------------------------------------------------------------------------------
# Editing the programme
#
# Every mutating service below saves in the caller's session (never commits) and returns a ``Created``,
# ``Edit`` or ``Removed`` from ``services.meetings`` carrying ``Changes(programme=True)``. Positions: sections
# are ordered within a programme, ambitions within a section; the actions of one ambition share one position
# sequence in tree (pre-)order, so a sub-action always follows its parent. Deleting leaves a gap in the
# positions on purpose: ``restore_removed`` then puts rows back exactly where they were.

PROGRAMME_CHANGES = Changes(programme=True)

_PROGRAMME_FIELDS = {"region": 200, "title": 300, "description": None}
_SECTION_FIELDS = {"title": 300, "code": 20, "description": None}
_AMBITION_FIELDS = {"text": None, "code": 20, "paragraph": 20, "reference": 200}
_ACTION_FIELDS = {"text": None, "code": 20, "kind": 60, "deadline_text": 200, "notes": None}
_LABELS = {
    "region": "De regio",
    "title": "De titel",
    "description": "De toelichting",
    "code": "De code",
    "text": "De omschrijving",
    "paragraph": "De paragraaf",
    "reference": "De verwijzing",
    "kind": "De soort",
    "deadline_text": "De planning",
    "notes": "De notities",
}
_REQUIRED = {"title", "text", "region"}


@dataclass(frozen=True)
class ResponsibilityEntry:
    """One verantwoordelijke partij or trekker as the editor gives and shows it.

    ``label`` is the text as written ("Alle gemeenten", "Projectleider GHNT"); ``organisation_id`` or
    ``person_id`` is set when the label names a record of the network.
    """

    role: ResponsibilityRole
    label: str
    organisation_id: uuid.UUID | None = None
    person_id: uuid.UUID | None = None


@dataclass(frozen=True)
class ResponsibilityDetail:
    """The responsibility of an ambition or action: its own entries and, for an action, the inherited ones."""

    owner_id: uuid.UUID
    is_action: bool
    overrides: bool
    own: tuple[ResponsibilityEntry, ...]
    inherited: tuple[ResponsibilityEntry, ...] = ()

    @property
    def in_force(self) -> tuple[ResponsibilityEntry, ...]:
        return self.own if (self.overrides or not self.is_action) else self.inherited


@dataclass(frozen=True)
class ProgrammeDetail:
    id: uuid.UUID
    region: str
    title: str
    period_start: int | None
    period_end: int | None
    status: ProgrammeStatus
    description: str


@dataclass(frozen=True)
class SectionDetail:
    id: uuid.UUID
    programme_id: uuid.UUID
    title: str
    code: str
    kind: SectionKind
    national_line: int | None
    description: str


@dataclass(frozen=True)
class AmbitionDetail:
    id: uuid.UUID
    section_id: uuid.UUID
    code: str
    text: str
    paragraph: str
    reference: str
    sub_points: tuple[str, ...]
    responsibility: ResponsibilityDetail


@dataclass(frozen=True)
class ProgrammeActionDetail:
    id: uuid.UUID
    ambition_id: uuid.UUID
    parent_id: uuid.UUID | None
    code: str
    text: str
    kind: str
    deadline_text: str
    deadline_start: date | None
    deadline_end: date | None
    status: ActionStatus
    working_group_id: uuid.UUID | None
    notes: str
    responsibility: ResponsibilityDetail
    in_programme_table: bool = True


_Record = TypeVar("_Record", bound=Base)


def _get(session: Session, model: type[_Record], record_id: uuid.UUID | None, message: str) -> _Record:
    record = session.get(model, record_id) if record_id is not None else None
    if record is None:
        raise NotFoundError(message)
    return record


def _programme(session: Session, programme_id: uuid.UUID | None) -> Programme:
    return _get(session, Programme, programme_id, "Het programma bestaat niet (meer).")


def _section(session: Session, section_id: uuid.UUID | None) -> Section:
    return _get(session, Section, section_id, "Het onderdeel van het programma bestaat niet (meer).")


def _ambition(session: Session, ambition_id: uuid.UUID | None) -> Ambition:
    return _get(session, Ambition, ambition_id, "De ambitie bestaat niet (meer).")


def _action(session: Session, action_id: uuid.UUID | None) -> ProgrammeAction:
    return _get(session, ProgrammeAction, action_id, "De actie uit het programma bestaat niet (meer).")


def _clean(key: str, value: Any, limit: int | None) -> str:
    return clean_text(value, label=_LABELS[key], required=key in _REQUIRED, max_length=limit)


def _check_years(start: int | None, end: int | None) -> None:
    for year in (start, end):
        if year is not None and (not isinstance(year, int) or not 1900 <= year <= 2199):
            raise ValidationError("Een jaar van de looptijd moet een jaartal tussen 1900 en 2199 zijn.")
    if start is not None and end is not None and end < start:
        raise ValidationError("Het eindjaar van het programma ligt voor het beginjaar.")


def _changes(*ids: uuid.UUID) -> Changes:
    return PROGRAMME_CHANGES | Changes(ids=frozenset(i for i in ids if i is not None))


def _apply(record: Any, values: dict[str, Any], fields: dict[str, int | None], extra: set[str]) -> dict[str, Any]:
    """Set text fields (cleaned) and ``extra`` fields as given; returns the previous values."""
    unknown = set(values) - set(fields) - extra
    if unknown:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(unknown))}.")
    before: dict[str, Any] = {}
    for key, value in values.items():
        if key in fields:
            value = _clean(key, value, fields[key])
        before[key] = getattr(record, key)
        setattr(record, key, value)
    return before


# Programmes


def get_programme(session: Session, programme_id: uuid.UUID) -> ProgrammeDetail:
    """A programme's editable fields."""
    p = _programme(session, programme_id)
    return ProgrammeDetail(p.id, p.region, p.title, p.period_start, p.period_end, p.status, p.description)


def create_programme(
    session: Session,
    *,
    region: str,
    title: str,
    period_start: int | None = None,
    period_end: int | None = None,
    status: ProgrammeStatus = ProgrammeStatus.ACTIVE,
    description: str = "",
) -> Created:
    """Create an (empty) programme; undo with ``delete_programme``.

    The programme that was current stays current (a new period's programme or a municipal plan must not
    take over the overview and the afstemmingsoverleg by being newer): the choice is stored first.
    """
    _check_years(period_start, period_end)
    from .programme_scope import pin_current_programme

    pin_current_programme(session)
    programme = Programme(
        region=_clean("region", region, 200),
        title=_clean("title", title, 300),
        period_start=period_start,
        period_end=period_end,
        status=ProgrammeStatus(status),
        description=_clean("description", description, None),
    )
    session.add(programme)
    session.flush()
    return Created(programme.id, _changes(programme.id))


@versioned(
    Programme, lambda p: f"Programma {p.title}", labels={**_LABELS, "period_start": "Begin", "period_end": "Einde"}
)
def update_programme(session: Session, programme_id: uuid.UUID, **values: Any) -> Edit:
    """Change region, title, period_start, period_end, status or description; undo with ``**before``."""
    programme = _programme(session, programme_id)
    _check_years(values.get("period_start", programme.period_start), values.get("period_end", programme.period_end))
    if "status" in values:
        values["status"] = ProgrammeStatus(values["status"])
    before = _apply(programme, values, _PROGRAMME_FIELDS, {"period_start", "period_end", "status"})
    session.flush()
    return Edit(programme.id, _changes(programme.id), before)


def delete_programme(session: Session, programme_id: uuid.UUID) -> Removed:
    """Delete a programme without sections; one with sections is refused (delete or move those first)."""
    programme = _programme(session, programme_id)
    if session.scalar(select(func.count(Section.id)).where(Section.programme_id == programme.id)):
        raise RefusedError(
            f"Het programma {programme.title} heeft onderdelen en kan niet worden verwijderd. "
            "Zet de status op Afgerond om het te bewaren zonder het te gebruiken."
        )
    updated = [
        ("progress_report", report_id, {"programme_id": programme.id})
        for report_id in session.scalars(select(ProgressReport.id).where(ProgressReport.programme_id == programme.id))
    ]
    # Its label kinds and labels go with it (no action can carry them: it has no sections) and come back on undo.
    kinds = list(programme.tag_kinds)
    rows = [snapshot(programme)] + [snapshot(k) for k in kinds] + [snapshot(t) for k in kinds for t in k.tags]
    session.delete(programme)
    session.flush()
    return Removed(_changes(programme_id), rows=tuple(rows), updated=tuple(updated))


# Sections


def get_section(session: Session, section_id: uuid.UUID) -> SectionDetail:
    """A section's editable fields."""
    s = _section(session, section_id)
    return SectionDetail(s.id, s.programme_id, s.title, s.code, s.kind, s.national_line, s.description)


def _check_national_line(value: int | None) -> None:
    if value is not None and value not in (1, 2, 3):
        raise ValidationError("De landelijke actielijn moet 1, 2 of 3 zijn (of leeg).")


def _insert_at(records: list[Any], record: Any, index: int | None) -> None:
    """Put ``record`` at ``index`` (None: at the end) among ``records`` and number them 0.."""
    others = [r for r in records if r is not record]
    index = len(others) if index is None else max(0, min(index, len(others)))
    others.insert(index, record)
    for position, item in enumerate(others):
        item.position = position


def _sections_of(session: Session, programme_id: uuid.UUID) -> list[Section]:
    return list(
        session.scalars(
            select(Section).where(Section.programme_id == programme_id).order_by(Section.position, Section.title)
        )
    )


def _ambitions_of(session: Session, section_id: uuid.UUID) -> list[Ambition]:
    return list(
        session.scalars(
            select(Ambition).where(Ambition.section_id == section_id).order_by(Ambition.position, Ambition.code)
        )
    )


def create_section(
    session: Session,
    programme_id: uuid.UUID,
    *,
    title: str,
    code: str = "",
    kind: SectionKind = SectionKind.ACTIELIJN,
    national_line: int | None = None,
    description: str = "",
    index: int | None = None,
) -> Created:
    """Add a section (actielijn, speerpunt, the region's own line) at ``index`` (default: last)."""
    programme = _programme(session, programme_id)
    _check_national_line(national_line)
    section = Section(
        programme_id=programme.id,
        title=_clean("title", title, 300),
        code=_clean("code", code, 20),
        kind=SectionKind(kind),
        national_line=national_line,
        description=_clean("description", description, None),
    )
    session.add(section)
    _insert_at(_sections_of(session, programme.id), section, index)
    session.flush()
    return Created(section.id, _changes(section.id))


@versioned(Section, lambda section: f"Onderdeel {section.code} {section.title}".replace("  ", " ").strip(), labels=_LABELS)
def update_section(session: Session, section_id: uuid.UUID, **values: Any) -> Edit:
    """Change title, code, kind, national_line or description of a section; undo with ``**before``."""
    section = _section(session, section_id)
    if "national_line" in values:
        _check_national_line(values["national_line"])
    if "kind" in values:
        values["kind"] = SectionKind(values["kind"])
    before = _apply(section, values, _SECTION_FIELDS, {"kind", "national_line"})
    session.flush()
    return Edit(section.id, _changes(section.id), before)


def move_section(session: Session, section_id: uuid.UUID, index: int) -> Edit:
    """Put a section at ``index`` among its programme's sections; undo with ``before``."""
    section = _section(session, section_id)
    siblings = _sections_of(session, section.programme_id)
    old = siblings.index(section)
    if not 0 <= index < len(siblings):
        raise ValidationError("Het onderdeel kan niet verder worden verplaatst.")
    _insert_at(siblings, section, index)
    session.flush()
    return Edit(section.id, _changes(section.id), {"index": old})


# Ambitions


def _entries(records: list[Responsibility]) -> tuple[ResponsibilityEntry, ...]:
    return tuple(ResponsibilityEntry(r.role, r.label, r.organisation_id, r.person_id) for r in records)


def _own_responsibilities(
    session: Session, *, ambition_id: uuid.UUID | None = None, action_id: uuid.UUID | None = None
) -> list[Responsibility]:
    column = Responsibility.ambition_id if ambition_id is not None else Responsibility.programme_action_id
    owner = ambition_id if ambition_id is not None else action_id
    return list(session.scalars(select(Responsibility).where(column == owner).order_by(Responsibility.position)))


def get_ambition(session: Session, ambition_id: uuid.UUID) -> AmbitionDetail:
    """An ambition's editable fields and responsibility."""
    a = _ambition(session, ambition_id)
    own = _entries(_own_responsibilities(session, ambition_id=a.id))
    return AmbitionDetail(
        a.id,
        a.section_id,
        a.code,
        a.text,
        a.paragraph,
        a.reference,
        tuple(a.sub_points or ()),
        ResponsibilityDetail(a.id, False, True, own),
    )


def create_ambition(
    session: Session,
    section_id: uuid.UUID,
    *,
    text: str,
    code: str = "",
    paragraph: str = "",
    reference: str = "",
    sub_points: tuple[str, ...] | list[str] = (),
    index: int | None = None,
) -> Created:
    """Add an ambitie to a section at ``index`` (default: last)."""
    section = _section(session, section_id)
    ambition = Ambition(
        section_id=section.id,
        text=_clean("text", text, None),
        code=_clean("code", code, 20),
        paragraph=_clean("paragraph", paragraph, 20),
        reference=_clean("reference", reference, 200),
        sub_points=_clean_points(sub_points),
    )
    session.add(ambition)
    _insert_at(_ambitions_of(session, section.id), ambition, index)
    session.flush()
    return Created(ambition.id, _changes(ambition.id))


def _clean_points(points: Iterable[str]) -> list[str]:
    cleaned = [clean_text(p, label="Een subpunt", max_length=2000) for p in points]
    return [p for p in cleaned if p]


@versioned(
    Ambition, lambda ambition: f"Ambitie {ambition.code or first_words(ambition.text)}".strip(),
    labels={**_LABELS, "sub_points": "De subpunten"},
)
def update_ambition(session: Session, ambition_id: uuid.UUID, **values: Any) -> Edit:
    """Change text, code, paragraph, reference or sub_points of an ambition; undo with ``**before``."""
    ambition = _ambition(session, ambition_id)
    if "sub_points" in values:
        values["sub_points"] = _clean_points(values["sub_points"])
    before = _apply(ambition, values, _AMBITION_FIELDS, {"sub_points"})
    if "sub_points" in before:
        before["sub_points"] = list(before["sub_points"] or ())
    session.flush()
    return Edit(ambition.id, _changes(ambition.id), before)


def move_ambition(session: Session, ambition_id: uuid.UUID, index: int, *, section_id: uuid.UUID | None = None) -> Edit:
    """Put an ambition at ``index`` in its section, or in ``section_id`` (of the same programme)."""
    ambition = _ambition(session, ambition_id)
    old_section = _section(session, ambition.section_id)
    old_index = _ambitions_of(session, old_section.id).index(ambition)
    target = old_section if section_id is None or section_id == old_section.id else _section(session, section_id)
    if target.programme_id != old_section.programme_id:
        raise ValidationError("Een ambitie kan alleen binnen hetzelfde programma worden verplaatst.")
    if target is old_section:
        if not 0 <= index < len(_ambitions_of(session, target.id)):
            raise ValidationError("De ambitie kan niet verder worden verplaatst.")
    else:
        ambition.section_id = target.id
        session.flush()
        for position, other in enumerate(_ambitions_of(session, old_section.id)):
            other.position = position
    _insert_at(_ambitions_of(session, target.id), ambition, index)
    session.flush()
    session.expire(old_section, ["ambitions"])
    session.expire(target, ["ambitions"])
    return Edit(ambition.id, _changes(ambition.id), {"index": old_index, "section_id": old_section.id})


# Programme actions


def _actions_of(session: Session, ambition_id: uuid.UUID) -> list[ProgrammeAction]:
    """An ambition's actions in tree order (the order of their positions)."""
    return list(
        session.scalars(
            select(ProgrammeAction)
            .where(ProgrammeAction.ambition_id == ambition_id)
            .order_by(ProgrammeAction.position, ProgrammeAction.code)
        )
    )


def _children_map(actions: list[ProgrammeAction]) -> dict[uuid.UUID | None, list[ProgrammeAction]]:
    ids = {a.id for a in actions}
    children: dict[uuid.UUID | None, list[ProgrammeAction]] = defaultdict(list)
    for action in actions:
        children[action.parent_id if action.parent_id in ids else None].append(action)
    return children


def _renumber(children: dict[uuid.UUID | None, list[ProgrammeAction]]) -> None:
    """Number the actions 0.. in tree pre-order so each sub-action follows its parent."""
    position = 0

    def walk(parent_id: uuid.UUID | None) -> None:
        nonlocal position
        for action in children.get(parent_id, []):
            action.position = position
            position += 1
            walk(action.id)

    walk(None)


def _subtree(session: Session, action: ProgrammeAction) -> list[ProgrammeAction]:
    """``action`` and its sub-actions (any depth), parents before children."""
    children = _children_map(_actions_of(session, action.ambition_id))
    result: list[ProgrammeAction] = []
    stack = [action]
    while stack:
        current = stack.pop(0)
        result.append(current)
        stack[0:0] = children.get(current.id, [])
    return result


def get_programme_action(session: Session, action_id: uuid.UUID) -> ProgrammeActionDetail:
    """A programme action's editable fields with its own and inherited responsibility."""
    a = _action(session, action_id)
    own = _entries(_own_responsibilities(session, action_id=a.id))
    inherited = _entries(_own_responsibilities(session, ambition_id=a.ambition_id))
    return ProgrammeActionDetail(
        id=a.id,
        ambition_id=a.ambition_id,
        parent_id=a.parent_id,
        code=a.code,
        text=a.text,
        kind=a.kind,
        deadline_text=a.deadline_text,
        deadline_start=a.deadline_start,
        deadline_end=a.deadline_end,
        status=a.status,
        working_group_id=a.working_group_id,
        notes=a.notes,
        responsibility=ResponsibilityDetail(a.id, True, a.overrides_responsibility, own, inherited),
        in_programme_table=a.in_programme_table,
    )


def _check_working_group(session: Session, working_group_id: uuid.UUID | None) -> None:
    if working_group_id is not None:
        _get(session, WorkingGroup, working_group_id, "De werkgroep bestaat niet (meer).")


def create_programme_action(
    session: Session,
    ambition_id: uuid.UUID,
    *,
    text: str,
    code: str = "",
    kind: str = "actie",
    parent_id: uuid.UUID | None = None,
    deadline_text: str = "",
    status: ActionStatus = ActionStatus.NOT_STARTED,
    working_group_id: uuid.UUID | None = None,
    notes: str = "",
    index: int | None = None,
    today: date | None = None,
    in_programme_table: bool = True,
) -> Created:
    """Add an action to an ambition (under ``parent_id`` for a sub-action) at ``index`` among its siblings.

    The deadline text is kept as written and its period parsed with ``parse_deadline``. A new action
    inherits its ambition's responsibility. ``in_programme_table=False`` marks an action added after the
    programme was adopted (or taken from its body text): it is followed everywhere but the programme table
    prints the programme as adopted without it.
    """
    ambition = _ambition(session, ambition_id)
    if parent_id is not None and _action(session, parent_id).ambition_id != ambition.id:
        raise ValidationError("Een subactie hoort bij dezelfde ambitie als de actie erboven.")
    _check_working_group(session, working_group_id)
    deadline = parse_deadline(_clean("deadline_text", deadline_text, 200), reference=today)
    action = ProgrammeAction(
        ambition_id=ambition.id,
        parent_id=parent_id,
        text=_clean("text", text, None),
        code=_clean("code", code, 20),
        kind=_clean("kind", kind, 60) or "actie",
        deadline_text=deadline.text,
        deadline_start=deadline.start,
        deadline_end=deadline.end,
        status=ActionStatus(status),
        working_group_id=working_group_id,
        notes=_clean("notes", notes, None),
        position=10**6,
        in_programme_table=bool(in_programme_table),
    )
    session.add(action)
    session.flush()
    actions = _actions_of(session, ambition.id)
    children = _children_map(actions)
    siblings = [a for a in children[parent_id] if a is not action]
    siblings.insert(len(siblings) if index is None else max(0, min(index, len(siblings))), action)
    children[parent_id] = siblings
    _renumber(children)
    session.flush()
    return Created(action.id, _changes(action.id))


@versioned(
    ProgrammeAction, lambda action: f"Actie {action.code or first_words(action.text)}".strip(),
    labels={**_LABELS, "status": "De status"},
)
def update_programme_action(session: Session, action_id: uuid.UUID, **values: Any) -> Edit:
    """Change code, text, kind, deadline_text, status, working_group_id, notes or in_programme_table; undo with
    ``**before``. ``seen``/``seen_version``: what the user saw; a newer saved value refuses the edit
    (``versions.versioned``).

    A new ``deadline_text`` is parsed into ``deadline_start``/``deadline_end`` unless those are given too
    (as undo does, so an imported period comes back exactly).
    """
    action = _action(session, action_id)
    today = values.pop("today", None)
    if "status" in values:
        values["status"] = ActionStatus(values["status"])
    if "working_group_id" in values:
        _check_working_group(session, values["working_group_id"])
    if "deadline_text" in values and not ({"deadline_start", "deadline_end"} & set(values)):
        parsed = parse_deadline(_clean("deadline_text", values["deadline_text"], 200), reference=today)
        values["deadline_start"], values["deadline_end"] = parsed.start, parsed.end
    start = values.get("deadline_start", action.deadline_start)
    end = values.get("deadline_end", action.deadline_end)
    if start is not None and end is not None and end < start:
        raise ValidationError("Het einde van de planning ligt voor het begin.")
    if "kind" in values and not str(values["kind"]).strip():
        values["kind"] = "actie"
    if "in_programme_table" in values:
        values["in_programme_table"] = bool(values["in_programme_table"])
    before = _apply(
        action,
        values,
        _ACTION_FIELDS,
        {"status", "working_group_id", "deadline_start", "deadline_end", "in_programme_table"},
    )
    session.flush()
    return Edit(action.id, _changes(action.id), before)


def move_programme_action(
    session: Session,
    action_id: uuid.UUID,
    index: int,
    *,
    ambition_id: uuid.UUID | None = None,
    parent_id: uuid.UUID | None | Any = UNSET,
) -> Edit:
    """Put an action (with its sub-actions) at ``index`` among its siblings, or under another parent/ambition.

    Undo with ``before`` (index, ambition_id and parent_id of where it was).
    """
    action = _action(session, action_id)
    old_ambition_id, old_parent_id = action.ambition_id, action.parent_id
    old_children = _children_map(_actions_of(session, old_ambition_id))
    old_index = old_children[old_parent_id].index(action)
    new_ambition_id = old_ambition_id if ambition_id is None else _ambition(session, ambition_id).id
    if parent_id is not UNSET:
        new_parent_id = parent_id
    else:  # another ambition: at its top level unless a parent is named
        new_parent_id = old_parent_id if new_ambition_id == old_ambition_id else None
    subtree = _subtree(session, action)
    if new_parent_id is not None:
        parent = _action(session, new_parent_id)
        if parent in subtree:
            raise ValidationError("Een actie kan niet onder zichzelf of een eigen subactie worden gezet.")
        if parent.ambition_id != new_ambition_id:
            raise ValidationError("Een subactie hoort bij dezelfde ambitie als de actie erboven.")
    if new_ambition_id != old_ambition_id:
        old_section = _section(session, _ambition(session, old_ambition_id).section_id)
        new_section = _section(session, _ambition(session, new_ambition_id).section_id)
        if old_section.programme_id != new_section.programme_id:
            raise ValidationError("Een actie kan alleen binnen hetzelfde programma worden verplaatst.")
    same_place = new_ambition_id == old_ambition_id and new_parent_id == old_parent_id
    if same_place and not 0 <= index < len(old_children[old_parent_id]):
        raise ValidationError("De actie kan niet verder worden verplaatst.")

    old_children[old_parent_id].remove(action)
    if new_ambition_id != old_ambition_id:
        _renumber(old_children)
        for record in subtree:
            record.ambition_id = new_ambition_id
        action.parent_id = new_parent_id
        session.flush()
        children = _children_map(_actions_of(session, new_ambition_id))
        children[new_parent_id] = [a for a in children[new_parent_id] if a is not action]
    else:
        action.parent_id = new_parent_id
        children = old_children
    siblings = children[new_parent_id]
    siblings.insert(max(0, min(index, len(siblings))), action)
    _renumber(children)
    session.flush()
    return Edit(
        action.id,
        _changes(action.id),
        {"index": old_index, "ambition_id": old_ambition_id, "parent_id": old_parent_id},
    )


# Responsibility


def _check_entries(session: Session, entries: Iterable[ResponsibilityEntry]) -> list[ResponsibilityEntry]:
    cleaned = []
    for entry in entries:
        role = ResponsibilityRole(entry.role)
        label = clean_text(entry.label or "", label="De naam van een verantwoordelijke", max_length=300)
        if entry.organisation_id is not None:
            organisation = _get(session, Organisation, entry.organisation_id, "De organisatie bestaat niet (meer).")
            label = label or organisation.name
        if entry.person_id is not None:
            person = _get(session, Person, entry.person_id, "De persoon bestaat niet (meer).")
            label = label or person.name
        if not label:
            continue  # an empty line in the editor is no responsibility
        cleaned.append(ResponsibilityEntry(role, label, entry.organisation_id, entry.person_id))
    return cleaned


def set_responsibility(
    session: Session,
    owner_id: uuid.UUID,
    *,
    entries: tuple[ResponsibilityEntry, ...] | list[ResponsibilityEntry] = (),
    overrides: bool | None = None,
) -> Edit:
    """Replace who is responsible for an ambition or action (``owner_id``); undo with ``**before``.

    For an ambition ``entries`` are its responsibility, inherited by its actions. For an action,
    ``overrides=True`` makes ``entries`` its own; ``overrides=False`` returns it to the ambition's
    (its own entries are dropped, ``entries`` ignored).
    """
    ambition = session.get(Ambition, owner_id)
    action: ProgrammeAction | None = None
    if ambition is not None:
        current = _own_responsibilities(session, ambition_id=ambition.id)
        before: dict[str, Any] = {"entries": _entries(current)}
    else:
        action = _action(session, owner_id)
        current = _own_responsibilities(session, action_id=action.id)
        before = {"entries": _entries(current), "overrides": action.overrides_responsibility}
        if overrides is None:
            overrides = action.overrides_responsibility
    wanted = _check_entries(session, entries) if (ambition is not None or overrides) else []
    for record in current:
        session.delete(record)
    session.flush()
    for position, entry in enumerate(wanted):
        session.add(
            Responsibility(
                ambition_id=ambition.id if ambition is not None else None,
                programme_action_id=action.id if action is not None else None,
                role=entry.role,
                label=entry.label,
                organisation_id=entry.organisation_id,
                person_id=entry.person_id,
                position=position,
            )
        )
    if action is not None:
        action.overrides_responsibility = bool(overrides)
    session.flush()
    for owner in (ambition, action):
        if owner is not None:
            session.expire(owner)
    return Edit(owner_id, _changes(owner_id), before)


# Deleting


def _references(session: Session, action_ids: list[uuid.UUID]) -> list[str]:
    """Dutch descriptions of what refers to these programme actions (minutes, action items, progress)."""
    if not action_ids:
        return []
    reasons = []
    agenda = session.scalar(
        select(func.count())
        .select_from(agenda_item_programme_action)
        .where(agenda_item_programme_action.c.programme_action_id.in_(action_ids))
    )
    if agenda:
        reasons.append(f"{agenda} agendapunt(en)")
    items = session.scalar(select(func.count(ActionItem.id)).where(ActionItem.programme_action_id.in_(action_ids)))
    if items:
        reasons.append(f"{items} actiepunt(en)")
    updates = session.scalar(
        select(func.count(ProgressUpdate.id)).where(ProgressUpdate.programme_action_id.in_(action_ids))
    )
    if updates:
        reasons.append(f"{updates} voortgangsmelding(en)")
    local = session.scalar(
        select(func.count(LocalStatus.id)).where(
            LocalStatus.programme_action_id.in_(action_ids),
            (LocalStatus.status != ActionStatus.NOT_STARTED) | (LocalStatus.note != ""),
        )
    )
    if local:
        reasons.append(f"{local} status(sen) per gemeente")
    return reasons


def _indicator_links(
    session: Session, section_ids: list[uuid.UUID], ambition_ids: list[uuid.UUID]
) -> list[tuple[str, dict[str, Any]]]:
    """The links of indicators to these sections and ambities: the database drops them with the section or ambition
    (ON DELETE CASCADE); kept in ``Removed.links`` so undo puts them back."""
    links: list[tuple[str, dict[str, Any]]] = []
    for table, column, ids in ((indicator_section, "section_id", section_ids),
                               (indicator_ambition, "ambition_id", ambition_ids)):  # fmt: skip
        if ids:
            rows = session.execute(select(table).where(table.c[column].in_(ids)))
            links += [(table.name, dict(row._mapping)) for row in rows]
    return links


def _refuse_if_referenced(session: Session, what: str, action_ids: list[uuid.UUID]) -> None:
    reasons = _references(session, action_ids)
    if reasons:
        raise RefusedError(
            f"{what} kan niet worden verwijderd: verslagen en lijsten verwijzen ernaar "
            f"({', '.join(reasons)}). Zet de status op Vervallen om de actie te beëindigen."
        )


def _tag_links(session: Session, action_ids: list[uuid.UUID]) -> tuple[tuple[str, dict[str, Any]], ...]:
    """The labels of actions about to be deleted, as association rows ``restore_removed`` puts back."""
    from ..models import programme_action_tag as links

    if not action_ids:
        return ()
    rows = session.execute(
        select(links.c.programme_action_id, links.c.tag_id).where(links.c.programme_action_id.in_(action_ids))
    )
    return tuple(("programme_action_tag", {"programme_action_id": a, "tag_id": t}) for a, t in rows)


def _remove_actions(
    session: Session, actions: list[ProgrammeAction]
) -> tuple[list[tuple[str, dict[str, Any]]], list[uuid.UUID]]:
    """Delete actions (parents first in ``actions``) with their own responsibilities and empty local statuses."""
    ids = [a.id for a in actions]
    rows = [snapshot(a) for a in actions]
    dependants: list[Any] = []
    if ids:
        dependants += list(session.scalars(select(Responsibility).where(Responsibility.programme_action_id.in_(ids))))
        dependants += list(session.scalars(select(LocalStatus).where(LocalStatus.programme_action_id.in_(ids))))
    rows += [snapshot(d) for d in dependants]
    for record in dependants:
        session.delete(record)
    session.flush()
    for record in actions:  # loaded collections would try to delete the rows again
        session.expire(record, ["own_responsibilities", "children"])
    for record in reversed(actions):  # children before their parent (parent_id is RESTRICT)
        session.delete(record)
        session.flush()
    return rows, ids


def describe_removal(session: Session, kind: str, record_id: uuid.UUID) -> tuple[int, int, list[str]]:
    """What deleting a section/ambition/action would take along: (ambitions, actions, refusal reasons)."""
    if kind == "section":
        ambitions = _ambitions_of(session, _section(session, record_id).id)
    elif kind == "ambition":
        ambitions = [_ambition(session, record_id)]
    else:
        actions = _subtree(session, _action(session, record_id))
        return 0, len(actions), _references(session, [a.id for a in actions])
    actions = [a for ambition in ambitions for a in _actions_of(session, ambition.id)]
    return len(ambitions) if kind == "section" else 0, len(actions), _references(session, [a.id for a in actions])


def delete_programme_action(session: Session, action_id: uuid.UUID) -> Removed:
    """Delete an action and its sub-actions; refused when minutes, action items or progress refer to them."""
    action = _action(session, action_id)
    subtree = _subtree(session, action)
    _refuse_if_referenced(session, f"De actie {action.code or first_words(action.text)}", [a.id for a in subtree])
    links = _tag_links(session, [a.id for a in subtree])
    rows, ids = _remove_actions(session, subtree)
    return Removed(_changes(action_id, *ids), rows=tuple(rows), links=links)


def delete_ambition(session: Session, ambition_id: uuid.UUID) -> Removed:
    """Delete an ambition with its actions and responsibility; refused when any action is referenced."""
    ambition = _ambition(session, ambition_id)
    actions = _actions_of(session, ambition.id)
    _refuse_if_referenced(session, f"De ambitie {ambition.code or first_words(ambition.text)}", [a.id for a in actions])
    responsibilities = _own_responsibilities(session, ambition_id=ambition.id)
    rows = [snapshot(ambition)] + [snapshot(r) for r in responsibilities]
    links = _indicator_links(session, [], [ambition.id]) + list(_tag_links(session, [a.id for a in actions]))
    action_rows, _ids = _remove_actions(session, _tree_order(actions))
    for record in responsibilities:
        session.delete(record)
    session.flush()
    session.expire(ambition, ["responsibilities", "actions"])
    session.delete(ambition)
    session.flush()
    return Removed(_changes(ambition_id), rows=tuple(rows + action_rows), links=tuple(links))


def delete_section(session: Session, section_id: uuid.UUID) -> Removed:
    """Delete a section with its ambitions and actions; refused when any of its actions is referenced.

    Working groups of the section keep existing, without a section (put back on undo).
    """
    section = _section(session, section_id)
    ambitions = _ambitions_of(session, section.id)
    actions = [a for ambition in ambitions for a in _tree_order(_actions_of(session, ambition.id))]
    _refuse_if_referenced(session, f"Het onderdeel {section.title}", [a.id for a in actions])
    responsibilities = [r for a in ambitions for r in _own_responsibilities(session, ambition_id=a.id)]
    rows = [snapshot(section)] + [snapshot(a) for a in ambitions] + [snapshot(r) for r in responsibilities]
    links = _indicator_links(session, [section.id], [a.id for a in ambitions])
    updated = []
    for group in session.scalars(select(WorkingGroup).where(WorkingGroup.section_id == section.id)):
        updated.append(("working_group", group.id, {"section_id": section.id}))
        group.section_id = None
    links += _tag_links(session, [a.id for a in actions])
    action_rows, _ids = _remove_actions(session, actions)
    for record in responsibilities:
        session.delete(record)
    session.flush()
    for removed_ambition in ambitions:
        session.expire(removed_ambition, ["responsibilities", "actions"])
        session.delete(removed_ambition)
    session.flush()
    session.expire(section, ["ambitions"])
    session.delete(section)
    session.flush()
    return Removed(_changes(section_id), rows=tuple(rows + action_rows), links=tuple(links), updated=tuple(updated))


def _tree_order(actions: list[ProgrammeAction]) -> list[ProgrammeAction]:
    """Actions of one ambition with every parent before its children."""
    children = _children_map(actions)
    ordered: list[ProgrammeAction] = []

    def walk(parent_id: uuid.UUID | None) -> None:
        for action in children.get(parent_id, []):
            ordered.append(action)
            walk(action.id)

    walk(None)
    return ordered


def first_words(text: str, limit: int = 40) -> str:
    """The start of a long text for a message: "Werkgroep formeren om ..."."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class ResponsibilityChoices:
    """What the responsibility editor offers: organisations and people by id, and roles written as text."""

    organisations: tuple[tuple[str, uuid.UUID], ...]
    people: tuple[tuple[str, uuid.UUID], ...]
    roles: tuple[str, ...]


DEFAULT_ROLES = ("Alle gemeenten", "Projectleider GHNT", "Centrumgemeente", "Ketenpartners")


def responsibility_choices(session: Session) -> ResponsibilityChoices:
    """Active organisations and people, and the role labels already used (plus the usual ones)."""
    organisations = session.execute(
        select(Organisation.name, Organisation.id)
        .where(Organisation.archived.is_(False), Organisation.merged_into_id.is_(None))
        .order_by(func.lower(Organisation.name))
    ).all()
    people = session.execute(
        select(Person.name, Person.id).where(Person.archived.is_(False)).order_by(func.lower(Person.name))
    ).all()
    used = session.scalars(
        select(Responsibility.label)
        .where(Responsibility.organisation_id.is_(None), Responsibility.person_id.is_(None))
        .distinct()
    ).all()
    roles: dict[str, str] = {}
    for label in (*DEFAULT_ROLES, *used):
        if label.strip():
            roles.setdefault(label.strip().casefold(), label.strip())
    names = {name.casefold() for name, _id in organisations} | {name.casefold() for name, _id in people}
    return ResponsibilityChoices(
        tuple((n, i) for n, i in organisations),
        tuple((n, i) for n, i in people),
        tuple(sorted((r for k, r in roles.items() if k not in names), key=str.casefold)),
    )
