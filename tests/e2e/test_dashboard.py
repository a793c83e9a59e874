"""The admin dashboard in headless Chromium: Thai figures and charts, the complaint queue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask

from bot import create_app
from bot.db import new_session
from bot.db.store import SqlStore
from handlers.complaints.usecases import ComplaintDraft, file_complaint, set_status
from handlers.shared import Channel
from tests.support.browser import log_in, shot
from tests.support.servers import Server
from tests.support.settings import ADMIN_PASSWORD

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def office_server(office: Server) -> Server:
    """The module's server, with a month of complaints in its database."""
    _seed(office)
    return office


def _seed(server: Server) -> None:
    """A month of complaints, filed and handled through the use cases, in the server's database
    (by an app made here with the server's environment)."""
    with pytest.MonkeyPatch.context() as env:
        for name, value in server.env.items():
            env.setenv(name, value)
        _file_a_month(create_app({"BACKGROUND_WORKERS": False, "SHEETS_BACKEND": "off"}))


def _file_a_month(app: Flask) -> None:
    now = datetime.now(UTC)
    plan = [
        ("road", 40, "resolved", 3),
        ("road", 35, "resolved", 12),
        ("light", 30, None, 0),
        ("light", 25, "in_progress", 1),
        ("waste", 20, "resolved", 2),
        ("water", 12, None, 0),
        ("nuisance", 8, "rejected", 1),
        ("corruption", 5, None, 0),
        ("green", 3, None, 0),
        ("safety", 2, "resolved", 1),
        ("waste", 1, None, 0),
    ]
    with new_session(app) as s:
        store = SqlStore(s)
        for cat, ago, status, took in plan:
            at = now - timedelta(days=ago)
            draft = ComplaintDraft(category=cat, details="รายละเอียดเรื่องร้องเรียนสำหรับทดสอบ")
            case = file_complaint(store, draft, Channel.WEB, at).complaint.case_number
            if status:
                set_status(store, case, status, "ดำเนินการแล้ว", at + timedelta(days=took))
        store.commit()
    app.extensions["db_engine"].dispose()


def test_dashboard_renders_thai_figures_and_charts(office_server: Server, browser: object) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")  # type: ignore[attr-defined]
    page = ctx.new_page()
    log_in(page, office_server.url, ADMIN_PASSWORD)
    page.wait_for_selector("svg.chart")
    shot(page, "10-dashboard")
    body = page.inner_text("main")
    assert "ภาพรวมปีงบประมาณ" in body and "เกินกำหนดแจ้งผล 15 วัน" in body
    assert "มัธยฐาน" in body and "วัน" in body
    # The charts' Thai labels are laid out by the browser: each has a real width.
    labels = page.locator("svg.chart text").all_text_contents()
    assert "เรื่องร้องเรียนตามสถานะ" in labels and "รับเรื่องแล้ว" in labels
    width = page.locator("svg.chart text", has_text="ถนน ทางเท้า สะพาน").first.bounding_box()[
        "width"
    ]
    assert width > 60
    page.get_by_role("link", name="ดูรายการ").click()
    page.wait_for_selector("table.data")
    shot(page, "11-queue-overdue")
    assert "เกินกำหนด" in page.inner_text("table.data")
    ctx.close()
