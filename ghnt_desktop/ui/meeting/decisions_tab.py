"""Besluiten en acties tab: the besluitenlijst of the meeting (with escalation to the bestuurlijk overleg),
the decisions put to this meeting by lower overleggen (to record their outcome on the original), the
actielijst and the toezeggingen, each listed on their own. "Wijzigen..." (or a double-click) corrects an action item
or toezegging in ``action_dialog``; "Geschiedenis..." shows who changed what."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ..i18n import arg
from ..itemmodels.base import ROW_ROLE
from ..itemmodels.minutes import ActionItemTableModel, DecisionTableModel
from ..pages.base import make_table_view
from .base import MeetingTab
from .commands import escalation_command, withdraw_command
from .data import MeetingData
from .dialogs import OutcomeDialog, TextDialog
from .minutes_tab import fit_with_stretch


def _section(parent: QWidget, title: str) -> QLabel:
    label = QLabel(title, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class DecisionsTab(MeetingTab):
    """Lists of what the meeting produced."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decisions_model = DecisionTableModel(self)
        self.decisions = make_table_view(
            self.decisions_model, self, sortable=False, stretch_last=False, name=self.tr("Besluiten")
        )
        self.escalated_model = DecisionTableModel(self)
        self.escalated = make_table_view(
            self.escalated_model, self, sortable=False, stretch_last=False, name=self.tr("Geëscaleerde besluiten")
        )
        self.actions_model = ActionItemTableModel(self)
        self.actions = make_table_view(
            self.actions_model, self, sortable=True, stretch_last=False, name=self.tr("Actiepunten")
        )
        self.toezeggingen_model = ActionItemTableModel(self)
        self.toezeggingen = make_table_view(
            self.toezeggingen_model, self, sortable=True, stretch_last=False, name=self.tr("Toezeggingen")
        )

        self.edit_decision_button = QPushButton(self.tr("Wijzigen..."), self)
        self.escalate_button = QPushButton(self.tr("Ter besluitvorming voorleggen"), self)
        self.withdraw_button = QPushButton(self.tr("Voorleggen intrekken"), self)
        self.outcome_button = QPushButton(self.tr("Uitkomst vastleggen..."), self)
        self.escalated_outcome_button = QPushButton(self.tr("Uitkomst vastleggen..."), self)
        # The history can be read on a vastgesteld verslag too: that is when a dispute comes up.
        self.decision_history_button = QPushButton(self.tr("Geschi&edenis..."), self)
        self.decision_history_button.setToolTip(self.tr("Wie heeft dit besluit wanneer gewijzigd"))
        # Correcting an action item is refused on a vastgesteld verslag with the service's message, so these stay
        # enabled while one is selected: the message says why and how (heropenen).
        self.edit_action_button = QPushButton(self.tr("Wijzigen..."), self)
        self.edit_action_button.setToolTip(self.tr("Tekst, trekker, deadline of soort van dit actiepunt corrigeren"))
        self.edit_toezegging_button = QPushButton(self.tr("Wijzigen..."), self)
        self.edit_toezegging_button.setToolTip(
            self.tr("Tekst, trekker, deadline of soort van deze toezegging corrigeren")
        )
        self.action_history_button = QPushButton(self.tr("Geschiedenis..."), self)
        self.action_history_button.setToolTip(self.tr("Wie heeft dit actiepunt wanneer gewijzigd"))
        self.toezegging_history_button = QPushButton(self.tr("Geschiedenis..."), self)
        self.toezegging_history_button.setToolTip(self.tr("Wie heeft deze toezegging wanneer gewijzigd"))

        self.decisions_title = _section(self, self.tr("Besluitenlijst"))
        self.escalated_title = _section(self, self.tr("Voorgelegd aan dit overleg"))
        self.actions_title = _section(self, self.tr("Actielijst"))
        self.toezeggingen_title = _section(self, self.tr("Toezeggingen"))

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        # The history beside the title: the row of buttons under the list then fits a narrower view (the
        # meetings list beside it can be widened further on a 1366 px screen).
        title_row = QHBoxLayout()
        title_row.addWidget(self.decisions_title)
        title_row.addStretch(1)
        title_row.addWidget(self.decision_history_button)
        top_layout.addLayout(title_row)
        top_layout.addWidget(self.decisions, 1)
        row = QHBoxLayout()
        for button in (self.edit_decision_button, self.escalate_button, self.withdraw_button, self.outcome_button):
            row.addWidget(button)
        row.addStretch(1)
        top_layout.addLayout(row)
        self.escalated_box = QWidget(self)
        escalated_layout = QVBoxLayout(self.escalated_box)
        escalated_layout.setContentsMargins(0, 0, 0, 0)
        escalated_layout.addWidget(self.escalated_title)
        escalated_layout.addWidget(self.escalated, 1)
        row = QHBoxLayout()
        row.addWidget(self.escalated_outcome_button)
        row.addStretch(1)
        escalated_layout.addLayout(row)
        actions_box = QWidget(self)
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.setContentsMargins(0, 0, 0, 0)
        actions_layout.addWidget(self.actions_title)
        actions_layout.addWidget(self.actions, 1)
        row = QHBoxLayout()
        row.addWidget(self.edit_action_button)
        row.addStretch(1)
        row.addWidget(self.action_history_button)
        actions_layout.addLayout(row)
        toezeggingen_box = QWidget(self)
        toezeggingen_layout = QVBoxLayout(toezeggingen_box)
        toezeggingen_layout.setContentsMargins(0, 0, 0, 0)
        toezeggingen_layout.addWidget(self.toezeggingen_title)
        toezeggingen_layout.addWidget(self.toezeggingen, 1)
        row = QHBoxLayout()
        row.addWidget(self.edit_toezegging_button)
        row.addStretch(1)
        row.addWidget(self.toezegging_history_button)
        toezeggingen_layout.addLayout(row)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        for widget in (top, self.escalated_box, actions_box, toezeggingen_box):
            self.splitter.addWidget(widget)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setStretchFactor(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.addWidget(self.splitter)

        for view, model in (
            (self.decisions, self.decisions_model),
            (self.escalated, self.escalated_model),
            (self.actions, self.actions_model),
            (self.toezeggingen, self.toezeggingen_model),
        ):
            header = view.horizontalHeader()
            for column in range(model.columnCount()):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.setSectionResizeMode(model.TEXT, QHeaderView.ResizeMode.Stretch)
            view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.edit_decision_button.clicked.connect(self.edit_decision)
        self.decisions.doubleClicked.connect(lambda _i: self.edit_decision())
        self.escalate_button.clicked.connect(self.escalate)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.outcome_button.clicked.connect(lambda: self.record_outcome(self.decisions))
        self.escalated_outcome_button.clicked.connect(lambda: self.record_outcome(self.escalated))
        self.edit_action_button.clicked.connect(lambda: self.edit_action(self.actions))
        self.actions.doubleClicked.connect(lambda _i: self.edit_action(self.actions))
        self.edit_toezegging_button.clicked.connect(lambda: self.edit_action(self.toezeggingen))
        self.toezeggingen.doubleClicked.connect(lambda _i: self.edit_action(self.toezeggingen))
        self.decision_history_button.clicked.connect(lambda: self.show_history(self.decisions))
        self.action_history_button.clicked.connect(lambda: self.show_history(self.actions))
        self.toezegging_history_button.clicked.connect(lambda: self.show_history(self.toezeggingen))
        for view in (self.decisions, self.escalated, self.actions, self.toezeggingen):
            shortcut = QShortcut(QKeySequence("Ctrl+H"), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda view=view: self.show_history(view))

    def show_data(self, data: MeetingData) -> None:
        super().show_data(data)
        for view, model, rows in (
            (self.decisions, self.decisions_model, data.decisions),
            (self.escalated, self.escalated_model, data.escalated_here),
            (self.actions, self.actions_model, data.actions),
            (self.toezeggingen, self.toezeggingen_model, data.toezeggingen),
        ):
            current = view.currentIndex().data(ROW_ROLE) if view.currentIndex().isValid() else None
            if isinstance(model, ActionItemTableModel):
                model.reference = data.detail.date  # type: ignore[attr-defined]
            model.provisional = data.provisional
            model.set_rows(list(rows))
            self._fit(view, model)
            if current is not None:
                row = model.row_of(lambda r, current=current: r.id == current.id)
                if row >= 0:
                    view.setCurrentIndex(model.index(row, 0))
        self.decisions_title.setText(arg(self.tr("Besluitenlijst (%1)"), len(data.decisions)))
        self.escalated_title.setText(arg(self.tr("Voorgelegd aan dit overleg (%1)"), len(data.escalated_here)))
        self.actions_title.setText(arg(self.tr("Actielijst (%1)"), len(data.actions)))
        self.toezeggingen_title.setText(arg(self.tr("Toezeggingen (%1)"), len(data.toezeggingen)))
        self.escalated_box.setVisible(bool(data.escalated_here))
        self._update_buttons()

    @staticmethod
    def _fit(view, model) -> None:
        fit_with_stretch(view, model, model.TEXT, max_width=260)

    def _decision(self, view=None):
        view = view or self.decisions
        index = view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _update_buttons(self) -> None:
        decision = self._decision()
        editable = not self.read_only
        can_escalate = self.data is not None and self.data.can_escalate
        self.edit_decision_button.setEnabled(editable and decision is not None)
        self.escalate_button.setEnabled(
            editable and can_escalate and decision is not None and decision.escalation.value == "none"
        )
        self.withdraw_button.setEnabled(decision is not None and decision.escalation.value == "proposed")
        # The outcome comes from the bestuurlijk overleg: recordable even on a vastgesteld verslag.
        self.outcome_button.setEnabled(decision is not None and decision.escalation.value != "none")
        self.escalated_outcome_button.setEnabled(self._decision(self.escalated) is not None)
        self.decision_history_button.setEnabled(decision is not None)
        self.action_history_button.setEnabled(self._decision(self.actions) is not None)
        self.toezegging_history_button.setEnabled(self._decision(self.toezeggingen) is not None)
        self.edit_action_button.setEnabled(self._decision(self.actions) is not None)
        self.edit_toezegging_button.setEnabled(self._decision(self.toezeggingen) is not None)

    def edit_decision(self) -> None:
        decision = self._decision()
        if decision is None or self.read_only:
            return
        dialog = TextDialog(
            self,
            arg(self.tr("Besluit %1"), self.number_text(decision.id, decision.number)),
            self.tr("Tekst van het besluit:"),
            decision.text,
        )
        if dialog.exec() and dialog.text().strip() != decision.text:
            from ...services.minutes import update_decision
            from ..undo import edit_values_command

            # A dict of values: ``edit(text, ...)`` already has a parameter called ``text``.
            self.run(
                edit_values_command(
                    self.main_window(),
                    self.tr("Besluit wijzigen"),
                    update_decision,
                    decision.id,
                    {"text": dialog.text()},
                    seen={"text": decision.text},
                )
            )

    def edit_action(self, view=None) -> bool:
        """Correct the action item or toezegging selected in ``view`` (the actielijst by default)."""
        from .action_dialog import edit_action_item

        row = self._decision(view or self.actions)
        if row is None:
            return False
        return edit_action_item(self, self.main_window(), row.id)

    def show_history(self, view=None):
        """The change history of the decision or action item selected in ``view`` (the besluitenlijst by default)."""
        from .dialogs import show_record_history

        view = view or self.decisions
        row = self._decision(view)
        database = self.main_window().database
        if row is None or database is None:
            return None
        is_decision = view in (self.decisions, self.escalated)
        what = self.tr("Besluit %1") if is_decision else self.tr("Actie %1")
        subject = f"{arg(what, self.number_text(row.id, row.number))}: {' '.join(row.text.split())[:200]}"
        return show_record_history(self, database, "decision" if is_decision else "action_item", row.id, subject)

    def escalate(self) -> None:
        decision = self._decision()
        if decision is not None:
            command = escalation_command(self, self.main_window(), decision)
            if command is not None:
                self.run(command)

    def withdraw(self) -> None:
        decision = self._decision()
        if decision is not None:
            self.run(withdraw_command(self.main_window(), decision.id))

    def record_outcome(self, view) -> None:
        decision = self._decision(view)
        if decision is None or self.data is None:
            return
        on = decision.outcome_date or decision.escalated_to_meeting_date or self.data.detail.date  # type: ignore[attr-defined]
        dialog = OutcomeDialog(self, decision.text, decision.outcome, on)
        if not dialog.exec():
            return
        self.record_outcome_values(decision.id, dialog.text(), dialog.outcome_date())

    def record_outcome_values(self, decision_id, outcome: str, on) -> bool:
        from ...services.minutes import record_escalation_outcome

        return self.edit(
            self.tr("Uitkomst bestuurlijk overleg"),
            record_escalation_outcome,
            decision_id,
            outcome=outcome,
            outcome_date=on,
        )
