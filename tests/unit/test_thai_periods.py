"""Reading the free-text period of a measure: every seed variant, and never a guess."""

from datetime import date

import pytest

from handlers.thai import Period, parse_period
from tests.support.seed_tables import SEEDS

# Every distinct value of the ระยะเวลา column in the seeds, with the fiscal year of its
# document and the dates a person reads in it.
SEED_PERIODS: dict[str, tuple[int, date, date]] = {
    "ปีงบประมาณ พ.ศ.๒๕๖๘": (2568, date(2024, 10, 1), date(2025, 9, 30)),
    "ตุลาคม พ.ศ.๒๕๖๗ - กันยายน พ.ศ.๒๕๖๘": (2568, date(2024, 10, 1), date(2025, 9, 30)),
    "ธันวาคม พ.ศ.๒๕๖๗ - กันยายน พ.ศ. ๒๕๖๘": (2568, date(2024, 12, 1), date(2025, 9, 30)),
    "<p>ธันวาคม พ.ศ. ๒๕๖๗ - กันยายน พ.ศ. ๒๕๖๘</p>": (2568, date(2024, 12, 1), date(2025, 9, 30)),
    "1 ตุลาคม 2566 - 30 กันยายน 2567": (2567, date(2023, 10, 1), date(2024, 9, 30)),
    "๑ ม.ค.-๓๐ เมษายน ๒๕๖๗": (2567, date(2024, 1, 1), date(2024, 4, 30)),
    "๑ ต.ค.๒๕๖๖-๓๐ ก.ย.๒๕๖๗": (2567, date(2023, 10, 1), date(2024, 9, 30)),
}


def _seed_period_cells() -> set[str]:
    # The column is found by its header in each table; header rows repeat on every page.
    cells: set[str] = set()
    for path in sorted(SEEDS.glob("*.txt")):
        column: int | None = None
        for line in path.read_text(encoding="utf-8").splitlines():
            row = line.split("\t")
            if len(row) < 2:
                continue
            headers = [i for i, cell in enumerate(row) if "ระยะเวลา" in cell and len(cell) < 40]
            if headers:
                column = headers[0]
            elif column is not None and column < len(row) and row[column].strip():
                cells.add(row[column].strip())
    return cells


def test_every_seed_period_is_covered_by_these_tests() -> None:
    assert _seed_period_cells() == set(SEED_PERIODS)


@pytest.mark.parametrize("text", sorted(SEED_PERIODS))
def test_seed_periods_are_read_as_written(text: str) -> None:
    fy, start, end = SEED_PERIODS[text]
    period = parse_period(text, fy)
    assert (period.start, period.end, period.warning) == (start, end, None)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("ไตรมาส ๑", date(2024, 10, 1), date(2024, 12, 31)),
        ("ไตรมาส 2", date(2025, 1, 1), date(2025, 3, 31)),
        ("ไตรมาสแรก", date(2024, 10, 1), date(2024, 12, 31)),
        ("ไตรมาสสอง", date(2025, 1, 1), date(2025, 3, 31)),
        ("ไตรมาสอง", date(2025, 1, 1), date(2025, 3, 31)),
        ("ไตรมาสที่ ๓", date(2025, 4, 1), date(2025, 6, 30)),
        ("ไตรมาสที่4", date(2025, 7, 1), date(2025, 9, 30)),
        ("ไตรมาสสุดท้าย", date(2025, 7, 1), date(2025, 9, 30)),
        ("Q3", date(2025, 4, 1), date(2025, 6, 30)),
        ("ไตรมาส 1-2", date(2024, 10, 1), date(2025, 3, 31)),
        ("ไตรมาส ๒ และ ๓", date(2025, 1, 1), date(2025, 6, 30)),
        ("ไตรมาส 1/2569", date(2025, 10, 1), date(2025, 12, 31)),
        ("ไตรมาส 4 ปีงบประมาณ 2567", date(2024, 7, 1), date(2024, 9, 30)),
        ("ตลอดปีงบประมาณ", date(2024, 10, 1), date(2025, 9, 30)),
        ("ตลอดปี", date(2024, 10, 1), date(2025, 9, 30)),
        ("ทุกเดือน", date(2024, 10, 1), date(2025, 9, 30)),
        ("ปีงบประมาณ พ.ศ.๒๕๖๘", date(2024, 10, 1), date(2025, 9, 30)),
        ("ปีงบประมาณ 2569", date(2025, 10, 1), date(2026, 9, 30)),
        ("ปีงบ 67", date(2023, 10, 1), date(2024, 9, 30)),
        ("ปีงบประมาณ 2568-2569", date(2024, 10, 1), date(2026, 9, 30)),
        ("รอบ 6 เดือน", date(2024, 10, 1), date(2025, 3, 31)),
        ("6 เดือนแรก", date(2024, 10, 1), date(2025, 3, 31)),
        ("ครึ่งปีหลัง", date(2025, 4, 1), date(2025, 9, 30)),
        ("ม.ค.-มี.ค. ๖๔", date(2021, 1, 1), date(2021, 3, 31)),
        ("มค68 - มีค68", date(2025, 1, 1), date(2025, 3, 31)),
        ("ต.ค. 67 - ก.ย. 68", date(2024, 10, 1), date(2025, 9, 30)),
        ("มีนาคม ๒๕๖๘", date(2025, 3, 1), date(2025, 3, 31)),
        ("เดือนกุมภาพันธ์ 2568", date(2025, 2, 1), date(2025, 2, 28)),
        ("กรกฏาคม 2568", date(2025, 7, 1), date(2025, 7, 31)),
        ("ต.ค.-ธ.ค.", date(2024, 10, 1), date(2024, 12, 31)),
        ("ม.ค. - มี.ค.", date(2025, 1, 1), date(2025, 3, 31)),
        ("พ.ย.-ก.พ.", date(2024, 11, 1), date(2025, 2, 28)),
        ("พฤศจิกายน 2567 - กุมภาพันธ์", date(2024, 11, 1), date(2025, 2, 28)),
        ("มีนาคม", date(2025, 3, 1), date(2025, 3, 31)),
        ("1-15 ม.ค. 68", date(2025, 1, 1), date(2025, 1, 15)),
        ("วันที่ 1 ต.ค. 2567 ถึง 31 มี.ค. 2568", date(2024, 10, 1), date(2025, 3, 31)),
        ("01/10/2567 - 31/03/2568", date(2024, 10, 1), date(2025, 3, 31)),
        ("30 กันยายน 2568", date(2025, 9, 30), date(2025, 9, 30)),
        ("ธันวาคม ค.ศ. 2024", date(2024, 12, 1), date(2024, 12, 31)),
    ],
)
def test_common_ways_of_writing_a_period(text: str, start: date, end: date) -> None:
    period = parse_period(text, 2568)
    assert (period.start, period.end, period.warning) == (start, end, None)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("ภายใน 30 กันยายน 2568", date(2025, 9, 30)),
        ("ภายในวันที่ ๓๑ มี.ค. ๖๘", date(2025, 3, 31)),
        ("ภายในเดือนมีนาคม 2568", date(2025, 3, 31)),
        ("ภายในไตรมาส 2", date(2025, 3, 31)),
        ("ไม่เกิน 31 ธ.ค. 67", date(2024, 12, 31)),
    ],
)
def test_deadline_has_an_end_and_no_start(text: str, end: date) -> None:
    period = parse_period(text, 2568)
    assert (period.start, period.end, period.warning) == (None, end, None)
    assert period.readable


