"""Vergaderstukken: the meeting pack and an e-mail draft (.eml) to the invitees, ready to edit and send.

``make_meeting_pack`` writes one ``.eml`` holding

* the agenda of the meeting, the verslag of the previous meeting of the same series (the last one held
  before it) and the series' open actielijst, each made through ``exports.jobs.run_export`` and, when
  LibreOffice is installed, converted to PDF/A in one LibreOffice run (``exports.pdf``), else as .docx;
* the stukken stored with the agenda items (``services.stored_documents``), as they were stored, except those
  of a vertrouwelijk item;
* the meeting's invitation (.ics, ``calendar_ics.build_ics``), so the appointment can go into the calendar;
* To: the invitees with an e-mail address (guests for one agenda item in Cc); the names without an address
  are listed in a note to the sender at the top of the body, with what was left out as vertrouwelijk.

Every document is made WITHOUT confidential content (``include_confidential`` is never passed; the rule
is ``services.confidentiality``'s) and the body says what was left out. The message carries
``X-Unsent: 1``, so Outlook opens it as a draft to edit and send; the app itself sends nothing.
No Qt: the meeting view runs this in a worker thread.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .docx_errors import ExportError

if TYPE_CHECKING:
    from ..db import Database

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
PDF_TYPE = ("application", "pdf")
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


class PackError(ExportError):
    """The vergaderstukken could not be made; ``str(exc)`` says why and what to do, in Dutch."""


@dataclass(frozen=True)
class PackAttachment:
    filename: str
    what: str  # Dutch: "Uitnodiging en agenda", ...
    size: int


@dataclass(frozen=True)
class PackOutcome:
    """What ``make_meeting_pack`` wrote."""

    path: Path
    subject: str
    recipients: tuple[str, ...]  # the addresses in To and Cc
    without_address: tuple[str, ...]  # invitees listed in the body by name only
    attachments: tuple[PackAttachment, ...]
    as_pdf: bool
    pdf_note: str = ""  # Dutch: why the documents are .docx (LibreOffice missing); empty when PDF
    left_out: tuple[str, ...] = ()  # Dutch, per document: what was left out because it is vertrouwelijk
    pdf_seconds: float | None = None


@dataclass(frozen=True)
class _Plan:
    meeting_id: uuid.UUID
    title: str
    code: str
    date: dt.date
    series_id: uuid.UUID | None
    previous_id: uuid.UUID | None
    previous_date: dt.date | None
    ics: bytes
    invitation_left_out: str
    to: tuple[tuple[str, str], ...]
    cc: tuple[tuple[str, str], ...]
    without_address: tuple[str, ...]
    organizer: tuple[str, str] | None
    when: str  # Dutch: "donderdag 10 september 2026 om 14:00 in het Stadskantoor"


def _file_name(text: str) -> str:
    cleaned = " ".join(_UNSAFE.sub(" ", text).split()).strip(" .")
    return cleaned[:100].rstrip(" .") or "Document"


def _plan(database: Database, meeting_id: uuid.UUID, organizer_email: str) -> _Plan:
    from sqlalchemy import select

    from ..calendar_ics import build_ics, invitation_data
    from ..dutch_dates import clock_time, long_date
    from ..models import Meeting, MeetingState
    from ..services import ValidationError
    from ..services.meetings import get_or_404
    from ..services.network import check_email

    with database.read_session() as session:
        meeting: Meeting = get_or_404(session, Meeting, meeting_id)
        if meeting.state is MeetingState.CANCELLED:
            raise ValidationError(
                "Dit overleg is geannuleerd; er zijn geen vergaderstukken te versturen. Stuur zo nodig de "
                "afzegging (agenda-uitnodiging) vanuit het overleg."
            )
        previous = None
        if meeting.series_id is not None:
            previous = session.scalars(
                select(Meeting)
                .where(
                    Meeting.series_id == meeting.series_id,
                    Meeting.date < meeting.date,
                    Meeting.state.in_([MeetingState.HELD, MeetingState.MINUTES_APPROVED]),
                )
                .order_by(Meeting.date.desc())
                .limit(1)
            ).first()
        invitation = invitation_data(session, meeting.id, organizer_email=organizer_email)
        ics = build_ics(invitation)
        code = meeting.series.code if meeting.series is not None else ""
        to: list[tuple[str, str]] = []
        cc: list[tuple[str, str]] = []
        without: list[str] = []
        for invitee in invitation.attendees:
            try:
                address = check_email(invitee.email or "")
            except ValidationError:
                address = ""
            if not address:
                label = invitee.name + (f" ({invitee.organisation})" if invitee.organisation else "")
                if label.strip():
                    without.append(label.strip())
                continue
            (to if invitee.required else cc).append((invitee.name, address))
        organizer = None
        if invitation.organizer is not None and invitation.organizer.email:
            try:
                organizer = (invitation.organizer.name, check_email(invitation.organizer.email))
            except ValidationError:
                organizer = None
        when = long_date(meeting.date)
        if meeting.start_time is not None:
            when += f" om {clock_time(meeting.start_time)}"
        if meeting.location:
            when += f", {meeting.location}"
        return _Plan(
            meeting_id=meeting.id,
            title=meeting.title,
            code=code,
            date=meeting.date,
            series_id=meeting.series_id,
            previous_id=previous.id if previous is not None else None,
            previous_date=previous.date if previous is not None else None,
            ics=ics,
            invitation_left_out=invitation.left_out(),
            to=tuple(to),
            cc=tuple(cc),
            without_address=tuple(without),
            organizer=organizer,
            when=when,
        )


def make_meeting_pack(
    database: Database,
    meeting_id: uuid.UUID,
    out: Path | str,
    *,
    pdf: bool | None = None,
    organizer_email: str = "",
    progress: Progress = None,
    cancelled: Cancelled = None,
    today: date | None = None,
) -> PackOutcome:
    """Write the e-mail draft with the vergaderstukken of ``meeting_id`` to ``out`` (.eml, atomically).

    ``pdf``: None converts to PDF/A when LibreOffice is installed, else attaches .docx; True requires it
    (``LibreOfficeMissing``); False always .docx. Raises ``ExportCancelled`` when ``cancelled()`` says so
    (nothing written) and one of ``jobs.EXPECTED_ERRORS`` (Dutch) for what the user must act on.
    """
    import time

    from ..dutch_dates import short_date
    from .jobs import ExportCancelled, ExportRequest, run_export
    from .output import check_output_path, write_atomically
    from .pdf import MISSING_MESSAGE, PdfCancelled, convert_many, find_libreoffice, require_libreoffice

    out = Path(out)
    if out.suffix.lower() != ".eml":
        raise PackError("De vergaderstukken worden een e-mailbestand: laat de bestandsnaam eindigen op .eml.")
    check_output_path(out, database=database.path)
    program = require_libreoffice() if pdf else (find_libreoffice() if pdf is None else None)
    as_pdf = program is not None
    plan = _plan(database, meeting_id, organizer_email)
    label = plan.code or plan.title
    documents: list[tuple[str, str, ExportRequest]] = []  # (what, file stem, request)
    total = 5
    step = [0]

    def advance() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled
        step[0] += 1
        if progress is not None:
            progress(step[0], total)

    left_out: list[str] = []
    if plan.invitation_left_out:
        left_out.append(f"Agenda-uitnodiging (.ics): {plan.invitation_left_out}")
    # filename, what, data, type, params
    attachments: list[tuple[str, str, bytes, tuple[str, str], dict[str, str]]] = []
    pdf_seconds = None
    with tempfile.TemporaryDirectory(prefix="ghnt-vergaderstukken-") as work_dir:
        work = Path(work_dir)
        documents.append(
            (
                "Uitnodiging en agenda",
                _file_name(f"Agenda {label} {plan.date.isoformat()}"),
                ExportRequest(kind="agenda", out=work / "agenda.docx", format="docx", meeting_id=plan.meeting_id),
            )
        )
        if plan.previous_id is not None and plan.previous_date is not None:
            documents.append(
                (
                    f"Verslag van het vorige overleg ({short_date(plan.previous_date)})",
                    _file_name(f"Verslag {label} {plan.previous_date.isoformat()}"),
                    ExportRequest(
                        kind="verslag", out=work / "verslag.docx", format="docx", meeting_id=plan.previous_id
                    ),
                )
            )
        # The actielijst as it goes out before the meeting; of a meeting that has passed, as it stood the day
        # before it (later progress is not part of that meeting's stukken).
        stand = today or date.today()
        if plan.date < stand:
            stand = plan.date - timedelta(days=1)
        documents.append(
            (
                "Actielijst",
                _file_name(f"Actielijst {label} {stand.isoformat()}"),
                ExportRequest(
                    kind="actielijst",
                    out=work / "actielijst.docx",
                    format="docx",
                    series_id=plan.series_id,
                    today=stand,
                ),
            )
        )
        made: list[tuple[str, str, Path]] = []
        for what, stem, request in documents:
            # include_confidential stays False: the pack goes to everyone invited.
            outcome = run_export(database, request, cancelled=cancelled)
            if outcome.left_out:
                left_out.append(f"{what}: {outcome.left_out}")
            made.append((what, stem, outcome.path))
            advance()
        if len(documents) < 3:
            advance()  # no previous verslag: the bar still ends full
        if as_pdf:
            assert program is not None
            started = time.perf_counter()
            try:
                pdfs = convert_many(
                    [path for _what, _stem, path in made], work / "pdf", program=program, cancelled=cancelled
                )
            except PdfCancelled:
                raise ExportCancelled from None
            pdf_seconds = time.perf_counter() - started
            for (what, stem, _path), pdf_path in zip(made, pdfs, strict=True):
                attachments.append((f"{stem}.pdf", what, pdf_path.read_bytes(), PDF_TYPE, {}))
        else:
            for what, stem, path in made:
                attachments.append((f"{stem}.docx", what, path.read_bytes(), DOCX_TYPE, {}))
        advance()
    stored, stored_left_out = _stored_stukken(database, plan.meeting_id)
    used = {name.casefold() for name, *_rest in attachments}
    for number, content in stored:
        name = _unique_name(content.filename, used)
        maintype, _, subtype = content.media_type.partition("/")
        what = f"Stuk bij punt {number}" if number else "Stuk"
        attachments.append((name, what, content.content, (maintype, subtype or "octet-stream"), {}))
    if stored_left_out:
        left_out.append(
            f"Bewaarde stukken: {stored_left_out} {'stuk' if stored_left_out == 1 else 'stukken'} bij "
            "vertrouwelijke agendapunten."
        )
    ics_name = _file_name(f"Uitnodiging {label} {plan.date.isoformat()}") + ".ics"
    attachments.append((ics_name, "Uitnodiging voor uw agenda", plan.ics, ("text", "calendar"), {"method": "REQUEST"}))
    pdf_note = "" if as_pdf else MISSING_MESSAGE if pdf is None else ""
    from ..dutch_dates import long_date

    dated = long_date(plan.date, weekday=False) in plan.title  # "Afstemmingsoverleg GHNT 10 december 2020"
    subject = f"Vergaderstukken {plan.title}" + ("" if dated else f" {short_date(plan.date)}")
    message = _message(plan, subject, attachments, left_out, pdf_note)
    data = message.as_bytes()

    write_atomically(
        out,
        lambda temp: temp.write_bytes(data),
        error=PackError,
        in_use="het bestand is geopend in een ander programma (het e-mailprogramma?). Sluit het en probeer opnieuw.",
    )
    advance()
    return PackOutcome(
        path=out,
        subject=subject,
        recipients=tuple(address for _name, address in (*plan.to, *plan.cc)),
        without_address=plan.without_address,
        attachments=tuple(PackAttachment(name, what, len(content)) for name, what, content, _t, _p in attachments),
        as_pdf=as_pdf,
        pdf_note=pdf_note,
        left_out=tuple(left_out),
        pdf_seconds=pdf_seconds,
    )


def _stored_stukken(database: Database, meeting_id: uuid.UUID) -> tuple[list[tuple[str, Any]], int]:
    from ..services.stored_documents import stored_documents_for_pack

    with database.read_session() as session:
        return stored_documents_for_pack(session, meeting_id)  # never include_confidential: it goes to everyone


def _unique_name(filename: str, used: set[str]) -> str:
    """``filename``, or ``name (2).pdf`` when an attachment of the pack already has that name."""
    stem, dot, suffix = filename.rpartition(".")
    if not dot:
        stem, suffix = filename, ""
    candidate, counter = filename, 2
    while candidate.casefold() in used:
        candidate = f"{stem} ({counter})" + (f".{suffix}" if suffix else "")
        counter += 1
    used.add(candidate.casefold())
    return candidate


def _message(
    plan: _Plan,
    subject: str,
    attachments: list[tuple[str, str, bytes, tuple[str, str], dict[str, str]]],
    left_out: list[str],
    pdf_note: str,
) -> EmailMessage:
    from email import policy

    message = EmailMessage(policy=policy.SMTP)  # CRLF line ends, as mail programs write .eml files
    message["Subject"] = subject
    if plan.organizer is not None:
        message["From"] = formataddr(plan.organizer)
    if plan.to:
        message["To"] = ", ".join(formataddr(pair) for pair in plan.to)
    if plan.cc:
        message["Cc"] = ", ".join(formataddr(pair) for pair in plan.cc)
    message["X-Unsent"] = "1"  # Outlook opens it as a draft: edit, then send
    notes = []
    if plan.without_address:
        notes.append(
            "Zonder bekend e-mailadres (niet in de geadresseerden; stuur hun de stukken apart): "
            + ", ".join(plan.without_address)
            + "."
        )
    if left_out:
        notes.append("Als vertrouwelijk weggelaten uit de stukken: " + " ".join(left_out))
    if pdf_note:
        notes.append("De stukken zijn Word-bestanden, geen PDF: " + pdf_note)
    lines = []
    if notes:
        lines.append("[Voor u als afzender; haal deze regels weg voor het versturen]")
        lines.extend(f"- {note}" for note in notes)
        lines.append("")
    lines.append("Beste deelnemers,")
    lines.append("")
    lines.append(f"Hierbij de stukken voor {plan.title} op {plan.when}.")
    lines.append("")
    lines.append("Bijgevoegd:")
    lines.extend(f"- {what} ({name})" for name, what, _data, _type, _params in attachments)
    if plan.previous_id is None:
        lines.append("")
        lines.append("Er is geen verslag van een eerder overleg in deze reeks.")
    lines.append("")
    lines.append("Met vriendelijke groet,")
    lines.append("")
    lines.append(plan.organizer[0] if plan.organizer is not None and plan.organizer[0] else "")
    message.set_content("\n".join(lines).rstrip() + "\n")
    for name, _what, content, (maintype, subtype), params in attachments:
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=name, params=params)
    return message
