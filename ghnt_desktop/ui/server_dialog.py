"""Bestand > Verbinden met teamdatabase: the address of a PostgreSQL team database and the password.

The password goes to the operating system's credential store (``credentials``) when the user ticks the box,
never to the settings file; without a credential store the box is off and the dialog says the app asks each
time. The address (without password) is remembered in the settings for the next time.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..engines import TLS_MODES, ServerAddress


class ConnectDialog(QDialog):
    """Host, port, database, user, TLS mode and password of a team database."""

    def __init__(
        self,
        address: ServerAddress | None,
        *,
        store_available: bool,
        problem: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verbinden met teamdatabase"))
        address = address or ServerAddress(host="", database="ghnt")
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Een teamdatabase staat op een PostgreSQL-server, zodat het hele team met dezelfde gegevens werkt. "
                "De beheerder van de server geeft u het adres, uw gebruikersnaam en uw wachtwoord."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.problem_label = QLabel(problem, self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #a61b1b;")
        self.problem_label.setVisible(bool(problem))
        layout.addWidget(self.problem_label)

        form = QFormLayout()
        self.host = QLineEdit(address.host, self)
        self.host.setPlaceholderText("db.regio.nl")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(address.port)
        self.database = QLineEdit(address.database, self)
        self.user = QLineEdit(address.user, self)
        self.tls = QComboBox(self)
        labels = {
            "prefer": self.tr("Versleuteld als de server dat kan (standaard)"),
            "require": self.tr("Altijd versleuteld"),
            "verify-full": self.tr("Altijd versleuteld en het certificaat van de server controleren"),
            "disable": self.tr("Niet versleuteld (alleen binnen een vertrouwd netwerk)"),
        }
        for mode in TLS_MODES:
            self.tls.addItem(labels[mode], mode)
        self.tls.setCurrentIndex(TLS_MODES.index(address.tls))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("&Poort:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&Gebruiker:"), self.user)
        form.addRow(self.tr("&Beveiliging (TLS):"), self.tls)
        form.addRow(self.tr("&Wachtwoord:"), self.password)
        layout.addLayout(form)
        self.remember = QCheckBox(self.tr("Wachtwoord &onthouden in de wachtwoordkluis van dit systeem"), self)
        self.remember.setChecked(store_available)
        self.remember.setEnabled(store_available)
        layout.addWidget(self.remember)
        if not store_available:
            note = QLabel(
                self.tr(
                    "Deze computer heeft geen wachtwoordkluis die de app kan gebruiken. Het wachtwoord wordt "
                    "nergens bewaard: de app vraagt het elke keer dat u verbindt."
                ),
                self,
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.connect_button = buttons.addButton(self.tr("&Verbinden"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for field in (self.host, self.database, self.user):
            field.textChanged.connect(self._update_button)
        self._update_button()
        (self.password if address.host and address.user else self.host).setFocus()
        self.resize(560, self.sizeHint().height())

    def _update_button(self) -> None:
        self.connect_button.setEnabled(all(f.text().strip() for f in (self.host, self.database, self.user)))

    def address(self) -> ServerAddress:
        return ServerAddress(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            tls=str(self.tls.currentData()),
        )
