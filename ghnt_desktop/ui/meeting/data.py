"""Everything the meeting view shows, read in one session into plain values (no ORM objects), and the
change history of one record made readable for the history dialog."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...dutch_dates import short_date, short_date_time
from ..itemmodels.agenda import AgendaLine


@dataclass(frozen=True)
class PersonChoice:
    """A person as pickers offer them."""

    id: uuid.UUID
    name: str
    organisation_id: uuid.UUID | None
    organisation_name: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.organisation_name})" if self.organisation_name else self.name


@dataclass(frozen=True)
class MeetingData:
    """One meeting with its agenda, attendance, minutes, decisions and actions, and the pickers' choices."""

    detail: object  # services.meetings.MeetingDetail
    agenda: tuple[AgendaLine, ...]
    total_minutes: int
    planned_end: object  # time | None
    overruns: bool
    attendance: tuple
    organisations_represented: tuple[str, ...]
    actions: tuple  # ActionItemRow, actiepunten
    toezeggingen: tuple
    decisions: tuple  # DecisionRow of this meeting
    escalated_here: tuple  # DecisionRow put to this meeting
    people: tuple[PersonChoice, ...]
    organisations: tuple[tuple[uuid.UUID, str], ...]
    programme_choices: tuple[tuple[uuid.UUID, str, str], ...]
    item_programme: dict  # agenda item id -> ((id, code, text), ...)
    carry_open: int  # open actions of earlier meetings not yet on the actielijst
    later_meetings: tuple[tuple[uuid.UUID, date], ...]
    can_escalate: bool
    # agenda item id -> ProgrammeProgressRow per linked programme action (items with programme actions only)
    programme_progress: dict = field(default_factory=dict)
    approval: str = ""  # "Vastgesteld op ... in ..." of a vastgesteld verslag
    # agenda item id -> (StoredDocumentInfo, ...): the stukken kept in the database
    stored_documents: dict = field(default_factory=dict)
    # ids of the decisions and action items numbered in this offline copy: their numbers may change on return
    provisional: frozenset = frozenset()

    @property
    def read_only(self) -> bool:
        return self.detail.read_only  # type: ignore[attr-defined]

    def item(self, item_id: uuid.UUID | None):
        return next((line.item for line in self.agenda if line.item.id == item_id), None)


def load_meeting_data(session, meeting_id: uuid.UUID, today: date) -> MeetingData:
    """Read one meeting for the view; raises ``NotFoundError`` when it is gone."""
    from ...models import MeetingSeries, MeetingState
    from ...services.agenda import agenda_items, agenda_schedule, carry_forward_open_count, programme_action_choices
    from ...services.meetings import attendance_list, get_meeting, organisations_represented
    from ...services.minutes import action_list, decision_list, escalated_to_meeting, meetings_with_series
    from ...services.network import list_organisations, list_people
    from ...services.offline import provisional_ids

    detail = get_meeting(session, meeting_id)
    items = agenda_items(session, meeting_id)
    schedule = agenda_schedule(session, meeting_id)
    times = {s.id: (s.start, s.end) for s in schedule.items}
    attendance = attendance_list(session, meeting_id)
    guests: dict[uuid.UUID, list[str]] = {}
    for row in attendance:
        if row.agenda_item_id is not None:
            guests.setdefault(row.agenda_item_id, []).append(row.person_name or row.organisation_name)
    agenda = tuple(
        AgendaLine(
            item,
            *times.get(item.id, (None, None)),
            guests=tuple(guests.get(item.id, ())),
            overruns=bool(
                schedule.meeting_end
                and times.get(item.id, (None, None))[1]
                and times[item.id][1] > schedule.meeting_end
            ),
        )
        for item in items
    )
    actions = action_list(session, meeting_id)
    people = tuple(
        PersonChoice(p.id, p.name, p.organisation_id, p.organisation_name)
        for p in list_people(session, include_archived=False)
        if p.is_active(today)
    )
    organisations = tuple((o.id, o.name) for o in list_organisations(session, include_archived=False))
    from ...services.agenda import programme_actions_of_item
    from ...services.minutes import programme_progress_of_item

    item_programme = {item.id: tuple(programme_actions_of_item(session, item.id)) for item in items}
    programme_progress = {
        item_id: tuple(programme_progress_of_item(session, item_id))
        for item_id, linked in item_programme.items()
        if linked
    }
    from ...services.stored_documents import list_stored_documents

    stored_documents: dict = {}
    for info in list_stored_documents(session, [item.id for item in items]):
        stored_documents.setdefault(info.agenda_item_id, []).append(info)
    carry_open = 0
    if not detail.read_only and detail.state is not MeetingState.CANCELLED:
        carry_open = carry_forward_open_count(session, meeting_id)
    later = ()
    can_escalate = False
    if detail.series_id is not None:
        later = tuple(
            (mid, day)
            for mid, day, state in meetings_with_series(session, detail.series_id)
            if day > detail.date and state is not MeetingState.CANCELLED
        )
        series = session.get(MeetingSeries, detail.series_id)
        can_escalate = series is not None and series.escalates_to_id is not None
    return MeetingData(
        detail=detail,
        agenda=agenda,
        total_minutes=schedule.total_minutes,
        planned_end=schedule.planned_end,
        overruns=schedule.overruns,
        attendance=tuple(attendance),
        organisations_represented=tuple(organisations_represented(session, meeting_id)),
        actions=actions.actions,
        toezeggingen=actions.toezeggingen,
        decisions=tuple(decision_list(session, meeting_id=meeting_id)),
        escalated_here=tuple(escalated_to_meeting(session, meeting_id)),
        people=people,
        organisations=organisations,
        programme_choices=tuple(programme_action_choices(session)),
        item_programme=item_programme,
        carry_open=carry_open,
        later_meetings=later,
        can_escalate=can_escalate,
        programme_progress=programme_progress,
        approval=_approval_text(session, meeting_id) if detail.read_only else "",
        stored_documents={key: tuple(value) for key, value in stored_documents.items()},
        provisional=frozenset(provisional_ids(session)),
    )


