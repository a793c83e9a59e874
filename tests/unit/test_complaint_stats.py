"""The two complaint-statistics reports (general complaints; corruption and misconduct
reports) from plain case facts: every figure below is counted by hand from CASES."""

from __future__ import annotations

import json
from datetime import date

from handlers.reports.complaint_stats import (
    CORRUPTION,
    GENERAL,
    CaseFacts,
    build,
    figures,
)

START, AS_OF = date(2024, 10, 1), date(2025, 1, 31)  # FY 2568 printed on 31 January 2025


def f(received: date, closed: date | None, status: str, category: str, channel: str) -> CaseFacts:
    return CaseFacts(received, closed, status, category, channel)


CASES = [
    # general, in the window                                           days to close
    f(date(2024, 10, 2), date(2024, 10, 5), "resolved", "road", "web"),  # 3
    f(date(2024, 10, 10), date(2024, 10, 25), "resolved", "road", "line"),  # 15: on time
    f(date(2024, 10, 20), date(2024, 11, 5), "resolved", "light", "line"),  # 16: late
    f(date(2024, 11, 1), date(2024, 11, 1), "rejected", "water", "web"),  # 0
    f(date(2024, 11, 15), None, "in_progress", "waste", "line"),
    f(date(2024, 12, 1), date(2024, 12, 11), "resolved", "road", "phone"),  # 10
    f(date(2024, 12, 24), None, "forwarded", "other", "web"),  # forwarded is still open
    f(date(2025, 1, 5), None, "received", "light", "line"),
    f(date(2025, 1, 31), None, "received", "road", "web"),  # the as-of day itself
    f(date(2025, 1, 10), None, "in_progress", "waste", "line"),
    f(date(2025, 1, 20), None, "received", "service", "web"),
    # a test typed into the developers' terminal chat: never counted
    f(date(2024, 12, 5), date(2024, 12, 6), "resolved", "road", "chat"),
    # general, outside the window
    f(date(2024, 9, 30), date(2024, 10, 1), "resolved", "road", "line"),  # the day before
    f(date(2025, 2, 1), None, "received", "road", "web"),  # the day after as-of
    # corruption, in the window
    f(date(2024, 11, 20), date(2024, 12, 1), "resolved", "corruption", "web"),  # 11
    f(date(2025, 1, 15), None, "received", "corruption", "line"),
    f(date(2024, 12, 10), date(2024, 12, 14), "resolved", "corruption", "line"),  # 4
    # corruption, outside the window
    f(date(2024, 9, 15), None, "received", "corruption", "web"),
]


def test_general_figures_counted_by_hand() -> None:
    figs = figures(CASES, START, AS_OF, GENERAL)
    # The eleven general cases received 1 October 2024 – 31 January 2025.
    assert figs["total"] == 11
    assert figs["by_status"] == {
        "received": 3,  # 5 Jan, 31 Jan, 20 Jan
        "in_progress": 2,
        "resolved": 4,
        "rejected": 1,
        "forwarded": 1,
    }
    # Every general category of categories.csv, zeros included; never "corruption".
    assert figs["by_category"] == {
        "road": 4,
        "light": 2,
        "water": 1,
        "supply": 0,
        "waste": 2,
        "nuisance": 0,
        "green": 0,
        "safety": 0,
        "service": 1,
        "other": 1,
    }
    # LINE and web always; the phone because a case came through it; the chat test not at all.
    assert figs["by_channel"] == {"line": 5, "web": 5, "phone": 1}
    assert figs["by_month"] == {"2024-10": 3, "2024-11": 2, "2024-12": 2, "2025-01": 4}
    # Closed (resolved or rejected) in 3, 15, 16, 0 and 10 days: sorted 0 3 10 15 16, median 10.
    assert figs["median_days_to_close"] == 10
    # Within 15 days: 3, 15, 0, 10 (not 16) = 4 of the 11 received: 36.36…% → 36.4.
    assert figs["closed_within_15_days"] == {"count": 4, "of": 11, "percent": 36.4}


def test_corruption_figures_counted_by_hand() -> None:
    figs = figures(CASES, START, AS_OF, CORRUPTION)
    assert figs["total"] == 3
    assert figs["by_status"] == {
        "received": 1,
        "in_progress": 0,
        "resolved": 2,
        "rejected": 0,
        "forwarded": 0,
    }
    assert figs["by_category"] == {"corruption": 3}  # only the sealed categories
    assert figs["by_channel"] == {"line": 2, "web": 1}
    # Every month of the window, the empty October too.
    assert figs["by_month"] == {"2024-10": 0, "2024-11": 1, "2024-12": 1, "2025-01": 1}
    # Closed in 11 and 4 days: an even number, the mean of the middle two = 7.5.
    assert figs["median_days_to_close"] == 7.5
    # Both within 15 days, of 3 received (one still open): 66.66…% → 66.7.
    assert figs["closed_within_15_days"] == {"count": 2, "of": 3, "percent": 66.7}
    json.dumps(figs)  # published as /ita/<year>/<code>.json


