"""The XLSX mirror (the embedded default), checked by reading the file back with openpyxl."""

from __future__ import annotations

import os
import time
import zipfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.complaints.tables import ComplaintRow
from bot.mirror.sync import background_job, build_syncer, source_for
from handlers.complaints.domain import STATUS_TH, Status
from sheets.layout import COMPLAINTS, STATUS_CHOICES, TABS
from sheets.ports import RangeWrite
from sheets.quota import Backoff
from sheets.rows import SEALED_MARK
from sheets.sync import Syncer
from sheets.xlsx import XlsxBackend
from tests.fakes.crashing_source import CrashingSource
from tests.support.admin import client_for
from tests.support.cli import sync
from tests.support.complaints import change, file, file_many

TAB = COMPLAINTS.title
STATUS = COMPLAINTS.col("status") + 1  # openpyxl columns are 1-based
DETAILS = COMPLAINTS.col("details") + 1
NOTES = COMPLAINTS.col("system_notes") + 1


@pytest.fixture
def xapp(make_app: Callable[..., Flask], xlsx: Path) -> Flask:
    return make_app(SHEETS_BACKEND="xlsx", SHEETS_XLSX_PATH=str(xlsx))


def ids(path: Path) -> list[str]:
    ws = openpyxl.load_workbook(path)[TAB]
    return [r[0] for r in ws.iter_rows(min_row=2, max_col=1, values_only=True) if r[0]]


def test_xlsx_is_the_default_backend(make_app: Callable[..., Flask]) -> None:
    app = make_app(SHEETS_BACKEND=None)
    app.config.pop("SHEETS_BACKEND")
    file_many(app, 1)
    sync(app)
    assert Path(app.config["SHEETS_XLSX_PATH"]).name == "prongsai.xlsx"
    assert Path(app.config["SHEETS_XLSX_PATH"]).exists()


def test_the_file_has_every_tab_headers_frozen_and_a_status_dropdown(
    xapp: Flask, xlsx: Path
) -> None:
    file_many(xapp, 2)
    sync(xapp)
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == [t.title for t in TABS]
    for tab in TABS:
        ws = wb[tab.title]
        assert [c.value for c in ws[1]] == tab.headers
        assert ws.freeze_panes == "A2"
    [dv] = wb[TAB].data_validations.dataValidation
    assert dv.type == "list" and str(dv.sqref).startswith(f"{COMPLAINTS.letter('status')}2")
    assert dv.formula1 == '"' + ",".join(STATUS_CHOICES) + '"'


def test_formula_looking_text_stays_text(xapp: Flask, xlsx: Path) -> None:
    texts = ['=HYPERLINK("http://evil","คลิก")', "+66812345678 โทรกลับ", "-ถนนพัง", "@SUM(A1:A9)"]
    for t in texts:
        file_many(xapp, 1, details=t)
    sync(xapp)
    ws = openpyxl.load_workbook(xlsx)[TAB]
    cells = [ws.cell(row=r, column=DETAILS) for r in range(2, 6)]
    assert [c.value for c in cells] == [f"{t} 0" for t in texts]
    assert all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells)
    with zipfile.ZipFile(xlsx) as z:  # no formula element anywhere in the workbook
        assert not any(
            "<f>" in z.read(n).decode() or "<f " in z.read(n).decode()
            for n in z.namelist()
            if n.startswith("xl/worksheets/")
        )


def test_rows_in_order_once_and_changes_in_place(xapp: Flask, xlsx: Path) -> None:
    cases = file_many(xapp, 5)
    cases += file_many(xapp, 1, category="corruption", details="นายกเรียกรับเงิน")
    sync(xapp)
    sync(xapp)  # nothing pending: nothing written twice
    change(xapp, cases[1], "in_progress")
    cases += file_many(xapp, 1)
    out = sync(xapp)
    assert "1 rows added, 1 updated" in out
    assert ids(xlsx) == cases
    ws = openpyxl.load_workbook(xlsx)[TAB]
    assert ws.cell(row=3, column=STATUS).value == "กำลังดำเนินการ"
    sealed = [c.value for c in ws[7]]
    assert sealed[0] == cases[5] and SEALED_MARK in sealed
    assert "นายก" not in str(sealed) and "สมศรี" not in str(sealed)
    assert ws.cell(row=2, column=COMPLAINTS.col("phone") + 1).value == "0812345678"


def test_a_crash_after_saving_the_file_never_duplicates(xapp: Flask, xlsx: Path) -> None:
    cases = file_many(xapp, 4)
    crashing = CrashingSource(xapp.extensions["db_sessions"])
    with pytest.raises(SystemExit):
        Syncer(crashing, XlsxBackend(xlsx)).drain()
    assert ids(xlsx) == cases and source_for(xapp).backlog() == 4
    cases += file_many(xapp, 1)
    sync(xapp)
    assert ids(xlsx) == cases and source_for(xapp).backlog() == 0


