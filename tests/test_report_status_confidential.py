"""The voortgangsrapportage and the voortgangsoverzicht count an action's status and deadlines whatever note they
came with; a vertrouwelijke note leaves out only its texts.

Found comparing the figures of the report with the Overzicht (QA hunt): a vertrouwelijk recorded update that
closed an action was skipped whole, so the report counted the action as still running (and lost a postponement),
while the Overzicht and Acties showed it done. A table of update histories (public and vertrouwelijk, in both
orders, postponed) against the state, the count and the texts shown.
"""

from __future__ import annotations

from datetime import date

import pytest

from ghnt_desktop.models import (
    ActionStatus,
    Ambition,
    Programme,
    ProgrammeAction,
    ProgrammeStatus,
    ProgressUpdate,
    Section,
)
from ghnt_desktop.services.overview import programme_progress
from ghnt_desktop.services.progress_report import progress_overview_document, progress_report_document

D, R, N = ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED
TODAY = date(2026, 6, 30)

# (updates as (month, status, vertrouwelijk, postponed to or None), the action's status now, expected state,
#  texts expected in the report's notes, texts never there)
CASES = [
    pytest.param([(2, R, False, None), (4, D, True, None)], D, "done", ["open-2"], ["geheim-4"], id="closed-in-secret"),
    pytest.param([(2, R, True, None), (4, D, False, None)], D, "done", ["open-4"], ["geheim-2"], id="secret-then-open"),
    pytest.param([(2, D, False, None), (4, R, True, None)], R, "running", [], ["geheim-4"], id="reopened-in-secret"),
    pytest.param([(3, R, True, None)], R, "running", [], ["geheim-3"], id="only-secret"),
    pytest.param([(2, R, False, None), (3, R, False, None)], R, "running", ["open-3"], [], id="all-open"),
    pytest.param(
        [(2, R, False, None), (4, R, True, date(2026, 12, 31))], R, "running", ["open-2"], ["geheim-4"],
        id="postponed-in-secret",
    ),
]  # fmt: skip


@pytest.fixture
def action(session):
    programme = Programme(region="Drenthe", title="Actieprogramma", status=ProgrammeStatus.ACTIVE, period_start=2026)
    line = Section(programme=programme, title="Stoppen en duurzaam oplossen", code="2", position=1)
    ambition = Ambition(section=line, text="Huiselijk geweld stopt sneller", position=1)
    item = ProgrammeAction(
        ambition=ambition, code="S1", text="Werkafspraken maken", position=1, status=N,
        deadline_text="juni 2026", deadline_start=date(2026, 6, 1), deadline_end=date(2026, 8, 31),
    )  # fmt: skip
    session.add_all([programme, line, ambition, item])
    session.flush()
    return programme, item


@pytest.mark.parametrize(("updates", "now", "state", "shown", "hidden"), CASES)
def test_status_counts_through_vertrouwelijke_notes(session, action, updates, now, state, shown, hidden):
    programme, item = action
    for month, status, secret, moved in updates:
        text = f"{'geheim' if secret else 'open'}-{month}"
        session.add(
            ProgressUpdate(
                programme_action_id=item.id, date=date(2026, month, 15), status=status, done_text=text,
                confidential=secret, postponed=moved is not None, new_deadline=moved,
                previous_deadline=date(2026, 8, 31) if moved else None,
            )
        )  # fmt: skip
    item.status = now
    session.flush()

    report = progress_report_document(
        session, programme_id=programme.id, date_from=date(2026, 1, 1), date_to=TODAY, today=TODAY
    )
    (named,) = [a for line in report.lines for a in line.actions]
    assert named.state == state
    assert named.postponed == any(moved for *_x, moved in updates)
    notes = " ".join([named.done_note, named.todo_note, named.latest_note])
    assert all(text in notes for text in shown), notes
    assert not any(text in notes for text in hidden), notes
    assert report.omitted.updates == sum(1 for _m, _s, secret, _p in updates if secret)

    # The report's count agrees with the Overzicht's chart (on hold counts as running there too).
    (overzicht,) = programme_progress(session, TODAY, programme.id)
    by_state = {"done": overzicht.done, "running": overzicht.running + overzicht.on_hold, "late": overzicht.late}
    assert by_state.get(state, overzicht.not_started) == 1

    overview = progress_overview_document(session, programme_id=programme.id, today=TODAY)
    (listed,) = [a for line in overview.lines for a in line.actions]
    assert listed.state == state
    assert not any(text in listed.latest_note for text in hidden)
