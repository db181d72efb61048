"""Make the small malformed files of the import corpus (run once; the files are committed).

Each file stands for a way a partner's "Excel file" can be unusable; ``tests/test_import_files.py``
checks that each gets a clear Dutch message and that nothing is written.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HERE = Path(__file__).parent


def _xlsx_bytes(build) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    build(wb)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _replace_part(data: bytes, part: str, transform) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == part:
                content = transform(content)
            dst.writestr(info, content)
    return out.getvalue()


def main() -> None:
    (HERE / "not_a_zip.xlsx").write_bytes(b"Nr;Actiepunt;Trekker\n1;Iets doen;Politie\n")
    (HERE / "empty_file.xlsx").write_bytes(b"")

    from docx import Document

    doc = Document()
    doc.add_paragraph("Actielijst (maar in Word)")
    buffer = io.BytesIO()
    doc.save(buffer)
    (HERE / "word_renamed.xlsx").write_bytes(buffer.getvalue())

    (HERE / "empty_workbook.xlsx").write_bytes(_xlsx_bytes(lambda wb: None))

    def no_header(wb):
        ws = wb.active
        ws["A1"] = "Verslag overleg"
        ws["A3"] = "Iets besproken"
        ws["B3"] = 12
        ws["A4"] = "Nog iets"

    (HERE / "no_header.xlsx").write_bytes(_xlsx_bytes(no_header))

    def small(wb):
        ws = wb.active
        ws.append(["Nr.", "Actiepunt", "Trekker"])
        ws.append([1, "Iets doen", "Politie"])

    # A sheet that declares the whole grid (A1:XFD1048576) while holding two rows: read to its real end.
    huge = _replace_part(
        _xlsx_bytes(small),
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b'<dimension ref="A1:C2"/>', b'<dimension ref="A1:XFD1048576"/>'),
    )
    assert b"XFD1048576" in zipfile.ZipFile(io.BytesIO(huge)).read("xl/worksheets/sheet1.xml")
    (HERE / "huge_dimension.xlsx").write_bytes(huge)

    # An encrypted Office file is an OLE compound file holding an "EncryptedPackage" stream. This is a
    # stand-in with the same signature and stream name (a real one needs Excel or msoffcrypto).
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    ole += "EncryptedInfo".encode("utf-16-le") + b"\x00" * 40 + "EncryptedPackage".encode("utf-16-le")
    ole += b"\x00" * (4096 - len(ole))
    (HERE / "password_protected.xlsx").write_bytes(bytes(ole))
    # The old binary format: OLE without the encrypted stream.
    old = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "Workbook".encode("utf-16-le"))
    old += b"\x00" * (2048 - len(old))
    (HERE / "old_format.xls").write_bytes(bytes(old))

    # An OpenDocument spreadsheet renamed to .xlsx.
    ods = io.BytesIO()
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    (HERE / "opendocument_renamed.xlsx").write_bytes(ods.getvalue())

    # A zip whose single part claims to unpack to far more than it holds is refused before parsing:
    # made with a real 400 MB run of zeros, compressed to well under a megabyte.
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (400 * 1024 * 1024))
    (HERE / "zip_bomb.xlsx").write_bytes(bomb.getvalue())


if __name__ == "__main__":
    main()
