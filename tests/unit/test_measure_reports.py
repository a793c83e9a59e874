"""The measure and plan evidence on fixed data: o43 shows only what staff reported within the
window (dated, with ร้อยละ), never a placeholder or the register's expected outcome; a plan's
progress stands as it did on the as-of day, overdue only once its period had ended then;
budget columns and totals only for a plan with budgets."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from handlers.ita.windows import window_for
from handlers.measures.domain import Measure, ProgressUpdate
from handlers.reports import measures as reports
from handlers.reports import plan_progress
from handlers.reports.model import Image

BANGKOK = timedelta(hours=7)


def at(y: int, m: int, d: int, hour: int = 10, minute: int = 0) -> datetime:
    """An instant given in Bangkok time."""
    return datetime(y, m, d, hour, minute, tzinfo=UTC) - BANGKOK


def _m(no: int, title: str, start: date, end: date, **kw: object) -> Measure:
    return Measure(
        fiscal_year=2568,
        no=no,
        id=no,
        title=title,
        unit=str(kw.pop("unit", "สำนักปลัด")),
        period_start=start,
        period_end=end,
        **kw,  # type: ignore[arg-type]
    )


def _u(
    mid: int,
    percent: int,
    when: datetime,
    done: str,
    outcome: str = "",
    photos: tuple[str, ...] = (),
) -> ProgressUpdate:
    return ProgressUpdate(
        measure_id=mid,
        percent=percent,
        done=done,
        created_at=when,
        outcome=outcome,
        photos=list(photos),
    )


# --- o42 and o43: the integrity measures ---------------------------------------------------

MEASURES = [
    _m(
        1,
        "จัดอบรมคุณธรรมจริยธรรม",
        date(2024, 10, 1),
        date(2025, 3, 31),
        issue="การป้องกันการทุจริต",
        steps="จัดอบรมเจ้าหน้าที่ปีละ 2 รุ่น",
        outcome="เจ้าหน้าที่ร้อยละ 80 ผ่านการอบรม",  # expected: never printed as a result
    ),
    _m(2, "เปิดเผยข้อมูลสาธารณะ", date(2024, 10, 1), date(2025, 9, 30)),
    _m(3, "ประกาศนโยบาย No Gift Policy", date(2024, 10, 1), date(2024, 12, 31), unit="กองคลัง"),
]
PROGRESS = {
    1: [
        # 30 Sep 2024 23:30 in Bangkok: fiscal year 2567, outside the window.
        _u(1, 5, at(2024, 9, 30, 23, 30), "ก่อนเริ่มปีงบประมาณ"),
        # 1 Oct 2024 00:30 in Bangkok (still 30 Sep in UTC): the window's first day.
        _u(1, 10, at(2024, 10, 1, 0, 30), "เตรียมหลักสูตร"),
        _u(1, 50, at(2025, 1, 15), "อบรมรุ่นแรก 40 คน", "ผ่านการประเมิน 38 คน", ("a.jpg", "gone.jpg")),
        _u(1, 100, at(2025, 5, 2), "อบรมรุ่นสอง 45 คน", "ผ่านการประเมิน 45 คน", ("b.jpg",)),
    ],
    2: [_u(2, 60, at(2025, 3, 20), "เผยแพร่ข้อมูลบนเว็บไซต์ 12 รายการ")],
}
FILES = {"a.jpg": "/srv/uploads/a.jpg", "b.jpg": "/srv/uploads/b.jpg"}
# o43 of FY 2568 printed on 10 April 2025: 1 Oct 2024 – 10 Apr 2025.
APRIL = window_for("current_fy", 2568, date(2025, 4, 10))


def test_o42_lists_the_register_as_declared() -> None:
    report = reports.build_register(MEASURES, window_for("current_fy", 2568, date(2025, 4, 10)))
    [table] = report.tables
    assert table.columns == ("ประเด็น", "มาตรการ", "ขั้นตอน/วิธีการ", "ระยะเวลา", "ผู้รับผิดชอบ")
    assert table.rows[0] == (
        "การป้องกันการทุจริต",
        "1. จัดอบรมคุณธรรมจริยธรรม",
        "จัดอบรมเจ้าหน้าที่ปีละ 2 รุ่น",
        "1 ต.ค. 67 – 31 มี.ค. 68",
        "สำนักปลัด",
    )
    assert table.rows[2][1:] == (
        "3. ประกาศนโยบาย No Gift Policy",
        "",
        "1 ต.ค. 67 – 31 ธ.ค. 67",
        "กองคลัง",
    )
    assert report.title.endswith("ประจำปีงบประมาณ พ.ศ. 2568")
    assert report.figures["measures"] == 3 and report.figures["fiscal_year"] == 2568


def test_o43_shows_only_what_was_reported_within_the_window() -> None:
    report = reports.build_results(MEASURES, PROGRESS, APRIL, "เทศบาลตำบลโคกสูง", "o42", FILES.get)
    [table] = report.tables
    assert table.columns == (
        "มาตรการ/แนวทาง",
        "ขั้นตอนหรือวิธีการปฏิบัติ",
        "ผู้รับผิดชอบ",
        "ระยะเวลา",
        "ผลการดำเนินการ",
        "ผลลัพธ์",
    )  # nobody has a note: no ข้อเสนอแนะ column
    first, second, third = table.rows
    assert first[0] == "ประเด็น: การป้องกันการทุจริต\n1. จัดอบรมคุณธรรมจริยธรรม"
    assert first[4] == ("1 ต.ค. 67: เตรียมหลักสูตร (ร้อยละ 10)\n15 ม.ค. 68: อบรมรุ่นแรก 40 คน (ร้อยละ 50)")
    assert first[5] == "ผ่านการประเมิน 38 คน"  # reported, not the register's expectation
    assert second[4:] == ("20 มี.ค. 68: เผยแพร่ข้อมูลบนเว็บไซต์ 12 รายการ (ร้อยละ 60)", "")
    # Nobody reported on measure 3: its status word and an empty outcome.
    assert third[4:] == ("ยังไม่ดำเนินการ", "")
    cells = "\n".join(c for row in table.rows for c in row)
    for filler in ("ยังไม่มีการรายงานผล", "ความคืบหน้า", "%", "ก่อนเริ่มปีงบประมาณ", "รุ่นสอง"):
        assert filler not in cells
    assert "ร้อยละ 80" not in cells
    assert report.images == [Image("มาตรการที่ 1: 15 มกราคม 2568", "/srv/uploads/a.jpg", "")]
    assert report.figures == {
        "fiscal_year": 2568,
        "measures": 3,
        "completed": 0,
        "average_percent": 36.7,  # (50 + 60 + 0) / 3
        "items": [
            {
                "no": 1,
                "title": "จัดอบรมคุณธรรมจริยธรรม",
                "unit": "สำนักปลัด",
                "percent": 50,
                "status": "in_progress",
            },
            {
                "no": 2,
                "title": "เปิดเผยข้อมูลสาธารณะ",
                "unit": "สำนักปลัด",
                "percent": 60,
                "status": "in_progress",
            },
            {
                "no": 3,
                "title": "ประกาศนโยบาย No Gift Policy",
                "unit": "กองคลัง",
                "percent": 0,
                "status": "not_started",
            },
        ],
    }
    assert report.notes == [
        "มาตรการทั้งหมด 3 มาตรการ ดำเนินการแล้วเสร็จ 0 มาตรการ อยู่ระหว่างดำเนินการ 2 มาตรการ"
        " ยังไม่ดำเนินการ 1 มาตรการ"
    ]


def test_o43_opens_with_the_years_measures_and_the_dates_covered() -> None:
    [intro] = reports.build_results(MEASURES, PROGRESS, APRIL, "เทศบาลตำบลโคกสูง", "o42").intro
    assert intro.startswith(
        "ตามที่ เทศบาลตำบลโคกสูง ได้ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
        " ประจำปีงบประมาณ พ.ศ. 2568 (o42) จำนวน 3 มาตรการ"
    )
    assert intro.endswith("ตั้งแต่วันที่ 1 ตุลาคม 2567 ถึงวันที่ 10 เมษายน 2568 ดังนี้")
    [bare] = reports.build_results(MEASURES, PROGRESS, APRIL).intro
    assert bare.startswith("ตามที่ได้ประกาศมาตรการ") and "พ.ศ. 2568 จำนวน 3 มาตรการ" in bare
    assert "(o" not in bare


def test_o43_after_the_year_counts_the_whole_year() -> None:
    year = window_for("current_fy", 2568, date(2025, 11, 1))  # as of 30 Sep 2025
    report = reports.build_results(MEASURES, PROGRESS, year, find_photo=FILES.get)
    first = report.tables[0].rows[0]
    assert first[4].endswith("2 พ.ค. 68: อบรมรุ่นสอง 45 คน (ร้อยละ 100)")
    assert first[5] == "ผ่านการประเมิน 38 คน\nผ่านการประเมิน 45 คน"
    assert (report.figures["completed"], report.figures["average_percent"]) == (1, 53.3)
    assert [i.caption for i in report.images] == [
        "มาตรการที่ 1: 15 มกราคม 2568",
        "มาตรการที่ 1: 2 พฤษภาคม 2568",
    ]


def test_o43_has_a_ข้อเสนอแนะ_column_only_when_a_measure_has_a_note() -> None:
    noted = [
        MEASURES[0],
        _m(2, "เปิดเผยข้อมูลสาธารณะ", date(2024, 10, 1), date(2025, 9, 30), note="ควรเพิ่มช่องทางเฟซบุ๊ก"),
        MEASURES[2],
    ]
    table = reports.build_results(noted, PROGRESS, APRIL).tables[0]
    assert table.columns[-1] == "ข้อเสนอแนะ" and len(table.columns) == 7
    assert [row[6] for row in table.rows] == ["", "ควรเพิ่มช่องทางเฟซบุ๊ก", ""]


def test_thai_digits_reach_the_intro_cells_and_captions() -> None:
    report = reports.build_results(
        MEASURES, PROGRESS, APRIL, find_photo=FILES.get, thai_digits=True
    )
    assert "พ.ศ. ๒๕๖๘ จำนวน ๓ มาตรการ" in report.intro[0]
    assert report.tables[0].rows[1][4].endswith("(ร้อยละ ๖๐)")
    assert report.images[0].caption == "มาตรการที่ ๑: ๑๕ มกราคม ๒๕๖๘"
    assert report.figures["average_percent"] == 36.7


# --- a plan's monitoring and results reports -------------------------------------------------

PROJECTS = [
    _m(
        1,
        "ก่อสร้างถนนคอนกรีตหมู่ 2",
        date(2025, 1, 1),
        date(2025, 3, 31),
        unit="กองช่าง",
        plan="operating",
        budget=Decimal("150000"),
    ),
    _m(
        2,
        "อบรมอาสาสมัครป้องกันภัย",
        date(2025, 4, 1),
        date(2025, 6, 30),
        plan="operating",
        budget=Decimal("25500.50"),
    ),
    _m(3, "ประชุมประชาคมหมู่บ้าน", date(2024, 10, 1), date(2024, 12, 31), plan="operating"),
]
PROJECT_PROGRESS = {
    1: [
        _u(1, 40, at(2025, 2, 10), "ปรับพื้นที่"),
        _u(1, 100, at(2025, 4, 5), "เทคอนกรีตเสร็จ"),
    ],
    2: [_u(2, 70, at(2025, 6, 20), "อบรมแล้ว 35 คน")],
    3: [_u(3, 100, at(2024, 12, 15), "ประชุมครบ 10 หมู่")],
}


def test_first_half_stands_as_on_31_march_and_an_open_period_is_never_overdue() -> None:
    half = window_for("first_half_current_fy", 2568, date(2025, 5, 20))  # as of 31 Mar 2025
    report = plan_progress.build(PROJECTS, PROJECT_PROGRESS, half, "operating")
    [table] = report.tables
    assert table.columns == (
        "ที่",
        "โครงการ/กิจกรรม",
        "ผู้รับผิดชอบ",
        "ระยะเวลา",
        "งบประมาณ (บาท)",
        "ความคืบหน้า (ร้อยละ)",
        "สถานะ",
        "ผลการดำเนินงานในรอบรายงาน",
    )
    assert table.rows == [
        # Ends on the as-of day itself: not yet overdue; 5 April's 100% is after it.
        (
            "1",
            "ก่อสร้างถนนคอนกรีตหมู่ 2",
            "กองช่าง",
            "1 ม.ค. 68 – 31 มี.ค. 68",
            "150,000",
            "40",
            "อยู่ระหว่างดำเนินการ",
            "10 ก.พ. 68: ปรับพื้นที่ (ร้อยละ 40)",
        ),
        # Starts after the as-of day: nothing done yet, and not late.
        (
            "2",
            "อบรมอาสาสมัครป้องกันภัย",
            "สำนักปลัด",
            "1 เม.ย. 68 – 30 มิ.ย. 68",
            "25,500.50",
            "0",
            "ยังไม่ดำเนินการ",
            "",
        ),
        (
            "3",
            "ประชุมประชาคมหมู่บ้าน",
            "สำนักปลัด",
            "1 ต.ค. 67 – 31 ธ.ค. 67",
            "",
            "100",
            "ดำเนินการแล้วเสร็จ",
            "15 ธ.ค. 67: ประชุมครบ 10 หมู่ (ร้อยละ 100)",
        ),
        ("", "รวม", "", "", "175,500.50", "", "", ""),
    ]
    assert report.title == "รายงานการกำกับติดตามการดำเนินงานตามแผนดำเนินงาน รอบ 6 เดือน"
    assert report.notes == [
        "โครงการทั้งหมด 3 โครงการ แล้วเสร็จ 1 โครงการ ความคืบหน้าเฉลี่ยร้อยละ 46.7 เลยกำหนด 0 โครงการ",
        "งบประมาณรวม 175,500.50 บาท",
    ]
    figures = report.figures
    assert (figures["measures"], figures["completed"], figures["overdue"]) == (3, 1, 0)
    assert (figures["average_percent"], figures["budget_total"]) == (46.7, 175500.5)
    assert [(i["no"], i["percent"], i["status"]) for i in figures["items"]] == [  # type: ignore[attr-defined]
        (1, 40, "in_progress"),
        (2, 0, "not_started"),
        (3, 100, "done"),
    ]


def test_a_day_after_its_period_ends_an_unfinished_item_is_overdue() -> None:
    april = window_for("current_fy_to_date", 2568, date(2025, 4, 2))
    report = plan_progress.build(PROJECTS, PROJECT_PROGRESS, april, "operating")
    first = report.tables[0].rows[0]
    assert (first[5], first[6]) == ("40", "อยู่ระหว่างดำเนินการ (เลยกำหนด)")
    assert report.figures["overdue"] == 1 and "เลยกำหนด 1 โครงการ" in report.notes[0]
    assert report.title == "รายงานการกำกับติดตามการดำเนินงานตามแผนดำเนินงาน"


def test_the_years_results_cover_the_previous_fiscal_year() -> None:
    previous = window_for("previous_fy", 2569, date(2025, 12, 1))  # FY 2568, as of 30 Sep 2025
    report = plan_progress.build(PROJECTS, PROJECT_PROGRESS, previous, "operating", annual=True)
    rows = report.tables[0].rows
    assert report.tables[0].columns[-1] == "ผลการดำเนินงาน"
    assert [(r[5], r[6]) for r in rows[:3]] == [
        ("100", "ดำเนินการแล้วเสร็จ"),
        ("70", "อยู่ระหว่างดำเนินการ (เลยกำหนด)"),  # ended 30 June at 70%
        ("100", "ดำเนินการแล้วเสร็จ"),
    ]
    assert rows[0][7] == "10 ก.พ. 68: ปรับพื้นที่ (ร้อยละ 40)\n5 เม.ย. 68: เทคอนกรีตเสร็จ (ร้อยละ 100)"
    assert report.title == "รายงานผลการดำเนินงานตามแผนดำเนินงาน ประจำปี"
    assert report.subtitle == "ปีงบประมาณ พ.ศ. 2568"
    assert (report.figures["completed"], report.figures["average_percent"]) == (2, 90.0)


def test_a_plan_without_budgets_has_no_budget_column_or_total() -> None:
    plain = [Measure(**{**p.__dict__, "budget": None, "plan": "anti_corruption"}) for p in PROJECTS]
    half = window_for("first_half_current_fy", 2568, date(2025, 5, 20))
    report = plan_progress.build(plain, PROJECT_PROGRESS, half, "anti_corruption")
    [table] = report.tables
    assert "งบประมาณ (บาท)" not in table.columns and len(table.rows) == 3
    assert table.columns[1] == "โครงการ/กิจกรรม/มาตรการ"
    assert all("รวม" not in row for row in table.rows)
    assert report.figures["budget_total"] is None and len(report.notes) == 1
    assert report.title == ("รายงานการกำกับติดตามการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต รอบ 6 เดือน")
