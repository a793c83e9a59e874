"""The register of asset loans (kind ``asset_register``): every loan of a government asset
that started within the window, who borrowed it for what, and whether it came back on
time, judged as of the window's as-of date.

Requests still waiting and refused requests are not loans: they are counted in a note.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from handlers.assets.domain import APPROVED, REJECTED, REQUESTED, RETURNED, Loan
from handlers.ita.windows import Window
from handlers.reports.model import Report, Table, with_thai_digits
from handlers.thai.dates import format_thai_date

TITLE = "ทะเบียนการยืม-คืนทรัพย์สินของราชการ"
NOTHING = "ในช่วงเวลาดังกล่าว ไม่มีการยืมทรัพย์สินของราชการ"


def in_window(loans: Iterable[Loan], window: Window) -> list[Loan]:
    """Loans (approved, returned or still out) starting from the window's start to its as-of."""
    if not window.started:
        return []
    return [x for x in loans if x.status in (APPROVED, RETURNED) and window.contains(x.start_on)]


def _day(d: date | None) -> str:
    return format_thai_date(d, short=True) if d else ""


def _state(x: Loan, window: Window) -> tuple[str, str, str]:
    """(status, returned on, overdue flag) as of the window's as-of date."""
    day = window.as_of
    if x.outstanding(day):
        return "อยู่ระหว่างยืม", "", "เกินกำหนดคืน" if x.overdue(day) else ""
    return "คืนแล้ว", _day(x.returned_on), "คืนเกินกำหนด" if x.returned_late() else ""


def figures(loans: list[Loan], window: Window) -> dict[str, object]:
    day = window.as_of
    return {
        "loans": len(loans),
        "returned": sum(1 for x in loans if not x.outstanding(day)),
        "out": sum(1 for x in loans if x.outstanding(day)),
        "overdue": sum(1 for x in loans if x.overdue(day) or x.returned_late()),
    }


def build(loans: Iterable[Loan], window: Window, thai_digits: bool = False) -> Report:
    every = list(loans)
    shown = sorted(in_window(every, window), key=lambda x: (x.start_on, x.id or 0))
    rows = []
    for n, x in enumerate(shown, 1):
        status, back, late = _state(x, window)
        rows.append(
            (
                str(n),
                x.asset_label,
                f"{x.borrower_name}\n{x.unit}" if x.unit else x.borrower_name,
                _day(x.start_on),
                _day(x.due_on),
                x.purpose,
                status,
                back,
                late,
            )
        )
    tables = []
    notes = []
    if rows:
        tables.append(
            Table(
                columns=(
                    "ลำดับ",
                    "ทรัพย์สิน",
                    "ผู้ยืม/หน่วยงาน",
                    "วันที่ยืม",
                    "กำหนดคืน",
                    "วัตถุประสงค์",
                    "สถานะ",
                    "วันที่คืน",
                    "หมายเหตุ",
                ),
                rows=rows,
                title="รายการยืมทรัพย์สิน",
                widths=(0.6, 2.4, 2.0, 1.2, 1.2, 2.4, 1.3, 1.2, 1.3),
            )
        )
    else:
        notes.append(NOTHING)
    requests = [
        x for x in every if x.status in (REQUESTED, REJECTED) and window.contains(x.start_on)
    ]
    if requests:
        waiting = sum(1 for x in requests if x.status == REQUESTED)
        notes.append(
            f"ไม่รวมคำขอที่รออนุมัติ {waiting:,} รายการ และคำขอที่ไม่ได้รับอนุมัติ "
            f"{len(requests) - waiting:,} รายการ"
        )
    report = Report(
        title=TITLE,
        subtitle=f"ปีงบประมาณ พ.ศ. {window.fiscal_year}",
        kind="asset_register",
        tables=tables,
        notes=notes,
        figures=figures(shown, window),
    )
    return with_thai_digits(report) if thai_digits else report
