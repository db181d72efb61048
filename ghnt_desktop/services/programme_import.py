"""Importing a region's programme from Word or Excel: the preview, the organisations, and writing it.

``preview_programme`` reads the file (``imports.programme_docx`` or ``imports.programme_xlsx``), and
matches every party and trekker named to an organisation or person of the database with the matcher the
other imports use (``services.importing.NameMatcher``: name, alias, abbreviation, small misspelling). A
name that matches nothing becomes a new organisation when it reads like one ("Wij Groningen"), and stays
a label when it is a role or a group ("Projectleider GHNT", "Alle gemeenten"); the user can change both
(``PartyChoice``). Nothing is written until ``import_programme``, which creates the programme, its
organisations, sections, ambitions with their responsibilities, actions and sub-actions in the caller's
session: the caller's one write transaction (``Database.session``, BEGIN IMMEDIATE), so an error leaves the
database as it was. ``remove_imported_programme`` takes an import back (the wizard's undo).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..models import (
    ActionStatus,
    Ambition,
    Organisation,
    OrganisationKind,
    Programme,
    ProgrammeAction,
    ProgrammeStatus,
    Responsibility,
    ResponsibilityRole,
    Section,
    SectionKind,
)
from . import Changes, NotFoundError, RefusedError, ValidationError
from .importing import NameMatcher

if TYPE_CHECKING:
    from ..imports.existing_list import ListTable, TrekkerMatch
    from ..imports.programme_draft import DraftAction, ProgrammeDraft, Responsibles

# Names that are a role, a group or a pronoun rather than one organisation: kept as a label, never created.
_NOT_AN_ORGANISATION = re.compile(
    r"^(?:alle\b|gemeenten\b|regiogemeenten|ketenpartners|partners|betrokken|ervaringsdeskundigen|"
    r"(?:de\s+|het\s+)?(?:projectleider|programmaleider|coördinator|coordinator|regisseur|kwartiermaker|"
    r"werkgroep|stuurgroep|medewerkers?|professionals?|beleidsadviseur|wethouders?|bestuurders?)\b|"
    r"(?:wij|we|ons|onze)(?:\s+(?-i:[a-z])|$)|iedereen|nog\s+niet|nader\s+te|n\.?n\.?b)",
    re.IGNORECASE,
)
MAX_LABEL = 300


def looks_like_organisation(label: str) -> bool:
    """True for a name that reads like one organisation ("Wij Groningen", "gemeente Groningen"), not for a role
    or a group ("Projectleider GHNT", "alle gemeenten", "Gemeenten Veendam/Pekela")."""
    text = " ".join(label.split())
    named = any(word[:1].isupper() for word in text.split())  # "gemeente Groningen": a name in it
    return bool(text) and len(text) <= 200 and named and not _NOT_AN_ORGANISATION.match(text)


def organisation_kind(name: str) -> OrganisationKind:
    lowered = name.casefold()
    if lowered.startswith("gemeente "):
        return OrganisationKind.GEMEENTE
    if lowered.startswith(("politie", "openbaar ministerie", "om ", "reclassering", "raad voor de kinderbescherming")):
        return OrganisationKind.POLITIE_JUSTITIE
    if "ggd" in lowered or "ziekenhuis" in lowered or "huisarts" in lowered or "ggz" in lowered:
        return OrganisationKind.ZORG
    if "veilig thuis" in lowered or "vrouwenopvang" in lowered or "jeugdbescherming" in lowered:
        return OrganisationKind.KETENPARTNER
    return OrganisationKind.OTHER


def label_key(label: str) -> str:
    return " ".join(label.split()).casefold()


@dataclass
class PartyChoice:
    """What one party or trekker name becomes: linked to ``match``, a new organisation, or a label only."""

    label: str
    match: TrekkerMatch
    create: bool = False  # a new organisation named ``label`` (only when nothing matched)

    @property
    def outcome(self) -> str:
        """Dutch, for the preview: "Veilig Thuis Groningen (afkorting)", "nieuwe organisatie", "alleen tekst"."""
        if self.match.target_id is not None:
            same = self.match.target_name.casefold() == self.label.casefold()
            return self.match.target_name if same else f"{self.match.target_name} ({self.match.how})"
        return "nieuwe organisatie" if self.create else "alleen als tekst (rol of groep)"


@dataclass
class ProgrammePreview:
    """The draft read from the file and what each name becomes; the wizard and the CLI show it."""

    draft: ProgrammeDraft
    parties: dict[str, PartyChoice] = field(default_factory=dict)  # by ``label_key``
    table: ListTable | None = None  # for an Excel file: the list found, for the column mapping
    existing_programmes: int = 0

    def choice(self, label: str) -> PartyChoice | None:
        return self.parties.get(label_key(label))

    def describe_party(self, label: str) -> str:
        choice = self.choice(label)
        return f"{label} = {choice.outcome}" if choice is not None and choice.outcome != label else label


def read_programme_file(
    path: Path | str,
    *,
    mapping: Mapping[int, str] | None = None,
    sheet: str | None = None,
    title: str = "",
    matcher: NameMatcher | None = None,
) -> tuple[ProgrammeDraft, ListTable | None]:
    """The draft of a Word or Excel programme file (found by its content, not its name); no database needed.

    Raises ``imports.workbook.ImportFileError`` with a Dutch message for a file that cannot be used.
    """
    from ..imports.programme_docx import check_docx_file, read_programme_docx
    from ..imports.programme_xlsx import read_programme_xlsx

    path = Path(path)
    known = matcher.known if matcher is not None else None
    if check_docx_file(path) == "docx":
        draft = read_programme_docx(path, known=known)
        if title.strip():
            draft.title = title.strip()
        return draft, None
    table, draft = read_programme_xlsx(path, sheet=sheet, mapping=mapping, title=title.strip(), known=known)
    return draft, table


def match_parties(matcher: NameMatcher, draft: ProgrammeDraft) -> dict[str, PartyChoice]:
    """Every name of the draft with what it matched; unmatched organisation-like names are to be created."""
    choices: dict[str, PartyChoice] = {}
    for label in draft.labels():
        match = matcher.match(label)
        create = match.target_id is None and looks_like_organisation(label)
        choices[label_key(label)] = PartyChoice(label, match, create)
    return choices


def preview_programme(
    session: Session,
    path: Path | str,
    *,
    mapping: Mapping[int, str] | None = None,
    sheet: str | None = None,
    title: str = "",
) -> ProgrammePreview:
    """Read ``path`` and match its parties against the database; writes nothing."""
    matcher = NameMatcher.from_session(session)
    draft, table = read_programme_file(path, mapping=mapping, sheet=sheet, title=title, matcher=matcher)
    return ProgrammePreview(
        draft,
        match_parties(matcher, draft),
        table,
        existing_programmes=session.scalar(select(func.count(Programme.id))) or 0,
    )


def rematch(session: Session, preview: ProgrammePreview) -> ProgrammePreview:
    """The preview again after the user renamed parties in the draft (new names matched, choices kept)."""
    matcher = NameMatcher.from_session(session)
    fresh = match_parties(matcher, preview.draft)
    for key, choice in fresh.items():
        old = preview.parties.get(key)
        if old is not None and choice.match.target_id is None:
            choice.create = old.create
    preview.parties = fresh
    return preview


@dataclass(frozen=True)
class ProgrammeImportResult:
    programme_id: uuid.UUID
    title: str
    sections: int
    ambitions: int
    actions: int
    sub_actions: int
    organisations_created: tuple[str, ...]
    parties_linked: int
    labels_only: tuple[str, ...]
    status: ProgrammeStatus
    changes: Changes = field(default_factory=Changes)


def _national_line(title: str) -> int | None:
    lowered = title.casefold()
    for number, words in ((1, "eerder en beter in beeld"), (2, "stoppen en duurzaam oplossen"), (3, "specifieke")):
        if words in lowered:
            return number
    match = re.match(r"actielijn\s+([123])\b", lowered)
    return int(match.group(1)) if match else None


def _section_kind(title: str) -> SectionKind:
    lowered = title.casefold()
    if lowered == "visie":
        return SectionKind.VISIE
    if lowered == "context":
        return SectionKind.CONTEXT
    return SectionKind.ACTIELIJN


def import_programme(
    session: Session,
    preview: ProgrammePreview,
    *,
    title: str | None = None,
    region: str = "",
    file_name: str = "",
) -> ProgrammeImportResult:
    """Write the ticked parts of ``preview`` as a new programme, in the caller's (one) write transaction.

    Parties matched to an organisation or person are linked; those marked ``create`` become new
    organisations first; the rest stay labels. The programme is Lopend when it is the database's first,
    else Concept (another programme is already running). Raises ``ValidationError`` (Dutch) for a title or
    region that does not fit, or when nothing is ticked.
    """
    draft = preview.draft
    name = (title if title is not None else draft.title).strip()
    if not name:
        raise ValidationError("Geef het programma een titel.")
    if len(name) > 300 or len(region.strip()) > 200:
        raise ValidationError("De titel (300 tekens) of regio (200 tekens) is te lang. Kies een kortere titel of regio.")
    counts = draft.counts()
    if counts[2] == 0 and counts[1] == 0:
        raise ValidationError("Er is niets aangevinkt om in te lezen. Vink ten minste één ambitie of actie aan.")
    others = session.scalar(select(func.count(Programme.id))) or 0
    status = ProgrammeStatus.ACTIVE if others == 0 else ProgrammeStatus.CONCEPT
    programme = Programme(
        id=uuid.uuid4(),
        title=name,
        region=region.strip(),
        period_start=draft.period_start,
        period_end=draft.period_end,
        status=status,
        description=f"Ingelezen uit {file_name or draft.file_name}",
    )
    session.add(programme)
    created = _create_organisations(session, preview)
    targets = {
        key: (c.match.kind, c.match.target_id) if c.match.target_id is not None else ("organisation", created.get(key))
        for key, c in preview.parties.items()
    }
    linked = 0
    labels_only: list[str] = []

    def responsibilities(group: Responsibles) -> list[Responsibility]:
        nonlocal linked
        rows = []
        entries = [(ResponsibilityRole.RESPONSIBLE, x) for x in group.responsible]
        entries += [(ResponsibilityRole.TREKKER, x) for x in group.trekkers]
        for position, (role, label) in enumerate(entries):
            kind, target = targets.get(label_key(label), ("", None))
            if target is not None:
                linked += 1
            elif label_key(label) not in {label_key(x) for x in labels_only}:
                labels_only.append(label)
            rows.append(
                Responsibility(
                    id=uuid.uuid4(),
                    role=role,
                    label=label[:MAX_LABEL],
                    organisation_id=target if kind == "organisation" else None,
                    person_id=target if kind == "person" else None,
                    position=position,
                )
            )
        return rows

    n_sections = n_ambitions = n_actions = n_children = 0
    for section_draft in draft.sections:
        ambitions = [a for a in section_draft.ambitions if a.include]
        if not section_draft.include or not ambitions:
            continue
        section = Section(
            id=uuid.uuid4(),
            programme_id=programme.id,
            title=section_draft.title[:300],
            kind=_section_kind(section_draft.title),
            national_line=_national_line(section_draft.title),
            position=n_sections,
        )
        session.add(section)
        n_sections += 1
        for position, ambition_draft in enumerate(ambitions):
            ambition = Ambition(
                id=uuid.uuid4(),
                section_id=section.id,
                code=ambition_draft.code[:20],
                text=ambition_draft.text,
                sub_points=[],
                paragraph=ambition_draft.paragraph[:20],
                reference=ambition_draft.reference[:200],
                position=position,
            )
            ambition.responsibilities = responsibilities(ambition_draft.responsibles)
            session.add(ambition)
            n_ambitions += 1
            actions = [a for a in ambition_draft.actions if a.include]
            for index, action_draft in enumerate(actions):
                code = f"{ambition.code}-{index + 1}" if ambition.code else ""
                action = _action(action_draft, ambition.id, None, code, index)
                if action_draft.own is not None:
                    action.overrides_responsibility = True
                    action.own_responsibilities = responsibilities(action_draft.own)
                session.add(action)
                n_actions += 1
                for child_index, child_draft in enumerate(c for c in action_draft.children if c.include):
                    child_code = f"{code}.{child_index + 1}" if code else ""
                    child = _action(child_draft, ambition.id, action.id, child_code, child_index)
                    session.add(child)
                    n_children += 1
    session.flush()
    return ProgrammeImportResult(
        programme_id=programme.id,
        title=name,
        sections=n_sections,
        ambitions=n_ambitions,
        actions=n_actions,
        sub_actions=n_children,
        organisations_created=tuple(_names(preview, created)),
        parties_linked=linked,
        labels_only=tuple(labels_only),
        status=status,
        changes=Changes(programme=True, network=bool(created), ids=frozenset({programme.id})),
    )


def _names(preview: ProgrammePreview, created: Mapping[str, uuid.UUID]) -> list[str]:
    return [" ".join(preview.parties[key].label.split()) for key in created]


def _action(
    draft: DraftAction, ambition_id: uuid.UUID, parent_id: uuid.UUID | None, code: str, position: int
) -> ProgrammeAction:
    notes = "\n".join(draft.warnings) if draft.warnings else ""
    return ProgrammeAction(
        id=uuid.uuid4(),
        ambition_id=ambition_id,
        parent_id=parent_id,
        code=code[:20],
        text=draft.text,
        kind="actie" if parent_id is None else "subactie",
        position=position,
        deadline_text=draft.deadline_text[:200],
        deadline_start=draft.start,
        deadline_end=draft.end,
        status=draft.status or ActionStatus.NOT_STARTED,
        notes=notes if draft.status is None else "",
    )


def _create_organisations(session: Session, preview: ProgrammePreview) -> dict[str, uuid.UUID]:
    """New organisations for the names marked ``create`` (once each; a name that exists is linked instead)."""
    used = {label_key(x) for x in preview.draft.labels_in_use()}
    existing = {n.casefold(): i for i, n in session.execute(select(Organisation.id, Organisation.name))}
    created: dict[str, uuid.UUID] = {}
    for key, choice in preview.parties.items():
        if not choice.create or choice.match.target_id is not None or key not in used:
            continue
        name = " ".join(choice.label.split())[:200]
        if name.casefold() in existing:
            created[key] = existing[name.casefold()]
            continue
        organisation = Organisation(
            id=uuid.uuid4(), name=name, kind=organisation_kind(name), notes="Aangemaakt bij het inlezen van een programma."
        )
        session.add(organisation)
        existing[name.casefold()] = organisation.id
        created[key] = organisation.id
    session.flush()
    return created


def remove_imported_programme(session: Session, programme_id: uuid.UUID, organisation_names: tuple[str, ...] = ()) -> Changes:
    """Take an import back: the programme with everything in it, and the organisations it created when
    nothing else uses them yet. Refused once anything refers to its actions (a minute, a progress note)."""
    from sqlalchemy.exc import IntegrityError

    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFoundError("Dit programma bestaat niet (meer).")
    section_ids = list(session.scalars(select(Section.id).where(Section.programme_id == programme_id)))
    ambition_ids = list(session.scalars(select(Ambition.id).where(Ambition.section_id.in_(section_ids))))
    action_ids = list(session.scalars(select(ProgrammeAction.id).where(ProgrammeAction.ambition_id.in_(ambition_ids))))
    try:
        with session.begin_nested():
            session.execute(delete(Responsibility).where(Responsibility.programme_action_id.in_(action_ids)))
            session.execute(delete(Responsibility).where(Responsibility.ambition_id.in_(ambition_ids)))
            session.execute(
                delete(ProgrammeAction).where(ProgrammeAction.id.in_(action_ids), ProgrammeAction.parent_id.is_not(None))
            )
            session.execute(delete(ProgrammeAction).where(ProgrammeAction.id.in_(action_ids)))
            session.execute(delete(Ambition).where(Ambition.id.in_(ambition_ids)))
            session.execute(delete(Section).where(Section.id.in_(section_ids)))
            session.execute(delete(Programme).where(Programme.id == programme_id))
            for name in organisation_names:
                organisation_id = session.scalar(select(Organisation.id).where(Organisation.name == name))
                if organisation_id is None:
                    continue
                in_use = session.scalar(
                    select(func.count(Responsibility.id)).where(Responsibility.organisation_id == organisation_id)
                )
                if not in_use:
                    try:
                        with session.begin_nested():
                            session.execute(delete(Organisation).where(Organisation.id == organisation_id))
                    except IntegrityError:
                        pass  # used elsewhere by now (a person, a meeting): it stays
    except IntegrityError as exc:
        raise RefusedError(
            "Het ingelezen programma kan niet meer worden teruggedraaid: er wordt al naar verwezen (een verslag, "
            "actie of voortgang). Verwijder het zo nodig in het Programma-scherm."
        ) from exc
    session.flush()
    return Changes(programme=True, network=bool(organisation_names), ids=frozenset({programme_id}))
