"""``ghnt-desktop export KIND --db PATH --out FILE``: Word (.docx), PDF (.pdf) or Excel (.xlsx) by the suffix.

A ``.pdf`` is the Word document converted to PDF/A by LibreOffice (``exports.pdf``). ``export vergaderstukken
--meeting ID --out FILE.eml`` writes an e-mail draft with the meeting pack (``exports.meeting_pack``).

This module parses the arguments and runs the export through ``exports.jobs`` (the same layer the
export dialog uses). ``commands/export_docx.py`` and ``commands/export_xlsx.py`` turn the arguments
into an ``ExportRequest``: they look up the meeting, series, organisation, programme and report the
user named. Every expected failure prints a Dutch message and returns exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from .common import add_db_argument
from .export_run import EXIT_ERROR

# The same as exports.jobs.DOCX_KINDS / XLSX_KINDS (a test checks), kept here so that building the
# parser at every start of the app does not import the export machinery.
DOCX_KINDS = (
    "agenda", "verslag", "besluitenlijst", "actielijst", "programma", "voortgang", "voortgangsoverzicht", "jaaroverzicht"
)
XLSX_KINDS = ("actielijst", "presentielijst", "besluitenlijst", "indicatoren")
PACK_KIND = "vergaderstukken"  # agenda, previous verslag and actielijst with an e-mail draft (.eml)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ongeldige datum {text!r}: gebruik JJJJ-MM-DD") from exc


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help="een document maken (Word .docx, PDF .pdf of Excel .xlsx, gekozen op de extensie van --out)",
        description="Word en PDF: "
        + ", ".join(DOCX_KINDS)
        + ". Excel: "
        + ", ".join(XLSX_KINDS)
        + f". E-mail (.eml): {PACK_KIND} (agenda, vorig verslag en actielijst als bijlagen).",
    )
    parser.add_argument(
        "kind",
        choices=sorted(set(DOCX_KINDS) | set(XLSX_KINDS) | {PACK_KIND}),
        metavar="SOORT",
        help="agenda, verslag, besluitenlijst, actielijst, programma, voortgang, voortgangsoverzicht, jaaroverzicht, "
        "presentielijst, indicatoren of vergaderstukken",
    )
    add_db_argument(parser)
    parser.add_argument("--out", type=Path, required=True, help="uitvoerbestand (.docx, .pdf, .xlsx of .eml)")
    parser.add_argument("--meeting", help="id van het overleg (agenda, verslag, presentielijst)")
    parser.add_argument("--from", dest="date_from", type=_iso_date, help="vanaf datum (JJJJ-MM-DD)")
    parser.add_argument("--to", dest="date_to", type=_iso_date, help="tot en met datum (JJJJ-MM-DD)")
    parser.add_argument("--series", help="naam, code of id van de overlegreeks")
    parser.add_argument("--organisation", help="alleen de acties van deze organisatie (naam of afkorting)")
    parser.add_argument(
        "--all", dest="include_closed", action="store_true", help="actielijst: ook afgeronde en vervallen acties"
    )
    parser.add_argument(
        "--all-series",
        action="store_true",
        help="besluitenlijst (Word, Excel): de besluiten van alle overlegreeksen (standaard: één reeks)",
    )
    parser.add_argument(
        "--group-by",
        choices=["actielijn", "trekker", "overleg"],
        default="actielijn",
        help="actielijst (Word): groeperen per actielijn, trekker of overleg",
    )
    parser.add_argument(
        "--per-label",
        metavar="SOORT",
        help="programma, voortgangsoverzicht (Word): per label van deze soort (bijvoorbeeld Processtap) in plaats van "
        "per actielijn; voortgang: een hoofdstuk per label na de actielijnen",
    )
    parser.add_argument("--sheet-per-actielijn", action="store_true", help="actielijst (Excel): een blad per actielijn")
    parser.add_argument(
        "--year", type=int, help="jaaroverzicht (Word, PDF); presentielijst (Excel): overzicht van vertegenwoordiging"
    )
    parser.add_argument(
        "--include-confidential", action="store_true", help="vertrouwelijke punten, besluiten en acties niet weglaten"
    )
    parser.add_argument("--template", type=Path, help="Word-sjabloon (.docx) met de huisstijl van de organisatie")
    parser.add_argument("--report", help="voortgang: id of titel van een opgeslagen voortgangsrapportage")
    parser.add_argument(
        "--programme",
        help="programma, voortgang, voortgangsoverzicht (Word): id of titel van het actieprogramma "
        "(standaard het lopende)",
    )
    parser.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    suffix = args.out.suffix.lower()
    if args.kind == PACK_KIND or suffix == ".eml":
        if args.kind != PACK_KIND or suffix != ".eml":
            print(f"Fout: alleen {PACK_KIND} wordt een e-mail; gebruik --out BESTAND.eml met {PACK_KIND}.")
            return EXIT_ERROR
        from .export_pack import run_pack_export

        return run_pack_export(args)
    if suffix in (".docx", ".pdf"):
        if args.kind not in DOCX_KINDS:
            name = "Word-document" if suffix == ".docx" else "PDF"
            print(f"Fout: {args.kind} bestaat niet als {name}; kies uit {', '.join(DOCX_KINDS)}.")
            return EXIT_ERROR
        from .export_docx import run_docx_export

        return run_docx_export(args)
    if suffix == ".xlsx":
        if args.kind not in XLSX_KINDS:
            print(f"Fout: {args.kind} bestaat niet als Excel-bestand; kies uit {', '.join(XLSX_KINDS)}.")
            return EXIT_ERROR
        from .export_xlsx import run_xlsx_export

        return run_xlsx_export(args)
    print("Fout: --out moet eindigen op .docx (Word), .pdf (PDF), .xlsx (Excel) of .eml (vergaderstukken).")
    return EXIT_ERROR
