"""One way to make any document: an ``ExportRequest`` in, an ``ExportOutcome`` out.

The command line (``commands/export*.py``) and the export dialog (``ui/export_dialog.py``) both build
an :class:`ExportRequest` and call :func:`run_export`, which

1. gathers the document's data in one read-only session (``services.documents`` for Word,
   ``services.importing.gather_*`` for Excel) and resolves the Word template (the request's, else the
   one chosen for this kind in the app, else the standard layout);
2. writes the file with the matching ``exports.docx_*`` / ``exports.xlsx_*`` function, forwarding
   ``progress(done, total)`` and checking ``cancelled()`` between steps;
3. returns what was written and, in Dutch, what was left out because it is vertrouwelijk.

No Qt here: the GUI runs ``run_export`` in a worker thread (``ui/worker.py``) with its own session.
A ``pdf`` request makes the Word document in a temporary folder and has LibreOffice convert it to
PDF/A-2b (``exports.pdf``); without LibreOffice it fails at once, before reading, with a Dutch message.
Expected failures raise one of :data:`EXPECTED_ERRORS` with a Dutch message; a cancelled export raises
:class:`ExportCancelled` and leaves no file behind (both writers save through a temporary file and only
move it into place at the very end).
"""

from __future__ import annotations

import enum
import functools
import types
import typing
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..services import ServiceError, ValidationError
from .docx_errors import ExportError
from .xlsx_common import XlsxExportError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..db import Database

DOCX_KINDS = (
    "agenda", "verslag", "besluitenlijst", "actielijst", "programma", "voortgang", "voortgangsoverzicht", "jaaroverzicht"
)
XLSX_KINDS = ("actielijst", "presentielijst", "besluitenlijst", "indicatoren")
KINDS = {"docx": DOCX_KINDS, "xlsx": XLSX_KINDS, "pdf": DOCX_KINDS}  # pdf: the Word document, as PDF/A
FORMAT_NAMES = {"docx": "Word", "xlsx": "Excel", "pdf": "PDF"}
GROUP_BY = ("actielijn", "trekker", "overleg")

# What every expected failure of an export is an instance of (each has a Dutch message).
EXPECTED_ERRORS: tuple[type[Exception], ...] = (ServiceError, ExportError, XlsxExportError)

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Het maken van het document is afgebroken; er is geen bestand opgeslagen.")


@dataclass(frozen=True)
class ExportRequest:
    """Everything one export needs, as ids and plain values (names are looked up before)."""

    kind: str
    out: Path
    format: str = ""  # "docx", "xlsx" or "pdf" (the Word document through LibreOffice); empty: ``out``'s suffix
    meeting_id: uuid.UUID | None = None  # agenda, verslag, presentielijst
    series_id: uuid.UUID | None = None  # besluitenlijst, actielijst, presentielijst year overview
    programme_id: uuid.UUID | None = None  # programma, voortgang(soverzicht) (None: the running programme)
    report_id: uuid.UUID | None = None  # voortgang: a saved voortgangsrapportage
    organisation_id: uuid.UUID | None = None  # actielijst: one partner's actions
    date_from: date | None = None
    date_to: date | None = None
    group_by: str = "actielijn"  # Word actielijst
    tag_kind: str = ""  # programma, voortgangsoverzicht: grouped by the labels of this kind ("Processtap");
    # voortgang: a chapter per label after the actielijnen; empty: by actielijn only
    include_closed: bool = False  # actielijst
    all_series: bool = False  # besluitenlijst (Word, Excel): every series instead of one
    include_confidential: bool = False
    sheet_per_actielijn: bool = False  # Excel actielijst
    year: int | None = None  # Excel presentielijst: year overview of representation; the Word jaaroverzicht
    template: Path | None = None  # Word; None: the template chosen in the app, else the standard layout
    today: date | None = None  # the "stand per" date (tests); None: today

    @property
    def file_format(self) -> str:
        """``docx``, ``xlsx`` or ``pdf``: the explicit format, else the output file's suffix."""
        if self.format:
            return self.format.lower().lstrip(".")
        return Path(self.out).suffix.lower().lstrip(".")

    def validate(self) -> None:
        """Raise ``ValidationError`` (Dutch) for a request no export can satisfy, before any reading."""
        fmt = self.file_format
        if fmt not in KINDS:
            raise ValidationError("Het bestand moet eindigen op .docx (Word), .xlsx (Excel) of .pdf (PDF).")
        if self.kind not in KINDS[fmt]:
            raise ValidationError(
                f"{self.kind} bestaat niet als {FORMAT_NAMES[fmt]}-bestand; kies uit {', '.join(KINDS[fmt])}."
            )
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValidationError("De periode klopt niet: de begindatum ligt na de einddatum.")
        if self.group_by not in GROUP_BY:
            raise ValidationError(f"Groeperen kan per {', '.join(GROUP_BY)}, niet per {self.group_by!r}.")
        if fmt in ("docx", "pdf") and self.kind in ("agenda", "verslag") and self.meeting_id is None:
            raise ValidationError(f"Kies het overleg waarvan de {self.kind} moet worden gemaakt.")
        if fmt in ("docx", "pdf") and self.kind == "jaaroverzicht":
            if not self.year:
                raise ValidationError("Kies het jaar van het jaaroverzicht (bijvoorbeeld --year 2026).")
            if not 1900 <= self.year <= 2200:
                raise ValidationError(f"Het jaar {self.year} is geen geldig jaar.")
        if fmt == "xlsx" and self.kind == "presentielijst":
            if self.meeting_id is None and not self.year:
                raise ValidationError(
                    "Kies het overleg waarvan de presentielijst moet worden gemaakt, "
                    "of het jaar van het overzicht van vertegenwoordiging."
                )
            if self.year is not None and not 1900 <= self.year <= 2200:
                raise ValidationError(f"Het jaar {self.year} is geen geldig jaar.")


