"""The network: organisations, their people and the working groups, as lists show them and as users edit them.

Every list is one query over columns (no ORM entities), with counts done in SQL. The editing use cases
(create, edit, archive, merge two organisations, a person leaving with a successor, memberships with a
period) are below the lists.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import Column, Table, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from ..models import (
    ActionItem,
    ActionStatus,
    ActionTrekker,
    Base,
    LocalStatus,
    Measurement,
    MeetingSeries,
    Organisation,
    OrganisationKind,
    Person,
    Section,
    SeriesInvitee,
    WorkingGroup,
    WorkingGroupMember,
)
from . import Changes, NotFoundError, RefusedError, ValidationError
from .change_log import note_reason
from .meetings import Created, Edit, Removed, clean_text, restore_removed, snapshot
from .versions import versioned


@dataclass(frozen=True)
class OrganisationRow:
    """An organisation with the number of people recorded for it."""

    id: uuid.UUID
    name: str
    kind: OrganisationKind
    abbreviation: str
    people_count: int
    archived: bool
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonRow:
    """A person of the network with the organisation, the period active and the successor."""

    id: uuid.UUID
    name: str
    organisation_id: uuid.UUID | None
    organisation_name: str
    function: str
    email: str
    phone: str
    active_from: date | None
    active_until: date | None
    successor_id: uuid.UUID | None
    successor_name: str
    archived: bool

    def is_active(self, today: date) -> bool:
        """Active on ``today``: not archived and within the period (open ends count as active)."""
        if self.archived:
            return False
        if self.active_from is not None and self.active_from > today:
            return False
        return self.active_until is None or self.active_until >= today


@dataclass(frozen=True)
class WorkingGroupRow:
    """A werkgroep with its theme, actielijn, chair and current number of members."""

    id: uuid.UUID
    name: str
    theme: str
    section_title: str
    chair_name: str
    member_count: int
    archived: bool


def list_organisations(session: Session, *, include_archived: bool = True) -> list[OrganisationRow]:
    """Organisations by name (merged ones left out), with the number of people of each."""
    people = (
        select(Person.organisation_id, func.count(Person.id).label("n")).group_by(Person.organisation_id).subquery()
    )
    query = (
        select(
            Organisation.id,
            Organisation.name,
            Organisation.kind,
            func.coalesce(Organisation.abbreviation, ""),
            func.coalesce(people.c.n, 0),
            Organisation.archived,
            Organisation.aliases,
        )
        .outerjoin(people, people.c.organisation_id == Organisation.id)
        .where(Organisation.merged_into_id.is_(None))
        .order_by(func.lower(Organisation.name))
    )
    if not include_archived:
        query = query.where(Organisation.archived.is_(False))
    result: Iterable[Sequence[Any]] = session.execute(query)  # made into rows positionally
    return [OrganisationRow(*(*row[:-1], tuple(row[-1] or ()))) for row in result]  # aliases last


def list_people(
    session: Session, *, organisation_id: uuid.UUID | None = None, include_archived: bool = True
) -> list[PersonRow]:
    """People by name, optionally of one organisation."""
    successor = aliased(Person)
    query = (
        select(
            Person.id,
            Person.name,
            Person.organisation_id,
            func.coalesce(Organisation.name, ""),
            Person.function,
            Person.email,
            Person.phone,
            Person.active_from,
            Person.active_until,
            Person.successor_id,
            func.coalesce(successor.name, ""),
            Person.archived,
        )
        .outerjoin(Organisation, Person.organisation_id == Organisation.id)
        .outerjoin(successor, Person.successor_id == successor.id)
        .order_by(func.lower(Person.name))
    )
    if organisation_id is not None:
        query = query.where(Person.organisation_id == organisation_id)
    if not include_archived:
        query = query.where(Person.archived.is_(False))
    result: Iterable[Sequence[Any]] = session.execute(query)  # made into rows positionally
    return [PersonRow(*row) for row in result]


def list_working_groups(session: Session, *, today: date | None = None) -> list[WorkingGroupRow]:
    """Working groups by name; ``member_count`` counts memberships not ended before ``today``."""
    today = today or date.today()
    chair = aliased(Person)
    members = (
        select(WorkingGroupMember.working_group_id, func.count(WorkingGroupMember.id).label("n"))
        .where(
            or_(WorkingGroupMember.end.is_(None), WorkingGroupMember.end >= today),
            or_(WorkingGroupMember.start.is_(None), WorkingGroupMember.start <= today),
        )
        .group_by(WorkingGroupMember.working_group_id)
        .subquery()
    )
    query = (
        select(
            WorkingGroup.id,
            WorkingGroup.name,
            WorkingGroup.theme,
            func.coalesce(Section.title, ""),
            func.coalesce(chair.name, ""),
            func.coalesce(members.c.n, 0),
            WorkingGroup.archived,
        )
        .outerjoin(Section, WorkingGroup.section_id == Section.id)
        .outerjoin(chair, WorkingGroup.chair_id == chair.id)
        .outerjoin(members, members.c.working_group_id == WorkingGroup.id)
        .order_by(func.lower(WorkingGroup.name))
    )
    return [WorkingGroupRow(*row) for row in session.execute(query)]


# ---------------------------------------------------------------------------------------------------------------
# Editing the network
#
# Mutating services save in the caller's session (never commit) and return a ``Created``, ``Edit`` or
# ``Removed`` (``services.meetings``) with ``Changes(network=True)``. Nothing that minutes, lists or the
# programme refer to is ever deleted: such a delete is refused with what refers to it, and the record can be
# archived instead (it stays in every verslag and list, but is no longer offered for new entries).

NETWORK_CHANGES = Changes(network=True)

# What a reference to an organisation or person means to the user, by (table, column).
_REFERENCE_LABELS = {
    ("person", "organisation_id"): "personen",
    ("person", "successor_id"): "opvolging van een persoon",
    ("organisation", "merged_into_id"): "samengevoegde organisaties",
    ("working_group", "chair_id"): "werkgroepen (voorzitter)",
    ("working_group_member", "organisation_id"): "werkgroeplidmaatschappen",
    ("working_group_member", "person_id"): "werkgroeplidmaatschappen",
    ("responsibility", "organisation_id"): "verantwoordelijkheden in het programma",
    ("responsibility", "person_id"): "verantwoordelijkheden in het programma",
    ("series_invitee", "organisation_id"): "vaste genodigden van overlegreeksen",
    ("series_invitee", "person_id"): "vaste genodigden van overlegreeksen",
    ("meeting_series", "chair_id"): "overlegreeksen (voorzitter)",
    ("meeting_series", "secretary_id"): "overlegreeksen (notulist)",
    ("meeting", "chair_id"): "overleggen (voorzitter)",
    ("meeting", "secretary_id"): "overleggen (notulist)",
    ("agenda_item", "inbrenger_person_id"): "agendapunten (inbrenger)",
    ("attendance", "organisation_id"): "aanwezigheid bij overleggen",
    ("attendance", "person_id"): "aanwezigheid bij overleggen",
    ("attendance", "substitute_id"): "aanwezigheid bij overleggen (vervanger)",
    ("action_item", "trekker_organisation_id"): "actiepunten (trekker)",
    ("action_item", "trekker_person_id"): "actiepunten (trekker)",
    ("local_status", "organisation_id"): "statussen per gemeente",
    ("measurement", "organisation_id"): "cijfers per gemeente (indicatoren)",
}


@dataclass(frozen=True)
class Reference:
    """Rows of one table column that point at a record."""

    table: str
    column: str
    label: str
    count: int


def _foreign_keys_to(table_name: str) -> list[tuple[Table, Column[Any]]]:
    """Every (table, column) of the schema with a foreign key to ``table_name``'s id."""
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == table_name and fk.column.name == "id":
                found.append((table, fk.parent))
    return found