def _approval_text(session, meeting_id: uuid.UUID) -> str:
    from ...services.meeting_record import approval_of

    approval = approval_of(session, meeting_id)
    return approval.text if approval is not None else ""


@dataclass(frozen=True)
class HistoryLine:
    """One change of a record as the history dialog shows it: plain text, ids resolved to names."""

    when: str
    who: str
    field: str
    old: str
    new: str
    reason: str


def load_history_lines(session, entity: str, entity_id: uuid.UUID) -> list[HistoryLine]:
    """The change history of one record, oldest first, readable: the change log (``services.change_log``, every
    table, every writer, the one audit source) with the reason logged with a change (reopening a vastgesteld
    verslag, a merge); history recorded before the change log existed (``services.history``) is shown as it was,
    and a reason recorded there beside a logged change (a database of the version in between) still goes with it;
    so are the two choices kept only there until revision 0016 (``history.CHOICE_COLUMNS``).

    Enum values become their Dutch labels, ISO dates dd-mm-yyyy, ids of people, organisations and programme
    actions their names; times are shown in local time (they are stored in UTC).
    """
    from ...services.change_log import field_changes, record_log
    from ...services.history import CHOICE_COLUMNS, as_text, history_of

    names: dict[str, str] = {}

    def readable(field: str, value) -> str:
        return readable_value(session, field, value, names)

    logged = record_log(session, entity, entity_id)
    recorded = history_of(session, entity, entity_id)
    since = logged[0].changed_at if logged else None
    entries: list[tuple[object, int, HistoryLine]] = []
    reasons: dict[tuple[str, str | None], str] = {}
    for change in recorded:
        # After the log's first entry the older history repeats the log, except the two choices it alone kept.
        if since is not None and _naive(change.changed_at) >= _naive(since) and change.field not in CHOICE_COLUMNS:
            if change.reason:  # the same edit is in the log; its reason goes beside it
                reasons.setdefault((change.field, change.new_value), change.reason)
            continue
        line = HistoryLine(
            when=short_date_time(_local(change.changed_at)),
            who=change.changed_by,
            field=field_label(change.field),
            old=readable(change.field, change.old_value),
            new=readable(change.field, change.new_value),
            reason=change.reason,
        )
        entries.append((_naive(change.changed_at), 0, line))
    for change in logged:
        when, who = short_date_time(_local(change.changed_at)), change.changed_by
        if change.operation in ("I", "D"):
            values = change.new_values or change.old_values
            label = next((str(values[k]) for k in ("title", "name", "number", "text", "code") if values.get(k)), "")
            created = change.operation == "I"
            line = HistoryLine(
                when=when,
                who=who,
                field=(
                    QCoreApplication.translate("History", "Aangemaakt")
                    if created
                    else QCoreApplication.translate("History", "Verwijderd")
                ),
                old="—" if created else _short_value(label),
                new=_short_value(label) if created else "—",
                reason=change.reason or (reasons.pop(("text", as_text(values.get("text"))), "") if created else ""),
            )
            entries.append((_naive(change.changed_at), change.id, line))
            continue
        for field, old, new in field_changes(change):
            line = HistoryLine(
                when=when,
                who=who,
                field=field_label(field),
                old=readable(field, old),
                new=readable(field, new),
                reason=change.reason
                or reasons.pop((field, as_text(new) if not isinstance(new, list | dict) else None), ""),
            )
            entries.append((_naive(change.changed_at), change.id, line))
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    return [line for _when, _id, line in entries]