def test_open_ended_start() -> None:
    period = parse_period("ตั้งแต่ 1 ม.ค. 2568 เป็นต้นไป", 2568)
    assert (period.start, period.end, period.warning) == (date(2025, 1, 1), None, None)


@pytest.mark.parametrize(
    "text",
    [
        "ตามแผน",
        "ภายใน 15 วัน",
        "ต่อเนื่อง",
        "2568",
        "ไตรมาส 1 และ 3",
        "ก.ย.-ต.ค.",
        "30 ก.ย. 2568 - 1 ต.ค. 2567",
        "31 ก.ย. 68",
        "29 ก.พ. 2568",
        "ม.ค., มี.ค. 68",
        "ไตรมาส 5",
        "1 ต.ค. 67 - 31 มี.ค. 68 - 30 ก.ย. 68",
        "ไตรมาส 1 (ต.ค.-ธ.ค. 67) และอื่น ๆ",
    ],
)
def test_unreadable_period_is_flagged_not_guessed(text: str) -> None:
    period = parse_period(text, 2568)
    assert period.start is None and period.end is None
    assert not period.readable
    assert period.warning is not None and period.warning.startswith("อ่านระยะเวลาไม่ได้: ")
    assert text.split()[0] in period.warning


def test_empty_period_says_it_is_missing() -> None:
    period = parse_period("  <p></p> ", 2568)
    assert period == Period(None, None, "", "ไม่ได้ระบุระยะเวลา")


def test_period_keeps_clean_text_for_display() -> None:
    period = parse_period("<p>ธันวาคม พ.ศ. ๒๕๖๗ - กันยายน พ.ศ. ๒๕๖๘</p>", 2568)
    assert period.text == "ธันวาคม พ.ศ. ๒๕๖๗ - กันยายน พ.ศ. ๒๕๖๘"


def test_period_label_and_contains() -> None:
    period = parse_period("ไตรมาส 1", 2568)
    assert period.label() == "1 ต.ค. 67 – 31 ธ.ค. 67"
    assert period.label(short=False) == "1 ตุลาคม 2567 – 31 ธันวาคม 2567"
    assert period.contains(date(2024, 11, 15))
    assert not period.contains(date(2025, 1, 1))
    assert parse_period("ภายใน 30 ก.ย. 68", 2568).label() == "ภายใน 30 ก.ย. 68"
    assert parse_period("ตามแผน", 2568).label() == "ตามแผน"
