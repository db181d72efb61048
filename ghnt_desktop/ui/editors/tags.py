"""Labels beyond the programme tree (processtappen, doelgroepen): the picker on the action form and the dialog
where a programme's tag kinds and tags are kept.

Every change is one command on the window's undo stack through ``services.programme_tags``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .forms import tr


class TagPicker(QToolButton):
    """The labels of one action: a button naming them, with a menu of every label of the programme to tick."""

    tags_chosen = Signal(list)  # the tag ids now ticked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # As wide as the form gives, never wider: a long list of labels must not widen the form past its pane.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)
        self._menu = QMenu(self)
        self.setMenu(self._menu)
        self._chosen: list[uuid.UUID] = []
        self._names: dict[uuid.UUID, str] = {}
        self.set_tags([], ())

    def set_tags(
        self, groups: Sequence[tuple[str, Sequence[tuple[str, uuid.UUID]]]], chosen: Sequence[uuid.UUID]
    ) -> None:
        """``groups``: (kind name, [(tag name, id)]) of the programme; ``chosen``: the action's tags."""
        self._menu.clear()
        self._names = {tag_id: name for _, tags in groups for name, tag_id in tags}
        self._chosen = [t for t in chosen if t in self._names]
        for kind, tags in groups:
            self._menu.addSection(kind)
            for name, tag_id in tags:
                action = self._menu.addAction(name)
                action.setCheckable(True)
                action.setChecked(tag_id in self._chosen)
                action.toggled.connect(lambda on, t=tag_id: self._toggle(t, on))
        self.setEnabled(bool(self._names))
        self._show()

    def chosen(self) -> list[uuid.UUID]:
        return list(self._chosen)

    def _toggle(self, tag_id: uuid.UUID, on: bool) -> None:
        if on and tag_id not in self._chosen:
            self._chosen.append(tag_id)
        elif not on and tag_id in self._chosen:
            self._chosen.remove(tag_id)
        self._show()
        self.tags_chosen.emit(self.chosen())

    def _show(self) -> None:
        if not self._names:
            self.setText(tr("(geen labels; zie Programma > Labels)"))
        else:
            self.setText(", ".join(self._names[t] for t in self._chosen) or tr("(geen)"))
        self.setToolTip(self.text())


