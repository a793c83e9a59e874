"""A citizen files a complaint on a phone-sized browser and tracks it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.browser import shot
from tests.support.servers import Server

pytestmark = pytest.mark.e2e

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 800


def test_file_and_track_a_complaint(server: Server, phone: object, tmp_path: Path) -> None:
    page = phone
    page.goto(server.url + "/")  # type: ignore[attr-defined]
    shot(page, "01-landing")
    page.get_by_role("link", name="ร้องเรียน / ร้องทุกข์").click()  # type: ignore[attr-defined]
    assert page.url.endswith("/complaint")  # type: ignore[attr-defined]

    # First a mistake: nothing typed is lost, the messages are Thai.
    page.fill("#details", "ไฟดับ")  # type: ignore[attr-defined]
    page.fill("#phone", "12345")  # type: ignore[attr-defined]
    page.get_by_role("button", name="ส่งเรื่อง").click()  # type: ignore[attr-defined]
    page.wait_for_selector(".alert")  # type: ignore[attr-defined]
    shot(page, "02-complaint-errors")
    body = page.inner_text("main")  # type: ignore[attr-defined]
    assert "กรุณาเลือกประเภทเรื่อง" in body and "เบอร์โทรศัพท์ไม่ถูกต้อง" in body
    assert page.input_value("#details") == "ไฟดับ"  # type: ignore[attr-defined]

    photo = tmp_path / "lamp.jpg"
    photo.write_bytes(JPEG)
    page.select_option("#category", "light")  # type: ignore[attr-defined]
    page.fill("#details", "ไฟถนนดับหน้าวัดสามวันแล้ว มืดมากตอนกลางคืน")  # type: ignore[attr-defined]
    page.fill("#location", "หน้าวัดโคกสูง หมู่ 3")  # type: ignore[attr-defined]
    page.set_input_files("#photos", str(photo))  # type: ignore[attr-defined]
    page.fill("#phone", "0812345678")  # type: ignore[attr-defined]
    page.check("#privacy_ack")  # type: ignore[attr-defined]
    page.get_by_role("button", name="ส่งเรื่อง").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#case-number")  # type: ignore[attr-defined]
    shot(page, "03-received")
    case = page.inner_text("#case-number").strip()  # type: ignore[attr-defined]
    code = page.inner_text("#secret-code").strip()  # type: ignore[attr-defined]
    assert re.fullmatch(r"25\d\d-\d{6}", case) and len(code) == 6

    # The received page's button opens the case: number and code already filled in.
    page.get_by_role("button", name="ไปหน้าติดตามเรื่อง").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#result")  # type: ignore[attr-defined]
    assert page.input_value("#case_number") == case  # type: ignore[attr-defined]
    assert page.input_value("#code") == code  # type: ignore[attr-defined]
    shot(page, "04-track")
    assert page.inner_text("#status") == "รับเรื่องแล้ว"  # type: ignore[attr-defined]
    assert "ไฟฟ้าส่องสว่าง" in page.inner_text("#result")  # type: ignore[attr-defined]

    # Staff move it forward from the command line; the citizen sees it on reload.
    done = server.flask("complaint", "set-status", case, "in_progress", "--note", "ส่งช่างไฟแล้ว")
    assert done.returncode == 0, done.stderr
    page.get_by_role("button", name="ตรวจสอบสถานะ").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#result")  # type: ignore[attr-defined]
    assert page.inner_text("#status") == "กำลังดำเนินการ"  # type: ignore[attr-defined]
    assert "ส่งช่างไฟแล้ว" in page.inner_text("#result")  # type: ignore[attr-defined]
    shot(page, "04b-track-in-progress")

    # The page fits a 360 px screen: no sideways scrolling.
    width = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= 360


def test_wrong_tracking_code_is_refused(server: Server, phone: object) -> None:
    page = phone
    page.goto(server.url + "/track")  # type: ignore[attr-defined]
    page.fill("#case_number", "2570-000001")  # type: ignore[attr-defined]
    page.fill("#code", "ZZZZZZ")  # type: ignore[attr-defined]
    page.get_by_role("button", name="ตรวจสอบสถานะ").click()  # type: ignore[attr-defined]
    page.wait_for_selector(".alert")  # type: ignore[attr-defined]
    assert "ไม่พบเรื่อง" in page.inner_text(".alert")  # type: ignore[attr-defined]


def test_corruption_form_page(server: Server, phone: object) -> None:
    page = phone
    page.goto(server.url + "/corruption")  # type: ignore[attr-defined]
    shot(page, "05-corruption")
    assert page.is_checked("#anonymous")  # type: ignore[attr-defined]
    notice = page.inner_text("#sealed-notice")  # type: ignore[attr-defined]
    assert "เปิดดูได้เฉพาะเจ้าหน้าที่ผู้รับผิดชอบเรื่องร้องเรียนการทุจริต" in notice
    assert "เผยแพร่เพียงจำนวนเรื่องในสถิติเรื่องร้องเรียนการทุจริต" in notice
