"""Several trekker organisations of one action item: linked, filtered on, merged and undone without losing one."""

from __future__ import annotations

from sqlalchemy import select

from ghnt_desktop.models import ActionItem, ActionTrekker, Organisation, OrganisationKind
from ghnt_desktop.services.actions import ActionFilter, list_action_items
from ghnt_desktop.services.minutes import update_action_item
from ghnt_desktop.services.network import merge_organisations, undo_merge_organisations


def _org(session, name: str) -> Organisation:
    organisation = Organisation(name=name, kind=OrganisationKind.GEMEENTE)
    session.add(organisation)
    session.flush()
    return organisation


def _links(session, action_id) -> set[str]:
    query = (
        select(Organisation.name)
        .join(ActionTrekker, ActionTrekker.organisation_id == Organisation.id)
        .where(ActionTrekker.action_item_id == action_id)
    )
    return set(session.scalars(query))


def test_merging_organisations_keeps_every_trekker_link_and_undo_restores_them(session):
    keep, duplicate, other = _org(session, "Gemeente Pekela"), _org(session, "Gem. Pekela"), _org(session, "Veendam")
    both = ActionItem(number="A-1", text="Samen met beide", trekker_text="Pekela, Gem. Pekela")
    only_duplicate = ActionItem(number="A-2", text="Met de dubbele", trekker_text="Gem. Pekela, Veendam")
    session.add_all([both, only_duplicate])
    session.flush()
    update_action_item(session, both.id, trekker_organisation_ids=(keep.id, duplicate.id))
    update_action_item(session, only_duplicate.id, trekker_organisation_ids=(duplicate.id, other.id))
    assert {r.number for r in list_action_items(session, ActionFilter(organisation_id=duplicate.id))} == {"A-1", "A-2"}

    removed = merge_organisations(session, keep.id, duplicate.id)
    assert _links(session, both.id) == {"Gemeente Pekela"}  # linked once, not twice
    assert _links(session, only_duplicate.id) == {"Gemeente Pekela", "Veendam"}
    assert {r.number for r in list_action_items(session, ActionFilter(organisation_id=keep.id))} == {"A-1", "A-2"}

    undo_merge_organisations(session, removed)
    assert _links(session, both.id) == {"Gemeente Pekela", "Gem. Pekela"}
    assert _links(session, only_duplicate.id) == {"Gem. Pekela", "Veendam"}
