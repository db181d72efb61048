"""The actielijst as an Excel workbook that partners fill in and send back.

Each sheet holds a real Excel table (filter buttons, stripes) under a short title block, with a frozen
header, wrapped text and fitted column widths. Deadlines are real dates in Dutch format, or the text
as written where no single date exists ("Q2 2020"). The status column offers a drop-down list; late
actions are coloured by conditional formatting, so the colour follows the calendar after the file
was made. Two hidden columns hold the action's key and its change stamp at export, and a hidden sheet
keeps the exported values: together they let ``ghnt_desktop.imports.roundtrip`` read the returned file,
show what the partner changed and spot rows changed in the app meanwhile.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..deadlines import parse_deadline
from ..dutch_dates import short_date
from ..models.enums import ActionStatus
from ..services.actions import ActionRow
from ..services.sheet_data import ActielijstData
from .xlsx_common import (
    DATE_STYLE,
    HEADER_STYLE,
    LATE_FILL,
    LATE_FONT,
    LINE_HEIGHT,
    NOTE_STYLE,
    NUMBER_STYLE,
    TITLE_STYLE,
    Column,
    ProgressCallback,
    StyledCells,
    XlsxExportResult,
    add_table,
    column_letter,
    new_write_only_workbook,
    report,
    row_height,
    save_workbook,
    sheet_layout,
    sheet_title,
    write_title_block,
)

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMAT_NAME = "ghnt-desktop actielijst"
FORMAT_VERSION = 1
META_SHEET = "_ghnt"
NO_SECTION = "Zonder actielijn"


COLUMNS: tuple[Column, ...] = (
    Column("number", "Nr.", 16),
    Column("text", "Actiepunt", 55),
    Column("trekker", "Trekker", 28),
    Column("deadline", "Deadline", 14, DATE_STYLE),
    Column("status", "Status", 15),
    Column("postponed", "Keer uitgesteld", 13, NUMBER_STYLE),
    Column("progress", "Stand van zaken", 50),
    Column("section", "Actielijn", 28),
    Column("meeting", "Overleg", 26),
    # Hidden: the date behind a written deadline (for the late colour) and the round-trip keys.
    Column("deadline_date", "Deadline als datum", 12, DATE_STYLE, hidden=True),
    Column("key", "Sleutel (niet wijzigen)", 38, hidden=True),
    Column("stamp", "Versie (niet wijzigen)", 28, hidden=True),
)
COLUMN_INDEX = {c.key: i for i, c in enumerate(COLUMNS)}
HEADERS = {c.key: c.header for c in COLUMNS}
# The columns a partner is expected to change; the round trip reads these.
EDITABLE = ("status", "deadline", "progress")
STATUS_CHOICES = tuple(s.label for s in ActionStatus)
META_HEADERS = ("id", "versie", "nr", "status", "deadline", "stand van zaken")


def deadline_cell_value(row: ActionRow) -> date | str | None:
    """The deadline as the file shows it: the date, or the text as written when it names a period.

    "Q2 2020" is stored with its last day as the date; the partner should still read "Q2 2020".
    """
    text = row.deadline_text.strip()
    if row.deadline is None:
        return text or None
    if text:
        parsed = parse_deadline(text)
        if parsed.end == row.deadline and parsed.start != parsed.end:
            return text
    return row.deadline


def deadline_display(value: date | datetime | str | None) -> str:
    """A deadline cell value as text, for comparing exported and returned values."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return short_date(value)
    return (value or "").strip()


def version_stamp(row: ActionRow) -> str:
    """The change stamp of a row at export: compared at import to see whether the app changed it since."""
    return row.updated_at.isoformat() if row.updated_at is not None else ""


def _meeting_label(row: ActionRow) -> str:
    if not row.origin_meeting_title and row.origin_meeting_date is None:
        return ""
    when = short_date(row.origin_meeting_date)
    return (
        f"{row.origin_meeting_title} ({when})"
        if when and row.origin_meeting_title
        else row.origin_meeting_title or when
    )


def row_values(row: ActionRow, progress_text: str) -> list[object]:
    """The cell values of one action, in ``COLUMNS`` order."""
    return [
        row.number,
        row.text,
        row.trekker,
        deadline_cell_value(row),
        row.status.label,
        row.times_postponed,
        progress_text,
        row.section_title or NO_SECTION,
        _meeting_label(row),
        row.deadline,
        str(row.id),
        version_stamp(row),
    ]


