"""An admin prints a service's QR poster; a citizen follows its link on a phone and rates."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from tests.support.browser import log_in, shot
from tests.support.servers import Server
from tests.support.settings import ADMIN_PASSWORD

pytestmark = pytest.mark.e2e


def test_qr_poster_to_rating_on_a_phone(office: Server, browser: object, phone: object) -> None:
    from bot.admin.services import qr_png

    desk = browser.new_context(viewport={"width": 1200, "height": 900}, locale="th-TH")  # type: ignore[attr-defined]
    admin = desk.new_page()
    log_in(admin, office.url, ADMIN_PASSWORD)
    admin.get_by_role("link", name="งานบริการและความพึงพอใจ").click()
    admin.wait_for_selector("#services")
    shot(admin, "feedback-01-services")
    assert admin.input_value("input[aria-label='ชื่องานบริการ build']") == "งานขออนุญาตก่อสร้าง"
    # No public address is set: the page and the poster say plainly that a
    # printed code would not work, and offer a marked sample to try it here.
    assert "ยังไม่ได้ตั้งที่อยู่เว็บไซต์สำหรับประชาชน" in admin.inner_text("#public-url-problem")
    admin.click("a[href='/admin/services/build/poster']")
    admin.wait_for_selector("#poster-problem")
    shot(admin, "feedback-02-poster-refused")
    assert admin.locator("#qr").count() == 0
    admin.click("#poster-preview")
    admin.wait_for_selector("#qr")
    assert "ห้ามนำไปติดประกาศ" in admin.inner_text("#poster-sample")
    shot(admin, "feedback-02-poster")
    link = admin.inner_text("#poster-url").strip()
    assert link == office.url + "/feedback?service=build"
    # The QR picture encodes exactly that link (same encoder, same settings).
    src = admin.get_attribute("#qr", "src") or ""
    assert base64.b64decode(src.split(",", 1)[1]) == qr_png(link)
    assert admin.evaluate("document.getElementById('qr').naturalWidth") >= 300
    desk.close()

    page = phone
    page.goto(link)  # type: ignore[attr-defined]
    assert page.inner_text("#service-name") == "งานขออนุญาตก่อสร้าง"  # type: ignore[attr-defined]
    shot(page, "feedback-03-form")
    # Sent with answers missing: Thai messages, what was chosen stays chosen.
    page.locator("#dim_process label", has_text="มากที่สุด").click()  # type: ignore[attr-defined]
    page.get_by_role("button", name="ส่งแบบประเมิน").click()  # type: ignore[attr-defined]
    page.wait_for_selector(".alert")  # type: ignore[attr-defined]
    shot(page, "feedback-04-errors")
    body = page.inner_text("main")  # type: ignore[attr-defined]
    assert "กรุณาให้คะแนนข้อ 2 “เจ้าหน้าที่ผู้ให้บริการ”" in body
    assert page.is_checked("#dim_process input[value='5']")  # type: ignore[attr-defined]
    for dim, words in [
        ("staff", "มาก"),
        ("facilities", "ปานกลาง"),
        ("quality", "มาก"),
        ("overall", "มากที่สุด"),
    ]:
        page.locator(f"#dim_{dim} label").filter(has_text=re.compile(f"^\\d{words}$")).click()  # type: ignore[attr-defined]
    page.fill("#comment", "เจ้าหน้าที่อธิบายขั้นตอนชัดเจน")  # type: ignore[attr-defined]
    page.click("summary")  # type: ignore[attr-defined]
    page.select_option("#age_band", "40–49 ปี")  # type: ignore[attr-defined]
    page.check("#privacy_ack")  # type: ignore[attr-defined]
    page.get_by_role("button", name="ส่งแบบประเมิน").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#thanks")  # type: ignore[attr-defined]
    shot(page, "feedback-05-thanks")
    assert "ขอบคุณที่ประเมินความพึงพอใจ" in page.inner_text("main")  # type: ignore[attr-defined]
    assert "งานขออนุญาตก่อสร้าง" in page.inner_text("#thanks")  # type: ignore[attr-defined]

    # The same phone again today: told kindly that the first rating is kept.
    page.goto(link)  # type: ignore[attr-defined]
    for dim in ("process", "staff", "facilities", "quality", "overall"):
        page.locator(f"#dim_{dim} label").first.click()  # type: ignore[attr-defined]
    page.check("#privacy_ack")  # type: ignore[attr-defined]
    page.get_by_role("button", name="ส่งแบบประเมิน").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#already")  # type: ignore[attr-defined]
    shot(page, "feedback-06-already")
    assert "ไว้แล้ววันนี้" in page.inner_text("#already")  # type: ignore[attr-defined]
    assert page.locator(".alert").count() == 0  # type: ignore[attr-defined]

    out = office.flask("summary", "--json")  # 5, 4, 3, 4, 5 → 4.2
    assert '"build": {"name": "งานขออนุญาตก่อสร้าง", "responses": 1, "mean": 4.2' in out.stdout


def test_report_files_from_the_command_line(office: Server, tmp_path: Path) -> None:
    for ext in ("html", "docx", "xlsx"):
        done = office.flask("report", "satisfaction", "--out", str(tmp_path / f"o17.{ext}"))
        assert done.returncode == 0, done.stderr
    assert "รายงานผลการสำรวจความพึงพอใจ" in (tmp_path / "o17.html").read_text()
