"""Closing a case asks for a note and a second look; a closed case is reopened with a reason,
kept in the audit log and the history, and the citizen is told (LINE push, /track)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.complaints.tables import ComplaintRow, HistoryRow
from bot.db.store import SqlStore
from bot.line.notify import push_pending_notices
from bot.services import services
from handlers.complaints.usecases import ComplaintDraft, file_complaint
from handlers.shared import Channel
from tests.fakes.fake_line import FakeLine
from tests.support.admin import audit_rows, client_for
from tests.support.line import USER, line_config


def _app(make_app: Callable[..., Flask], line: FakeLine) -> Flask:
    return make_app(WTF_CSRF_ENABLED=False, **line_config(line))


def _file(app: Flask) -> tuple[str, str]:
    with new_session(app) as s:
        store = SqlStore(s)
        draft = ComplaintDraft(
            category="road", details="ถนนหน้าวัดเป็นหลุมลึก", contact_name="สมชาย", line_user_id=USER
        )
        filed = file_complaint(store, draft, Channel.LINE, datetime.now(UTC) - timedelta(days=3))
        store.commit()
    return filed.complaint.case_number, filed.secret_code


def _state(app: Flask, case: str) -> tuple[str, list[tuple[str, str]]]:
    with new_session(app) as s:
        row = s.scalars(select(ComplaintRow).where(ComplaintRow.case_number == case)).one()
        history = s.scalars(
            select(HistoryRow).where(HistoryRow.complaint_id == row.id).order_by(HistoryRow.id)
        )
        return row.status, [(h.status, h.note) for h in history]


def test_closing_without_a_note_is_refused_in_thai_and_changes_nothing(
    make_app: Callable[..., Flask], line: FakeLine
) -> None:
    app = _app(make_app, line)
    case, _ = _file(app)
    admin = client_for(app, "admin")
    for status in ("resolved", "rejected"):
        r = admin.post(
            f"/admin/cases/{case}/status",
            data={"status": status, "note": "   ", "confirm": "yes"},
            follow_redirects=True,
        )
        assert "กรุณาเขียนหมายเหตุถึงผู้ร้อง" in r.get_data(as_text=True)
    assert _state(app, case) == ("received", [])
    assert audit_rows(app) == [] or all(a[1] != "complaint.status" for a in audit_rows(app))


def test_closing_asks_to_confirm_first_then_closes(
    make_app: Callable[..., Flask], line: FakeLine
) -> None:
    app = _app(make_app, line)
    case, _ = _file(app)
    admin = client_for(app, "admin")
    r = admin.post(
        f"/admin/cases/{case}/status", data={"status": "rejected", "note": "อยู่นอกเขตรับผิดชอบ"}
    )
    page = r.get_data(as_text=True)
    assert r.status_code == 200 and "ยืนยันการเปลี่ยนสถานะ" in page
    assert "อยู่นอกเขตรับผิดชอบ" in page and 'name="confirm" value="yes"' in page
    assert _state(app, case) == ("received", [])  # the first post only asks
    r = admin.post(
        f"/admin/cases/{case}/status",
        data={"status": "rejected", "note": "อยู่นอกเขตรับผิดชอบ", "confirm": "yes"},
        follow_redirects=True,
    )
    assert "เปลี่ยนสถานะเป็น" in r.get_data(as_text=True)
    assert _state(app, case) == ("rejected", [("rejected", "อยู่นอกเขตรับผิดชอบ")])
    # A change that does not close the case needs neither.
    case2, _ = _file(app)
    admin.post(f"/admin/cases/{case2}/status", data={"status": "in_progress", "note": ""})
    assert _state(app, case2) == ("in_progress", [("in_progress", "")])


def test_reopening_needs_a_reason_and_the_citizen_is_told(
    make_app: Callable[..., Flask], line: FakeLine
) -> None:
    app = _app(make_app, line)
    case, code = _file(app)
    admin = client_for(app, "admin")
    admin.post(
        f"/admin/cases/{case}/status",
        data={"status": "resolved", "note": "ซ่อมถนนแล้ว", "confirm": "yes"},
    )
    page = admin.get(f"/admin/cases/{case}").get_data(as_text=True)
    assert "เปิดเรื่องอีกครั้ง" in page
    push_pending_notices(app, services(app).line)
    line.pushes.clear()

    r = admin.post(f"/admin/cases/{case}/reopen", data={"reason": ""}, follow_redirects=True)
    assert "กรุณาระบุเหตุผลที่เปิดเรื่องอีกครั้ง" in r.get_data(as_text=True)
    assert _state(app, case)[0] == "resolved"

    r = admin.post(
        f"/admin/cases/{case}/reopen",
        data={"reason": "ผู้ร้องแจ้งว่าถนนทรุดอีก"},
        follow_redirects=True,
    )
    assert "เปิดเรื่องอีกครั้งแล้ว" in r.get_data(as_text=True)
    status, history = _state(app, case)
    assert status == "in_progress"
    assert history[-1] == ("in_progress", "เปิดเรื่องอีกครั้ง: ผู้ร้องแจ้งว่าถนนทรุดอีก")
    assert ("admin", "complaint.reopen", case, "ผู้ร้องแจ้งว่าถนนทรุดอีก") in audit_rows(app)

    # The worker pushes the notice to the citizen's LINE.
    assert push_pending_notices(app, services(app).line) == 1
    assert line.pushes[0]["to"] == USER
    text = line.pushes[0]["messages"][0]["text"]
    assert f"เรื่องเลขที่ {case} ได้รับการเปิดพิจารณาอีกครั้ง" in text
    assert "ผู้ร้องแจ้งว่าถนนทรุดอีก" in text

    # /track shows it in the history.
    track = app.test_client().post("/track", data={"case_number": case, "code": code})
    page = track.get_data(as_text=True)
    assert "กำลังดำเนินการ" in page and "เปิดเรื่องอีกครั้ง: ผู้ร้องแจ้งว่าถนนทรุดอีก" in page

    # An open case cannot be "reopened".
    r = admin.post(f"/admin/cases/{case}/reopen", data={"reason": "อีกครั้ง"}, follow_redirects=True)
    assert "ยังไม่ปิด" in r.get_data(as_text=True)