def confidential_note(count: int) -> str:
    """The Dutch sentence that says how many confidential actions were left out, and why always here."""
    counted = "1 vertrouwelijke actie is weggelaten" if count == 1 else f"{count} vertrouwelijke acties zijn weggelaten"
    return (
        f"{counted}: de Excel-actielijst gaat naar partners en bevat nooit vertrouwelijke acties. "
        "Gebruik de Word-actielijst voor een lijst met vertrouwelijke acties."
    )


def _group_by_section(rows: Sequence[ActionRow]) -> list[tuple[str, list[ActionRow]]]:
    groups: dict[str, tuple[float, list[ActionRow]]] = {}
    for row in rows:
        title = row.section_title or NO_SECTION
        position = row.section_position if row.section_position is not None else float("inf")
        if title not in groups:
            groups[title] = (position, [])
        groups[title][1].append(row)
    return [(title, items) for title, (_p, items) in sorted(groups.items(), key=lambda kv: (kv[1][0], kv[0]))]


def _setup_sheet(ws: WriteOnlyWorksheet, header_row: int, last_row: int, table_name: str | None) -> None:
    """Widths, hidden columns, frozen header, table, drop-down, late colour and print settings."""
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.styles.differential import DifferentialStyle
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    layout = sheet_layout(ws)
    for index, column in enumerate(COLUMNS, start=1):
        dimension = layout.column_dimensions[column_letter(index)]
        dimension.width = column.width
        dimension.hidden = column.hidden
    ws.freeze_panes = f"C{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    layout.page_setup.orientation = "landscape"
    layout.page_setup.paperSize = "9"  # A4
    layout.page_setup.fitToWidth = 1
    layout.page_setup.fitToHeight = 0
    page_fit, footer = layout.sheet_properties.pageSetUpPr, layout.oddFooter
    if page_fit is not None:  # both are there on a new sheet
        page_fit.fitToPage = True
    if footer is not None:
        footer.center.text = "Pagina &P van &N"
    visible_last = column_letter(max(i for i, c in enumerate(COLUMNS, start=1) if not c.hidden))
    ws.print_area = f"A1:{visible_last}{max(last_row, header_row)}"
    if last_row <= header_row:
        return
    first, last = header_row + 1, last_row
    last_col = column_letter(len(COLUMNS))
    if table_name:
        table = Table(displayName=table_name, ref=f"A{header_row}:{last_col}{last_row}")
        table.tableColumns = [TableColumn(id=i, name=c.header) for i, c in enumerate(COLUMNS, start=1)]
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
        from openpyxl.worksheet.filters import AutoFilter

        table.autoFilter = AutoFilter(ref=table.ref)
        add_table(ws, table)
    status_col = column_letter(COLUMN_INDEX["status"] + 1)
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUS_CHOICES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="Onbekende status",
        error="Kies een status uit de lijst: " + ", ".join(STATUS_CHOICES) + ".",
        promptTitle="Status",
        prompt="Kies de status uit de lijst.",
    )
    validation.add(f"{status_col}{first}:{status_col}{last}")
    layout.data_validations.append(validation)
    deadline_col = column_letter(COLUMN_INDEX["deadline"] + 1)
    date_col = column_letter(COLUMN_INDEX["deadline_date"] + 1)
    s, d, h = f"${status_col}{first}", f"${deadline_col}{first}", f"${date_col}{first}"
    closed = " ".join(f'{s}<>"{label}",' for label in (ActionStatus.DONE.label, ActionStatus.CANCELLED.label))
    # Late: the visible deadline when it is a date, else the date behind a written deadline ("Q2 2020").
    late_formula = f"AND({closed} OR(AND(ISNUMBER({d}),{d}<TODAY()),AND(NOT(ISNUMBER({d})),ISNUMBER({h}),{h}<TODAY())))"
    late = Rule(
        type="expression",
        formula=[late_formula.replace(", ", ",")],
        dxf=DifferentialStyle(
            font=Font(color=LATE_FONT, bold=True), fill=PatternFill(bgColor=LATE_FILL, fill_type="solid")
        ),
        stopIfTrue=True,
    )
    layout.conditional_formatting.add(f"A{first}:{visible_last}{last}", late)