def references_to(session: Session, table_name: str, record_id: uuid.UUID) -> list[Reference]:
    """What refers to the record (found through the schema's foreign keys, so a new table is never missed)."""
    result = []
    for table, column in _foreign_keys_to(table_name):
        query = select(func.count()).select_from(table).where(column == record_id)
        if table.name == table_name:
            query = query.where(table.c.id != record_id)
        count = session.scalar(query) or 0
        if count:
            label = _REFERENCE_LABELS.get((table.name, column.name), f"{table.name}.{column.name}")
            result.append(Reference(table.name, column.name, label, count))
    return result


def describe_references(references: list[Reference]) -> str:
    """ "3 aanwezigheid bij overleggen, 1 actiepunten (trekker)": the counts per label, labels merged."""
    counts: dict[str, int] = {}
    for reference in references:
        counts[reference.label] = counts.get(reference.label, 0) + reference.count
    return ", ".join(f"{label} ({count})" for label, count in counts.items())


_Record = TypeVar("_Record", bound=Base)


def _get(session: Session, model: type[_Record], record_id: uuid.UUID | None, message: str) -> _Record:
    record = session.get(model, record_id) if record_id is not None else None
    if record is None:
        raise NotFoundError(message)
    return record


def _organisation(session: Session, organisation_id: uuid.UUID | None) -> Organisation:
    return _get(session, Organisation, organisation_id, "De organisatie bestaat niet (meer).")


def _person(session: Session, person_id: uuid.UUID | None) -> Person:
    return _get(session, Person, person_id, "De persoon bestaat niet (meer).")


def _group(session: Session, group_id: uuid.UUID | None) -> WorkingGroup:
    return _get(session, WorkingGroup, group_id, "De werkgroep bestaat niet (meer).")


def _member(session: Session, member_id: uuid.UUID | None) -> WorkingGroupMember:
    return _get(session, WorkingGroupMember, member_id, "Het lidmaatschap bestaat niet (meer).")


def _changes(*ids: uuid.UUID | None) -> Changes:
    return NETWORK_CHANGES | Changes(ids=frozenset(i for i in ids if i is not None))


def _check_period(start: date | None, end: date | None, what: str) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(f"De einddatum van {what} ligt voor de begindatum.")


def _refuse_delete(what: str, references: list[Reference]) -> None:
    if references:
        raise RefusedError(
            f"{what} kan niet worden verwijderd: er wordt naar verwezen vanuit {describe_references(references)}. "
            "Archiveer in plaats daarvan; verslagen en lijsten blijven dan kloppen."
        )


def _set_fields(record: Any, values: dict[str, Any]) -> dict[str, Any]:
    before = {}
    for key, value in values.items():
        before[key] = getattr(record, key)
        setattr(record, key, value)
    return before


# Organisations


@dataclass(frozen=True)
class OrganisationDetail:
    id: uuid.UUID
    name: str
    kind: OrganisationKind
    abbreviation: str
    aliases: tuple[str, ...]
    notes: str
    archived: bool
    merged_into_id: uuid.UUID | None


