"""Who may do what on a team database, enforced by PostgreSQL: a partner login reads the programme and lists, records
progress on its own action items only, cannot edit a decision, and never receives a vertrouwelijk row; a lezer
writes nothing. Against the throwaway server (PostgreSQL only)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from test_meetings_fixtures import build_world, new_meeting

from ghnt_desktop import storage_errors
from ghnt_desktop.cli import main
from ghnt_desktop.db import open_database
from ghnt_desktop.models import ChangeRecord, ActionItem, ActionStatus, AgendaItem, ChangeLog, Decision, ProgressUpdate
from ghnt_desktop.services import NotFoundError, agenda, minutes
from ghnt_desktop.services.change_log import changes_after
from ghnt_desktop.services.overview import changes_since_last_overleg
from ghnt_desktop.services.confidentiality import confidential_scope
from ghnt_desktop.storage_errors import StorageRefusedError

pytestmark = pytest.mark.postgresql
PASSWORD = "partner-wachtwoord"


@pytest.fixture
def team(postgres_server, monkeypatch):
    """A team database with an open and a vertrouwelijk agenda item, each with a decision and action items; a
    partner login for Carla (Veilig Thuis) and a lezer login."""
    url = postgres_server.fresh_database()
    owner = open_database(url, password=postgres_server.password)
    with owner.session() as s:
        world = build_world(s)
        meeting_id = new_meeting(s, world.ao_series, date(2026, 3, 12), "Scholing", "Casus Veendam")
        items = [r for r in agenda.agenda_items(s, meeting_id) if r.standard_item is None]
        open_item, secret_item = items[0].id, items[1].id
        agenda_row = s.get(AgendaItem, secret_item)
        agenda_row.confidential = True
        decision = minutes.add_decision(s, open_item, "Het AO stemt in met de scholing.").id
        secret_decision = minutes.add_decision(s, secret_item, "Casus wordt opgeschaald.").id
        own = minutes.add_action_item(
            s, open_item, "Scholingsplan opstellen", trekker_person_id=world.person["carla"], deadline=date(2026, 6, 1)
        ).id
        others = minutes.add_action_item(
            s, open_item, "Politie levert cijfers", trekker_person_id=world.person["daan"], deadline=date(2026, 6, 1)
        ).id
        secret_action = minutes.add_action_item(
            s, secret_item, "Gezin bezoeken", trekker_person_id=world.person["carla"], deadline=date(2026, 4, 1)
        ).id
        # Put to the bestuurlijk overleg with its text on that agenda (the user's choice, kept on the decision).
        minutes.mark_for_decision(s, secret_decision, include_confidential_text=True)
        bestuurlijk = new_meeting(s, world.bo_series, date(2026, 4, 2))
    owner.close()
    monkeypatch.setenv("PGPASSWORD", postgres_server.password)
    assert main(["server", "init", "--url", url]) == 0  # the roles, on a database that already has its schema
    monkeypatch.setenv("GHNT_NEW_PASSWORD", PASSWORD)
    assert main(["server", "user", "add", "carla_vt", "--role", "partner", "--person", "Carla Smit", "--url", url]) == 0
    assert main(["server", "user", "add", "lees", "--role", "lezer", "--url", url]) == 0
    monkeypatch.delenv("PGPASSWORD")

    def login(user: str):
        database = open_database(url.replace("postgres@", f"{user}@"), password=PASSWORD, create=False)
        storage_errors.install(database.engine)  # as the app's window does (opening.py)
        return database

    ids = dict(
        open_item=open_item, secret_item=secret_item, decision=decision, secret_decision=secret_decision,
        own=own, others=others, secret_action=secret_action, bestuurlijk=bestuurlijk,
    )  # fmt: skip
    opened = []

    def opener(user: str):
        database = login(user)
        opened.append(database)
        return database

    yield opener, ids, url
    for database in opened:
        database.close()
    postgres_server.drop_database(url)


def test_a_partner_cannot_edit_a_decision_and_is_told_so_in_dutch(team) -> None:
    login, ids, _url = team
    partner = login("carla_vt")
    with pytest.raises(StorageRefusedError) as refused, partner.session() as s:
        minutes.update_decision(s, ids["decision"], text="Gewijzigd door een partner")
    assert refused.value.reason == "rights"
    assert "geen rechten" in str(refused.value) and "Er is niets gewijzigd" in str(refused.value)
    with partner.read_session() as s:
        assert s.get(Decision, ids["decision"]).text == "Het AO stemt in met de scholing."


def test_a_partner_records_progress_on_its_own_action_only(team, postgres_server) -> None:
    login, ids, url = team
    partner = login("carla_vt")
    with partner.session() as s:
        minutes.record_progress(
            s, ids["own"], status=ActionStatus.IN_PROGRESS, done_text="Concept klaar", on=date(2026, 3, 20)
        )
    # Another trekker's action: refused by the database. A vertrouwelijk action (even her own): never sent to the
    # partner, so the app does not find it.
    with pytest.raises(StorageRefusedError) as refused, partner.session() as s:
        minutes.record_progress(s, ids["others"], status=ActionStatus.DONE, done_text="Klaar", on=date(2026, 3, 20))
    assert refused.value.reason == "rights"
    with pytest.raises(NotFoundError), partner.session() as s:
        minutes.record_progress(s, ids["secret_action"], status=ActionStatus.DONE, on=date(2026, 3, 20))
    with partner.read_session() as s:
        updates = list(s.scalars(select(ProgressUpdate)))
        assert [(u.action_item_id, u.done_text) for u in updates] == [(ids["own"], "Concept klaar")]
        assert s.get(ActionItem, ids["own"]).status is ActionStatus.IN_PROGRESS
        assert s.get(ActionItem, ids["others"]).status is not ActionStatus.DONE
    # The change log names the partner's login.
    owner = open_database(url, password=postgres_server.password)
    with owner.read_session() as s:
        logged = [c for c in changes_after(s, 0) if c.table == "progress_update"]
    owner.close()
    assert [c.changed_by for c in logged] == ["carla_vt"]


def test_a_partner_and_a_lezer_never_receive_vertrouwelijk_rows(team, postgres_server) -> None:
    login, ids, url = team
    owner = open_database(url, password=postgres_server.password)
    with owner.read_session() as s:
        scope = confidential_scope(s)
        escalated = s.get(Decision, ids["secret_decision"])
        assert escalated.escalation_text_included is True  # the text went to the bestuurlijk overleg, by choice
        assert "opgeschaald" in s.get(AgendaItem, escalated.escalation_agenda_item_id).title
        assert escalated.escalation_agenda_item_id in scope.agenda_items
        all_decisions = set(s.scalars(select(Decision.id)))
        all_actions = set(s.scalars(select(ActionItem.id)))
        all_items = set(s.scalars(select(AgendaItem.id)))
    owner.close()
    assert ids["secret_decision"] in scope.decisions and ids["secret_action"] in scope.action_items
    for user in ("carla_vt", "lees"):
        with login(user).read_session() as s:
            decisions = set(s.scalars(select(Decision.id)))
            actions = set(s.scalars(select(ActionItem.id)))
            items = set(s.scalars(select(AgendaItem.id)))
            titles = " ".join(s.scalars(select(AgendaItem.title)))
            bodies = " ".join(s.connection().exec_driver_sql("SELECT body FROM search_document").scalars())
        assert decisions == all_decisions - scope.decisions
        assert actions == all_actions - scope.action_items
        assert items == all_items - scope.agenda_items
        assert "opgeschaald" not in bodies + titles and "Gezin bezoeken" not in bodies
        assert "Scholingsplan" in bodies
        # The history follows the record: a partner reads the log of what it may read, nothing of the rest.
        with login(user).read_session() as s:
            logged = changes_after(s, 0)
            older = list(s.scalars(select(ChangeRecord)))
            summary = changes_since_last_overleg(s, date(2026, 3, 20))
        logged_ids = {c.record_id for c in logged}
        assert str(ids["decision"]) in logged_ids and str(ids["own"]) in logged_ids
        hidden = {str(i) for i in scope.decisions | scope.action_items | scope.agenda_items}
        assert not logged_ids & hidden
        assert not {r.entity_id for r in older} & (scope.decisions | scope.action_items)
        assert "opgeschaald" not in repr(logged) + repr(older) + repr(summary)


def test_a_lezer_writes_nothing(team) -> None:
    login, ids, _url = team
    reader = login("lees")
    with pytest.raises(StorageRefusedError) as refused, reader.session() as s:
        minutes.record_progress(s, ids["own"], status=ActionStatus.DONE, done_text="Klaar", on=date(2026, 3, 20))
    assert refused.value.reason == "rights"


def test_user_add_refuses_an_unknown_person_and_a_short_password(team, postgres_server, monkeypatch, capsys) -> None:
    _login, _ids, url = team
    monkeypatch.setenv("PGPASSWORD", postgres_server.password)
    monkeypatch.setenv("GHNT_NEW_PASSWORD", PASSWORD)
    assert main(["server", "user", "add", "x", "--role", "partner", "--person", "Niemand", "--url", url]) == 2
    assert "niet gevonden" in capsys.readouterr().out
    monkeypatch.setenv("GHNT_NEW_PASSWORD", "kort")
    assert main(["server", "user", "add", "x", "--role", "lezer", "--url", url]) == 2
    assert "minstens 8 tekens" in capsys.readouterr().out


def test_a_partner_in_the_app_sees_the_pages_and_a_refused_edit_in_dutch(team, qtbot, monkeypatch, tmp_path) -> None:
    from test_ui_team_database import answer_dialogs

    from ghnt_desktop.engines import ServerAddress
    from ghnt_desktop.settings import Settings
    from ghnt_desktop.ui.mainwindow import MainWindow
    from ghnt_desktop.ui.undo import edit_command, push

    _login, ids, url = team
    address = ServerAddress.parse(url.replace("postgres@", "carla_vt@"))
    window = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: date(2026, 3, 20))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    partner = ServerAddress(address.host, address.port, address.database, "carla_vt", "disable")
    answer_dialogs(monkeypatch, [(partner, PASSWORD)], [])
    texts: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda box: texts.append(box.text()) or 0)
    try:
        assert window.connect_team_database()
        for key in ("overview", "programme", "meetings", "actions", "organisations"):
            window.show_page(key)  # every page reads without a refusal
        assert texts == []
        def change(session, decision_id):
            return minutes.update_decision(session, decision_id, text="Door partner")

        assert not push(window, edit_command(window, "Besluit wijzigen", change, ids["decision"]))
        assert texts and "geen rechten" in texts[-1] and "Er is niets gewijzigd" in texts[-1]
    finally:
        window._close_current()


def test_a_lezer_takes_a_meeting_offline_without_its_vertrouwelijk_rows(team, postgres_server, tmp_path) -> None:
    """Offline capture reads through the login: the copy holds what the lezer may read (the roles decide, as for
    every read), and what only refers to a vertrouwelijk row is left out so the copy's foreign keys hold."""
    from ghnt_desktop.models import CarriedAction
    from ghnt_desktop.services.offline import take_offline

    login, ids, url = team
    owner = open_database(url, password=postgres_server.password)
    with owner.session() as s:  # a link row the roles do not hide, to a vertrouwelijk action
        meeting_id = s.get(AgendaItem, ids["open_item"]).meeting_id
        s.add(CarriedAction(meeting_id=meeting_id, action_item_id=ids["secret_action"]))
        s.add(CarriedAction(meeting_id=meeting_id, action_item_id=ids["others"]))
    with owner.read_session() as s:
        scope = confidential_scope(s)
    owner.close()
    lezer = login("lees")
    with lezer.read_session() as s:
        take_offline(s, tmp_path / "lezer.db", meeting_id, source_label="team")
    copy = open_database(tmp_path / "lezer.db", create=False)
    try:
        with copy.read_session() as s:
            actions = set(s.scalars(select(ActionItem.id)))
            items = set(s.scalars(select(AgendaItem.id)))
            decisions = set(s.scalars(select(Decision.id)))
            carried = set(s.scalars(select(CarriedAction.action_item_id)))
            bodies = " ".join(s.connection().exec_driver_sql("SELECT body FROM search_index").scalars())
    finally:
        copy.close()
    assert {ids["own"], ids["others"]} <= actions and ids["open_item"] in items and ids["decision"] in decisions
    assert not actions & scope.action_items and not items & scope.agenda_items and not decisions & scope.decisions
    assert carried == {ids["others"]}
    assert "Gezin bezoeken" not in bodies and "opgeschaald" not in bodies and "Scholingsplan" in bodies


def test_a_lezer_takes_the_whole_database_offline_without_its_vertrouwelijk_rows(team, postgres_server, tmp_path):
    from ghnt_desktop.models import CarriedAction
    from ghnt_desktop.services.offline import take_offline

    login, ids, url = team
    owner = open_database(url, password=postgres_server.password)
    with owner.session() as s:
        meeting_id = s.get(AgendaItem, ids["open_item"]).meeting_id
        s.add(CarriedAction(meeting_id=meeting_id, action_item_id=ids["secret_action"]))
    owner.close()
    with login("lees").read_session() as s:
        take_offline(s, tmp_path / "alles.db", None, source_label="team")
    copy = open_database(tmp_path / "alles.db", create=False)
    try:
        with copy.read_session() as s:
            actions = set(s.scalars(select(ActionItem.id)))
            assert not s.scalars(select(CarriedAction)).all()
    finally:
        copy.close()
    assert ids["own"] in actions and ids["secret_action"] not in actions
