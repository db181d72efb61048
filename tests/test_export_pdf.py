"""PDF/A of every Word document through LibreOffice (``exports.pdf``, ``format="pdf"`` of ``run_export``).

With LibreOffice installed: each Word kind of the demo database becomes a PDF that starts with %PDF, has
pages (pdfinfo) and claims PDF/A-2 in its XMP metadata; the command line writes one by the suffix.
Without it (the finder monkeypatched): the Dutch message and no file. The finder's platform rules, the
timeout and a cancel (LibreOffice killed, nothing written) are tested with a stand-in program.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from ghnt_desktop.db import open_database
from ghnt_desktop.exports import pdf
from ghnt_desktop.exports.jobs import DOCX_KINDS, EXPECTED_ERRORS, ExportCancelled, ExportRequest, run_export
from ghnt_desktop.models import Meeting, MeetingState

pytest.importorskip("ghnt_desktop.demo")

TODAY = date(2020, 11, 1)
HAS_LIBREOFFICE = pdf.find_libreoffice() is not None
needs_libreoffice = pytest.mark.skipif(not HAS_LIBREOFFICE, reason="LibreOffice is not installed")


@pytest.fixture(scope="module")
def demo_file(demo_database) -> Path:
    return demo_database(TODAY)


@pytest.fixture
def demo_db(demo_file: Path):
    database = open_database(demo_file, read_only=True, create=False)
    yield database
    database.close()


def held_meeting(database) -> Meeting:
    with database.read_session() as session:
        return session.scalars(
            select(Meeting).where(Meeting.state == MeetingState.HELD).order_by(Meeting.date.desc()).limit(1)
        ).one()


def pdf_info(path: Path) -> dict[str, str]:
    output = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in output.splitlines())}


def pdf_metadata(path: Path) -> str:
    return subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True).stdout


@needs_libreoffice
@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler's pdfinfo is not installed")
def test_every_word_kind_becomes_a_pdf_a(demo_db, tmp_path):
    meeting = held_meeting(demo_db)
    reported: list[tuple[int, int]] = []
    for kind in DOCX_KINDS:
        out = tmp_path / f"{kind}.pdf"
        request = ExportRequest(kind=kind, out=out, meeting_id=meeting.id, today=TODAY, year=TODAY.year)
        assert request.file_format == "pdf"
        outcome = run_export(demo_db, request, progress=lambda done, total: reported.append((done, total)))
        assert outcome.path == out and outcome.format == "pdf", kind
        assert outcome.pdf_seconds is not None and outcome.pdf_seconds > 0
        assert out.read_bytes()[:5] == b"%PDF-", kind
        assert int(pdf_info(out)["Pages"]) >= 1, kind
        meta = pdf_metadata(out)
        assert "<pdfaid:part>2</pdfaid:part>" in meta, f"{kind} does not claim PDF/A-2"
        assert "<pdfaid:conformance>B</pdfaid:conformance>" in meta, kind
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~ghnt")], "a temporary file stayed"
        assert reported[-1][0] == reported[-1][1], "the bar ends full"
    assert all(0 <= done <= total for done, total in reported)


@needs_libreoffice
def test_pdf_text_is_the_word_documents_text(demo_db, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    meeting = held_meeting(demo_db)
    run_export(demo_db, ExportRequest(kind="agenda", out=tmp_path / "a.pdf", meeting_id=meeting.id))
    text = subprocess.run(["pdftotext", str(tmp_path / "a.pdf"), "-"], capture_output=True, text=True).stdout
    assert "agenda" in text.lower()


@needs_libreoffice
def test_command_line_writes_the_pdf_by_the_suffix(demo_file, tmp_path, capsys):
    from ghnt_desktop.cli import main

    out = tmp_path / "actielijst.pdf"
    assert main(["export", "actielijst", "--db", str(demo_file), "--out", str(out)]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"
    assert "Opgeslagen" in capsys.readouterr().out


@pytest.mark.parametrize("kind", DOCX_KINDS)
def test_without_libreoffice_a_dutch_message_and_no_file(demo_db, tmp_path, monkeypatch, kind):
    monkeypatch.setattr(pdf, "find_libreoffice", lambda: None)
    meeting = held_meeting(demo_db)
    out = tmp_path / f"{kind}.pdf"
    with pytest.raises(pdf.LibreOfficeMissing) as caught:
        run_export(demo_db, ExportRequest(kind=kind, out=out, meeting_id=meeting.id, year=2020))
    assert isinstance(caught.value, EXPECTED_ERRORS)
    message = str(caught.value)
    assert "Installeer LibreOffice (gratis, libreoffice.org)" in message and ".docx" in message
    assert list(tmp_path.iterdir()) == []


def test_command_line_without_libreoffice(demo_file, tmp_path, monkeypatch, capsys):
    from ghnt_desktop.cli import main

    monkeypatch.setattr(pdf, "find_libreoffice", lambda: None)
    out = tmp_path / "besluitenlijst.pdf"
    assert main(["export", "besluitenlijst", "--db", str(demo_file), "--out", str(out)]) == 2
    assert "Installeer LibreOffice" in capsys.readouterr().out
    assert not out.exists()


def test_pdf_kinds_are_the_word_kinds(tmp_path):
    from ghnt_desktop.services import ValidationError

    with pytest.raises(ValidationError, match="PDF"):
        ExportRequest(kind="presentielijst", out=tmp_path / "p.pdf").validate()
    with pytest.raises(ValidationError, match="overleg"):
        ExportRequest(kind="verslag", out=tmp_path / "v.pdf").validate()


# --- the finder and the process, with stand-in programs ----------------------------------------------


def _fake_program(folder: Path, body: str) -> Path:
    program = folder / "soffice"
    program.write_text("#!/bin/sh\n" + body + "\n")
    program.chmod(0o755)
    return program


posix_only = pytest.mark.skipif(sys.platform.startswith("win"), reason="stand-in programs are shell scripts")


@posix_only
def test_finder_prefers_path_then_install_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    installed = _fake_program(tmp_path, "exit 0")
    monkeypatch.setattr(pdf, "_candidates", lambda: [str(tmp_path / "missing" / "soffice"), str(installed)])
    assert pdf.find_libreoffice() == installed
    monkeypatch.setattr(pdf, "_candidates", lambda: [str(tmp_path / "missing" / "soffice")])
    assert pdf.find_libreoffice() is None
    on_path = tmp_path / "bin"
    on_path.mkdir()
    found = _fake_program(on_path, "exit 0")
    monkeypatch.setenv("PATH", str(on_path))
    assert pdf.find_libreoffice() == found


@pytest.mark.parametrize(
    ("platform", "needle"),
    [
        ("win32", "soffice.exe"),
        ("darwin", "LibreOffice.app/Contents/MacOS/soffice"),
        ("linux", "/usr/lib/libreoffice/program/soffice"),
    ],
)
def test_install_folders_per_platform(monkeypatch, platform, needle):
    monkeypatch.setattr(pdf.sys, "platform", platform)
    monkeypatch.setenv("ProgramFiles", r"C:\Program Files")
    places = pdf._candidates()
    assert any(needle in place.replace("\\", "/") or needle in place for place in places)


@posix_only
def test_a_hanging_libreoffice_is_stopped_and_nothing_written(tmp_path):
    source = tmp_path / "doc.docx"
    source.write_bytes(b"PK")
    program = _fake_program(tmp_path, "sleep 60")
    target = tmp_path / "out.pdf"
    with pytest.raises(pdf.PdfExportError, match="seconden"):
        pdf.convert_to_pdf(source, target, program=program, timeout=0.5)
    assert not target.exists()


@posix_only
def test_cancel_kills_libreoffice_and_writes_nothing(tmp_path):
    source = tmp_path / "doc.docx"
    source.write_bytes(b"PK")
    marker = tmp_path / "still-running"
    # The stand-in starts a child (as soffice starts soffice.bin); a cancel must stop both.
    program = _fake_program(tmp_path, f"(sleep 2; touch {marker}) &\nsleep 60")
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(pdf.PdfCancelled):
        pdf.convert_to_pdf(source, tmp_path / "out.pdf", program=program, cancelled=cancelled)
    assert not (tmp_path / "out.pdf").exists()
    import time

    time.sleep(2.5)
    assert not marker.exists(), "LibreOffice's child process outlived the cancel"


@posix_only
def test_a_failed_conversion_says_so_in_dutch(tmp_path):
    source = tmp_path / "doc.docx"
    source.write_bytes(b"PK")
    program = _fake_program(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 1")
    with pytest.raises(pdf.PdfExportError) as caught:
        pdf.convert_to_pdf(source, tmp_path / "out.pdf", program=program)
    assert "could not be loaded" in str(caught.value) and "Word-bestand (.docx)" in str(caught.value)
    assert not (tmp_path / "out.pdf").exists()


@posix_only
def test_a_non_pdf_output_is_refused(tmp_path):
    source = tmp_path / "doc.docx"
    source.write_bytes(b"PK")
    out_dir = tmp_path / "o"
    # Exit 0 but writes garbage where the PDF should be.
    program = _fake_program(tmp_path, f'mkdir -p "{out_dir}"; echo garbage > "{out_dir}/doc.pdf"')
    with pytest.raises(pdf.PdfExportError):
        pdf.convert_many([source], out_dir, program=program)


@posix_only
def test_cancel_of_the_pdf_step_is_an_export_cancel(demo_db, tmp_path, monkeypatch):
    program = _fake_program(tmp_path, "sleep 60")
    monkeypatch.setattr(pdf, "find_libreoffice", lambda: program)
    meeting = held_meeting(demo_db)
    out = tmp_path / "out" / "verslag.pdf"
    out.parent.mkdir()
    progress: list[tuple[int, int]] = []
    # Cancel once the Word half is done (the PDF step has begun).
    with pytest.raises(ExportCancelled):
        run_export(
            demo_db,
            ExportRequest(kind="verslag", out=out, meeting_id=meeting.id),
            progress=lambda done, total: progress.append((done, total)),
            cancelled=lambda: bool(progress) and progress[-1][0] * 2 >= progress[-1][1],
        )
    assert list(out.parent.iterdir()) == []
