"""Asset loans on the database: the chat from request to return between two accounts, and
/admin/assets (its actions audited, staff limited to their unit's loans)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.assets.tables import AssetLoanRow
from bot.db.chat.tables import NoticeRow
from bot.db.mirror.tables import OutboxRow
from bot.db.store import SqlStore
from bot.reports.evidence import build
from handlers.assets.domain import Loan
from handlers.clock import utcnow
from tests.support.admin import add_user, audit_rows, client_for
from tests.support.cli import cli
from tests.support.cli import report as report_file

# 10 March 2026, 09:00 in Bangkok.
NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)


def office(app: Flask) -> None:
    add_user(app, "borrower", "staff", unit="กองคลัง", line_user_id="U" + "b" * 32)
    add_user(app, "head", "staff", unit="สำนักปลัด", line_user_id="U" + "h" * 32)
    add_user(app, "clerk", "staff", unit="กองช่าง")
    cli(app, "assets", "add", "เครื่องฉายภาพ", "--unit", "สำนักปลัด", "--code", "7430-001-0001")
    cli(app, "assets", "add", "กล้องถ่ายรูป", "--unit", "กองช่าง")
    cli(app, "assets", "head", "สำนักปลัด", "head")


def chat(app: Flask, staff: str, *lines: str) -> str:
    return cli(
        app, "chat", "--user", staff, "--staff", staff, input="\n".join([*lines, "/quit", ""])
    )


def loans(app: Flask) -> list[AssetLoanRow]:
    with new_session(app) as s:
        return list(s.scalars(select(AssetLoanRow).order_by(AssetLoanRow.id)))


def test_request_approve_by_the_unit_head_and_return_in_chat(
    make_app: Callable[..., Flask], clock: Callable[[datetime], None]
) -> None:
    clock(NOW)
    app = make_app()
    office(app)
    # กล้องถ่ายรูป (กองช่าง) is listed first, เครื่องฉายภาพ (สำนักปลัด) second.
    out = chat(app, "borrower", "ยืมทรัพย์สิน", "2", "พรุ่งนี้", "12 มี.ค. 2569", "ประชุมประชาคม", "ยืนยัน")
    assert "2. เครื่องฉายภาพ (สำนักปลัด) เลขที่ 7430-001-0001" in out
    assert "ส่งคำขอยืมเลขที่ 1 แล้ว" in out
    with new_session(app) as s:
        notices = [(n.line_user_id, n.text) for n in s.scalars(select(NoticeRow))]
    assert [who for who, _ in notices] == ["U" + "h" * 32]  # the head of สำนักปลัด
    assert "พิมพ์ “อนุมัติการยืม 1”" in notices[0][1]

    assert "บันทึกการอนุมัติคำขอยืมเลขที่ 1" in chat(app, "head", "อนุมัติการยืม 1")
    (row,) = loans(app)
    assert (row.status, row.approver, row.start_on, row.due_on) == (
        "approved",
        "head",
        date(2026, 3, 11),
        date(2026, 3, 12),
    )

    # 14 March: two days late. The borrower sees it flagged and records the return.
    clock(datetime(2026, 3, 14, 3, 0, tzinfo=UTC))
    out = chat(app, "borrower", "คืนทรัพย์สิน", "1", "ครบถ้วน", "ยืนยัน")
    assert "11 มี.ค. 69 – 12 มี.ค. 69 ⚠ เกินกำหนดคืน" in out
    assert "(เกินกำหนดคืน 12 มีนาคม 2569)" in out
    (row,) = loans(app)
    assert (row.status, row.return_note, row.returned_by) == ("returned", "ครบถ้วน", "borrower")
    with new_session(app) as s:
        queued = list(s.scalars(select(OutboxRow.entity_id).where(OutboxRow.kind == "asset_loan")))
    assert queued == ["1", "1", "1"]  # requested, approved, returned


@pytest.fixture
def desk(make_app: Callable[..., Flask], clock: Callable[[datetime], None]) -> Flask:
    clock(NOW)
    app = make_app(WTF_CSRF_ENABLED=False, RATE_LIMIT_FORMS="1000/minute")
    office(app)
    with new_session(app) as s:
        store = SqlStore(s)
        for asset_id, who, unit, start, due, status in (
            (1, 11, "กองคลัง", 10, 12, "requested"),
            (2, 13, "กองช่าง", 2, 5, "approved"),  # กองช่าง's camera, overdue
        ):
            loan = store.assets.add_loan(
                Loan(
                    asset_id=asset_id,
                    borrower_id=who,
                    borrower_name=f"ผู้ยืม {who}",
                    unit=unit,
                    start_on=date(2026, 3, start),
                    due_on=date(2026, 3, due),
                    purpose="งานราชการ",
                    created_at=NOW,
                )
            )
            if status == "approved":
                store.assets.save_loan(Loan(**{**loan.__dict__, "status": "approved"}))
        s.commit()
    return app


def test_the_admin_adds_retires_approves_and_records_a_return_all_audited(desk: Flask) -> None:
    c = client_for(desk, "admin")
    page = c.get("/admin/assets").get_data(as_text=True)
    assert "เครื่องฉายภาพ เลขที่ 7430-001-0001" in page and "เกินกำหนดคืน" in page
    overdue = c.get("/admin/assets?show=overdue").get_data(as_text=True)
    assert "ผู้ยืม 13" in overdue and "ผู้ยืม 11" not in overdue
    c.post("/admin/assets/add", data={"name": "เต็นท์", "unit": "กองคลัง", "code": ""})
    refused = c.post(
        "/admin/assets/add", data={"name": "รถ", "unit": "กองเกษตร"}, follow_redirects=True
    ).get_data(as_text=True)
    assert "ไม่รู้จักหน่วยงาน “กองเกษตร”" in refused
    c.post("/admin/assets/3/active", data={"active": "0"})
    c.post("/admin/assets/loans/1/decide", data={"approve": "1"})
    c.post("/admin/assets/loans/2/return", data={"note": "เลนส์มีรอย"})
    assert [(x.status, x.return_note) for x in loans(desk)] == [
        ("approved", ""),
        ("returned", "เลนส์มีรอย"),
    ]
    actions = [(a[1], a[2], a[3]) for a in audit_rows(desk) if a[1].startswith("asset")]
    assert actions == [
        ("asset.add", "3", "เต็นท์ (กองคลัง)"),
        ("asset.deactivate", "3", "เต็นท์ (กองคลัง)"),
        ("asset_loan.approve", "1", "เครื่องฉายภาพ เลขที่ 7430-001-0001"),
        ("asset_loan.return", "2", "เลนส์มีรอย"),
    ]
    out = c.get("/admin/assets?show=out").get_data(as_text=True)
    assert "ผู้ยืม 11" in out and "ผู้ยืม 13" not in out  # approved, starting today; returned


def test_staff_see_only_their_units_loans_and_decide_only_as_head(desk: Flask) -> None:
    clerk = client_for(desk, "clerk")  # กองช่าง: its camera's loan, not the projector's
    page = clerk.get("/admin/assets").get_data(as_text=True)
    assert "ผู้ยืม 13" in page and "ผู้ยืม 11" not in page
    assert "เพิ่มทรัพย์สิน" not in page
    assert clerk.post("/admin/assets/add", data={"name": "x", "unit": "กองช่าง"}).status_code == 403
    r = clerk.post("/admin/assets/loans/1/decide", data={"approve": "1"}, follow_redirects=True)
    assert "หัวหน้าหน่วยงานหรือผู้ดูแลระบบ" in r.get_data(as_text=True)
    head = client_for(desk, "head")
    assert "ผู้ยืม 11" in head.get("/admin/assets?show=requested").get_data(as_text=True)
    head.post("/admin/assets/loans/1/decide", data={"approve": "0"})
    assert [x.status for x in loans(desk)] == ["rejected", "approved"]
    assert [(a[0], a[1], a[2]) for a in audit_rows(desk) if a[1].startswith("asset")] == [
        ("head", "asset_loan.reject", "1")
    ]
    add_user(desk, "exec", "executive")
    assert client_for(desk, "exec").get("/admin/assets").status_code == 403


def test_summary_json_counts_the_years_loans_and_what_is_out_or_overdue_today(
    make_app: Callable[..., Flask], clock: Callable[[datetime], None]
) -> None:
    clock(NOW)  # 10 March 2026: fiscal year 2569 (1 Oct 2025 – 30 Sep 2026)
    app = make_app()
    office(app)
    cli(app, "assets", "add", "เต็นท์", "--unit", "กองคลัง")
    returned = datetime(2025, 11, 3, 3, 0, tzinfo=UTC)
    plan = [
        # asset, start, due, status, returned at
        (1, date(2025, 9, 20), date(2025, 9, 25), "returned", datetime(2025, 9, 25, tzinfo=UTC)),
        (1, date(2025, 9, 28), date(2025, 10, 5), "approved", None),  # out and overdue
        (2, date(2025, 11, 1), date(2025, 11, 3), "returned", returned),  # 2569
        (2, date(2026, 3, 9), date(2026, 3, 12), "approved", None),  # 2569, out
        (3, date(2026, 3, 20), date(2026, 3, 21), "approved", None),  # 2569, not yet out
        (3, date(2026, 3, 11), date(2026, 3, 11), "requested", None),  # not a loan yet
        (1, date(2026, 2, 1), date(2026, 2, 2), "rejected", None),  # refused
    ]
    with new_session(app) as s:
        store = SqlStore(s)
        for asset_id, start, due, status, back in plan:
            loan = store.assets.add_loan(
                Loan(
                    asset_id=asset_id,
                    borrower_id=None,
                    borrower_name="ผู้ยืม",
                    unit="กองคลัง",
                    start_on=start,
                    due_on=due,
                    purpose="งาน",
                    created_at=NOW,
                )
            )
            store.assets.save_loan(Loan(**{**loan.__dict__, "status": status, "returned_at": back}))
        s.commit()
    data = json.loads(cli(app, "summary", "--json"))
    assert data["fiscal_year"] == 2569
    assert data["assets"] == {"loans": 3, "out": 2, "overdue": 1}
    earlier = json.loads(cli(app, "summary", "--json", "--year", "2568"))
    assert earlier["assets"] == {"loans": 2, "out": 2, "overdue": 1}


def test_the_asset_register_report_is_built_for_the_fiscal_year(
    desk: Flask, clock: Callable[[datetime], None], tmp_path: Path
) -> None:
    clock(datetime(2026, 3, 20, 3, 0, tzinfo=UTC))
    with new_session(desk) as s:
        report = build(SqlStore(s), 2569, "asset_register", utcnow())
    assert report.period == "ช่วงข้อมูล 1 ตุลาคม 2568 – 30 กันยายน 2569"
    assert report.as_of == "ข้อมูล ณ วันที่ 20 มีนาคม 2569"
    # The approved camera loan (2–5 March, not back) is in; the waiting request is a note.
    (table,) = report.tables
    assert [r[1:3] + r[6:] for r in table.rows] == [
        ("กล้องถ่ายรูป", "ผู้ยืม 13\nกองช่าง", "อยู่ระหว่างยืม", "", "เกินกำหนดคืน")
    ]
    assert report.notes == ["ไม่รวมคำขอที่รออนุมัติ 1 รายการ และคำขอที่ไม่ได้รับอนุมัติ 0 รายการ"]
    out = tmp_path / "assets.html"
    html = report_file(desk, "asset_register", 2569, out).decode()
    assert "ทะเบียนการยืม-คืนทรัพย์สินของราชการ" in html and "เกินกำหนดคืน" in html
