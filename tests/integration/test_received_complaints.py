"""Complaints staff record for citizens (counter, phone, letter, Facebook): the command line,
the admin form and its receipt, and the summary's count per channel."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.db import new_session
from bot.db.complaints.tables import ComplaintRow
from tests.support.admin import add_user, audit_rows, client_for
from tests.support.cli import cli, invoke
from tests.support.clock import utc
from tests.support.complaints import file

# 3 October 2025, 10:00 in Bangkok: fiscal year 2569 began two days ago.
NOW = utc(2025, 10, 3, 3, 0)


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.cli.complaints.utcnow", lambda: NOW)


def add(app: Flask, *args: str) -> dict[str, str]:
    r = invoke(app, "complaint", "add", "--json", *args)
    assert r.exit_code == 0, r.output
    result: dict[str, str] = json.loads(r.output)
    return result


def row(app: Flask, case_number: str) -> ComplaintRow:
    with new_session(app) as s:
        found = s.scalars(select(ComplaintRow).where(ComplaintRow.case_number == case_number))
        return found.one()


def test_cli_files_a_walk_in_complaint_that_tracks_on_the_web(
    web: Flask, web_client: FlaskClient, frozen: None
) -> None:
    out = add(
        web,
        "--channel", "walk_in",
        "--category", "light",
        "--details", "ไฟถนนดับหน้าวัดโคกสูงสามคืนแล้ว",
        "--name", "นางสมศรี มีสุข",
        "--phone", "0812345678",
        "--location", "หน้าวัดโคกสูง หมู่ 3",
        "--received", "2568-09-29",
    )  # fmt: skip
    # 29 September 2025 is in fiscal year 2568: the first case of that year.
    assert out["case_number"] == "2568-000001" and len(out["tracking_code"]) >= 6
    r = row(web, "2568-000001")
    assert (r.channel, r.category, r.fiscal_year, r.status) == (
        "walk_in",
        "light",
        2568,
        "received",
    )
    assert (r.contact_name, r.phone, r.address) == ("นางสมศรี มีสุข", "0812345678", "หน้าวัดโคกสูง หมู่ 3")
    page = web_client.post(
        "/track", data={"case_number": out["case_number"], "code": out["tracking_code"]}
    ).get_data(as_text=True)
    assert "รับเรื่องแล้ว" in page and "ไฟฟ้าส่องสว่าง" in page
    assert "รับเรื่องเมื่อ: 29 กันยายน 2568" in page
    # Without --received it arrived today, in fiscal year 2569; the sentence is Thai.
    r2 = invoke(web, "complaint", "add", "--channel", "phone", "--category", "road",
                "--details", "ถนนเป็นหลุมหน้าโรงเรียน")  # fmt: skip
    assert r2.exit_code == 0, r2.output
    assert "บันทึกเรื่องร้องเรียนเลขที่ 2569-000001 (โทรศัพท์ รับเมื่อวันที่ 3 ตุลาคม 2568)" in r2.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--channel", "line", "--category", "road"], "ช่องทาง “line” ไม่ถูกต้อง"),
        (["--channel", "phone", "--category", "roads"], "ใช้ได้: road, light, water"),
        (["--channel", "phone", "--category", "road", "--received", "2568-10-04"], "วันในอนาคต"),
        (["--channel", "phone", "--category", "road", "--received", "2024-10-02"], "ไม่เกินหนึ่งปี"),
        (["--channel", "letter", "--category", "road", "--received", "4/10/68"], "ปปปป-ดด-วว"),
        (["--channel", "letter", "--category", "road", "--phone", "12"], "เบอร์โทรศัพท์ไม่ถูกต้อง"),
    ],
)
def test_cli_refuses_bad_input_in_thai_with_exit_2(
    app: Flask, frozen: None, args: list[str], message: str
) -> None:
    r = invoke(app, "complaint", "add", "--details", "ถนนเป็นหลุมหน้าโรงเรียน", *args)
    assert r.exit_code == 2 and message in r.output, r.output
    with new_session(app) as s:
        assert s.scalars(select(ComplaintRow)).first() is None


@pytest.fixture
def office(make_app: Callable[..., Flask], monkeypatch: pytest.MonkeyPatch) -> Flask:
    monkeypatch.setattr("bot.admin.cases.utcnow", lambda: NOW)
    return make_app(
        WTF_CSRF_ENABLED=False,
        OFFICE_NAME="องค์การบริหารส่วนตำบลโคกสูง",
        PUBLIC_BASE_URL="https://prongsai.kokesung.go.th",
    )


LETTER = {
    "channel": "letter",
    "received": "2025-09-29",
    "category": "road",
    "details": "ถนนลูกรังหมู่ 5 เป็นหลุมลึกหลังฝนตก",
    "contact_name": "นายมานะ ขยันดี",
    "phone": "0898765432",
    "location": "ถนนสายหมู่ 5 ไปหมู่ 6",
}


def test_admin_form_files_a_letter_and_shows_the_code_on_the_receipt_once(office: Flask) -> None:
    admin = client_for(office, "admin")
    assert "บันทึกเรื่องร้องเรียนที่รับด้วยตนเอง/โทรศัพท์/หนังสือ" in admin.get("/admin/cases/new").get_data(
        as_text=True
    )
    r = admin.post("/admin/cases/new", data=LETTER)
    assert r.status_code == 302 and r.headers["Location"] == "/admin/cases/2568-000001/receipt"
    first = admin.get("/admin/cases/2568-000001/receipt")
    page = first.get_data(as_text=True)
    m = re.search(r'id="tracking-code" class="code">([A-Z0-9]+)<', page)
    assert m is not None, page
    code = m.group(1)
    assert "องค์การบริหารส่วนตำบลโคกสูง" in page and "2568-000001" in page
    assert "29 กันยายน 2568" in page and "หนังสือ/จดหมาย" in page
    assert "https://prongsai.kokesung.go.th/track" in page
    assert "no-store" in first.headers["Cache-Control"]
    # A reprint shows the rest, never the code.
    again = admin.get("/admin/cases/2568-000001/receipt").get_data(as_text=True)
    assert "2568-000001" in again and "29 กันยายน 2568" in again
    assert code not in again and "tracking-code" not in again
    # The code is the case's: the citizen tracks it on the public page.
    tracked = office.test_client().post("/track", data={"case_number": "2568-000001", "code": code})
    assert tracked.status_code == 200 and "รับเรื่องแล้ว" in tracked.get_data(as_text=True)
    r2 = row(office, "2568-000001")
    assert (r2.channel, r2.fiscal_year, r2.contact_name) == ("letter", 2568, "นายมานะ ขยันดี")
    assert ("admin", "complaint.received", "2568-000001", "letter 2025-09-29") in audit_rows(office)


def test_admin_form_refuses_a_future_date_in_thai(office: Flask) -> None:
    admin = client_for(office, "admin")
    r = admin.post("/admin/cases/new", data={**LETTER, "received": "2025-10-04"})
    assert r.status_code == 400 and "เป็นวันในอนาคต" in r.get_data(as_text=True)
    with new_session(office) as s:
        assert s.scalars(select(ComplaintRow)).first() is None


def test_only_roles_that_handle_complaints_may_record_one(office: Flask) -> None:
    add_user(office, "boss", "executive")
    boss = client_for(office, "boss")
    assert boss.get("/admin/cases/new").status_code == 403
    assert boss.post("/admin/cases/new", data=LETTER).status_code == 403
    with new_session(office) as s:
        assert s.scalars(select(ComplaintRow)).first() is None
    # Unit staff at the counter may: the receipt is theirs even for another unit's case,
    # which they cannot open later.
    add_user(office, "clerk", "staff", unit="กองคลัง")
    clerk = client_for(office, "clerk")
    r = clerk.post("/admin/cases/new", data={**LETTER, "channel": "walk_in"}, follow_redirects=True)
    assert r.status_code == 200 and 'id="tracking-code"' in r.get_data(as_text=True)
    assert clerk.get("/admin/cases/2568-000001/receipt").status_code == 404


def test_summary_counts_the_year_by_channel(web: Flask, frozen: None) -> None:
    light = ["--category", "light", "--details", "ไฟถนนดับหน้าวัดโคกสูง"]
    add(web, "--channel", "walk_in", *light)
    add(web, "--channel", "walk_in", *light, "--received", "2568-10-01")
    add(web, "--channel", "phone", *light, "--received", "2025-10-02")
    add(web, "--channel", "letter", *light, "--received", "2568-09-30")  # fiscal year 2568
    file(web, "road", NOW)  # the web form, today (FY 2569)
    data = json.loads(cli(web, "summary", "--json", "--year", "2569"))["complaints"]
    assert data["by_channel"] == {"phone": 1, "walk_in": 2, "web": 1}
    assert data["total"] == 4 and data["by_category"] == {"light": 3, "road": 1}
    last_year = json.loads(cli(web, "summary", "--json", "--year", "2568"))["complaints"]
    assert last_year["by_channel"] == {"letter": 1} and last_year["total"] == 1