def get_organisation(session: Session, organisation_id: uuid.UUID) -> OrganisationDetail:
    """An organisation's editable fields."""
    o = _organisation(session, organisation_id)
    return OrganisationDetail(
        o.id, o.name, o.kind, o.abbreviation or "", tuple(o.aliases or ()), o.notes, o.archived, o.merged_into_id
    )


def _clean_aliases(aliases: Iterable[str], name: str) -> list[str]:
    result: list[str] = []
    seen = {name.casefold()}
    for alias in aliases:
        text = clean_text(alias, label="Een andere naam", max_length=200)
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            result.append(text)
    return result


def _unique_organisation_name(session: Session, name: str, own_id: uuid.UUID | None = None) -> None:
    query = select(Organisation.id).where(func.lower(Organisation.name) == name.lower())
    if own_id is not None:
        query = query.where(Organisation.id != own_id)
    if session.scalar(query) is not None:
        raise ValidationError(f"Er bestaat al een organisatie met de naam {name}.")


def create_organisation(
    session: Session,
    *,
    name: str,
    kind: OrganisationKind = OrganisationKind.OTHER,
    abbreviation: str = "",
    aliases: tuple[str, ...] | list[str] = (),
    notes: str = "",
) -> Created:
    """Add an organisation; undo with ``delete_organisation``."""
    name = clean_text(name, label="De naam van de organisatie", required=True, max_length=200)
    _unique_organisation_name(session, name)
    organisation = Organisation(
        name=name,
        kind=OrganisationKind(kind),
        abbreviation=clean_text(abbreviation or "", label="De afkorting", max_length=40) or None,
        aliases=_clean_aliases(aliases, name),
        notes=clean_text(notes, label="De notities"),
    )
    session.add(organisation)
    session.flush()
    return Created(organisation.id, _changes(organisation.id))


@versioned(Organisation, lambda organisation: f"Organisatie {organisation.name}", labels={"aliases": "Andere namen"})
def update_organisation(session: Session, organisation_id: uuid.UUID, **values: Any) -> Edit:
    """Change name, kind, abbreviation, aliases, notes or archived; undo with ``**before``."""
    unknown = set(values) - {"name", "kind", "abbreviation", "aliases", "notes", "archived"}
    if unknown:
        raise ValidationError(f"Onbekende velden van een organisatie: {', '.join(sorted(unknown))}.")
    organisation = _organisation(session, organisation_id)
    if organisation.merged_into_id is not None and values.get("archived") is False:
        raise RefusedError("Een samengevoegde organisatie blijft gearchiveerd; maak het samenvoegen ongedaan.")
    if "name" in values:
        values["name"] = clean_text(values["name"], label="De naam van de organisatie", required=True, max_length=200)
        _unique_organisation_name(session, values["name"], organisation.id)
    if "kind" in values:
        values["kind"] = OrganisationKind(values["kind"])
    if "abbreviation" in values:
        values["abbreviation"] = clean_text(values["abbreviation"] or "", label="De afkorting", max_length=40) or None
    if "aliases" in values:
        values["aliases"] = _clean_aliases(values["aliases"], values.get("name", organisation.name))
    if "notes" in values:
        values["notes"] = clean_text(values["notes"], label="De notities")
    if "archived" in values:
        values["archived"] = bool(values["archived"])
    before = _set_fields(organisation, values)
    if "aliases" in before:
        before["aliases"] = list(before["aliases"] or ())
    session.flush()
    return Edit(organisation.id, _changes(organisation.id), before)


def organisation_references(session: Session, organisation_id: uuid.UUID) -> list[Reference]:
    """What refers to an organisation (a delete is refused while this is not empty)."""
    return references_to(session, "organisation", _organisation(session, organisation_id).id)


def delete_organisation(session: Session, organisation_id: uuid.UUID) -> Removed:
    """Delete an organisation nothing refers to; otherwise refused (archive it instead)."""
    organisation = _organisation(session, organisation_id)
    _refuse_delete(f"De organisatie {organisation.name}", references_to(session, "organisation", organisation.id))
    row = snapshot(organisation)
    session.delete(organisation)
    session.flush()
    return Removed(_changes(organisation_id), rows=(row,))


@dataclass(frozen=True)
class MergePreview:
    """What merging ``duplicate`` into ``keep`` moves, per Dutch label, and the names kept as aliases."""

    keep_name: str
    duplicate_name: str
    moves: tuple[tuple[str, int], ...]
    aliases_after: tuple[str, ...]
    conflicts: int  # statuses per gemeente the kept organisation already has for the same action

    @property
    def total(self) -> int:
        return sum(count for _label, count in self.moves)


def _merge_checks(session: Session, keep_id: uuid.UUID, duplicate_id: uuid.UUID) -> tuple[Organisation, Organisation]:
    if keep_id == duplicate_id:
        raise ValidationError("Kies twee verschillende organisaties om samen te voegen.")
    keep = _organisation(session, keep_id)
    duplicate = _organisation(session, duplicate_id)
    for organisation in (keep, duplicate):
        if organisation.merged_into_id is not None:
            raise ValidationError(f"{organisation.name} is al samengevoegd met een andere organisatie.")
    return keep, duplicate


def _merged_aliases(keep: Organisation, duplicate: Organisation) -> list[str]:
    return _clean_aliases([*(keep.aliases or ()), duplicate.name, *(duplicate.aliases or ())], keep.name)


