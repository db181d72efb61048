"""Offline capture in the app: a decision or action number given in the offline copy says "(voorlopig)" wherever
the secretaris sees it (the meeting's besluiten and actiepunten, the notulen, the Acties page, the Overzicht), with
a tooltip that says why in the lists; numbers taken along, and every number in a normal database, stay as they are.

Screenshots at 1366x768 go to ``tests/artifacts/offline/``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select
from test_ui_offline import TODAY, settle

from ghnt_desktop.models import AgendaItem
from ghnt_desktop.ui.itemmodels.base import ROW_ROLE
from ghnt_desktop.ui.offline import meeting_options

ARTIFACTS = Path(__file__).parent / "artifacts" / "offline"
MARK = "(voorlopig)"
TIP = "Voorlopig nummer: wordt bij terugzetten definitief"


def _numbers(model, column) -> dict[str, tuple[str, str | None]]:
    """Each row's stored number -> (what the number cell shows, its tooltip)."""
    shown = {}
    for row in range(model.rowCount()):
        index = model.index(row, column)
        number = index.data(ROW_ROLE).number
        shown[number] = (index.data(Qt.ItemDataRole.DisplayRole), index.data(Qt.ItemDataRole.ToolTipRole))
    return shown


def _assert_marked(shown: dict, provisional: set[str]) -> None:
    assert provisional <= set(shown), (provisional, shown)
    for number, (text, tip) in shown.items():
        if number in provisional:
            assert text == f"{number} {MARK}" and tip == TIP, (number, text, tip)
        else:
            assert text == number and MARK not in (tip or ""), (number, text, tip)


def test_numbers_given_offline_say_voorlopig_on_the_meeting_screen_and_the_acties_page(demo_window, qtbot, tmp_path):
    from ghnt_desktop.db import open_database
    from ghnt_desktop.services import minutes as minutes_service
    from ghnt_desktop.services.offline import take_offline

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window = demo_window(TODAY)
    team = window.database
    _options, meeting_id = meeting_options(team, TODAY)
    copy_path = tmp_path / "laptop.db"
    with team.read_session() as session:
        take_offline(session, copy_path, meeting_id, source_label=str(team.path), source_url=str(team.path))
        item_id = session.scalars(
            select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)
        ).all()[2]

    # A meeting in a normal database: nothing provisional.
    window.show_page("meetings")
    page = window.page("meetings")
    assert page.select_meeting(meeting_id)
    assert page.meeting.data.provisional == frozenset()

    copy = open_database(copy_path)
    try:
        decision = copy.write(lambda s: minutes_service.add_decision(s, item_id, "Het AO neemt de werkwijze over."))
        action = copy.write(lambda s: minutes_service.add_action_item(s, item_id, "Werkwijze delen met de gemeenten"))
    finally:
        copy.close()
    assert window.open_database_file(copy_path)
    assert window.offline_banner.isVisible()

    window.show_page("meetings")
    page = window.page("meetings")
    assert page.select_meeting(meeting_id)
    view = page.meeting
    assert view.data.provisional == {decision.id, action.id}

    # Besluiten en acties: the lists of the meeting.
    view.tabs.setCurrentWidget(view.decisions)
    tab = view.decisions
    _assert_marked(_numbers(tab.decisions_model, tab.decisions_model.NUMBER), {decision.number})
    _assert_marked(_numbers(tab.actions_model, tab.actions_model.NUMBER), {action.number})
    settle(qtbot)
    window.grab().save(str(ARTIFACTS / "provisional_decisions_tab.png"))

    # Notuleren: the agenda item's decisions and actions.
    view.tabs.setCurrentWidget(view.minutes)
    minutes = view.minutes
    minutes.item_list.setCurrentRow(next(i for i, line in enumerate(view.data.agenda) if line.item.id == item_id))
    entries = [minutes.decisions.item(i) for i in range(minutes.decisions.count())]
    mine = next(e for e in entries if e.data(Qt.ItemDataRole.UserRole).id == decision.id)
    assert mine.text().startswith(f"{decision.number} {MARK}") and mine.toolTip() == TIP
    assert all(MARK not in e.text() for e in entries if e is not mine)
    _assert_marked(_numbers(minutes.actions_model, minutes.actions_model.NUMBER), {action.number})
    _assert_marked(_numbers(minutes.review_model, minutes.review_model.NUMBER), set())  # taken along: final
    # A decision minuted now, in the copy: its number is provisional from the start.
    minutes.parts.setCurrentWidget(minutes.decisions_page)
    minutes.decision_edit.setFocus()
    qtbot.keyClicks(minutes.decision_edit, "Het AO vraagt de gemeenten om een reactie.")
    qtbot.keyClick(minutes.decision_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    status = window.statusBar().currentMessage()
    assert status.startswith("Besluit ") and status.endswith(f"{MARK} vastgelegd."), status
    assert minutes.decisions.count() == 2
    assert all(minutes.decisions.item(i).text().split("   ")[0].endswith(MARK) for i in range(2))
    minutes.parts.setCurrentWidget(minutes.actions_page)
    settle(qtbot)
    window.grab().save(str(ARTIFACTS / "provisional_minutes_tab.png"))

    # Acties: the whole list, the new action among the ones taken along.
    window.show_page("actions")
    actions_page = window.page("actions")
    qtbot.waitUntil(lambda: actions_page.loaded, timeout=10_000)
    model = actions_page.model
    shown = {}
    for row in range(model.rowCount()):
        index = model.index(row, model.NUMBER)
        number = index.data(ROW_ROLE).number
        shown[number] = (index.data(Qt.ItemDataRole.DisplayRole), index.data(Qt.ItemDataRole.ToolTipRole))
    text, tip = shown[action.number]
    assert text == f"{action.number} {MARK}" and tip == TIP
    assert sum(MARK in text for text, _tip in shown.values()) == 1
    assert actions_page.select_action(action.id.hex)
    assert f"{action.number} {MARK}" in actions_page.detail_title.text()
    settle(qtbot)
    window.grab().save(str(ARTIFACTS / "provisional_actions_page.png"))

    # Overzicht: what changed since the last afstemmingsoverleg lists the new decisions and actions.
    window.show_page("overview")
    overview = window.page("overview")
    qtbot.waitUntil(lambda: overview.overview is not None, timeout=10_000)
    lines = [overview.changes_list.item(i).text() for i in range(overview.changes_list.count())]
    assert any(f"{action.number} {MARK}" in line for line in lines), lines
    assert any(f"{decision.number} {MARK}" in line for line in lines), lines
    assert any("AO-2019-4-A13  " in line for line in lines), lines  # taken along: final, not marked
    settle(qtbot)
    window.grab().save(str(ARTIFACTS / "provisional_overview.png"))
