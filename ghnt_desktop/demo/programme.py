"""The Groningen action programme and its organisations, read from the JSON shipped in ``resources/demo``.

The programme table (76 rows) becomes sections, ambitions, programme actions and responsibilities;
the organisation list becomes organisations with their aliases. Responsibility is written per
ambition (from its first action row) and an action that names other parties or trekkers overrides it.
An action row that names none (actions found in the running text, not in the table) inherits.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import date
from random import Random

from ..deadlines import parse_deadline
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
from ..paths import resource
from .ids import stable_id
from .texts import EXTRA_GEMEENTEN, FORMER_GEMEENTEN

ACTIONS_FILE = "groningen_actieprogramma_2019_acties.json"
ORGANISATIONS_FILE = "groningen_actieprogramma_2019_organisaties.json"

# The source's own kinds ("soort") mapped onto the app's kinds.
ORGANISATION_KINDS: dict[str, OrganisationKind] = {
    "gemeente": OrganisationKind.GEMEENTE,
    "gemeente (afdeling)": OrganisationKind.GEMEENTE,
    "ketenpartner-zorg": OrganisationKind.KETENPARTNER,
    "ketenpartner-veiligheid": OrganisationKind.KETENPARTNER,
    "welzijn/lokaal team": OrganisationKind.KETENPARTNER,
    "vrouwenopvang": OrganisationKind.KETENPARTNER,
    "jeugdzorg/jeugdbescherming": OrganisationKind.KETENPARTNER,
    "politie": OrganisationKind.POLITIE_JUSTITIE,
    "justitie": OrganisationKind.POLITIE_JUSTITIE,
    "onderwijs": OrganisationKind.ONDERWIJS,
    "zorg (eerstelijn/medisch)": OrganisationKind.ZORG,
    "rijksoverheid": OrganisationKind.BESTUUR,
    "overheid": OrganisationKind.BESTUUR,
    "financier/inkoop": OrganisationKind.BESTUUR,
}
# Entries of the source that are not organisations one meets with: groups of municipalities and a
# geographical name. "Alle gemeenten" stays a label, as the programme writes it.
SKIPPED_KINDS = {"gemeenten (collectief)", "provincie/regio (geografie)"}


def load_json(name: str) -> list[dict]:
    """One of the demo's JSON files from ``resources/demo``."""
    return json.loads(resource("demo", name).read_text(encoding="utf-8"))


def _clean_aliases(name: str, variants: list[str]) -> list[str]:
    """Aliases as written, without the extractor's remarks ("(sic, r. 2552)") and without the name itself."""
    seen: set[str] = {name.casefold()}
    result = []
    for variant in variants:
        if "sic" in variant or variant.casefold() in seen:
            continue
        seen.add(variant.casefold())
        result.append(variant)
    return result


@dataclass
class OrganisationIndex:
    """Organisations by name and by every way the text names them (case-insensitive)."""

    by_name: dict[str, Organisation] = field(default_factory=dict)
    _by_alias: dict[str, set[str]] = field(default_factory=dict)

    def add(self, organisation: Organisation) -> None:
        self.by_name[organisation.name] = organisation
        names = [organisation.name, *(organisation.aliases or [])]
        if organisation.abbreviation:
            names.append(organisation.abbreviation)
        for alias in names:
            self._by_alias.setdefault(alias.strip().casefold(), set()).add(organisation.name)

    def match(self, label: str) -> Organisation | None:
        """The organisation a label names, or None for a role ("Projectleider GHNT") or an ambiguous label."""
        names = self._by_alias.get(label.strip().casefold(), set())
        if len(names) != 1:
            return None
        return self.by_name[next(iter(names))]

    @property
    def gemeenten(self) -> list[Organisation]:
        """The municipalities of the region that still exist, in a stable order."""
        return [
            org
            for org in self.by_name.values()
            if org.kind == OrganisationKind.GEMEENTE and not org.archived and org.name.startswith("Gemeente ")
        ]