def _local_status_conflicts(session: Session, keep_id: uuid.UUID, duplicate_id: uuid.UUID) -> list[LocalStatus]:
    """The duplicate's statuses per gemeente for actions the kept organisation already has one for."""
    kept = aliased(LocalStatus)
    same_subject = (func.coalesce(kept.programme_action_id, kept.action_item_id)) == func.coalesce(
        LocalStatus.programme_action_id, LocalStatus.action_item_id
    )
    return list(
        session.scalars(
            select(LocalStatus)
            .join(kept, same_subject & (kept.organisation_id == keep_id))
            .where(LocalStatus.organisation_id == duplicate_id)
        )
    )


def merge_preview(session: Session, keep_id: uuid.UUID, duplicate_id: uuid.UUID) -> MergePreview:
    """What ``merge_organisations`` would move, without changing anything."""
    keep, duplicate = _merge_checks(session, keep_id, duplicate_id)
    counts: dict[str, int] = {}
    for reference in references_to(session, "organisation", duplicate.id):
        counts[reference.label] = counts.get(reference.label, 0) + reference.count
    return MergePreview(
        keep.name,
        duplicate.name,
        tuple(counts.items()),
        tuple(_merged_aliases(keep, duplicate)),
        len(_local_status_conflicts(session, keep.id, duplicate.id)),
    )


def merge_organisations(session: Session, keep_id: uuid.UUID, duplicate_id: uuid.UUID) -> Removed:
    """Merge two records of the same organisation: everything pointing at the duplicate moves to ``keep``.

    In the caller's one transaction: every foreign key to the duplicate is re-pointed (found through the
    schema), its name and aliases become aliases of the kept one, the duplicate is archived with
    ``merged_into_id`` and the merge is written to the change history. Where both had a status per
    gemeente for the same action, or a figure for the same indicator and period, the kept one's stays and the
    duplicate's is removed. The result's
    ``updated`` and ``rows`` hold every previous value: undo with ``undo_merge_organisations``.
    """
    keep, duplicate = _merge_checks(session, keep_id, duplicate_id)
    note_reason(session, f"{duplicate.name} samengevoegd met {keep.name}")  # logged with every change of the merge
    updated: list[tuple[str, uuid.UUID, dict[str, Any]]] = []
    conflicts: list[Any] = list(_local_status_conflicts(session, keep.id, duplicate.id))
    # An action both were trekker of keeps the kept one's link; the duplicate's goes (and comes back on undo).
    both = select(ActionTrekker.action_item_id).where(ActionTrekker.organisation_id == keep.id)
    shared = select(ActionTrekker).where(
        ActionTrekker.organisation_id == duplicate.id, ActionTrekker.action_item_id.in_(both)
    )
    conflicts += session.scalars(shared).all()
    # A figure both gemeenten have for the same indicator and period: the kept one's stays (one value per period).
    kept_figure = aliased(Measurement)
    conflicts += session.scalars(
        select(Measurement)
        .join(
            kept_figure,
            (kept_figure.organisation_id == keep.id)
            & (kept_figure.indicator_id == Measurement.indicator_id)
            & (kept_figure.year == Measurement.year)
            & (kept_figure.period_kind == Measurement.period_kind)
            & (kept_figure.period_part == Measurement.period_part),
        )
        .where(Measurement.organisation_id == duplicate.id)
    ).all()
    rows = [snapshot(status) for status in conflicts]
    for status in conflicts:
        session.delete(status)
    session.flush()
    for table, column in _foreign_keys_to("organisation"):
        condition = column == duplicate.id
        if table.name == "organisation":
            condition = condition & (table.c.id != duplicate.id)
        ids = list(session.scalars(select(table.c.id).where(condition)))
        if not ids:
            continue
        updated += [(table.name, record_id, {column.key: duplicate.id}) for record_id in ids]
        session.execute(update(table).where(table.c.id.in_(ids)).values({column.name: keep.id}))
    updated.append(
        (
            "organisation",
            keep.id,
            {"aliases": list(keep.aliases or ()), "abbreviation": keep.abbreviation, "notes": keep.notes},
        )
    )
    updated.append(
        ("organisation", duplicate.id, {"archived": duplicate.archived, "merged_into_id": duplicate.merged_into_id})
    )
    keep.aliases = _merged_aliases(keep, duplicate)
    if not keep.abbreviation and duplicate.abbreviation:
        keep.abbreviation = duplicate.abbreviation
    if duplicate.notes.strip() and duplicate.notes.strip() not in keep.notes:
        keep.notes = (keep.notes.rstrip() + "\n" + duplicate.notes.strip()).strip()
    duplicate.archived = True
    duplicate.merged_into_id = keep.id
    session.flush()
    note_reason(session, "")
    session.expire_all()  # the bulk updates above bypassed the identity map
    return Removed(
        _changes(keep.id, duplicate.id) | Changes(programme=True, meetings=True, actions=True),
        rows=tuple(rows),
        updated=tuple(updated),
    )


def undo_merge_organisations(session: Session, removed: Removed) -> Changes:
    """Undo ``merge_organisations``: every row points at the duplicate again, which is active again."""
    note_reason(session, "Samenvoegen ongedaan gemaakt")
    changes = restore_removed(session, removed)
    session.flush()
    note_reason(session, "")
    session.expire_all()
    return changes


# People


@dataclass(frozen=True)
class PersonDetail:
    id: uuid.UUID
    name: str
    organisation_id: uuid.UUID | None
    function: str
    email: str
    phone: str
    active_from: date | None
    active_until: date | None
    successor_id: uuid.UUID | None
    archived: bool


