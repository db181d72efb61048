"""Dimensions beyond the tree: the tags a region gives its programme actions (processtappen, doelgroepen).

Seed 003 organises its programme as actielijnen x processtappen (signaleren, melden, ...) with six target
groups; other regions name other dimensions. A programme defines its tag kinds ("Processtap", "Doelgroep")
and their tags; an action carries any number of tags. The actions view filters on a tag and the programme
table can be grouped by a tag kind. Every edit returns what undo needs.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ..models import Ambition, Programme, ProgrammeAction, Section, Tag, TagKind, programme_action_tag
from . import Changes, NotFoundError, ValidationError
from .meetings import Created, Edit, clean_text

if TYPE_CHECKING:
    from .documents import ProgrammeDocument

TAG_CHANGES = Changes(programme=True, actions=True)


@dataclass(frozen=True)
class TagRow:
    id: uuid.UUID
    kind_id: uuid.UUID
    kind_name: str
    name: str
    action_count: int


@dataclass(frozen=True)
class TagKindRow:
    id: uuid.UUID
    name: str
    tags: tuple[TagRow, ...]


def list_tag_kinds(session: Session, programme_id: uuid.UUID) -> list[TagKindRow]:
    """The tag kinds of a programme with their tags and how many actions carry each, in their order."""
    counts: dict[uuid.UUID, int] = dict(
        session.execute(
            select(programme_action_tag.c.tag_id, func.count()).group_by(programme_action_tag.c.tag_id)
        ).all()
    )
    kinds = session.execute(
        select(TagKind.id, TagKind.name).where(TagKind.programme_id == programme_id).order_by(TagKind.position)
    ).all()
    tags: dict[uuid.UUID, list[TagRow]] = {}
    for tag_id, kind_id, name in session.execute(
        select(Tag.id, Tag.kind_id, Tag.name)
        .where(Tag.kind_id.in_([k[0] for k in kinds]))
        .order_by(Tag.position, Tag.name)
    ):
        kind_name = next(k[1] for k in kinds if k[0] == kind_id)
        tags.setdefault(kind_id, []).append(TagRow(tag_id, kind_id, kind_name, name, counts.get(tag_id, 0)))
    return [TagKindRow(kind_id, name, tuple(tags.get(kind_id, ()))) for kind_id, name in kinds]


def _name(value: str, label: str, limit: int) -> str:
    return " ".join(clean_text(value, label=label, required=True, max_length=limit).split())


def create_tag_kind(session: Session, programme_id: uuid.UUID, name: str, tags: Iterable[str] = ()) -> Created:
    """Add a tag kind ("Processtap") with its first tags to a programme; undo with ``delete_tag_kind``."""
    if session.get(Programme, programme_id) is None:
        raise NotFoundError("Het programma bestaat niet (meer).")
    name = _name(name, "De naam van de soort label", 100)
    existing = session.scalars(select(TagKind.name).where(TagKind.programme_id == programme_id)).all()
    if name.casefold() in {n.casefold() for n in existing}:
        raise ValidationError(f"Dit programma heeft al een soort label “{name}”.")
    kind = TagKind(programme_id=programme_id, name=name, position=len(existing))
    session.add(kind)
    session.flush()
    for tag in tags:
        add_tag(session, kind.id, tag)
    return Created(kind.id, TAG_CHANGES)


def rename_tag_kind(session: Session, kind_id: uuid.UUID, name: str) -> Edit:
    """Give a tag kind another name ("Processtap" -> "Fase"); a name another kind of the programme has is refused.
    Undo with ``rename_tag_kind(session, kind_id, **edit.before)``."""
    kind = session.get(TagKind, kind_id)
    if kind is None:
        raise NotFoundError("Deze soort label bestaat niet (meer).")
    name = _name(name, "De naam van de soort label", 100)
    others = session.scalars(
        select(TagKind.name).where(TagKind.programme_id == kind.programme_id, TagKind.id != kind_id)
    ).all()
    if name.casefold() in {n.casefold() for n in others}:
        raise ValidationError(
            f"Dit programma heeft al een soort label “{name}”. Kies een andere naam, of verwijder eerst de andere soort."
        )
    before = {"name": kind.name}
    kind.name = name
    session.flush()
    return Edit(kind.id, TAG_CHANGES, before)


@dataclass(frozen=True)
class RemovedTagKind:
    """A deleted tag kind with its tags, so ``restore_tag_kind`` can put all back."""

    id: uuid.UUID
    programme_id: uuid.UUID
    name: str
    position: int
    tags: tuple[RemovedTag, ...]
    changes: Changes = TAG_CHANGES


def delete_tag_kind(session: Session, kind_id: uuid.UUID) -> RemovedTagKind:
    """Remove a tag kind with its tags (and so their links to actions); ``restore_tag_kind`` undoes it."""
    kind = session.get(TagKind, kind_id)
    if kind is None:
        raise NotFoundError("Deze soort label bestaat niet (meer).")
    tags = tuple(delete_tag(session, tag_id) for tag_id in [t.id for t in kind.tags])
    removed = RemovedTagKind(kind.id, kind.programme_id, kind.name, kind.position, tags)
    session.expire(kind)
    session.delete(kind)
    session.flush()
    return removed


def restore_tag_kind(session: Session, removed: RemovedTagKind) -> Created:
    session.add(TagKind(id=removed.id, programme_id=removed.programme_id, name=removed.name, position=removed.position))
    session.flush()
    for tag in removed.tags:
        restore_tag(session, tag)
    return Created(removed.id, TAG_CHANGES)


def add_tag(session: Session, kind_id: uuid.UUID, name: str) -> Created:
    """Add a tag to a kind (last); a name the kind has already is refused. Undo with ``delete_tag``."""
    kind = session.get(TagKind, kind_id)
    if kind is None:
        raise NotFoundError("Deze soort label bestaat niet (meer).")
    name = _name(name, "De naam van het label", 200)
    names = session.scalars(select(Tag.name).where(Tag.kind_id == kind_id)).all()
    if name.casefold() in {n.casefold() for n in names}:
        raise ValidationError(f"“{name}” staat al bij {kind.name}.")
    tag = Tag(kind_id=kind_id, name=name, position=len(names))
    session.add(tag)
    session.flush()
    return Created(tag.id, TAG_CHANGES)


def rename_tag(session: Session, tag_id: uuid.UUID, name: str) -> Edit:
    """Give a tag another name; the actions keep it. A name another tag of the same kind has is refused. Undo with
    ``rename_tag(session, tag_id, **edit.before)``."""
    tag = session.get(Tag, tag_id)
    if tag is None:
        raise NotFoundError("Dit label bestaat niet (meer).")
    name = _name(name, "De naam van het label", 200)
    others = session.scalars(select(Tag.name).where(Tag.kind_id == tag.kind_id, Tag.id != tag_id)).all()
    if name.casefold() in {n.casefold() for n in others}:
        kind = session.get(TagKind, tag.kind_id)
        raise ValidationError(
            f"“{name}” staat al bij {kind.name if kind else 'deze soort'}. Kies een andere naam; wilt u de twee "
            "samenvoegen, geef de acties dan het bestaande label en verwijder dit."
        )
    before = {"name": tag.name}
    tag.name = name
    session.flush()
    return Edit(tag.id, TAG_CHANGES, before)


@dataclass(frozen=True)
class RemovedTag:
    """A deleted tag and the actions that carried it, so ``restore_tag`` can put both back."""

    id: uuid.UUID
    kind_id: uuid.UUID
    name: str
    position: int
    action_ids: tuple[uuid.UUID, ...]
    changes: Changes = TAG_CHANGES


def delete_tag(session: Session, tag_id: uuid.UUID) -> RemovedTag:
    """Remove a tag from its kind and from every action; ``restore_tag`` undoes it."""
    tag = session.get(Tag, tag_id)
    if tag is None:
        raise NotFoundError("Dit label bestaat niet (meer).")
    actions = tuple(
        session.scalars(
            select(programme_action_tag.c.programme_action_id).where(programme_action_tag.c.tag_id == tag_id)
        )
    )
    removed = RemovedTag(tag.id, tag.kind_id, tag.name, tag.position, actions)
    session.execute(delete(programme_action_tag).where(programme_action_tag.c.tag_id == tag_id))
    session.delete(tag)
    session.flush()
    return removed


def restore_tag(session: Session, removed: RemovedTag) -> Created:
    """Put a deleted tag back with its links to actions (undo of ``delete_tag``, redo of ``add_tag``)."""
    session.add(Tag(id=removed.id, kind_id=removed.kind_id, name=removed.name, position=removed.position))
    session.flush()
    if removed.action_ids:
        session.execute(
            insert(programme_action_tag),
            [{"programme_action_id": a, "tag_id": removed.id} for a in removed.action_ids],
        )
    return Created(removed.id, TAG_CHANGES)


def _programme_of_action(session: Session, action_id: uuid.UUID) -> uuid.UUID:
    programme_id = session.scalar(
        select(Section.programme_id)
        .join(Ambition, Ambition.section_id == Section.id)
        .join(ProgrammeAction, ProgrammeAction.ambition_id == Ambition.id)
        .where(ProgrammeAction.id == action_id)
    )
    if programme_id is None:
        raise NotFoundError("De actie uit het programma bestaat niet (meer).")
    return programme_id


def action_tag_ids(session: Session, action_id: uuid.UUID) -> tuple[uuid.UUID, ...]:
    """The tags an action carries, in the order of their kinds and positions."""
    return tuple(
        session.scalars(
            select(Tag.id)
            .join(programme_action_tag, programme_action_tag.c.tag_id == Tag.id)
            .join(TagKind, Tag.kind_id == TagKind.id)
            .where(programme_action_tag.c.programme_action_id == action_id)
            .order_by(TagKind.position, Tag.position)
        )
    )


def set_action_tags(session: Session, action_id: uuid.UUID, tag_ids: Sequence[uuid.UUID]) -> Edit:
    """Give an action exactly ``tag_ids``; tags of another programme are refused. Undo with ``**before``."""
    programme_id = _programme_of_action(session, action_id)
    wanted = list(dict.fromkeys(tag_ids))
    if wanted:
        own = set(
            session.scalars(
                select(Tag.id).join(TagKind, Tag.kind_id == TagKind.id).where(TagKind.programme_id == programme_id)
            )
        )
        if not set(wanted) <= own:
            raise ValidationError("Een gekozen label hoort niet bij dit programma (of bestaat niet meer).")
    before = action_tag_ids(session, action_id)
    session.execute(delete(programme_action_tag).where(programme_action_tag.c.programme_action_id == action_id))
    if wanted:
        session.execute(insert(programme_action_tag), [{"programme_action_id": action_id, "tag_id": t} for t in wanted])
    session.flush()
    return Edit(action_id, TAG_CHANGES | Changes(ids=frozenset({action_id})), {"tag_ids": before})


def action_tags_by_kind(session: Session, programme_id: uuid.UUID) -> dict[uuid.UUID, dict[str, tuple[str, ...]]]:
    """Per action of a programme: tag kind name -> its tag names (for grouping the programme table)."""
    result: dict[uuid.UUID, dict[str, tuple[str, ...]]] = {}
    for action_id, kind_name, tag_name in session.execute(
        select(programme_action_tag.c.programme_action_id, TagKind.name, Tag.name)
        .join(Tag, Tag.id == programme_action_tag.c.tag_id)
        .join(TagKind, Tag.kind_id == TagKind.id)
        .where(TagKind.programme_id == programme_id)
        .order_by(TagKind.position, Tag.position)
    ):
        kinds = result.setdefault(action_id, {})
        kinds[kind_name] = (*kinds.get(kind_name, ()), tag_name)
    return result


def find_tag_kind(session: Session, programme_id: uuid.UUID, kind_name: str) -> TagKindRow:
    """The programme's label kind ``kind_name`` (case and spacing as the user types it); an unknown kind is
    refused with the kinds the programme has."""
    kinds = {k.name.casefold(): k for k in list_tag_kinds(session, programme_id)}
    kind = kinds.get(" ".join(kind_name.split()).casefold())
    if kind is None:
        known = ", ".join(k.name for k in kinds.values()) or "geen"
        raise ValidationError(
            f"Dit programma heeft geen labels van de soort “{kind_name}”. Soorten in dit programma: {known}."
        )
    return kind


def programme_document_by_tag(session: Session, programme_id: uuid.UUID, kind_name: str) -> ProgrammeDocument:
    """The programme table grouped by the labels of one kind: a heading row per label and actielijn.

    Seed 003 reads its programme as actielijnen x processtappen; grouped by "Processtap" the table shows per
    step the ambitions and actions that carry it, under each actielijn. An action with two labels shows under
    both; actions without a label of the kind come last under "Zonder <kind>".
    """
    from dataclasses import replace

    from .documents import ProgrammeSectionRows, programme_document

    kind = find_tag_kind(session, programme_id, kind_name)
    tagged = action_tags_by_kind(session, programme_id)
    whole = programme_document(session, programme_id)
    top_level = set(
        session.scalars(
            select(ProgrammeAction.id)
            .join(Ambition, ProgrammeAction.ambition_id == Ambition.id)
            .join(Section, Ambition.section_id == Section.id)
            .where(Section.programme_id == programme_id, ProgrammeAction.parent_id.is_(None))
        )
    )
    groups: list[tuple[str, set[uuid.UUID]]] = [
        (f"{kind.name}: {tag.name}", {a for a in top_level if tag.name in tagged.get(a, {}).get(kind.name, ())})
        for tag in kind.tags
    ]
    groups.append((f"Zonder {kind.name.casefold()}", {a for a in top_level if kind.name not in tagged.get(a, {})}))
    sections: list[ProgrammeSectionRows] = []
    for label, ids in groups:
        if not ids:
            continue
        part = programme_document(session, programme_id, only_actions=ids)
        for section in part.sections:
            if section.rows:
                sections.append(replace(section, title=f"{label} – {section.title}"))
    return replace(whole, sections=tuple(sections))