def build_organisations() -> tuple[list[Organisation], OrganisationIndex]:
    """Organisations of the programme plus the region's other municipalities."""
    index = OrganisationIndex()
    organisations: list[Organisation] = []
    for row in load_json(ORGANISATIONS_FILE):
        if row["soort"] in SKIPPED_KINDS:
            continue
        name = row["naam"]
        organisation = Organisation(
            id=stable_id("organisation", name),
            name=name,
            kind=ORGANISATION_KINDS.get(row["soort"], OrganisationKind.OTHER),
            abbreviation=row.get("afkorting"),
            aliases=_clean_aliases(name, row.get("varianten_in_tekst") or []),
            notes=row.get("rol_in_document") or "",
        )
        if name in FORMER_GEMEENTEN:
            organisation.archived = True
            organisation.notes = f"{FORMER_GEMEENTEN[name]} {organisation.notes}".strip()
        organisations.append(organisation)
        index.add(organisation)
    for name, aliases in EXTRA_GEMEENTEN:
        if name in index.by_name:
            continue
        organisation = Organisation(
            id=stable_id("organisation", name),
            name=name,
            kind=OrganisationKind.GEMEENTE,
            aliases=list(aliases),
            notes="Gemeente in de regio Groningen.",
        )
        organisations.append(organisation)
        index.add(organisation)
    return organisations, index


def _section_kind(row: dict) -> tuple[SectionKind, int | None]:
    title = row["actielijn"]
    if row.get("actielijn_nr_landelijk"):
        return SectionKind.ACTIELIJN, int(row["actielijn_nr_landelijk"])
    lowered = title.casefold()
    if lowered == "visie":
        return SectionKind.VISIE, None
    if lowered == "context":
        return SectionKind.CONTEXT, None
    if lowered.startswith("rol van de gemeenten"):
        return SectionKind.GOVERNANCE, None
    if lowered.startswith("hoe nu verder"):
        return SectionKind.OTHER, None
    return SectionKind.ACTIELIJN, None


SOURCE_FIRST_YEAR = 2019  # the Groningen programme runs 2019-2021


def year_shift(today: date) -> int:
    """Years to move the 2019 programme so that it runs around ``today``, half done and half to come.

    A demo built in 2026 on a 2019 programme would show every action done or long overdue; moved by
    this many years its deadlines fall on both sides of today, as in a living programme.
    """
    return max(0, today.year - 1 - SOURCE_FIRST_YEAR)


_YEAR = re.compile(r"\b(20[0-4]\d)\b")


def shift_years(text: str | None, shift: int) -> str:
    """``text`` (a deadline as written, "2019-2021", "klaar: januari 2020") with its years moved by ``shift``."""
    if not text or not shift:
        return text or ""
    return _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)


def month_start(text: str | None) -> date | None:
    """First day of "2019-08" (a month) or "2019" (a year)."""
    if not text:
        return None
    parts = text.split("-")
    return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, 1)


def month_end(text: str | None) -> date | None:
    """Last day of "2019-09" (a month) or "2021" (a year)."""
    if not text:
        return None
    parts = text.split("-")
    year, month = int(parts[0]), int(parts[1]) if len(parts) > 1 else 12
    return date(year, month, calendar.monthrange(year, month)[1])


def demo_period(deadline_text: str, row: dict, shift: int) -> tuple[date | None, date | None]:
    """The period of a demo action: its (shifted) deadline text read as the app reads it, so that an action
    past its deadline shows as late; the extract's own months where the text names none.

    A text without a year is read against the programme's (moved) writing date, 1 january of its first year.
    """
    if deadline_text:
        parsed = parse_deadline(deadline_text, reference=date(SOURCE_FIRST_YEAR + shift, 1, 1))
        if parsed.has_period:
            return parsed.start, parsed.end
    return month_start(shift_years(row.get("deadline_start"), shift)), month_end(
        shift_years(row.get("deadline_eind"), shift)
    )


