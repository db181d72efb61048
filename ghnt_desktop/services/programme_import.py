"""A region's programme read from Word or Excel, as plain data, and writing it as a new programme.

The readers (``imports.programme_docx``, ``imports.programme_xlsx``) fill a ``ProgrammeDraft`` (actielijn >
ambitie > actie) and ``imports.programme_file`` matches every party and trekker to an organisation or person
(``PartyChoice``). The preview (command line and wizard) shows both; the user corrects names and unticks
what should not come in (``include``): the classes are mutable on purpose. ``import_programme`` then
creates the programme, the new organisations, sections, ambitions with their responsibilities, actions and
sub-actions in the caller's session: one write transaction (``Database.session``, BEGIN IMMEDIATE), so an
error leaves the database as it was. ``remove_imported_programme`` takes an import back (the wizard's undo).

Responsibility is kept where the programme writes it: on the ambition (``responsible`` and ``trekkers``,
inherited by its actions); an action whose row names other parties gets its own (``own``). A name that
matches nothing becomes a new organisation when it reads like one ("Wij Groningen") and stays a label when
it is a role or a group ("Projectleider GHNT", "Alle gemeenten").
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

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
from .name_match import Candidate
from .programme_scope import filled_programmes, pin_current_programme, set_current_programme

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
class Responsibles:
    """Verantwoordelijke partijen and trekkers, as written (one label per party)."""

    responsible: list[str] = field(default_factory=list)
    trekkers: list[str] = field(default_factory=list)

    def key(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return (
            tuple(" ".join(x.split()).casefold() for x in self.responsible),
            tuple(" ".join(x.split()).casefold() for x in self.trekkers),
        )

    def __bool__(self) -> bool:
        return bool(self.responsible or self.trekkers)


@dataclass
class DraftAction:
    """An actie (or, as a child, a sub-point of one) with its timing as written and as read."""

    text: str
    deadline_text: str = ""  # as written: "klaar: januari 2020"
    start: date | None = None
    end: date | None = None
    open_end: bool = False
    children: list[DraftAction] = field(default_factory=list)
    own: Responsibles | None = None  # set when the row names other parties than the ambition
    status: ActionStatus | None = None  # an Excel list's status column; a Word table has none
    note: str = ""  # an Excel list's toelichting
    code: str = ""  # an Excel list's own number ("1.2"); a Word table's actions are numbered on import
    warnings: list[str] = field(default_factory=list)
    include: bool = True
    origin: str = ""  # "tabel 1, rij 4" / "regel 12": where the user finds it in the file


@dataclass
class DraftAmbition:
    text: str
    code: str = ""
    reference: str = ""  # "Zie paragraaf 3.1, blz. 25"
    paragraph: str = ""  # "3.1"
    responsibles: Responsibles = field(default_factory=Responsibles)
    actions: list[DraftAction] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    include: bool = True
    origin: str = ""


@dataclass
class DraftSection:
    title: str
    ambitions: list[DraftAmbition] = field(default_factory=list)
    include: bool = True
    origin: str = ""


@dataclass
class ProgrammeDraft:
    """Everything read from one file; ``warnings`` are for the whole file (tables skipped, nested tables)."""

    file_name: str
    source: str  # "docx" or "xlsx"
    title: str
    sections: list[DraftSection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    period_start: int | None = None
    period_end: int | None = None
    reference: date | None = None  # the date timing without a year was read against

    def ambitions(self) -> Iterator[DraftAmbition]:
        for section in self.sections:
            yield from section.ambitions

    def actions(self) -> Iterator[DraftAction]:
        """Every action and sub-point, parents before their children."""
        for ambition in self.ambitions():
            for action in ambition.actions:
                yield action
                yield from action.children

    def labels(self) -> list[str]:
        """Every party and trekker named, once each, in order of appearance (for matching organisations)."""
        seen: dict[str, str] = {}
        for ambition in self.ambitions():
            groups = [ambition.responsibles, *(a.own for a in ambition.actions if a.own is not None)]
            for group in groups:
                for label in (*group.responsible, *group.trekkers):
                    key = " ".join(label.split()).casefold()
                    # "gemeente Groningen" and later "Gemeente Groningen": the capitalised spelling names it.
                    if key not in seen or (label[:1].isupper() and not seen[key][:1].isupper()):
                        seen[key] = label
        return list(seen.values())

    def labels_in_use(self) -> list[str]:
        """The names of the ticked ambitions and actions only (what an import links or creates)."""
        seen: dict[str, str] = {}
        for section in self.sections:
            if not section.include:
                continue
            for ambition in section.ambitions:
                if not ambition.include:
                    continue
                groups = [ambition.responsibles, *(a.own for a in ambition.actions if a.own is not None and a.include)]
                for group in groups:
                    for label in (*group.responsible, *group.trekkers):
                        seen.setdefault(" ".join(label.split()).casefold(), label)
        return list(seen.values())

    def counts(self) -> tuple[int, int, int, int]:
        """(actielijnen, ambities, acties, sub-punten) that will be imported (ticked)."""
        sections = [s for s in self.sections if s.include]
        ambitions = [a for s in sections for a in s.ambitions if a.include]
        actions = [x for a in ambitions for x in a.actions if x.include]
        children = [c for x in actions for c in x.children if c.include]
        return len(sections), len(ambitions), len(actions), len(children)


@dataclass
class PartyChoice:
    """What one party or trekker name becomes: linked to an organisation or person, a new organisation, or a
    label only. ``how`` says how a match was found ("naam", "afkorting", "lijkt op, 91%")."""

    label: str
    target_id: uuid.UUID | None = None
    target_name: str = ""
    kind: str = ""  # "organisation" or "person" when matched
    how: str = ""
    create: bool = False  # a new organisation named ``label`` (only when nothing matched)
    # What the name may be (``services.name_match.Candidate``: organisation or person, score, reason), best first;
    # one below ``LINK_SCORE`` is only proposed: linked when the user chooses it (``choose``).
    candidates: tuple[Candidate, ...] = ()

    @property
    def outcome(self) -> str:
        """Dutch, for the preview: "Veilig Thuis Groningen (afkorting)", "nieuwe organisatie", "alleen tekst";
        with a proposal not taken: "alleen als tekst; voorstel: Veilig Thuis Groningen (lijkt op, 86%)"."""
        if self.target_id is not None:
            same = self.target_name.casefold() == self.label.casefold()
            return self.target_name if same else f"{self.target_name} ({self.how})"
        text = "nieuwe organisatie" if self.create else "alleen als tekst (rol of groep)"
        return f"{text}; voorstel: {self.proposals}" if self.candidates else text

    @property
    def proposals(self) -> str:
        return "; ".join(c.text for c in self.candidates[:3])

    def choose(self, candidate: Candidate | None) -> None:
        """Link the name to ``candidate`` (one of ``candidates``), or to nothing (then it stays text)."""
        if candidate is None:
            self.target_id, self.target_name, self.kind, self.how = None, "", "", ""
            return
        how = candidate.how if candidate.how.startswith("lijkt op") else f"{candidate.how}, {candidate.score:.0f}%"
        self.target_id, self.target_name, self.kind, self.how = candidate.target_id, candidate.name, candidate.kind, how
        self.create = False


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


# A part of the table about how the programme is steered (seed 000: "Rol van de gemeenten: aansturing en
# afstemming") or what comes after it is no actielijn: counted as one, the voortgangsrapportage said "vier
# actielijnen" of a programme with three.
_GOVERNANCE = re.compile(r"\b(aansturing|governance|rol van de gemeenten?|organisatie van de aanpak)\b")
_OTHER = re.compile(r"^(hoe nu verder|vervolg|tot slot|slot|overig(e)?( acties| activiteiten)?)\b")


def section_kind(title: str) -> SectionKind:
    """The kind of a programme part read from its title (the user can change it on the Programma page)."""
    lowered = " ".join(title.casefold().split())
    if lowered == "visie":
        return SectionKind.VISIE
    if lowered == "context":
        return SectionKind.CONTEXT
    if _national_line(title) is not None:
        return SectionKind.ACTIELIJN  # one of the three national lines, whatever words it has
    if _OTHER.search(lowered):
        return SectionKind.OTHER
    if _GOVERNANCE.search(lowered):
        return SectionKind.GOVERNANCE
    return SectionKind.ACTIELIJN


def import_programme(
    session: Session,
    draft: ProgrammeDraft,
    parties: Mapping[str, PartyChoice],
    *,
    title: str | None = None,
    region: str = "",
    file_name: str = "",
) -> ProgrammeImportResult:
    """Write the ticked parts of ``draft`` as a new programme, in the caller's (one) write transaction.

    Parties matched to an organisation or person are linked; those marked ``create`` become new
    organisations first; the rest stay labels. The programme is Lopend when it is the database's first,
    else Concept (another programme is already running). Raises ``ValidationError`` (Dutch) for a title or
    region that does not fit, or when nothing is ticked.
    """
    name = (title if title is not None else draft.title).strip()
    if not name:
        raise ValidationError("Geef het programma een titel.")
    if len(name) > 300 or len(region.strip()) > 200:
        raise ValidationError(
            "De titel (300 tekens) of regio (200 tekens) is te lang. Kies een kortere titel of regio."
        )
    counts = draft.counts()
    if counts[2] == 0 and counts[1] == 0:
        raise ValidationError("Er is niets aangevinkt om in te lezen. Vink ten minste één ambitie of actie aan.")
    # Only a programme with ambitions is one the user works in: the empty start of a new region is not, so a
    # region's first real programme becomes Lopend and current (else the pages go on showing the empty one).
    others = filled_programmes(session)
    status = ProgrammeStatus.ACTIVE if others == 0 else ProgrammeStatus.CONCEPT
    # The programme the user works in stays current; choosing the imported one is a step on the Programma page.
    pin_current_programme(session)
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
    created = _create_organisations(session, draft, parties)
    targets = {
        key: (c.kind, c.target_id) if c.target_id is not None else ("organisation", created.get(key))
        for key, c in parties.items()
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
            kind=section_kind(section_draft.title),
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
                code = action_draft.code or (f"{ambition.code}-{index + 1}" if ambition.code else "")
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
    if others == 0:  # the region's first real programme: every page shows it next
        set_current_programme(session, programme.id)
    return ProgrammeImportResult(
        programme_id=programme.id,
        title=name,
        sections=n_sections,
        ambitions=n_ambitions,
        actions=n_actions,
        sub_actions=n_children,
        organisations_created=tuple(" ".join(parties[key].label.split()) for key in created),
        parties_linked=linked,
        labels_only=tuple(labels_only),
        status=status,
        changes=Changes(programme=True, actions=others == 0, network=bool(created), ids=frozenset({programme.id})),
    )


def _action(
    draft: DraftAction, ambition_id: uuid.UUID, parent_id: uuid.UUID | None, code: str, position: int
) -> ProgrammeAction:
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
        notes=draft.note,
    )


def _create_organisations(
    session: Session, draft: ProgrammeDraft, parties: Mapping[str, PartyChoice]
) -> dict[str, uuid.UUID]:
    """New organisations for the names marked ``create`` (once each; a name that exists is linked instead)."""
    used = {label_key(x) for x in draft.labels_in_use()}
    existing = {n.casefold(): i for i, n in session.execute(select(Organisation.id, Organisation.name))}
    created: dict[str, uuid.UUID] = {}
    for key, choice in parties.items():
        if not choice.create or choice.target_id is not None or key not in used:
            continue
        name = " ".join(choice.label.split())[:200]
        if name.casefold() in existing:
            created[key] = existing[name.casefold()]
            continue
        organisation = Organisation(
            id=uuid.uuid4(),
            name=name,
            kind=organisation_kind(name),
            notes="Aangemaakt bij het inlezen van een programma.",
        )
        session.add(organisation)
        existing[name.casefold()] = organisation.id
        created[key] = organisation.id
    session.flush()
    return created


def remove_imported_programme(
    session: Session, programme_id: uuid.UUID, organisation_names: tuple[str, ...] = ()
) -> Changes:
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
                delete(ProgrammeAction).where(
                    ProgrammeAction.id.in_(action_ids), ProgrammeAction.parent_id.is_not(None)
                )
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
