"""PDF/A-2b of a Word document through LibreOffice, when it is installed (no Qt, no other dependency).

``find_libreoffice`` looks on PATH (``soffice``, ``libreoffice``) and in the usual install folders of
Windows, Linux and macOS. ``convert_to_pdf`` runs it headless with a private, throw-away user profile
(``-env:UserInstallation``), so a conversion works while the user has LibreOffice open and two
conversions never share a profile, with the ``writer_pdf_Export`` filter set to PDF/A-2b
(``SelectPdfVersion`` 2, the archiving standard). It stops at a timeout or when ``cancelled()`` says
so, killing LibreOffice, and writes the target atomically (``output.write_atomically``): a failure or a
cancel leaves no half PDF. Without LibreOffice it raises :class:`LibreOfficeMissing` with a Dutch
message that says how to get it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .docx_errors import ExportError

# writer_pdf_Export with PDF/A-2b; LibreOffice 7.4+ reads the JSON filter options after the filter name.
PDF_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
# Seconds LibreOffice may take before it counts as hung: a base plus an allowance per MB of Word input.
# Measured (bench_pdf.py, 2 shared cores): a verslag 2-3.5 s; the actielijst of 4,677 open actions (187 KB of
# .docx, about 200 pages) 22 s, i.e. about 120 s per MB; the allowance is 5x that for slower computers.
BASE_TIMEOUT = 120.0
TIMEOUT_PER_MB = 600.0
_POLL = 0.05

MISSING_MESSAGE = (
    "Een PDF maken kan alleen als LibreOffice op deze computer staat; GHNT Desktop gebruikt het om het "
    "Word-document om te zetten naar PDF/A (voor het archief). Installeer LibreOffice (gratis, libreoffice.org) "
    "en probeer het opnieuw, of maak het document als Word-bestand (.docx) en sla het in Word op als PDF."
)


class PdfExportError(ExportError):
    """The PDF could not be made; ``str(exc)`` says why and what to do, in Dutch."""


class LibreOfficeMissing(PdfExportError):
    """LibreOffice is not installed (or not where it is usually found)."""

    def __init__(self) -> None:
        super().__init__(MISSING_MESSAGE)


class PdfCancelled(Exception):
    """The conversion was cancelled; nothing was written."""


def _candidates() -> list[str]:
    """Usual install places of LibreOffice's ``soffice``, per platform (PATH comes first, elsewhere)."""
    if sys.platform.startswith("win"):
        places = []
        for variable in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA"):
            root = os.environ.get(variable)
            if root:
                places.append(str(Path(root) / "LibreOffice" / "program" / "soffice.exe"))
                places.extend(sorted(glob.glob(str(Path(root) / "LibreOffice*" / "program" / "soffice.exe"))))
        places.append(r"C:\Program Files\LibreOffice\program\soffice.exe")
        return places
    if sys.platform == "darwin":
        return [
            "/Applications/LibreOffice.app/Contents/MacOS/soffice",
            str(Path.home() / "Applications/LibreOffice.app/Contents/MacOS/soffice"),
        ]
    return [
        "/usr/lib/libreoffice/program/soffice",
        "/usr/lib64/libreoffice/program/soffice",
        "/usr/local/lib/libreoffice/program/soffice",
        *sorted(glob.glob("/opt/libreoffice*/program/soffice"), reverse=True),  # newest version first
    ]  # not the snap or flatpak: their own /tmp cannot see the files to convert