@dataclass(frozen=True)
class ExportOutcome:
    """What an export wrote, for the dialog and the command line."""

    path: Path
    kind: str
    format: str
    left_out: str = ""  # Dutch: what was left out because it is vertrouwelijk; empty when nothing
    left_out_count: int = 0
    included: str = ""  # Dutch: the warning when vertrouwelijk content was included on request
    privacy: str = ""  # Dutch: the privacy guard's warning when texts in it look like case data
    can_include: bool = True  # False where confidential content is never included (the partner workbook)
    count: int | None = None  # agenda items, rows or chapters written, when the export says
    sheets: tuple[str, ...] = field(default_factory=tuple)
    pdf_seconds: float | None = None  # PDF: how long LibreOffice took to convert the Word document


@dataclass(frozen=True)
class PreparedExport:
    """The gathered data of one export and the function that writes it (no session needed any more)."""

    request: ExportRequest
    write: Callable[[Path, Progress], Any]
    data: Any = None  # what the document shows, for the privacy guard

    def run(self, progress: Progress = None, cancelled: Cancelled = None) -> ExportOutcome:
        """Write the file and describe the result, with a warning when its texts look like case data.

        Full garbage collections wait until the file is written (``collection``), as in the app's worker tasks:
        one over the heap of a big export cost as much as writing a short document."""
        from ..collection import full_collections_held

        with full_collections_held():
            if self.request.file_format == "pdf":
                outcome = self._run_pdf(progress, cancelled)
            else:
                outcome = _outcome(self.request, self.write(self.request.out, progress))
            warning = privacy_warning(self.data)
        return replace(outcome, privacy=warning) if warning else outcome

    def _run_pdf(self, progress: Progress, cancelled: Cancelled) -> ExportOutcome:
        """The Word document in a temporary folder, then LibreOffice's PDF/A of it at ``request.out``.

        The Word steps fill the first half of the progress bar, the conversion the second half."""
        import tempfile
        import time

        from .pdf import PdfCancelled, convert_to_pdf

        out = Path(self.request.out)
        steps = [1]

        def word_progress(done: int, total: int) -> None:
            steps[0] = max(total, 1)
            if progress is not None:
                progress(done, 2 * steps[0])

        with tempfile.TemporaryDirectory(prefix="ghnt-export-") as work:
            result = self.write(Path(work) / (out.stem + ".docx"), word_progress)
            started = time.perf_counter()
            try:
                convert_to_pdf(Path(result.path), out, cancelled=cancelled)
            except PdfCancelled:
                raise ExportCancelled from None
            seconds = time.perf_counter() - started
        if progress is not None:
            progress(2 * steps[0], 2 * steps[0])
        return replace(_outcome(self.request, result), path=out, format="pdf", pdf_seconds=seconds)


