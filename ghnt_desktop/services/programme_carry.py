"""Unfinished actions carried into the next period's programme, after review.

At the end of a period the projectleider looks at what was not finished and takes the chosen actions into the
new programme: each lands under the section and ambition of the same title there (made when the new programme
lacks them, with the ambition's responsibility), keeps its text, code, deadline as written, status, working
group, own responsibility and tags (by kind and name, made when missing), and notes where it came from. Open
sub-actions go along with their action. The old programme is left as it was: it is the record of that period.

All or nothing: one call in one write transaction; ``undo_carry`` removes exactly what it made.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ..models import (
    ActionStatus,
    Ambition,
    Programme,
    ProgrammeAction,
    Responsibility,
    Section,
    Tag,
    TagKind,
    programme_action_tag,
)
from . import Changes, NotFoundError, ValidationError

CLOSED = (ActionStatus.DONE, ActionStatus.CANCELLED)


@dataclass(frozen=True)
class CarryCandidate:
    """An unfinished top-level action of the old programme, as the review dialog lists it."""

    id: uuid.UUID
    code: str
    text: str
    section_title: str
    ambition_text: str
    status: ActionStatus
    deadline_text: str
    already_carried: bool  # the target has an action with this text under the same ambition


@dataclass(frozen=True)
class CarryResult:
    """What ``carry_actions`` made, in creation order; ``undo_carry`` removes it."""

    actions: tuple[uuid.UUID, ...]
    ambitions: tuple[uuid.UUID, ...]
    sections: tuple[uuid.UUID, ...]
    tags: tuple[uuid.UUID, ...]
    tag_kinds: tuple[uuid.UUID, ...]
    skipped: tuple[str, ...]  # codes or texts of chosen actions the target already had
    changes: Changes = Changes(programme=True, actions=True)

    @property
    def carried(self) -> int:
        return len(self.actions)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _programme(session: Session, programme_id: uuid.UUID) -> Programme:
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFoundError("Het programma bestaat niet (meer).")
    return programme


def _target_texts(session: Session, target_id: uuid.UUID) -> set[tuple[str, str, str]]:
    """(section title, ambition text, action text), normalised, of every action of the target programme."""
    rows = session.execute(
        select(Section.title, Ambition.text, ProgrammeAction.text)
        .join(Ambition, Ambition.section_id == Section.id)
        .join(ProgrammeAction, ProgrammeAction.ambition_id == Ambition.id)
        .where(Section.programme_id == target_id)
    )
    return {(_key(s), _key(a), _key(t)) for s, a, t in rows}


def carry_candidates(session: Session, source_id: uuid.UUID, target_id: uuid.UUID) -> list[CarryCandidate]:
    """The unfinished top-level actions of ``source_id`` in programme order, marked when ``target_id`` has them."""
    _programme(session, source_id)
    _programme(session, target_id)
    present = _target_texts(session, target_id)
    rows = session.execute(
        select(
            ProgrammeAction.id,
            ProgrammeAction.code,
            ProgrammeAction.text,
            Section.title,
            Ambition.text,
            ProgrammeAction.status,
            ProgrammeAction.deadline_text,
        )
        .join(Ambition, ProgrammeAction.ambition_id == Ambition.id)
        .join(Section, Ambition.section_id == Section.id)
        .where(
            Section.programme_id == source_id,
            ProgrammeAction.parent_id.is_(None),
            ProgrammeAction.status.not_in(CLOSED),
        )
        .order_by(Section.position, Ambition.position, ProgrammeAction.position)
    ).all()
    return [
        CarryCandidate(
            id=a_id,
            code=code,
            text=text,
            section_title=section,
            ambition_text=ambition,
            status=status,
            deadline_text=deadline,
            already_carried=(_key(section), _key(ambition), _key(text)) in present,
        )
        for a_id, code, text, section, ambition, status, deadline in rows
    ]


def carry_actions(
    session: Session, source_id: uuid.UUID, target_id: uuid.UUID, action_ids: Sequence[uuid.UUID]
) -> CarryResult:
    """Copy the chosen unfinished actions of ``source_id`` (with their open sub-actions) into ``target_id``."""
    if source_id == target_id:
        raise ValidationError("Kies als doel een ander programma dan het programma waar de acties uit komen.")
    source = _programme(session, source_id)
    _programme(session, target_id)
    chosen = list(dict.fromkeys(action_ids))
    if not chosen:
        raise ValidationError("Kies ten minste één actie om mee te nemen.")
    candidates = {c.id: c for c in carry_candidates(session, source_id, target_id)}
    unknown = [a for a in chosen if a not in candidates]
    if unknown:
        raise ValidationError(
            "Een gekozen actie is niet (meer) een onafgeronde actie van het oude programma; laad de lijst opnieuw."
        )

    made_actions: list[uuid.UUID] = []
    made_ambitions: list[uuid.UUID] = []
    made_sections: list[uuid.UUID] = []
    made_tags: list[uuid.UUID] = []
    made_kinds: list[uuid.UUID] = []
    skipped: list[str] = []

    sections = {_key(s.title): s for s in session.scalars(select(Section).where(Section.programme_id == target_id))}
    kinds = {_key(k.name): k for k in session.scalars(select(TagKind).where(TagKind.programme_id == target_id))}
    tags = {
        (_key(kind.name), _key(tag.name)): tag.id
        for kind in kinds.values()
        for tag in session.scalars(select(Tag).where(Tag.kind_id == kind.id))
    }

    def target_section(old: Section) -> Section:
        section = sections.get(_key(old.title))
        if section is None:
            position = session.scalar(
                select(func.coalesce(func.max(Section.position) + 1, 0)).where(Section.programme_id == target_id)
            )
            section = Section(
                programme_id=target_id,
                title=old.title,
                code=old.code,
                kind=old.kind,
                national_line=old.national_line,
                position=position or 0,
                description=old.description,
            )
            session.add(section)
            session.flush()
            sections[_key(old.title)] = section
            made_sections.append(section.id)
        return section

    def target_ambition(old: Ambition, section: Section) -> Ambition:
        found = session.scalar(
            select(Ambition).where(Ambition.section_id == section.id, func.lower(Ambition.text) == old.text.lower())
        )
        if found is not None:
            return found
        position = session.scalar(
            select(func.coalesce(func.max(Ambition.position) + 1, 0)).where(Ambition.section_id == section.id)
        )
        ambition = Ambition(
            section_id=section.id,
            code=old.code,
            text=old.text,
            sub_points=list(old.sub_points or []),
            paragraph=old.paragraph,
            reference=old.reference,
            position=position or 0,
        )
        session.add(ambition)
        session.flush()
        for r in old.responsibilities:
            session.add(
                Responsibility(
                    ambition_id=ambition.id,
                    role=r.role,
                    label=r.label,
                    organisation_id=r.organisation_id,
                    person_id=r.person_id,
                    position=r.position,
                )
            )
        made_ambitions.append(ambition.id)
        return ambition

    def target_tag(tag: Tag) -> uuid.UUID:
        kind_key = _key(tag.kind.name)
        kind = kinds.get(kind_key)
        if kind is None:
            kind = TagKind(programme_id=target_id, name=tag.kind.name, position=len(kinds))
            session.add(kind)
            session.flush()
            kinds[kind_key] = kind
            made_kinds.append(kind.id)
        found = tags.get((kind_key, _key(tag.name)))
        if found is None:
            count = session.scalar(select(func.count(Tag.id)).where(Tag.kind_id == kind.id)) or 0
            new = Tag(kind_id=kind.id, name=tag.name, position=count)
            session.add(new)
            session.flush()
            found = tags[(kind_key, _key(tag.name))] = new.id
            made_tags.append(new.id)
        return found

    def copy(old: ProgrammeAction, ambition: Ambition, parent_id: uuid.UUID | None) -> None:
        siblings = ProgrammeAction.parent_id.is_(None) if parent_id is None else ProgrammeAction.parent_id == parent_id
        position = session.scalar(
            select(func.coalesce(func.max(ProgrammeAction.position) + 1, 0)).where(
                ProgrammeAction.ambition_id == ambition.id, siblings
            )
        )
        origin = f"Overgenomen uit {source.title}" + (f" ({old.code})" if old.code else "") + "."
        new = ProgrammeAction(
            ambition_id=ambition.id,
            parent_id=parent_id,
            code=old.code,
            text=old.text,
            kind=old.kind,
            position=position or 0,
            overrides_responsibility=old.overrides_responsibility,
            deadline_text=old.deadline_text,
            deadline_start=old.deadline_start,
            deadline_end=old.deadline_end,
            status=old.status,
            working_group_id=old.working_group_id,
            notes=f"{old.notes.strip()}\n{origin}".strip(),
        )
        session.add(new)
        session.flush()
        made_actions.append(new.id)
        for r in old.own_responsibilities:
            session.add(
                Responsibility(
                    programme_action_id=new.id,
                    role=r.role,
                    label=r.label,
                    organisation_id=r.organisation_id,
                    person_id=r.person_id,
                    position=r.position,
                )
            )
        tag_ids = list(dict.fromkeys(target_tag(t) for t in old.tags))
        if tag_ids:
            session.execute(
                insert(programme_action_tag), [{"programme_action_id": new.id, "tag_id": t} for t in tag_ids]
            )
        for child in old.children:
            if child.status not in CLOSED:
                copy(child, ambition, new.id)

    for action_id in chosen:
        candidate = candidates[action_id]
        if candidate.already_carried:
            skipped.append(candidate.code or candidate.text[:60])
            continue
        old = session.get(ProgrammeAction, action_id)
        assert old is not None  # a candidate a moment ago, in this transaction
        section = target_section(old.ambition.section)
        copy(old, target_ambition(old.ambition, section), None)
    session.flush()
    return CarryResult(
        tuple(made_actions),
        tuple(made_ambitions),
        tuple(made_sections),
        tuple(made_tags),
        tuple(made_kinds),
        tuple(skipped),
    )


def undo_carry(session: Session, result: CarryResult) -> Changes:
    """Remove what ``carry_actions`` made: sub-actions before actions, then ambitions, sections and tags."""
    for action_id in reversed(result.actions):
        action = session.get(ProgrammeAction, action_id)
        if action is not None:
            session.delete(action)
            session.flush()
    for model, ids in ((Ambition, result.ambitions), (Section, result.sections), (Tag, result.tags),
                       (TagKind, result.tag_kinds)):  # fmt: skip
        for record_id in reversed(ids):
            record = session.get(model, record_id)
            if record is not None:
                session.delete(record)
        session.flush()
    return result.changes
