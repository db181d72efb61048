"""Enumerations of the domain, with the Dutch label users see in screens and documents.

Values are stable identifiers stored in the database; labels are Dutch because the documents are
Dutch. The GUI passes labels through Qt's translator for the English interface.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class LabelledEnum(StrEnum):
    """A string enum whose members carry a Dutch label."""

    @property
    def label(self) -> str:
        # Keyed by (enum class, value): members of different StrEnums with the same value compare equal.
        return _LABELS.get((type(self), self.value), self.value)

    @classmethod
    def from_label(cls, label: str) -> Self:
        """Return the member whose label or value equals ``label`` (case-insensitive)."""
        wanted = label.strip().casefold()
        for member in cls:
            if wanted in (member.value.casefold(), member.label.casefold()):
                return member
        raise ValueError(f"{label!r} is geen geldige waarde voor {cls.__name__}")


class ProgrammeStatus(LabelledEnum):
    CONCEPT = "concept"
    ACTIVE = "active"
    CLOSED = "closed"


class SectionKind(LabelledEnum):
    ACTIELIJN = "actielijn"
    SPEERPUNT = "speerpunt"
    THEMA = "thema"
    VISIE = "visie"
    CONTEXT = "context"
    GOVERNANCE = "governance"
    OTHER = "other"


class ActionStatus(LabelledEnum):
    """Status of a programme action or an action item; "late" is derived from the deadline."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"

    @property
    def is_closed(self) -> bool:
        return self in (ActionStatus.DONE, ActionStatus.CANCELLED)


# Chosen beside the statuses as progress of an action item: "Doorgeschoven", a postponement. Not a status: the
# action stays open and its postponement count goes up (``services.minutes.progress_choice``).
POSTPONE_CHOICE = "postponed"


class ResponsibilityRole(LabelledEnum):
    RESPONSIBLE = "responsible"  # verantwoordelijke partij
    TREKKER = "trekker"


class OrganisationKind(LabelledEnum):
    GEMEENTE = "gemeente"
    KETENPARTNER = "ketenpartner"
    POLITIE_JUSTITIE = "politie_justitie"
    ZORG = "zorg"
    ONDERWIJS = "onderwijs"
    BESTUUR = "bestuur"
    OTHER = "other"


class MeetingKind(LabelledEnum):
    AFSTEMMINGSOVERLEG = "afstemmingsoverleg"
    TACTISCH = "tactisch_overleg"
    BESTUURLIJK = "bestuurlijk_overleg"
    WERKGROEP = "werkgroep"
    KLANKBORDGROEP = "klankbordgroep"
    OTHER = "other"


class MeetingState(LabelledEnum):
    CONCEPT = "concept"
    PLANNED = "planned"
    HELD = "held"
    MINUTES_APPROVED = "minutes_approved"
    CANCELLED = "cancelled"


class AgendaPurpose(LabelledEnum):
    INFORMATIE = "informatie"
    BESPREKING = "bespreking"
    ADVISERING = "advisering"
    BESLUITVORMING = "besluitvorming"


class AttendanceStatus(LabelledEnum):
    INVITED = "invited"
    PRESENT = "present"
    EXCUSED = "excused"  # afgemeld
    ABSENT = "absent"
    SUBSTITUTED = "substituted"  # vervangen door


class AttendanceRole(LabelledEnum):
    MEMBER = "member"
    CHAIR = "chair"
    SECRETARY = "secretary"
    GUEST = "guest"


class ActionKind(LabelledEnum):
    ACTIEPUNT = "actiepunt"
    TOEZEGGING = "toezegging"


class EscalationState(LabelledEnum):
    NONE = "none"
    PROPOSED = "proposed"  # ter besluitvorming voorgelegd aan een bestuurlijk overleg
    DECIDED = "decided"  # uitkomst vastgelegd


class IndicatorUnit(LabelledEnum):
    """What an indicator's numbers count; decides how a value is written (1.620, 12,5%, 14 dagen, € 1.200)."""

    COUNT = "count"
    PERCENTAGE = "percentage"
    DAYS = "days"
    EUROS = "euros"


class IndicatorDirection(LabelledEnum):
    """Which way is good. A context figure (inwoners, prevalence estimates) has none: it is never on or off track."""

    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"
    NEUTRAL = "neutral"


class IndicatorLevel(LabelledEnum):
    """The area a figure is about; CBS StatLine publishes the Veilig Thuis tables on each of these levels."""

    REGION = "region"
    MUNICIPALITY = "municipality"
    VEILIG_THUIS_REGION = "veilig_thuis_region"
    NATIONAL = "national"  # for the comparison with national figures a voortgangsrapportage makes


class PeriodKind(LabelledEnum):
    """The length of a measurement's period; a period is (year, kind, part): 2019, 2019 H1, 2019 K3."""

    YEAR = "year"
    HALF_YEAR = "half_year"
    QUARTER = "quarter"


