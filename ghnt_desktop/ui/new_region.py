"""First start without the demo: the choice between the demo and a new region, and the new-region form.

``StartChoiceDialog`` is shown on an interactive first start (no database file yet); ``NewRegionDialog``
collects the answers ``services.new_region.create_region`` needs. Lists of municipalities and partners are
typed or pasted (from Word, Excel or an e-mail); the count under each list shows at once what was read.
Imported on demand: the services (and SQLAlchemy) load when the dialog is shown, not at start-up.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .a11y import accessible
from .editors.programme import YearSpin
from .i18n import arg, plural
from .widgets.scroll import scrolling


def tr(text: str) -> str:
    return QCoreApplication.translate("NewRegionDialog", text)


class StartChoiceDialog(QDialog):
    """ "Demo bekijken" or "Nieuwe regio": what the app starts on when there is no database yet."""

    DEMO = "demo"
    NEW_REGION = "new_region"
    OPEN = "open"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Welkom bij GHNT Desktop"))
        self.setModal(True)
        self.choice = self.DEMO
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "<b>Hoe wilt u beginnen?</b><br><br>"
                "Met de demo ziet u hoe de app werkt: het actieprogramma van de regio Groningen met een jaar "
                "overleggen, besluiten en acties (verzonnen mensen).<br><br>"
                "Met een nieuwe regio begint u met een lege database voor uw eigen programma: u vult de naam "
                "van de regio, het programma, de gemeenten en de ketenpartners in."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(460)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        self.demo_button = QPushButton(tr("&Demo bekijken"), self)
        self.new_button = QPushButton(tr("&Nieuwe regio..."), self)
        self.open_button = QPushButton(tr("Bestaande database &openen..."), self)
        self.new_button.setDefault(True)
        for button, choice in ((self.demo_button, self.DEMO), (self.new_button, self.NEW_REGION),
                               (self.open_button, self.OPEN)):  # fmt: skip
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class _ListBox(QGroupBox):
    """A pasted list with a live count of the names read from it."""

    def __init__(
        self, title: str, placeholder: str, count_texts: tuple[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self._count_texts = count_texts  # (one, many): "1 gemeente gelezen", "%1 gemeenten gelezen"
        self.edit = QPlainTextEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setTabChangesFocus(True)
        self.count = QLabel(self)
        self.count.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        self.edit.textChanged.connect(self._update)
        self._update()

    def names(self) -> list[str]:
        from ..services.new_region import parse_list

        return parse_list(self.edit.toPlainText())

    def _update(self) -> None:
        names = self.names()
        self.count.setText(plural(len(names), *self._count_texts))
        self.count.setToolTip("\n".join(names[:40]))


class NewRegionDialog(QDialog):
    """The answers for a new region; ``spec`` holds them (a ``NewRegion``) after Aanmaken."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Nieuwe regio"))
        self.setModal(True)
        self.spec = None
        year = date.today().year

        self.region = QLineEdit(self)
        self.region.setPlaceholderText(tr("bijvoorbeeld Zuid-Holland Zuid"))
        self.programme_title = QLineEdit(self)
        self.programme_title.setPlaceholderText(tr("bijvoorbeeld Regionaal actieprogramma GHNT"))
        self.start = YearSpin(self)
        self.end = YearSpin(self)
        self.start.set_year(year)
        self.end.set_year(year + 3)
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel(tr("t/m"), self))
        period.addWidget(self.end)
        period.addStretch(1)

        self.national = QRadioButton(tr("De drie landelijke actielijnen"), self)
        self.own = QRadioButton(tr("Eigen actielijnen (één per regel):"), self)
        self.national.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.national)
        group.addButton(self.own)
        from ..services.new_region import NATIONAL_LINES

        self.national.setToolTip("\n".join(f"{n}. {t}" for n, t in enumerate(NATIONAL_LINES, 1)))
        self.own_lines = QPlainTextEdit(self)
        self.own_lines.setPlaceholderText("\n".join(NATIONAL_LINES))
        self.own_lines.setTabChangesFocus(True)
        self.own_lines.setMaximumHeight(90)
        self.own_lines.setEnabled(False)
        self.own.toggled.connect(self.own_lines.setEnabled)

        self.ao_name = QLineEdit(self)
        self.bo_name = QLineEdit(self)
        self.ao_per_year = QSpinBox(self)
        self.ao_per_year.setRange(1, 52)
        self.ao_per_year.setValue(4)
        self.ao_per_year.setSuffix(tr(" x per jaar"))
        self.bo_per_year = QSpinBox(self)
        self.bo_per_year.setRange(1, 52)
        self.bo_per_year.setValue(2)
        self.bo_per_year.setSuffix(tr(" x per jaar"))
        self.region.textChanged.connect(self._update_series_placeholders)
        # Fields that share a row with another field have no label of their own for a screen reader.
        accessible(self.end, tr("Looptijd tot en met"))
        accessible(self.own_lines, tr("Eigen actielijnen, één per regel"))
        accessible(self.ao_per_year, tr("Afstemmingsoverleggen per jaar"))
        accessible(self.bo_per_year, tr("Bestuurlijke overleggen per jaar"))
        self.tags = QCheckBox(tr("Processtappen en doelgroepen als labels (aan te passen in het programma)"), self)
        self.tags.setChecked(False)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(tr("&Regio:"), self.region)
        form.addRow(tr("&Programma:"), self.programme_title)
        form.addRow(self._label(tr("&Looptijd:"), self.start), period)
        form.addRow(tr("Actielijnen:"), self.national)
        form.addRow("", self.own)
        form.addRow("", self.own_lines)
        ao_row = QHBoxLayout()
        ao_row.addWidget(self.ao_name, 1)
        ao_row.addWidget(self.ao_per_year)
        bo_row = QHBoxLayout()
        bo_row.addWidget(self.bo_name, 1)
        bo_row.addWidget(self.bo_per_year)
        form.addRow(self._label(tr("&Afstemmingsoverleg:"), self.ao_name), ao_row)
        form.addRow(self._label(tr("&Bestuurlijk overleg:"), self.bo_name), bo_row)
        form.addRow("", self.tags)

        self.municipalities = _ListBox(
            tr("&Gemeenten van de regio"),
            tr("Eén gemeente per regel, of geplakt uit Word of Excel:\nAlblasserdam\nDordrecht\nGorinchem\n..."),
            (tr("1 gemeente gelezen"), tr("%1 gemeenten gelezen")),
            self,
        )
        self.partners = _ListBox(
            tr("Belangrijkste &ketenpartners"),
            tr("Eén organisatie per regel:\nVeilig Thuis\nPolitie\nOpenbaar Ministerie\nGGD\n..."),
            (tr("1 ketenpartner gelezen"), tr("%1 ketenpartners gelezen")),
            self,
        )

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a4262c;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Regio aan&maken"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuleren"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        grid = QGridLayout()
        grid.addLayout(form, 0, 0, 1, 2)
        grid.addWidget(self.municipalities, 1, 0)
        grid.addWidget(self.partners, 1, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(grid, self), 1)  # scrolls on a low screen (150% on 1366x768)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(760, 640)
        self._update_series_placeholders()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        """A form label whose accelerator moves to ``buddy`` (a row holding a layout gets none by itself)."""
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _update_series_placeholders(self) -> None:
        region = " ".join(self.region.text().split()) or tr("(regio)")
        self.ao_name.setPlaceholderText(arg(tr("Afstemmingsoverleg GHNT %1"), region))
        self.bo_name.setPlaceholderText(arg(tr("Bestuurlijk overleg GHNT %1"), region))

    def collect(self):
        """The answers as a checked ``NewRegion``; raises ``ValidationError`` with a Dutch message."""
        from ..services.new_region import SEED_PROCESS_STEPS, SEED_TARGET_GROUPS, NewRegion, parse_list, validate

        own = tuple(parse_list(self.own_lines.toPlainText())) if self.own.isChecked() else ()
        if self.own.isChecked() and not own:
            from ..services import ValidationError

            raise ValidationError(tr("Vul de eigen actielijnen in, één per regel, of kies de landelijke drie."))
        spec = NewRegion(
            region=self.region.text(),
            programme_title=self.programme_title.text(),
            period_start=self.start.year(),
            period_end=self.end.year(),
            actielijnen=own,
            municipalities=tuple(self.municipalities.names()),
            partners=tuple(self.partners.names()),
            ao_name=self.ao_name.text(),
            bo_name=self.bo_name.text(),
            ao_per_year=self.ao_per_year.value(),
            bo_per_year=self.bo_per_year.value(),
            tag_kinds=(("Processtap", SEED_PROCESS_STEPS), ("Doelgroep", SEED_TARGET_GROUPS))
            if self.tags.isChecked()
            else (),
        )
        return validate(spec)

    def accept(self) -> None:
        from ..services import ValidationError

        try:
            self.spec = self.collect()
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()
