"""The scale generator: reproducible, consistent and numbered like real data (small size here)."""

from __future__ import annotations

from sqlalchemy import func, select

from ghnt_desktop.db import open_database
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
