"""A returned actielijst compared with the database: what the partner changed, and what clashes.

The export (``exports.xlsx_actielijst``) wrote each action's key and change stamp in hidden columns
and the exported values in a hidden sheet. Reading the file back, each row is one of:

- ``CHANGED``: the partner changed status, deadline or stand van zaken, and the app did not change
  the action since the export;
- ``CONFLICT``: the partner changed something and the action was also changed in the app since the
  export (its change stamp or latest progress text differs): the user decides;
- ``UNCHANGED``: nothing to do;
- ``UNKNOWN``: a row without a valid key (added by the partner), a key that is no longer in the
  database (deleted in the app), or a second row with the same key: shown, never applied;
- ``MISSING``: an exported action whose row was deleted from the file: shown, nothing is changed.

``build_preview`` is pure: it takes the workbook's values and the database rows, and returns plain data
the dialog and the command line show side by side before anything is written.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TypedDict

from ..deadlines import parse_deadline, parse_status
from ..exports.xlsx_actielijst import (
    FORMAT_NAME,
    HEADERS,
    META_HEADERS,
    META_SHEET,
    deadline_cell_value,
    deadline_display,
    version_stamp,
)
from ..models.enums import ActionStatus
from ..services.actions import ActionRow
from .existing_list import POSTPONEMENT_WORDS, postponement_count
from .workbook import ImportFileError, SheetData, WorkbookData, cell_text

HEADER_SEARCH_ROWS = 30
MAX_DEADLINE_TEXT = 200  # the length ActionItem.deadline_text holds
MAX_PROGRESS_TEXT = 20_000  # what record_progress accepts


class RowKind(StrEnum):
    """What a row of the returned file means for the database."""

    CHANGED = "changed"
    CONFLICT = "conflict"
    UNCHANGED = "unchanged"
    UNKNOWN = "unknown"
    MISSING = "missing"

    @property
    def label(self) -> str:
        return {
            RowKind.CHANGED: "Gewijzigd",
            RowKind.CONFLICT: "Conflict",
            RowKind.UNCHANGED: "Ongewijzigd",
            RowKind.UNKNOWN: "Onbekend",
            RowKind.MISSING: "Ontbreekt in bestand",
        }[self]


@dataclass(frozen=True)
class FieldChange:
    """One field the partner changed: the value in the file beside the value in the database now."""

    field: str  # "status", "deadline", "progress"
    label: str
    file_value: str
    database_value: str
    exported_value: str | None = None


@dataclass(frozen=True)
class RoundTripRow:
    """One row of the returned file (or one exported action missing from it), with what would change."""

    kind: RowKind
    action_id: uuid.UUID | None
    number: str
    text: str
    sheet: str = ""
    row_number: int | None = None
    changes: tuple[FieldChange, ...] = ()
    new_status: ActionStatus | None = None
    deadline_changed: bool = False
    new_deadline: date | None = None
    new_deadline_text: str = ""
    new_progress: str | None = None
    # "Doorgeschoven" / "2x uitgesteld" in the status cell: the count of postponements to keep (at least
    # this many; exactly this many when the file names the number).
    new_times_postponed: int | None = None
    times_postponed_exact: bool = False
    database_version: str = ""
    messages: tuple[str, ...] = ()

    @property
    def applicable(self) -> bool:
        return self.kind in (RowKind.CHANGED, RowKind.CONFLICT) and bool(self.changes)

    @property
    def row_key(self) -> str:
        """Names this row (an action can stand on two rows of a returned file)."""
        return f"{self.action_id}:{self.sheet}:{self.row_number}"


@dataclass(frozen=True)
class RoundTripPreview:
    """Everything a returned actielijst would change, before anything is written."""

    file_name: str
    exported_at: datetime | None
    organisation: str
    rows: tuple[RoundTripRow, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def of_kind(self, kind: RowKind) -> list[RoundTripRow]:
        return [r for r in self.rows if r.kind is kind]

    @property
    def changed(self) -> list[RoundTripRow]:
        return self.of_kind(RowKind.CHANGED)

    @property
    def conflicts(self) -> list[RoundTripRow]:
        return self.of_kind(RowKind.CONFLICT)

    def counts(self) -> dict[RowKind, int]:
        return {kind: len(self.of_kind(kind)) for kind in RowKind}


@dataclass(frozen=True)
class ExportedValues:
    """What the export wrote for one action (from the hidden sheet)."""

    version: str
    number: str
    status: str
    deadline: str
    progress: str


@dataclass(frozen=True)
class ReturnedRow:
    """The cells of one returned row that matter for the round trip."""

    sheet: str
    row_number: int
    key: str
    version: str
    number: str
    text: str
    status: object
    deadline: object
    progress: object


def _norm(text: object) -> str:
    return " ".join(cell_text(text).casefold().split())


_WANTED = {
    "key": HEADERS["key"],
    "stamp": HEADERS["stamp"],
    "number": HEADERS["number"],
    "text": HEADERS["text"],
    "status": HEADERS["status"],
    "deadline": HEADERS["deadline"],
    "progress": HEADERS["progress"],
}


def _find_header(sheet: SheetData) -> tuple[int, dict[str, int]] | None:
    """(header row index, field -> column index) of a sheet that has the round-trip key column."""
    wanted = {_norm(header): key for key, header in _WANTED.items()}
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for col, value in enumerate(row):
            key = wanted.get(_norm(value))
            if key and key not in columns:
                columns[key] = col
        if "key" in columns:
            return index, columns
    return None


def is_roundtrip_workbook(workbook: WorkbookData) -> bool:
    """True when the file is an actielijst exported by this app (it has the hidden key column)."""
    return any(_find_header(s) for s in workbook.sheets if s.title != META_SHEET)


def _read_meta(workbook: WorkbookData) -> tuple[datetime | None, str, dict[uuid.UUID, ExportedValues]]:
    sheet = workbook.sheet(META_SHEET)
    if sheet is None or not sheet.rows or cell_text(sheet.rows[0][0] if sheet.rows[0] else None) != FORMAT_NAME:
        return None, "", {}
    exported_at = None
    organisation = ""
    values: dict[uuid.UUID, ExportedValues] = {}
    in_rows = False
    for row in sheet.rows[1:]:
        cells = [cell_text(v) for v in row] + [""] * len(META_HEADERS)
        if not in_rows:
            if cells[0] == "geexporteerd":
                try:
                    exported_at = datetime.fromisoformat(cells[1])
                except ValueError:
                    exported_at = None
            elif cells[0] == "organisatie":
                organisation = cells[1]
            elif tuple(cells[: len(META_HEADERS)]) == META_HEADERS:
                in_rows = True
            continue
        try:
            action_id = uuid.UUID(cells[0])
        except ValueError:
            continue
        # Read the raw progress text (not cell_text's strip) so an untouched text compares equal.
        raw_progress = row[5] if len(row) > 5 and isinstance(row[5], str) else cells[5]
        values[action_id] = ExportedValues(cells[1], cells[2], cells[3], cells[4], raw_progress.strip())
    return exported_at, organisation, values


class _Where(TypedDict):
    """Where a returned row stands in the file, as ``RoundTripRow`` names it."""

    sheet: str
    row_number: int
    number: str
    text: str


def read_returned_rows(workbook: WorkbookData) -> list[ReturnedRow]:
    """The data rows of every sheet with the key column, in file order."""
    rows: list[ReturnedRow] = []
    for sheet in workbook.sheets:
        if sheet.title == META_SHEET:
            continue
        found = _find_header(sheet)
        if found is None:
            continue
        header_index, columns = found

        def get(row: tuple[object, ...], key: str, columns: dict[str, int] = columns) -> object:
            col = columns.get(key)
            return row[col] if col is not None and col < len(row) else None

        for offset, row in enumerate(sheet.rows[header_index + 1 :], start=header_index + 2):
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
                continue
            rows.append(
                ReturnedRow(
                    sheet=sheet.title,
                    row_number=offset,
                    key=cell_text(get(row, "key")),
                    version=cell_text(get(row, "stamp")),
                    number=cell_text(get(row, "number")),
                    text=cell_text(get(row, "text")),
                    status=get(row, "status"),
                    deadline=get(row, "deadline"),
                    progress=get(row, "progress"),
                )
            )
    return rows


def interpret_deadline(value: object, *, reference: date | None = None) -> tuple[date | None, str, str | None]:
    """(deadline date, text as written, warning) of a deadline cell as a partner filled it in.

    A real date, or a text naming one day, becomes the date with no text; a period ("Q3 2020") keeps
    its text and its last day as the date; a text without a period keeps only the text.
    """
    if isinstance(value, datetime):
        return value.date(), "", None
    if isinstance(value, date):
        return value, "", None
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A number where a date was expected: an Excel serial date that lost its format.
        if 20_000 <= value <= 80_000:
            from openpyxl.utils.datetime import from_excel

            converted = from_excel(value)
            return (converted.date() if isinstance(converted, datetime) else converted), "", None
        value = cell_text(value)
    text = cell_text(value)
    if not text:
        return None, "", None
    parsed = parse_deadline(text, reference=reference)
    if parsed.start is not None and parsed.start == parsed.end:
        return parsed.start, "", None
    if parsed.end is not None:
        return parsed.end, text, None
    return None, text, f"deadline {text!r} is geen datum of periode; de tekst wordt bewaard zonder datum"


def interpret_status(value: object) -> tuple[ActionStatus | None, str | None]:
    """(status, warning) of a status cell: the Dutch label, else a free-text status word."""
    text = cell_text(value)
    if not text:
        return None, "status is leeg; de status blijft zoals hij was"
    try:
        return ActionStatus.from_label(text), None
    except ValueError:
        pass
    status = parse_status(text)
    if status is None:
        return None, f"status {text!r} is niet herkend; de status blijft zoals hij was"
    return status, None


def _progress_text(value: object) -> str:
    return value.strip() if isinstance(value, str) else cell_text(value)


def _new_progress(file_text: str, exported_text: str) -> str:
    """The partner's addition: text appended after the exported text, else the whole new text."""
    if exported_text and file_text.startswith(exported_text):
        return file_text[len(exported_text) :].strip(" \n\t-–;:.") or file_text
    return file_text