# Fields of the document data that hold what people wrote (minutes, decisions, actions, progress notes, and the
# narratives of a voortgangsrapportage).
_WRITTEN_FIELDS = frozenset(
    {"text", "notes", "outcome", "done", "todo", "progress_texts", "done_note", "todo_note", "latest_note", "narrative"}
)


# Per dataclass: its fields, and whether each holds what people wrote (``dataclasses.fields`` on every
# object was most of the guard's time on a large actielijst).
_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}
# Values that hold no written text of their own: skipped without a call.
_LEAVES = (str, int, float, bool, date, uuid.UUID, type(None))


def _fields_of(cls: type) -> tuple[tuple[str, bool], ...]:
    """The fields of ``cls`` the guard must look at: written ones, and those that can hold more dataclasses (a
    field typed as a number, date, id, enum or plain text cannot: 4,700 action rows of 25 fields, 16 -> 4 ms)."""
    found = _FIELDS.get(cls)
    if found is None:
        try:
            hints = typing.get_type_hints(cls)
        except Exception:  # noqa: BLE001 - a name only known while type checking: every field is looked at
            hints = {}
        found = _FIELDS[cls] = tuple(
            (item.name, item.name in _WRITTEN_FIELDS)
            for item in fields(cls)
            if item.name in _WRITTEN_FIELDS or not _holds_no_dataclass(hints.get(item.name))
        )
    return found


def _holds_no_dataclass(hint: Any) -> bool:
    """Whether a field with type ``hint`` can only hold values without fields of their own (unknown: False)."""
    if hint is None:
        return False
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return all(_holds_no_dataclass(arg) for arg in typing.get_args(hint))
    return hint is type(None) or (isinstance(hint, type) and issubclass(hint, (*_LEAVES, enum.Enum)))


def _collect_texts(value: Any, depth: int, out: list[str]) -> None:
    if depth > 8:
        return
    if isinstance(value, tuple | list):
        for child in value:
            if not isinstance(child, _LEAVES):
                _collect_texts(child, depth + 1, out)
        return
    if not is_dataclass(value) or isinstance(value, type):
        return
    for name, written in _fields_of(type(value)):
        child = getattr(value, name)
        if written:
            if isinstance(child, str):
                out.append(child)
                continue
            if isinstance(child, Mapping):
                out.extend(v for v in child.values() if isinstance(v, str))
                continue
            if isinstance(child, tuple | list):
                out.extend(v for v in child if isinstance(v, str))
                continue
        if not isinstance(child, _LEAVES):
            _collect_texts(child, depth + 1, out)


def _written_texts(value: Any) -> Iterator[str]:
    """Every text people wrote in a document's data: the written fields of its dataclasses, at any depth."""
    out: list[str] = []
    if not isinstance(value, _LEAVES):
        _collect_texts(value, 0, out)
    return iter(out)


# What the guard found in each text read this session (``find_case_data`` depends on the text alone): the next
# document, or the same one made again (as PDF after Word, the meeting pack after the verslag), reads only texts
# it has not seen (the voortgangsoverzicht: 9 of 38 ms were the guard). Emptied when full.
_FINDINGS: dict[str, tuple[Any, ...]] = {}
_FINDINGS_MAX = 50_000


def privacy_warning(data: Any) -> str:
    """The privacy guard's Dutch warning for what a document shows; empty when nothing looks like case data."""
    from ..privacy import Finding, describe, find_case_data

    # A text shown twice (an action under each of its trekkers, a note repeated) is read once; its findings
    # count each time it is shown, as before.
    seen = _FINDINGS
    findings: list[Finding] = []
    for text in _written_texts(data):
        found = seen.get(text)
        if found is None:
            if len(seen) >= _FINDINGS_MAX:
                seen.clear()
            found = seen[text] = tuple(find_case_data(text))
        findings.extend(found)
    return describe(findings)


def _outcome(request: ExportRequest, result: Any) -> ExportOutcome:
    omitted = getattr(result, "omitted", None)
    if omitted is not None:  # Word: ExportResult
        return ExportOutcome(
            path=Path(result.path),
            kind=request.kind,
            format="docx",
            left_out=omitted.describe(),
            left_out_count=omitted.total,
            included=omitted.describe_included(),
            count=result.count or None,
        )
    return ExportOutcome(  # Excel: XlsxExportResult
        path=Path(result.path),
        kind=request.kind,
        format="xlsx",
        left_out=" ".join(result.notes) if result.confidential_left_out else "",
        left_out_count=result.confidential_left_out,
        can_include=request.kind != "actielijst",
        count=result.rows,
        sheets=tuple(result.sheets),
    )