def readable_value(session, field: str, value, names: dict[str, str] | None = None) -> str:
    """A logged value of ``field`` as a person reads it: "—" for none, names for ids of people, organisations,
    programme actions and meetings, enum labels, dd-mm-yyyy dates, ja/nee (``names`` caches looked-up ids)."""
    from ...services.history import as_text

    names = {} if names is None else names
    value = as_text(value) if not isinstance(value, list | dict) else ", ".join(map(str, value)) or None
    if value is None or value == "":
        return "—"
    if field.endswith("_id"):
        if value not in names:
            names[value] = _name_of(session, field, value)
        return names[value]
    return value_label(field, value)


def _short_value(value: str) -> str:
    return value if len(value) <= 200 else value[:199] + "…"


def _naive(moment):
    """A time in UTC without zone, so SQLite's (naive) and PostgreSQL's (aware) times sort together."""
    from datetime import UTC

    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo is not None else moment


def _local(moment):
    from datetime import UTC

    if moment.tzinfo is None:  # SQLite hands back naive datetimes; they were stored in UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def _name_of(session, field: str, value: str) -> str:
    from ...models import AgendaItem, Meeting, Organisation, Person, ProgrammeAction

    model = {
        "trekker_person_id": Person,
        "chair_id": Person,
        "secretary_id": Person,
        "trekker_organisation_id": Organisation,
        "programme_action_id": ProgrammeAction,
        "approved_in_meeting_id": Meeting,
        "escalated_to_meeting_id": Meeting,
        "escalation_agenda_item_id": AgendaItem,
    }.get(field)
    try:
        record = session.get(model, uuid.UUID(value)) if model is not None else None
    except ValueError:
        record = None
    if record is None:
        return value
    if isinstance(record, ProgrammeAction):
        return f"{record.code} {record.text}"
    if isinstance(record, Meeting):
        return f"{record.title} ({record.date:%d-%m-%Y})"
    if isinstance(record, AgendaItem):
        return f"{record.number} {record.title}".strip()
    return record.name


