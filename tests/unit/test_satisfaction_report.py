"""The satisfaction report (kind `satisfaction`, o17 in 2566) of an evidence window, against
figures worked out by hand on fixed ratings."""

from __future__ import annotations

from datetime import date, datetime

from handlers.ita.windows import window_for
from handlers.reports import o17
from handlers.satisfaction.model import Kind, Rating
from handlers.satisfaction.services import DEFAULT_SERVICES
from handlers.shared import Channel
from tests.support.clock import utc

DIMS = ("process", "staff", "facilities", "quality", "overall")


def rating(service: str, scores: tuple[int, ...], at: datetime, channel: Channel) -> Rating:
    return Rating(Kind.SERVICE, dict(zip(DIMS, scores, strict=True)), channel, at, service)


# FY 2568 to 30 June 2025 (Bangkok). 16:59 UTC on 30 Sep 2024 is 23:59 that day in Bangkok.
RATINGS = [
    rating("reg", (5, 5, 4, 4, 5), utc(2024, 10, 1, 3), Channel.WEB),
    rating("reg", (4, 4, 3, 4, 4), utc(2024, 11, 5, 3), Channel.LINE),
    rating("tax", (2, 2, 2, 2, 2), utc(2025, 1, 10, 3), Channel.LINE),
    rating("reg", (1, 1, 1, 1, 1), utc(2024, 9, 30, 16, 59), Channel.WEB),  # before the window
    rating("reg", (3, 3, 3, 3, 3), utc(2025, 6, 30, 17, 0), Channel.WEB),  # 1 July in Bangkok
    Rating(Kind.COMPLAINT, {"handling": 4}, Channel.LINE, utc(2025, 2, 1), case_number="2568-1"),
]
TO_JUNE = window_for("current_fy_to_date", 2568, date(2025, 6, 30))


def test_figures_of_the_window_are_the_ones_worked_out_by_hand() -> None:
    report = o17.build(RATINGS, DEFAULT_SERVICES, TO_JUNE)
    f = report.figures
    # Pooled: (23 + 19 + 10) / 15 = 3.4667; scores of 4–5: 5 + 4 + 0 = 9 of 15 = 60 %.
    assert (f["responses"], f["mean"], f["percent_satisfied"]) == (3, 3.47, 60.0)
    by_service = f["by_service"]
    assert isinstance(by_service, dict)
    assert by_service["reg"] == {"responses": 2, "mean": 4.2}  # 42 / 10
    assert by_service["tax"] == {"responses": 1, "mean": 2.0}
    assert by_service["build"] == {"responses": 0, "mean": None}
    assert f["by_channel"] == {"line": 2, "web": 1}


def test_text_gives_the_percentage_the_thai_way_and_tables_follow_the_window() -> None:
    report = o17.build(RATINGS, DEFAULT_SERVICES, TO_JUNE)
    [intro] = report.intro
    assert "ผู้ตอบแบบประเมินความพึงพอใจการให้บริการ 3 คน" in intro
    assert "3.47 อยู่ในระดับมาก" in intro and "ร้อยละ 60.0" in intro
    assert "30 มิถุนายน 2568" in intro
    tables = {t.title: t for t in report.tables}
    overview = {r[0]: r[1:] for r in tables["ผลการประเมินความพึงพอใจจำแนกตามงานบริการ"].rows}
    assert overview["งานทะเบียนราษฎร"] == ("2", "4.20", "0.63", "90.0", "มาก")
    # An unrated service: its count, and empty cells rather than a dash.
    assert overview["งานขออนุญาตก่อสร้าง"] == ("0", "", "", "", "")
    periods = [r[:2] for r in tables["ผลการประเมินจำแนกตามช่วงเวลา"].rows]
    # Quarter 4 (from 1 July) has not begun on 30 June: not listed.
    assert periods == [
        ("ไตรมาส 1 ปีงบประมาณ พ.ศ. 2568", "2"),
        ("ไตรมาส 2 ปีงบประมาณ พ.ศ. 2568", "1"),
        ("ไตรมาส 3 ปีงบประมาณ พ.ศ. 2568", "0"),
        ("รอบ 6 เดือน (ต.ค.–มี.ค.) ปีงบประมาณ พ.ศ. 2568", "3"),
        ("ปีงบประมาณ พ.ศ. 2568", "3"),
    ]
    channels = tables["จำนวนผู้ตอบแบบประเมินจำแนกตามช่องทาง"].rows
    assert list(channels) == [("LINE", "2", "66.7"), ("เว็บไซต์", "1", "33.3"), ("รวม", "3", "100.0")]
    handling = tables["ความพึงพอใจต่อการจัดการเรื่องร้องเรียน (ประเมินโดยผู้ร้องหลังแจ้งผล)"]
    assert handling.rows[0][1:3] == ("1", "4.00")
    assert len(report.charts) == 3  # all services, reg, tax


def test_the_first_half_window_stops_at_31_march() -> None:
    half = window_for("first_half_current_fy", 2568, date(2025, 6, 30))
    report = o17.build(RATINGS, DEFAULT_SERVICES, half)
    assert "รอบ 6 เดือน" in report.title
    assert report.figures["responses"] == 3
    by_period = next(t for t in report.tables if t.title == "ผลการประเมินจำแนกตามช่วงเวลา")
    assert [r[0] for r in by_period.rows] == [
        "ไตรมาส 1 ปีงบประมาณ พ.ศ. 2568",
        "ไตรมาส 2 ปีงบประมาณ พ.ศ. 2568",
        "รอบ 6 เดือน (ต.ค.–มี.ค.) ปีงบประมาณ พ.ศ. 2568",
    ]


def test_thai_digits_in_the_text() -> None:
    report = o17.build(RATINGS, DEFAULT_SERVICES, TO_JUNE, thai_digits=True)
    assert "ร้อยละ ๖๐.๐" in report.intro[0]
    assert report.figures["percent_satisfied"] == 60.0  # figures stay numbers


def test_a_window_without_ratings_is_one_sentence() -> None:
    early = window_for("current_fy_to_date", 2568, date(2024, 10, 1))
    only_before = [RATINGS[3]]
    report = o17.build(only_before, DEFAULT_SERVICES, early)
    assert report.intro == [
        "ระหว่างวันที่ 1 ตุลาคม 2567 ถึงวันที่ 1 ตุลาคม 2567 ยังไม่มีผู้ตอบแบบประเมินความพึงพอใจการให้บริการ"
    ]
    assert (report.tables, report.charts, report.notes) == ([], [], [])
    assert report.figures["responses"] == 0 and report.figures["by_channel"] == {}


def test_a_window_not_yet_begun_is_one_sentence() -> None:
    future = window_for("current_fy", 2570, date(2026, 9, 1))
    report = o17.build(RATINGS, DEFAULT_SERVICES, future)
    assert report.intro == [
        "ช่วงข้อมูลของรายงานนี้เริ่มวันที่ 1 ตุลาคม 2569 จึงยังไม่มีผลการสำรวจความพึงพอใจการให้บริการ"
    ]
    assert (report.tables, report.charts) == ([], [])