def referenced_ids(workbook: WorkbookData) -> set[uuid.UUID]:
    """Every action id the file names, in its rows or in the hidden sheet of exported values."""
    ids = set(_read_meta(workbook)[2])
    for row in read_returned_rows(workbook):
        try:
            ids.add(uuid.UUID(row.key))
        except ValueError:
            continue
    return ids


def build_preview(
    workbook: WorkbookData,
    current: Mapping[uuid.UUID, ActionRow],
    current_progress: Mapping[uuid.UUID, str],
    *,
    reference: date | None = None,
) -> RoundTripPreview:
    """Compare a returned actielijst with the database rows ``current`` (by id) and their latest progress."""
    returned = read_returned_rows(workbook)
    if not returned and not is_roundtrip_workbook(workbook):
        raise ImportFileError(
            f"{workbook.name} is geen actielijst die met GHNT Desktop is gemaakt: de verborgen sleutelkolom ontbreekt.",
            "Lees het bestand in als bestaande lijst (zonder --mode terug).",
        )
    exported_at, organisation, exported = _read_meta(workbook)
    warnings: list[str] = []
    if not exported:
        warnings.append(
            "Het verborgen blad met de geëxporteerde waarden ontbreekt; het bestand wordt met de database "
            "vergeleken in plaats van met de export."
        )
    reference = reference or (exported_at.date() if exported_at else None) or workbook.modified
    out: list[RoundTripRow] = []
    seen: set[uuid.UUID] = set()
    rows_of: dict[uuid.UUID, list[ReturnedRow]] = {}
    for r in returned:
        try:
            rows_of.setdefault(uuid.UUID(r.key), []).append(r)
        except ValueError:
            continue
    for r in returned:
        where: _Where = {"sheet": r.sheet, "row_number": r.row_number, "number": r.number, "text": r.text}
        try:
            action_id = uuid.UUID(r.key)
        except ValueError:
            message = "regel zonder sleutel (toegevoegd in het bestand?): wordt niet ingelezen"
            if r.key:
                message = f"ongeldige sleutel {r.key!r}: wordt niet ingelezen"
            out.append(RoundTripRow(RowKind.UNKNOWN, None, messages=(message,), **where))
            continue
        seen.add(action_id)
        db_row = current.get(action_id)
        if db_row is None:
            out.append(
                RoundTripRow(
                    RowKind.UNKNOWN,
                    action_id,
                    messages=("deze actie bestaat niet (meer) in de database",),
                    **where,
                )
            )
            continue
        compared = _compare(
            r, action_id, db_row, current_progress.get(action_id, ""), exported.get(action_id), reference
        )
        same = rows_of.get(action_id, [])
        if len(same) > 1:
            compared = _duplicate(compared, r, same, db_row, current_progress, exported, reference)
        out.append(compared)
    for action_id, values in exported.items():
        if action_id not in seen:
            db_row = current.get(action_id)
            out.append(
                RoundTripRow(
                    RowKind.MISSING,
                    action_id,
                    number=values.number,
                    text=db_row.text if db_row else "",
                    messages=("de regel is uit het bestand verwijderd; er wordt niets gewijzigd",),
                )
            )
    return RoundTripPreview(
        file_name=workbook.name,
        exported_at=exported_at,
        organisation=organisation,
        rows=tuple(out),
        warnings=tuple(warnings),
    )


