"""The conflict dialog of offline work, read as the user reads it: who changed each side and when, the record and
field named in full (never cut off) at 1366x768 and in the narrow layout (910x512: a 1366x768 laptop at 150%).

Screenshots go to ``tests/artifacts/offline/``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from test_ui_offline import TODAY
from ui_walk import elision_problems, settle, shown_text

from ghnt_desktop.services import offline

ARTIFACTS = Path(__file__).parent / "artifacts" / "offline"
SECRETARIS, PROJECTLEIDER = "Anna de Vries (secretaris)", "Bram Jansen (projectleider)"
MORNING, NOON = datetime(2020, 3, 12, 9, 41, tzinfo=UTC), datetime(2020, 3, 12, 11, 5, tzinfo=UTC)
LONG_ITEM = (
    "Agendapunt 5 Evaluatie actieprogramma met ketenpartners en ervaringsdeskundigen bij overleg "
    "Afstemmingsoverleg GHNT 12 maart 2020"
)


def _conflicts() -> list[offline.OfflineConflict]:
    """Realistic conflicts, with the labels the engine makes (long ones among them) and who/when as it stores them:
    both known, a side nobody is known for (an older copy), a side without a time."""

    def conflict(n, kind, table, label, field, base, mine, theirs, mine_by, mine_at, theirs_by, theirs_at):
        return offline.OfflineConflict(
            n, uuid.uuid4(), uuid.uuid4(), kind, table, str(uuid.uuid4()), label, field, offline._field_label(field),
            base, mine, theirs, mine_by, mine_at, theirs_by, theirs_at, False,
        )  # fmt: skip

    return [
        conflict(1, "edit", "progress_update", "Voortgang van 12-03-2020 bij actiepunt AO-2019-4-A13",
                 "new_deadline_text", "maart 2020", "december 2020", "juni 2020", SECRETARIS, MORNING,
                 PROJECTLEIDER, NOON),
        conflict(2, "edit", "agenda_item", LONG_ITEM, "minutes_text", "Opening.\nToelichting.",
                 "Opening.\nToelichting door Veilig Thuis.", "Opening.\nToelichting door de GGD.", SECRETARIS,
                 MORNING, "", None),
        conflict(3, "deleted_theirs", "attendance",
                 "Aanwezigheid van Claudia van der Veen bij overleg Afstemmingsoverleg GHNT 12 maart 2020", "",
                 None, {"status": "substituted", "substitute_name": "Jan de Boer"}, None, SECRETARIS, MORNING,
                 PROJECTLEIDER, None),
    ]  # fmt: skip


def _local(moment: datetime) -> str:
    return f"{moment.astimezone():%d-%m-%Y %H:%M}"


def _list_problems(dialog) -> list[str]:
    """List entries whose text the list does not show whole (wrapped onto the lines its row holds)."""
    view = dialog.list
    problems = []
    for row in range(view.count()):
        index = view.model().index(row, 0, QModelIndex())
        full = " ".join(str(index.data()).split())
        shown = " ".join(shown_text(view, index).split())
        if shown != full:
            problems.append(f"list entry cut: {shown!r} of {full!r}")
    return problems


@pytest.mark.parametrize("size", [(1366, 768), (910, 512)], ids=["1366x768", "narrow-910x512"])
def test_who_and_when_show_and_nothing_is_cut(demo_window, qtbot, monkeypatch, size):
    from ghnt_desktop.ui.offline_conflicts import OfflineConflictsDialog

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window = demo_window(TODAY, size=size)
    conflicts = _conflicts()
    monkeypatch.setattr(offline, "open_offline_conflicts", lambda _session: conflicts)
    dialog = OfflineConflictsDialog(window.database, window)
    qtbot.addWidget(dialog)
    # The dialog fits the screen it opens on: at most the window's size there.
    dialog.resize(min(dialog.width(), size[0]), min(dialog.height(), size[1]))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= size[0] and dialog.height() <= size[1], (dialog.size(), size)
    problems = []
    who = []
    for row in range(len(conflicts)):
        dialog.list.setCurrentRow(row)
        settle()
        problems += [f"conflict {row + 1}: {p}" for p in elision_problems(dialog) + _list_problems(dialog)]
        who.append((dialog.mine_who.text(), dialog.theirs_who.text()))
        name = f"conflict_dialog_{size[0]}x{size[1]}_{row + 1}.png"
        dialog.grab().save(str(ARTIFACTS / name))
    assert not problems, "\n".join(problems)
    assert who == [
        (f"Gewijzigd door {SECRETARIS} op {_local(MORNING)}", f"Gewijzigd door {PROJECTLEIDER} op {_local(NOON)}"),
        (f"Gewijzigd door {SECRETARIS} op {_local(MORNING)}", "Gewijzigd door onbekend"),
        (f"Gewijzigd door {SECRETARIS} op {_local(MORNING)}", f"Verwijderd door {PROJECTLEIDER}"),
    ]
    # The fields edited offline of a record the team deleted, each by its name and value as the app writes them.
    assert dialog.mine_value.toPlainText() == "status: Vervangen\nvervanger (naam): Jan de Boer"
    # The record and field are named in the heading and in the list, the field by its Dutch name.
    dialog.list.setCurrentRow(0)
    assert "nieuwe deadline (zoals geschreven)" in dialog.heading.text()
    assert dialog.list.item(1).text() == f"{LONG_ITEM}\nverslagtekst"
