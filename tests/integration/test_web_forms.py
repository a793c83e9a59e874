"""The citizen web forms through Flask's test client: validation, uploads, tracking."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.db import new_session
from bot.db.complaints.tables import ComplaintRow
from tests.support.web import case_and_code

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 500


def rows(app: Flask) -> list[ComplaintRow]:
    with new_session(app) as s:
        return list(s.scalars(select(ComplaintRow)))


def file(client: FlaskClient, **fields: object) -> tuple[str, str]:
    data = {"category": "light", "details": "ไฟถนนดับหน้าวัดสามวันแล้ว", "privacy_ack": "y", **fields}
    r = client.post(
        "/complaint", data=data, content_type="multipart/form-data", follow_redirects=True
    )
    assert r.status_code == 200, r.get_data(as_text=True)
    return case_and_code(r.get_data(as_text=True))


def test_landing_page_links_every_form(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    for href in ('href="/complaint"', 'href="/corruption"', 'href="/track"'):
        assert href in page


def test_form_without_csrf_token_is_refused(app: Flask) -> None:
    r = app.test_client().post("/complaint", data={"category": "light", "details": "ไฟดับ ๓ วัน"})
    assert r.status_code == 400
    assert "แบบฟอร์มหมดอายุ" in r.get_data(as_text=True)
    assert rows(app) == []


def test_complaint_is_filed_and_tracked(web_client: FlaskClient, tmp_path: Path) -> None:
    case, code = file(
        web_client,
        location="หน้าวัดสามัคคี หมู่ 3",
        contact_name="สมศรี",
        phone="๐๘๑-๒๓๔-๕๖๗๘",
        photos=[(io.BytesIO(JPEG), "lamp.jpg")],
    )
    assert re.fullmatch(r"25\d\d-\d{6}", case)
    app = web_client.application
    (row,) = rows(app)
    assert (row.category, row.phone, row.address) == ("light", "0812345678", "หน้าวัดสามัคคี หมู่ 3")
    assert (tmp_path / "uploads" / row.photos[0]).read_bytes() == JPEG
    page = web_client.post("/track", data={"case_number": case, "code": code.lower()}).get_data(
        as_text=True
    )
    assert "รับเรื่องแล้ว" in page and "ไฟฟ้าส่องสว่าง" in page
    # The code is shown once: reloading the confirmation page does not show it again.
    assert code not in web_client.get("/complaint/received", follow_redirects=True).get_data(
        as_text=True
    )


def test_wrong_code_reveals_nothing(web_client: FlaskClient) -> None:
    case, _ = file(web_client)
    r = web_client.post("/track", data={"case_number": case, "code": "AAAAAA"})
    assert r.status_code == 404
    page = r.get_data(as_text=True)
    assert "ไม่พบเรื่อง หรือรหัสติดตามไม่ถูกต้อง" in page and "ไฟถนน" not in page


def test_status_change_shows_on_track_page(web_client: FlaskClient) -> None:
    case, code = file(web_client)
    runner = web_client.application.test_cli_runner()
    out = runner.invoke(args=["complaint", "set-status", case, "in_progress", "--note", "ส่งช่างแล้ว"])
    assert out.exit_code == 0, out.output
    page = web_client.post("/track", data={"case_number": case, "code": code}).get_data(
        as_text=True
    )
    assert "กำลังดำเนินการ" in page and "ส่งช่างแล้ว" in page


def test_bad_input_gets_thai_messages_and_keeps_what_was_typed(
    web_client: FlaskClient,
) -> None:
    r = web_client.post(
        "/complaint",
        data={"category": "", "details": "ไฟ", "phone": "12345", "location": "ซอย 5"},
    )
    assert r.status_code == 400
    page = r.get_data(as_text=True)
    assert "กรุณาเลือกประเภทเรื่อง" in page
    assert "รายละเอียดสั้นเกินไป (2 ตัวอักษร)" in page and "อย่างน้อย 5 ตัวอักษร" in page
    assert "เบอร์โทรศัพท์ไม่ถูกต้อง" in page
    assert 'value="ซอย 5"' in page and re.search(r">\s*ไฟ</textarea>", page)
    assert rows(web_client.application) == []


def test_upload_that_is_not_an_image_is_refused(web_client: FlaskClient) -> None:
    r = web_client.post(
        "/complaint",
        data={
            "category": "road",
            "details": "ถนนเป็นหลุมใหญ่มาก",
            "privacy_ack": "y",
            "photos": [(io.BytesIO(b"MZ\x90\x00 not an image"), "photo.jpg")],
        },
        content_type="multipart/form-data",
    )
    assert r.status_code == 400
    assert "ไม่ใช่รูปภาพ" in r.get_data(as_text=True)
    assert rows(web_client.application) == []


def test_more_than_three_photos_is_refused(web_client: FlaskClient) -> None:
    photos = [(io.BytesIO(JPEG), f"p{i}.jpg") for i in range(4)]
    r = web_client.post(
        "/complaint",
        data={"category": "road", "details": "ถนนเป็นหลุมใหญ่มาก", "photos": photos},
        content_type="multipart/form-data",
    )
    assert r.status_code == 400
    assert "ไม่เกิน 3 รูป" in r.get_data(as_text=True)


def test_corruption_form_is_anonymous_by_default(web_client: FlaskClient) -> None:
    page = web_client.get("/corruption").get_data(as_text=True)
    assert "เปิดดูได้เฉพาะเจ้าหน้าที่ผู้รับผิดชอบเรื่องร้องเรียนการทุจริต" in page
    # The notice promises only what is true: the published statistics count such reports.
    assert "เผยแพร่เพียงจำนวนเรื่องในสถิติเรื่องร้องเรียนการทุจริต ไม่เปิดเผยเนื้อหาของเรื่อง" in page
    assert "ไม่ถูกส่งเข้าตารางสรุปหรือรายงานใด ๆ" not in page
    assert re.search(r'name="anonymous"[^>]*checked', page) or re.search(
        r'checked[^>]*name="anonymous"', page
    )
    r = web_client.post(
        "/corruption",
        data={
            "category": "corruption",
            "anonymous": "y",
            "privacy_ack": "y",
            "details": "เจ้าหน้าที่เรียกเงินเพิ่มเพื่อให้ใบอนุญาตเร็วขึ้น",
            "contact_name": "ไม่ควรถูกเก็บ",
            "phone": "0812345678",
        },
        follow_redirects=True,
    )
    assert r.status_code == 200
    (row,) = rows(web_client.application)
    assert row.category == "corruption"
    assert (row.contact_name, row.phone, row.anonymous) == ("", "", True)


def test_general_form_cannot_pick_the_restricted_category(web_client: FlaskClient) -> None:
    r = web_client.post("/complaint", data={"category": "corruption", "details": "เรื่องทุจริตมาก"})
    assert r.status_code == 400
    assert rows(web_client.application) == []


def test_pages_carry_security_headers(client: FlaskClient) -> None:
    for path in ("/", "/complaint", "/track", "/admin/login"):
        h = client.get(path).headers
        assert h["X-Content-Type-Options"] == "nosniff"
        assert h["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in h["Content-Security-Policy"]


def test_oversized_request_is_refused_with_413(make_app: Callable[..., Flask]) -> None:
    client = make_app(WTF_CSRF_ENABLED=False, MAX_CONTENT_LENGTH=10_000).test_client()
    r = client.post("/complaint", data={"category": "road", "details": "ก" * 20_000})
    assert r.status_code == 413
    assert "ขนาดใหญ่เกินไป" in r.get_data(as_text=True)
    assert rows(client.application) == []


def test_guessing_tracking_codes_is_slowed_down_politely(make_app: Callable[..., Flask]) -> None:
    app = make_app(WTF_CSRF_ENABLED=False, RATELIMIT_ENABLED=True, RATE_LIMIT_TRACK="3/minute")
    client = app.test_client()
    codes = [
        client.post("/track", data={"case_number": "2570-000001", "code": f"AAAA{i}"})
        for i in range(4)
    ]
    assert [r.status_code for r in codes] == [404, 404, 404, 429]
    assert "ส่งคำขอถี่เกินไป" in codes[-1].get_data(as_text=True)


def test_privacy_notice_must_be_acknowledged_on_the_web(web_client: FlaskClient) -> None:
    page = web_client.get("/complaint").get_data(as_text=True)
    assert "ประกาศความเป็นส่วนตัว" in page and 'href="/privacy"' in page
    r = web_client.post("/complaint", data={"category": "road", "details": "ถนนเป็นหลุมใหญ่มาก"})
    assert r.status_code == 400
    assert "กรุณาอ่านและยอมรับประกาศความเป็นส่วนตัว" in r.get_data(as_text=True)
    assert rows(web_client.application) == []
    assert "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล" in web_client.get("/privacy").get_data(as_text=True)


def test_a_web_complainant_rates_the_handling_once_the_case_is_closed(
    web_client: FlaskClient,
) -> None:
    case, code = file(web_client)
    track = {"case_number": case, "code": code}
    assert 'id="rate"' not in web_client.post("/track", data=track).get_data(as_text=True)
    runner = web_client.application.test_cli_runner()
    runner.invoke(args=["complaint", "set-status", case, "resolved", "--note", "ซ่อมไฟแล้ว"])
    assert 'id="rate"' in web_client.post("/track", data=track).get_data(as_text=True)
    wrong = web_client.post("/track/rate", data={**track, "code": "AAAAAA", "score": "5"})
    assert wrong.status_code == 404
    missing = web_client.post("/track/rate", data=track).get_data(as_text=True)
    assert "กรุณาให้คะแนน 1–5" in missing
    page = web_client.post("/track/rate", data={**track, "score": "4", "comment": "เร็วดี"})
    assert "ขอบคุณที่ประเมิน" in page.get_data(as_text=True)
    again = web_client.post("/track/rate", data={**track, "score": "1"}).get_data(as_text=True)
    # Sent again (a double tap, the back button): a notice, the first rating stands.
    assert "ประเมินการจัดการเรื่องนี้ไว้แล้ว" in again and 'id="rated"' in again
    assert 'role="alert"' not in again and 'id="rate"' not in again
    out = runner.invoke(args=["summary", "--json"]).output
    handling = json.loads(out)["satisfaction"]["complaint_handling"]
    assert handling["responses"] == 1 and handling["mean"] == 4.0