def _labels(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in values or [] if v and v.strip())


def _same(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return [x.casefold() for x in a] == [x.casefold() for x in b]


@dataclass
class ProgrammeData:
    """What the programme builder made, for the meeting builder to link to."""

    programme: Programme
    sections: list[Section]
    ambitions: list[Ambition]
    actions: list[ProgrammeAction]
    responsibilities: list[Responsibility]
    section_by_code: dict[str, Section]
    ambition_by_code: dict[str, Ambition]
    action_by_code: dict[str, ProgrammeAction]
    # Effective labels per action code: (responsible, trekkers) as in force.
    effective: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    rows: list[dict]

    def actions_of_section(self, code: str) -> list[ProgrammeAction]:
        section = self.section_by_code[code]
        ambition_ids = {a.id for a in self.ambitions if a.section_id == section.id}
        return [a for a in self.actions if a.ambition_id in ambition_ids]


def _responsibility_rows(
    owner: str, owner_key: str, responsible: tuple[str, ...], trekkers: tuple[str, ...], index: OrganisationIndex
) -> list[Responsibility]:
    rows = []
    entries = [(ResponsibilityRole.RESPONSIBLE, label) for label in responsible]
    entries += [(ResponsibilityRole.TREKKER, label) for label in trekkers]
    for position, (role, label) in enumerate(entries):
        organisation = index.match(label)
        rows.append(
            Responsibility(
                id=stable_id("responsibility", owner_key, role.value, position),
                role=role,
                label=label,
                organisation_id=organisation.id if organisation else None,
                position=position,
                **{owner: stable_id(owner.removesuffix("_id"), owner_key)},
            )
        )
    return rows


def _programme_status(row: dict, deadline_end: date | None, today: date, rng: Random) -> ActionStatus:
    """A status that makes sense for the action's kind and deadline, relative to today."""
    kind = row["soort"]
    if kind.startswith("besluit") and "reeds" in kind:
        return ActionStatus.DONE
    if kind == "bestaande praktijk" or kind == "lopende ontwikkeling" or kind == "inspanningsverplichting":
        return ActionStatus.IN_PROGRESS
    if "governance" in kind:
        return rng.choices([ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.CANCELLED], [6, 3, 1])[0]
    if deadline_end is not None:
        if deadline_end < today:
            # Mostly done by now; some still running past their deadline (late).
            return rng.choices([ActionStatus.DONE, ActionStatus.IN_PROGRESS], [3, 1])[0]
        return rng.choices([ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS], [1, 2])[0]
    return rng.choices(
        [ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED, ActionStatus.ON_HOLD],
        [3, 4, 2, 1],
    )[0]


def build_programme(index: OrganisationIndex, today: date, rng: Random) -> ProgrammeData:
    """Sections, ambitions, actions and responsibilities of the Groningen programme."""
    rows = load_json(ACTIONS_FILE)
    shift = year_shift(today)
    programme = Programme(
        id=stable_id("programme", "groningen"),
        region="Groningen",
        title="Regionaal actieprogramma Geweld hoort nergens thuis – regio Groningen",
        period_start=SOURCE_FIRST_YEAR + shift,
        period_end=2021 + shift,
        status=ProgrammeStatus.ACTIVE,
        description=(
            "Aanvulling op de regiovisie aan de hand van het landelijk programma Geweld hoort nergens thuis, "
            "opgesteld in opdracht van de Groninger gemeenten. De uitvoering loopt door tot de nieuwe regiovisie "
            "is vastgesteld. (Demodatabase: organisaties en acties uit het actieprogramma, personen verzonnen.)"
        ),
    )
    sections: dict[str, Section] = {}
    section_by_code: dict[str, Section] = {}
    ambitions: dict[tuple[str, str], Ambition] = {}
    ambition_rows: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
    actions: list[ProgrammeAction] = []
    responsibilities: list[Responsibility] = []
    effective: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    action_positions: dict[tuple[str, str], int] = {}
    by_code: dict[str, ProgrammeAction] = {}

    for row in rows:
        title = row["actielijn"]
        if title not in sections:
            kind, national = _section_kind(row)
            code = (row["tabelrij"] or "H")[0]
            section = Section(
                id=stable_id("section", title),
                programme_id=programme.id,
                title=title,
                code=code,
                kind=kind,
                national_line=national,
                position=len(sections),
            )
            sections[title] = section
            section_by_code[code] = section
        section = sections[title]
        ambition_code = row["tabelrij"] or row["paragraaf"] or section.code
        key = (title, ambition_code)
        responsible, trekkers = _labels(row["verantwoordelijke_partijen"]), _labels(row["trekkers"])
        if key not in ambitions:
            # Texts move with the deadlines: "dan in 2018" beside "februari 2026" would contradict itself.
            text = shift_years((row.get("ambitie") or "").strip(), shift) or (
                "Acties uit de hoofdtekst van het actieprogramma (hoofdstuk 7, Hoe nu verder)"
            )
            ambition = Ambition(
                id=stable_id("ambition", ambition_code),
                section_id=section.id,
                code=ambition_code,
                text=text,
                sub_points=[shift_years(p, shift) for p in row.get("ambities_lijst") or [] if p],
                paragraph=row.get("paragraaf") or "",
                reference=row.get("verwijzing_in_tabel") or "",
                position=sum(1 for k in ambitions if k[0] == title),
            )
            ambitions[key] = ambition
            ambition_rows[key] = (responsible, trekkers)
            responsibilities += _responsibility_rows("ambition_id", ambition_code, responsible, trekkers, index)
        ambition = ambitions[key]
        inherited = ambition_rows[key]
        overrides = bool(responsible or trekkers) and not (
            _same(responsible, inherited[0]) and _same(trekkers, inherited[1])
        )
        deadline_text = shift_years(row.get("deadline_text"), shift)
        start, end = demo_period(deadline_text, row, shift)
        parent = by_code.get(row["parent_id"]) if row.get("parent_id") else None
        position = action_positions.get(key, 0)
        action_positions[key] = position + 1
        action = ProgrammeAction(
            id=stable_id("programme_action", row["id"]),
            ambition_id=ambition.id,
            parent_id=parent.id if parent else None,
            code=row["id"],
            text=shift_years(row["actie"].strip(), shift),
            kind=row["soort"],
            position=position,
            overrides_responsibility=overrides,
            deadline_text=deadline_text,
            deadline_start=start,
            deadline_end=end,
            status=_programme_status(row, end, today, rng),
            # Actions the extract took from the body text ("hoofdtekst (niet in samenvattingstabel)") are followed
            # like the others but are not rows of the adopted programme table.
            in_programme_table=str(row.get("bron") or "").startswith("samenvattingstabel"),
        )
        if overrides:
            responsibilities += _responsibility_rows("programme_action_id", row["id"], responsible, trekkers, index)
        effective[row["id"]] = (responsible, trekkers) if overrides else inherited
        actions.append(action)
        by_code[row["id"]] = action

    # A parent action's status follows its sub-actions.
    for action in actions:
        children = [a for a in actions if a.parent_id == action.id]
        if not children:
            continue
        statuses = {c.status for c in children}
        if statuses <= {ActionStatus.DONE, ActionStatus.CANCELLED}:
            action.status = ActionStatus.DONE
        elif statuses & {ActionStatus.IN_PROGRESS, ActionStatus.DONE}:
            action.status = ActionStatus.IN_PROGRESS
        else:
            action.status = ActionStatus.NOT_STARTED

    return ProgrammeData(
        programme=programme,
        sections=list(sections.values()),
        ambitions=list(ambitions.values()),
        actions=actions,
        responsibilities=responsibilities,
        section_by_code=section_by_code,
        ambition_by_code={a.code: a for a in ambitions.values()},
        action_by_code=by_code,
        effective=effective,
        rows=rows,
    )
