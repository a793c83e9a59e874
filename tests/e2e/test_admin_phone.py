"""The admin pages on a 390 px phone and on a desktop, in headless Chromium: nothing wider
than the screen (tables become cards), the menu within reach, the month chart readable."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from flask import Flask

from bot import create_app
from bot.db import new_session
from bot.db.office.store import unit_names
from bot.db.store import SqlStore
from handlers.assets.usecases import add_asset
from handlers.complaints.usecases import ComplaintDraft, file_complaint, set_status
from handlers.gifts.usecases import Staff, report_gift
from handlers.shared import Channel
from handlers.thai.dates import fiscal_year
from tests.support.browser import log_in, shot
from tests.support.seed_tables import seed_docx, seed_file
from tests.support.servers import Server
from tests.support.settings import ADMIN_PASSWORD

pytestmark = pytest.mark.e2e

ITA_YEAR = 2566
PAGES = {
    "dashboard": "/admin/",
    "cases": "/admin/cases",
    "measures": "/admin/measures",
    "reports": "/admin/reports",
    "audit": "/admin/audit",
    "settings": "/admin/settings",
    "assets": "/admin/assets",
    "ita": "/admin/ita",
    "ita-scores": f"/admin/ita/{ITA_YEAR}/scores",
    "ita-measures-draft": f"/admin/ita/{ITA_YEAR}/measures-draft",
    "gifts": "/admin/gifts",
    "service-counts": "/admin/services/counts",
}
# The card labels (a column's heading beside each value on a phone) that run out of their
# cell into the next one: each label is set again in a hidden box of its own width and font.
LABELS_SPILLED = """() => {
  const spilled = [];
  for (const td of document.querySelectorAll("table.data.cards td[data-label]")) {
    if (!td.offsetParent) continue;
    const label = getComputedStyle(td, "::before");
    const probe = document.createElement("div");
    probe.textContent = td.dataset.label;
    probe.style.cssText = "position:absolute;visibility:hidden;width:" + label.width +
      ";font:" + label.font + ";line-height:" + label.lineHeight;
    document.body.appendChild(probe);
    const top = parseFloat(getComputedStyle(td).paddingTop);
    const needs = probe.getBoundingClientRect().height + top;
    probe.remove();
    if (needs > td.getBoundingClientRect().height + 1) spilled.push(td.dataset.label);
  }
  return spilled;
}"""
# Last ITA year's scores (seed 004's office), so that the scores and draft pages are full.
SCORES = (
    "i1 100\ni2 100\ni3 100\ne1 92.29\ne3 93.26\ne5 93.26\ne11 91.32\ne12 93.29\n"
    "e13 94.18\ne14 93.29\no15 100\no16 100\no17 100\no18 100\no30 0\n"
    "e6 92.29\ne7 91.29\ne8 94.18\ne9 92.29\ne10 88.29\ne15 91.32\no42 0\no43 0\n"
)


@pytest.fixture(scope="module")
def seeded(office: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with pytest.MonkeyPatch.context() as env:
        for name, value in office.env.items():
            env.setenv(name, value)
        app = create_app({"BACKGROUND_WORKERS": False, "SHEETS_BACKEND": "off"})
        _seed(app, tmp_path_factory.mktemp("seed"))
    yield office


def _seed(app: Flask, tmp: Path) -> None:
    now = datetime.now(UTC)
    with new_session(app) as s:
        store = SqlStore(s)
        # A complaint a month back over the fiscal year, so that the month chart is full.
        for i, cat in enumerate(["road", "light", "waste", "water", "road", "light"] * 4):
            at = now - timedelta(days=12 * i + 1)
            draft = ComplaintDraft(
                category=cat,
                details="ถนนหน้าวัดเป็นหลุมลึกยาวต่อเนื่องหลายสิบเมตร รถจักรยานยนต์ล้มบ่อยครั้งในเวลากลางคืน",
                contact_name="นางสาวสมศรี มีความยาวของชื่อและนามสกุลมาก",
            )
            case = file_complaint(store, draft, Channel.WEB, at).complaint.case_number
            if i % 3 == 0:
                set_status(store, case, "in_progress", "ส่งช่างไปตรวจสอบพื้นที่แล้ว", at)
        store.commit()
    docx = seed_docx(seed_file("004"), tmp / "004.docx")
    fy = fiscal_year(now.date())
    r = app.test_cli_runner().invoke(args=["import-measures", str(docx), "--year", str(fy)])
    assert r.exit_code == 0, r.output
    _seed_registers(app, now)
    scores = tmp / "scores.txt"
    scores.write_text(SCORES, encoding="utf-8")
    r = app.test_cli_runner().invoke(
        args=["ita", "import-scores", str(scores), "--year", str(ITA_YEAR)]
    )
    assert r.exit_code == 0, r.output
    app.extensions["db_engine"].dispose()


def _seed_registers(app: Flask, now: datetime) -> None:
    """Assets with a loan, gifts with long Thai text, and a service's monthly counts."""
    unit = "สำนักปลัด"
    with new_session(app) as s:
        store = SqlStore(s)
        for i, name in enumerate(["เครื่องฉายภาพโปรเจคเตอร์ความละเอียดสูงพร้อมจอรับภาพ", "รถยนต์ส่วนกลาง"]):
            add_asset(store.assets, name, unit, f"7430-001-000{i + 1}", unit_names(s))
        staff = Staff(staff_id=None, name="นางสาวสมศรี มีความยาวของชื่อและนามสกุลมาก", unit=unit)
        for days in (3, 40):
            report_gift(
                store.gifts,
                staff,
                received_on=(now - timedelta(days=days)).date(),
                giver="ห้างหุ้นส่วนจำกัดรับเหมาก่อสร้างบ้านสวนการโยธาและวิศวกรรม",
                what="กระเช้าผลไม้และของขวัญปีใหม่ขนาดใหญ่พร้อมบัตรอวยพร",
                estimated_value=Decimal("2500"),
                action="ส่งคืนผู้ให้พร้อมหนังสือขอบคุณ",
                now=now,
            )
        store.commit()
    for code, count in (("reg", "128"), ("tax", "1,204")):
        month = (now - timedelta(days=35)).strftime("%Y-%m")
        r = app.test_cli_runner().invoke(
            args=["services", "count", code, "--month", month, "--count", count]
        )
        assert r.exit_code == 0, r.output


