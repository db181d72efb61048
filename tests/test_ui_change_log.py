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


def test_the_overleg_of_vaststellen_and_the_escalation_choice_show_in_the_history(
    demo_window, qtbot, shown, monkeypatch
) -> None:
    """Both choices are columns of their records: the history dialog shows them from the change log, with who and
    when, like any other change (they were rows of the older history until migration 0016)."""
    from ghnt_desktop.models import Decision, EscalationState
    from ghnt_desktop.ui.meeting.commands import current_user

    window = demo_window(TODAY)
    with window.database.session() as s:
        held = s.scalars(select(Meeting).where(Meeting.state == MeetingState.HELD).order_by(Meeting.date)).first()
        later = s.scalars(
            select(Meeting)
            .where(Meeting.series_id == held.series_id, Meeting.date > held.date)
            .order_by(Meeting.date)
        ).first()
        ids = (held.id, later.id, f"{later.title} ({later.date:%d-%m-%Y})")
    held_id, later_id, later_name = ids
    window.show_page("meetings")
    page = window.page("meetings")
    assert page.select_meeting(held_id)
    view = page.meeting
    assert view.approve(later_id, ask=False)
    view.show_history()
    [row] = [r for r in shown[-1].rows() if r[2] == "Vastgesteld in"]
    assert row[1:5] == [current_user(), "Vastgesteld in", "—", later_name] and row[0]
    ARTIFACTS.mkdir(exist_ok=True)
    dialog = shown[-1]
    dialog.resize(1000, 420)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(ARTIFACTS / "history_meeting_approved_in.png"))
    dialog.close()
    window.undo_stack.undo()  # vaststellen undone: reopened, no longer in that overleg
    view.show_history()
    assert [r[3:5] for r in shown[-1].rows() if r[2] == "Vastgesteld in"] == [["—", later_name], [later_name, "—"]]

    # A vertrouwelijk decision put to the bestuurlijk overleg with its text: the choice in its history.
    assert page.select_meeting(later_id)
    view = page.meeting
    minutes_tab = view.minutes
    view.tabs.setCurrentWidget(minutes_tab)
    minutes_tab.go_to(next(line.item.id for line in view.data.agenda if line.item.standard_item is None))
    minutes_tab.decision_edit.setPlainText("Extra opvangplaatsen voor het gezin Jansen worden gefinancierd.")
    minutes_tab.decision_confidential.setChecked(True)
    assert minutes_tab.add_decision()
    minutes_tab.decisions.setCurrentRow(minutes_tab.decisions.count() - 1)
    monkeypatch.setattr(dialogs, "ask_choice", lambda *args: 1)  # "Tekst op de agenda zetten"
    minutes_tab.escalate_button.click()
    view.tabs.setCurrentWidget(view.decisions)
    view.decisions.decisions.selectRow(view.decisions.decisions.model().rowCount() - 1)
    view.decisions.show_history()
    rows = shown[-1].rows()
    assert [r[1:5] for r in rows if r[2] == "Tekst op agenda bestuurlijk overleg"] == [
        [current_user(), "Tekst op agenda bestuurlijk overleg", "—", "ja"]
    ]
    with window.database.read_session() as s:
        decision = s.scalars(select(Decision).where(Decision.escalation == EscalationState.PROPOSED)).all()[-1]
        assert decision.escalation_text_included is True
    dialog = shown[-1]
    dialog.resize(1000, 420)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(ARTIFACTS / "history_decision_escalation_choice.png"))
    dialog.close()
