"""The public ITA evidence pages in headless Chromium, as an assessor and a citizen see them:
on a phone and on a desktop, printed to A4. Screenshots are kept in tests/e2e/screenshots/."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from flask import Flask

from bot import create_app
from bot.db import new_session
from bot.db.store import SqlStore
from handlers.complaints.usecases import ComplaintDraft, file_complaint, set_status
from handlers.measures.domain import Measure, ProgressUpdate
from handlers.measures.usecases import record_progress
from handlers.shared import Channel
from tests.support.browser import shot
from tests.support.servers import Server, running_server

pytestmark = pytest.mark.e2e

OFFICE = "องค์การบริหารส่วนตำบลบ่ออรั้ง"
SECRET = "ปลัดเรียกรับเงินค่าอนุญาตก่อสร้าง-ลับ"


@pytest.fixture(scope="module")
def ita_server(tmp_path_factory: pytest.TempPathFactory) -> Server:  # type: ignore[misc]
    with running_server(tmp_path_factory.mktemp("ita"), {"OFFICE_NAME": OFFICE}) as srv:
        with pytest.MonkeyPatch.context() as env:
            for name, value in srv.env.items():
                env.setenv(name, value)
            _seed(create_app({"BACKGROUND_WORKERS": False, "SHEETS_BACKEND": "off"}))
        yield srv


def _seed(app: Flask) -> None:
    """FY 2566: three corruption reports, two general complaints, two measures with progress."""
    with new_session(app) as s:
        store = SqlStore(s)
        for day, cat, closed in (
            (date(2022, 11, 10), "corruption", 10),
            (date(2023, 1, 5), "corruption", None),
            (date(2023, 2, 20), "corruption", 30),
            (date(2022, 12, 1), "road", 5),
            (date(2023, 3, 3), "light", None),
        ):
            at = datetime(day.year, day.month, day.day, 3, tzinfo=UTC)
            draft = ComplaintDraft(
                category=cat, details=SECRET, contact_name="นายผู้แจ้ง", phone="0811111111"
            )
            case = file_complaint(store, draft, Channel.WEB, at).complaint.case_number
            if closed:
                set_status(store, case, "resolved", "ดำเนินการแล้ว", at + timedelta(days=closed))
        for no, title, unit in (
            (1, "เผยแพร่ข้อมูลการจัดซื้อจัดจ้างบนเว็บไซต์ทุกเดือน", "กองคลัง"),
            (2, "อบรมเจ้าหน้าที่เรื่องการป้องกันผลประโยชน์ทับซ้อน", "สำนักปลัด"),
        ):
            m = Measure(
                fiscal_year=2566,
                no=no,
                title=title,
                unit=unit,
                period_text="ตลอดปีงบประมาณ",
                period_start=date(2022, 10, 1),
                period_end=date(2023, 9, 30),
            )
            mid = store.measures.save_measure(m)
            record_progress(
                store.measures,
                ProgressUpdate(
                    measure_id=mid,
                    percent=100 if no == 1 else 60,
                    done="ดำเนินการตามแผนแล้ว",
                    outcome="ประชาชนเข้าถึงข้อมูลได้ครบถ้วน" if no == 1 else "",
                    created_at=datetime(2023, 2, 1, 3, tzinfo=UTC),
                    unit=unit,
                ),
            )
        store.commit()


def test_an_assessor_finds_the_evidence_on_a_phone(ita_server: Server, phone: object) -> None:
    page = phone
    page.goto(ita_server.url + "/ita")  # type: ignore[attr-defined]
    shot(page, "ita-years-phone")
    page.get_by_role("link", name="ITA ปี พ.ศ. 2566").click()  # type: ignore[attr-defined]
    shot(page, "ita-2566-phone")
    row = page.get_by_role("row").filter(has_text="O29")  # type: ignore[attr-defined]
    row.get_by_role("link", name="ดูหลักฐาน").click()
    page.wait_for_load_state()  # type: ignore[attr-defined]
    text = page.inner_text("main")  # type: ignore[attr-defined]
    shot(page, "ita-2566-o29-phone")
    assert OFFICE in text
    assert "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in text
    # o29 of 2566 covers the first half: printed years later, it is as of that half's last day.
    assert "ข้อมูล ณ วันที่ 31 มีนาคม 2566" in text
    assert SECRET not in page.content() and "นายผู้แจ้ง" not in page.content()  # type: ignore[attr-defined]
    # Nothing wider than the phone: the page scrolls down, not sideways (tables scroll inside).
    width = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= 360


def test_o43_reads_as_a_published_report_on_a_desktop(ita_server: Server, browser: object) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(ita_server.url + "/ita/2566/o43")
    shot(page, "ita-2566-o43-desktop")
    assert page.locator("h1").first.inner_text().startswith("O43")
    captions = page.locator("caption").all_inner_texts()
    assert captions, "every table has a caption"
    text = page.inner_text("main")
    assert "เผยแพร่ข้อมูลการจัดซื้อจัดจ้างบนเว็บไซต์ทุกเดือน" in text
    assert "ร้อยละ 60" in text and "ยังไม่มีการรายงานผล" not in text
    downloads = page.get_by_role("link", name="DOCX")
    assert downloads.count() == 1
    page.emulate_media(media="print")
    shot(page, "ita-2566-o43-print")
    assert not page.locator(".downloads").is_visible()
    context.close()
