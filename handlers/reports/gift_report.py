"""The No Gift Policy report (ITA kind ``gift_report``: o33 in 2566): the gifts and benefits
staff reported receiving within the window, and who declared receiving none in which month.

Published evidence names the staff member and their unit, as offices publish it; the
register holds no citizen's details.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from handlers.gifts.domain import NONE, GiftReport
from handlers.gifts.usecases import figures
from handlers.ita.windows import Window
from handlers.reports.model import Report, Table, with_thai_digits
from handlers.thai.dates import BE_OFFSET, MONTHS_SHORT, format_thai_date

TITLE = "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา"
NOTHING = (
    "ในช่วงเวลาดังกล่าว ไม่มีบุคลากรรายงานการรับทรัพย์สินหรือประโยชน์อื่นใด"
    "และไม่มีการแจ้งว่าไม่ได้รับทรัพย์สินหรือประโยชน์อื่นใด"
)
NO_GIFTS = "ในช่วงเวลาดังกล่าว ไม่มีบุคลากรรายงานการรับทรัพย์สินหรือประโยชน์อื่นใด"


def in_window(entries: Iterable[GiftReport], window: Window) -> list[GiftReport]:
    """Gifts received, and declarations whose month starts, from the window's start to its
    as-of date (nothing when the window has not started)."""

    def day(r: GiftReport) -> date | None:
        return r.received_on if r.is_gift else r.period_start

    if not window.started:
        return []
    return [r for r in entries if (d := day(r)) is not None and window.start <= d <= window.as_of]


def _baht(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def _month(d: date) -> str:
    return f"{MONTHS_SHORT[d.month - 1]} {str(d.year + BE_OFFSET)[-2:]}"


def _receiver(r: GiftReport) -> str:
    return f"{r.staff_name} ({r.unit})" if r.unit else r.staff_name


def _gift_table(gifts: list[GiftReport]) -> Table:
    rows = [
        (
            format_thai_date(r.received_on, short=True) if r.received_on else "",
            _receiver(r),
            r.giver,
            r.what,
            _baht(r.estimated_value),
            r.action,
        )
        for r in sorted(gifts, key=lambda r: (r.received_on or date.min, r.id or 0))
    ]
    total = sum((r.estimated_value or Decimal(0) for r in gifts), Decimal(0))
    rows.append((f"รวม {len(gifts):,} รายการ", "", "", "", _baht(total), ""))
    return Table(
        columns=(
            "วันที่ได้รับ",
            "ผู้รับ",
            "ผู้ให้",
            "สิ่งที่ได้รับ",
            "มูลค่าโดยประมาณ (บาท)",
            "การดำเนินการ",
        ),
        rows=rows,
        title="รายการรับทรัพย์สินหรือประโยชน์อื่นใด",
        widths=(1.3, 2.2, 2.0, 2.4, 1.4, 2.2),
    )


def _none_table(declared: list[GiftReport]) -> Table:
    """One row per staff member (and unit): the months they declared receiving nothing."""
    months: dict[tuple[str, str], list[date]] = {}
    for r in declared:
        if r.period_start is not None:
            months.setdefault((r.unit, r.staff_name), []).append(r.period_start)
    rows = [
        (name, unit, ", ".join(_month(m) for m in sorted(set(ms))), f"{len(set(ms)):,}")
        for (unit, name), ms in sorted(months.items())
    ]
    return Table(
        columns=("ผู้แจ้ง", "หน่วยงาน", "เดือนที่แจ้งว่าไม่ได้รับ", "จำนวนเดือน"),
        rows=rows,
        title="การแจ้งไม่มีการรับทรัพย์สินหรือประโยชน์อื่นใด",
        widths=(2.2, 2.0, 4.0, 1.0),
    )


def build(entries: Iterable[GiftReport], window: Window, thai_digits: bool = False) -> Report:
    shown = in_window(entries, window)
    gifts = [r for r in shown if r.is_gift]
    declared = [r for r in shown if r.kind == NONE]
    subtitle = f"ปีงบประมาณ พ.ศ. {window.fiscal_year}"
    tables: list[Table] = []
    notes: list[str] = []
    if not gifts and not declared:
        notes.append(NOTHING)
    else:
        if gifts:
            tables.append(_gift_table(gifts))
            notes.append("มูลค่าเป็นราคาโดยประมาณตามที่ผู้รับแจ้ง")
        else:
            notes.append(NO_GIFTS)
        if declared:
            tables.append(_none_table(declared))
    report = Report(
        title=TITLE,
        subtitle=subtitle,
        kind="gift_report",
        tables=tables,
        notes=notes,
        figures=figures(shown),
    )
    return with_thai_digits(report) if thai_digits else report
