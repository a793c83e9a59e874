"""The draft measures page in headless Chromium: an admin asks for suggestions for a weak
item, edits one and adopts it; the o42 download then shows the seeds' columns. Screenshots
are kept in tests/e2e/screenshots/."""

from __future__ import annotations

import pytest

from tests.support.browser import log_in, shot
from tests.support.servers import Server
from tests.support.settings import ADMIN_PASSWORD

pytestmark = pytest.mark.e2e

PARTICIPATION = "กิจกรรมการเปิดโอกาสให้เกิดการมีส่วนร่วม"


def test_admin_adopts_a_suggestion_and_o42_shows_its_item(office: Server, browser: object) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")  # type: ignore[attr-defined]
    page = context.new_page()
    log_in(page, office.url, ADMIN_PASSWORD)
    page.goto(office.url + "/admin/ita/2566/measures-draft")
    assert "ยังไม่มีผลคะแนนที่ต่ำกว่าเกณฑ์ของปี 2566" in page.content()
    page.select_option("#pick-issue", "2")
    page.fill("#pick-codes", "o30")
    page.get_by_role("button", name="ขอข้อเสนอมาตรการ").click()
    assert "เพิ่มร่างมาตรการ 5 รายการ" in page.content()
    shot(page, "ita_drafts_suggested")

    first = page.locator("form.draft").first
    assert first.locator("input[name=title]").input_value() == PARTICIPATION
    first.locator("input[name=unit]").fill("กองการศึกษา")
    first.get_by_role("button", name="รับไปใช้").click()
    assert "รับไปใช้เป็นมาตรการที่ 1 ของปีงบประมาณ พ.ศ. 2567 แล้ว" in page.content()
    assert "รับไปใช้แล้ว (1)" in page.content()
    shot(page, "ita_drafts_adopted")

    page.goto(office.url + "/admin/measures/report/measures.html?year=2567")
    text = page.inner_text("body")
    for column in ("ข้อคำถาม ITA", "ผลการวิเคราะห์ข้อมูล", "ส่วนงานที่รับผิดชอบ"):
        assert column in text
    assert "o30 การเปิดโอกาสให้เกิดการมีส่วนร่วม" in text and "กองการศึกษา" in text
    shot(page, "ita_o42_linked")
    context.close()
