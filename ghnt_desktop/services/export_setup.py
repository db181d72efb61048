"""What the export dialog offers, and the Word template chosen per kind (kept with the data).

``export_choices`` reads everything the dialog's pickers list (meetings, series, organisations,
programmes, saved voortgangsrapportages) in one go with column queries, so the dialog opens quickly
even on a database with thousands of meetings. The Word template per document kind is an
``AppSetting`` ``word_template.<kind>`` (``services.documents.template_setting`` reads it; the command
line and the dialog both honour it).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import AppSetting, Meeting, MeetingSeries, Organisation, ProgressReport
from . import ValidationError
from .documents import TEMPLATE_SETTING, template_setting
from .programme import list_programmes

# The Word documents that take a template (the Excel lists have none).
TEMPLATE_KINDS = ("agenda", "verslag", "besluitenlijst", "actielijst", "programma", "voortgang")


@dataclass(frozen=True)
class Choice:
    """One entry of a picker: the id and what the user reads."""

    id: uuid.UUID
    label: str


@dataclass(frozen=True)
class MeetingChoice:
    """A meeting as the export dialog lists it."""

    id: uuid.UUID
    date: date
    title: str
    series_code: str
    series_id: uuid.UUID | None

    @property
    def label(self) -> str:
        return f"{self.date:%d-%m-%Y}  {self.title}"


@dataclass(frozen=True)
class ExportChoices:
    """Everything the export dialog's pickers list."""

    meetings: tuple[MeetingChoice, ...]  # newest first
    series: tuple[Choice, ...]
    organisations: tuple[Choice, ...]
    programmes: tuple[Choice, ...]  # the current programme first
    reports: tuple[Choice, ...]
    templates: dict[str, Path]  # kind -> chosen Word template
    tag_kinds: dict[uuid.UUID, tuple[str, ...]] = field(default_factory=dict)  # programme -> its label kinds
    main_series_id: uuid.UUID | None = None  # the besluitenlijst's series unless the user asks for all

    def meeting(self, meeting_id: uuid.UUID | None) -> MeetingChoice | None:
        return next((m for m in self.meetings if m.id == meeting_id), None)


def export_choices(session: Session) -> ExportChoices:
    """The pickers' contents of the export dialog, read in one session."""
    meetings = tuple(
        MeetingChoice(row[0], row[1], row[2], row[3] or "", row[4])
        for row in session.execute(
            select(Meeting.id, Meeting.date, Meeting.title, MeetingSeries.code, Meeting.series_id)
            .outerjoin(MeetingSeries, Meeting.series_id == MeetingSeries.id)
            .order_by(Meeting.date.desc(), Meeting.start_time.desc(), Meeting.title)
        )
    )
    series = tuple(
        Choice(row[0], row[1])
        for row in session.execute(
            select(MeetingSeries.id, MeetingSeries.name)
            .where(MeetingSeries.archived.is_(False))
            .order_by(func.lower(MeetingSeries.name))
        )
    )
    organisations = tuple(
        Choice(row[0], f"{row[1]} ({row[2]})" if row[2] and row[2] != row[1] else row[1])
        for row in session.execute(
            select(Organisation.id, Organisation.name, Organisation.abbreviation)
            .where(Organisation.merged_into_id.is_(None), Organisation.archived.is_(False))
            .order_by(func.lower(Organisation.name))
        )
    )
    from .programme_scope import current_programme_id
    from .programme_tags import list_tag_kinds

    current = current_programme_id(session)
    listed = sorted(list_programmes(session), key=lambda p: p.id != current)  # stable: the rest keep their order
    programmes = tuple(Choice(p.id, p.display_name) for p in listed)
    tag_kinds = {p.id: tuple(k.name for k in list_tag_kinds(session, p.id)) for p in listed}
    reports = tuple(
        Choice(row[0], f"{row[1]} ({row[2]})" if row[2] else row[1])
        for row in session.execute(
            select(ProgressReport.id, ProgressReport.title, ProgressReport.reference).order_by(
                ProgressReport.report_date.desc().nulls_last(), ProgressReport.title
            )
        )
    )
    templates = {kind: path for kind in TEMPLATE_KINDS if (path := template_setting(session, kind)) is not None}
    from .documents import main_decision_series

    return ExportChoices(
        meetings, series, organisations, programmes, reports, templates, tag_kinds,
        main_decision_series(session, None, None),
    )


def save_template_setting(session: Session, kind: str, path: Path | str | None) -> None:
    """Remember ``path`` as the Word template of ``kind`` (None or empty: back to the standard layout).

    The path is stored as given (absolute); whether it is a usable Word file is checked when a
    document is made (and by ``exports.docx_template.template_problem`` when the user picks it), so a
    template on a network drive that is offline now is not refused here.
    """
    if kind not in TEMPLATE_KINDS:
        raise ValidationError(f"Voor {kind!r} bestaat geen Word-sjabloon; kies uit {', '.join(TEMPLATE_KINDS)}.")
    key = TEMPLATE_SETTING.format(kind=kind)
    value = str(Path(path).expanduser().absolute()) if path else ""
    setting = session.get(AppSetting, key)
    if not value:
        if setting is not None:
            session.delete(setting)
        session.flush()
        return
    if setting is None:
        session.add(AppSetting(key=key, value=value))
    else:
        setting.value = value
    session.flush()