def get_person(session: Session, person_id: uuid.UUID) -> PersonDetail:
    """A person's editable fields."""
    p = _person(session, person_id)
    return PersonDetail(
        p.id, p.name, p.organisation_id, p.function, p.email, p.phone, p.active_from, p.active_until,
        p.successor_id, p.archived,
    )  # fmt: skip


_PERSON_TEXT = {"name": ("De naam", 200), "function": ("De functie", 200), "email": ("Het e-mailadres", 320),
                "phone": ("Het telefoonnummer", 60)}  # fmt: skip


_EMAIL_FORBIDDEN = set('<>()[],;:"\\')


def check_email(value: str) -> str:
    """``value`` without surrounding spaces if it is one plausible e-mail address; "" stays "".

    Raises ``ValidationError`` (Dutch) for a line break, tab or other invisible character inside it
    (which would end up in the headers of a calendar invitation), a space, two addresses, or no
    ``naam@domein.nl`` shape. Refused, not silently cleaned: the user sees what was wrong."""
    if not isinstance(value, str):
        raise ValidationError("Het e-mailadres moet tekst zijn.")
    email = value.strip()
    if not email:
        return ""
    shown = "".join(ch if ch.isprintable() else "?" for ch in email)[:80]
    if any(not ch.isprintable() for ch in email):
        raise ValidationError(
            f'"{shown}" is geen geldig e-mailadres: er staat een regeleinde, tab of ander onzichtbaar teken in. '
            "Typ het adres opnieuw op één regel, zoals naam@organisatie.nl."
        )
    local, _, domain = email.partition("@")
    if " " in email or any(ch in _EMAIL_FORBIDDEN for ch in email):
        raise ValidationError(
            f'"{shown}" is geen geldig e-mailadres: vul één adres in, zonder spaties, komma\'s of haakjes, '
            "zoals naam@organisatie.nl."
        )
    if not local or "@" in domain or "." not in domain.strip(".") or ".." in domain:
        raise ValidationError(f'"{shown}" is geen geldig e-mailadres; vul het in als naam@organisatie.nl.')
    return email


def _clean_person_values(session: Session, values: dict[str, Any], person: Person | None) -> dict[str, Any]:
    if "email" in values:
        values["email"] = check_email(values["email"] or "")
    for key, (label, limit) in _PERSON_TEXT.items():
        if key in values:
            values[key] = clean_text(values[key] or "", label=label, required=key == "name", max_length=limit)
    if values.get("organisation_id") is not None:
        _organisation(session, values["organisation_id"])
    if values.get("successor_id") is not None:
        successor = _person(session, values["successor_id"])
        if person is not None and successor.id == person.id:
            raise ValidationError("Iemand kan niet zijn of haar eigen opvolger zijn.")
    start = values.get("active_from", person.active_from if person else None)
    end = values.get("active_until", person.active_until if person else None)
    _check_period(start, end, "de periode waarin iemand actief is")
    if "archived" in values:
        values["archived"] = bool(values["archived"])
    return values


def create_person(
    session: Session,
    *,
    name: str,
    organisation_id: uuid.UUID | None = None,
    function: str = "",
    email: str = "",
    phone: str = "",
    active_from: date | None = None,
    active_until: date | None = None,
) -> Created:
    """Add a person of the network (a professional, never client data); undo with ``delete_person``."""
    values = _clean_person_values(
        session,
        {"name": name, "organisation_id": organisation_id, "function": function, "email": email, "phone": phone,
         "active_from": active_from, "active_until": active_until},
        None,
    )  # fmt: skip
    person = Person(**values)
    session.add(person)
    session.flush()
    return Created(person.id, _changes(person.id, organisation_id))


_PERSON_FIELDS = {"name", "organisation_id", "function", "email", "phone", "active_from", "active_until",
                  "successor_id", "archived"}  # fmt: skip


@versioned(
    Person, lambda person: f"Persoon {person.name}",
    labels={"active_from": "Actief vanaf", "active_until": "Actief tot", "successor_id": "Opvolger"},
)
def update_person(session: Session, person_id: uuid.UUID, **values: Any) -> Edit:
    """Change any field of a person (name, organisation, function, contact, period, successor, archived).

    Every change goes into the person's change history, so a change of function or organisation keeps the
    old one (verslagen keep the organisation a person represented at each meeting on the attendance row).
    """
    unknown = set(values) - _PERSON_FIELDS
    if unknown:
        raise ValidationError(f"Onbekende velden van een persoon: {', '.join(sorted(unknown))}.")
    person = _person(session, person_id)
    after = _clean_person_values(session, dict(values), person)
    before = _set_fields(person, after)
    session.flush()
    return Edit(person.id, _changes(person.id), before)


def person_references(session: Session, person_id: uuid.UUID) -> list[Reference]:
    """What refers to a person (a delete is refused while this is not empty)."""
    return references_to(session, "person", _person(session, person_id).id)


def delete_person(session: Session, person_id: uuid.UUID) -> Removed:
    """Delete a person nothing refers to; otherwise refused (archive, or record that the person left)."""
    person = _person(session, person_id)
    _refuse_delete(f"{person.name}", references_to(session, "person", person.id))
    row = snapshot(person)
    session.delete(person)
    session.flush()
    return Removed(_changes(person_id), rows=(row,))


