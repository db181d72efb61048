"""The invitation of a meeting as an iCalendar (.ics) file that Outlook accepts.

A planned meeting gives ``METHOD:REQUEST``; a cancelled one ``METHOD:CANCEL`` with ``STATUS:CANCELLED``.
The UID stays the meeting's ``ics_uid`` for its whole life and ``SEQUENCE`` is its ``ics_sequence``, which
the move and cancel services raise, so a resent file updates or removes the appointment already in the
calendar instead of adding a second one. Times carry ``TZID=Europe/Amsterdam`` with the VTIMEZONE included.

``invitation_data`` reads what the file needs into plain data; ``build_ics`` turns that into bytes and
``write_ics`` writes them. The icalendar library is imported inside the functions (start-up time).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from .models import AttendanceStatus, Meeting, MeetingState

TIMEZONE = "Europe/Amsterdam"
PRODID = "-//GHNT Desktop//Overleggen//NL"
DEFAULT_LENGTH = timedelta(hours=2)


@dataclass(frozen=True)
class Invitee:
    """A person on the invitation; without e-mail only their name is listed in the description."""

    name: str
    email: str
    organisation: str = ""
    required: bool = True


@dataclass(frozen=True)
class InvitationData:
    """Everything an invitation holds, as plain values."""

    uid: str
    sequence: int
    cancelled: bool
    title: str
    date: date
    start_time: time | None
    end_time: time | None
    location: str
    online_link: str
    organizer: Invitee | None
    attendees: tuple[Invitee, ...]
    agenda_lines: tuple[str, ...]
    # What stayed out because it is vertrouwelijk: items shown only as "Vertrouwelijk agendapunt" (or under a
    # neutral title) and guests of such items.
    confidential_items: int = 0
    confidential_guests: int = 0

    def left_out(self) -> str:
        """A Dutch sentence for the message after saving; empty when nothing was held back."""
        parts = []
        if self.confidential_items:
            one = self.confidential_items == 1
            parts.append(
                f"{self.confidential_items} vertrouwelijk{' agendapunt staat' if one else 'e agendapunten staan'}"
                " er zonder titel in"
            )
        if self.confidential_guests:
            one = self.confidential_guests == 1
            parts.append(
                f"{self.confidential_guests} {'gast' if one else 'gasten'} van vertrouwelijke punten "
                f"{'is' if one else 'zijn'} weggelaten"
            )
        return ("; ".join(parts) + ".") if parts else ""


def invitation_data(session: Session, meeting_id: uuid.UUID, *, organizer_email: str = "") -> InvitationData:
    """Read a meeting's invitation. The organizer is the secretaris (else the voorzitter) unless
    ``organizer_email`` names the mailbox that sends it. Vertrouwelijke items show no title."""
    from .services.confidentiality import confidential_scope, neutral_escalation_title
    from .services.meetings import attendance_of, get_or_404, items_of

    meeting: Meeting = get_or_404(session, Meeting, meeting_id)
    organizer_person = meeting.secretary or meeting.chair
    organizer = None
    if organizer_email or (organizer_person and organizer_person.email):
        organizer = Invitee(
            name=organizer_person.name if organizer_person else "",
            email=organizer_email or (organizer_person.email if organizer_person else ""),
        )
    attendees = []
    # An invitation goes to everyone: what is vertrouwelijk (by the one rule) stays out of it, guests of a
    # confidential item included (their presence says what is discussed).
    scope = confidential_scope(session)
    hidden_items = hidden_guests = 0
    seen: set[str] = set()
    for a in attendance_of(session, meeting.id):
        if a.status is AttendanceStatus.EXCUSED:
            continue  # afgemeld: the calendar need not chase them again
        if scope.agenda_item(a.agenda_item_id):
            hidden_guests += 1
            continue
        name = a.person.name if a.person else a.name or (a.organisation.name if a.organisation else "")
        email = a.person.email.strip() if a.person and a.person.email else ""
        key = email.casefold() or name.casefold()
        if key in seen:
            continue
        seen.add(key)
        attendees.append(
            Invitee(
                name=name,
                email=email,
                organisation=a.organisation.name if a.organisation else "",
                required=a.agenda_item_id is None,
            )
        )
    lines = []
    for item in items_of(session, meeting.id):
        if item.id in scope.escalation_items:
            title = neutral_escalation_title(scope.escalation_items[item.id])
        elif scope.agenda_item(item.id):
            title = "Vertrouwelijk agendapunt"
            hidden_items += 1
        else:
            title = item.title
        purpose = f" ({item.purpose.label.lower()})" if item.standard_item is None else ""
        lines.append(f"{item.number}. {title}{purpose}")
    return InvitationData(
        uid=meeting.ics_uid,
        sequence=meeting.ics_sequence,
        cancelled=meeting.state is MeetingState.CANCELLED,
        title=meeting.title,
        date=meeting.date,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        location=meeting.location,
        online_link=meeting.online_link,
        organizer=organizer,
        attendees=tuple(attendees),
        agenda_lines=tuple(lines),
        confidential_items=hidden_items,
        confidential_guests=hidden_guests,
    )


def _one_line(text: str) -> str:
    """Calendar parameters (CN) must not hold quotes, newlines or control characters."""
    return "".join(ch for ch in text if ch.isprintable() and ch != '"').strip()


def _text(text: str) -> str:
    """A TEXT value (summary, location, description): lines kept (icalendar escapes them), other control
    characters, which Outlook refuses the whole file for, dropped."""
    import unicodedata

    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    # Cc: control characters; Cs: lone surrogates, which cannot even be written as UTF-8.
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs"))


def _mail_address(email: str) -> str:
    """``email`` if it can be a ``mailto:`` address, else "" (the person is then listed by name only).

    Addresses are checked when entered (``services.network.check_email``, the same rule), but older data
    or an import may hold a line break or a second address, which would make icalendar raise or add an
    attendee nobody chose."""
    from .services import ValidationError
    from .services.network import check_email

    try:
        return check_email(email or "")
    except ValidationError:
        return ""


def _description(data: InvitationData) -> str:
    parts = []
    if data.cancelled:
        parts.append("Dit overleg is geannuleerd.")
        parts.append("")
    if data.online_link:
        parts.append(f"Online deelnemen: {data.online_link}")
        parts.append("")
    if data.agenda_lines:
        parts.append("Agenda")
        parts.extend(data.agenda_lines)
    without_email = [a for a in data.attendees if not _mail_address(a.email)]
    if without_email:
        parts.append("")
        parts.append("Ook uitgenodigd: " + ", ".join(a.name for a in without_email if a.name))
    return "\n".join(parts).strip()


def build_ics(data: InvitationData, *, now: datetime | None = None) -> bytes:
    """The invitation as iCalendar bytes: REQUEST, or CANCEL for a cancelled meeting."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event, vCalAddress, vText

    zone = ZoneInfo(TIMEZONE)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if data.cancelled else "REQUEST")

    event = Event()
    event.add("uid", _one_line(data.uid))
    event.add("sequence", data.sequence)
    event.add("dtstamp", now or datetime.now(tz=ZoneInfo("UTC")))
    event.add("summary", _text(data.title))
    if data.start_time is not None:
        start = datetime.combine(data.date, data.start_time, tzinfo=zone)
        end = datetime.combine(data.date, data.end_time, tzinfo=zone) if data.end_time else start + DEFAULT_LENGTH
        if end <= start:
            end = start + DEFAULT_LENGTH
        event.add("dtstart", start)
        event.add("dtend", end)
    else:
        # No time yet: an all-day appointment on the date.
        event.add("dtstart", data.date)
        event.add("dtend", data.date + timedelta(days=1))
    location = _text(data.location or data.online_link)
    if location:
        event.add("location", vText(location))
    description = _text(_description(data))
    if description:
        event.add("description", description)
    event.add("status", "CANCELLED" if data.cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    if data.organizer is not None and _mail_address(data.organizer.email):
        organizer = vCalAddress(f"mailto:{_mail_address(data.organizer.email)}")
        if data.organizer.name:
            organizer.params["cn"] = _one_line(data.organizer.name)
        event.add("organizer", organizer)
    for invitee in data.attendees:
        if not _mail_address(invitee.email):
            continue
        attendee = vCalAddress(f"mailto:{_mail_address(invitee.email)}")
        if invitee.name:
            attendee.params["cn"] = _one_line(invitee.name)
        attendee.params["role"] = "REQ-PARTICIPANT" if invitee.required else "OPT-PARTICIPANT"
        attendee.params["partstat"] = "NEEDS-ACTION"
        attendee.params["rsvp"] = "TRUE"
        attendee.params["cutype"] = "INDIVIDUAL"
        event.add("attendee", attendee, encode=0)
    if data.start_time is not None:
        calendar.add_component(_amsterdam_timezone())
    calendar.add_component(event)
    return calendar.to_ical()


def _amsterdam_timezone():
    """VTIMEZONE for Europe/Amsterdam with the EU rules (since 1996) as RRULEs, the form Outlook writes itself.

    icalendar's generated VTIMEZONE lists every transition as RDATEs until 2038; Outlook reads rules better.
    """
    from datetime import datetime as dt

    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    timezone = Timezone()
    timezone.add("tzid", TIMEZONE)
    standard = TimezoneStandard()
    standard.add("dtstart", dt(1970, 10, 25, 3, 0))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("tzname", "CET")
    daylight = TimezoneDaylight()
    daylight.add("dtstart", dt(1970, 3, 29, 2, 0))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("tzname", "CEST")
    timezone.add_component(standard)
    timezone.add_component(daylight)
    return timezone


def write_ics(data: InvitationData, path: Path | str) -> Path:
    """Write the invitation to ``path`` (``.ics``) and return the path."""
    target = Path(path)
    target.write_bytes(build_ics(data))
    return target
