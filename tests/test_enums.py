"""Dutch labels of the domain enums."""

from __future__ import annotations

import pytest

from ghnt_desktop.models import enums
from ghnt_desktop.models.enums import (
    ActionStatus,
    LabelledEnum,
    MeetingKind,
    MeetingState,
    OrganisationKind,
    SectionKind,
)

ALL_ENUMS = [
    cls
    for cls in vars(enums).values()
    if isinstance(cls, type) and issubclass(cls, LabelledEnum) and cls is not LabelledEnum
]


@pytest.mark.parametrize("enum_cls", ALL_ENUMS, ids=lambda cls: cls.__name__)
def test_every_member_has_its_own_label(enum_cls):
    for member in enum_cls:
        assert member.label and member.label != member.value or member.label == "Concept"
    assert len({m.label for m in enum_cls}) == len(enum_cls)


def test_equal_values_in_different_enums_keep_their_own_labels():
    # "cancelled" and "other" occur in several enums; each keeps the label of its own enum.
    assert ActionStatus.CANCELLED.label == "Vervallen"
    assert MeetingState.CANCELLED.label == "Geannuleerd"
    assert OrganisationKind.OTHER.label == "Overig"
    assert SectionKind.OTHER.label == "Overig"
    assert MeetingKind.OTHER.label == "Overig overleg"


def test_from_label_accepts_label_and_value():
    assert ActionStatus.from_label("gereed") is ActionStatus.DONE
    assert ActionStatus.from_label("in_progress") is ActionStatus.IN_PROGRESS
    with pytest.raises(ValueError):
        ActionStatus.from_label("onbekend")


def test_view_kinds_closed_values_match_the_enum():
    from ghnt_desktop.services.action_view import CLOSED_VALUES

    assert CLOSED_VALUES == {s.value for s in ActionStatus if s.is_closed}
