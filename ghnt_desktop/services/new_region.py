"""A new region starts here: an empty, ready database from a few answers instead of the Groningen demo.

The first start of the app (and Bestand > Nieuwe database...) asks the region's name, its programme's title
and period, its actielijnen (the national three or its own), its municipalities and main ketenpartners (typed
or pasted as a list) and the names of its afstemmingsoverleg and bestuurlijk overleg. ``create_region``
turns those answers into the programme with its sections, the organisations and the two meeting series,
through the same services the app uses to create each of them, and makes the programme current. Nothing of
the demo is added: no ambitions, actions, people or meetings.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import (
    AppSetting,
    Meeting,
    MeetingKind,
    Organisation,
    OrganisationKind,
    Programme,
    ProgrammeStatus,
    SectionKind,
)
from . import RefusedError, ValidationError
from .meetings import create_series
from .network import create_organisation
from .programme import create_programme, create_section
from .programme_scope import set_current_programme

#: The three actielijnen of the national programme (DOMAIN.md), in their order.
NATIONAL_LINES = (
    "Eerder en beter in beeld",
    "Stoppen en duurzaam oplossen",
    "Aandacht voor specifieke groepen",
)

#: Seed 003's dimensions beyond the tree, offered as a start (the region edits them in the programme editor).
SEED_PROCESS_STEPS = (
    "Signaleren",
    "Melden",
    "Analyseren, beoordelen, opvolgen",
    "Interveniëren",
    "Hulpverlenen",
    "Nazorg",
)
SEED_TARGET_GROUPS = (
    "Seksueel geweld",
    "Seksuele uitbuiting door 'loverboys'",
    "Schadelijke traditionele praktijken",
    "Kinderen in kwetsbare opvoedsituaties",
    "Complexe scheidingen",
    "Ouderenmishandeling",
)

MAX_LIST_ITEMS = 200  # a region has 5 to 30 municipalities; a pasted page is not a list of names
MAX_NAME_LENGTH = 200

# A list marker at the start of a line: bullets of Word and e-mail, numbers, letters, checkboxes.
_MARKER = re.compile(r"^\s*(?:[-–—*•·◦▪■□☐✓✔>o]\s+|[-–—*•·◦▪■□☐>]|\(?\d{1,3}[.)]\s*|\(?[a-zA-Z][.)]\s+)+")


def parse_list(text: str) -> list[str]:
    """The names in a typed or pasted list: one per line, bullets and numbering dropped, duplicates once.

    A single line with commas or semicolons ("Groningen, Haren en Ten Boer") is a list too; on several lines a
    comma belongs to the name ("Gemeente Groningen, afdeling OOV") and a semicolon ends one. Empty lines, tabs
    and spaces around names are ignored; "Groningen" and "groningen " are one name.
    """
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    pieces: list[str] = []
    for line in lines:
        parts = re.split(r"[;\t]", line)
        if len(lines) == 1 and len(parts) == 1 and "," in line:
            parts = line.split(",")
            # The last two of a Dutch enumeration are joined by "en": "Haren en Ten Boer".
            last = re.split(r"\s+en\s+", parts[-1])
            if len(last) == 2 and all(p.strip() for p in last):
                parts = [*parts[:-1], *last]
        pieces.extend(parts)
    names: list[str] = []
    seen: set[str] = set()
    for piece in pieces:
        name = " ".join(_MARKER.sub("", piece).split()).strip(" ,;.")
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            names.append(name)
    return names


@dataclass(frozen=True)
class NewRegion:
    """The answers of the new-region dialog, as plain data.

    ``actielijnen`` empty means the national three; ``municipalities`` and ``partners`` are names as the
    region writes them (``parse_list`` makes them from pasted text).
    """

    region: str
    programme_title: str
    period_start: int | None = None
    period_end: int | None = None
    actielijnen: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    ao_name: str = ""  # default: "Afstemmingsoverleg GHNT <region>"
    bo_name: str = ""  # default: "Bestuurlijk overleg GHNT <region>"
    ao_per_year: int = 4
    bo_per_year: int = 2
    tag_kinds: tuple[tuple[str, tuple[str, ...]], ...] = field(default_factory=tuple)  # ("Processtap", (...))

    @property
    def uses_national_lines(self) -> bool:
        return not self.actielijnen

    def lines(self) -> tuple[str, ...]:
        return self.actielijnen or NATIONAL_LINES

    def ao_series_name(self) -> str:
        return self.ao_name.strip() or f"Afstemmingsoverleg GHNT {self.region.strip()}"

    def bo_series_name(self) -> str:
        return self.bo_name.strip() or f"Bestuurlijk overleg GHNT {self.region.strip()}"


@dataclass(frozen=True)
class RegionSummary:
    """What ``create_region`` made."""

    programme_id: uuid.UUID
    sections: int
    municipalities: int
    partners: int
    series: tuple[str, ...]
    tags: int


def municipality_name(name: str) -> str:
    """ "Haren" -> "Gemeente Haren"; a name that already says gemeente stays as written."""
    name = " ".join(name.split())
    return name if name.casefold().startswith(("gemeente ", "gemeenten ")) else f"Gemeente {name}"


# Kinds of the usual ketenpartners by a word in their name (DOMAIN.md's list); the rest are ketenpartners.
_PARTNER_KINDS: tuple[tuple[tuple[str, ...], OrganisationKind], ...] = (
    (("politie", "openbaar ministerie", "om ", "reclassering", "raad voor de kinderbescherming", "justitie",
      "veiligheidshuis", "zorg- en veiligheidshuis"), OrganisationKind.POLITIE_JUSTITIE),
    (("ggd", "ggz", "huisarts", "ziekenhuis", "verslavingszorg", "zorg"), OrganisationKind.ZORG),
    (("onderwijs", "school", "scholen", "samenwerkingsverband"), OrganisationKind.ONDERWIJS),
)  # fmt: skip


def partner_kind(name: str) -> OrganisationKind:
    """The organisation kind a partner's name suggests (the user can change it under Organisaties)."""
    key = f" {name.casefold()} "
    if key.strip() == "om":
        return OrganisationKind.POLITIE_JUSTITIE
    for words, kind in _PARTNER_KINDS:
        if any(word in key for word in words):
            return kind
    return OrganisationKind.KETENPARTNER


