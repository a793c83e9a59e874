"""The participation report (kind `participation`; o30 in 2566, O20 in 2568) from grouped
counts, against figures worked out by hand."""

from __future__ import annotations

from datetime import date

from handlers.ita.windows import window_for
from handlers.reports import participation
from handlers.reports.participation import ComplaintSuggestions, RatingSuggestions
from handlers.satisfaction.services import DEFAULT_SERVICES

# FY 2568 seen on 15 January 2025: October to January.
WINDOW = window_for("current_fy_to_date", 2568, date(2025, 1, 15))
RATINGS = [
    RatingSuggestions(202410, "web", "reg", 3),
    RatingSuggestions(202412, "line", "tax", 1),
    RatingSuggestions(202412, "line", "", 2),  # comments on complaint-handling ratings
    RatingSuggestions(202409, "web", "reg", 5),  # FY 2567: outside the window
    RatingSuggestions(202502, "web", "reg", 4),  # after the as-of day
]
COMPLAINTS = [
    ComplaintSuggestions(202411, "web", 4, 3),
    ComplaintSuggestions(202501, "line", 2, 0),
    ComplaintSuggestions(202502, "line", 9, 9),  # after the as-of day
]


def test_figures_count_each_source_by_month_and_channel() -> None:
    report = participation.build(RATINGS, COMPLAINTS, DEFAULT_SERVICES, WINDOW)
    assert report.title == "รายงานผลการเปิดโอกาสให้เกิดการมีส่วนร่วม"
    assert report.figures == {
        "suggestions": 12,  # 3 + 1 + 2 from ratings, 4 + 2 filed
        "by_channel": {"line": 5, "web": 7},
        "by_month": {"2024-10": 3, "2024-11": 4, "2024-12": 3, "2025-01": 2},
        "answered": 3,
    }


def test_tables_give_counts_per_month_channel_and_service() -> None:
    report = participation.build(RATINGS, COMPLAINTS, DEFAULT_SERVICES, WINDOW)
    tables = {t.title: t.rows for t in report.tables}
    assert list(tables["จำนวนข้อเสนอแนะจำแนกตามเดือน"]) == [
        ("ตุลาคม 2567", "3", "0", "3", "0"),
        ("พฤศจิกายน 2567", "0", "4", "4", "3"),
        ("ธันวาคม 2567", "3", "0", "3", "0"),
        ("มกราคม 2568", "0", "2", "2", "0"),
        ("รวม", "6", "6", "12", "3"),
    ]
    assert list(tables["จำนวนข้อเสนอแนะจำแนกตามช่องทาง"]) == [
        ("LINE", "3", "2", "5"),
        ("เว็บไซต์", "3", "4", "7"),
        ("รวม", "6", "6", "12"),
    ]
    assert list(tables["ข้อเสนอแนะในแบบประเมินความพึงพอใจจำแนกตามงานบริการ"]) == [
        ("งานทะเบียนราษฎร", "3"),
        ("งานจัดเก็บภาษี", "1"),
        ("การจัดการเรื่องร้องเรียน (ประเมินหลังแจ้งผล)", "2"),
    ]
    overview = tables["สรุปข้อเสนอแนะจากประชาชน"]
    assert overview[1][1:] == ("6", "3", "50.0")
    assert "ได้รับข้อเสนอแนะรวม 12 เรื่อง" in report.intro[0]
    assert "ตอบกลับ/ปิดเรื่องแล้ว 3 เรื่อง คิดเป็นร้อยละ 50.0" in report.intro[1]


def test_none_in_the_window_is_one_sentence() -> None:
    report = participation.build(RATINGS[3:], COMPLAINTS[2:], DEFAULT_SERVICES, WINDOW)
    assert report.intro == [
        "ระหว่างวันที่ 1 ตุลาคม 2567 ถึงวันที่ 15 มกราคม 2568 ยังไม่มีข้อเสนอแนะจากประชาชน"
        "ผ่านแบบประเมินความพึงพอใจการให้บริการหรือช่องทางรับเรื่องร้องเรียน"
    ]
    assert (report.tables, report.charts, report.notes) == ([], [], [])
    assert report.figures["suggestions"] == 0
    assert report.figures["by_month"] == {
        "2024-10": 0,
        "2024-11": 0,
        "2024-12": 0,
        "2025-01": 0,
    }


def test_a_window_not_yet_begun_is_one_sentence() -> None:
    future = window_for("current_fy", 2570, date(2026, 9, 1))
    report = participation.build(RATINGS, COMPLAINTS, DEFAULT_SERVICES, future)
    assert report.intro == ["ช่วงข้อมูลของรายงานนี้เริ่มวันที่ 1 ตุลาคม 2569 จึงยังไม่มีข้อเสนอแนะจากประชาชน"]
    assert report.tables == [] and report.figures["by_month"] == {}


def test_thai_digits() -> None:
    report = participation.build(RATINGS, COMPLAINTS, DEFAULT_SERVICES, WINDOW, thai_digits=True)
    assert "ร้อยละ ๕๐.๐" in report.intro[1]
    assert report.figures["suggestions"] == 12
