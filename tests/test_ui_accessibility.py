"""Every page, tab and dialog at 1366x768: readable, reachable by keyboard, named for a screen reader.

The walk (``tests/ui_walk.py``) finds the pages from the main window and the dialogs by triggering every
menu item and clicking every button, so pages and dialogs added later are checked too. Screenshots of
every state go to ``tests/artifacts/accessibility/``.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_walk import Walker

from ghnt_desktop.ui.mainwindow import PAGE_KEYS

TODAY = date(2020, 3, 2)
ARTIFACTS = Path(__file__).parent / "artifacts" / "accessibility"


@pytest.fixture
def walked(demo_window, monkeypatch, messages, qapp, ui_language):
    from PySide6.QtCore import QCoreApplication

    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    translators = ui_language("nl")  # Qt's own buttons in Dutch, as in the app
    window = demo_window(TODAY, size=(1366, 768))
    walker = Walker(window, monkeypatch, screenshots=ARTIFACTS)
    walker.walk_pages(PAGE_KEYS)
    walker.walk_meeting_states()
    walker.walk_menus()
    yield walker
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def test_every_page_and_dialog_is_readable_named_and_keyboard_ready(walked):
    problems = walked.report(("text", "mnemonic", "name", "elided", "tab order"))
    print("\n".join(problems))
    print("dialogs:", sorted(walked.dialog_classes))
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_the_checks_catch_each_kind_of_problem(qtbot):
    """A small dialog with one of each fault: every check finds its own, and a clean one passes."""
    from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView
    from ui_walk import elision_problems, mnemonic_problems, name_problems, tab_order_problems, text_problems

    from ghnt_desktop.ui.itemmodels.meetings import MeetingTableModel

    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    first, second, third = QLineEdit(dialog), QLineEdit(dialog), QLineEdit(dialog)
    row = QHBoxLayout()
    row.addWidget(third)
    form.addRow("&Naam:", first)
    form.addRow("&Nummer:", second)  # Alt+N twice
    form.addRow("&Datum:", row)  # a layout: no buddy, "&" shown, field nameless
    cut = QLabel("Een lange uitleg die niet in twintig pixels past", dialog)
    cut.setFixedWidth(20)
    form.addRow(cut)
    form.addRow(QPushButton("Organisaties & personen", dialog))  # underlined space
    dialog.setTabOrder(third, second)
    dialog.setTabOrder(second, first)  # bottom to top
    dialog.show()
    qtbot.waitExposed(dialog)
    assert any("'&Datum:'" in p for p in text_problems(dialog))
    assert any("underlined space" in p for p in text_problems(dialog))
    assert mnemonic_problems(dialog) == ["Alt+N shared by ['Naam:', 'Nummer:']"]
    assert len(name_problems(dialog)) == 1
    assert any("label cut" in p for p in elision_problems(dialog))
    assert tab_order_problems(dialog)

    clean = QDialog()
    qtbot.addWidget(clean)
    form = QFormLayout(clean)
    form.addRow("&Naam:", QLineEdit(clean))
    form.addRow("N&ummer:", QLineEdit(clean))
    model = MeetingTableModel(clean)
    view = QTableView(clean)
    view.setModel(model)
    view.setAccessibleName("Overleggen")
    form.addRow(view)
    clean.show()
    qtbot.waitExposed(clean)
    for check in (text_problems, mnemonic_problems, name_problems, elision_problems, tab_order_problems):
        assert check(clean) == [], check.__name__


def test_overview_charts_show_every_title_whole_at_1366x768(demo_window, qtbot):
    """Each actielijn's title fits its label column (on two lines if need be) and no bar is cut off."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics

    from ghnt_desktop.ui.widgets.chart import StackedBarChart

    window = demo_window(TODAY)
    window.show_page("overview")
    charts = window.page("overview").findChildren(StackedBarChart)
    assert len(charts) >= 2
    for chart in charts:
        assert chart.categories
        # The layout settles after the data arrives; a chart that never gets its height has its last bars cut.
        qtbot.waitUntil(lambda chart=chart: chart.height() >= chart.sizeHint().height(), timeout=2000)
        metrics = QFontMetrics(chart.font())
        width = chart._label_width(metrics) - 10
        for title in chart.categories:
            needed = metrics.boundingRect(QRect(0, 0, width, 1000), int(Qt.TextFlag.TextWordWrap), title)
            assert needed.width() <= width and needed.height() <= chart._row_height(), title
        assert all(title in chart.accessibleDescription() for title in chart.categories)


