"""Web forms that forgive, in headless Chromium on a phone: a photo kept across a mistake,
anonymous clearing the contact boxes, the rating's big buttons on /track and a repeated
rating taken kindly; the admin's print button and plan select work under the CSP."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.browser import log_in, shot
from tests.support.servers import Server
from tests.support.settings import ADMIN_PASSWORD

pytestmark = pytest.mark.e2e

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 800


def _phone(browser: object) -> object:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH")  # type: ignore[attr-defined]
    return ctx.new_page()


def _csp_errors(page: object) -> list[str]:
    errors: list[str] = []
    page.on(  # type: ignore[attr-defined]
        "console",
        lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return errors


def _file(page: object, url: str, details: str) -> tuple[str, str]:
    page.goto(url + "/complaint")  # type: ignore[attr-defined]
    page.select_option("#category", "road")  # type: ignore[attr-defined]
    page.fill("#details", details)  # type: ignore[attr-defined]
    page.check("#privacy_ack")  # type: ignore[attr-defined]
    page.get_by_role("button", name="ส่งเรื่อง").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#case-number")  # type: ignore[attr-defined]
    return (
        page.inner_text("#case-number").strip(),  # type: ignore[attr-defined]
        page.inner_text("#secret-code").strip(),  # type: ignore[attr-defined]
    )


def test_a_photo_survives_a_mistake_in_another_box(
    office: Server, browser: object, tmp_path: Path
) -> None:
    page = _phone(browser)
    photo = tmp_path / "hole.jpg"
    photo.write_bytes(JPEG)
    page.goto(office.url + "/complaint")  # type: ignore[attr-defined]
    page.select_option("#category", "road")  # type: ignore[attr-defined]
    page.fill("#details", "ถนนหน้าโรงเรียนเป็นหลุมลึก")  # type: ignore[attr-defined]
    page.set_input_files("#photos", str(photo))  # type: ignore[attr-defined]
    page.fill("#phone", "081")  # type: ignore[attr-defined]
    page.check("#privacy_ack")  # type: ignore[attr-defined]
    page.get_by_role("button", name="ส่งเรื่อง").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#kept-photos")  # type: ignore[attr-defined]
    shot(page, "forms-01-photo-kept")
    assert "แนบรูปไว้แล้ว 1 รูป" in page.inner_text("#kept-photos")  # type: ignore[attr-defined]
    assert "ไม่ต้องแนบใหม่" in page.inner_text(".alert")  # type: ignore[attr-defined]
    page.fill("#phone", "0812345678")  # type: ignore[attr-defined]
    page.check("#privacy_ack")  # type: ignore[attr-defined]
    page.get_by_role("button", name="ส่งเรื่อง").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#case-number")  # type: ignore[attr-defined]
    case = page.inner_text("#case-number").strip()  # type: ignore[attr-defined]

    admin = _phone(browser)
    log_in(admin, office.url, ADMIN_PASSWORD)
    admin.goto(f"{office.url}/admin/cases/{case}")  # type: ignore[attr-defined]
    assert admin.locator(".photos img").count() == 1  # type: ignore[attr-defined]


def test_ticking_anonymous_clears_name_and_phone_and_says_so(
    office: Server, browser: object
) -> None:
    page = _phone(browser)
    errors = _csp_errors(page)
    page.goto(office.url + "/complaint")  # type: ignore[attr-defined]
    page.fill("#contact_name", "สมศรี ใจดี")  # type: ignore[attr-defined]
    page.fill("#phone", "0812345678")  # type: ignore[attr-defined]
    assert page.is_hidden("#anonymous-note")  # type: ignore[attr-defined]
    page.check("#anonymous")  # type: ignore[attr-defined]
    shot(page, "forms-02-anonymous")
    assert page.input_value("#contact_name") == "" and page.input_value("#phone") == ""  # type: ignore[attr-defined]
    assert page.is_disabled("#contact_name") and page.is_disabled("#phone")  # type: ignore[attr-defined]
    assert "ล้างชื่อและเบอร์โทรศัพท์ที่กรอกไว้แล้ว" in page.inner_text("#anonymous-note")  # type: ignore[attr-defined]
    page.uncheck("#anonymous")  # type: ignore[attr-defined]
    assert page.is_enabled("#phone") and page.is_hidden("#anonymous-note")  # type: ignore[attr-defined]
    assert errors == []


def test_track_rating_big_buttons_and_a_repeated_rating_is_a_notice(
    office: Server, browser: object
) -> None:
    page = _phone(browser)
    case, code = _file(page, office.url, "ไฟถนนดับหน้าตลาดสดสองคืนแล้ว")
    done = office.flask("complaint", "set-status", case, "resolved", "--note", "เปลี่ยนหลอดไฟแล้ว")
    assert done.returncode == 0, done.stderr
    page.get_by_role("button", name="ไปหน้าติดตามเรื่อง").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#rate")  # type: ignore[attr-defined]
    rows = page.locator("#history tr")  # type: ignore[attr-defined]
    assert rows.first.inner_text().split()[-1] == "รับเรื่อง"
    assert "ดำเนินการแล้วเสร็จ" in rows.nth(1).inner_text()
    # A second tab holds the same form: it will send the rating again.
    twin = page.context.new_page()  # type: ignore[attr-defined]
    twin.goto(office.url + "/track")
    twin.fill("#case_number", case)
    twin.fill("#code", code)
    twin.get_by_role("button", name="ตรวจสอบสถานะ").click()
    twin.wait_for_selector("#rate")
    # The buttons: five boxes across the phone, as on /feedback, each a finger wide.
    boxes = page.locator("#rate .scale span")  # type: ignore[attr-defined]
    assert boxes.count() == 5
    assert all((boxes.nth(i).bounding_box() or {"width": 0})["width"] >= 60 for i in range(5))
    page.locator("#rate .scale label", has_text="มาก").nth(0).click()  # type: ignore[attr-defined]
    shot(page, "forms-03-track-rating")
    page.get_by_role("button", name="ส่งการประเมิน").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#rated")  # type: ignore[attr-defined]
    assert "ขอบคุณที่ประเมิน" in page.inner_text("#rated")  # type: ignore[attr-defined]

    twin.locator("#rate .scale label").first.click()
    twin.get_by_role("button", name="ส่งการประเมิน").click()
    twin.wait_for_selector("#rated")
    shot(twin, "forms-04-rated-twice")
    assert "ประเมินการจัดการเรื่องนี้ไว้แล้ว" in twin.inner_text("#rated")
    assert twin.locator(".alert").count() == 0


def test_print_button_and_plan_select_work_under_the_csp(office: Server, browser: object) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")  # type: ignore[attr-defined]
    page = ctx.new_page()
    errors = _csp_errors(page)
    # Printing itself is the browser's; the test only sees that the button asked for it.
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1 }")
    log_in(page, office.url, ADMIN_PASSWORD)
    # Posters print only once the office has a public address (not this machine).
    page.goto(office.url + "/admin/settings")
    page.fill("#public_base_url", "https://prongsai.example.go.th")
    page.get_by_role("button", name="บันทึกการตั้งค่า").click()
    page.goto(office.url + "/admin/services/build/poster")
    page.get_by_role("button", name="พิมพ์โปสเตอร์").click()
    assert page.evaluate("window.__printed") == 1
    page.goto(office.url + "/admin/measures")
    with page.expect_navigation():
        page.select_option("select[name=plan]", index=1)
    shot(page, "forms-05-measures-plan")
    assert "plan=" in page.url and "plan=integrity" not in page.url
    assert errors == []
    ctx.close()