def person_leaves(
    session: Session,
    person_id: uuid.UUID,
    *,
    until: date,
    successor_id: uuid.UUID | None = None,
    new_successor_name: str = "",
    new_successor_function: str | None = None,
    move_memberships: bool = True,
) -> Edit:
    """Record that someone leaves on ``until``, with a successor (an existing person or a new one).

    With ``move_memberships`` the memberships still running on ``until`` end then, the successor gets the
    same seat (role, organisation) from the day after, and chairs of working groups pass on too; so do the
    invitations to meeting series and the series' chair and secretary. The trekker role on open actions passes
    on only after review: ``trekker_takeover_proposal`` lists them, ``take_over_trekker`` moves the chosen ones.
    Undo with ``undo_person_leaves``: ``before`` holds the previous values and the rows created or removed.
    """
    person = _person(session, person_id)
    if not isinstance(until, date):
        raise ValidationError("Geef de datum waarop de persoon vertrekt.")
    if person.active_from is not None and until < person.active_from:
        raise ValidationError(f"{person.name} was op {until:%d-%m-%Y} nog niet actief.")
    created: list[tuple[str, uuid.UUID]] = []
    new_name = clean_text(new_successor_name or "", label="De naam van de opvolger", max_length=200)
    if successor_id is not None and new_name:
        raise ValidationError("Kies een bestaande opvolger of geef de naam van een nieuwe, niet allebei.")
    if new_name:
        successor = Person(
            name=new_name,
            organisation_id=person.organisation_id,
            function=person.function if new_successor_function is None else new_successor_function,
            active_from=until + timedelta(days=1),
        )
        session.add(successor)
        session.flush()
        created.append(("person", successor.id))
    elif successor_id is not None:
        successor = _person(session, successor_id)
        if successor.id == person.id:
            raise ValidationError("Iemand kan niet zijn of haar eigen opvolger zijn.")
    else:
        successor = None
    updated: list[tuple[str, uuid.UUID, dict[str, Any]]] = [
        ("person", person.id, {"active_until": person.active_until, "successor_id": person.successor_id})
    ]
    person.active_until = until
    person.successor_id = successor.id if successor is not None else None
    if move_memberships:
        memberships = session.scalars(
            select(WorkingGroupMember).where(
                WorkingGroupMember.person_id == person.id,
                or_(WorkingGroupMember.end.is_(None), WorkingGroupMember.end > until),
            )
        ).all()
        for membership in memberships:
            updated.append(("working_group_member", membership.id, {"end": membership.end}))
            old_end = membership.end
            membership.end = until
            if successor is not None:
                seat = WorkingGroupMember(
                    working_group_id=membership.working_group_id,
                    person_id=successor.id,
                    organisation_id=membership.organisation_id,
                    role=membership.role,
                    start=until + timedelta(days=1),
                    end=old_end,
                )
                session.add(seat)
                session.flush()
                created.append(("working_group_member", seat.id))
        if successor is not None:
            for group in session.scalars(select(WorkingGroup).where(WorkingGroup.chair_id == person.id)):
                updated.append(("working_group", group.id, {"chair_id": group.chair_id}))
                group.chair_id = successor.id
    removed: list[tuple[str, dict[str, Any]]] = []
    if move_memberships and successor is not None:
        for invitee in session.scalars(select(SeriesInvitee).where(SeriesInvitee.person_id == person.id)).all():
            already = session.scalar(
                select(SeriesInvitee.id).where(
                    SeriesInvitee.series_id == invitee.series_id, SeriesInvitee.person_id == successor.id
                )
            )
            if already is not None:
                removed.append(snapshot(invitee))
                session.delete(invitee)
            else:
                updated.append(("series_invitee", invitee.id, {"person_id": invitee.person_id}))
                invitee.person_id = successor.id
        for series in session.scalars(
            select(MeetingSeries).where(
                or_(MeetingSeries.chair_id == person.id, MeetingSeries.secretary_id == person.id)
            )
        ):
            updated.append(
                ("meeting_series", series.id, {"chair_id": series.chair_id, "secretary_id": series.secretary_id})
            )
            if series.chair_id == person.id:
                series.chair_id = successor.id
            if series.secretary_id == person.id:
                series.secretary_id = successor.id
    session.flush()
    return Edit(
        person.id,
        _changes(person.id) | Changes(meetings=bool(removed) or any(u[0] == "series_invitee" for u in updated)),
        {"updated": tuple(updated), "created": tuple(created), "removed": tuple(removed)},
    )


def undo_person_leaves(session: Session, edit: Edit) -> Changes:
    """Undo ``person_leaves``: put back the previous values (before the successor they may point to goes), then
    remove the seats and the successor it created."""
    restore_removed(
        session,
        Removed(
            edit.changes, rows=tuple(edit.before.get("removed", ())), updated=tuple(edit.before.get("updated", ()))
        ),
    )
    for table, record_id in reversed(edit.before.get("created", ())):
        model = WorkingGroupMember if table == "working_group_member" else Person
        record = session.get(model, record_id)
        if record is not None:
            session.delete(record)
            session.flush()
    return edit.changes


@dataclass(frozen=True)
class TrekkerTakeover:
    """An open action item of someone who left, for the review of who takes over as trekker."""

    id: uuid.UUID
    number: str
    text: str
    deadline: date | None
    deadline_text: str
    status: ActionStatus


