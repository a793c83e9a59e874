"""Every public page as a citizen sees it on a 390 px phone: nothing wider than the screen,
the office named by its own name, the citizen addressed as ท่าน (never คุณ), a double tap on
"ส่งเรื่อง" filing one complaint. Screenshots are kept to be looked at."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.support.browser import log_in, shot
from tests.support.servers import Server
from tests.support.settings import ADMIN_PASSWORD

pytestmark = pytest.mark.e2e

NAME = "องค์การบริหารส่วนตำบลโคกสูง"
WIDTH = 390
# คุณ addressing the reader; not the word inside คุณภาพ, คุณธรรม, คุณค่า, คุณสมบัติ or ขอบคุณ.
ADDRESSED = re.compile(r"(?<!ขอบ)คุณ(?!ภาพ|ธรรม|ค่า|สมบัติ|ประโยชน์|ลักษณะ)")


@pytest.fixture(scope="module")
def site(office: Server) -> Iterator[Server]:
    for key, value in (("office_name", NAME), ("public_base_url", "https://kokesung.go.th")):
        done = office.flask("settings", "set", key, value)
        assert done.returncode == 0, done.stderr
    yield office


def _phone(browser: object) -> object:
    ctx = browser.new_context(viewport={"width": WIDTH, "height": 844}, locale="th-TH")  # type: ignore[attr-defined]
    return ctx.new_page()


def _looked_at(page: object, name: str) -> str:
    """The page's text, once its screenshot is kept and it is checked to fit the phone."""
    shot(page, f"phone-{name}")
    width = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= WIDTH, f"{name} is {width} px wide"
    text = page.inner_text("body")  # type: ignore[attr-defined]
    addressed = ADDRESSED.search(text)
    assert addressed is None, (
        f"{name}: …{text[max(0, addressed.start() - 30) : addressed.end() + 30]}…"
    )
    return text


def _file(page: object, url: str, double_tap: bool = False) -> tuple[str, str]:
    page.goto(url + "/complaint")  # type: ignore[attr-defined]
    page.select_option("#category", "road")  # type: ignore[attr-defined]
    page.fill("#details", "ถนนหน้าโรงเรียนเป็นหลุมลึก รถจักรยานยนต์ล้มบ่อย")  # type: ignore[attr-defined]
    page.check("#privacy_ack")  # type: ignore[attr-defined]
    button = page.get_by_role("button", name="ส่งเรื่อง")  # type: ignore[attr-defined]
    button.dblclick() if double_tap else button.click()
    page.wait_for_selector("#case-number")  # type: ignore[attr-defined]
    return (
        page.inner_text("#case-number").strip(),  # type: ignore[attr-defined]
        page.inner_text("#secret-code").strip(),  # type: ignore[attr-defined]
    )


def test_every_public_page_fits_a_phone_and_speaks_as_the_office(
    site: Server, browser: object
) -> None:
    page = _phone(browser)
    for path, name in (
        ("/", "home"),
        ("/complaint", "complaint"),
        ("/corruption", "corruption"),
        ("/feedback", "feedback"),
        ("/feedback?service=build", "feedback-service"),
        ("/track", "track"),
        ("/privacy", "privacy"),
        ("/ita", "ita"),
        ("/ita/2566", "ita-year"),
        ("/ita/2566/o29", "ita-item"),
        ("/no-such-page", "not-found"),
    ):
        page.goto(site.url + path)  # type: ignore[attr-defined]
        text = _looked_at(page, name)
        assert NAME in text, f"{name} does not name the office"
        assert "สำนักงาน" not in text.replace("สำนักงาน ป.ป.ช.", ""), name

    # Sent empty, each form says in Thai what to fill in.
    page.goto(site.url + "/complaint")  # type: ignore[attr-defined]
    page.get_by_role("button", name="ส่งเรื่อง").click()  # type: ignore[attr-defined]
    page.wait_for_selector(".alert")  # type: ignore[attr-defined]
    assert "กรุณาเลือกประเภทเรื่อง" in _looked_at(page, "complaint-empty")
    page.goto(site.url + "/feedback?service=build")  # type: ignore[attr-defined]
    page.get_by_role("button", name="ส่งแบบประเมิน").click()  # type: ignore[attr-defined]
    page.wait_for_selector(".alert")  # type: ignore[attr-defined]
    assert "ยังส่งแบบประเมินไม่ได้" in _looked_at(page, "feedback-empty")

    # A case from filing to its rating.
    case, code = _file(page, site.url)
    assert f"{NAME}จะแจ้งผลภายใน 15 วัน" in _looked_at(page, "received")
    page.get_by_role("button", name="ไปหน้าติดตามเรื่อง").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#result")  # type: ignore[attr-defined]
    assert "รับเรื่องแล้ว" in _looked_at(page, "track-open")
    done = site.flask("complaint", "set-status", case, "resolved", "--note", "ซ่อมถนนแล้ว")
    assert done.returncode == 0, done.stderr
    page.get_by_role("button", name="ตรวจสอบสถานะ").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#rate")  # type: ignore[attr-defined]
    assert "ท่านพึงพอใจต่อการจัดการเรื่องนี้เพียงใด" in _looked_at(page, "track-closed")
    page.click("#rate label:has-text('มากที่สุด') >> nth=0")  # type: ignore[attr-defined]
    page.get_by_role("button", name="ส่งการประเมิน").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#rated")  # type: ignore[attr-defined]
    assert "ขอบคุณที่ประเมิน" in _looked_at(page, "track-rated")

    # The QR poster: looked at on the admin's phone, then printed as on A4 (794 px wide).
    admin = _phone(browser)
    log_in(admin, site.url, ADMIN_PASSWORD)
    admin.goto(site.url + "/admin/services/build/poster")  # type: ignore[attr-defined]
    admin.wait_for_selector("#qr")  # type: ignore[attr-defined]
    assert NAME in _looked_at(admin, "poster")
    admin.set_viewport_size({"width": 794, "height": 1123})  # type: ignore[attr-defined]
    admin.emulate_media(media="print")  # type: ignore[attr-defined]
    shot(admin, "phone-poster-print")
    assert admin.evaluate("document.documentElement.scrollWidth") <= 794  # type: ignore[attr-defined]


def test_a_double_tap_on_send_files_one_complaint(site: Server, browser: object) -> None:
    page = _phone(browser)
    case, code = _file(page, site.url, double_tap=True)
    _looked_at(page, "received-double-tap")
    # The next complaint takes the very next number: the double tap filed only one.
    following, _ = _file(_phone(browser), site.url)
    year, seq = case.split("-")
    assert following == f"{year}-{int(seq) + 1:06d}"
    page.goto(site.url + "/track")  # type: ignore[attr-defined]
    page.fill("#case_number", case)  # type: ignore[attr-defined]
    page.fill("#code", code)  # type: ignore[attr-defined]
    page.get_by_role("button", name="ตรวจสอบสถานะ").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#result")  # type: ignore[attr-defined]
    assert page.inner_text("#status") == "รับเรื่องแล้ว"  # type: ignore[attr-defined]