# --------------------------------------------------------------------------------------------------
# Gathering
# --------------------------------------------------------------------------------------------------


def _docx(session: Session, request: ExportRequest) -> tuple[Any, Callable[[Path, Progress], Any]]:
    from ..services import documents as docs

    include = request.include_confidential
    kind = request.kind
    if kind in ("agenda", "verslag"):
        from ..exports.docx_meeting import export_agenda, export_verslag

        assert request.meeting_id is not None  # validate() said so
        if kind == "agenda":
            data: Any = docs.agenda_document(session, request.meeting_id, include_confidential=include)
            export: Callable[..., Any] = export_agenda
        else:
            data = docs.minutes_document(session, request.meeting_id, include_confidential=include)
            export = export_verslag
    elif kind == "besluitenlijst":
        from ..exports.docx_lists import export_besluitenlijst

        data = docs.decision_list_document(
            session,
            series_id=request.series_id,
            date_from=request.date_from,
            date_to=request.date_to,
            include_confidential=include,
            all_series=request.all_series,
        )
        export = export_besluitenlijst
    elif kind == "actielijst":
        from ..exports.docx_lists import export_actielijst

        data = docs.action_list_document(
            session,
            group_by=request.group_by,
            include_closed=request.include_closed,
            series_id=request.series_id,
            organisation_id=request.organisation_id,
            date_from=request.date_from,
            date_to=request.date_to,
            include_confidential=include,
            today=request.today,
        )
        export = export_actielijst
    elif kind == "jaaroverzicht":
        from ..exports.docx_year import export_jaaroverzicht
        from ..services.year_overview import year_overview_document

        assert request.year is not None  # validate() said so
        data = year_overview_document(session, request.year, include_confidential=include, today=request.today)
        export = export_jaaroverzicht
    elif kind == "programma":
        from ..exports.docx_programme import export_programma

        programme_id = request.programme_id or docs.find_programme_id(session)
        if request.tag_kind:
            from ..services.programme_tags import programme_document_by_tag

            data = programme_document_by_tag(session, programme_id, request.tag_kind)
        else:
            data = docs.programme_document(session, programme_id)
        export = export_programma
    elif kind == "voortgangsoverzicht":
        from ..exports.docx_report import export_voortgangsoverzicht
        from ..services.progress_report import progress_overview_document

        data = progress_overview_document(
            session, programme_id=request.programme_id, include_confidential=include, today=request.today
        )
        if request.tag_kind:
            from ..services.report_tags import overview_by_tag

            programme_id = request.programme_id or docs.find_programme_id(session)
            data = overview_by_tag(session, programme_id, request.tag_kind, data)
        export = export_voortgangsoverzicht
    else:
        from ..exports.docx_report import export_voortgang
        from ..services.progress_report import progress_report_document

        data = progress_report_document(
            session,
            report_id=request.report_id,
            programme_id=request.programme_id,
            date_from=request.date_from,
            date_to=request.date_to,
            include_confidential=include,
            today=request.today,
        )
        export = export_voortgang
        if request.tag_kind:
            from ..services.report_tags import report_programme_id, tag_groups

            programme_id = report_programme_id(session, request.report_id, request.programme_id)
            actions = [a for line in data.actielijnen for a in line.actions]  # the chapter follows them
            export = functools.partial(
                export_voortgang, tag_groups=tag_groups(session, programme_id, request.tag_kind, actions)
            )
    # The overview is a stuk of the same programme: it wears the voortgangsrapportage's house style.
    template_kind = "voortgang" if kind == "voortgangsoverzicht" else kind
    template = request.template if request.template is not None else docs.template_setting(session, template_kind)
    if template:
        from .output import check_output_path

        check_output_path(request.out, template=template)  # also the template chosen in the app

    from ..services.offline import mark_provisional

    data = mark_provisional(data, session)  # a number given in an offline copy is printed as "(voorlopig)"

    def write(path: Path, progress: Progress) -> Any:
        return export(data, path, template=template, progress=progress)

    return data, write