def trekker_takeover_proposal(session: Session, person_id: uuid.UUID) -> list[TrekkerTakeover]:
    """The open action items a person is trekker of, oldest number first, for the successor to take over."""
    person = _person(session, person_id)
    actions = session.scalars(
        select(ActionItem)
        .where(ActionItem.trekker_person_id == person.id, ActionItem.status.not_in(_CLOSED))
        .order_by(ActionItem.number)
    )
    return [TrekkerTakeover(a.id, a.number, a.text, a.deadline, a.deadline_text, a.status) for a in actions]


_CLOSED = (ActionStatus.DONE, ActionStatus.CANCELLED)


def take_over_trekker(
    session: Session,
    person_id: uuid.UUID,
    successor_id: uuid.UUID,
    action_ids: list[uuid.UUID],
) -> Edit:
    """Make the successor trekker of the chosen open actions of a person (after review); each change goes into
    the action's history. Undo with ``undo_take_over_trekker``."""
    person = _person(session, person_id)
    successor = _person(session, successor_id)
    if successor.id == person.id:
        raise ValidationError("Iemand kan niet zijn of haar eigen opvolger zijn.")
    allowed = {row.id for row in trekker_takeover_proposal(session, person.id)}
    wanted = list(dict.fromkeys(action_ids))
    if any(i not in allowed for i in wanted):
        raise ValidationError(
            f"Alleen openstaande acties waarvan {person.name} trekker is, kunnen worden overgedragen; "
            "vernieuw de lijst en kies opnieuw."
        )
    moved = []
    note_reason(session, f"Opvolger van {person.name}")  # logged with each action's new trekker
    for action_id in wanted:
        action = session.get(ActionItem, action_id)
        assert action is not None
        action.trekker_person_id = successor.id
        moved.append(action.id)
    session.flush()
    note_reason(session, "")
    return Edit(
        person.id,
        Changes(actions=True, meetings=True, network=True, ids=frozenset({person.id, successor.id, *moved})),
        {"action_ids": tuple(moved), "person_id": person.id},
    )


def undo_take_over_trekker(session: Session, edit: Edit) -> Changes:
    """Make the person who left trekker again of the actions ``take_over_trekker`` moved."""
    note_reason(session, "Overdracht ongedaan gemaakt")
    for action_id in edit.before["action_ids"]:
        action = session.get(ActionItem, action_id)
        if action is not None:
            action.trekker_person_id = edit.before["person_id"]
    session.flush()
    note_reason(session, "")
    return edit.changes


# Working groups


@dataclass(frozen=True)
class WorkingGroupDetail:
    id: uuid.UUID
    name: str
    theme: str
    section_id: uuid.UUID | None
    chair_id: uuid.UUID | None
    description: str
    archived: bool


@dataclass(frozen=True)
class MemberRow:
    """A membership of a working group: who, for which organisation, in which role, over which period."""

    id: uuid.UUID
    working_group_id: uuid.UUID
    person_id: uuid.UUID | None
    person_name: str
    organisation_id: uuid.UUID | None
    organisation_name: str
    role: str
    start: date | None
    end: date | None

    def is_current(self, today: date) -> bool:
        return (self.start is None or self.start <= today) and (self.end is None or self.end >= today)


def get_working_group(session: Session, group_id: uuid.UUID) -> WorkingGroupDetail:
    """A working group's editable fields."""
    g = _group(session, group_id)
    return WorkingGroupDetail(g.id, g.name, g.theme, g.section_id, g.chair_id, g.description, g.archived)


def list_members(session: Session, group_id: uuid.UUID) -> list[MemberRow]:
    """The memberships of a working group, current and past, by start date and name."""
    query = (
        select(
            WorkingGroupMember.id,
            WorkingGroupMember.working_group_id,
            WorkingGroupMember.person_id,
            func.coalesce(Person.name, ""),
            WorkingGroupMember.organisation_id,
            func.coalesce(Organisation.name, ""),
            WorkingGroupMember.role,
            WorkingGroupMember.start,
            WorkingGroupMember.end,
        )
        .outerjoin(Person, WorkingGroupMember.person_id == Person.id)
        .outerjoin(Organisation, WorkingGroupMember.organisation_id == Organisation.id)
        .where(WorkingGroupMember.working_group_id == group_id)
        .order_by(func.lower(func.coalesce(Person.name, Organisation.name)), WorkingGroupMember.start)
    )
    return [MemberRow(*row) for row in session.execute(query)]


def _clean_group_values(session: Session, values: dict[str, Any], own_id: uuid.UUID | None) -> dict[str, Any]:
    if "name" in values:
        values["name"] = clean_text(values["name"], label="De naam van de werkgroep", required=True, max_length=200)
        query = select(WorkingGroup.id).where(func.lower(WorkingGroup.name) == values["name"].lower())
        if own_id is not None:
            query = query.where(WorkingGroup.id != own_id)
        if session.scalar(query) is not None:
            raise ValidationError(f"Er bestaat al een werkgroep met de naam {values['name']}.")
    if "theme" in values:
        values["theme"] = clean_text(values["theme"], label="Het thema", max_length=300)
    if "description" in values:
        values["description"] = clean_text(values["description"], label="De omschrijving")
    if values.get("section_id") is not None:
        _get(session, Section, values["section_id"], "Het onderdeel van het programma bestaat niet (meer).")
    if values.get("chair_id") is not None:
        _person(session, values["chair_id"])
    if "archived" in values:
        values["archived"] = bool(values["archived"])
    return values