# Pairs, not a dict: equal-valued members of different enums would collapse as dict keys.
_LABEL_LIST: tuple[tuple[StrEnum, str], ...] = (
    (ProgrammeStatus.CONCEPT, "Concept"),
    (ProgrammeStatus.ACTIVE, "Lopend"),
    (ProgrammeStatus.CLOSED, "Afgerond"),
    (SectionKind.ACTIELIJN, "Actielijn"),
    (SectionKind.SPEERPUNT, "Speerpunt"),
    (SectionKind.THEMA, "Thema"),
    (SectionKind.VISIE, "Visie"),
    (SectionKind.CONTEXT, "Context"),
    (SectionKind.GOVERNANCE, "Sturing en afstemming"),
    (SectionKind.OTHER, "Overig"),
    (ActionStatus.NOT_STARTED, "Niet gestart"),
    (ActionStatus.IN_PROGRESS, "Loopt"),
    (ActionStatus.DONE, "Gereed"),
    (ActionStatus.ON_HOLD, "Aangehouden"),
    (ActionStatus.CANCELLED, "Vervallen"),
    (ResponsibilityRole.RESPONSIBLE, "Verantwoordelijke partij"),
    (ResponsibilityRole.TREKKER, "Trekker"),
    (OrganisationKind.GEMEENTE, "Gemeente"),
    (OrganisationKind.KETENPARTNER, "Ketenpartner"),
    (OrganisationKind.POLITIE_JUSTITIE, "Politie/justitie"),
    (OrganisationKind.ZORG, "Zorg"),
    (OrganisationKind.ONDERWIJS, "Onderwijs"),
    (OrganisationKind.BESTUUR, "Bestuur"),
    (OrganisationKind.OTHER, "Overig"),
    (MeetingKind.AFSTEMMINGSOVERLEG, "Afstemmingsoverleg"),
    (MeetingKind.TACTISCH, "Tactisch overleg"),
    (MeetingKind.BESTUURLIJK, "Bestuurlijk overleg"),
    (MeetingKind.WERKGROEP, "Werkgroep"),
    (MeetingKind.KLANKBORDGROEP, "Klankbordgroep"),
    (MeetingKind.OTHER, "Overig overleg"),
    (MeetingState.CONCEPT, "Concept"),
    (MeetingState.PLANNED, "Gepland"),
    (MeetingState.HELD, "Gehouden"),
    (MeetingState.MINUTES_APPROVED, "Verslag vastgesteld"),
    (MeetingState.CANCELLED, "Geannuleerd"),
    (AgendaPurpose.INFORMATIE, "Ter informatie"),
    (AgendaPurpose.BESPREKING, "Ter bespreking"),
    (AgendaPurpose.ADVISERING, "Ter advisering"),
    (AgendaPurpose.BESLUITVORMING, "Ter besluitvorming"),
    (AttendanceStatus.INVITED, "Uitgenodigd"),
    (AttendanceStatus.PRESENT, "Aanwezig"),
    (AttendanceStatus.EXCUSED, "Afgemeld"),
    (AttendanceStatus.ABSENT, "Afwezig"),
    (AttendanceStatus.SUBSTITUTED, "Vervangen"),
    (AttendanceRole.MEMBER, "Lid"),
    (AttendanceRole.CHAIR, "Voorzitter"),
    (AttendanceRole.SECRETARY, "Notulist"),
    (AttendanceRole.GUEST, "Gast"),
    (ActionKind.ACTIEPUNT, "Actiepunt"),
    (ActionKind.TOEZEGGING, "Toezegging"),
    (EscalationState.NONE, "Niet geëscaleerd"),
    (EscalationState.PROPOSED, "Ter besluitvorming bestuurlijk overleg"),
    (EscalationState.DECIDED, "Besloten in bestuurlijk overleg"),
    (IndicatorUnit.COUNT, "Aantal"),
    (IndicatorUnit.PERCENTAGE, "Percentage"),
    (IndicatorUnit.DAYS, "Dagen"),
    (IndicatorUnit.EUROS, "Euro"),
    (IndicatorDirection.HIGHER_IS_BETTER, "Hoger is beter"),
    (IndicatorDirection.LOWER_IS_BETTER, "Lager is beter"),
    (IndicatorDirection.NEUTRAL, "Geen richting (contextcijfer)"),
    (IndicatorLevel.REGION, "Regio"),
    (IndicatorLevel.MUNICIPALITY, "Gemeente"),
    (IndicatorLevel.VEILIG_THUIS_REGION, "Veilig Thuis-regio"),
    (IndicatorLevel.NATIONAL, "Nederland"),
    (PeriodKind.YEAR, "Jaar"),
    (PeriodKind.HALF_YEAR, "Halfjaar"),
    (PeriodKind.QUARTER, "Kwartaal"),
)

_LABELS: dict[tuple[type, str], str] = {(type(member), member.value): label for member, label in _LABEL_LIST}