def _write_meta_sheet(wb: Workbook, data: ActielijstData) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "hidden"
    cells = StyledCells(ws, [None] * len(META_HEADERS))
    ws.append(cells.row([FORMAT_NAME, str(FORMAT_VERSION)]))
    ws.append(cells.row(["geexporteerd", data.exported_at.isoformat()]))
    ws.append(cells.row(["organisatie", data.organisation]))
    ws.append(cells.row(list(META_HEADERS)))
    for row in data.rows:
        ws.append(
            cells.row(
                [
                    str(row.id),
                    version_stamp(row),
                    row.number,
                    row.status.label,
                    deadline_display(deadline_cell_value(row)),
                    data.progress_texts.get(row.id, ""),
                ]
            )
        )


def write_actielijst_xlsx(
    data: ActielijstData,
    path: Path,
    *,
    sheet_per_actielijn: bool = False,
    progress: ProgressCallback | None = None,
) -> XlsxExportResult:
    """Write the actielijst workbook to ``path`` and say what it holds.

    ``sheet_per_actielijn`` puts each actielijn on a sheet of its own (in programme order); otherwise
    one sheet holds every action with the actielijn as a column.
    """
    total = len(data.rows)
    report(progress, 0, total)
    wb = new_write_only_workbook()
    wb.properties.title = data.title
    used: set[str] = {META_SHEET.casefold()}
    groups = _group_by_section(data.rows) if sheet_per_actielijn else [("Actielijst", list(data.rows))]
    if not groups:
        groups = [("Actielijst", [])]
    info = f"Stand per {short_date(data.today)}"
    if data.organisation:
        info += f" · acties van {data.organisation}"
    done = 0
    sheets: list[str] = []
    for number, (name, rows) in enumerate(groups, start=1):
        ws = wb.create_sheet(sheet_title(name, used))
        sheets.append(ws.title)
        title_lines = [(data.title if not sheet_per_actielijn else f"{data.title} – {name}", TITLE_STYLE)]
        count_text = f"{len(rows)} {'actie' if len(rows) == 1 else 'acties'}"
        title_lines.append((f"{info} · {count_text}", NOTE_STYLE))
        if data.confidential_left_out:
            title_lines.append((confidential_note(data.confidential_left_out), NOTE_STYLE))
        title_lines.append(
            (
                "Vul Status, Deadline en Stand van zaken in en stuur het bestand terug. "
                "Voeg geen kolommen in vóór de tabel en laat de kolom Nr. staan.",
                NOTE_STYLE,
            )
        )
        header_row = len(title_lines) + 2
        last_row = header_row + len(rows)
        # Row and column settings must exist before the first row is written in write-only mode.
        _setup_sheet(ws, header_row, last_row, f"Actielijst{number}" if rows else None)
        write_title_block(ws, title_lines)
        ws.row_dimensions[header_row].height = 2 * LINE_HEIGHT  # "Keer uitgesteld" takes two lines
        ws.append(StyledCells(ws, [HEADER_STYLE] * len(COLUMNS)).row([c.header for c in COLUMNS]))
        cells = StyledCells(ws, [c.style for c in COLUMNS])
        progress_texts = data.progress_texts
        widths = [c.width for c in COLUMNS]
        wrapped = [not c.hidden for c in COLUMNS]
        row_dimensions = ws.row_dimensions
        for row_number, row in enumerate(rows, start=header_row + 1):
            values = row_values(row, progress_texts.get(row.id, ""))
            height = row_height(values, widths, wrapped)
            if height is not None:
                row_dimensions[row_number].height = height
            ws.append(cells.row(values))
            done += 1
            if done % 500 == 0:
                report(progress, done, total)
        if not rows:
            ws.append(StyledCells(ws, [NOTE_STYLE]).row(["Geen acties in deze selectie."]))
    _write_meta_sheet(wb, data)
    save_workbook(wb, path)
    report(progress, total, total)
    notes = (confidential_note(data.confidential_left_out),) if data.confidential_left_out else ()
    return XlsxExportResult(
        path=Path(path),
        rows=total,
        sheets=tuple(sheets),
        confidential_left_out=data.confidential_left_out,
        notes=notes,
    )