def _check_names(names: Iterable[str], label: str) -> tuple[str, ...]:
    result = tuple(" ".join(n.split()) for n in names if n and n.strip())
    if len(result) > MAX_LIST_ITEMS:
        raise ValidationError(
            f"De lijst met {label} heeft {len(result)} regels; dat zijn er meer dan {MAX_LIST_ITEMS}. "
            "Plak alleen de namen, één per regel."
        )
    for name in result:
        if len(name) > MAX_NAME_LENGTH:
            raise ValidationError(
                f"Een naam in de lijst met {label} is langer dan {MAX_NAME_LENGTH} tekens: "
                f"“{name[:40]}...”. Zet elke naam op een eigen regel."
            )
    return result


def validate(spec: NewRegion) -> NewRegion:
    """``spec`` checked and tidied; a ``ValidationError`` says in Dutch what to fill in or correct."""
    region = " ".join(spec.region.split())
    title = " ".join(spec.programme_title.split())
    if not region:
        raise ValidationError("Vul de naam van de regio in (bijvoorbeeld Zuid-Holland Zuid).")
    if not title:
        raise ValidationError("Vul de titel van het programma in (bijvoorbeeld Regionaal actieprogramma GHNT).")
    for year in (spec.period_start, spec.period_end):
        if year is not None and not 1900 <= year <= 2199:
            raise ValidationError("Een jaar van de looptijd moet een jaartal tussen 1900 en 2199 zijn.")
    if spec.period_start is not None and spec.period_end is not None and spec.period_end < spec.period_start:
        raise ValidationError("Het eindjaar van het programma ligt voor het beginjaar.")
    lines = _check_names(spec.actielijnen, "actielijnen")
    municipalities = _check_names(spec.municipalities, "gemeenten")
    partners = _check_names(spec.partners, "ketenpartners")
    clash = {municipality_name(m).casefold() for m in municipalities} & {p.casefold() for p in partners}
    if clash:
        raise ValidationError(
            f"{sorted(clash)[0]} staat zowel bij de gemeenten als bij de ketenpartners; haal één van de twee weg."
        )
    result = NewRegion(
        region=region,
        programme_title=title,
        period_start=spec.period_start,
        period_end=spec.period_end,
        actielijnen=lines,
        municipalities=municipalities,
        partners=partners,
        ao_name=spec.ao_name,
        bo_name=spec.bo_name,
        ao_per_year=spec.ao_per_year,
        bo_per_year=spec.bo_per_year,
        tag_kinds=tuple((kind.strip(), _check_names(tags, kind)) for kind, tags in spec.tag_kinds if kind.strip()),
    )
    if result.ao_series_name().casefold() == result.bo_series_name().casefold():
        raise ValidationError(
            "Het afstemmingsoverleg en het bestuurlijk overleg hebben dezelfde naam; kies twee namen."
        )
    return result


