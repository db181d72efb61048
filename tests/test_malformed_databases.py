"""A corpus of malformed and odd database files through the open-check, ``check``, ``list`` and opening.

Generated here (seeded): truncations at random offsets, random bytes flipped in the header and in pages,
zeroed pages, files that are not SQLite (zero-length, text, zip, a Word file renamed .db, PNG, random
bytes), a newer schema version, foreign SQLite databases, left-over WALs (committed, torn, garbage, of
another database), hot journals (valid, torn, garbage), read-only copies, a folder and a pipe named .db.

For every file: no exception other than a ``DatabaseError`` (no traceback), no byte of the database or
its ``-journal``/``-wal`` changed by the check, ``list`` or the read-only open, and every refusal a Dutch
sentence that says what to do. The healthy ones (a left-over WAL or hot journal SQLite recovers) open.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from ghnt_desktop.cli import main as cli_main
from ghnt_desktop.db import DatabaseError, inspect_file, open_database
from ghnt_desktop.models import ActionItem, Decision, Meeting, MeetingKind

SEED = 20261202
MEETINGS = 40
# A next step: one of these imperatives (or "probeer het opnieuw") in every refusal.
NEXT_STEP = re.compile(
    r"\b(Zet|Kies|Open|Verplaats|Kopieer|Vraag|Controleer|Maak|Werk|Probeer|probeer|Bouw|Sluit|open|kies|pas)\b"
)
DUTCH = re.compile(r"\b(de|het|een|is|niet|geen)\b")

KILLED_WRITER = r"""
import os, sqlite3, sys
path, mode, commit = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
connection = sqlite3.connect(path, isolation_level=None)
connection.execute(f"PRAGMA journal_mode={mode}")
connection.execute("PRAGMA cache_size=1")
connection.execute("BEGIN IMMEDIATE")
connection.execute("UPDATE meeting SET title = title || ' (gewijzigd) ' || hex(randomblob(1500))")
if commit:
    connection.execute("COMMIT")
