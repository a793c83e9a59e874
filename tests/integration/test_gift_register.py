"""The gift register on the database: chat → row, the evidence builder's window, summary."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.gifts.tables import GiftReportRow
from bot.db.store import SqlStore
from bot.reports.gifts import build_gift_report
from bot.reports.request import ReportRequest
from handlers.clock import local_date, utcnow
from handlers.gifts.domain import GIFT, NONE, GiftReport
from handlers.ita.windows import Window
from tests.support.admin import add_staff, add_user, audit_rows, client_for
from tests.support.cli import cli

AT = datetime(2025, 1, 1, tzinfo=UTC)


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


def add(app: Flask, *entries: GiftReport) -> None:
    with new_session(app) as s:
        for e in entries:
            SqlStore(s).gifts.add_gift_report(e)
        s.commit()


def gift(day: date, value: str) -> GiftReport:
    return GiftReport(
        kind=GIFT,
        staff_id=1,
        staff_name="สมชาย ใจดี",
        unit="กองคลัง",
        created_at=AT,
        received_on=day,
        giver="ร้าน ข",
        what="ตะกร้าผลไม้",
        estimated_value=Decimal(value),
        action="ส่งคืนผู้ให้แล้ว",
    )


def none(month: date) -> GiftReport:
    return GiftReport(
        kind=NONE, staff_id=2, staff_name="สมหญิง", unit="กองช่าง", created_at=AT, period_start=month
    )


def test_staff_report_a_gift_in_chat_and_it_is_stored(app: Flask) -> None:
    add_staff(app)
    steps = ["แจ้งรับของขวัญ", "บริษัท ก", "กระเช้าผลไม้", "๒,๕oo", "2,500", "วันนี้", "ส่งมอบให้หน่วยงาน"]
    out = cli(app, "chat", "--staff", "somying", input="\n".join([*steps, "ยืนยัน", "/quit", ""]))
    assert "อ่านมูลค่า “๒,๕oo” ไม่ได้" in out
    assert out.count("มูลค่าโดยประมาณกี่บาท") == 2  # asked again after the typo
    assert "ได้รับแจ้งการรับของขวัญแล้ว" in out
    with new_session(app) as s:
        row = s.scalars(select(GiftReportRow)).one()
    assert (row.kind, row.staff_name, row.unit, row.giver, row.estimated_value) == (
        "gift",
        "สมหญิง ใจดี",
        "สำนักปลัด",
        "บริษัท ก",
        Decimal("2500.00"),
    )
    assert row.received_on == local_date(utcnow())


def test_the_builder_keeps_to_the_window(app: Flask) -> None:
    add(
        app,
        gift(date(2024, 9, 30), "100"),  # before the window
        gift(date(2024, 12, 5), "1200"),
        gift(date(2025, 3, 15), "300.25"),  # on as_of
        gift(date(2025, 3, 16), "5000"),  # after as_of
        none(date(2025, 1, 1)),
        none(date(2025, 4, 1)),  # after as_of
    )
    window = Window(
        "current_fy_to_date", 2568, date(2024, 10, 1), date(2025, 9, 30), date(2025, 3, 15)
    )
    with new_session(app) as s:
        report = build_gift_report(
            ReportRequest(store=SqlStore(s), fiscal_year=2568, now=AT, window=window)
        )
    gifts, nones = report.tables
    assert [r[0] for r in gifts.rows] == ["5 ธ.ค. 67", "15 มี.ค. 68", "รวม 2 รายการ"]
    assert gifts.rows[-1][4] == "1,500.25"  # 1,200.00 + 300.25
    assert nones.rows == [("สมหญิง", "กองช่าง", "ม.ค. 68", "1")]
    assert report.figures == {"reports": 2, "declared_none": 1, "total_value": 1500.25}


def test_summary_json_has_the_years_gifts(app: Flask) -> None:
    add(
        app,
        gift(date(2024, 9, 30), "100"),  # FY 2567
        gift(date(2024, 10, 1), "1200"),
        gift(date(2025, 9, 30), "800"),
        none(date(2025, 2, 1)),
    )
    data = json.loads(cli(app, "summary", "--json", "--year", "2568"))
    assert data["gifts"] == {"reports": 2, "declared_none": 1, "total_value": 2000.0}
    assert "complaints" in data and "service_stats" in data


@pytest.fixture
def office(web: Flask) -> Flask:
    add_user(web, "integ", "integrity")
    add_user(web, "exec", "executive")
    add_user(web, "staff1", "staff", unit="กองคลัง")
    add(web, gift(date(2024, 12, 5), "1200"), none(date(2025, 1, 1)))
    return web


def test_the_integrity_officer_reviews_an_entry_and_it_is_audited(office: Flask) -> None:
    c = client_for(office, "integ")
    page = c.get("/admin/gifts?year=2568").get_data(as_text=True)
    assert "ร้าน ข" in page and "1,200.00" in page and "มกราคม 2568" in page
    with new_session(office) as s:
        entry_id = s.scalars(select(GiftReportRow.id).where(GiftReportRow.kind == "gift")).one()
    r = c.post(f"/admin/gifts/{entry_id}/review", data={"note": "ส่งมอบแล้ว ถูกต้อง", "year": "2568"})
    assert r.status_code == 302
    with new_session(office) as s:
        row = s.get(GiftReportRow, entry_id)
        assert row is not None
        assert (row.reviewed_by, row.review_note) == ("integ", "ส่งมอบแล้ว ถูกต้อง")
        assert row.reviewed_at is not None
    assert ("integ", "gift.review", str(entry_id), "ส่งมอบแล้ว ถูกต้อง") in audit_rows(office)
    assert "ตรวจแล้วโดย integ" in c.get("/admin/gifts?year=2568").get_data(as_text=True)


@pytest.mark.parametrize("username", ["exec", "staff1"])
def test_staff_and_executives_may_not_see_or_review(office: Flask, username: str) -> None:
    c = client_for(office, username)
    assert c.get("/admin/gifts").status_code == 403
    assert c.post("/admin/gifts/1/review", data={"note": "x"}).status_code == 403
    with new_session(office) as s:
        assert s.scalars(select(GiftReportRow.reviewed_at)).all() == [None, None]
    assert not [a for a in audit_rows(office) if a[1] == "gift.review"]


def test_the_officer_sees_what_became_of_a_review(office: Flask) -> None:
    c = client_for(office, "integ")
    with new_session(office) as s:
        entry_id = s.scalars(select(GiftReportRow.id).where(GiftReportRow.kind == "gift")).one()
    refused = c.post(
        "/admin/gifts/9999/review", data={"note": "ตรวจแล้ว", "year": "2568"}, follow_redirects=True
    ).get_data(as_text=True)
    assert '<div class="alert" role="alert">ไม่พบรายการที่ต้องการตรวจสอบ</div>' in refused
    too_long = c.post(
        f"/admin/gifts/{entry_id}/review",
        data={"note": "ก" * 501, "year": "2568"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "บันทึกการตรวจสอบยาวเกินไป กรุณาสรุปให้ไม่เกิน 500 ตัวอักษร" in too_long
    done = c.post(
        f"/admin/gifts/{entry_id}/review",
        data={"note": "ถูกต้อง", "year": "2568"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert '<div class="ok" role="status">บันทึกผลการตรวจสอบแล้ว</div>' in done
