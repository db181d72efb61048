"""The actielijst of an earlier meeting: the actions as they stood at that meeting, not as later meetings left them.

A verslag (a concept as much as a vastgesteld one) is the record of its meeting, and says "Stand per <date>".
The status comes from the one rule also used for the end of a report's period (``services.status_at``). Checked
on the demo: whatever happens to its actions later (done, cancelled, postponed, a deadline moved earlier,
"doorgeschoven"), the actielijst of the meeting reads the same; an action made after it is not on it.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from ghnt_desktop.db import open_database
from ghnt_desktop.models import ActionItem, ActionStatus, CarriedAction, Meeting, MeetingKind
from ghnt_desktop.services import documents, minutes
from ghnt_desktop.services.status_at import status_at

TODAY = date(2026, 12, 3)
ARTIFACTS = Path(__file__).parent / "artifacts" / "verslag_as_of"
S = ActionStatus


@pytest.mark.parametrize(
    "reported, later, current, started_as, expected",
    [
        (S.IN_PROGRESS, S.DONE, S.DONE, None, S.IN_PROGRESS),  # the last report up to then
        (S.ON_HOLD, S.CANCELLED, S.CANCELLED, S.NOT_STARTED, S.ON_HOLD),  # a report wins over the start
        (None, S.DONE, S.DONE, None, S.IN_PROGRESS),  # finished later: open then
        (None, S.CANCELLED, S.CANCELLED, None, S.IN_PROGRESS),
        (None, S.ON_HOLD, S.ON_HOLD, None, S.ON_HOLD),
        (None, S.DONE, S.DONE, S.NOT_STARTED, S.NOT_STARTED),  # the change log kept the status before
        (None, None, S.DONE, S.NOT_STARTED, S.DONE),  # never reported: never changed
        (None, None, S.NOT_STARTED, None, S.NOT_STARTED),
    ],
)
def test_the_one_rule_for_a_status_at_a_moment(reported, later, current, started_as, expected):
    assert status_at(reported, later, current, known_before=started_as) == expected


@pytest.fixture(scope="module")
def demo_path(demo_database):
    return demo_database(TODAY)


def _meeting(session, day: date) -> Meeting:
    return session.scalar(select(Meeting).where(Meeting.kind == MeetingKind.AFSTEMMINGSOVERLEG, Meeting.date == day))


def _record(rows) -> dict:
    return {a.id: (a.status, a.deadline, a.deadline_text, a.times_postponed, a.closed_on) for a in rows}


# What happens to an action on the list after the meeting (recorded outside a meeting, today).
LATER = [
    ("done", dict(status=S.DONE)),
    ("cancelled", dict(status=S.CANCELLED)),
    ("postponed", dict(status=S.IN_PROGRESS, new_deadline_days=90)),
    ("deadline earlier", dict(status=S.IN_PROGRESS, new_deadline_days=-10)),
    ("doorgeschoven", dict(status=S.IN_PROGRESS, postpone=True)),
    ("on hold", dict(status=S.ON_HOLD)),
]


@pytest.mark.parametrize("day", [date(2026, 3, 12), date(2026, 6, 11), date(2026, 9, 10)])
def test_later_changes_never_change_the_actielijst_of_a_meeting(demo_path, tmp_path, day):
    """2026-03-12 and 2026-06-11 are vastgesteld in the demo, 2026-09-10 is held with a concept verslag."""
    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_path, copy)
    database = open_database(copy)
    try:
        with database.session() as session:
            meeting = _meeting(session, day)
            verslag = _record(documents.minutes_document(session, meeting.id).action_list)
            stand = documents.action_list_document(session, series_id=meeting.series_id, today=day, include_closed=True)
            listed = _record(a for g in stand.groups for a in g.actions)
            open_then = [i for i, (status, *_rest) in verslag.items() if not status.is_closed]
            assert len(open_then) >= 2, "the demo meeting has open actions on its actielijst"
            when = TODAY  # after everything the demo recorded: a later meeting's news, written down now
            changed = {}
            for n, action_id in enumerate(open_then):
                _name, change = LATER[n % len(LATER)]
                action = session.get(ActionItem, action_id)
                kwargs = {k: v for k, v in change.items() if k != "new_deadline_days"}
                if "new_deadline_days" in change:
                    kwargs["new_deadline"] = (action.deadline or day) + timedelta(days=change["new_deadline_days"])
                minutes.record_progress(session, action_id, on=when, **kwargs)
                changed[action_id] = (action.status, action.deadline, action.times_postponed)
            # Made at a later meeting (and even linked to this one): not on this meeting's actielijst.
            later_meeting = session.scalar(
                select(Meeting).where(Meeting.series_id == meeting.series_id, Meeting.date > day).order_by(Meeting.date)
            )
            new = ActionItem(number="NIEUW-1", text="Later afgesproken", origin_meeting_id=later_meeting.id,
                             status=S.NOT_STARTED, deadline=day + timedelta(days=60))  # fmt: skip
            loose = ActionItem(number="NIEUW-2", text="Later op de actiepagina gezet", status=S.IN_PROGRESS)
            session.add_all([new, loose])
            session.flush()
            session.add(CarriedAction(meeting_id=meeting.id, action_item_id=new.id))
        with database.session() as session:
            after = documents.minutes_document(session, meeting.id)
            again = documents.action_list_document(session, series_id=meeting.series_id, today=day, include_closed=True)
            now = _record(documents.action_list_document(session, series_id=meeting.series_id, include_closed=True)
                          .groups[0].actions)  # fmt: skip
    finally:
        database.close()
    assert _record(after.action_list) == verslag
    assert _record(a for g in again.groups for a in g.actions) == listed
    assert new.id not in _record(after.action_list) and new.id not in listed
    assert loose.id not in _record(a for g in again.groups for a in g.actions)
    # The changes did happen: today's state differs from the record for the actions changed.
    assert any(changed[i] != verslag[i][:2] + (verslag[i][3],) for i in changed)
    assert now  # the list of today still lists actions


@pytest.mark.parametrize("day", [date(2026, 3, 12), date(2026, 6, 11), date(2026, 9, 10)])
def test_an_action_decided_at_the_meeting_had_not_started_then(demo_path, day):
    """The demo makes its actions with their final status and reports in one write, so the change log holds no
    earlier status: the verslag of June showed actions decided that day as "Gereed". Decided at the meeting and
    reported only later, an action had not started at the meeting."""
    from ghnt_desktop.models import ProgressUpdate

    database = open_database(demo_path)
    try:
        with database.session() as session:
            meeting = _meeting(session, day)
            shown = _record(documents.minutes_document(session, meeting.id).action_list)
            decided = session.scalars(select(ActionItem).where(ActionItem.origin_meeting_id == meeting.id)).all()
            checked = 0
            for action in decided:
                reports = session.scalars(select(ProgressUpdate).where(ProgressUpdate.action_item_id == action.id)).all()
                if action.id in shown and reports and all(
                    u.date > day and u.meeting_id != meeting.id for u in reports
                ):
                    assert shown[action.id][0] is S.NOT_STARTED, action.number
                    checked += 1
            assert all(not shown[a.id][0].is_closed or a.closed_on and a.closed_on <= day
                       for a in decided if a.id in shown)  # fmt: skip
    finally:
        database.close()
    assert checked or day == date(2026, 9, 10), "the demo has actions decided at this meeting and reported later"


def test_the_verslag_says_the_day_its_statuses_are_of_and_is_readable(demo_path, tmp_path):
    from docx import Document

    from ghnt_desktop.exports.docx_meeting import export_verslag, stand_per_meeting

    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_path, copy)
    database = open_database(copy)
    try:
        with database.session() as session:
            meeting = _meeting(session, date(2026, 6, 11))
            data = documents.minutes_document(session, meeting.id)
    finally:
        database.close()
    path = tmp_path / "verslag.docx"
    export_verslag(data, path)
    text = [p.text for p in Document(str(path)).paragraphs]
    assert stand_per_meeting(date(2026, 6, 11)) in text
    assert text[text.index("Actielijst") + 1].startswith("Stand per 11 juni 2026")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    pdf = tmp_path / "verslag.pdf"
    assert pdf.exists()
    shown = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Stand per 11 juni 2026" in shown
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(ARTIFACTS / "verslag")], check=True)