os._exit(0)
"""


@dataclass
class Case:
    name: str
    path: Path
    healthy: bool = False  # SQLite itself makes it whole: it must open


def digest(path: Path) -> dict[str, str]:
    """Hashes of the database and its non-empty -journal/-wal (a read-only SQLite connection may create an empty
    -wal and a -shm beside a WAL database: they hold nothing)."""
    found = {}
    for suffix in ("", "-journal", "-wal"):
        side = path.with_name(path.name + suffix)
        if side.is_file() and (not suffix or side.stat().st_size):
            found[side.name] = hashlib.sha256(side.read_bytes()).hexdigest()
    return found


def build_base(path: Path) -> Path:
    database = open_database(path)
    with database.session() as session:
        for n in range(MEETINGS):
            meeting = Meeting(
                kind=MeetingKind.AFSTEMMINGSOVERLEG, title=f"Overleg {n} " + "tekst " * 60, date=date(2024, 1, 1)
            )
            session.add(meeting)
            session.flush()
            decision = Decision(meeting_id=meeting.id, year=2024, sequence=n + 1, number=f"AO-{n}", text="b " * 30)
            session.add(decision)
            session.add(ActionItem(number=f"A{n}", text="actie " * 40, origin_meeting_id=meeting.id))
    database.close()
    return path


def killed(folder: Path, base: Path, mode: str, commit: bool) -> Path:
    path = folder / "ghnt.db"
    if path != base:
        shutil.copyfile(base, path)
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path), mode, "1" if commit else "0"], check=True)
    return path


def word_file() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>Verslag</w:p></w:body></w:document>")
    return buffer.getvalue()


def generate(root: Path) -> list[Case]:
    rng = random.Random(SEED)
    base = build_base(root / "basis.db")
    data = base.read_bytes()
    size = len(data)
    page = int.from_bytes(data[16:18], "big")
    cases: list[Case] = []
    counter = iter(range(10_000))

    def place(name: str, content: bytes | None = None, *, healthy: bool = False) -> Path:
        folder = root / f"{next(counter):03d}-{name}"
        folder.mkdir()
        path = folder / "ghnt.db"
        if content is not None:
            path.write_bytes(content)
        cases.append(Case(name, path, healthy))
        return path

    for offset in sorted({0, 1, 15, 16, 50, 99, 100, page - 1, page, page + 1, size - 1, size // 2}) + [
        rng.randrange(1, size) for _ in range(18)
    ]:
        place(f"afgekapt-{offset}", data[:offset])
    for n in range(15):
        spoiled = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            spoiled[rng.randrange(16, 100)] ^= 1 << rng.randrange(8)
        place(f"kop-bits-{n}", bytes(spoiled))
    for n in range(25):
        spoiled = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            spoiled[rng.randrange(100, size)] = rng.randrange(256)
        place(f"pagina-bytes-{n}", bytes(spoiled))
    for n in range(6):
        spoiled = bytearray(data)
        start = rng.randrange(1, size // page) * page
        spoiled[start : start + page] = bytes(page)
        place(f"pagina-nul-{n}", bytes(spoiled))
    place("leeg-bestand", b"")
    place("tekst", b"Notulen van het overleg\nBesluit: doorgaan\n")
    place("zip", word_file()[:30] + b"ander zip-archief")
    place("word-als-db", word_file())
    place("png", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(500)))
    place("willekeurig", bytes(rng.randrange(256) for _ in range(8192)))
    place("sqlite-kop-en-rommel", b"SQLite format 3\x00" + bytes(rng.randrange(256) for _ in range(8000)))

    newer = place("nieuwere-versie", data)
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = '0099_uit_de_toekomst'")
    connection.commit()
    connection.close()
    for n, statement in enumerate(["CREATE TABLE klanten (naam TEXT)", "CREATE TABLE t (a); INSERT INTO t VALUES (1)"]):
        foreign = place(f"vreemde-sqlite-{n}")
        connection = sqlite3.connect(foreign)
        connection.executescript(statement)
        connection.close()
    empty = place("sqlite-zonder-tabellen")
    connection = sqlite3.connect(empty)
    connection.execute("PRAGMA user_version = 1")  # writes the header, no tables
    connection.close()

    # Left-over WALs and hot journals: made by a writer that is killed, as a crash would leave them.
    for n in range(3):
        path = place(f"wal-{n}", healthy=True)
        killed(path.parent, base, "WAL", commit=True)
        if n == 1:
            path.with_name("ghnt.db-shm").unlink()
        if n == 2:
            wal = path.with_name("ghnt.db-wal")
            wal.write_bytes(wal.read_bytes()[: 32 + 24 + page + 100])  # torn mid-frame: SQLite ignores the rest
    for n in range(2):
        path = place(f"wal-rommel-{n}", healthy=True)
        shutil.copyfile(base, path)
        path.with_name("ghnt.db-wal").write_bytes(bytes(rng.randrange(256) for _ in range(4096 * (n + 1))))
    donor_folder = root / "donor"
    donor_folder.mkdir()
    donor = build_base(donor_folder / "ghnt.db")
    killed(donor_folder, donor, "WAL", commit=True)
    for n in range(2):
        path = place(f"wal-van-ander-{n}")
        shutil.copyfile(base, path)
        shutil.copyfile(donor_folder / "ghnt.db-wal", path.with_name("ghnt.db-wal"))
    for n in range(2):
        path = place(f"heet-journaal-{n}", healthy=True)
        killed(path.parent, base, "DELETE", commit=False)
        if n == 1:
            path.chmod(0o444)
    # A journal torn in half beside changed pages (synchronous=FULL never leaves this): a partial rollback.
    path = place("heet-journaal-gescheurd")
    killed(path.parent, base, "DELETE", commit=False)
    journal = path.with_name("ghnt.db-journal")
    journal.write_bytes(journal.read_bytes()[: journal.stat().st_size // 2])
    for n in range(2):
        path = place(f"journaal-rommel-{n}")
        shutil.copyfile(base, path)
        path.with_name("ghnt.db-journal").write_bytes(bytes(rng.randrange(256) for _ in range(2048)))
    for n, mode in enumerate((0o444, 0o400)):
        path = place(f"alleen-lezen-{n}", data, healthy=True)
        path.chmod(mode)
    folder = place("map-met-db-naam")
    folder.mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(place("pipe"))
    return cases


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Case]:
    root = tmp_path_factory.mktemp("corpus")
    cases = generate(root)
    yield cases
    for case in cases:
        for entry in case.path.parent.iterdir():
            if entry.is_file():
                entry.chmod(0o644)


def assert_helpful(message: str, where: str) -> None:
    assert "Traceback" not in message, where
    assert DUTCH.search(message), f"{where}: not Dutch: {message}"
    assert NEXT_STEP.search(message), f"{where}: no next step: {message}"


def test_corpus_is_large_and_varied(corpus):
    assert len(corpus) >= 100
    assert sum(case.healthy for case in corpus) >= 8


def test_open_check_and_check_command_answer_without_changing_a_byte(corpus, capsys):
    outcomes: dict[str, int] = {"ok": 0, "refused": 0}
    for case in corpus:
        if not case.path.exists() and not case.path.is_symlink():
            continue
        before = digest(case.path)
        try:
            info = inspect_file(case.path)
            outcomes["ok"] += 1
            assert info.integrity == "ok", case.name
        except DatabaseError as exc:
            outcomes["refused"] += 1
            assert_helpful(str(exc), case.name)
            assert not case.healthy, f"{case.name} is healthy but was refused: {exc}"
        code = cli_main(["check", "--db", str(case.path)])
        out = capsys.readouterr().out
        assert code in (0, 1, 2), case.name
        if code:
            problem = "\n".join(line for line in out.splitlines() if line.startswith(("Fout", "Zoekindex", "Zet")))
            assert_helpful(out if not problem else problem + "\n" + out, case.name)
        assert digest(case.path) == before, f"{case.name}: check changed the file"
    assert outcomes["refused"] >= 60 and outcomes["ok"] >= 8


def test_read_only_opening_and_listing_answer_without_changing_a_byte(corpus, capsys):
    for case in corpus:
        if not case.path.is_file():
            continue
        before = digest(case.path)
        try:
            database = open_database(case.path, read_only=True)
        except DatabaseError as exc:
            assert_helpful(str(exc), case.name)
        else:
            database.close()
        code = cli_main(["list", "meetings", "--db", str(case.path)])
        out, err = capsys.readouterr()
        if code:  # a refusal goes to stderr: stdout holds records only
            assert_helpful(err, case.name)
            assert out == "", case.name
        assert digest(case.path) == before, f"{case.name}: reading changed the file"


def test_opening_for_editing_recovers_the_healthy_ones_and_refuses_the_rest(corpus, tmp_path):
    opened = 0
    for n, case in enumerate(corpus):
        if not case.path.is_file():
            continue
        work = tmp_path / f"{n:03d}"
        shutil.copytree(case.path.parent, work)
        path = work / case.path.name
        if case.path.stat().st_mode & stat.S_IWUSR == 0:
            path.chmod(0o644)  # root writes anyway; a user would first get "alleen-lezen"
        try:
            database = open_database(path)
        except DatabaseError as exc:
            assert_helpful(str(exc), case.name)
            assert not case.healthy, f"{case.name} is healthy but was refused: {exc}"
            continue
        try:
            with database.session() as session:
                count = session.query(Meeting).count()
        finally:
            database.close()
        opened += 1
        if case.healthy:
            assert count == MEETINGS, case.name
            assert not path.with_name(path.name + "-journal").exists(), case.name
    assert opened >= sum(case.healthy for case in corpus)