def test_pages_readable_at_this_scale(demo_window, monkeypatch, messages):
    """Every page and tab (no dialogs) at each size in GHNT_A11Y_SIZES (logical pixels) and the scale in
    QT_SCALE_FACTOR: 1366x768 unscaled in the normal run; the run below repeats it at 150%."""
    import os

    from ui_walk import settle

    sizes = [
        tuple(int(n) for n in size.split("x")) for size in os.environ.get("GHNT_A11Y_SIZES", "1366x768").split(",")
    ]
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    window = demo_window(TODAY, size=sizes[0])
    walker = Walker(window, monkeypatch)
    problems = []
    for width, height in sizes:
        window.resize(width, height)
        settle()
        assert (window.width(), window.height()) == (width, height)
        walker.screenshots = ARTIFACTS.parent / f"accessibility-{width}x{height}-scale{scale}"
        shutil.rmtree(walker.screenshots, ignore_errors=True)
        walker.screenshots.mkdir(parents=True)
        walker.seen.clear()
        walker.walk_pages(PAGE_KEYS, click=False)
        problems += [f"{width}x{height}: {p}" for p in walker.report(("text", "mnemonic", "name", "elided"))]
    assert not problems, f"{len(problems)} problems at scale {scale}:\n" + "\n".join(problems)


