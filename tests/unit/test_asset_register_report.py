"""The asset_register evidence: loans starting in the window, judged as of its as-of date."""

from __future__ import annotations

from datetime import UTC, date, datetime

from handlers.assets.domain import Loan
from handlers.ita.windows import Window
from handlers.reports.asset_register import NOTHING, build

AT = datetime(2025, 10, 1, tzinfo=UTC)
WINDOW = Window("current_fy", 2569, date(2025, 10, 1), date(2026, 9, 30), date(2026, 3, 15))


def loan(
    n: int, start: date, due: date, status: str, back: datetime | None = None, who: str = "สมหญิง"
) -> Loan:
    return Loan(
        id=n,
        asset_id=1,
        borrower_id=n,
        borrower_name=who,
        unit="กองคลัง",
        start_on=start,
        due_on=due,
        purpose=f"งาน {n}",
        created_at=AT,
        status=status,
        returned_at=back,
        asset_name="เครื่องฉายภาพ",
        asset_code="7430-001-0001",
    )


LOANS = [
    loan(1, date(2025, 9, 30), date(2025, 10, 2), "approved"),  # before the window
    # Returned two days late (9 Oct, 09:00 in Bangkok).
    loan(2, date(2025, 10, 5), date(2025, 10, 7), "returned", datetime(2025, 10, 9, 2, tzinfo=UTC)),
    loan(3, date(2026, 3, 1), date(2026, 3, 5), "approved"),  # still out, overdue on 15 March
    # Returned on 18 March, after the as-of date: out on 15 March, not yet due.
    loan(4, date(2026, 3, 10), date(2026, 3, 20), "returned", datetime(2026, 3, 18, 2, tzinfo=UTC)),
    loan(5, date(2026, 3, 16), date(2026, 3, 17), "approved"),  # after the as-of date
    loan(6, date(2026, 2, 1), date(2026, 2, 2), "requested"),
    loan(7, date(2026, 2, 1), date(2026, 2, 2), "rejected"),
]


def test_the_register_keeps_to_the_window_and_judges_as_of_its_date() -> None:
    report = build(LOANS, WINDOW)
    (table,) = report.tables
    assert [r[5] for r in table.rows] == ["งาน 2", "งาน 3", "งาน 4"]
    assert [r[0] for r in table.rows] == ["1", "2", "3"]
    assert table.rows[0][1:5] == (
        "เครื่องฉายภาพ เลขที่ 7430-001-0001",
        "สมหญิง\nกองคลัง",
        "5 ต.ค. 68",
        "7 ต.ค. 68",
    )
    assert [r[6:] for r in table.rows] == [
        ("คืนแล้ว", "9 ต.ค. 68", "คืนเกินกำหนด"),
        ("อยู่ระหว่างยืม", "", "เกินกำหนดคืน"),
        ("อยู่ระหว่างยืม", "", ""),
    ]
    assert report.figures == {"loans": 3, "returned": 1, "out": 2, "overdue": 2}
    assert report.notes == ["ไม่รวมคำขอที่รออนุมัติ 1 รายการ และคำขอที่ไม่ได้รับอนุมัติ 1 รายการ"]


def test_a_window_without_loans_says_so_and_thai_digits_are_offered() -> None:
    early = Window("current_fy", 2569, date(2025, 10, 1), date(2026, 9, 30), date(2025, 10, 4))
    empty = build(LOANS, early)
    assert empty.tables == [] and empty.notes == [NOTHING]
    assert empty.figures == {"loans": 0, "returned": 0, "out": 0, "overdue": 0}
    thai = build(LOANS, WINDOW, thai_digits=True)
    assert thai.tables[0].rows[0][3] == "๕ ต.ค. ๖๘"
