"""Service statistics (ITA kind ``service_stats``: o16 in 2566, o15 in 2564, O11 in 2568): how
many people each service served, month by month, from the counts staff record each month.

A month nobody recorded is left blank, not shown as 0: the office has not said it served
nobody, only not yet entered the figure. Totals count such a month as 0.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from handlers.ita.windows import Window
from handlers.reports.model import Report, Table, with_thai_digits
from handlers.satisfaction.services import Service
from handlers.thai.dates import (
    BE_OFFSET,
    MONTHS_FULL,
    MONTHS_SHORT,
    fiscal_year,
    fiscal_year_bounds,
    format_thai_date,
)
from handlers.thai.digits import thai_to_arabic

TITLE = "ข้อมูลสถิติการให้บริการ"
NOTHING_RECORDED = "ยังไม่มีการบันทึกสถิติการให้บริการในช่วงเวลาดังกล่าว"


@dataclass(frozen=True)
class ServiceCount:
    """How many people a service served in one month (``month`` is its first day)."""

    service_code: str
    month: date
    count: int


class ServiceCountStore(Protocol):
    """The monthly counts staff entered (bot/db/services/store.py)."""

    def counts_between(self, first: date, last: date) -> list[ServiceCount]:
        """Counts of the months from `first` to `last` (first days of months), inclusive."""
        ...


# --- months -------------------------------------------------------------------------------

_MONTH_RE = re.compile(r"^\s*(\d{4})\s*[-/]\s*(\d{1,2})\s*$")


def parse_month(text: str) -> date:
    """The first day of a month written "2569-11" (BE), "2026-11" (CE, any year below 2400)
    or with Thai digits "๒๕๖๙-๑๑". ValueError with a Thai message otherwise."""
    found = _MONTH_RE.match(thai_to_arabic(text))
    if not found:
        raise ValueError(f"เดือน “{text}” ไม่ถูกต้อง: ระบุเป็น ปี พ.ศ.-เดือน เช่น 2569-11")
    year, month = int(found[1]), int(found[2])
    be = year if year >= 2400 else year + BE_OFFSET
    if not 1 <= month <= 12:
        raise ValueError(f"เดือน “{text}” ไม่ถูกต้อง: เดือนต้องเป็น 1 ถึง 12")
    if not 2500 <= be <= 2700:
        raise ValueError(f"ปี “{found[1]}” ไม่ถูกต้อง: ระบุเป็นปี พ.ศ. เช่น 2569")
    return date(be - BE_OFFSET, month, 1)


def month_key(month: date) -> str:
    """ "2025-01": the CE year-month key of the figures."""
    return f"{month.year:04d}-{month.month:02d}"


def month_label(month: date) -> str:
    """ "ม.ค. 68", a column heading."""
    return f"{MONTHS_SHORT[month.month - 1]} {str(month.year + BE_OFFSET)[-2:]}"


def months_between(first: date, last: date) -> list[date]:
    """First days of every month from the month of `first` to that of `last`, inclusive."""
    out: list[date] = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def window_months(window: Window) -> list[date]:
    """The months a report of the window shows: from its start to the month of its as-of
    date (none when it has not started; later months have nothing to show yet)."""
    return months_between(window.start, window.as_of) if window.started else []


def fiscal_months(fy: int) -> list[date]:
    """October … September of a fiscal year (BE)."""
    return months_between(*fiscal_year_bounds(fy))


def quarter_of(month: date) -> tuple[int, int]:
    """(fiscal year BE, quarter 1–4); quarter 1 is October–December."""
    return fiscal_year(month), (month.month - 10) % 12 // 3 + 1


# --- figures ------------------------------------------------------------------------------


def figures(
    counts: Iterable[ServiceCount], months: Sequence[date], order: Sequence[str] = ()
) -> dict[str, object]:
    """{"total", "by_service", "by_month"} of the counts inside `months`: every month of
    `months` (0 when nothing was recorded), every service that has a record, in `order`
    first and then by code."""
    shown = set(months)
    by_month = {month_key(m): 0 for m in months}
    by_service: dict[str, int] = {}
    for c in counts:
        if c.month in shown:
            by_month[month_key(c.month)] += c.count
            by_service[c.service_code] = by_service.get(c.service_code, 0) + c.count
    return {
        "total": sum(by_month.values()),
        "by_service": {code: by_service[code] for code in _ordered(by_service, order)},
        "by_month": by_month,
    }


def _ordered(codes: Iterable[str], order: Sequence[str]) -> list[str]:
    rank = {code: i for i, code in enumerate(order)}
    return sorted(codes, key=lambda code: (rank.get(code, len(rank)), code))


# --- the report ---------------------------------------------------------------------------


def _n(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def _sum(values: Iterable[int | None]) -> int | None:
    """The sum of what was recorded; None when nothing was."""
    got = [v for v in values if v is not None]
    return sum(got) if got else None


def build(
    counts: Iterable[ServiceCount],
    services: Sequence[Service],
    window: Window,
    thai_digits: bool = False,
) -> Report:
    """The service × month table of the window (up to its as-of date), totals per service and
    per month, and a quarter table when the months shown span more than one quarter."""
    months = window_months(window)
    shown = set(months)
    cells: dict[str, dict[date, int]] = {}
    for c in counts:
        if c.month in shown:
            cells.setdefault(c.service_code, {})[c.month] = c.count
    order = [s.code for s in sorted(services, key=lambda s: (s.order, s.code))]
    names = {s.code: s.name for s in services}
    data = figures(
        (ServiceCount(code, m, n) for code, by in cells.items() for m, n in by.items()),
        months,
        order,
    )
    subtitle = f"จำนวนผู้รับบริการจำแนกตามงานบริการ ปีงบประมาณ พ.ศ. {window.fiscal_year}"
    if not cells:
        report = Report(
            title=TITLE,
            subtitle=subtitle,
            kind="service_stats",
            notes=[NOTHING_RECORDED],
            figures=data,
        )
        return with_thai_digits(report) if thai_digits else report

    codes = _ordered(cells, order)
    grid = {code: [cells[code].get(m) for m in months] for code in codes}
    month_totals = [_sum(grid[code][i] for code in codes) for i in range(len(months))]
    rows = [
        (names.get(code, code), *(_n(v) for v in grid[code]), _n(_sum(grid[code])))
        for code in codes
    ]
    rows.append(("รวม", *(_n(v) for v in month_totals), _n(_sum(month_totals))))
    tables = [
        Table(
            columns=("งานบริการ", *(month_label(m) for m in months), "รวม"),
            rows=rows,
            title="จำนวนผู้รับบริการ (ราย) จำแนกตามงานบริการและเดือน",
            widths=(4.0, *([1.0] * len(months)), 1.2),
        )
    ]
    quarters = sorted({quarter_of(m) for m in months})
    if len(quarters) > 1:
        tables.append(_quarter_table(months, quarters, codes, names, grid, month_totals))

    notes = ["นับจากจำนวนผู้รับบริการที่หน่วยงานบันทึกเป็นรายเดือน"]
    if any(v is None for code in codes for v in grid[code]):
        notes.append("ช่องว่าง หมายถึง เดือนที่ยังไม่มีการบันทึกจำนวนผู้รับบริการของงานนั้น")
    last = months[-1]
    if not window.complete and window.as_of.month == last.month:
        notes.append(
            f"ข้อมูลเดือน{MONTHS_FULL[last.month - 1]} {last.year + BE_OFFSET}"
            f" นับถึงวันที่ {format_thai_date(window.as_of)}"
        )
    report = Report(
        title=TITLE,
        subtitle=subtitle,
        kind="service_stats",
        tables=tables,
        notes=notes,
        figures=data,
    )
    return with_thai_digits(report) if thai_digits else report


def _quarter_table(
    months: Sequence[date],
    quarters: Sequence[tuple[int, int]],
    codes: Sequence[str],
    names: dict[str, str],
    grid: dict[str, list[int | None]],
    month_totals: Sequence[int | None],
) -> Table:
    """Each service's sum per fiscal quarter; a quarter cut by the window names its months."""
    members = [[i for i, m in enumerate(months) if quarter_of(m) == q] for q in quarters]
    several_years = len({fy for fy, _ in quarters}) > 1
    headings = []
    for (fy, q), idx in zip(quarters, members, strict=True):
        text = f"ไตรมาส {q}" + (f"/{fy}" if several_years else "")
        if len(idx) < 3:
            first, last = months[idx[0]], months[idx[-1]]
            span = (
                month_label(first) if first == last else f"{month_label(first)}–{month_label(last)}"
            )
            text += f" ({span})"
        headings.append(text)

    def row(label: str, values: Sequence[int | None]) -> tuple[str, ...]:
        per_quarter = [_sum(values[i] for i in idx) for idx in members]
        return (label, *(_n(v) for v in per_quarter), _n(_sum(values)))

    rows = [row(names.get(code, code), grid[code]) for code in codes]
    rows.append(row("รวม", month_totals))
    return Table(
        columns=("งานบริการ", *headings, "รวม"),
        rows=rows,
        title="จำนวนผู้รับบริการ (ราย) จำแนกตามงานบริการและไตรมาส",
        widths=(4.0, *([1.4] * len(quarters)), 1.2),
    )