def find_libreoffice() -> Path | None:
    """The LibreOffice program that converts documents, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for place in _candidates():
        path = Path(place)
        if path.is_file() and os.access(path, os.X_OK):
            return path
    return None


def require_libreoffice() -> Path:
    """``find_libreoffice()``, else ``LibreOfficeMissing`` with the Dutch message."""
    program = find_libreoffice()
    if program is None:
        raise LibreOfficeMissing
    return program


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and whatever it started (``soffice`` runs ``soffice.bin``)."""
    with contextlib.suppress(OSError):
        if sys.platform.startswith("win"):
            subprocess.run(
                ["taskkill", "/F", "/T", "/PID", str(process.pid)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
        else:
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


def convert_many(
    sources: Sequence[Path],
    out_dir: Path,
    *,
    program: Path | None = None,
    timeout: float | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Convert Word files to PDF/A-2b in ``out_dir`` in one LibreOffice run; returns the PDFs in order.

    The PDFs are named after the sources (``x.docx`` -> ``x.pdf``), so the sources need different stems.
    ``timeout`` (seconds) defaults to ``BASE_TIMEOUT`` plus ``TIMEOUT_PER_MB`` per MB of the sources.
    Raises ``LibreOfficeMissing``, ``PdfExportError`` (Dutch) or ``PdfCancelled``.
    """
    if timeout is None:
        size = sum(Path(source).stat().st_size for source in sources)
        timeout = BASE_TIMEOUT + TIMEOUT_PER_MB * size / 1_000_000
    program = program or require_libreoffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    results = [out_dir / (Path(source).stem + ".pdf") for source in sources]
    for stale in results:  # an older PDF of the same name must never pass for this run's
        stale.unlink(missing_ok=True)
    # A killed LibreOffice may still hold a file of its profile on Windows: cleaning up must not fail then.
    with tempfile.TemporaryDirectory(prefix="ghnt-lo-profile-", ignore_cleanup_errors=True) as profile:
        command = [
            str(program),
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            PDF_FILTER,
            "--outdir",
            str(out_dir),
            *(str(Path(source).resolve()) for source in sources),
        ]
        options: dict[str, Any] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "stdin": subprocess.DEVNULL}
        if sys.platform.startswith("win"):
            options["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        else:
            options["start_new_session"] = True  # its own process group, so a cancel stops all of it
        try:
            process = subprocess.Popen(command, **options)
        except OSError as exc:
            raise PdfExportError(
                f"LibreOffice ({program}) kon niet worden gestart: {exc.strerror or exc}. "
                "Controleer de installatie van LibreOffice of maak het document als Word-bestand (.docx)."
            ) from exc
        deadline = time.monotonic() + timeout
        try:
            while process.poll() is None:
                if cancelled is not None and cancelled():
                    _kill(process)
                    raise PdfCancelled
                if time.monotonic() > deadline:
                    _kill(process)
                    raise PdfExportError(
                        f"LibreOffice gaf na {int(timeout)} seconden nog geen PDF; het is gestopt. Sluit "
                        "vastgelopen LibreOffice-vensters en probeer het opnieuw, of maak het document als "
                        "Word-bestand (.docx)."
                    )
                time.sleep(_POLL)
        finally:
            if process.poll() is None:
                _kill(process)
            _stdout, stderr = process.communicate()
    missing = [path for path in results if not _is_pdf(path)]
    if process.returncode != 0 or missing:
        detail = (stderr or b"").decode("utf-8", "replace").strip().splitlines()
        reason = next((line for line in detail if "javaldx" not in line), "") or f"code {process.returncode}"
        raise PdfExportError(
            "LibreOffice kon het document niet omzetten naar PDF "
            f"({reason[:200]}). Probeer het opnieuw; lukt het niet, maak het document als Word-bestand (.docx)."
        )
    return results


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


def convert_to_pdf(
    source: Path,
    target: Path,
    *,
    program: Path | None = None,
    timeout: float | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the PDF/A-2b of the Word file ``source`` to ``target`` (atomically); returns ``target``."""
    from .output import write_atomically

    program = program or require_libreoffice()
    with tempfile.TemporaryDirectory(prefix="ghnt-pdf-") as work:
        (pdf,) = convert_many([source], Path(work), program=program, timeout=timeout, cancelled=cancelled)
        write_atomically(
            target,
            lambda temp: shutil.copyfile(pdf, temp),
            error=PdfExportError,
            in_use="het bestand is geopend in een ander programma (een PDF-lezer?). Sluit het en probeer opnieuw.",
        )
    return Path(target)
