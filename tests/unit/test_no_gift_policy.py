"""The office's No Gift announcement: its heading, its policy, the register's counts (no
names), the date it is announced and who signs it."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, date, datetime
from decimal import Decimal

from bot.reports.layout import signature_lines
from handlers.gifts.domain import GIFT, NONE, GiftReport
from handlers.ita.windows import Window
from handlers.office import OfficeSettings
from handlers.reports.model import Report
from handlers.reports.no_gift_policy import build

AT = datetime(2025, 1, 1, tzinfo=UTC)
# FY 2568 up to 15 Mar 2025.
WINDOW = Window("current_fy", 2568, date(2024, 10, 1), date(2025, 9, 30), date(2025, 3, 15))
OFFICE = OfficeSettings(
    office_name="องค์การบริหารส่วนตำบลบ้านสวน",
    signer_name="นายสมศักดิ์ รักษ์ดี",
    signer_position="นายกองค์การบริหารส่วนตำบลบ้านสวน",
    integrity_officer_name="นางสาวกานดา ซื่อตรง",
)
SUBJECT = (
    "เรื่อง นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. 2568"
)


def gift(day: date, value: str, giver: str = "บริษัท ก่อสร้างรุ่งเรือง") -> GiftReport:
    return GiftReport(
        kind=GIFT,
        staff_id=1,
        staff_name="สมชาย ใจดี",
        unit="กองคลัง",
        created_at=AT,
        received_on=day,
        giver=giver,
        what="กระเช้า",
        estimated_value=Decimal(value),
        action="ส่งคืนผู้ให้",
    )


def none(month: date, name: str = "สมหญิง ใจงาม") -> GiftReport:
    return GiftReport(
        kind=NONE, staff_id=2, staff_name=name, unit="สำนักปลัด", created_at=AT, period_start=month
    )


ENTRIES = [
    gift(date(2024, 9, 30), "9999"),  # before the window
    gift(date(2024, 10, 1), "1500"),
    gift(date(2025, 3, 15), "250.50", giver="ร้านดอกไม้สวนหลวง"),
    gift(date(2025, 3, 16), "7777"),  # after as_of
    none(date(2024, 11, 1)),
    none(date(2024, 11, 1), name="สมปอง ขยัน"),
    none(date(2024, 12, 1)),
    none(date(2025, 4, 1)),  # after as_of
]


def all_text(report: Report) -> str:
    return repr(asdict(report))


def test_the_heading_and_the_policy() -> None:
    report = build(ENTRIES, WINDOW, OFFICE)
    assert report.title == "ประกาศองค์การบริหารส่วนตำบลบ้านสวน"
    assert report.subtitle == SUBJECT
    assert not report.landscape  # an announcement is a portrait A4 page
    policy = "\n".join(report.intro)
    assert "จะไม่รับของขวัญ ของกำนัล" in policy and "จะไม่ให้ของขวัญ" in policy
    # What to do when a gift is offered or received: report it in the register by chat.
    assert "ภายใน 30 วันนับแต่วันที่ได้รับ" in policy
    assert "“แจ้งรับของขวัญ”" in policy and "“ไม่มีการรับของขวัญ”" in policy
    assert "(นางสาวกานดา ซื่อตรง)" in policy  # the integrity officer from the settings
    assert report.notes[-1] == "ประกาศ ณ วันที่ 15 มีนาคม พ.ศ. 2568"


def test_the_register_counts_in_the_window_without_names() -> None:
    report = build(ENTRIES, WINDOW, OFFICE)
    (table,) = report.tables
    assert table.title == "ผลการแจ้งผ่านทะเบียนการรับของขวัญ ตั้งแต่วันที่ 1 ตุลาคม 2567 ถึงวันที่ 15 มีนาคม 2568"
    assert [row[1] for row in table.rows] == [
        "2 รายการ",  # 1 Oct 2024 and 15 Mar 2025
        "1,750.50 บาท",  # 1,500.00 + 250.50
        "3 ครั้ง",  # Nov (two people) and Dec
        "2 เดือน",  # Nov and Dec
    ]
    assert report.figures == {
        "reports": 2,
        "declared_none": 3,
        "total_value": 1750.5,
        "declared_none_months": 2,
    }
    text = all_text(report)
    for name in ("บริษัท ก่อสร้างรุ่งเรือง", "ร้านดอกไม้สวนหลวง", "สมชาย", "สมหญิง", "สมปอง"):
        assert name not in text


def test_the_signer_from_the_settings_or_room_to_write_one() -> None:
    (role,) = build(ENTRIES, WINDOW, OFFICE).signatures
    dots = "." * 40
    assert signature_lines(role) == (
        f"ลงชื่อ {dots}",
        "(นายสมศักดิ์ รักษ์ดี)",
        "นายกองค์การบริหารส่วนตำบลบ้านสวน",
    )
    (blank,) = build(ENTRIES, WINDOW, OfficeSettings(office_name="เทศบาลตำบลนา")).signatures
    assert signature_lines(blank) == (f"ลงชื่อ {dots}", f"({dots})", f"ตำแหน่ง {dots}")


def test_under_a_catalogue_title_the_subject_stays_on_the_announcements_line() -> None:
    report = build(ENTRIES, WINDOW, OFFICE, one_line_title=True)
    assert report.title == f"ประกาศองค์การบริหารส่วนตำบลบ้านสวน {SUBJECT}"
    assert report.subtitle == ""


def test_before_the_year_starts_there_is_nothing_to_count() -> None:
    early = Window("current_fy", 2569, date(2025, 10, 1), date(2026, 9, 30), date(2025, 9, 20))
    report = build(ENTRIES, early, OFFICE)
    assert report.tables == []
    assert "ปีงบประมาณนี้ยังไม่เริ่มต้น" in report.intro[-1]
    assert report.notes[-1] == "ประกาศ ณ วันที่ 20 กันยายน พ.ศ. 2568"


def test_thai_digits() -> None:
    report = build(ENTRIES, WINDOW, OFFICE, thai_digits=True)
    assert report.tables[0].rows[1][1] == "๑,๗๕๐.๕๐ บาท"
    assert report.notes[-1] == "ประกาศ ณ วันที่ ๑๕ มีนาคม พ.ศ. ๒๕๖๘"
