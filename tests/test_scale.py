"""The scale generator: reproducible, consistent and numbered like real data (small size here)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from ghnt_desktop.db import DatabaseError, open_database
from ghnt_desktop.models import ActionItem, Decision, Meeting, ProgressUpdate
from ghnt_desktop.scale import SMALL, create_scale_database, generate


def test_small_scale_database_counts_and_integrity(tmp_path):
    counts = create_scale_database(tmp_path / "scale.db", size=SMALL)
    assert counts["organisation"] == SMALL.organisations
    assert counts["person"] == SMALL.people
    database = open_database(tmp_path / "scale.db")
    with database.session() as session:
        past = session.scalar(select(func.count()).select_from(Meeting).where(Meeting.date < "2026-01-01"))
        assert counts["action_item"] == past * SMALL.actions_per_meeting
        assert counts["decision"] == past * SMALL.decisions_per_meeting
        numbers = session.scalars(select(Decision.number)).all()
        assert len(numbers) == len(set(numbers))
        assert session.scalar(select(func.count()).select_from(ProgressUpdate)) >= counts["action_item"]
        assert database.engine.dialect.name == "sqlite"
        assert session.connection().exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    database.close()


def test_same_seed_gives_same_content(tmp_path):
    texts = []
    for name in ("a.db", "b.db"):
        database = open_database(tmp_path / name)
        with database.session() as session:
            for _ in generate(session, seed=7, size=SMALL):
                pass
        with database.session() as session:
            texts.append(
                session.execute(
                    select(ActionItem.number, ActionItem.text, ActionItem.deadline).order_by(ActionItem.number)
                ).all()
            )
        database.close()
    assert texts[0] == texts[1]
    assert len(texts[0]) > 0


def test_progress_reaches_the_end_in_order(tmp_path):
    seen: list[tuple[int, int, str]] = []
    create_scale_database(tmp_path / "scale.db", size=SMALL, progress=lambda *step: seen.append(step))
    assert seen[0][0] == 0 and seen[-1] == (7, 7, "Klaar")
    assert [done for done, _, _ in seen] == sorted(done for done, _, _ in seen)


def test_a_cancel_leaves_no_file_and_an_existing_file_is_refused(tmp_path):
    path = tmp_path / "scale.db"

    def cancel_at_the_actions(done, total, step):
        if step == "Actiepunten":
            raise KeyboardInterrupt  # what a cancel raises does not matter: the file goes

    with pytest.raises(KeyboardInterrupt):
        create_scale_database(path, size=SMALL, progress=cancel_at_the_actions)
    assert list(tmp_path.iterdir()) == []

    path.write_bytes(b"something of the user's")
    with pytest.raises(DatabaseError, match="bestaat al"):
        create_scale_database(path, size=SMALL)
    assert path.read_bytes() == b"something of the user's"


def test_command_line_builds_and_refuses_to_overwrite(tmp_path, capsys):
    from ghnt_desktop.cli import main

    path = tmp_path / "schaal.db"
    assert main(["scale", "--db", str(path), "--years", "1"]) == 0
    out = capsys.readouterr().out
    assert "[7/7] Klaar" in out and "Proefdatabase aangemaakt" in out
    database = open_database(path)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(ActionItem)) > 1000
    database.close()
    assert main(["scale", "--db", str(path), "--years", "1"]) == 2
    assert "bestaat al" in capsys.readouterr().out
    assert main(["scale", "--db", str(tmp_path / "x.db"), "--years", "0"]) == 2