def _compare(
    r: ReturnedRow,
    action_id: uuid.UUID,
    db: ActionRow,
    db_progress: str,
    exported: ExportedValues | None,
    reference: date | None,
) -> RoundTripRow:
    messages: list[str] = []
    changes: list[FieldChange] = []
    db_status = db.status.label
    db_deadline = deadline_display(deadline_cell_value(db))
    # What the partner started from: the exported values, else (no hidden sheet) the database now.
    base_status = exported.status if exported else db_status
    base_deadline = exported.deadline if exported else db_deadline
    base_progress = exported.progress if exported else db_progress
    app_changed = False
    if exported is not None:
        app_changed = exported.version != version_stamp(db) or exported.progress.strip() != db_progress.strip()
    elif r.version:
        app_changed = r.version != version_stamp(db)
    new_status = None
    new_times_postponed = None
    times_exact = False
    file_status = cell_text(r.status)
    if _norm(file_status) != _norm(base_status) and POSTPONEMENT_WORDS.search(file_status):
        # A postponement, not "aangehouden": the status stays open as it is, the count goes up.
        counted = postponement_count(file_status)
        times_exact = counted is not None
        new_times_postponed = counted if counted is not None else db.times_postponed + 1
        if counted is None and app_changed and db.times_postponed > 0:
            # Changed in the app since the export and already postponed (this file read before, or the
            # postponement recorded at a meeting): the same "doorgeschoven" is not counted twice.
            new_times_postponed = db.times_postponed
        if new_times_postponed != db.times_postponed:
            changes.append(
                FieldChange("postponed", "Keer uitgesteld", str(new_times_postponed), str(db.times_postponed), None)
            )
        else:
            new_times_postponed = None
        # "Loopt nog, doorgeschoven": a status word beside the postponement still says the status.
        named = parse_status(POSTPONEMENT_WORDS.sub(" ", file_status))
        if named is None and db.status.is_closed:
            named = ActionStatus.IN_PROGRESS
        if named is not None and named.label != base_status and named.label != db_status:
            new_status = named
            changes.insert(0, FieldChange("status", "Status", named.label, db_status, base_status))
    elif _norm(file_status) != _norm(base_status):
        status, warning = interpret_status(r.status)
        if warning:
            messages.append(warning)
        elif status is not None and status.label != base_status and status.label != db_status:
            new_status = status
            changes.append(FieldChange("status", "Status", status.label, db_status, base_status))
    deadline_changed = False
    new_deadline, new_deadline_text = db.deadline, db.deadline_text
    if isinstance(r.deadline, int | float) and not isinstance(r.deadline, bool):
        converted, _text, _warning = interpret_deadline(r.deadline, reference=reference)
        file_deadline = deadline_display(converted) if converted else cell_text(r.deadline)
    elif isinstance(r.deadline, date):
        file_deadline = deadline_display(r.deadline)
    else:
        file_deadline = cell_text(r.deadline)
    # A value the database already holds is no change (the file was read in before, or the app agrees).
    if _norm(file_deadline) != _norm(base_deadline) and _norm(file_deadline) != _norm(db_deadline):
        new_deadline, new_deadline_text, warning = interpret_deadline(r.deadline, reference=reference)
        if warning:
            messages.append(warning)
        if len(new_deadline_text) > MAX_DEADLINE_TEXT:
            messages.append(
                f"de deadline is {len(new_deadline_text)} tekens lang; de app bewaart er {MAX_DEADLINE_TEXT}. Deze "
                "regel wordt niet toegepast: maak de deadline in het bestand korter en lees het opnieuw in"
            )
            return RoundTripRow(
                RowKind.UNKNOWN, action_id, db.number, db.text, r.sheet, r.row_number, messages=tuple(messages)
            )
        deadline_changed = True
        shown = deadline_display(new_deadline_text or new_deadline)
        changes.append(FieldChange("deadline", "Deadline", shown or "(leeg)", db_deadline or "(leeg)", base_deadline))
    new_progress = None
    file_progress = _progress_text(r.progress)
    if file_progress != base_progress.strip():
        candidate = _new_progress(file_progress, base_progress.strip()) if file_progress else ""
        if candidate and candidate.strip() != db_progress.strip() and file_progress != db_progress.strip():
            new_progress = candidate
            changes.append(FieldChange("progress", "Stand van zaken", new_progress, db_progress, base_progress))
        elif not file_progress:
            messages.append("stand van zaken is leeggemaakt; eerdere voortgang blijft bewaard")
    if new_progress is not None and len(new_progress) > MAX_PROGRESS_TEXT:
        messages.append(
            f"de stand van zaken is {len(new_progress)} tekens lang; de app bewaart er {MAX_PROGRESS_TEXT}. Deze regel "
            "wordt niet toegepast: maak de tekst in het bestand korter en lees het opnieuw in"
        )
        return RoundTripRow(
            RowKind.UNKNOWN, action_id, db.number, db.text, r.sheet, r.row_number, messages=tuple(messages)
        )
    if r.number and db.number and r.number != db.number:
        messages.append(f"het nummer in het bestand ({r.number}) verschilt van de database ({db.number})")
    if changes and app_changed:
        kind = RowKind.CONFLICT
        messages.insert(0, "de actie is ook in de app gewijzigd sinds de export")
    elif changes:
        kind = RowKind.CHANGED
    else:
        kind = RowKind.UNCHANGED
    return RoundTripRow(
        kind=kind,
        action_id=action_id,
        number=db.number,
        text=db.text,
        sheet=r.sheet,
        row_number=r.row_number,
        changes=tuple(changes),
        new_status=new_status,
        deadline_changed=deadline_changed,
        new_deadline=new_deadline,
        new_deadline_text=new_deadline_text,
        new_progress=new_progress,
        new_times_postponed=new_times_postponed,
        times_postponed_exact=times_exact,
        database_version=version_stamp(db),
        messages=tuple(messages),
    )


