"""A corpus of malformed and odd workbooks, generated in a test's temporary folder.

``build_corpus(folder)`` writes well over a hundred files and returns a ``Case`` per file saying what
a correct import does with it: refuse it (``rows is None``), or read exactly ``rows`` (the action texts
the generator wrote; a row it cannot read must be reported, never dropped). The families: truncated
zips, missing parts, wrong or missing size (dimension) records, huge and empty sheets, merged headers,
text in date cells, formulas, other formats renamed .xlsx, password-protected look-alikes, zip bombs
by ratio and damaged XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HEADERS = ["Nr.", "Actiepunt", "Trekker", "Deadline", "Status", "Toelichting"]
TEXTS = [
    "Werkgroep meldcode formeren",
    "Scholing signaleren voor huisartsen",
    "Pilot multidisciplinaire aanpak evalueren",
    "Aanpak ouderenmishandeling uitwerken",
    "Netwerkkaart regio actualiseren",
    "Voorlichting scholen voortgezet onderwijs",
]


@dataclass(frozen=True)
class Case:
    """One file of the corpus and what a correct import does with it."""

    name: str
    path: Path
    rows: tuple[str, ...] | None  # the action texts that must be read; None: the file must be refused
    reported: tuple[str, ...] = field(default_factory=tuple)  # texts that may be missing but must be reported


def _workbook_bytes(build: Callable) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    build(wb)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _list(count: int = len(TEXTS), *, title: bool = True) -> Callable:
    def build(wb) -> None:
        ws = wb.active
        ws.title = "Acties"
        if title:
            ws["A1"] = "Actielijst GHNT"
            ws.merge_cells("A1:F1")
            ws.append([])
        ws.append(HEADERS)
        for i in range(count):
            text = TEXTS[i % len(TEXTS)] + (f" ({i // len(TEXTS) + 1})" if i >= len(TEXTS) else "")
            ws.append([i + 1, text, "Veilig Thuis", date(2026, 1 + i % 12, 1), "Loopt", ""])

    return build


def _texts(count: int = len(TEXTS)) -> tuple[str, ...]:
    return tuple(TEXTS[i % len(TEXTS)] + (f" ({i // len(TEXTS) + 1})" if i >= len(TEXTS) else "") for i in range(count))


def _rezip(data: bytes, transform: Callable[[str, bytes], bytes | None], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            content = transform(info.filename, src.read(info.filename))
            if content is not None:
                dst.writestr(info.filename, content)
    return out.getvalue()


def _sheet(transform: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes | None]:
    return lambda name, content: transform(content) if name == "xl/worksheets/sheet1.xml" else content


def _with_shared_strings(data: bytes) -> bytes:
    """The workbook as Excel writes it: texts in xl/sharedStrings.xml (openpyxl writes them inline)."""
    from xml.sax.saxutils import escape

    strings: list[str] = []

    def shared(match: re.Match[bytes]) -> bytes:
        text = match.group(2).decode()
        strings.append(text)
        return b'<c r="' + match.group(1) + b'" t="s"><v>' + str(len(strings) - 1).encode() + b"</v></c>"

    def transform(name: str, content: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return re.sub(
                rb'<c r="([A-Z]+\d+)"[^>]*t="inlineStr"[^>]*><is><t[^>]*>([^<]*)</t></is></c>', shared, content
            )
        if name == "[Content_Types].xml":
            return content.replace(
                b"</Types>",
                b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
            )
        if name == "xl/_rels/workbook.xml.rels":
            return content.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
            )
        return content

    body = _rezip(data, transform)
    items = "".join(f"<si><t>{escape(t)}</t></si>" for t in strings)
    table = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(body)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        dst.writestr("xl/sharedStrings.xml", table)
    return out.getvalue()


def build_corpus(folder: Path) -> list[Case]:  # noqa: PLR0915 - one generator, family by family
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, data: bytes, rows: tuple[str, ...] | None, reported: tuple[str, ...] = ()) -> None:
        path = folder / name
        path.write_bytes(data)
        cases.append(Case(name, path, rows, reported))

    good = _workbook_bytes(_list())
    good_big = _workbook_bytes(_list(60))
    shared = _with_shared_strings(good)
    add("shared_strings.xlsx", shared, _texts())
    add("shared_strings_60_rows.xlsx", _with_shared_strings(good_big), _texts(60))
    shared_damage = {
        "index_out_of_range": _sheet(lambda x: re.sub(rb'(t="s"><v>)\d+(</v>)', rb"\g<1>9999\2", x, count=3)),
        "index_not_a_number": _sheet(lambda x: re.sub(rb'(t="s"><v>)\d+(</v>)', rb"\1abc\2", x, count=1)),
        "table_not_xml": lambda n, c: b"<sst" if n == "xl/sharedStrings.xml" else c,
        "table_missing": lambda n, c: None if n == "xl/sharedStrings.xml" else c,
        "table_empty": lambda n, c: (
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
            if n == "xl/sharedStrings.xml"
            else c
        ),
    }
    for name, transform in shared_damage.items():
        add(f"shared_strings_{name}.xlsx", _rezip(shared, transform), None)

    # Truncated zips: cut anywhere, the file is refused (never read in part).
    for base_name, base in (("lijst", good), ("groot", good_big)):
        for percent in (1, 5, 10, 25, 40, 50, 60, 75, 90, 95, 99):
            add(f"truncated_{base_name}_{percent:02d}.xlsx", base[: len(base) * percent // 100], None)
    # Bytes flipped in the middle of the compressed sheet.
    for offset in (200, 600, 1200, 2000):
        damaged = bytearray(good)
        position = min(offset, len(damaged) - 30)
        damaged[position : position + 16] = b"\xff" * 16
        add(f"flipped_bytes_{offset}.xlsx", bytes(damaged), None, _texts())

    # Missing parts: the workbook, the sheet or the shared strings refuse the file; parts Excel can
    # do without (document properties, styles, relationships of the package) may be read.
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        parts = archive.namelist()
    essential = {
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "xl/sharedStrings.xml",
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
    }
    for part in parts:
        safe = re.sub(r"[^A-Za-z0-9]+", "_", part).strip("_")
        data = _rezip(good, lambda name, content, part=part: None if name == part else content)
        add(f"missing_{safe}.xlsx", data, None if part in essential else _texts(), _texts())

    # Size (dimension) records: missing, too small, the whole grid, nonsense. Always read to the end.
    dimension_variants = {
        "none": lambda x: re.sub(rb"<dimension[^>]*/>", b"", x),
        "too_small": lambda x: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:B2"/>', x),
        "single_cell": lambda x: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', x),
        "whole_grid": lambda x: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', x),
        "nonsense": lambda x: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="ZZZZ:!!"/>', x),
        "too_many_rows": lambda x: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:F999999"/>', x),
        "too_many_columns": lambda x: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:ZZ9"/>', x),
    }
    for variant, transform in dimension_variants.items():
        add(f"dimension_{variant}.xlsx", _rezip(good, _sheet(transform)), _texts())
        add(f"dimension_{variant}_60_rows.xlsx", _rezip(good_big, _sheet(transform)), _texts(60))
    # Rows without their "r" numbers (some writers leave them out), with a small dimension.
    add(
        "rows_without_numbers.xlsx",
        _rezip(good_big, _sheet(lambda x: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:B3"/>', x))),
        _texts(60),
    )

    # Huge and empty sheets.
    def many_rows(count: int) -> Callable:
        def build(wb) -> None:
            ws = wb.active
            ws.append(HEADERS)
            for i in range(count):
                ws.append([i + 1, f"Actie {i + 1}"])

        return build

    add("rows_50001.xlsx", _workbook_bytes(many_rows(50_001)), None)
    add("rows_5000.xlsx", _workbook_bytes(many_rows(5_000)), tuple(f"Actie {i + 1}" for i in range(5_000)))

    def far_cell(row: int, column: int) -> Callable:
        def build(wb) -> None:
            _list()(wb)
            wb.active.cell(row=row, column=column, value="verdwaald")

        return build

    add("stray_cell_row_60000.xlsx", _workbook_bytes(far_cell(60_000, 1)), None)
    add("stray_cell_column_300.xlsx", _workbook_bytes(far_cell(5, 300)), None)
    add("stray_cell_row_40000.xlsx", _workbook_bytes(far_cell(40_000, 1)), _texts())
    add("empty_sheet.xlsx", _workbook_bytes(lambda wb: None), None)
    add("only_spaces.xlsx", _workbook_bytes(lambda wb: wb.active.append(["  ", "\t"])), None)

    def header_only(wb) -> None:
        wb.active.append(HEADERS)

    add("header_only.xlsx", _workbook_bytes(header_only), ())

    def styled_empty_rows(wb) -> None:
        from openpyxl.styles import PatternFill

        _list()(wb)
        for row in range(20, 3000):
            wb.active.cell(row=row, column=1).fill = PatternFill("solid", fgColor="FFFF00")

    add("styled_empty_rows.xlsx", _workbook_bytes(styled_empty_rows), _texts())

    def two_sheets_one_empty(wb) -> None:
        wb.create_sheet("Leeg")
        _list()(wb)

    add("second_sheet_empty.xlsx", _workbook_bytes(two_sheets_one_empty), _texts())

    def hidden_list(wb) -> None:
        _list()(wb)
        wb.create_sheet("Zichtbaar").append(["Alleen een notitie"])
        wb["Acties"].sheet_state = "hidden"

    add("list_on_hidden_sheet.xlsx", _workbook_bytes(hidden_list), None)

    # Merged headers and titles.
    def merged_header(wb) -> None:
        ws = wb.active
        ws.append(["Actielijst"])
        ws.append(["Nr.", "Actiepunt", None, "Trekker", "Deadline", "Status"])
        ws.merge_cells("B2:C2")
        for i, text in enumerate(TEXTS):
            ws.append([i + 1, text, None, "GGD", "Q3 2026", "Loopt"])

    add("merged_header_across.xlsx", _workbook_bytes(merged_header), _texts())

    def two_row_header(wb) -> None:
        ws = wb.active
        ws.append(["Actie", None, "Planning", None])
        ws.append(["Nr.", "Actiepunt", "Deadline", "Status"])
        ws.merge_cells("A1:B1")
        ws.merge_cells("C1:D1")
        for i, text in enumerate(TEXTS):
            ws.append([i + 1, text, "2026", "Gereed"])

    add("two_row_header.xlsx", _workbook_bytes(two_row_header), _texts())

    def merged_down(wb) -> None:
        _list(title=False)(wb)
        wb.active.merge_cells("C2:C7")

    add("trekker_merged_down.xlsx", _workbook_bytes(merged_down), _texts())

    def merged_action_block(wb) -> None:
        _list(title=False)(wb)
        wb.active.merge_cells("B2:B3")  # two rows share one action text: both rows read it

    # Merging clears the second cell when saved, so the file holds the first text twice.
    add("action_merged_down.xlsx", _workbook_bytes(merged_action_block), (TEXTS[0], *TEXTS[2:]))

    # Text in date cells and odd values.
    odd_deadlines = ["ergens in het voorjaar", "#N/A", "32-13-2026", 99_999_999, -5, "Q5 2026", "", "2026-02-30", "?"]
    for index, value in enumerate(odd_deadlines):

        def build(wb, value=value) -> None:
            ws = wb.active
            ws.append(HEADERS)
            for i, text in enumerate(TEXTS):
                ws.append([i + 1, text, "Politie", value, "Loopt", None])

        add(f"odd_deadline_{index}.xlsx", _workbook_bytes(build), _texts())

    def error_values(wb) -> None:
        ws = wb.active
        ws.append(HEADERS)
        for i, text in enumerate(TEXTS):
            ws.append([i + 1, text, "#REF!", "#VALUE!", "#DIV/0!", "#NAME?"])

    add("error_values.xlsx", _workbook_bytes(error_values), _texts())

    def date_in_text_column(wb) -> None:
        ws = wb.active
        ws.append(HEADERS)
        for i, text in enumerate(TEXTS):
            ws.append([i + 1, text, date(2026, 3, 1), "morgen", date(2026, 1, 1), 12.5])

    add("dates_in_text_columns.xlsx", _workbook_bytes(date_in_text_column), _texts())

    # Texts longer than the app holds: refused per row and reported, never cut.
    def long_values(wb) -> None:
        ws = wb.active
        ws.append(HEADERS)
        for i, text in enumerate(TEXTS):
            ws.append([("N" * 41) if i == 0 else i + 1, text, ("Trekker " * 50) if i == 1 else "GGD", "Q1 2027"])

    add("long_values.xlsx", _workbook_bytes(long_values), _texts()[2:], _texts()[:2])

    # Formulas: with a saved value they read as that value; without one the cell reads empty and is reported.
    def formulas(wb) -> None:
        ws = wb.active
        ws.append(HEADERS)
        for text in TEXTS:
            ws.append(["=ROW()-1", text, '=CONCATENATE("Veilig ","Thuis")', "=TODAY()+30", "Loopt"])
        ws.append([7, '=CONCATENATE("Actie ","zeven")', "GGD"])

    add("formulas_without_values.xlsx", _workbook_bytes(formulas), _texts(), ("Actie zeven",))

    def cached(xml: bytes) -> bytes:
        return re.sub(rb"<f>([^<]*)</f><v\s*/>|<f>([^<]*)</f>(?!<v>)", rb"<f>\1\2</f><v>1</v>", xml)

    add("formulas_with_values.xlsx", _rezip(_workbook_bytes(formulas), _sheet(cached)), _texts(), ("Actie zeven",))

    # Other formats renamed .xlsx.
    add("csv_semicolon.xlsx", b"Nr;Actiepunt;Trekker\n1;Iets doen;Politie\n", None)
    add("csv_comma.xlsx", b"Nr,Actiepunt,Trekker\n1,Iets doen,Politie\n", None)
    add("csv_tab.xlsx", b"Nr\tActiepunt\tTrekker\n1\tIets doen\tPolitie\n", None)
    add("csv_utf16.xlsx", "Nr;Actiepunt\n1;Iets\n".encode("utf-16"), None)
    add("csv_bom.xlsx", "\ufeffNr;Actiepunt\n1;Iets\n".encode(), None)
    add("html_table.xlsx", b"<html><body><table><tr><td>Nr</td></tr></table></body></html>", None)
    add(
        "xml_spreadsheet_2003.xlsx",
        b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
        None,
    )
    add("pdf_renamed.xlsx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", None)
    add("random_bytes.xlsx", bytes((i * 7919) % 256 for i in range(4096)), None)
    add("text_file.xlsx", b"Actielijst\n\nDit is geen werkmap.\n", None)
    add("single_byte.xlsx", b"P", None)
    old_xls = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "Workbook".encode("utf-16-le"))
    add("xls_renamed.xlsx", bytes(old_xls + b"\x00" * 1024), None)
    add("xls_real_extension.xls", bytes(old_xls + b"\x00" * 1024), None)

    from docx import Document

    doc = Document()
    doc.add_paragraph("Actielijst in Word")
    buffer = io.BytesIO()
    doc.save(buffer)
    add("docx_renamed.xlsx", buffer.getvalue(), None)
    pptx = io.BytesIO()
    with zipfile.ZipFile(pptx, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
    add("pptx_renamed.xlsx", pptx.getvalue(), None)
    ods = io.BytesIO()
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    add("ods_renamed.xlsx", ods.getvalue(), None)
    empty_zip = io.BytesIO()
    zipfile.ZipFile(empty_zip, "w").close()
    add("empty_zip.xlsx", empty_zip.getvalue(), None)
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("notities.txt", "geen werkmap")
    add("zip_of_text.xlsx", plain_zip.getvalue(), None)

    # Password-protected look-alikes: an OLE file holding an EncryptedPackage stream.
    for offset in (0, 512, 3000, 100_000):
        ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * offset)
        ole += "EncryptedInfo".encode("utf-16-le") + b"\x00" * 40 + "EncryptedPackage".encode("utf-16-le")
        add(f"password_offset_{offset}.xlsx", bytes(ole + b"\x00" * 512), None)
    add("ole_signature_only.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", None)

    # Zip bombs by ratio: a part that unpacks to far more than it holds.
    for megabytes in (12, 40, 320):
        bomb = io.BytesIO()
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/workbook.xml", "<workbook/>")
            archive.writestr("xl/worksheets/sheet1.xml", b"\x20" * (megabytes * 1024 * 1024))
        add(f"zip_bomb_{megabytes}mb.xlsx", bomb.getvalue(), None)
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for i in range(40):
            archive.writestr(f"xl/media/image{i}.bin", b"\x00" * (1024 * 1024))
    add("zip_bomb_many_parts.xlsx", many.getvalue(), None)

    # Damaged XML inside a sound zip.
    xml_damage = {
        "sheet_not_xml": _sheet(lambda x: b"dit is geen xml"),
        "sheet_cut_off": _sheet(lambda x: x[: len(x) // 2]),
        "sheet_bad_cell_ref": _sheet(lambda x: x.replace(b'r="B4"', b'r="!!"')),
        "sheet_bad_row_number": _sheet(lambda x: x.replace(b'<row r="4"', b'<row r="vier"')),
        "workbook_not_xml": lambda n, c: b"<<<" if n == "xl/workbook.xml" else c,
        "styles_not_xml": lambda n, c: b"<styleSheet" if n == "xl/styles.xml" else c,
        "content_types_not_xml": lambda n, c: b"?" if n == "[Content_Types].xml" else c,
        "rels_point_nowhere": lambda n, c: (
            c.replace(b"worksheets/sheet1.xml", b"worksheets/nope.xml") if n == "xl/_rels/workbook.xml.rels" else c
        ),
        "date_cell_out_of_range": _sheet(
            lambda x: re.sub(rb'(<c r="D4"[^>]*>)<v>[^<]*</v>', rb"\g<1><v>99999999999</v>", x)
        ),
    }
    for name, transform in xml_damage.items():
        add(f"xml_{name}.xlsx", _rezip(good, transform), None, _texts())
    # Returned actielijsten (the hidden key column) whose keys or hidden sheet are damaged: every row is
    # shown (as unknown: this database has none of the actions), nothing is applied.
    import uuid

    from ghnt_desktop.exports.xlsx_actielijst import (
        COLUMNS,
        FORMAT_NAME,
        META_HEADERS,
        META_SHEET,
    )
    from ghnt_desktop.exports.xlsx_actielijst import (
        HEADERS as RT_HEADERS,
    )

    def returned(keys: list[object], meta: list[list[object]] | None) -> Callable:
        def build(wb) -> None:
            ws = wb.active
            ws.title = "Actielijst"
            ws.append([c.header for c in COLUMNS] + [RT_HEADERS["key"], RT_HEADERS["stamp"]])
            for i, key in enumerate(keys):
                values = {"number": f"AO-2026-1-{i + 1:02d}", "text": TEXTS[i % len(TEXTS)], "status": "Loopt"}
                ws.append([values.get(c.key) for c in COLUMNS] + [key, "2026-01-01T00:00:00"])
            if meta is not None:
                sheet = wb.create_sheet(META_SHEET)
                for row in meta:
                    sheet.append(row)
                sheet.sheet_state = "hidden"

        return build

    six = [str(uuid.UUID(int=i + 1)) for i in range(6)]
    good_meta = [[FORMAT_NAME], ["geexporteerd", "2026-01-01T10:00:00"], list(META_HEADERS)]
    returned_cases = {
        "keys_garbage": (["abc", "", "123", "{}", "x" * 50, None], good_meta),
        "keys_unknown": (six, good_meta),
        "keys_twice": ([six[0], six[0], six[1], six[1], six[2], six[3]], good_meta),
        "meta_missing": (six, None),
        "meta_wrong_format": (six, [["iets anders"], ["geexporteerd", "gisteren"]]),
        "meta_garbage_rows": (six, [*good_meta, ["geen-uuid", "v", "nr"], [six[0]], [None, None]]),
        "meta_bad_date": (six, [[FORMAT_NAME], ["geexporteerd", "31-02-2026"], list(META_HEADERS)]),
    }
    for name, (keys, meta) in returned_cases.items():
        add(f"returned_{name}.xlsx", _workbook_bytes(returned(keys, meta)), _texts(len(keys)))
    add("returned_header_only.xlsx", _workbook_bytes(returned([], good_meta)), ())

    # Stored without compression (some tools do): still a workbook.
    add("stored_uncompressed.xlsx", _rezip(good, lambda n, c: c, compression=zipfile.ZIP_STORED), _texts())
    return cases