def test_status_edits_in_the_file_flow_back(xapp: Flask, xlsx: Path) -> None:
    cases = file_many(xapp, 3)
    sync(xapp)
    wb = openpyxl.load_workbook(xlsx)
    ws = wb[TAB]
    ws.cell(row=2, column=STATUS).value = "ดำเนินการแล้วเสร็จ"
    ws.cell(row=3, column=STATUS).value = "เสร็จแล้วจ้า"
    time.sleep(0.01)  # a later modification time, as an admin's save would have
    wb.save(xlsx)
    out = sync(xapp, "--pull")
    assert "1 applied, 1 refused" in out
    with new_session(xapp) as s:
        statuses = s.scalars(select(ComplaintRow.status).order_by(ComplaintRow.id)).all()
    assert statuses == ["resolved", "received", "received"]
    ws = openpyxl.load_workbook(xlsx)[TAB]
    assert ws.cell(row=2, column=STATUS).value == "ดำเนินการแล้วเสร็จ"
    assert ws.cell(row=3, column=STATUS).value == "รับเรื่องแล้ว"
    assert "เสร็จแล้วจ้า" in ws.cell(row=3, column=NOTES).value
    assert ids(xlsx) == cases


def test_the_background_job_keeps_the_file_up_to_date(xapp: Flask, xlsx: Path) -> None:
    xapp.config["SHEETS_SYNC_SECONDS"] = 0.05
    job = background_job(xapp)
    assert job is not None
    cases = file_many(xapp, 3)
    try:
        job()  # what the BackgroundWorker calls on each tick
        deadline = time.monotonic() + 15
        while source_for(xapp).backlog() and time.monotonic() < deadline:
            time.sleep(0.05)
            job()
        assert source_for(xapp).backlog() == 0
        assert ids(xlsx) == cases
        health = xapp.test_client().get("/healthz").get_json()
        assert health["outbox_backlog"] == 0 and health["last_sync"]
    finally:
        xapp.extensions["prongsai_sheets_thread"].stop()
        xapp.extensions["prongsai_sheets_thread"].join(5)


def test_off_means_nothing_is_written(make_app: Callable[..., Flask], xlsx: Path) -> None:
    app = make_app(SHEETS_BACKEND="off", SHEETS_XLSX_PATH=str(xlsx))
    file_many(app, 1)
    assert "off" in sync(app)
    assert background_job(app) is None and build_syncer(app) is None
    assert not xlsx.exists() and source_for(app).backlog() == 1


def admin_sets_status(path: Path, row: int, status: str) -> None:
    """An admin's edit saved from a spreadsheet program: a new file, a later time."""
    wb = openpyxl.load_workbook(path)
    wb[TAB].cell(row=row, column=STATUS).value = status
    time.sleep(0.01)
    wb.save(path)


class AdminSavesDuringTheSync(XlsxBackend):
    """The real backend, with an admin saving the file after the sync read it and before
    the sync saved its rows (`during` names the step), where an edit or rows used to be lost."""

    def __init__(self, path: Path, during: str) -> None:
        super().__init__(path)
        self.during = during

    def _admin_saves(self, step: str) -> None:
        if self.during == step and self._dirty:
            admin_sets_status(self.path, 2, "ดำเนินการแล้วเสร็จ")
            self.during = "done"

    def write(self, writes: Sequence[RangeWrite]) -> None:
        self._admin_saves("write")  # between the round's appends and its updates
        super().write(writes)

    def commit(self) -> None:
        self._admin_saves("commit")  # just before the round's rows are saved
        super().commit()


@pytest.mark.parametrize("during", ["write", "commit"])
def test_an_admins_save_during_a_sync_is_kept(xapp: Flask, xlsx: Path, during: str) -> None:
    cases = file_many(xapp, 3)
    sync(xapp)
    change(xapp, cases[2], "in_progress")  # an update in the same round as the appends
    cases += file_many(xapp, 2)
    backend = AdminSavesDuringTheSync(xlsx, during)
    result = Syncer(source_for(xapp), backend, backoff=Backoff(base=0.01)).drain()
    assert result.ok and backend.during == "done"  # the admin did save in the middle
    assert ids(xlsx) == cases and source_for(xapp).backlog() == 0
    ws = openpyxl.load_workbook(xlsx)[TAB]
    assert ws.cell(row=2, column=STATUS).value == "ดำเนินการแล้วเสร็จ"
    assert ws.cell(row=4, column=STATUS).value == STATUS_TH[Status.IN_PROGRESS]
    assert "1 applied" in sync(xapp, "--pull")
    with new_session(xapp) as s:
        statuses = s.scalars(select(ComplaintRow.status).order_by(ComplaintRow.id)).all()
    assert statuses[:3] == ["resolved", "received", "in_progress"]


