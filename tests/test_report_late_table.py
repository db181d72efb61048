"""The table of late and postponed actions in the voortgangsrapportage says the termijn the lateness counts from.

It showed "klaar: februari 2026" (the deadline as people wrote it) under "Oorspronkelijke termijn", and an action
postponed to a date that had passed too was counted "loopt": late was measured against the first deadline only.
Now late is measured against the deadline in force at the end of the period (the last day of a period written as
text, or the later date of a postponement); the table names that date and the days late counted from it.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from ghnt_desktop.db import open_database
from ghnt_desktop.deadlines import parse_deadline
from ghnt_desktop.dutch_dates import short_date
from ghnt_desktop.exports.docx_report import NO_BREAK_HYPHEN, late_cells
from ghnt_desktop.models import ActionItem, ActionStatus, ProgrammeAction, ProgressUpdate
from ghnt_desktop.services.progress_report import progress_report_document

TODAY = date(2026, 12, 3)
PERIOD = (date(2026, 6, 1), TODAY)
CODE = "E7-2"  # a running programme action of the demo, without linked actiepunten

# (deadline as written, postponed to (date, text) or None, state, deadline in force, original cell, current cell)
CASES = [
    ("klaar: februari 2026", None, "late", date(2026, 2, 28), "februari 2026", "nog niet opnieuw vastgesteld"),
    ("Q1 2026", None, "late", date(2026, 3, 31), "Q1 2026", "nog niet opnieuw vastgesteld"),
    ("15-03-2026", None, "late", date(2026, 3, 15), "15-03-2026", "nog niet opnieuw vastgesteld"),
    ("eind 2026", None, "running", date(2026, 12, 31), "eind 2026", None),  # not due at the end of the period
    ("z.s.m.", None, "running", None, "z.s.m.", None),  # no date: never late, not in the table
    # Postponed to a date that passed before the end of the period: late, counted from the new date.
    ("klaar: februari 2026", (date(2026, 11, 5), ""), "late", date(2026, 11, 5), "februari 2026", "05-11-2026"),
    ("z.s.m.", (date(2026, 10, 27), ""), "late", date(2026, 10, 27), "z.s.m.", "27-10-2026"),
    # Postponed to after the end of the period: not late, in the table as uitgesteld.
    ("Q1 2026", (date(2027, 3, 31), "klaar: maart 2027"), "running", date(2027, 3, 31), "Q1 2026", "maart 2027"),
    ("15-03-2026", (date(2026, 12, 31), "eind 2026"), "running", date(2026, 12, 31), "15-03-2026", "eind 2026"),
]  # fmt: skip


@pytest.fixture(scope="module")
def demo_path(demo_database):
    return demo_database(TODAY)


@pytest.mark.parametrize("written, postponed, state, in_force, original, current", CASES)
def test_late_is_counted_from_the_deadline_in_force_and_the_table_says_it(
    demo_path, tmp_path, written, postponed, state, in_force, original, current
):
    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_path, copy)
    database = open_database(copy)
    try:
        with database.session() as session:
            action = session.scalar(select(ProgrammeAction).where(ProgrammeAction.code == CODE))
            action.deadline_text = written
            action.deadline_end = parse_deadline(written).end
            action.status = ActionStatus.IN_PROGRESS
            session.add(ProgressUpdate(programme_action_id=action.id, date=date(2026, 6, 10), status="in_progress"))
            if postponed is not None:
                item = ActionItem(number="T-1", text="Deelactie", programme_action_id=action.id,
                                  status=ActionStatus.IN_PROGRESS, deadline=postponed[0])  # fmt: skip
                session.add(item)
                session.flush()
                session.add(ProgressUpdate(action_item_id=item.id, date=date(2026, 7, 1), status="in_progress",
                                           postponed=True, previous_deadline=action.deadline_end or date(2026, 6, 30),
                                           new_deadline=postponed[0], new_deadline_text=postponed[1]))  # fmt: skip
        with database.session() as session:
            data = progress_report_document(session, date_from=PERIOD[0], date_to=PERIOD[1], today=TODAY)
    finally:
        database.close()
    named = next(a for line in data.lines for a in line.actions if a.code == CODE)
    assert (named.state, named.deadline_end) == (state, in_force)
    if state == "late":
        assert named.days_late == (TODAY - in_force).days > 0
        assert named.deadline_end < TODAY
    else:
        assert named.days_late == 0
        assert in_force is None or in_force >= TODAY
    in_table = named in data.late_actions
    assert in_table == (state == "late" or postponed is not None)
    if not in_table:
        return
    cells = late_cells(named, data.period_to)
    assert cells[0] == original and "klaar" not in cells[0].casefold()
    assert cells[1] == (current or "nog niet opnieuw vastgesteld")
    if state == "late":
        # The figure and the termijn it counts from, checkable against each other.
        days = named.days_late
        when = short_date(in_force).replace("-", NO_BREAK_HYPHEN)
        assert cells[2] == f"{days} {'dag' if days == 1 else 'dagen'}\n(termijn {when})"
        assert in_force + timedelta(days=days) == data.period_to
    else:
        assert cells[2] == "nee, uitgesteld"
    # The counts in the report agree with the table: every "vertraagd" action is late in the table.
    assert sum(line.counts.late for line in data.lines) == sum(1 for a in data.late_actions if a.state == "late")
