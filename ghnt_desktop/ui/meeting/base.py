"""What the tabs of the meeting view share: the meeting's data, the window's undo stack and read-only state."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ..undo import ServiceCommand, create_command, edit_command, push

if TYPE_CHECKING:
    from ..mainwindow import MainWindow
    from .data import MeetingData


class MeetingTab(QWidget):
    """A tab of the meeting view; ``show_data`` fills it, edits go through the window's undo stack."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: MeetingData | None = None

    @property
    def meeting_id(self) -> uuid.UUID | None:
        return self.data.detail.id if self.data is not None else None  # type: ignore[attr-defined]

    @property
    def read_only(self) -> bool:
        return self.data is None or self.data.read_only

    def show_data(self, data: MeetingData) -> None:
        self.data = data

    def main_window(self) -> MainWindow:
        return self.window()  # type: ignore[return-value]

    def number_text(self, record_id: uuid.UUID, number: str) -> str:
        """A decision or action number as the tab shows it: "(voorlopig)" after one given in an offline copy."""
        from ..itemmodels.base import provisional_number

        provisional = self.data is not None and record_id in self.data.provisional
        return provisional_number(number) if provisional else number

    def run(self, command: ServiceCommand) -> bool:
        """Push a command on the window's stack (it runs at once); False when the service refused."""
        return push(self.main_window(), command)

    def edit(self, text: str, service, record_id, *, seen: dict | None = None, **values) -> bool:
        """An undoable edit; ``seen``: the values the screen showed (another user's newer value is not overwritten)."""
        return self.run(edit_command(self.main_window(), text, service, record_id, seen=seen, **values))

    def create(self, text: str, create, delete) -> ServiceCommand | None:
        command = create_command(self.main_window(), text, create, delete)
        return command if self.run(command) else None
