"""The voortgangsrapportage and the voortgangsoverzicht grouped by the labels of one kind (issue 18).

Seed 003 reads its programme as actielijnen x processtappen: a bestuurder asks how "signaleren" or the
doelgroep "ouderen" is doing across the actielijnen. The report keeps its chapters per actielijn and adds a
chapter with a section per label; the overview's table is grouped by label instead of by actielijn. An
action with two labels is under both; actions without a label of the kind come last under "Zonder <kind>".
The groups reuse the report's ``ReportPart`` (its counts and the state sentence) and ``NamedAction``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from ..models import ProgressReport
from .documents import find_programme_id
from .programme_tags import action_tags_by_kind, find_tag_kind
from .progress_report import NamedAction, OverviewDocument, ReportLine, ReportPart

# A fixed id for the "Zonder <kind>" group, so the group has an id like the labels' groups.
_UNTAGGED = uuid.UUID(int=0)


@dataclass(frozen=True)
class TagGroups:
    """The actions of a report per label of one kind, in the kind's order, "Zonder <kind>" last."""

    kind: str  # "Processtap", as the region named it
    groups: tuple[ReportPart, ...]  # kind "tag"; title the label's name (or "Zonder processtap")


def tag_groups(session: Session, programme_id: uuid.UUID, kind_name: str, actions: Iterable[NamedAction]) -> TagGroups:
    """``actions`` grouped by their labels of the kind ``kind_name`` (case and spacing as the user types it);
    an unknown kind is refused with the kinds the programme has. Empty labels are left out."""
    kind = find_tag_kind(session, programme_id, kind_name)
    tagged = action_tags_by_kind(session, programme_id)
    unique = list({a.id: a for a in actions}.values())  # an action once per group, in the report's order
    groups = [
        ReportPart("tag", tag.id, tag.name, "",
                   tuple(a for a in unique if tag.name in tagged.get(a.id, {}).get(kind.name, ())))
        for tag in kind.tags
    ]  # fmt: skip
    untagged = tuple(a for a in unique if kind.name not in tagged.get(a.id, {}))
    groups.append(ReportPart("tag", _UNTAGGED, f"Zonder {kind.name.casefold()}", "", untagged))
    return TagGroups(kind.name, tuple(g for g in groups if g.actions))


def overview_by_tag(
    session: Session, programme_id: uuid.UUID, kind_name: str, data: OverviewDocument
) -> OverviewDocument:
    """The voortgangsoverzicht with its table grouped by the labels of ``kind_name`` instead of by actielijn."""
    actions = [a for line in data.lines for a in line.actions]
    grouped = tag_groups(session, programme_id, kind_name, actions)
    lines = tuple(ReportLine(g.id, g.title, "", True, (g,)) for g in grouped.groups)
    return replace(data, title=f"Voortgangsoverzicht per {grouped.kind.casefold()}", lines=lines)


def report_programme_id(session: Session, report_id: uuid.UUID | None, programme_id: uuid.UUID | None) -> uuid.UUID:
    """The programme a voortgangsrapportage is of, as ``progress_report_document`` chooses it: the one asked,
    else that of the saved report, else the current programme."""
    if programme_id is not None:
        return programme_id
    report = session.get(ProgressReport, report_id) if report_id is not None else None
    if report is not None and report.programme_id is not None:
        return report.programme_id
    return find_programme_id(session)