def is_empty_database(session: Session) -> bool:
    """True when the database holds no programme, organisation or meeting (a new file)."""
    return all(session.scalar(select(model.id).limit(1)) is None for model in (Programme, Organisation, Meeting))


def create_region(session: Session, spec: NewRegion) -> RegionSummary:
    """Fill an empty database with the region's programme, organisations and two meeting series.

    Refused on a database that holds data already (a region is started once, like the demo); the caller
    commits, so a refusal or a bad name leaves the file as it was.
    """
    from .programme_tags import create_tag_kind

    spec = validate(spec)
    if not is_empty_database(session):
        raise RefusedError(
            "Deze database bevat al gegevens; een nieuwe regio begint in een lege database. "
            "Kies Bestand > Nieuwe database... om een nieuw bestand te maken."
        )
    programme_id = create_programme(
        session,
        region=spec.region,
        title=spec.programme_title,
        period_start=spec.period_start,
        period_end=spec.period_end,
        status=ProgrammeStatus.ACTIVE,
    ).id
    for number, title in enumerate(spec.lines(), start=1):
        create_section(
            session,
            programme_id,
            title=title,
            code=str(number),
            kind=SectionKind.ACTIELIJN,
            national_line=number if spec.uses_national_lines else None,
        )
    organisations: list[uuid.UUID] = []
    for name in spec.municipalities:
        full = municipality_name(name)
        aliases = [name] if name.casefold() != full.casefold() else []
        organisations.append(
            create_organisation(session, name=full, kind=OrganisationKind.GEMEENTE, aliases=aliases).id
        )
    for name in spec.partners:
        organisations.append(create_organisation(session, name=name, kind=partner_kind(name)).id)
    bo = create_series(
        session, name=spec.bo_series_name(), code="BO", kind=MeetingKind.BESTUURLIJK, meetings_per_year=spec.bo_per_year
    ).id
    create_series(
        session,
        name=spec.ao_series_name(),
        code="AO",
        kind=MeetingKind.AFSTEMMINGSOVERLEG,
        meetings_per_year=spec.ao_per_year,
        escalates_to_id=bo,
        invitee_organisation_ids=organisations,  # the municipalities and main partners take part
    )
    tags = 0
    for kind, names in spec.tag_kinds:
        create_tag_kind(session, programme_id, kind, names)
        tags += len(names)
    session.merge(AppSetting(key="region", value=spec.region))
    set_current_programme(session, programme_id)
    session.flush()
    return RegionSummary(
        programme_id=programme_id,
        sections=len(spec.lines()),
        municipalities=len(spec.municipalities),
        partners=len(spec.partners),
        series=(spec.ao_series_name(), spec.bo_series_name()),
        tags=tags,
    )
