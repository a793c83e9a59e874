"""Service statistics (kind service_stats) against figures computed by hand on fixed counts."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.ita.windows import window_for
from handlers.reports import service_stats
from handlers.reports.model import Report
from handlers.reports.service_stats import NOTHING_RECORDED, ServiceCount, parse_month
from handlers.satisfaction.services import DEFAULT_SERVICES
from handlers.summaries import service_stats_summary
from tests.fakes.fake_store import FakeStore


def c(code: str, year: int, month: int, n: int) -> ServiceCount:
    return ServiceCount(code, date(year, month, 1), n)


# FY 2568 = October 2024 – September 2025.
COUNTS = [
    c("reg", 2024, 9, 999),  # FY 2567: never in a 2568 report
    c("reg", 2024, 10, 120),
    c("reg", 2024, 11, 80),
    c("reg", 2024, 12, 1050),
    c("reg", 2025, 1, 200),
    c("reg", 2025, 4, 50),
    c("tax", 2024, 10, 30),
    c("tax", 2025, 1, 1500),
    c("water", 2025, 2, 0),  # recorded: nobody came
    c("reg", 2025, 10, 777),  # FY 2569
]


def build(
    today: date, name: str = "current_fy_to_date", year: int = 2568, thai_digits: bool = False
) -> Report:
    window = window_for(name, year, today)
    return service_stats.build(COUNTS, DEFAULT_SERVICES, window, thai_digits)


def test_the_year_to_date_shows_october_to_the_as_of_month_with_totals() -> None:
    report = build(date(2025, 1, 20))
    assert report.title == "ข้อมูลสถิติการให้บริการ"
    months, quarters = report.tables
    assert months.columns == ("งานบริการ", "ต.ค. 67", "พ.ย. 67", "ธ.ค. 67", "ม.ค. 68", "รวม")
    assert months.rows == [
        ("งานทะเบียนราษฎร", "120", "80", "1,050", "200", "1,450"),
        # Nothing recorded for November and December: blank, not 0.
        ("งานจัดเก็บภาษี", "30", "", "", "1,500", "1,530"),
        # งานประปา recorded only February, after the as-of date: no row yet.
        ("รวม", "150", "80", "1,050", "1,700", "2,980"),
    ]
    assert report.figures == {
        "total": 2980,
        "by_service": {"reg": 1450, "tax": 1530},
        "by_month": {"2024-10": 150, "2024-11": 80, "2024-12": 1050, "2025-01": 1700},
    }
    # January alone of quarter 2 is shown, and its heading says so.
    assert quarters.columns == ("งานบริการ", "ไตรมาส 1", "ไตรมาส 2 (ม.ค. 68)", "รวม")
    assert quarters.rows == [
        ("งานทะเบียนราษฎร", "1,250", "200", "1,450"),
        ("งานจัดเก็บภาษี", "30", "1,500", "1,530"),
        ("รวม", "1,280", "1,700", "2,980"),
    ]
    assert any("ช่องว่าง" in n for n in report.notes)
    assert "ข้อมูลเดือนมกราคม 2568 นับถึงวันที่ 20 มกราคม 2568" in report.notes


def test_a_finished_year_shows_all_twelve_months_and_four_quarters() -> None:
    report = build(date(2025, 11, 3))
    months, quarters = report.tables
    assert len(months.columns) == 14 and months.columns[-2] == "ก.ย. 68"
    rows = {r[0]: r for r in months.rows}
    assert rows["งานทะเบียนราษฎร"][-1] == "1,500"
    # A recorded 0 is printed; the months around it are blank.
    assert rows["งานประปา"][1:] == ("", "", "", "", "0", "", "", "", "", "", "", "", "0")
    assert rows["รวม"][-1] == "3,030"
    assert quarters.columns == ("งานบริการ", "ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4", "รวม")
    assert quarters.rows == [
        ("งานทะเบียนราษฎร", "1,250", "200", "50", "", "1,500"),
        ("งานจัดเก็บภาษี", "30", "1,500", "", "", "1,530"),
        ("งานประปา", "", "0", "", "", "0"),
        ("รวม", "1,280", "1,700", "50", "", "3,030"),
    ]
    assert report.figures["by_service"] == {"reg": 1500, "tax": 1530, "water": 0}
    assert report.figures["total"] == 3030
    assert not any("นับถึงวันที่" in n for n in report.notes)  # the year is complete


def test_one_quarter_needs_no_quarter_table() -> None:
    report = build(date(2024, 11, 15))
    assert len(report.tables) == 1
    assert report.tables[0].rows[-1] == ("รวม", "150", "80", "230")
    assert report.figures["by_month"] == {"2024-10": 150, "2024-11": 80}


def test_the_first_half_stops_at_march_however_late_it_is_printed() -> None:
    report = build(date(2025, 8, 1), name="first_half_current_fy")
    assert report.tables[0].columns[-2] == "มี.ค. 68"
    assert report.figures["total"] == 2980  # April's 50 and February's 0 add nothing


def test_nothing_recorded_in_the_window_is_one_sentence_and_no_tables() -> None:
    # FY 2569 as of 31 August 2025: the window has not opened.
    early = build(date(2025, 8, 31), year=2569)
    assert early.tables == [] and early.notes == [NOTHING_RECORDED]
    assert early.figures == {"total": 0, "by_service": {}, "by_month": {}}
    # FY 2567 (previous_fy of 2568) holds only September 2024's 999; without it, nothing.
    window = window_for("previous_fy", 2568, date(2025, 3, 1))
    previous = service_stats.build(COUNTS, DEFAULT_SERVICES, window)
    assert previous.tables[0].rows[-1] == ("รวม", *[""] * 11, "999", "999")
    assert len(previous.tables) == 2  # a whole year: the quarter table too
    without = service_stats.build(COUNTS[1:], DEFAULT_SERVICES, window)
    assert without.tables == [] and without.notes == [NOTHING_RECORDED]
    assert without.figures["total"] == 0


def test_thai_digits_change_the_text_not_the_figures() -> None:
    report = build(date(2025, 1, 20), thai_digits=True)
    assert report.tables[0].rows[0] == (
        "งานทะเบียนราษฎร",
        "๑๒๐",
        "๘๐",
        "๑,๐๕๐",
        "๒๐๐",
        "๑,๔๕๐",
    )
    assert report.figures["total"] == 2980


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2569-11", date(2026, 11, 1)),
        ("2026-11", date(2026, 11, 1)),
        ("๒๕๖๙-๑๑", date(2026, 11, 1)),
        (" 2568/1 ", date(2025, 1, 1)),
    ],
)
def test_a_month_is_read_in_be_or_ce_with_either_digits(text: str, expected: date) -> None:
    assert parse_month(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2569-13", "เดือนต้องเป็น 1 ถึง 12"),
        ("11-2569", "ระบุเป็น ปี พ.ศ.-เดือน"),
        ("พฤศจิกายน", "ระบุเป็น ปี พ.ศ.-เดือน"),
        ("3000-01", "ระบุเป็นปี พ.ศ."),
    ],
)
def test_a_month_that_cannot_be_read_is_refused_in_thai(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_month(text)


class _Counts:
    def counts_between(self, first: date, last: date) -> list[ServiceCount]:
        return [x for x in COUNTS if first <= x.month <= last]


def test_the_summary_counts_the_whole_fiscal_year_month_by_month() -> None:
    store = FakeStore()
    store.service_counts = _Counts()  # type: ignore[attr-defined]
    data = service_stats_summary(store, 2568)
    assert data["total"] == 3030
    assert data["by_service"] == {"reg": 1500, "tax": 1530, "water": 0}
    assert list(data["by_month"]) == [f"2024-{m}" for m in (10, 11, 12)] + [
        f"2025-{m:02d}" for m in range(1, 10)
    ]
    assert data["by_month"]["2025-04"] == 50 and data["by_month"]["2025-03"] == 0
    # A store that keeps no counts has recorded nothing.
    assert service_stats_summary(FakeStore(), 2568)["total"] == 0