class TagsDialog(QDialog):
    """The tag kinds of a programme and their tags: add a kind (with a pasted list), add, rename, remove."""

    def __init__(self, window, programme_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.programme_id = programme_id
        self.setWindowTitle(tr("Labels van het programma"))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([tr("Label"), tr("Acties")])
        self.tree.setAccessibleName(tr("Labels per soort, met het aantal acties"))
        self.tree.setColumnWidth(0, 340)
        intro = QLabel(
            tr("Labels geven acties een indeling naast de actielijnen, zoals processtappen (signaleren, melden, "
               "...) en doelgroepen. In Acties kunt u erop filteren; het programmadocument kan erop groeperen."),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        self.new_kind_button = QPushButton(tr("Nieuwe &soort..."), self)
        self.new_tag_button = QPushButton(tr("Nieuw &label..."), self)
        self.rename_button = QPushButton(tr("&Naam wijzigen..."), self)
        self.remove_button = QPushButton(tr("&Verwijderen"), self)
        self.new_kind_button.clicked.connect(self.new_kind)
        self.new_tag_button.clicked.connect(self.new_tag)
        self.rename_button.clicked.connect(self.rename)
        self.remove_button.clicked.connect(self.remove)
        self.tree.itemActivated.connect(lambda *_: self.rename())  # double-click or Enter on a label
        buttons = QHBoxLayout()
        for button in (self.new_kind_button, self.new_tag_button, self.rename_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("Sluiten"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(520, 460)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def reload(self) -> None:
        from ...services.programme_tags import list_tag_kinds

        with self.window_.database.session() as session:
            kinds = list_tag_kinds(session, self.programme_id)
        current = self._current()
        self.tree.clear()
        for kind in kinds:
            top = QTreeWidgetItem([kind.name, ""])
            top.setData(0, Qt.ItemDataRole.UserRole, ("kind", kind.id))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for tag in kind.tags:
                child = QTreeWidgetItem([tag.name, str(tag.action_count)])
                child.setData(0, Qt.ItemDataRole.UserRole, ("tag", tag.id))
                top.addChild(child)
                if current == ("tag", tag.id):
                    self.tree.setCurrentItem(child)
            self.tree.addTopLevelItem(top)
            if current == ("kind", kind.id):
                self.tree.setCurrentItem(top)
        self.tree.expandAll()
        self._update_buttons()

    def _current(self):
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        self.new_tag_button.setEnabled(self._current() is not None)
        self.rename_button.setEnabled(self._current() is not None)
        self.remove_button.setEnabled(self._current() is not None)

    def _push(self, command) -> bool:
        from ..undo import push

        done = push(self.window_, command)
        self.reload()
        return done

    def new_kind(self) -> None:
        from ...services.new_region import parse_list
        from ...services.programme_tags import create_tag_kind, delete_tag_kind, restore_tag_kind
        from ..undo import ServiceCommand

        name, ok = QInputDialog.getText(
            self, tr("Nieuwe soort label"), tr("Naam (bijvoorbeeld Processtap of Doelgroep):")
        )
        if not ok or not name.strip():
            return
        text, ok = QInputDialog.getMultiLineText(
            self, tr("Labels van deze soort"), tr("De labels, één per regel (u kunt ze ook later toevoegen):")
        )
        tags = parse_list(text) if ok else []
        programme_id = self.programme_id
        self._push(
            ServiceCommand(
                self.window_,
                tr("Soort label toevoegen"),
                do=lambda s: create_tag_kind(s, programme_id, name, tags),
                undo=lambda s, created: delete_tag_kind(s, created.id),
                redo=restore_tag_kind,
            )
        )

    def new_tag(self) -> None:
        from ...services.programme_tags import add_tag, delete_tag, restore_tag
        from ..undo import ServiceCommand

        current = self._current()
        if current is None:
            return
        item = self.tree.currentItem()
        kind_item = item if current[0] == "kind" else item.parent()
        kind_id = kind_item.data(0, Qt.ItemDataRole.UserRole)[1]
        name, ok = QInputDialog.getText(self, tr("Nieuw label"), tr("Label bij %1:").replace("%1", kind_item.text(0)))
        if not ok or not name.strip():
            return
        self._push(
            ServiceCommand(
                self.window_,
                tr("Label toevoegen"),
                do=lambda s: add_tag(s, kind_id, name),
                undo=lambda s, created: delete_tag(s, created.id),
                redo=restore_tag,
            )
        )

    def rename(self) -> None:
        from ...services.programme_tags import rename_tag, rename_tag_kind
        from ..undo import edit_values_command

        current = self._current()
        if current is None:
            return
        kind, record_id = current
        old = self.tree.currentItem().text(0)
        title = tr("Soort label hernoemen") if kind == "kind" else tr("Label hernoemen")
        name, ok = QInputDialog.getText(self, title, tr("Nieuwe naam voor %1:").replace("%1", old), text=old)
        if not ok or not name.strip() or name.strip() == old:
            return
        service = rename_tag_kind if kind == "kind" else rename_tag
        self._push(edit_values_command(self.window_, title, service, record_id, {"name": name}))

    def remove(self) -> None:
        from ...services.programme_tags import delete_tag, delete_tag_kind, restore_tag, restore_tag_kind
        from ..editors.forms import confirm
        from ..undo import ServiceCommand

        current = self._current()
        if current is None:
            return
        kind, record_id = current
        item = self.tree.currentItem()
        if kind == "kind":
            if item.childCount() and not confirm(
                self, tr("Soort label verwijderen"),
                tr("%1 en alle labels ervan verwijderen? Acties verliezen die labels.").replace("%1", item.text(0)),
            ):  # fmt: skip
                return
            self._push(
                ServiceCommand(
                    self.window_,
                    tr("Soort label verwijderen"),
                    do=lambda s: delete_tag_kind(s, record_id),
                    undo=lambda s, removed: restore_tag_kind(s, removed),
                )
            )
            return
        self._push(
            ServiceCommand(
                self.window_,
                tr("Label verwijderen"),
                do=lambda s: delete_tag(s, record_id),
                undo=lambda s, removed: restore_tag(s, removed),
            )
        )