def test_pages_readable_at_150_percent_on_laptop_screens(tmp_path):
    """QT_SCALE_FACTOR=1.5, Windows' default on laptops, in its own process because the scale is read when
    Qt starts: on a 1920x1080 screen (1280x720 logical pixels) and on a 1366x768 one (910x512, the narrow
    layout: page list in the menu bar, columns folded, button rows wrapped, pages scrolling up and down)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_SCALE_FACTOR="1.5", GHNT_A11Y_SIZES="1280x720,910x512", QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-x",
            f"{__file__}::test_pages_readable_at_this_scale",
        ],  # fmt: skip
        env=env,
        cwd=Path(__file__).parent.parent,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-2000:]


def test_per_gemeente_matrix_keeps_the_action_in_view_when_scrolled_sideways(demo_window, qtbot):
    window = demo_window(TODAY)
    window.show_page("actions")
    page = window.page("actions")
    page.tabs.setCurrentWidget(page.local_status)
    if page.local_status.stale:
        page.local_status.load(window.database)
    view = page.local_status.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    bar = view.horizontalScrollBar()
    assert bar.maximum() > 0, "the demo matrix is wider than the page (else there is nothing to test)"
    bar.setValue(bar.maximum())
    rows = view.verticalHeader()
    assert rows.isVisible() and rows.width() >= 200
    number = view.model().action_at(0).number
    assert str(view.model().headerData(0, Qt.Orientation.Vertical)).startswith(number)
    # The row header sits left of the scrolled cells: still in the view's own area.
    assert rows.geometry().left() < view.viewport().geometry().left()


def test_english_pages_and_dialogs_are_readable_named_and_keyboard_ready(
    demo_window, monkeypatch, messages, qapp, ui_language
):
    """The English interface (--lang en) walked like the Dutch one: no literal "&" or "_", Alt letters
    unique per window (the translations choose their own), every control named, nothing cut."""
    from PySide6.QtCore import QCoreApplication

    translators = ui_language("en")
    try:
        window = demo_window(TODAY)
        walker = Walker(window, monkeypatch)
        walker.walk_pages(PAGE_KEYS)
        walker.walk_menus()
        walker.walk_meeting_states()
        problems = walker.report(("text", "mnemonic", "name", "elided"))
    finally:
        for translator in translators:  # before the report: the window's teardown speaks Dutch again
            QCoreApplication.removeTranslator(translator)
    print("\n".join(problems))
    assert not problems, f"{len(problems)} problems in English:\n" + "\n".join(problems)


def _walk_wizard(walker, wizard, name: str) -> None:
    """Each step of an import wizard (a dialog with a page stack and Volgende): checked, then Volgende."""
    import shiboken6
    from PySide6.QtTest import QTest
    from ui_walk import settle

    assert wizard is not None and shiboken6.isValid(wizard), name
    walker.dialog_classes.add(type(wizard).__name__)
    wizard.show()
    for step in range(8):
        for _ in range(50):  # the actielijst wizard reads its file in the background first
            if wizard.next_button.isVisible() and wizard.next_button.isEnabled():
                break
            QTest.qWait(100)
        settle()
        walker.check(wizard, f"{name} step {step + 1}: {wizard.windowTitle()}")
        if not (wizard.next_button.isVisible() and wizard.next_button.isEnabled()):
            break
        wizard.go_next()
    wizard.close()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_dialogs_opened_with_a_file_or_a_state_are_walked_too(
    demo_window, monkeypatch, messages, qapp, tmp_path, language, ui_language
):
    """Dialogs no menu item or button opens in the walk: they need a file to read (the two import wizards,
    the figures preview), a person who left (trekker takeover), the first start or a team database.
    In Dutch and in English (whose Alt letters are chosen in the translation)."""
    ui_language(language)
    _walk_dialogs_needing_a_file_or_state(demo_window, monkeypatch, tmp_path, language)


def _walk_dialogs_needing_a_file_or_state(demo_window, monkeypatch, tmp_path, language) -> None:
    import uuid

    import openpyxl
    from test_ui_import_wizard import hand_kept_list
    from test_ui_programme_import import programme_docx

    from ghnt_desktop.engines import ServerAddress
    from ghnt_desktop.imports.indicators import read_indicator_file
    from ghnt_desktop.models import ActionStatus
    from ghnt_desktop.services.indicators import preview_figures
    from ghnt_desktop.services.network import TrekkerTakeover
    from ghnt_desktop.ui.editors.network import TakeoverDialog
    from ghnt_desktop.ui.indicators_import import FiguresPreviewDialog
    from ghnt_desktop.ui.meeting.dialogs import NewSeriesDialog, PersonChoice
    from ghnt_desktop.ui.new_region import StartChoiceDialog
    from ghnt_desktop.ui.server_dialog import ConnectDialog

    window = demo_window(TODAY)
    walker = Walker(window, monkeypatch, screenshots=ARTIFACTS.parent / f"accessibility-file-dialogs-{language}")
    walker._current_source = "test"
    from PySide6.QtWidgets import QDialog

    # The wizards are opened with ``open()`` and then read their file: shown as they are, walked page by page.
    monkeypatch.setattr(QDialog, "open", QDialog.show)
    _walk_wizard(walker, window.import_programme(programme_docx(tmp_path / "programma.docx")), "programme import")
    from ghnt_desktop.ui.import_wizard import open_import_wizard

    _walk_wizard(walker, open_import_wizard(window, hand_kept_list(tmp_path / "lijst.xlsx")), "actielijst import")

    book = openpyxl.Workbook()
    book.active.append(["Indicator", "2023", "2024"])
    book.active.append(["Meldingen bij Veilig Thuis", "1.885", "1.990*"])
    figures = tmp_path / "cijfers.xlsx"
    book.save(figures)
    with window.database.session() as session:
        preview = preview_figures(session, read_indicator_file(figures))
    anna = PersonChoice(uuid.uuid4(), "Anna de Vries", None, "")
    late = TrekkerTakeover(
        uuid.uuid4(), "WGO-2019-3-A02", "Contact leggen met een ziekenhuis", None, "najaar", ActionStatus.IN_PROGRESS
    )
    dialogs = {
        "FiguresPreviewDialog": FiguresPreviewDialog(preview, window),
        "NewSeriesDialog": NewSeriesDialog(window, people=[anna], series=[]),
        "TakeoverDialog": TakeoverDialog(window, "Anna de Vries", "Bram Jansen", [late]),
        "StartChoiceDialog": StartChoiceDialog(window),
        "ConnectDialog": ConnectDialog(
            ServerAddress.parse("postgresql://ghnt@server.example:5432/ghnt"), store_available=True, parent=window
        ),
    }
    dialogs.update(_offline_dialogs(window, monkeypatch))
    for name, dialog in dialogs.items():
        walker.check_dialog(dialog, name)
    assert {
        "ProgrammeImportWizard",
        "ImportWizard",
        *(type(d).__name__ for d in dialogs.values()),
    } <= walker.dialog_classes
    # An open offline copy: the banner with Terugzetten... above every page (its Alt letter unique on each).
    walker.walk_pages(PAGE_KEYS, click=False)
    problems = walker.report(("text", "mnemonic", "name", "elided", "tab order"))
    print("\n".join(problems))
    assert not problems, f"{len(problems)} problems ({language}):\n" + "\n".join(problems)


@pytest.mark.parametrize("splitter_share", [None, 0.3])
def test_every_indicator_name_can_be_told_apart_in_the_list(demo_window, qtbot, splitter_share):
    """The demo has names that differ only at their end ("Veilig Thuis adviesvragen - Huiselijk geweld
    (Zuid-Holland Zuid)" and "- Kindermishandeling (...)"): as the list shows them (wrapped onto the lines
    the row holds, measured with the font metrics) no two are the same, also with the list made narrow."""
    from ui_walk import settle, shown_text

    window = demo_window(TODAY)
    window.show_page("indicators")
    page = window.page("indicators")
    view, model = page.list_view, page.list_model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    if splitter_share is not None:
        total = sum(page.splitter.sizes())
        page.splitter.setSizes([int(total * splitter_share), total - int(total * splitter_share)])
    qtbot.wait(20)
    settle()

    def shown_names() -> dict[str, set[str]]:
        shown: dict[str, set[str]] = {}
        for row, entry in enumerate(model.entries()):
            if entry.row is not None:
                index = model.index(row, model.NAME)
                shown.setdefault(shown_text(view, index), set()).add(str(index.data()))
        return shown

    shown = shown_names()
    assert len(shown) >= 25
    alike = {text: names for text, names in shown.items() if len(names) > 1}
    assert not alike, alike
    if splitter_share is not None:
        # The check can fail: the narrow list on one line per row (as before) shows names that look alike.
        view.setWordWrap(False)
        assert any(len(names) > 1 for names in shown_names().values())


def _offline_dialogs(window, monkeypatch) -> dict:
    """The dialogs of an offline copy (ui/offline.py, ui/offline_conflicts.py) with a dry run and conflicts as the
    engine gives them, and the window showing the copy's banner (left on for the pages walked after)."""
    import uuid
    from datetime import UTC, datetime

    from ghnt_desktop.services import offline
    from ghnt_desktop.ui.offline import ReturnDialog
    from ghnt_desktop.ui.offline_conflicts import OfflineConflictsDialog

    when = datetime(2020, 3, 12, 9, 30, tzinfo=UTC)
    conflicts = [
        offline.OfflineConflict(
            1, uuid.uuid4(), uuid.uuid4(), "edit", "agenda_item", "a", "Agendapunt 3 Mededelingen", "minutes_text",
            "verslag", "Opening.\nVeilig Thuis meldt.", "Opening.\nVeilig Thuis meldt per 1 april.",
            "Opening.\nVeilig Thuis meldt per 1 mei.", "Anna de Vries", when, "Bram Jansen", when, False,
        ),
        offline.OfflineConflict(
            2, uuid.uuid4(), uuid.uuid4(), "deleted_theirs", "action_item", "b", "Actiepunt AO-2020-1-A03", "text",
            "tekst", "Oud", "Nieuw", None, "Anna de Vries", when, "Bram Jansen", when, True,
        ),
    ]  # fmt: skip
    monkeypatch.setattr(offline, "open_offline_conflicts", lambda _session: conflicts)
    info = offline.OfflineCopyInfo(
        uuid.uuid4(), str(window.database.path), str(window.database.path), None,
        "Afstemmingsoverleg GHNT 12 maart 2020", when, "Anna de Vries", None, 1,
    )  # fmt: skip
    from ghnt_desktop.ui.offline import OfflineBanner

    banner = OfflineBanner(window.centralWidget())
    window.central_column.insertWidget(0, banner)
    banner.show_copy(info)
    result = offline.ReturnResult(
        "demo.db",
        info.meeting_title,
        merged=[offline.MergedField("action_item", "c", "Actiepunt AO-2020-1-A02", "status", "status", "done")],
        added=[offline.RecordChange("decision", "d", "Besluit AO-2020-1-01")],
        conflicts=conflicts,
        renumberings=[offline.Renumbering("actiepunt", "AO-2020-1-A05", "AO-2020-1-A06", uuid.uuid4())],
        dry_run=True,
    )
    dry_run = ReturnDialog(window.database, info, window)
    dry_run.show_result(result)
    returned = ReturnDialog(window.database, info, window)
    returned.show_result(offline.ReturnResult("demo.db", info.meeting_title, conflicts=conflicts))
    deleted = OfflineConflictsDialog(window.database, window)
    deleted.list.setCurrentRow(1)
    return {
        "ReturnDialog (dry run)": dry_run,
        "ReturnDialog (returned)": returned,
        "OfflineConflictsDialog": OfflineConflictsDialog(window.database, window),
        "OfflineConflictsDialog (deleted)": deleted,
    }
