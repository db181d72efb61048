"""E-mail addresses with line breaks are refused when entered; an invitation (.ics) never raises on old data."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from ghnt_desktop.calendar_ics import InvitationData, Invitee, build_ics, write_ics
from ghnt_desktop.db import open_database
from ghnt_desktop.services import ValidationError
from ghnt_desktop.services.network import check_email, create_person, get_person

REFUSED = {
    "a line feed and a header": "anna@ggd.nl\nBcc: iedereen@ggd.nl",
    "a carriage return": "anna@ggd\r.nl",
    "CR LF in the middle": "anna@\r\nggd.nl",
    "a tab": "anna\t@ggd.nl",
    "a NUL": "anna@ggd.nl\x00",
    "a bell": "\x07anna@ggd.nl",
    "a Unicode line separator": "anna@ggd.nl\u2028x",
    "a zero-width space": "anna@\u200bggd.nl",
    "a space inside": "anna de vries@ggd.nl",
    "two addresses with a comma": "anna@ggd.nl, piet@ggd.nl",
    "two addresses with a semicolon": "anna@ggd.nl;piet@ggd.nl",
    "a display name": "Anna <anna@ggd.nl>",
    "no at sign": "anna.ggd.nl",
    "no domain": "anna@",
    "no name": "@ggd.nl",
    "two at signs": "anna@piet@ggd.nl",
    "a domain without dot": "anna@ggd",
    "a domain with two dots": "anna@ggd..nl",
}
ACCEPTED = {
    "plain": ("anna@ggd.nl", "anna@ggd.nl"),
    "with plus and dots": ("a.de.vries+ghnt@veiligthuis-groningen.nl", "a.de.vries+ghnt@veiligthuis-groningen.nl"),
    "surrounding spaces are typing": ("  anna@ggd.nl \n", "anna@ggd.nl"),
    "an accented domain": ("jan@súdwest-fryslân.nl", "jan@súdwest-fryslân.nl"),
    "empty": ("", ""),
}


@pytest.mark.parametrize("case", REFUSED)
def test_an_address_that_is_not_one_line_is_refused_in_dutch(case):
    with pytest.raises(ValidationError) as info:
        check_email(REFUSED[case])
    message = str(info.value)
    assert "geen geldig e-mailadres" in message and "naam@organisatie.nl" in message
    assert all(ch.isprintable() for ch in message)  # the message itself shows no line break


@pytest.mark.parametrize("case", ACCEPTED)
def test_real_addresses_are_accepted(case):
    value, stored = ACCEPTED[case]
    assert check_email(value) == stored


def test_the_person_service_refuses_it_and_saves_nothing(tmp_path):
    database = open_database(tmp_path / "ghnt.db")
    try:
        with pytest.raises(ValidationError), database.session() as session:
            create_person(session, name="Anna de Vries", email=REFUSED["a line feed and a header"])
        with database.session() as session:
            created = create_person(session, name="Anna de Vries", email=" anna@ggd.nl ")
        with database.read_session() as session:
            assert get_person(session, created.id).email == "anna@ggd.nl"
    finally:
        database.close()


def invitation(**fields) -> InvitationData:
    person = Invitee(name=fields.pop("name", "Anna"), email=fields.pop("email", "anna@ggd.nl"))
    values = dict(
        uid="ghnt-1", sequence=0, cancelled=False, title="Afstemmingsoverleg", date=date(2025, 3, 12),
        start_time=time(10), end_time=time(12), location="Stadhuis", online_link="", organizer=person,
        attendees=(person, Invitee(name="Piet", email="piet@ggd.nl")), agenda_lines=("1. Opening",),
    )
    values.update(fields)
    return InvitationData(**values)


@pytest.mark.parametrize("case", REFUSED)
def test_an_invitation_with_an_old_bad_address_is_written_without_it(tmp_path, case):
    """Data from before the check (or an import) holds such an address: the file is still made; the person is
    listed by name and no attendee appears that nobody chose."""
    data = invitation(email=REFUSED[case])
    path = write_ics(data, tmp_path / "uitnodiging.ics")
    calendar = Calendar.from_ical(path.read_bytes())
    event = next(iter(calendar.walk("VEVENT")))
    attendees = event.get("attendee")
    attendees = [str(a) for a in (attendees if isinstance(attendees, list) else [attendees])]
    assert attendees == ["mailto:piet@ggd.nl"]
    assert "Anna" in str(event.get("description"))


text = st.text(st.characters(codec="utf-8", exclude_categories=()) | st.sampled_from("\r\n\t\x00\u2028\"<>;,:@"),
               max_size=40)


@settings(max_examples=200, deadline=None)
@given(name=text, email=text, title=text, location=text, uid=text, line=text)
def test_any_text_in_any_field_gives_a_valid_file(name, email, title, location, uid, line):
    data = invitation(name=name, email=email, title=title, location=location, uid=uid, agenda_lines=(line,))
    raw = build_ics(data)
    decoded = raw.decode("utf-8")
    assert not any(ord(ch) < 32 and ch not in "\r\n\t" for ch in decoded)  # RFC 5545 TEXT allows HTAB
    unfolded = decoded.replace("\r\n ", "")
    attendee_lines = [row for row in unfolded.split("\r\n") if row.startswith("ATTENDEE")]
    assert len(attendee_lines) == (2 if check_email_or_none(email) else 1)
    Calendar.from_ical(raw)  # and it reads back


def check_email_or_none(value: str) -> str | None:
    try:
        return check_email(value) or None
    except ValidationError:
        return None
