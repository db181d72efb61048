"""Per-gemeente follow-up: which actions "Alle gemeenten" carry, the matrix, setting and undoing a cell."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ghnt_desktop.models import (
    ActionStatus,
    Ambition,
    LocalStatus,
    Organisation,
    OrganisationKind,
    Programme,
    ProgrammeAction,
    Responsibility,
    ResponsibilityRole,
    Section,
)
from ghnt_desktop.services import NotFoundError, ValidationError
from ghnt_desktop.services.actions import PROGRAMME
from ghnt_desktop.services.local_status import local_status_matrix, set_local_status, undo_local_status


@pytest.fixture
def data(session):
    groningen = Organisation(name="Gemeente Groningen", kind=OrganisationKind.GEMEENTE)
    veendam = Organisation(name="Gemeente Veendam", kind=OrganisationKind.GEMEENTE)
    old = Organisation(name="Gemeente Appingedam", kind=OrganisationKind.GEMEENTE, archived=True)
    vt = Organisation(name="Veilig Thuis Groningen", kind=OrganisationKind.KETENPARTNER, abbreviation="VT")
    politie = Organisation(name="Politie Noord-Nederland", kind=OrganisationKind.POLITIE_JUSTITIE)
    programme = Programme(region="Groningen", title="Actieprogramma")
    line = Section(programme=programme, title="Eerder en beter in beeld", position=1)
    shared = Ambition(section=line, text="Signaleren", position=1)
    shared.responsibilities = [
        Responsibility(role=ResponsibilityRole.RESPONSIBLE, label="Alle gemeenten"),
        Responsibility(role=ResponsibilityRole.TREKKER, label="Veilig Thuis", organisation=vt),
    ]
    inherited = ProgrammeAction(ambition=shared, text="Meldcode invoeren", code="E1-1", position=1)
    override = ProgrammeAction(
        ambition=shared, text="Politie traint", code="E1-2", position=2, overrides_responsibility=True
    )
    override.own_responsibilities = [Responsibility(role=ResponsibilityRole.TREKKER, label="Politie")]
    own = Ambition(section=line, text="Politie", position=2)
    own_action = ProgrammeAction(ambition=own, text="Eigen actie", code="E2-1")
    own_action.own_responsibilities = [Responsibility(role=ResponsibilityRole.TREKKER, label="Alle gemeenten")]
    own_action.overrides_responsibility = True
    session.add_all([groningen, veendam, old, vt, politie, programme])
    session.flush()
    return {
        "groningen": groningen,
        "veendam": veendam,
        "vt": vt,
        "politie": politie,
        "inherited": inherited,
        "override": override,
        "own": own_action,
        "old": old,
    }


def test_matrix_rows_and_columns(session, data):
    matrix = local_status_matrix(session)
    assert [a.number for a in matrix.actions] == ["E1-1", "E2-1"]  # the override drops "Alle gemeenten"
    names = [o.short_name for o in matrix.organisations]
    assert names == ["Groningen", "Veendam", "VT"]  # archived gemeente left out; partner named beside it
    assert matrix.cells == {}


def test_set_status_undo_and_clear(session, data):
    action, org = data["inherited"], data["veendam"]
    edit = set_local_status(session, PROGRAMME, action.id, org.id, "in_progress", note="Start in september")
    assert edit.before_status is None
    row = session.scalar(select(LocalStatus).where(LocalStatus.organisation_id == org.id))
    assert (row.status, row.note) == (ActionStatus.IN_PROGRESS, "Start in september")
    second = set_local_status(session, PROGRAMME, action.id, org.id, ActionStatus.DONE)
    assert (second.before_status, second.before_note) == (ActionStatus.IN_PROGRESS, "Start in september")
    matrix = local_status_matrix(session)
    assert matrix.cell(action.id, org.id).status == ActionStatus.DONE
    assert matrix.counts(action.id) == {ActionStatus.DONE: 1}
    undo_local_status(session, second)
    assert local_status_matrix(session).cell(action.id, org.id).status == ActionStatus.IN_PROGRESS
    undo_local_status(session, edit)
    assert session.scalar(select(LocalStatus)) is None


def test_reported_partner_and_action_stay_visible(session, data):
    set_local_status(session, PROGRAMME, data["override"].id, data["politie"].id, "done")
    matrix = local_status_matrix(session)
    assert "E1-2" in [a.number for a in matrix.actions]
    assert data["politie"].id in [o.id for o in matrix.organisations]


def test_bad_input_is_refused(session, data):
    with pytest.raises(ValidationError):
        set_local_status(session, PROGRAMME, data["inherited"].id, data["veendam"].id, "half klaar")
    with pytest.raises(ValidationError):
        set_local_status(session, "iets", data["inherited"].id, data["veendam"].id, "done")
    with pytest.raises(NotFoundError):
        set_local_status(session, PROGRAMME, data["veendam"].id, data["veendam"].id, "done")
    edit = set_local_status(session, PROGRAMME, data["own"].id, data["groningen"].id, "done", note="🌷 ‫שלום‬\x00")
    assert "\x00" not in session.get(LocalStatus, session.scalar(select(LocalStatus.id))).note
    assert edit.changes.actions
