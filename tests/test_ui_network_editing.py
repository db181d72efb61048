"""Organisations, people and working groups edited through the GUI on the demo database, with undo."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from ghnt_desktop.models import (
    ActionItem,
    Attendance,
    Organisation,
    Person,
    Responsibility,
    WorkingGroup,
    WorkingGroupMember,
)
from ghnt_desktop.services.network import list_members
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.editors.network import LeaveDialog, MemberDialog, MergeDialog, OrganisationDialog, TakeoverDialog
from ghnt_desktop.ui.itemmodels.network import MemberTableModel, OrganisationTableModel
from ghnt_desktop.ui.mainwindow import MainWindow

TODAY = date(2024, 6, 1)
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def demo_file(demo_database):
    return demo_database(TODAY)


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("ghnt_desktop.ui.undo.show_error", lambda parent, exc: shown.append(str(exc)))
    monkeypatch.setattr("ghnt_desktop.ui.errors.show_error", lambda parent, exc, title=None: shown.append(str(exc)))
    return shown


@pytest.fixture
def answers(monkeypatch):
    asked: list[str] = []

    def confirm(parent, title, text, *, yes=None):
        asked.append(text)
        return True

    monkeypatch.setattr("ghnt_desktop.ui.pages.organisations.confirm", confirm)
    monkeypatch.setattr("ghnt_desktop.ui.pages.working_groups.confirm", confirm)
    return asked


def run_dialog(monkeypatch, dialog_class, fill):
    """Make ``dialog_class.exec`` fill the dialog with ``fill(dialog)`` and press Opslaan, without blocking."""
    seen = []

    def exec_(dialog):
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", exec_)
    return seen


@pytest.fixture
def window(qtbot, tmp_path, demo_file, messages):
    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    win = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_database_file(path)
    win.show_page("organisations")
    yield win
    if win.database is not None:
        win.database.close()


def org_id(window, name):
    with window.database.session() as session:
        return session.scalar(select(Organisation.id).where(Organisation.name == name))


def counts_for(window, organisation_id):
    with window.database.session() as session:
        return (
            session.scalar(select(func.count(Attendance.id)).where(Attendance.organisation_id == organisation_id)),
            session.scalar(
                select(func.count(ActionItem.id)).where(ActionItem.trekker_organisation_id == organisation_id)
            ),
            session.scalar(
                select(func.count(Responsibility.id)).where(Responsibility.organisation_id == organisation_id)
            ),
        )


def test_new_organisation_through_the_dialog_and_undo(window, monkeypatch):
    page = window.page("organisations")
    total = page.organisations.rowCount()

    def fill(dialog):
        dialog.name.setText("Stichting Kompaan")
        dialog.aliases.setPlainText("Kompaan\nKompaan en De Bocht")

    run_dialog(monkeypatch, OrganisationDialog, fill)
    page.new_organisation_action.trigger()
    assert page.organisations.rowCount() == total + 1
    assert page.selected_organisation().name == "Stichting Kompaan"
    assert page.selected_organisation().aliases == ("Kompaan", "Kompaan en De Bocht")
    window.undo_action.trigger()
    assert org_id(window, "Stichting Kompaan") is None
    window.redo_action.trigger()
    assert org_id(window, "Stichting Kompaan") is not None


def test_merge_two_organisations_repoints_everything(window, monkeypatch, qtbot):
    page = window.page("organisations")
    duplicate = org_id(window, "Veilig Thuis (Groningen)")
    before = counts_for(window, duplicate)
    assert all(before)  # the demo has attendance, action items and responsibilities for it

    def fill_new(dialog):
        dialog.name.setText("Veilig Thuis Groningen")

    run_dialog(monkeypatch, OrganisationDialog, fill_new)
    page.new_organisation_action.trigger()
    keep = page.selected_organisation()
    assert keep.name == "Veilig Thuis Groningen"

    previews = []

    def fill_merge(dialog):
        dialog.duplicate.setEditText("Veilig Thuis (Groningen)")
        previews.append(dialog.preview_label.text())
        dialog.grab().save(str(ARTIFACTS / "merge_dialog.png"))

    ARTIFACTS.mkdir(exist_ok=True)
    run_dialog(monkeypatch, MergeDialog, fill_merge)
    page.merge_action.trigger()
    assert "aanwezigheid bij overleggen: " + str(before[0]) in previews[0]
    assert counts_for(window, keep.id) == before
    assert counts_for(window, duplicate) == (0, 0, 0)
    assert "Veilig Thuis (Groningen)" not in [r.name for r in page.organisations.rows()]
    assert page.selected_organisation().id == keep.id
    assert "Veilig Thuis (Groningen)" in page.selected_organisation().aliases

    window.undo_action.trigger()
    assert counts_for(window, duplicate) == before
    assert counts_for(window, keep.id) == (0, 0, 0)
    window.redo_action.trigger()
    assert counts_for(window, keep.id) == before


def test_refused_delete_offers_archive(window, answers, messages, qtbot):
    page = window.page("organisations")
    target = org_id(window, "Gemeente Groningen")
    assert page.select_organisation(target)
    page.organisation_view.setFocus()
    qtbot.keyClick(page.organisation_view, Qt.Key.Key_Delete)
    assert answers and "kan niet worden verwijderd" in answers[0] and "aanwezigheid bij overleggen" in answers[0]
    with window.database.session() as session:
        record = session.get(Organisation, target)
        assert record is not None and record.archived
    assert page.selected_organisation().archived
    assert page.archive_organisation_action.text() == "Terughalen"
    # Deleting the archived one is refused with the Dutch message and changes nothing.
    page.delete_organisation_action.trigger()
    assert messages and "Archiveer in plaats daarvan" in messages[-1]
    window.undo_action.trigger()
    with window.database.session() as session:
        assert not session.get(Organisation, target).archived


def test_unreferenced_organisation_is_deleted_after_confirmation(window, answers, monkeypatch):
    page = window.page("organisations")
    run_dialog(monkeypatch, OrganisationDialog, lambda d: d.name.setText("Tijdelijke partner"))
    page.new_organisation_action.trigger()
    page.delete_organisation_action.trigger()
    assert answers and "Ctrl+Z" in answers[-1]
    assert org_id(window, "Tijdelijke partner") is None
    window.undo_action.trigger()
    assert org_id(window, "Tijdelijke partner") is not None


def test_person_leaves_and_successor_takes_the_seats(window, monkeypatch):
    page = window.page("organisations")
    with window.database.session() as session:
        member = session.scalars(
            select(WorkingGroupMember).where(
                WorkingGroupMember.end.is_(None), WorkingGroupMember.person_id.is_not(None)
            )
        ).first()
        person = session.get(Person, member.person_id)
        person_id, organisation_id, group_id = person.id, person.organisation_id, member.working_group_id
        name = person.name
    assert page.select_organisation(organisation_id) and page.select_person(person_id)

    def fill(dialog):
        dialog.until.setText("30-06-2024")
        dialog.new_name.setText("Noor de Boer")

    run_dialog(monkeypatch, LeaveDialog, fill)
    monkeypatch.setattr(TakeoverDialog, "exec", lambda self: 0)  # the trekker review: "Niet nu"
    page.leave_action.trigger()
    with window.database.session() as session:
        successor = session.scalar(select(Person).where(Person.name == "Noor de Boer"))
        assert successor is not None and successor.organisation_id == organisation_id
        assert session.get(Person, person_id).successor_id == successor.id
        assert session.get(Person, person_id).active_until == date(2024, 6, 30)
        members = {(m.person_name, m.end) for m in list_members(session, group_id)}
    assert (name, date(2024, 6, 30)) in members and ("Noor de Boer", None) in members
    row = next(r for r in page.people.rows() if r.id == person_id)
    assert row.successor_name == "Noor de Boer"
    window.undo_action.trigger()
    with window.database.session() as session:
        assert session.scalar(select(Person).where(Person.name == "Noor de Boer")) is None
        assert session.get(Person, person_id).successor_id is None


def test_working_group_member_with_role_and_period(window, monkeypatch, answers):
    window.show_page("working_groups")
    page = window.page("working_groups")
    group = page.selected_group()
    before = page.members.rowCount()

    def fill(dialog):
        dialog.person.setEditText(dialog.person.itemText(1))
        dialog.role.setCurrentText("adviseur")
        dialog.start.setText("01-01-2024")
        dialog.end.setText("31-12-2025")

    run_dialog(monkeypatch, MemberDialog, fill)
    page.add_member_action.trigger()
    assert page.members.rowCount() == before + 1
    with window.database.session() as session:
        added = session.scalars(
            select(WorkingGroupMember).where(
                WorkingGroupMember.working_group_id == group.id, WorkingGroupMember.role == "adviseur"
            )
        ).one()
        assert (added.start, added.end) == (date(2024, 1, 1), date(2025, 12, 31))
    assert page.selected_member().role == "adviseur"
    page.end_member_action.trigger()
    with window.database.session() as session:
        assert session.get(WorkingGroupMember, added.id).end == TODAY
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert page.members.rowCount() == before


def test_working_group_with_meetings_is_archived_not_deleted(window, answers):
    window.show_page("working_groups")
    page = window.page("working_groups")
    with window.database.session() as session:
        from ghnt_desktop.services.network import working_group_references

        groups = session.scalars(select(WorkingGroup)).all()
        referenced = next(g for g in groups if working_group_references(session, g.id))
        group_id = referenced.id
    assert page.select_group(group_id)
    page.delete_group_action.trigger()
    assert answers and "kan niet worden verwijderd" in answers[0]
    with window.database.session() as session:
        assert session.get(WorkingGroup, group_id).archived


def test_models_pass_the_model_tester(window, qtmodeltester):
    page = window.page("organisations")
    qtmodeltester.check(page.organisations)
    qtmodeltester.check(page.people)
    window.show_page("working_groups")
    members = window.page("working_groups").members
    assert isinstance(members, MemberTableModel) and members.rowCount()
    qtmodeltester.check(members)
    qtmodeltester.check(window.page("working_groups").model)
    tip = page.organisations.index(0, OrganisationTableModel.NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert tip is None or isinstance(tip, str)


def test_screenshot_of_the_organisations_page(window, qtbot):
    page = window.page("organisations")
    page.select_organisation(org_id(window, "Gemeente Groningen"))
    qtbot.wait(50)
    ARTIFACTS.mkdir(exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "organisations.png"))
    window.show_page("working_groups")
    qtbot.wait(50)
    assert window.grab().save(str(ARTIFACTS / "working_groups.png"))


def test_person_leaves_and_successor_takes_over_the_trekker_role_after_review(window, monkeypatch):
    page = window.page("organisations")
    with window.database.session() as session:
        action = session.scalars(
            select(ActionItem)
            .where(ActionItem.trekker_person_id.is_not(None), ActionItem.status.not_in(["done", "cancelled"]))
            .order_by(ActionItem.number)
        ).first()
        person = session.get(Person, action.trekker_person_id)
        person_id, organisation_id = person.id, person.organisation_id
        open_ids = set(
            session.scalars(
                select(ActionItem.id).where(
                    ActionItem.trekker_person_id == person_id, ActionItem.status.not_in(["done", "cancelled"])
                )
            )
        )
    assert page.select_organisation(organisation_id) and page.select_person(person_id)

    def fill(dialog):
        dialog.until.setText("30-06-2024")
        dialog.new_name.setText("Noor de Boer")

    run_dialog(monkeypatch, LeaveDialog, fill)
    reviewed = []

    def review(dialog):
        reviewed.append({dialog.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.list.count())})
        dialog.list.item(0).setCheckState(Qt.CheckState.Unchecked)  # this one stays with the person who left
        return 1

    monkeypatch.setattr(TakeoverDialog, "exec", review)
    page.leave_action.trigger()
    assert reviewed == [open_ids]
    with window.database.session() as session:
        successor = session.scalar(select(Person).where(Person.name == "Noor de Boer"))
        trekkers = {a: session.get(ActionItem, a).trekker_person_id for a in open_ids}
    assert sorted(trekkers.values(), key=str).count(person_id) == 1
    assert list(trekkers.values()).count(successor.id) == len(open_ids) - 1
    window.undo_action.trigger()  # the take-over
    with window.database.session() as session:
        assert {session.get(ActionItem, a).trekker_person_id for a in open_ids} == {person_id}
