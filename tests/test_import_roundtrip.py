"""Round trip: export the actielijst, edit it as a partner would (openpyxl), import exactly those edits."""

from __future__ import annotations

import shutil
import uuid
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from ghnt_desktop.db import open_database
from ghnt_desktop.exports.xlsx_actielijst import COLUMN_INDEX, HEADERS, write_actielijst_xlsx
from ghnt_desktop.imports.roundtrip import RowKind
from ghnt_desktop.models import ActionItem, ActionStatus, ProgressUpdate
from ghnt_desktop.services.importing import apply_roundtrip, gather_actielijst, preview_roundtrip

TODAY = date(2026, 3, 1)


@pytest.fixture(scope="module")
def demo_file(demo_database) -> Path:
    return demo_database(TODAY)


@pytest.fixture
def db(demo_file: Path, tmp_path: Path):
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_file, path)
    database = open_database(path)
    yield database
    database.close()


def snapshot(database) -> dict[str, tuple]:
    with database.session() as s:
        rows = s.execute(
            select(
                ActionItem.number,
                ActionItem.status,
                ActionItem.deadline,
                ActionItem.deadline_text,
                ActionItem.times_postponed,
                ActionItem.closed_on,
                ActionItem.text,
            )
        ).all()
        updates = s.scalar(select(func.count(ProgressUpdate.id)))
    return {"updates": updates, **{r[0]: tuple(r[1:]) for r in rows}}


def export(database, path: Path, **kwargs) -> Path:
    with database.session() as s:
        data = gather_actielijst(s, today=TODAY, **kwargs)
    write_actielijst_xlsx(data, path)
    return path