FIELD_LABELS = {
    "text": QT_TRANSLATE_NOOP("History", "Tekst"),
    "state": QT_TRANSLATE_NOOP("History", "Status"),
    "status": QT_TRANSLATE_NOOP("History", "Status"),
    "deadline": QT_TRANSLATE_NOOP("History", "Deadline"),
    "deadline_text": QT_TRANSLATE_NOOP("History", "Deadline (tekst)"),
    "kind": QT_TRANSLATE_NOOP("History", "Soort"),
    "confidential": QT_TRANSLATE_NOOP("History", "Vertrouwelijk"),
    "trekker_person_id": QT_TRANSLATE_NOOP("History", "Trekker"),
    "trekker_organisation_id": QT_TRANSLATE_NOOP("History", "Trekker (organisatie)"),
    "trekker_text": QT_TRANSLATE_NOOP("History", "Trekker (tekst)"),
    "programme_action_id": QT_TRANSLATE_NOOP("History", "Actie uit het programma"),
    "escalation": QT_TRANSLATE_NOOP("History", "Voorleggen"),
    "outcome": QT_TRANSLATE_NOOP("History", "Uitkomst"),
    "outcome_date": QT_TRANSLATE_NOOP("History", "Datum uitkomst"),
    "title": QT_TRANSLATE_NOOP("History", "Titel"),
    "location": QT_TRANSLATE_NOOP("History", "Locatie"),
    "online_link": QT_TRANSLATE_NOOP("History", "Online link"),
    "chair_id": QT_TRANSLATE_NOOP("History", "Voorzitter"),
    "secretary_id": QT_TRANSLATE_NOOP("History", "Notulist"),
    "notes": QT_TRANSLATE_NOOP("History", "Notities"),
    "minutes_text": QT_TRANSLATE_NOOP("History", "Verslagtekst"),
    "name": QT_TRANSLATE_NOOP("History", "Naam"),
    "function": QT_TRANSLATE_NOOP("History", "Functie"),
    "email": QT_TRANSLATE_NOOP("History", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("History", "Telefoon"),
    "organisation_id": QT_TRANSLATE_NOOP("History", "Organisatie"),
    "person_id": QT_TRANSLATE_NOOP("History", "Persoon"),
    "archived": QT_TRANSLATE_NOOP("History", "Gearchiveerd"),
    "position": QT_TRANSLATE_NOOP("History", "Volgorde"),
    "code": QT_TRANSLATE_NOOP("History", "Code"),
    "done_text": QT_TRANSLATE_NOOP("History", "Wat is gedaan"),
    "todo_text": QT_TRANSLATE_NOOP("History", "Wat moet nog"),
    "number": QT_TRANSLATE_NOOP("History", "Nummer"),
    "start_time": QT_TRANSLATE_NOOP("History", "Begintijd"),
    "duration_minutes": QT_TRANSLATE_NOOP("History", "Duur (minuten)"),
    "ics_sequence": QT_TRANSLATE_NOOP("History", "Versie uitnodiging"),
    "closed_on": QT_TRANSLATE_NOOP("History", "Afgesloten op"),
    "times_postponed": QT_TRANSLATE_NOOP("History", "Keren uitgesteld"),
    "purpose": QT_TRANSLATE_NOOP("History", "Doel"),
    "inbrenger": QT_TRANSLATE_NOOP("History", "Inbrenger"),
    "planned_minutes": QT_TRANSLATE_NOOP("History", "Geplande tijd"),
    "documents": QT_TRANSLATE_NOOP("History", "Stukken"),
    "substitute_id": QT_TRANSLATE_NOOP("History", "Vervanger"),
    "substitute_name": QT_TRANSLATE_NOOP("History", "Vervanger (naam)"),
    "merged_into_id": QT_TRANSLATE_NOOP("History", "Samengevoegd met"),
    "approved_in_meeting_id": QT_TRANSLATE_NOOP("History", "Vastgesteld in"),
    "escalation_text_included": QT_TRANSLATE_NOOP("History", "Tekst op agenda bestuurlijk overleg"),
    "escalated_to_meeting_id": QT_TRANSLATE_NOOP("History", "Geagendeerd in"),
    "escalation_agenda_item_id": QT_TRANSLATE_NOOP("History", "Agendapunt bestuurlijk overleg"),
}


def field_label(field: str) -> str:
    """The Dutch name of a recorded field (the field's own name when it has none)."""
    label = FIELD_LABELS.get(field)
    return QCoreApplication.translate("History", label) if label else field


def value_label(field: str, value: str) -> str:
    """A stored value as a person reads it: enum labels, dd-mm-yyyy dates, ja/nee."""
    from ...models import ActionKind, ActionStatus, EscalationState, MeetingState
    from ..i18n import enum_label

    enum = {
        "state": MeetingState,
        "status": ActionStatus,
        "kind": ActionKind,
        "escalation": EscalationState,
    }.get(field)
    if enum is not None:
        try:
            return enum_label(enum(value))
        except ValueError:
            return value
    if value in ("True", "False"):
        return QCoreApplication.translate("History", "ja" if value == "True" else "nee")
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return short_date(date.fromisoformat(value))
        except ValueError:
            return value
    return value
