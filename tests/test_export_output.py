"""Where an export may be written: never over the database, its side files, a backup, the template or a
read-only file; exported files get the user's normal permissions."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ghnt_desktop.backup import make_backup
from ghnt_desktop.cli import main
from ghnt_desktop.db import open_database
from ghnt_desktop.exports.jobs import ExportRequest, run_export
from ghnt_desktop.exports.output import check_output_path, write_atomically
from ghnt_desktop.services import ValidationError


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "regio" / "ghnt.db"
    path.parent.mkdir()
    open_database(path).close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused_targets(db_path: Path) -> dict[str, Path]:
    folder = db_path.parent
    backup = make_backup(db_path).path
    for side in ("-wal", "-shm", "-journal"):
        db_path.with_name(db_path.name + side).write_bytes(b"")
    copy = folder / "kopie van ghnt.xlsx"  # a database renamed by someone: still a database
    copy.write_bytes(db_path.read_bytes())
    (folder / "link").symlink_to(folder)
    os.link(db_path, folder / "harde-link.xlsx")
    return {
        "the database": db_path,
        "the database, relative spelling": folder / "sub" / ".." / "." / "ghnt.db",
        "the database through a symlinked folder": folder / "link" / "ghnt.db",
        "a hard link to the database": folder / "harde-link.xlsx",
        "the -wal file": db_path.with_name("ghnt.db-wal"),
        "the -shm file": db_path.with_name("ghnt.db-shm"),
        "the -journal file": db_path.with_name("ghnt.db-journal"),
        "the lock file": db_path.with_name("ghnt.db.lock"),
        "a backup": backup,
        "a new name in backups/": backup.parent / "actielijst.xlsx",
        "another database file": copy,
        "a folder": folder,
    }


CASES = [
    "the database",
    "the database, relative spelling",
    "the database through a symlinked folder",
    "a hard link to the database",
    "the -wal file",
    "the -shm file",
    "the -journal file",
    "the lock file",
    "a backup",
    "a new name in backups/",
    "another database file",
    "a folder",
]


@pytest.mark.parametrize("case", CASES)
def test_the_guard_refuses_what_an_export_would_destroy(db_path, case):
    (db_path.parent / "sub").mkdir()
    target = refused_targets(db_path)[case]
    before = digest(db_path)
    with pytest.raises(ValidationError) as info:
        check_output_path(target, database=db_path)
    assert "kies" in str(info.value).lower() or "sla het document ergens anders op" in str(info.value)
    # The export itself (as the command line and the dialog run it) refuses before writing anything.
    database = open_database(db_path, read_only=True)
    try:
        with pytest.raises(ValidationError):
            run_export(database, ExportRequest(kind="actielijst", out=target, format="xlsx"))
    finally:
        database.close()
    assert digest(db_path) == before


@pytest.mark.parametrize("option", ["--db", "--template"])
def test_the_command_line_refuses_out_equal_to_db_or_template(tmp_path, db_path, capsys, option):
    template = tmp_path / "huisstijl.docx"
    run_docx = ["export", "besluitenlijst", "--db", str(db_path)]
    target = db_path if option == "--db" else template
    if option == "--template":
        from docx import Document

        Document().save(template)
        run_docx += ["--template", str(template)]
        target = template.with_suffix(".docx")
    before = digest(target)
    assert main([*run_docx, "--out", str(target)]) == 2
    out = capsys.readouterr().out
    assert out.startswith("Fout: ") and "Traceback" not in out
    assert digest(target) == before


def test_a_read_only_target_is_not_replaced_silently(tmp_path, db_path, capsys):
    target = tmp_path / "actielijst.xlsx"
    target.write_bytes(b"oude versie")
    target.chmod(0o444)
    try:
        assert main(["export", "actielijst", "--db", str(db_path), "--out", str(target)]) == 2
        assert "alleen-lezen" in capsys.readouterr().out
        assert target.read_bytes() == b"oude versie"
        with pytest.raises(RuntimeError, match="alleen-lezen"):  # the writer refuses too, guard or not
            write_atomically(target, lambda temp: temp.write_bytes(b"nieuw"), error=RuntimeError, in_use="")
        assert target.read_bytes() == b"oude versie"
    finally:
        target.chmod(0o644)


def test_ordinary_targets_are_allowed(tmp_path, db_path):
    existing = tmp_path / "actielijst.xlsx"
    existing.write_bytes(b"vorige export")
    for target in (existing, db_path.with_name("ghnt.docx"), db_path.with_name("ghnt.db.xlsx"), tmp_path / "nieuw"):
        check_output_path(target, database=db_path, template=tmp_path / "huisstijl.docx")


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_exported_files_get_the_users_normal_permissions(tmp_path, db_path, umask, mode):
    previous = os.umask(umask)
    try:
        database = open_database(db_path, read_only=True)
        try:
            for name, kind in (("lijst.xlsx", "actielijst"), ("lijst.docx", "besluitenlijst")):
                outcome = run_export(database, ExportRequest(kind=kind, out=tmp_path / name))
                assert stat.S_IMODE(outcome.path.stat().st_mode) == mode, name
        finally:
            database.close()
    finally:
        os.umask(previous)


def test_a_replaced_export_keeps_its_own_permissions(tmp_path):
    target = tmp_path / "gedeeld.xlsx"
    target.write_bytes(b"oud")
    target.chmod(0o640)
    write_atomically(target, lambda temp: temp.write_bytes(b"nieuw"), error=RuntimeError, in_use="")
    assert target.read_bytes() == b"nieuw" and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["gedeeld.xlsx"]  # no temporary file left


segment = st.sampled_from([".", "sub/..", "sub/./..", "link", "link/sub/.."])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(segment, max_size=4), st.sampled_from(["ghnt.db", "ghnt.db-wal", "ghnt.db-shm", "ghnt.db.lock"]))
def test_any_spelling_of_the_database_is_refused(db_path, segments, name):
    folder = db_path.parent
    if not (folder / "sub").exists():
        (folder / "sub").mkdir()
        (folder / "link").symlink_to(folder)
    spelled = Path(folder, *segments, name)
    with pytest.raises(ValidationError):
        check_output_path(spelled, database=db_path)
