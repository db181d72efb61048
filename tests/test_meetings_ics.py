"""The meeting invitation as .ics: request, update after a move, cancellation; parsed back with icalendar."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from icalendar import Calendar
from test_meetings_fixtures import World, build_world, new_meeting

from ghnt_desktop.calendar_ics import build_ics, invitation_data, write_ics
from ghnt_desktop.models import AttendanceStatus, Meeting
from ghnt_desktop.services import agenda, meetings


@pytest.fixture
def world(session) -> World:
    return build_world(session)


def _event(ics: bytes):
    calendar = Calendar.from_ical(ics)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == 1
    return calendar, events[0]


def test_request_update_and_cancel(session, world: World, tmp_path) -> None:
    meeting_id = new_meeting(session, world.ao_series, date(2020, 3, 12), "Jaarplan 2021", "Casus (vertrouwelijk)")
    secret = next(r for r in agenda.agenda_items(session, meeting_id) if r.title == "Casus (vertrouwelijk)")
    agenda.update_agenda_item(session, secret.id, confidential=True)
    meetings.set_attendance(
        session, meetings.attendance_list(session, meeting_id)[4].id, AttendanceStatus.EXCUSED
    )  # Eva Mulder afgemeld
    meeting = session.get(Meeting, meeting_id)

    path = write_ics(invitation_data(session, meeting_id), tmp_path / "uitnodiging.ics")
    calendar, event = _event(path.read_bytes())
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == meeting.ics_uid and int(event["SEQUENCE"]) == 0
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime(2020, 3, 12, 13, 30, tzinfo=start.tzinfo) and end - start == timedelta(hours=2)
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert start.utcoffset() == timedelta(hours=1)  # CET in March before the switch
    timezones = [c for c in calendar.walk() if c.name == "VTIMEZONE"]
    assert [str(t["TZID"]) for t in timezones] == ["Europe/Amsterdam"]
    # The VTIMEZONE itself (what Outlook reads) gives winter and summer time right.
    vtimezone = timezones[0].to_tz()
    assert vtimezone.utcoffset(datetime(2020, 3, 12, 13, 30)) == timedelta(hours=1)
    assert vtimezone.utcoffset(datetime(2020, 4, 2, 9, 0)) == timedelta(hours=2)
    assert vtimezone.utcoffset(datetime(2031, 10, 27, 12, 0)) == timedelta(hours=1)
    assert str(event["LOCATION"]) == "Stadhuis Groningen"
    assert str(event["ORGANIZER"]) == "mailto:b.jansen@example.nl"
    assert event["ORGANIZER"].params["CN"] == "Bram Jansen"
    attendees = event["ATTENDEE"]
    emails = sorted(str(a) for a in attendees)
    # Daan Bakker has no e-mail (named in the description); Eva Mulder is afgemeld.
    assert emails == [
        "mailto:a.devries@example.nl", "mailto:b.jansen@example.nl", "mailto:c.smit@example.nl",
        "mailto:f.visser@example.nl",
    ]  # fmt: skip
    description = str(event["DESCRIPTION"])
    assert "1. Opening en vaststellen agenda" in description and "4. Jaarplan 2021 (ter bespreking)" in description
    assert "Casus" not in description and "Vertrouwelijk agendapunt" in description
    assert "Daan Bakker" in description
    assert str(event["STATUS"]) == "CONFIRMED"

    # Moved: same UID, higher sequence, new time.
    meetings.move_meeting(session, meeting_id, date(2020, 4, 2), start_time=time(9, 0), end_time=time(11, 0))
    _calendar, moved = _event(build_ics(invitation_data(session, meeting_id)))
    assert str(moved["UID"]) == meeting.ics_uid and int(moved["SEQUENCE"]) == 1
    assert moved.decoded("DTSTART").replace(tzinfo=None) == datetime(2020, 4, 2, 9, 0)
    assert moved.decoded("DTSTART").utcoffset() == timedelta(hours=2)  # summer time

    # Cancelled: METHOD:CANCEL, STATUS:CANCELLED and a still higher sequence.
    meetings.cancel_meeting(session, meeting_id)
    calendar, cancelled = _event(build_ics(invitation_data(session, meeting_id)))
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 2
    assert str(cancelled["UID"]) == meeting.ics_uid


def test_meeting_without_time_or_email(session, world: World) -> None:
    draft = meetings.MeetingDraft(
        kind=meetings.MeetingKind.OTHER,
        title='Bijeenkomst "netwerk"\n🙂',
        date=date(2020, 11, 18),
        online_link="https://teams.example/abc",
        invitee_person_ids=(world.person["daan"],),
    )
    meeting_id = meetings.create_meeting(session, draft).id
    calendar, event = _event(build_ics(invitation_data(session, meeting_id, organizer_email="ghnt@example.nl")))
    assert event.decoded("DTSTART") == date(2020, 11, 18)
    assert event.decoded("DTEND") == date(2020, 11, 19)
    assert str(event["LOCATION"]) == "https://teams.example/abc"
    assert str(event["ORGANIZER"]) == "mailto:ghnt@example.nl"
    assert "ATTENDEE" not in event
    assert "Daan Bakker" in str(event["DESCRIPTION"])
    assert str(event["SUMMARY"]) == 'Bijeenkomst "netwerk"\n🙂'