class Sheet:
    """The exported sheet as a partner edits it: cells by action number and column key."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wb = openpyxl.load_workbook(path)
        self.ws = self.wb["Actielijst"]
        self.header = next(r for r in range(1, 20) if self.ws.cell(r, 1).value == HEADERS["number"])
        self.rows = {
            self.ws.cell(r, 1).value: r for r in range(self.header + 1, self.ws.max_row + 1) if self.ws.cell(r, 1).value
        }

    def numbers(self) -> list[str]:
        return list(self.rows)

    def set(self, number: str, key: str, value) -> None:
        self.ws.cell(self.rows[number], COLUMN_INDEX[key] + 1).value = value

    def get(self, number: str, key: str):
        return self.ws.cell(self.rows[number], COLUMN_INDEX[key] + 1).value

    def save(self, name: str) -> Path:
        out = self.path.with_name(name)
        self.wb.save(out)
        return out


def test_round_trip_gives_exactly_the_edits(db, tmp_path: Path):
    sheet = Sheet(export(db, tmp_path / "actielijst.xlsx"))
    before = snapshot(db)
    numbers = sheet.numbers()
    free_text = next(n for n in numbers if sheet.get(n, "status") == "Niet gestart")
    done = next(n for n in numbers if n != free_text)
    later = next(n for n in numbers if n not in (free_text, done) and isinstance(sheet.get(n, "deadline"), datetime))
    texted = next(n for n in numbers if n not in (free_text, done, later))
    sheet.set(done, "status", "Gereed")
    sheet.set(done, "progress", "Notitie vastgesteld in het AO.")
    sheet.set(free_text, "status", "loopt nog, doorgeschoven")  # free text: a status word and a postponement
    old_deadline = sheet.get(later, "deadline").date()
    sheet.set(later, "deadline", datetime(old_deadline.year + 1, old_deadline.month, 1))
    sheet.set(texted, "deadline", "Q4 2027")
    returned = sheet.save("teruggestuurd.xlsx")

    with db.session() as s:
        preview = preview_roundtrip(s, returned)
    changed = {r.number: r for r in preview.rows if r.kind is RowKind.CHANGED}
    assert set(changed) == {done, free_text, later, texted}
    assert not preview.conflicts and not preview.of_kind(RowKind.UNKNOWN) and not preview.of_kind(RowKind.MISSING)
    assert [c.field for c in changed[done].changes] == ["status", "progress"]
    # "doorgeschoven" beside "loopt": the status word counts, and so does the postponement.
    assert [(c.file_value, c.database_value) for c in changed[free_text].changes] == [
        ("Loopt", "Niet gestart"),
        (str(changed[free_text].new_times_postponed), str(int(changed[free_text].new_times_postponed) - 1)),
    ]
    assert [c.field for c in changed[later].changes] == ["deadline"]
    assert changed[texted].new_deadline_text == "Q4 2027" and changed[texted].new_deadline == date(2027, 12, 31)

    with db.session() as s:
        result = apply_roundtrip(s, preview, today=TODAY)
    assert result.applied == 4 and result.skipped == ()
    after = snapshot(db)
    untouched = set(before) - {done, free_text, later, texted, "updates"}
    assert {n: after[n] for n in untouched} == {n: before[n] for n in untouched}
    assert after[done][0] is ActionStatus.DONE and after[done][4] == TODAY
    assert after[free_text][0] is ActionStatus.IN_PROGRESS
    assert after[later][1] == date(old_deadline.year + 1, old_deadline.month, 1)
    assert after[later][3] == before[later][3] + 1  # a later deadline is a postponement
    assert after[texted][1:3] == (date(2027, 12, 31), "Q4 2027")
    with db.session() as s:
        updates = s.execute(
            select(ActionItem.number, ProgressUpdate.done_text, ProgressUpdate.author, ProgressUpdate.previous_deadline)
            .join(ActionItem, ProgressUpdate.action_item_id == ActionItem.id)
            .where(ProgressUpdate.author == "Import teruggestuurd.xlsx")
        ).all()
    by_number = {u[0]: u for u in updates}
    assert by_number[done][1] == "Notitie vastgesteld in het AO."
    assert by_number[later][3] == old_deadline
    assert after["updates"] == before["updates"] + len(by_number)

    # Reading the same file again finds nothing to apply: the database already holds these values.
    with db.session() as s:
        again = preview_roundtrip(s, returned)
    assert not again.changed and not again.conflicts
    assert {r.kind for r in again.rows} == {RowKind.UNCHANGED}


def test_conflicts_unknown_and_missing_rows(db, tmp_path: Path):
    sheet = Sheet(export(db, tmp_path / "a.xlsx"))
    numbers = sheet.numbers()
    clash, fine, removed, rekeyed = numbers[:4]
    sheet.set(clash, "progress", "Partner: gestart")
    sheet.set(fine, "progress", "Partner: bijna klaar")
    sheet.ws.delete_rows(sheet.rows[removed])
    sheet = Sheet(sheet.save("b.xlsx"))
    sheet.set(rekeyed, "key", str(uuid.uuid4()))
    new_row = sheet.ws.max_row + 1
    sheet.ws.cell(new_row, 1).value = "NIEUW"
    sheet.ws.cell(new_row, 2).value = "Een actie die de partner toevoegde"
    returned = sheet.save("c.xlsx")
    with db.session() as s:  # the app changes the clashing action after the export
        item = s.scalar(select(ActionItem).where(ActionItem.number == clash))
        item.text = item.text + " (aangepast)"
    before = snapshot(db)
    with db.session() as s:
        preview = preview_roundtrip(s, returned)
    kinds = {r.number: r.kind for r in preview.rows if r.kind is not RowKind.UNCHANGED}
    assert kinds[clash] is RowKind.CONFLICT
    assert kinds[fine] is RowKind.CHANGED
    assert kinds[removed] is RowKind.MISSING
    assert kinds["NIEUW"] is RowKind.UNKNOWN
    unknown = [r for r in preview.rows if r.kind is RowKind.UNKNOWN]
    assert {r.number for r in unknown} == {"NIEUW", rekeyed}
    # By default conflicts are not applied; choosing the row applies it.
    with db.session() as s:
        result = apply_roundtrip(s, preview, today=TODAY)
    assert result.applied == 1 and any(clash in line for line in result.skipped)
    middle = snapshot(db)
    assert middle["updates"] == before["updates"] + 1
    conflict_id = next(r.action_id for r in preview.rows if r.number == clash)
    with db.session() as s:
        preview = preview_roundtrip(s, returned)
        result = apply_roundtrip(s, preview, selected=[conflict_id], today=TODAY)
    assert result.applied == 1
    assert snapshot(db)["updates"] == before["updates"] + 2


def test_changed_between_preview_and_apply_is_skipped(db, tmp_path: Path):
    sheet = Sheet(export(db, tmp_path / "a.xlsx"))
    number = sheet.numbers()[0]
    sheet.set(number, "status", "Vervallen")
    returned = sheet.save("b.xlsx")
    with db.session() as s:
        preview = preview_roundtrip(s, returned)
    with db.session() as s:
        item = s.scalar(select(ActionItem).where(ActionItem.number == number))
        item.text = "Intussen gewijzigd"
    with db.session() as s:
        result = apply_roundtrip(s, preview, today=TODAY)
    assert result.applied == 0 and "gewijzigd" in result.skipped[0]


def test_failure_leaves_database_unchanged(db, tmp_path: Path, monkeypatch):
    sheet = Sheet(export(db, tmp_path / "a.xlsx"))
    for number in sheet.numbers()[:3]:
        sheet.set(number, "progress", f"Nieuw voor {number}")
    returned = sheet.save("b.xlsx")
    before = snapshot(db)
    import ghnt_desktop.services.importing as importing

    real = importing.record_progress
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("schijf vol")
        return real(*args, **kwargs)

    monkeypatch.setattr(importing, "record_progress", failing)
    with pytest.raises(RuntimeError):
        with db.session() as s:
            apply_roundtrip(s, preview_roundtrip(s, returned), today=TODAY)
    assert len(calls) == 3
    assert snapshot(db) == before


def test_partner_file_and_command_line(db, tmp_path: Path, capsys):
    from ghnt_desktop.cli import main

    out = tmp_path / "partner.xlsx"
    with db.session() as s:
        data = gather_actielijst(s, today=TODAY)
    partner = next(r.trekker_organisation_id for r in data.rows if r.trekker_organisation_id)
    with db.session() as s:
        partner_data = gather_actielijst(s, organisation_id=partner, today=TODAY)
    write_actielijst_xlsx(partner_data, out)
    sheet = Sheet(out)
    assert set(sheet.numbers()) == {r.number for r in partner_data.rows}
    assert partner_data.organisation
    number = sheet.numbers()[0]
    sheet.set(number, "status", "Gereed")
    returned = sheet.save("partner-terug.xlsx")
    before = snapshot(db)
    capsys.readouterr()
    assert main(["import", "actielijst", str(returned), "--db", str(db.path), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert number in printed and "Gereed" in printed and "Proefdraai" in printed
    assert snapshot(db) == before
    assert main(["import", "actielijst", str(returned), "--db", str(db.path)]) == 0
    assert "Toegepast: 1 actie" in capsys.readouterr().out
    assert snapshot(db)[number][0] is ActionStatus.DONE


def test_sheet_per_actielijn_round_trip(db, tmp_path: Path):
    with db.session() as s:
        data = gather_actielijst(s, today=TODAY)
    path = tmp_path / "per-lijn.xlsx"
    result = write_actielijst_xlsx(data, path, sheet_per_actielijn=True)
    assert len(result.sheets) > 2
    wb = openpyxl.load_workbook(path)
    ws = wb[result.sheets[1]]
    header = next(r for r in range(1, 20) if ws.cell(r, 1).value == HEADERS["number"])
    number = ws.cell(header + 1, 1).value
    ws.cell(header + 1, COLUMN_INDEX["progress"] + 1).value = "Bijgewerkt op het tweede blad"
    wb.save(tmp_path / "terug.xlsx")
    with db.session() as s:
        preview = preview_roundtrip(s, tmp_path / "terug.xlsx")
    assert [(r.number, r.sheet) for r in preview.changed] == [(number, result.sheets[1])]
    assert preview.counts()[RowKind.UNCHANGED] == len(data.rows) - 1


def _duplicate_row(sheet: Sheet, number: str) -> int:
    """Copy the row of ``number`` (key and stamp included) to the end, as a partner pasting it twice does."""
    ws = sheet.ws
    values = [c.value for c in ws[sheet.rows[number]]]
    ws.append(values)
    return ws.max_row


def test_an_action_on_two_rows_is_a_conflict_not_one_wins(db, tmp_path: Path):
    sheet = Sheet(export(db, tmp_path / "actielijst.xlsx"))
    number = next(n for n in sheet.numbers() if sheet.get(n, "status") == "Niet gestart")
    same = next(n for n in sheet.numbers() if n != number)
    copy_row = _duplicate_row(sheet, number)
    _duplicate_row(sheet, same)  # the same values twice: no conflict
    sheet.set(number, "status", "Gereed")
    sheet.ws.cell(copy_row, COLUMN_INDEX["status"] + 1).value = "Loopt"
    returned = sheet.save("twee_keer.xlsx")
    before = snapshot(db)
    with db.session() as s:
        preview = preview_roundtrip(s, returned)
    rows = [r for r in preview.rows if r.number == number]
    assert [r.kind for r in rows] == [RowKind.CONFLICT, RowKind.CONFLICT]
    assert all("ook op" in r.messages[0] and "vink de regel aan" in r.messages[0] for r in rows)
    assert [r.kind for r in preview.rows if r.number == same] == [RowKind.UNCHANGED, RowKind.UNCHANGED]
    # Both rows chosen: neither is applied, and it says why.
    with db.session() as s:
        result = apply_roundtrip(s, preview, selected_rows=[r.row_key for r in rows], today=TODAY)
    assert result.applied == 0 and "meer dan eens" in result.skipped[0]
    assert snapshot(db) == before
    # One row chosen: that one is applied.
    with db.session() as s:
        result = apply_roundtrip(s, preview, selected_rows=[rows[1].row_key], today=TODAY)
    assert result.applied == 1
    assert snapshot(db)[number][0] is ActionStatus.IN_PROGRESS


@pytest.mark.parametrize(("text", "expected"), [("Doorgeschoven", 1), ("2x uitgesteld", 2), ("verplaatst (3 keer)", 3)])
def test_postponed_in_the_status_cell_counts_and_stays_open(db, tmp_path: Path, text: str, expected: int):
    sheet = Sheet(export(db, tmp_path / "actielijst.xlsx"))
    before = snapshot(db)
    # An open action whose count the cell really changes (one postponed exactly `expected` times already would be
    # an unchanged row, as it should).
    number = next(
        n for n in sheet.numbers() if sheet.get(n, "status") in ("Niet gestart", "Loopt") and before[n][3] != expected
    )
    status_before = before[number][0]
    times_before = before[number][3]
    sheet.set(number, "status", text)
    with db.session() as s:
        preview = preview_roundtrip(s, sheet.save("uitgesteld.xlsx"))
    row = next(r for r in preview.rows if r.number == number)
    assert row.kind is RowKind.CHANGED and row.new_status is None
    with db.session() as s:
        apply_roundtrip(s, preview, today=TODAY)
    after = snapshot(db)[number]
    assert after[0] is status_before  # not "aangehouden"
    assert after[3] == (times_before + 1 if expected == 1 else expected)


def test_too_long_progress_is_refused_not_cut(db, tmp_path: Path):
    sheet = Sheet(export(db, tmp_path / "actielijst.xlsx"))
    number = sheet.numbers()[0]
    sheet.set(number, "progress", "Lange tekst. " * 2000)  # 26,000 characters
    with db.session() as s:
        preview = preview_roundtrip(s, sheet.save("lang.xlsx"))
    row = next(r for r in preview.rows if r.number == number)
    assert row.kind is RowKind.UNKNOWN and not row.applicable
    assert "20000" in row.messages[-1] and "korter" in row.messages[-1]
