"""The history dialog for any record: an agenda item's verslag, a person, a programme action, each from the place the
user works on it, read from the change log (also an edit another program made)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from ghnt_desktop.models import Meeting, MeetingState, Person, ProgrammeAction
from ghnt_desktop.services import minutes
from ghnt_desktop.ui.meeting import dialogs

TODAY = date(2026, 12, 3)
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture
def shown(monkeypatch):
    seen: list[dialogs.HistoryDialog] = []
    monkeypatch.setattr(dialogs.HistoryDialog, "exec", lambda dialog: seen.append(dialog) or 0)
    return seen


def test_history_of_a_verslag_a_person_and_a_programme_action(demo_window, qtbot, shown, tmp_path) -> None:
    window = demo_window(TODAY)
    database = window.database
    with database.session() as s:
        meeting = s.scalar(
            select(Meeting).where(Meeting.state != MeetingState.MINUTES_APPROVED).order_by(Meeting.date.desc()).limit(1)
        )
        item = next(i for i in meeting.agenda_items if i.standard_item is None)
        minutes.set_minutes_text(s, item.id, "Het AO bespreekt de scholing; 40 medewerkers getraind.")
        person = s.scalar(select(Person).order_by(Person.name).limit(1))
        person.function = "Aandachtsfunctionaris"
        action = s.scalar(select(ProgrammeAction).order_by(ProgrammeAction.code).limit(1))
        action.deadline_text = "eind 2027"
        ids = (meeting.id, item.id, person.id, action.id)
    meeting_id, item_id, person_id, action_id = ids

    # The verslag of an agenda item, from the minutes tab.
    window.show_page("meetings")
    page = window.page("meetings")
    assert page.select_meeting(meeting_id)
    view = page.meeting
    view.tabs.setCurrentWidget(view.minutes)
    view.minutes.go_to(item_id)
    view.minutes.item_history_button.click()
    rows = shown[-1].rows()
    verslag = [r for r in rows if r[2] == "Verslagtekst"]
    assert verslag and verslag[-1][4] == "Het AO bespreekt de scholing; 40 medewerkers getraind."
    assert verslag[-1][1]  # who
    ARTIFACTS.mkdir(exist_ok=True)
    window.grab().save(str(ARTIFACTS / "minutes_tab_history_button.png"))
    dialog = shown[-1]
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(ARTIFACTS / "history_agenda_item.png"))
    dialog.close()

    # A person, from Organisaties & personen.
    window.show_page("organisations")
    organisations = window.page("organisations")
    with database.read_session() as s:
        organisation_id = s.get(Person, person_id).organisation_id
    assert organisations.select_organisation(organisation_id)
    assert organisations.select_person(person_id)
    assert organisations.person_history_action.isEnabled()
    organisations.person_history_action.trigger()
    assert [r[2:5] for r in shown[-1].rows() if r[2] == "Functie"][-1][2] == "Aandachtsfunctionaris"

    # A programme action, from the Programma page.
    window.show_page("programme")
    programme = window.page("programme")
    assert programme.select_id(action_id)
    programme.history_action.trigger()
    rows = shown[-1].rows()
    assert rows[0][2] == "Aangemaakt"  # the demo made it: the log starts there
    assert [r for r in rows if r[2] == "Deadline (tekst)"][-1][4] == "eind 2027"
