"""Labels (processtappen, doelgroepen) and their kinds can be renamed (QA: they could only be added and deleted).

A table of renames (another name, a case change, spaces, a name in use in the same kind or programme, a name in
use elsewhere, empty, too long), undo through ``Edit.before``, and the labels dialog with its Dutch refusal.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog
from sqlalchemy import select

from ghnt_desktop.models import Programme, ProgrammeAction, Tag, TagKind
from ghnt_desktop.services import NotFoundError, ValidationError
from ghnt_desktop.services.programme_scope import current_programme_id
from ghnt_desktop.services.programme_tags import (
    action_tag_ids,
    add_tag,
    create_tag_kind,
    list_tag_kinds,
    rename_tag,
    rename_tag_kind,
    set_action_tags,
)


@pytest.fixture
def tags(session):
    seed = Programme(region="Zuid-Holland Zuid", title="Regiovisie")
    other = Programme(region="Zuid-Holland Zuid", title="Gemeentelijk plan")
    session.add_all([seed, other])
    session.flush()
    stap = create_tag_kind(session, seed.id, "Processtap", ["Signaleren", "Melden", "Stoppen"]).id
    doel = create_tag_kind(session, seed.id, "Doelgroep", ["Ouderen", "Kinderen"]).id
    elsewhere = create_tag_kind(session, other.id, "Fase", ["Afronden"]).id
    ids = {t.name: t.id for k in list_tag_kinds(session, seed.id) for t in k.tags}
    return {"programme": seed.id, "stap": stap, "doel": doel, "elsewhere": elsewhere, **ids}


TAG_CASES = [
    # tag, new name, saved name or the start of the Dutch refusal
    ("Signaleren", "Signaleren en herkennen", "Signaleren en herkennen"),
    ("Signaleren", "signaleren", "signaleren"),  # a case change of its own name
    ("Signaleren", "  Vroeg   signaleren ", "Vroeg signaleren"),
    ("Signaleren", "Melden", "“Melden” staat al bij Processtap."),
    ("Signaleren", "MELDEN", "“MELDEN” staat al bij Processtap."),
    ("Signaleren", "Ouderen", "Ouderen"),  # another kind's label: fine
    ("Signaleren", "Afronden", "Afronden"),  # another programme's: fine
    ("Signaleren", "", "De naam van het label"),
    ("Signaleren", "x" * 201, "De naam van het label"),
]


@pytest.mark.parametrize(("tag", "name", "expected"), TAG_CASES)
def test_rename_tag(session, tags, tag, name, expected):
    tag_id = tags[tag]
    refused = not any(c.isalpha() for c in expected[:1]) or expected.startswith("De naam")
    if refused:
        with pytest.raises(ValidationError) as caught:
            rename_tag(session, tag_id, name)
        assert str(caught.value).startswith(expected)
        assert session.get(Tag, tag_id).name == tag
        return
    edit = rename_tag(session, tag_id, name)
    assert session.get(Tag, tag_id).name == expected
    rename_tag(session, tag_id, **edit.before)
    assert session.get(Tag, tag_id).name == tag


KIND_CASES = [
    ("stap", "Fase", "Fase"),
    ("stap", "processtap", "processtap"),
    ("stap", "Doelgroep", "Dit programma heeft al een soort label “Doelgroep”."),
    ("stap", " doelgroep ", "Dit programma heeft al een soort label “doelgroep”."),
    ("doel", "Fase", "Fase"),  # the other programme's kind does not count
    ("doel", "   ", "De naam van de soort label"),
]


@pytest.mark.parametrize(("kind", "name", "expected"), KIND_CASES)
def test_rename_tag_kind(session, tags, kind, name, expected):
    kind_id = tags[kind]
    old = session.get(TagKind, kind_id).name
    if expected.startswith(("Dit programma", "De naam")):
        with pytest.raises(ValidationError) as caught:
            rename_tag_kind(session, kind_id, name)
        assert str(caught.value).startswith(expected)
        assert session.get(TagKind, kind_id).name == old
        return
    edit = rename_tag_kind(session, kind_id, name)
    assert session.get(TagKind, kind_id).name == expected
    assert edit.before == {"name": old}


def test_a_renamed_label_stays_on_its_actions(session, tags):
    programme = session.get(Programme, tags["programme"])
    from ghnt_desktop.models import Ambition, Section

    section = Section(programme=programme, title="Eerder en beter in beeld", position=1)
    ambition = Ambition(section=section, text="Preventie", position=1)
    action = ProgrammeAction(ambition=ambition, text="Scholing meldcode", position=1)
    session.add_all([section, ambition, action])
    session.flush()
    set_action_tags(session, action.id, [tags["Signaleren"]])
    rename_tag(session, tags["Signaleren"], "Vroegsignalering")
    assert action_tag_ids(session, action.id) == (tags["Signaleren"],)
    assert add_tag(session, tags["stap"], "Signaleren")  # the old name is free again


def test_renaming_what_is_gone_says_so(session, tags):
    import uuid

    with pytest.raises(NotFoundError):
        rename_tag(session, uuid.uuid4(), "Iets")
    with pytest.raises(NotFoundError):
        rename_tag_kind(session, uuid.uuid4(), "Iets")


def test_the_labels_dialog_renames_refuses_a_duplicate_and_undoes(demo_window, qtbot, monkeypatch, messages):
    from ghnt_desktop.ui.editors.tags import TagsDialog

    from datetime import date

    window = demo_window(date(2026, 3, 2))
    with window.database.session() as session:
        programme = current_programme_id(session)
        create_tag_kind(session, programme, "Processtap", ["Signaleren", "Melden"])
    dialog = TagsDialog(window, programme, window)
    qtbot.addWidget(dialog)
    dialog.show()
    top = dialog.tree.topLevelItem(0)
    dialog.tree.setCurrentItem(top.child(0))
    assert dialog.rename_button.isEnabled()
    answers = iter([("Melden", True), ("Vroegsignalering", True)])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
    dialog.rename()
    assert messages and "“Melden” staat al bij Processtap" in messages[-1]
    assert dialog.tree.topLevelItem(0).child(0).text(0) == "Signaleren"
    dialog.rename()
    assert dialog.tree.topLevelItem(0).child(0).text(0) == "Vroegsignalering"
    window.undo_stack.undo()
    dialog.reload()
    assert dialog.tree.topLevelItem(0).child(0).text(0) == "Signaleren"
    with window.database.read_session() as session:
        assert "Vroegsignalering" not in session.scalars(select(Tag.name)).all()
