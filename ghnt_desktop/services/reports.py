"""Saved voortgangsrapportages: their metadata (kenmerk, versie, datum, contactpersoon) and the editable texts.

The Word export (``exports/docx_report.py``) reads a saved report by id; these services let the user create,
edit and delete one. Like the meeting services they save in the caller's session (never commit) and return
what undo needs: a ``Created`` (undo with ``delete_report``), an ``Edit`` whose ``before`` holds the previous
values (undo by calling ``update_report`` with them) or a ``Removed`` snapshot (undo with ``restore_removed``).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Programme, ProgressReport
from . import Changes, NotFoundError, ValidationError
from .meetings import Created, Edit, Removed, clean_text, snapshot
from .versions import versioned

__all__ = [
    "FIELDS",
    "FIGURES_OMIT",
    "OTHER_ACTIVITIES",
    "READING_GUIDE",
    "SUMMARY",
    "ReportDetail",
    "ReportRow",
    "create_report",
    "delete_report",
    "get_report",
    "list_reports",
    "part_key",
    "update_report",
]

#: The editable fields, in the order the dialog shows them.
FIELDS = (
    "title",
    "programme_id",
    "reference",
    "version",
    "report_date",
    "contact_person",
    "contact_email",
    "period_from",
    "period_to",
    "introduction",
    "conclusion",
    "outlook",
    "sources",
    "texts",
)

# The free texts of a report beyond inleiding, conclusie and vooruitblik, kept in ``ProgressReport.texts``.
SUMMARY = "summary"  # Actieprogramma in het kort
READING_GUIDE = "reading_guide"  # Leeswijzer
OTHER_ACTIVITIES = "other_activities"  # Overige activiteiten
FIGURES_OMIT = "figures_omit"  # "1": the report leaves out the Cijfers chapter and the indicators per actielijn
_GENERAL_TEXTS = {SUMMARY: "Het actieprogramma in het kort", READING_GUIDE: "De leeswijzer",
                  OTHER_ACTIVITIES: "De overige activiteiten"}  # fmt: skip
# Per actielijn (a section of the programme) and per ambition: a short title, a narrative, and "1" when the
# user leaves the part out of the report.
PART_KINDS = ("section", "ambition")
PART_FIELDS = {"title": ("De korte titel", 200), "narrative": ("De toelichting", 20_000), "omit": ("Weglaten", 1)}
_PART_KEY = re.compile(r"^(section|ambition):([0-9a-f]{32}):(title|narrative|omit)$")

# Loose on purpose: one @, something before it, a dot after it, no spaces. Mail servers decide the rest.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# (label, maximum length) of the text fields; the lengths are the model's column sizes.
_TEXTS: dict[str, tuple[str, int | None]] = {
    "title": ("De titel", 300),
    "reference": ("Het kenmerk", 100),
    "version": ("De versie", 40),
    "contact_person": ("De contactpersoon", 200),
    "contact_email": ("Het e-mailadres", 320),
    "introduction": ("De inleiding", None),
    "conclusion": ("De conclusie", None),
    "outlook": ("Het vooruitzicht", None),
}


def part_key(kind: str, part_id: uuid.UUID, field: str) -> str:
    """The key in ``texts`` of ``field`` ("title", "narrative" or "omit") of an actielijn or ambition."""
    if kind not in PART_KINDS or field not in PART_FIELDS:
        raise ValueError(f"unknown report part {kind!r} {field!r}")
    return f"{kind}:{part_id.hex}:{field}"


_DATES = {"report_date": "De datum", "period_from": "Het begin van de periode", "period_to": "Het einde van de periode"}


@dataclass(frozen=True)
class ReportRow:
    """One saved report as the list shows it."""

    id: uuid.UUID
    title: str
    reference: str
    version: str
    report_date: date | None

    @property
    def label(self) -> str:
        return f"{self.title} ({self.reference})" if self.reference else self.title


@dataclass(frozen=True)
class ReportDetail:
    """Every field of a saved report."""

    id: uuid.UUID
    title: str
    programme_id: uuid.UUID | None
    reference: str
    version: str
    report_date: date | None
    contact_person: str
    contact_email: str
    period_from: date | None
    period_to: date | None
    introduction: str
    conclusion: str
    outlook: str
    sources: tuple[str, ...]
    texts: dict[str, str] = field(default_factory=dict)

    def text(self, key: str) -> str:
        """One of the free texts (``SUMMARY``, ``part_key(...)``); empty when not written."""
        return self.texts.get(key, "")

    def values(self) -> dict[str, Any]:
        """The fields as keyword arguments for ``create_report``/``update_report`` (sources as a list)."""
        result = {name: getattr(self, name) for name in FIELDS}
        result["sources"] = list(self.sources)
        result["texts"] = dict(self.texts)
        return result


def list_reports(session: Session) -> list[ReportRow]:
    """The saved reports, newest report date first (undated last), then by title."""
    rows = session.execute(
        select(
            ProgressReport.id,
            ProgressReport.title,
            ProgressReport.reference,
            ProgressReport.version,
            ProgressReport.report_date,
        ).order_by(ProgressReport.report_date.desc().nulls_last(), func.lower(ProgressReport.title))
    )
    return [ReportRow(*row) for row in rows]


def _detail(report: ProgressReport) -> ReportDetail:
    return ReportDetail(
        id=report.id,
        title=report.title,
        programme_id=report.programme_id,
        reference=report.reference or "",
        version=report.version or "",
        report_date=report.report_date,
        contact_person=report.contact_person or "",
        contact_email=report.contact_email or "",
        period_from=report.period_from,
        period_to=report.period_to,
        introduction=report.introduction or "",
        conclusion=report.conclusion or "",
        outlook=report.outlook or "",
        sources=tuple(report.sources or ()),
        texts={str(k): str(v) for k, v in dict(report.texts or {}).items()},
    )


def _report(session: Session, report_id: uuid.UUID) -> ProgressReport:
    report = session.get(ProgressReport, report_id)
    if report is None:
        raise NotFoundError("Deze voortgangsrapportage bestaat niet (meer).")
    return report


def get_report(session: Session, report_id: uuid.UUID) -> ReportDetail:
    """Every field of one saved report; ``NotFoundError`` when it was deleted."""
    return _detail(_report(session, report_id))


def _clean_sources(value: Iterable[str] | str | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.splitlines()
    result = []
    for line in value:
        text = clean_text(line, label="Een bron", max_length=1000)
        if text:
            result.append(text)
    return result


def _clean_texts(value: dict[str, str] | None) -> dict[str, str]:
    """The free texts, checked per key; empty texts are dropped so a default is written in their place."""
    result: dict[str, str] = {}
    for key, text in (value or {}).items():
        if key == FIGURES_OMIT:
            if text not in ("", "0", "1"):
                raise TypeError(f"{FIGURES_OMIT} is '1' or empty, not {text!r}")
            if text == "1":
                result[key] = "1"
            continue
        if key in _GENERAL_TEXTS:
            label, limit = _GENERAL_TEXTS[key], 20_000
        else:
            match = _PART_KEY.match(str(key))
            if match is None:
                raise TypeError(f"unknown report text {key!r}")
            label, limit = PART_FIELDS[match.group(3)]
            if match.group(3) == "omit":
                if text not in ("", "0", "1"):
                    raise TypeError(f"omit is '1' or empty, not {text!r}")
                if text == "1":
                    result[key] = "1"
                continue
            if match.group(3) == "title" and isinstance(text, str):
                text = " ".join(text.split())  # a heading: one line
        cleaned = clean_text(text if text is not None else "", label=label, max_length=limit)
        if cleaned:
            result[key] = cleaned
    return result


def _clean(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise the given fields; unknown names are a programming error."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown report fields: {sorted(unknown)}")
    cleaned: dict[str, Any] = {}
    for name, value in values.items():
        if name in _TEXTS:
            label, limit = _TEXTS[name]
            cleaned[name] = clean_text(value or "", label=label, required=name == "title", max_length=limit)
        elif name in _DATES:
            if value is not None and not isinstance(value, date):
                raise ValidationError(f"{_DATES[name]} is geen datum.")
            cleaned[name] = value
        elif name == "sources":
            cleaned[name] = _clean_sources(value)
        elif name == "texts":
            cleaned[name] = _clean_texts(value)
        elif name == "programme_id":
            if value is not None and session.get(Programme, value) is None:
                raise ValidationError("Het gekozen actieprogramma bestaat niet (meer).")
            cleaned[name] = value
    email = cleaned.get("contact_email")
    if email and not _EMAIL.match(email):
        raise ValidationError(f'"{email}" is geen geldig e-mailadres (bijvoorbeeld naam@gemeente.nl).')
    return cleaned


def _check_period(period_from: date | None, period_to: date | None) -> None:
    if period_from is not None and period_to is not None and period_from > period_to:
        raise ValidationError(
            f"De periode begint ({period_from:%d-%m-%Y}) na het einde ({period_to:%d-%m-%Y}); "
            "kies een begindatum die voor de einddatum ligt."
        )


def _running_programme_id(session: Session) -> uuid.UUID | None:
    from .documents import find_programme_id

    try:
        return find_programme_id(session)
    except NotFoundError:
        return None


def create_report(session: Session, **values: Any) -> Created:
    """Save a new report; ``title`` is required, ``programme_id`` defaults to the running programme."""
    values.setdefault("title", "")
    cleaned = _clean(session, values)
    if "programme_id" not in values:
        cleaned["programme_id"] = _running_programme_id(session)
    _check_period(cleaned.get("period_from"), cleaned.get("period_to"))
    cleaned.setdefault("version", "1.0")
    report = ProgressReport(**cleaned)
    session.add(report)
    session.flush()
    return Created(id=report.id, changes=Changes())


@versioned(
    ProgressReport, lambda report: f"Voortgangsrapportage {report.title}",
    labels={"introduction": "Inleiding", "conclusion": "Conclusie", "outlook": "Vooruitblik", "sources": "Bronnen"},
)
def update_report(session: Session, report_id: uuid.UUID, **values: Any) -> Edit:
    """Change the given fields; ``Edit.before`` holds the previous values of the fields that changed."""
    report = _report(session, report_id)
    cleaned = _clean(session, values)
    _check_period(cleaned.get("period_from", report.period_from), cleaned.get("period_to", report.period_to))
    before: dict[str, Any] = {}
    for name, value in cleaned.items():
        old = getattr(report, name)
        if name == "sources":
            old = list(old or [])
        elif name == "texts":
            old = dict(old or {})
        if old != value:
            before[name] = old
            setattr(report, name, value)
    session.flush()
    return Edit(id=report.id, changes=Changes(), before=before)


def delete_report(session: Session, report_id: uuid.UUID) -> Removed:
    """Delete a saved report; ``restore_removed`` puts it back with the same id."""
    report = _report(session, report_id)
    row = snapshot(report)
    row[1]["sources"] = list(row[1].get("sources") or [])  # a copy: the snapshot must not share the list
    row[1]["texts"] = dict(row[1].get("texts") or {})
    session.delete(report)
    session.flush()
    return Removed(changes=Changes(), rows=(row,))