@pytest.mark.parametrize(
    "lock_name",
    [".~lock.prongsai.xlsx#", "~$ongsai.xlsx", "~$prongsai.xlsx"],
    ids=["libreoffice", "excel", "excel-short-name"],
)
def test_rows_wait_while_the_file_is_open_in_a_spreadsheet_program(
    xapp: Flask, xlsx: Path, lock_name: str
) -> None:
    cases = file_many(xapp, 2)
    sync(xapp)
    lock = xlsx.with_name(lock_name)
    lock.write_text("admin,office-pc,01.12.2026 09:00", encoding="utf-8")
    before = xlsx.read_bytes()
    later = file_many(xapp, 2)
    r = xapp.test_cli_runner().invoke(args=["sync"])
    assert r.exit_code == 1
    assert "เปิดอยู่ในโปรแกรมตารางคำนวณ" in r.output and lock_name in r.output
    assert xlsx.read_bytes() == before and source_for(xapp).backlog() == 2
    assert "เปิดอยู่ในโปรแกรมตารางคำนวณ" in sync(xapp, "--status")
    lock.unlink()  # the admin closes the file
    sync(xapp)
    assert ids(xlsx) == cases + later and source_for(xapp).backlog() == 0


def test_a_lock_file_left_by_a_crashed_program_does_not_stop_the_mirror(
    xapp: Flask, xlsx: Path
) -> None:
    cases = file_many(xapp, 1)
    sync(xapp)
    lock = xlsx.with_name(f".~lock.{xlsx.name}#")
    lock.write_text("admin,office-pc,01.12.2026 09:00", encoding="utf-8")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(lock, (two_days_ago, two_days_ago))
    cases += file_many(xapp, 1)
    sync(xapp)
    assert ids(xlsx) == cases and source_for(xapp).backlog() == 0


def test_photo_column_links_to_the_login_protected_photo_page(
    make_app: Callable[..., Flask], xlsx: Path
) -> None:
    app = make_app(
        SHEETS_BACKEND="xlsx",
        SHEETS_XLSX_PATH=str(xlsx),
        PUBLIC_BASE_URL="https://prongsai.example.go.th/",
        WTF_CSRF_ENABLED=False,
    )
    case = file(app, "road", datetime(2025, 3, 1, 3, tzinfo=UTC), photo=True)
    sync(app)
    ws = openpyxl.load_workbook(xlsx)[TAB]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == case)
    link = f"https://prongsai.example.go.th/admin/cases/{case}/photo/0"
    assert row[COMPLAINTS.col("photos")] == link
    # The page behind the link asks who is looking first.
    path = link.removeprefix("https://prongsai.example.go.th")
    r = app.test_client().get(path)
    assert r.status_code == 302 and "/admin/login" in r.headers["Location"]
    r = client_for(app, "admin").get(path)
    assert r.status_code == 200 and r.mimetype == "image/jpeg"


def test_an_admins_save_landing_while_ours_is_written_is_kept(
    xapp: Flask, xlsx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = file_many(xapp, 2)
    sync(xapp)
    later = file_many(xapp, 1)  # waiting to be written
    original = openpyxl.Workbook.save
    landed: list[str] = []

    def save_while_admin_saves(wb: openpyxl.Workbook, filename: object) -> None:
        original(wb, filename)
        if str(filename).endswith(".tmp") and not landed:
            # The admin's spreadsheet program saves between our save and our swap.
            theirs = openpyxl.load_workbook(xlsx)
            theirs[TAB].cell(row=2, column=STATUS).value = "ดำเนินการแล้วเสร็จ"
            time.sleep(0.01)
            original(theirs, xlsx.with_name("~admin.xlsx"))
            os.replace(xlsx.with_name("~admin.xlsx"), xlsx)
            landed.append(str(filename))

    monkeypatch.setattr(openpyxl.Workbook, "save", save_while_admin_saves)
    sync(xapp)
    sync(xapp, "--pull")
    assert landed  # the race happened
    ws = openpyxl.load_workbook(xlsx)[TAB]
    assert ws.cell(row=2, column=STATUS).value == "ดำเนินการแล้วเสร็จ"  # their edit stands
    assert ids(xlsx) == cases + later  # and our row was written on their file
    with new_session(xapp) as s:
        first = s.scalars(select(ComplaintRow.status).order_by(ComplaintRow.id)).first()
    assert first == "resolved"