def create_working_group(
    session: Session,
    *,
    name: str,
    theme: str = "",
    section_id: uuid.UUID | None = None,
    chair_id: uuid.UUID | None = None,
    description: str = "",
) -> Created:
    """Form a werkgroep; undo with ``delete_working_group``."""
    values = _clean_group_values(
        session,
        {"name": name, "theme": theme, "section_id": section_id, "chair_id": chair_id, "description": description},
        None,
    )
    group = WorkingGroup(**values)
    session.add(group)
    session.flush()
    return Created(group.id, _changes(group.id))


@versioned(
    WorkingGroup, lambda group: f"Werkgroep {group.name}",
    labels={"theme": "Thema", "section_id": "Actielijn", "chair_id": "Voorzitter"},
)
def update_working_group(session: Session, group_id: uuid.UUID, **values: Any) -> Edit:
    """Change name, theme, section_id, chair_id, description or archived; undo with ``**before``."""
    unknown = set(values) - {"name", "theme", "section_id", "chair_id", "description", "archived"}
    if unknown:
        raise ValidationError(f"Onbekende velden van een werkgroep: {', '.join(sorted(unknown))}.")
    group = _group(session, group_id)
    before = _set_fields(group, _clean_group_values(session, dict(values), group.id))
    session.flush()
    return Edit(group.id, _changes(group.id) | Changes(programme="name" in values), before)


def working_group_references(session: Session, group_id: uuid.UUID) -> list[Reference]:
    """What refers to a working group besides its own members (meetings, series, actions)."""
    return [r for r in references_to(session, "working_group", _group(session, group_id).id)
            if r.table != "working_group_member"]  # fmt: skip


_GROUP_LABELS = {"meeting": "overleggen", "meeting_series": "overlegreeksen", "action_item": "actiepunten",
                 "programme_action": "acties van het programma"}  # fmt: skip


def delete_working_group(session: Session, group_id: uuid.UUID) -> Removed:
    """Delete a working group with its memberships; refused when meetings, series or actions refer to it."""
    group = _group(session, group_id)
    references = [
        Reference(r.table, r.column, _GROUP_LABELS.get(r.table, r.label), r.count)
        for r in working_group_references(session, group.id)
    ]
    _refuse_delete(f"De werkgroep {group.name}", references)
    members = session.scalars(select(WorkingGroupMember).where(WorkingGroupMember.working_group_id == group.id)).all()
    rows = [snapshot(group)] + [snapshot(m) for m in members]
    for member in members:
        session.delete(member)
    session.flush()
    session.delete(group)
    session.flush()
    return Removed(_changes(group_id), rows=tuple(rows))


def _clean_member_values(
    session: Session, values: dict[str, Any], member: WorkingGroupMember | None
) -> dict[str, Any]:
    if "role" in values:
        values["role"] = clean_text(values["role"] or "", label="De rol", max_length=100) or "lid"
    if values.get("person_id") is not None:
        _person(session, values["person_id"])
    if values.get("organisation_id") is not None:
        _organisation(session, values["organisation_id"])
    person_id = values.get("person_id", member.person_id if member else None)
    organisation_id = values.get("organisation_id", member.organisation_id if member else None)
    if person_id is None and organisation_id is None:
        raise ValidationError("Kies een persoon of een organisatie als lid van de werkgroep.")
    start = values.get("start", member.start if member else None)
    end = values.get("end", member.end if member else None)
    _check_period(start, end, "het lidmaatschap")
    return values


def add_member(
    session: Session,
    group_id: uuid.UUID,
    *,
    person_id: uuid.UUID | None = None,
    organisation_id: uuid.UUID | None = None,
    role: str = "lid",
    start: date | None = None,
    end: date | None = None,
) -> Created:
    """Add a membership (a person, for an organisation, in a role, over a period); undo with ``remove_member``.

    Without an organisation the person's own organisation is taken.
    """
    group = _group(session, group_id)
    if organisation_id is None and person_id is not None:
        organisation_id = _person(session, person_id).organisation_id
    values = _clean_member_values(
        session,
        {"person_id": person_id, "organisation_id": organisation_id, "role": role, "start": start, "end": end},
        None,
    )
    member = WorkingGroupMember(working_group_id=group.id, **values)
    session.add(member)
    session.flush()
    return Created(member.id, _changes(group.id, member.id))


def _member_label(member: WorkingGroupMember) -> str:
    who = member.person.name if member.person is not None else (
        member.organisation.name if member.organisation is not None else ""
    )
    return f"Het lidmaatschap van {who}".strip()


@versioned(WorkingGroupMember, _member_label, labels={"person_id": "Persoon"})
def update_member(session: Session, member_id: uuid.UUID, **values: Any) -> Edit:
    """Change person_id, organisation_id, role, start or end of a membership; undo with ``**before``."""
    unknown = set(values) - {"person_id", "organisation_id", "role", "start", "end"}
    if unknown:
        raise ValidationError(f"Onbekende velden van een lidmaatschap: {', '.join(sorted(unknown))}.")
    member = _member(session, member_id)
    before = _set_fields(member, _clean_member_values(session, dict(values), member))
    session.flush()
    return Edit(member.id, _changes(member.working_group_id, member.id), before)


def remove_member(session: Session, member_id: uuid.UUID) -> Removed:
    """Remove a membership recorded by mistake (one that ended is kept: give it an end date instead)."""
    member = _member(session, member_id)
    row = snapshot(member)
    group_id = member.working_group_id
    session.delete(member)
    session.flush()
    return Removed(_changes(group_id, member_id), rows=(row,))
