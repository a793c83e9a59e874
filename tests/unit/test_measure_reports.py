"""The content of o43 and o12: what staff reported, as it stood at the end of the period."""

from __future__ import annotations

from datetime import UTC, date, datetime

from handlers.measures.domain import Measure, ProgressUpdate
from handlers.reports import o12, o43


def _m(no: int, end: date, result: str = "") -> Measure:
    return Measure(
        fiscal_year=2568,
        no=no,
        id=no,
        title=f"มาตรการ {no}",
        unit="สำนักปลัด",
        period_start=date(2024, 10, 1),
        period_end=end,
        result=result,
    )


def _u(mid: int, percent: int, day: datetime, done: str, outcome: str = "") -> ProgressUpdate:
    return ProgressUpdate(
        measure_id=mid, percent=percent, done=done, created_at=day, outcome=outcome
    )


MEASURES = [_m(1, date(2025, 3, 31)), _m(2, date(2025, 9, 30), result="ผลจากเอกสาร")]
PROGRESS = {
    1: [
        _u(1, 50, datetime(2025, 1, 15, 3, tzinfo=UTC), "อบรมรุ่นแรก", "ผ่าน 40 คน"),
        _u(1, 100, datetime(2025, 5, 2, 3, tzinfo=UTC), "อบรมรุ่นสอง"),
    ],
}


def test_o43_lists_dated_work_outcomes_and_falls_back_to_the_document() -> None:
    report = o43.build(MEASURES, PROGRESS, 2568, office="เทศบาลตำบลโคกสูง")
    [table] = report.tables
    assert table.columns == o43.COLUMNS
    first, second = table.rows
    assert first[4] == "15 ม.ค. 68: อบรมรุ่นแรก (50%)\n2 พ.ค. 68: อบรมรุ่นสอง (100%)"
    assert first[5] == "ผ่าน 40 คน\nความคืบหน้า 100%"
    assert second[4] == "ผลจากเอกสาร"
    assert report.subtitle == "เทศบาลตำบลโคกสูง ประจำปีงบประมาณ พ.ศ. 2568"


def test_o12_counts_progress_up_to_31_march_only() -> None:
    report = o12.build(MEASURES, PROGRESS, 2568)
    first, second = report.tables[0].rows
    assert first[4] == "50" and first[5] == "กำลังดำเนินการ (เลยกำหนด)"
    assert "อบรมรุ่นสอง" not in first[6]
    assert second[4] == "0" and second[6] == "-"
    assert "เลยกำหนด 1 มาตรการ" in report.notes[0]
    annual = o12.build(MEASURES, PROGRESS, 2568, annual=True)
    assert annual.tables[0].rows[0][4] == "100" and annual.kind == "o13"


def test_thai_digits_option_converts_every_number() -> None:
    report = o12.build(MEASURES, PROGRESS, 2568, thai_digits=True)
    assert report.tables[0].rows[0][4] == "๕๐"
    assert "๒๕๖๘" in report.subtitle and not any(c.isdigit() and c < "๐" for c in report.title)
