"""Edits pulled from the sheet obey the admin pages' rules: a sealed (corruption) case cannot
be changed from the sheet and its reporter hears nothing; every applied edit is audited."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
from flask import Flask
from sqlalchemy import func, select

from bot.db import new_session
from bot.db.accounts.tables import AuditLog
from bot.db.chat.tables import NoticeRow
from bot.db.complaints.tables import ComplaintRow
from bot.db.store import SqlStore
from handlers.clock import utcnow
from handlers.complaints.usecases import ComplaintDraft, file_complaint
from handlers.shared import Channel
from sheets.layout import COMPLAINTS

STATUS = COMPLAINTS.col("status") + 1  # openpyxl columns are 1-based
NOTES = COMPLAINTS.col("system_notes") + 1
REPORTER = "U" + "c" * 32


def _file(app: Flask, category: str) -> str:
    with new_session(app) as s:
        store = SqlStore(s)
        case = file_complaint(
            store,
            ComplaintDraft(
                category=category,
                details="มีการเรียกรับเงินใต้โต๊ะในการขออนุญาตก่อสร้าง",
                line_user_id=REPORTER,
            ),
            Channel.LINE,
            utcnow(),
        ).complaint.case_number
        store.commit()
    return case


def _sync(app: Flask, *args: str) -> str:
    out = app.test_cli_runner().invoke(args=["sync", *args])
    assert out.exit_code == 0, out.output
    return out.output


def _edit_status(path: Path, case: str, value: str) -> int:
    wb = openpyxl.load_workbook(path)
    ws = wb[COMPLAINTS.title]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == case)
    ws.cell(row=row, column=STATUS).value = value
    time.sleep(0.01)  # a later modification time, as an admin's save would have
    wb.save(path)
    return row


def _status_notices_audits(app: Flask, case: str) -> tuple[str, int, list[str]]:
    with new_session(app) as s:
        status = s.scalar(select(ComplaintRow.status).where(ComplaintRow.case_number == case))
        notices = s.scalar(
            select(func.count()).select_from(NoticeRow).where(NoticeRow.line_user_id == REPORTER)
        )
        audits = list(
            s.scalars(
                select(AuditLog.detail).where(
                    AuditLog.action == "complaint.status", AuditLog.target == case
                )
            )
        )
    return str(status), int(notices or 0), audits


def test_a_sealed_case_cannot_be_changed_from_the_sheet(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    xlsx = tmp_path / "mirror.xlsx"
    app = make_app(SHEETS_BACKEND="xlsx", SHEETS_XLSX_PATH=str(xlsx))
    case = _file(app, "corruption")
    _sync(app)
    row = _edit_status(xlsx, case, "ดำเนินการแล้วเสร็จ")

    out = _sync(app, "--pull")

    assert "0 applied, 1 refused" in out
    assert _status_notices_audits(app, case) == ("received", 0, [])
    ws = openpyxl.load_workbook(xlsx)[COMPLAINTS.title]
    assert ws.cell(row=row, column=STATUS).value == "รับเรื่องแล้ว"  # the true value is back
    assert "เรื่องปิดผนึก" in ws.cell(row=row, column=NOTES).value


def test_an_edit_applied_from_the_sheet_is_audited(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    xlsx = tmp_path / "mirror.xlsx"
    app = make_app(SHEETS_BACKEND="xlsx", SHEETS_XLSX_PATH=str(xlsx))
    case = _file(app, "road")
    _sync(app)
    _edit_status(xlsx, case, "กำลังดำเนินการ")

    assert "1 applied, 0 refused" in _sync(app, "--pull")

    status, notices, audits = _status_notices_audits(app, case)
    assert (status, notices, audits) == ("in_progress", 1, ["in_progress"])
