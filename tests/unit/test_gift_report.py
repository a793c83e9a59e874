"""The No Gift Policy report core: the window, the tables and the totals."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from handlers.gifts.domain import GIFT, NONE, GiftReport
from handlers.ita.windows import Window
from handlers.reports.gift_report import NO_GIFTS, NOTHING, TITLE, build

AT = datetime(2025, 1, 1, tzinfo=UTC)
# FY 2568 up to 15 Mar 2025.
WINDOW = Window("current_fy_to_date", 2568, date(2024, 10, 1), date(2025, 9, 30), date(2025, 3, 15))


def gift(day: date, value: str, name: str = "สมชาย ใจดี", unit: str = "กองคลัง") -> GiftReport:
    return GiftReport(
        kind=GIFT,
        staff_id=1,
        staff_name=name,
        unit=unit,
        created_at=AT,
        received_on=day,
        giver="บริษัท ก",
        what="กระเช้า",
        estimated_value=Decimal(value),
        action="ส่งมอบให้หน่วยงาน",
    )


def none(month: date, name: str = "สมหญิง ใจดี", unit: str = "สำนักปลัด") -> GiftReport:
    return GiftReport(
        kind=NONE, staff_id=2, staff_name=name, unit=unit, created_at=AT, period_start=month
    )


def test_gifts_inside_the_window_with_their_total() -> None:
    entries = [
        gift(date(2024, 9, 30), "9999"),  # before the window
        gift(date(2024, 10, 1), "1500"),
        gift(date(2025, 3, 15), "250.50"),
        gift(date(2025, 3, 16), "7777"),  # after as_of
        none(date(2024, 11, 1)),
        none(date(2024, 12, 1)),
        none(date(2025, 4, 1)),  # after as_of
    ]
    report = build(entries, WINDOW)
    assert report.title == TITLE and report.subtitle == "ปีงบประมาณ พ.ศ. 2568"
    gifts, nones = report.tables
    assert gifts.columns[4] == "มูลค่าโดยประมาณ (บาท)"
    assert gifts.rows == [
        ("1 ต.ค. 67", "สมชาย ใจดี (กองคลัง)", "บริษัท ก", "กระเช้า", "1,500.00", "ส่งมอบให้หน่วยงาน"),
        ("15 มี.ค. 68", "สมชาย ใจดี (กองคลัง)", "บริษัท ก", "กระเช้า", "250.50", "ส่งมอบให้หน่วยงาน"),
        # 1,500.00 + 250.50
        ("รวม 2 รายการ", "", "", "", "1,750.50", ""),
    ]
    assert nones.rows == [("สมหญิง ใจดี", "สำนักปลัด", "พ.ย. 67, ธ.ค. 67", "2")]
    assert report.figures == {"reports": 2, "declared_none": 2, "total_value": 1750.5}


def test_declarations_alone_say_no_gift_was_reported() -> None:
    report = build([none(date(2024, 10, 1))], WINDOW)
    assert [t.title for t in report.tables] == ["การแจ้งไม่มีการรับทรัพย์สินหรือประโยชน์อื่นใด"]
    assert NO_GIFTS in report.notes


def test_nothing_at_all_is_one_sentence() -> None:
    report = build([gift(date(2025, 4, 1), "10")], WINDOW)
    assert report.tables == [] and report.notes == [NOTHING]
    assert report.figures == {"reports": 0, "declared_none": 0, "total_value": 0.0}


def test_thai_digits() -> None:
    report = build([gift(date(2024, 10, 1), "1500")], WINDOW, thai_digits=True)
    assert report.tables[0].rows[-1][4] == "๑,๕๐๐.๐๐"