def _duplicate(
    compared: RoundTripRow,
    r: ReturnedRow,
    same: list[ReturnedRow],
    db_row: ActionRow,
    current_progress: Mapping[uuid.UUID, str],
    exported: Mapping[uuid.UUID, ExportedValues],
    reference: date | None,
) -> RoundTripRow:
    """A row of an action that stands more than once in the file: the user chooses, no row silently wins."""
    from dataclasses import replace

    action_id = compared.action_id
    assert action_id is not None
    others = [o for o in same if o is not r]
    where = ", ".join(f"{o.sheet} regel {o.row_number}" for o in others)
    versions = {
        tuple((c.field, c.file_value) for c in _compare(
            o, action_id, db_row, current_progress.get(action_id, ""), exported.get(action_id), reference
        ).changes)
        for o in same
    }  # fmt: skip
    if len(versions) == 1:
        # The same values twice: the first row counts, the others are shown without changes.
        if r is same[0]:
            return replace(compared, messages=(*compared.messages, f"staat nog eens in het bestand ({where}), gelijk"))
        return replace(
            compared,
            kind=RowKind.UNCHANGED,
            changes=(),
            new_status=None,
            deadline_changed=False,
            new_progress=None,
            messages=(*compared.messages, "staat al eerder in het bestand met dezelfde waarden"),
        )
    message = (
        f"deze actie staat ook op {where} met andere waarden: vink de regel aan die geldt (of pas het bestand aan); "
        "er wordt niets van toegepast zolang u niet kiest"
    )
    return replace(compared, kind=RowKind.CONFLICT, messages=(message, *compared.messages))
