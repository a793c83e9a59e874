"""o29: complaint statistics for the year — general complaints and corruption reports
separately, received / in progress / done, by category and by month, for the first six
months and the whole fiscal year. Counts only: nothing of a sealed case's content."""

from __future__ import annotations

from collections.abc import Iterable

from handlers.complaints import categories
from handlers.complaints.policy import restricted_codes
from handlers.complaints.stats import Counts, fiscal_months
from handlers.reports.model import Report, Table, with_thai_digits
from handlers.thai.dates import (
    MONTHS_FULL,
    first_half_bounds,
    fiscal_year_bounds,
    format_thai_date,
)

GENERAL = "เรื่องร้องเรียนทั่วไป"
CORRUPTION = "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"
STATUS_COLUMNS = (
    "รับเรื่อง",
    "อยู่ระหว่างดำเนินการ",
    "ดำเนินการแล้วเสร็จ",
    "ไม่รับพิจารณา",
    "ส่งต่อหน่วยงานอื่น",
)


def build(
    rows: Iterable[tuple[str, str, int, int]],
    fiscal_year: int,
    office: str = "",
    thai_digits: bool = False,
    half_rows: Iterable[tuple[str, str, int, int]] | None = None,
    year_final: bool = False,
) -> Report:
    """`rows` are the store's (status, category, yyyymm, n) for the fiscal year: statuses as
    of its end when `year_final`, else as of today. `half_rows`, when given, are the first
    six months' cases with the statuses they had on 31 March (the round has ended)."""
    counts = Counts(tuple(rows))
    half_counts = Counts(tuple(half_rows)) if half_rows is not None else counts
    sealed = set(restricted_codes())
    months = fiscal_months(fiscal_year)
    first_half = set(months[:6])
    half_end = first_half_bounds(fiscal_year)[1]
    year_end = fiscal_year_bounds(fiscal_year)[1]

    def kind_of(cat: str) -> bool:
        return cat in sealed

    summary_rows = []
    for label, is_corruption in ((GENERAL, False), (CORRUPTION, True)):
        for period, months_in, source in (
            ("รอบ 6 เดือน (ต.ค. – มี.ค.)", first_half, half_counts),
            ("ทั้งปีงบประมาณ", set(months), counts),
        ):

            def pick(
                st: str,
                cat: str,
                m: int,
                months_in: set[int] = months_in,
                want: bool = is_corruption,
            ) -> bool:
                return kind_of(cat) == want and m in months_in

            by = source.by(lambda st, cat, m: st, pick)
            summary_rows.append(
                (
                    label,
                    period,
                    _n(sum(by.values())),
                    _n(by.get("received", 0) + by.get("in_progress", 0)),
                    _n(by.get("resolved", 0)),
                    _n(by.get("rejected", 0)),
                    _n(by.get("forwarded", 0)),
                )
            )

    cat_rows = []
    for c in categories.by_code().values():

        def in_half(st: str, cat: str, m: int, code: str = c.code) -> bool:
            return cat == code and m in first_half

        def in_year(st: str, cat: str, m: int, code: str = c.code) -> bool:
            return cat == code

        def done_in_year(st: str, cat: str, m: int, code: str = c.code) -> bool:
            return cat == code and st == "resolved"

        half = half_counts.total(in_half)
        year = counts.total(in_year)
        done = counts.total(done_in_year)
        name = c.name_th + (" (ช่องทางแยก ปกปิดผู้แจ้ง)" if c.code in sealed else "")
        cat_rows.append((name, _n(half), _n(year), _n(done)))

    month_rows = []
    for m in months:

        def general_in(st: str, cat: str, mm: int, m: int = m) -> bool:
            return mm == m and cat not in sealed

        def corrupt_in(st: str, cat: str, mm: int, m: int = m) -> bool:
            return mm == m and cat in sealed

        def done_in(st: str, cat: str, mm: int, m: int = m) -> bool:
            return mm == m and st == "resolved"

        general = counts.total(general_in)
        corrupt = counts.total(corrupt_in)
        done = counts.total(done_in)
        month_rows.append(
            (
                f"{MONTHS_FULL[m % 100 - 1]} {m // 100 + 543}",
                _n(general),
                _n(corrupt),
                _n(general + corrupt),
                _n(done),
            )
        )
    total_general = counts.total(lambda st, cat, m: cat not in sealed)
    total_corrupt = counts.total(lambda st, cat, m: cat in sealed)
    month_rows.append(
        (
            "รวม",
            _n(total_general),
            _n(total_corrupt),
            _n(total_general + total_corrupt),
            _n(counts.total(lambda st, cat, m: st == "resolved")),
        )
    )

    report = Report(
        title=f"รายงานสถิติเรื่องร้องเรียน ประจำปีงบประมาณ พ.ศ. {fiscal_year}",
        subtitle=office,
        kind="o29",
        tables=[
            Table(
                columns=("ประเภทเรื่อง", "ช่วงเวลา", *STATUS_COLUMNS),
                rows=summary_rows,
                title="สรุปผลการดำเนินการเรื่องร้องเรียน",
                widths=(3.2, 2.4, 1.2, 1.6, 1.6, 1.4, 1.6),
            ),
            Table(
                columns=("ประเภทเรื่องร้องเรียน", "รอบ 6 เดือน", "ทั้งปี", "แล้วเสร็จ (ทั้งปี)"),
                rows=cat_rows,
                title="จำแนกตามประเภทเรื่อง",
                widths=(4.0, 1.4, 1.4, 1.6),
            ),
            Table(
                columns=("เดือน", "ทั่วไป", "การทุจริต", "รวม", "แล้วเสร็จ"),
                rows=month_rows,
                title="จำแนกรายเดือน",
                widths=(2.6, 1.2, 1.2, 1.2, 1.2),
            ),
        ],
        notes=[
            f"รอบ 6 เดือน คือ 1 ตุลาคม {fiscal_year - 1} – {format_thai_date(half_end)}",
            "สถานะรอบ 6 เดือน ณ "
            + (format_thai_date(half_end) if half_rows is not None else "วันที่จัดทำรายงาน")
            + " สถานะทั้งปี ณ "
            + (format_thai_date(year_end) if year_final else "วันที่จัดทำรายงาน")
            + "; อยู่ระหว่างดำเนินการ = รับเรื่องแล้วหรือกำลังดำเนินการ",
            "เรื่องร้องเรียนการทุจริตรับผ่านช่องทางแยกและปกปิดข้อมูลผู้แจ้ง รายงานนี้แสดงเฉพาะจำนวน",
        ],
    )
    return with_thai_digits(report) if thai_digits else report


def _n(n: int) -> str:
    return f"{n:,}"