def _first_case(page: object, url: str) -> str:
    page.goto(url + "/admin/cases")  # type: ignore[attr-defined]
    href = page.locator("main a[href*='/admin/cases/2']").first.get_attribute("href")  # type: ignore[attr-defined]
    assert href
    return str(href)


@pytest.mark.parametrize("width", [390, 1280])
def test_admin_pages_fit_the_screen(seeded: Server, browser: object, width: int) -> None:
    ctx = browser.new_context(viewport={"width": width, "height": 844}, locale="th-TH")  # type: ignore[attr-defined]
    page = ctx.new_page()
    log_in(page, seeded.url, ADMIN_PASSWORD)
    pages = dict(PAGES, case=_first_case(page, seeded.url))
    for name, path in pages.items():
        page.goto(seeded.url + path if path.startswith("/") else path)
        shot(page, f"admin-{width}-{name}")
        overflow = page.evaluate("document.scrollingElement.scrollWidth")
        assert overflow <= width, f"{name} is {overflow} px wide on a {width} px screen"
        spilled = page.evaluate(LABELS_SPILLED)
        assert not spilled, f"{name}: card labels longer than their cells: {spilled}"
    ctx.close()


def test_month_labels_stand_apart_and_counts_are_whole(seeded: Server, browser: object) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH")  # type: ignore[attr-defined]
    page = ctx.new_page()
    log_in(page, seeded.url, ADMIN_PASSWORD)
    chart = page.locator("svg.chart", has_text="รายเดือน").first
    chart.scroll_into_view_if_needed()
    shot(page, "admin-390-month-chart")
    months = chart.locator("text.month")
    assert months.all_text_contents()[:3] == ["ต.ค.", "พ.ย.", "ธ.ค."]
    boxes = [months.nth(i).bounding_box() for i in range(months.count())]
    for a, b in zip(boxes, boxes[1:], strict=False):
        assert a and b and a["x"] + a["width"] <= b["x"], (a, b)
    ticks = chart.locator("text.tick").all_text_contents()
    assert ticks[0] == "0" and all(t.replace(",", "").isdigit() for t in ticks)
    ctx.close()


def test_closing_on_a_phone_asks_again_and_a_closed_case_reopens(
    seeded: Server, browser: object
) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH")  # type: ignore[attr-defined]
    page = ctx.new_page()
    log_in(page, seeded.url, ADMIN_PASSWORD)
    case_url = seeded.url + _first_case(page, seeded.url)
    page.goto(case_url)
    page.select_option("#status", "rejected")
    page.get_by_role("button", name="บันทึกและแจ้งผู้ร้อง").click()
    page.wait_for_selector(".alert, .error, [class*=flash]")
    shot(page, "admin-390-close-without-note")
    assert "กรุณาเขียนหมายเหตุถึงผู้ร้อง" in page.inner_text("main")
    page.select_option("#status", "rejected")
    page.fill("#note", "เป็นเรื่องของทางหลวงชนบท ได้แจ้งหน่วยงานนั้นแล้ว")
    page.get_by_role("button", name="บันทึกและแจ้งผู้ร้อง").click()
    page.wait_for_selector(".confirm-box")
    shot(page, "admin-390-close-confirm")
    assert "สถานะใหม่: ไม่รับไว้พิจารณา" in page.inner_text(".confirm-box")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    page.get_by_role("button", name="ยืนยันไม่รับไว้พิจารณา").click()
    page.wait_for_selector("#reason")
    page.fill("#reason", "ผู้ร้องส่งหลักฐานเพิ่มว่าอยู่ในเขตเทศบาล")
    page.get_by_role("button", name="เปิดเรื่องอีกครั้งและแจ้งผู้ร้อง").click()
    page.wait_for_selector("#status")
    shot(page, "admin-390-reopened")
    body = page.inner_text("main")
    assert "เปิดเรื่องอีกครั้งแล้ว" in body and "เปิดเรื่องอีกครั้ง: ผู้ร้องส่งหลักฐานเพิ่ม" in body
    ctx.close()
