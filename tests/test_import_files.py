"""Files that are not a usable workbook get a clear Dutch message, and an import leaves the database alone.

The malformed files live in ``tests/import_corpus/`` (made by ``make_corpus.py`` there).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from ghnt_desktop.imports.existing_list import read_list
from ghnt_desktop.imports.workbook import ImportFileError, read_workbook
from ghnt_desktop.models import ActionItem

CORPUS = Path(__file__).parent / "import_corpus"

CASES = [
    ("not_a_zip.xlsx", "tekstbestand \\(CSV\\)"),
    ("empty_file.xlsx", "is leeg"),
    ("word_renamed.xlsx", "Word-document"),
    ("empty_workbook.xlsx", "bevat geen gegevens"),
    ("password_protected.xlsx", "wachtwoord"),
    ("old_format.xls", "oud Excel-bestand"),
    ("opendocument_renamed.xlsx", "OpenDocument"),
    ("zip_bomb.xlsx", "te groot"),
    ("does_not_exist.xlsx", "bestaat niet"),
]


@pytest.mark.parametrize(("name", "message"), CASES)
def test_unusable_files_get_a_dutch_message(name: str, message: str):
    with pytest.raises(ImportFileError, match=message) as caught:
        read_workbook(CORPUS / name)
    assert name in str(caught.value)  # the message names the file


def test_no_header():
    with pytest.raises(ImportFileError, match="geen kopregel"):
        read_list(read_workbook(CORPUS / "no_header.xlsx"))


def test_a_sheet_declaring_the_whole_grid_is_read_to_its_real_end():
    """huge_dimension.xlsx declares A1:XFD1048576 and holds two rows: read, not refused by its size record."""
    table = read_list(read_workbook(CORPUS / "huge_dimension.xlsx"))
    assert [row for _n, row in table.rows] == [(1, "Iets doen", "Politie")]


def test_a_directory_is_not_a_file(tmp_path: Path):
    with pytest.raises(ImportFileError, match="geen bestand"):
        read_workbook(tmp_path)


@pytest.mark.parametrize("name", [c[0] for c in CASES[:5]] + ["no_header.xlsx"])
def test_import_command_refuses_and_writes_nothing(name: str, database, capsys):
    from ghnt_desktop.cli import main

    code = main(["import", "actielijst", str(CORPUS / name), "--db", str(database.path)])
    assert code == 2
    out = capsys.readouterr().out
    assert out.startswith("Fout: ") and "Traceback" not in out
    with database.session() as s:
        assert s.scalar(select(func.count(ActionItem.id))) == 0
