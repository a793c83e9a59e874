"""A clerk sets the office up on /admin/settings; the citizen pages, the QR posters and the
result letter then carry the office's own name, logo and address."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from tests.support.browser import log_in, shot
from tests.support.servers import Server
from tests.support.settings import ADMIN_PASSWORD

pytestmark = pytest.mark.e2e

NAME = "องค์การบริหารส่วนตำบลหนองรี"
ADDRESS = "๙๙ หมู่ ๔ ตำบลหนองรี อำเภอเมืองชลบุรี จังหวัดชลบุรี ๒๐๐๐๐"


def _logo(path: Path) -> Path:
    image = Image.new("RGB", (120, 120), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 110, 110), outline=(150, 0, 0), width=8)
    draw.rectangle((45, 40, 75, 80), fill=(150, 0, 0))
    image.save(path, format="PNG")
    return path


def test_a_clerk_sets_the_office_up_and_the_letter_reads_as_official(
    office: Server, browser: object, phone: object, tmp_path: Path
) -> None:
    desk = browser.new_context(viewport={"width": 1100, "height": 900}, locale="th-TH")  # type: ignore[attr-defined]
    admin = desk.new_page()
    log_in(admin, office.url, ADMIN_PASSWORD)
    admin.get_by_role("link", name="ตั้งค่าหน่วยงาน").click()
    admin.wait_for_selector("#office_name")

    # The address of this very machine: saved, and the page says QR codes would not work.
    admin.fill("#office_name", NAME)
    admin.select_option("#office_type", "องค์การบริหารส่วนตำบล")
    admin.fill("#address", ADDRESS)
    admin.fill("#phone", "038-123456")
    admin.fill("#public_base_url", office.url)
    admin.fill("#letter_prefix", "ชบ ๗๒๒๐๑/")
    admin.fill("#signer_name", "นายสมหมาย รักษ์ถิ่น")
    admin.fill("#signer_position", "นายกองค์การบริหารส่วนตำบลหนองรี")
    admin.get_by_role("button", name="บันทึกการตั้งค่า").click()
    admin.wait_for_selector(".ok")
    assert "ชี้มาที่เครื่องนี้เอง" in admin.inner_text("main")
    admin.set_input_files("#logo-file", str(_logo(tmp_path / "logo.png")))
    admin.get_by_role("button", name="อัปโหลด").click()
    admin.wait_for_selector(".logo-preview")
    shot(admin, "settings-01-admin")

    admin.goto(office.url + "/admin/services/build/poster")
    assert "ยังพิมพ์โปสเตอร์นี้ไม่ได้" in admin.inner_text("#poster-problem")
    shot(admin, "settings-02-poster-refused")

    admin.goto(office.url + "/admin/settings")
    admin.fill("#public_base_url", "https://prongsai.nongree.go.th")
    admin.get_by_role("button", name="บันทึกการตั้งค่า").click()
    admin.wait_for_selector(".ok")
    admin.goto(office.url + "/admin/services/build/poster")
    admin.wait_for_selector("#qr")
    assert (
        admin.inner_text("#poster-url") == "https://prongsai.nongree.go.th/feedback?service=build"
    )
    assert NAME in admin.inner_text("body")
    shot(admin, "settings-03-poster")

    # The citizen's pages carry the office's name and logo.
    page = phone
    page.goto(office.url + "/")  # type: ignore[attr-defined]
    assert NAME in page.inner_text("header")  # type: ignore[attr-defined]
    assert page.evaluate("document.querySelector('header img').naturalWidth") == 120  # type: ignore[attr-defined]
    assert f"ให้ความเห็นต่อ{NAME}" in page.inner_text("h1")  # type: ignore[attr-defined]
    shot(page, "settings-04-citizen-home")
    page.goto(office.url + "/complaint")  # type: ignore[attr-defined]
    page.select_option("#category", "road")  # type: ignore[attr-defined]
    page.fill("#details", "ถนนหน้าบ้านเป็นหลุมลึก รถจักรยานยนต์ล้มสองครั้งแล้ว")  # type: ignore[attr-defined]
    page.fill("#contact_name", "นางสมศรี มีสุข")  # type: ignore[attr-defined]
    page.fill("#phone", "0812345678")  # type: ignore[attr-defined]
    page.check("#privacy_ack")  # type: ignore[attr-defined]
    page.get_by_role("button", name="ส่งเรื่อง").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#case-number")  # type: ignore[attr-defined]
    case = page.inner_text("#case-number").strip()  # type: ignore[attr-defined]
    done = office.flask("complaint", "set-status", case, "resolved", "--note", "ซ่อมผิวถนนแล้ว")
    assert done.returncode == 0, done.stderr

    admin.goto(office.url + f"/admin/cases/{case}/letter")
    admin.emulate_media(media="print")
    admin.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    shot(admin, "settings-05-letter-print")
    text = admin.inner_text("body")
    assert admin.inner_text("#letter-number") == "ที่ ชบ ๗๒๒๐๑/"
    assert admin.inner_text("#letter-sender").split("\n") == [NAME, ADDRESS]
    assert re.fullmatch(r"\d{1,2} \S+ 25\d\d", admin.inner_text("#letter-date"))
    assert admin.inner_text("#letter-to").split() == ["เรียน", "นางสมศรี", "มีสุข"]
    assert f"เลขที่ {case} ลงวันที่" in admin.inner_text("#letter-reference")
    assert "ได้ดำเนินการตามเรื่องดังกล่าวแล้วเสร็จ ผลการดำเนินการ คือ ซ่อมผิวถนนแล้ว" in text
    sign = admin.inner_text("#letter-sign").split("\n")
    assert [s for s in sign if s.strip()] == [
        "ขอแสดงความนับถือ",
        "(นายสมหมาย รักษ์ถิ่น)",
        "นายกองค์การบริหารส่วนตำบลหนองรี",
    ]
    assert "โทร. 038-123456" in admin.inner_text("#letter-owner")
    # Printed, the parts come in the order of an official letter, top to bottom.
    tops = [
        admin.evaluate(f"document.getElementById('{i}').getBoundingClientRect().top")
        for i in (
            "letter-number",
            "letter-date",
            "letter-subject",
            "letter-to",
            "letter-reference",
            "letter-sign",
            "letter-owner",
        )
    ]
    assert tops == sorted(tops)
    assert admin.locator(".noprint").is_hidden()
    desk.close()
