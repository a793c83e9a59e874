"""The ITA scores page in headless Chromium: an admin pastes seed 004's scores, sees the
weak items in red per issue, edits a drafted paragraph and the limitations, saves."""

from __future__ import annotations

import pytest

from tests.support.browser import log_in, shot
from tests.support.servers import Server
from tests.support.settings import ADMIN_PASSWORD

pytestmark = pytest.mark.e2e

SCORES = (
    "i1 100\ni2 100\ni3 100\ne1 ๙๒.๒๙\ne3 ๙๓.๒๖\ne5 ๙๓.๒๖\ne11 ๙๑.๓๒\ne12 ๙๓.๒๙\n"
    "e13 ๙๔.๑๘\ne14 ๙๓.๒๙\no15 100\no16 100\no17 100\no18 100\no30 0\n"
    "e6 ๙๒.๒๙\ne7 ๙๑.๒๙\ne8 ๙๔.๑๘\ne9 ๙๒.๒๙\ne10 ๘๘.๒๙\ne15 ๙๑.๓๒\no42 0\no43 0\n"
)


def test_admin_pastes_scores_and_writes_the_analysis(office: Server, browser: object) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")  # type: ignore[attr-defined]
    page = ctx.new_page()
    log_in(page, office.url, ADMIN_PASSWORD)
    page.goto(office.url + "/admin/ita/2566/scores")
    page.fill("#paste-text", SCORES)
    page.get_by_role("button", name="นำเข้าข้อความ").click()
    page.wait_for_selector("text=บันทึกคะแนน ITA ปี 2566 แล้ว 23 ข้อ")
    flagged = page.locator("#issue-2 tr.flagged").all_inner_texts()
    assert len(flagged) == 1 and "o30" in flagged[0] and "0.00" in flagged[0]
    draft = page.input_value("#issue_2")
    assert "o30 การเปิดโอกาสให้เกิดการมีส่วนร่วม ได้ 0.00 คะแนน ต่ำกว่าเกณฑ์ 85.00 คะแนน" in draft
    shot(page, "40-ita-scores-analysis")

    page.fill("#issue_2", draft + " จึงจัดทำมาตรการเปิดโอกาสให้ประชาชนมีส่วนร่วม")
    page.fill("#limitations", "๑. ความไม่เพียงพอของบุคลากร")
    page.get_by_role("button", name="บันทึกการวิเคราะห์").click()
    page.wait_for_selector("text=บันทึกการวิเคราะห์แล้ว")
    assert page.input_value("#issue_2").endswith("จึงจัดทำมาตรการเปิดโอกาสให้ประชาชนมีส่วนร่วม")
    assert page.input_value("#limitations") == "๑. ความไม่เพียงพอของบุคลากร"

    page.fill("#paste-text", "e10 88.29\ne99 50\n")
    page.get_by_role("button", name="นำเข้าข้อความ").click()
    page.wait_for_selector("text=รหัสที่ไม่มีในบัญชีรายการของปีนี้: e99 (บรรทัด 2)")
    assert page.input_value("#paste-text") == "e10 88.29\ne99 50\n"
    shot(page, "41-ita-scores-bad-paste")
    ctx.close()
