"""/admin/assets in headless Chromium: the admin registers an asset, a staff member's chat
request appears, the admin approves it and records the return."""

from __future__ import annotations

import subprocess

import pytest

from tests.support.browser import log_in, shot
from tests.support.servers import BIN, ROOT, Server
from tests.support.settings import ADMIN_PASSWORD

pytestmark = pytest.mark.e2e


def _chat(server: Server, staff: str, *lines: str) -> str:
    r = subprocess.run(
        [str(BIN / "flask"), "--app", "bot", "chat", "--user", staff, "--staff", staff],
        input="\n".join([*lines, "/quit", ""]),
        env=server.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_register_request_approve_and_return(office: Server, browser: object) -> None:
    added = office.flask("staff", "add", "สมหญิง ใจดี", "--unit", "กองคลัง", "--username", "somying")
    assert added.returncode == 0, added.stderr
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="th-TH")  # type: ignore[attr-defined]
    log_in(page, office.url, ADMIN_PASSWORD)
    page.goto(office.url + "/admin/assets")
    page.fill("#asset-name", "เครื่องฉายภาพ")
    page.fill("#asset-code", "7430-001-0001")
    page.select_option("#asset-unit", "สำนักปลัด")
    page.get_by_role("button", name="เพิ่ม", exact=True).click()
    assert "เพิ่มเครื่องฉายภาพ (สำนักปลัด) เลขที่ 7430-001-0001ในทะเบียนแล้ว" in page.content()

    out = _chat(office, "somying", "ยืมทรัพย์สิน", "1", "วันนี้", "พรุ่งนี้", "ประชุมประชาคม", "ยืนยัน")
    assert "ส่งคำขอยืมเลขที่ 1 แล้ว" in out
    page.goto(office.url + "/admin/assets?show=requested")
    row = page.locator("tr", has_text="ประชุมประชาคม")
    assert "รออนุมัติ" in row.inner_text()
    shot(page, "40-assets-requested")
    row.get_by_role("button", name="อนุมัติ", exact=True).click()
    assert "บันทึกการอนุมัติคำขอยืมเลขที่ 1 แล้ว" in page.content()

    page.goto(office.url + "/admin/assets?show=out")
    page.get_by_label("สภาพเมื่อคืน เลขที่ 1").fill("ครบถ้วน")
    page.get_by_role("button", name="บันทึกการคืน").click()
    page.goto(office.url + "/admin/assets")
    text = page.locator("table.data").first.inner_text()
    assert "คืนแล้ว" in text and "ครบถ้วน" in text
    shot(page, "41-assets-returned")
    page.close()


# The width the select's chosen text needs in its own font, and the width the select gives it.
_SELECT_FITS = """(sel) => {
  const s = document.querySelector(sel), st = getComputedStyle(s);
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = st.fontWeight + ' ' + st.fontSize + ' ' + st.fontFamily;
  const need = ctx.measureText(s.options[s.selectedIndex].text).width;
  const room = s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight) - 16;
  return [need, room, document.documentElement.scrollWidth];
}"""


def test_admin_names_and_removes_a_unit_head_on_a_phone(office: Server, browser: object) -> None:
    added = office.flask("staff", "add", "สมชาย หัวหน้า", "--unit", "กองคลัง", "--username", "somchai")
    assert added.returncode == 0, added.stderr
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="th-TH")  # type: ignore[attr-defined]
    log_in(page, office.url, ADMIN_PASSWORD)
    page.goto(office.url + "/admin/assets")
    # The "แสดง" filter shows its longest choice whole, and nothing scrolls sideways.
    need, room, width = page.evaluate(_SELECT_FITS, "select[name=show]")
    assert need <= room, (need, room)
    assert width <= 390
    heads = page.locator("#unit-heads tr", has_text="กองคลัง")
    assert "ยังไม่กำหนด (ผู้ดูแลระบบอนุมัติ)" in heads.inner_text()

    page.select_option("#head-unit", "กองคลัง")
    page.select_option("#head-user", label="สมชาย หัวหน้า (กองคลัง)")
    page.get_by_role("button", name="บันทึกหัวหน้าหน่วยงาน").click()
    assert "กำหนดให้ สมชาย หัวหน้า เป็นหัวหน้ากองคลัง" in page.content()
    row = page.locator("#unit-heads tr", has_text="กองคลัง").first
    assert "สมชาย หัวหน้า" in row.inner_text()
    shot(page, "42-assets-head-390")

    row.get_by_role("button", name="ยกเลิกหัวหน้ากองคลัง").click()
    assert "ยกเลิกหัวหน้ากองคลังแล้ว" in page.content()
    assert "ยังไม่กำหนด" in page.locator("#unit-heads tr", has_text="กองคลัง").first.inner_text()

    page.goto(office.url + "/admin/audit")
    log = page.content()
    assert "กำหนดหัวหน้าหน่วยงานผู้อนุมัติการยืมทรัพย์สิน" in log
    assert "ยกเลิกหัวหน้าหน่วยงานผู้อนุมัติการยืมทรัพย์สิน" in log
    page.close()