def _xlsx(session: Session, request: ExportRequest) -> tuple[Any, Callable[[Path, Progress], Any]]:
    from ..services import importing
    from ..services.offline import mark_provisional

    include = request.include_confidential
    if request.kind == "actielijst":
        from ..exports.xlsx_actielijst import write_actielijst_xlsx
        from ..models import Organisation

        title = "Actielijst"
        if request.organisation_id is not None:
            name = session.get(Organisation, request.organisation_id)
            if name is None:
                raise ValidationError("Deze organisatie bestaat niet (meer).")
            title = f"Actielijst {name.name}"
        actions = importing.gather_actielijst(
            session,
            organisation_id=request.organisation_id,
            include_closed=request.include_closed,
            series_id=request.series_id,
            today=request.today,
            title=title,
        )
        actions = mark_provisional(actions, session)
        per_actielijn = request.sheet_per_actielijn

        def write_actions(path: Path, progress: Progress) -> Any:
            return write_actielijst_xlsx(actions, path, sheet_per_actielijn=per_actielijn, progress=progress)

        return actions, write_actions
    if request.kind == "presentielijst":
        from ..exports.xlsx_meetings import write_presentielijst_xlsx

        meeting = (
            importing.gather_presentielijst(session, request.meeting_id, include_confidential=include)
            if request.meeting_id
            else None
        )
        overview = None
        if request.year:
            overview = importing.gather_representation(session, request.year, series_id=request.series_id)

        def write_attendance(path: Path, progress: Progress) -> Any:
            return write_presentielijst_xlsx(meeting, path, overview=overview, progress=progress)

        return (meeting, overview), write_attendance
    if request.kind == "indicatoren":
        from ..exports.xlsx_indicators import write_indicators_xlsx
        from ..services.indicators import export_data

        figures = export_data(session, include_confidential=include)

        def write_figures(path: Path, progress: Progress) -> Any:
            return write_indicators_xlsx(figures, path, progress=progress)

        return figures, write_figures
    from ..exports.xlsx_meetings import write_besluitenlijst_xlsx

    decisions = importing.gather_besluitenlijst(
        session,
        series_id=request.series_id,
        date_from=request.date_from,
        date_to=request.date_to,
        include_confidential=include,
        all_series=request.all_series,
    )
    decisions = mark_provisional(decisions, session)

    def write_decisions(path: Path, progress: Progress) -> Any:
        return write_besluitenlijst_xlsx(decisions, path, progress=progress)

    return decisions, write_decisions


def prepare_export(session: Session, request: ExportRequest) -> PreparedExport:
    """Validate ``request`` and gather its data in ``session`` (read only); nothing is written yet."""
    request.validate()
    gather = _docx if request.file_format in ("docx", "pdf") else _xlsx
    data, write = gather(session, request)
    return PreparedExport(request, write, data)


# --------------------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------------------


def _guarded(progress: Progress, cancelled: Cancelled) -> Progress:
    """A progress callback that also stops the export when the user cancelled.

    The final call ``(total, total)`` comes after the file was saved: too late to cancel, so it
    never raises there.
    """
    if cancelled is None:
        return progress

    def report(done: int, total: int) -> None:
        if done < total and cancelled():
            raise ExportCancelled
        if progress is not None:
            progress(done, total)

    return report


def run_export(
    database: Database,
    request: ExportRequest,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> ExportOutcome:
    """Gather the data of ``request`` in one session of ``database`` and write the file.

    ``progress(done, total)`` is called from the thread that runs this; ``cancelled()`` is asked
    between steps and, when it answers True, the export stops with ``ExportCancelled`` and no file.
    Raises one of ``EXPECTED_ERRORS`` (Dutch message) for anything the user must act on.
    """
    from .output import check_output_path

    request.validate()
    check_output_path(request.out, database=database.path, template=request.template)
    if request.file_format == "pdf":
        from .pdf import require_libreoffice

        require_libreoffice()  # before any reading: without LibreOffice there is no PDF, say so at once
    if cancelled is not None and cancelled():
        raise ExportCancelled
    with database.read_session() as session:
        prepared = prepare_export(session, request)
    if cancelled is not None and cancelled():
        raise ExportCancelled
    return prepared.run(_guarded(progress, cancelled), cancelled)