def test_general_report_tables_in_thai() -> None:
    report = build(CASES, START, AS_OF, GENERAL)
    assert report.title == "รายงานสถิติเรื่องร้องเรียนทั่วไป"
    assert report.figures == figures(CASES, START, AS_OF, GENERAL)
    summary, status, category, channel, month = report.tables
    assert summary.rows == [
        ("เรื่องที่ได้รับทั้งหมด (เรื่อง)", "11"),
        ("ระยะเวลาตั้งแต่รับเรื่องจนปิดเรื่อง ค่ามัธยฐาน (วัน)", "10"),
        ("ปิดเรื่องภายใน 15 วันนับแต่วันที่รับเรื่อง (เรื่อง)", "4"),
        ("ปิดเรื่องภายใน 15 วัน เทียบกับเรื่องที่ได้รับทั้งหมด", "ร้อยละ 36.4"),
    ]
    assert status.title == "จำแนกตามสถานะ ณ วันที่ 31 มกราคม 2568"
    assert status.rows == [
        ("รับเรื่องแล้ว", "3"),
        ("กำลังดำเนินการ", "2"),
        ("ดำเนินการแล้วเสร็จ", "4"),
        ("ไม่รับไว้พิจารณา", "1"),
        ("ส่งต่อหน่วยงานอื่น", "1"),
        ("รวม", "11"),
    ]
    assert ("ถนน ทางเท้า สะพาน", "4") in category.rows and category.rows[-1] == ("รวม", "11")
    assert all("ทุจริต" not in row[0] for row in category.rows)
    assert channel.rows == [("LINE", "5"), ("เว็บไซต์", "5"), ("โทรศัพท์", "1"), ("รวม", "11")]
    assert month.rows == [
        ("ตุลาคม 2567", "3"),
        ("พฤศจิกายน 2567", "2"),
        ("ธันวาคม 2567", "2"),
        ("มกราคม 2568", "4"),
        ("รวม", "11"),
    ]
    assert any("ไม่รวมเรื่องร้องเรียนการทุจริต" in n for n in report.notes)


def test_corruption_report_tables_and_thai_digits() -> None:
    report = build(CASES, START, AS_OF, CORRUPTION)
    assert report.title == "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"
    assert report.tables[0].rows[1] == ("ระยะเวลาตั้งแต่รับเรื่องจนปิดเรื่อง ค่ามัธยฐาน (วัน)", "7.5")
    assert report.tables[0].rows[3][1] == "ร้อยละ 66.7"
    assert report.tables[2].rows == [("ทุจริต ประพฤติมิชอบ สินบน", "3"), ("รวม", "3")]
    assert any("แสดงเฉพาะจำนวน" in n for n in report.notes)
    thai = build(CASES, START, AS_OF, CORRUPTION, thai_digits=True)
    assert thai.tables[0].rows[3][1] == "ร้อยละ ๖๖.๗"
    assert thai.figures["total"] == 3  # the JSON keeps plain numbers


def test_no_closed_case_leaves_the_median_row_out() -> None:
    open_only = [f(date(2024, 10, 3), None, "received", "road", "line")]
    report = build(open_only, START, AS_OF, GENERAL)
    assert report.figures["median_days_to_close"] is None
    assert report.figures["closed_within_15_days"] == {"count": 0, "of": 1, "percent": 0.0}
    assert [r[0] for r in report.tables[0].rows if "มัธยฐาน" in r[0]] == []
    assert report.tables[0].rows[-1][1] == "ร้อยละ 0.0"


def test_a_window_without_cases_says_so_in_one_sentence() -> None:
    general_only = [c for c in CASES if c.category != "corruption"]
    report = build(general_only, START, AS_OF, CORRUPTION)
    assert report.intro == ["ในช่วงเวลาดังกล่าวไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"]
    assert report.tables == [] and report.notes == []
    assert report.figures["total"] == 0 and report.figures["median_days_to_close"] is None
    assert report.figures["closed_within_15_days"] == {"count": 0, "of": 0, "percent": None}
    assert report.figures["by_month"] == {"2024-10": 0, "2024-11": 0, "2024-12": 0, "2025-01": 0}


def test_before_the_window_opens_there_is_nothing_to_count() -> None:
    # FY 2569 asked for on 20 September 2025: its window starts on 1 October.
    report = build(CASES, date(2025, 10, 1), date(2025, 9, 20), GENERAL)
    assert report.intro == ["ยังไม่ถึงช่วงเวลาของข้อมูล จึงยังไม่มีสถิติเรื่องร้องเรียนทั่วไป"]
    assert report.tables == [] and report.figures["by_month"] == {}
