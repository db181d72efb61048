"""The malformed-workbook corpus through the import preview and ``import actielijst --dry-run``.

For every file (``tests/import_corpus/malformed.py`` makes them): no traceback, the file unchanged, the
database unchanged, and either a refusal in Dutch that says what to do (a library's text only as a
detail), or a preview in which every row the file holds is read or reported: never part of a sheet
without saying so.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from import_corpus.malformed import Case, build_corpus
from sqlalchemy import func, select

from ghnt_desktop.imports.workbook import ImportFileError
from ghnt_desktop.models import ActionItem, ProgressUpdate

# Words of library messages and English that must never be the main text shown to the user.
NOT_DUTCH = re.compile(
    r"\b(?:the|is not|not a|error|invalid|index|out of range|traceback|exception|none|keyerror|valueerror|"
    r"badzipfile|file is|cannot|unexpected|expected|failed|no such|object)\b",
    re.IGNORECASE,
)
# A next step: the sentence tells the user what to do.
NEXT_STEP = re.compile(
    r"\b(?:open|kies|sla|vraag|kopieer|verwijder|controleer|zet|lees|pas|vul|maak|gebruik|importeer|leg)\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Case]:
    return build_corpus(tmp_path_factory.mktemp("corpus"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _counts(database) -> tuple[int, int]:
    with database.session() as s:
        return s.scalar(select(func.count(ActionItem.id))), s.scalar(select(func.count(ProgressUpdate.id)))


def test_corpus_is_large_and_varied(corpus):
    assert len(corpus) >= 100
    assert len({c.name for c in corpus}) == len(corpus)
    refused = [c for c in corpus if c.rows is None and not c.reported]
    read = [c for c in corpus if c.rows is not None]
    assert len(refused) >= 40 and len(read) >= 30


def _check_refusal(exc: ImportFileError, case: Case) -> None:
    assert exc.problem and exc.action, case.name
    main = str(exc)
    assert not NOT_DUTCH.search(main), (case.name, main)
    assert NEXT_STEP.search(exc.action), (case.name, exc.action)
    if exc.detail:
        assert exc.detail not in main


def _check_preview(preview, case: Case) -> None:
    if case.rows is None and not case.reported:
        pytest.fail(f"{case.name} should have been refused, but was read")
    assert preview is not None, case.name
    texts = [i.text for i in preview.items]
    expected = case.rows if case.rows is not None else case.reported
    missing = [t for t in expected if t not in texts]
    if case.rows is not None:
        assert not missing, (case.name, missing[:3])
    else:
        assert not missing or preview.skipped or preview.warnings, (case.name, missing[:3])
    # Nothing left out silently: every row is an item or a reported line.
    assert len(preview.items) + len(preview.skipped) >= len(expected), case.name
    for item in preview.items:
        for problem in item.problems:
            assert NEXT_STEP.search(problem) and not NOT_DUTCH.search(problem), (case.name, problem)


def test_corpus_through_the_preview(corpus, database):
    from ghnt_desktop.services.importing import preview_file

    outcomes = {"refused": 0, "read": 0}
    for case in corpus:
        before = _digest(case.path)
        try:
            with database.session() as session:
                result = preview_file(session, case.path)
        except ImportFileError as exc:
            _check_refusal(exc, case)
            assert case.rows is None, f"{case.name} was refused: {exc} ({exc.detail})"
            outcomes["refused"] += 1
        else:
            if result.roundtrip is not None:
                texts = [r.text for r in result.roundtrip.rows]
                assert case.rows is not None and all(t in texts for t in case.rows), case.name
                assert not any(r.applicable for r in result.roundtrip.rows), case.name  # none of them exists
            else:
                _check_preview(result.list_preview, case)
            outcomes["read"] += 1
        assert _digest(case.path) == before, case.name
    assert _counts(database) == (0, 0)
    assert outcomes["refused"] >= 40 and outcomes["read"] >= 30, outcomes


def test_corpus_through_the_command_line(corpus, database, capsys):
    from ghnt_desktop.cli import main

    for case in corpus:
        before = _digest(case.path)
        code = main(["import", "actielijst", str(case.path), "--db", str(database.path), "--dry-run"])
        out = capsys.readouterr()
        text = out.out + out.err
        assert "Traceback" not in text, case.name
        assert _digest(case.path) == before, case.name
        if code == 0:
            assert case.rows is not None or case.reported, (case.name, text[:300])
            assert "Proefdraai: er is niets opgeslagen." in text
        else:
            assert code == 2 and text.startswith("Fout: "), (case.name, text[:300])
            first = text.splitlines()[0]
            assert not NOT_DUTCH.search(first) and NEXT_STEP.search(first), (case.name, first)
            assert case.rows is None, (case.name, first)
    assert _counts(database) == (0, 0)
