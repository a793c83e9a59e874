"""Monitoring and results reports of one of the office's plans: the operating plan (o12/o13
in 2566), the anti-corruption plan (o37/o38) or the integrity measures.

Each item stands as it did on the window's as-of day: the newest progress reported on or
before it, overdue only when its period had ended by then. What was done lists the updates
reported within the window. Budget columns and a total appear only when some item of the
plan has a budget.
"""

from __future__ import annotations

from decimal import Decimal

from handlers.ita.catalogue import PLAN_ANTI_CORRUPTION, PLAN_INTEGRITY, PLANS
from handlers.ita.windows import Window
from handlers.measures.domain import Measure, ProgressUpdate, status_for
from handlers.measures.plans import ITEM_NOUNS
from handlers.reports.model import Report, Table, with_thai_digits
from handlers.reports.progress import (
    OVERDUE,
    average,
    baht,
    dated_lines,
    is_overdue,
    percent_on,
    period_label,
    status_word,
    within,
)

FIRST_HALF = "first_half_current_fy"
BUDGET = "งบประมาณ (บาท)"
TOTAL = "รวม"
# What the item column is called in each plan's published tables.
ITEM_COLUMNS: dict[str, str] = {
    PLAN_INTEGRITY: "มาตรการ",
    PLAN_ANTI_CORRUPTION: "โครงการ/กิจกรรม/มาตรการ",
}
DEFAULT_ITEM_COLUMN = "โครงการ/กิจกรรม"


def title_of(plan: str, window: Window, annual: bool) -> str:
    name = PLANS.get(plan, plan)
    if annual:
        return f"รายงานผลการดำเนินงานตาม{name} ประจำปี"
    rounds = " รอบ 6 เดือน" if window.name == FIRST_HALF else ""
    return f"รายงานการกำกับติดตามการดำเนินงานตาม{name}{rounds}"


def build(
    items: list[Measure],
    progress: dict[int, list[ProgressUpdate]],
    window: Window,
    plan: str,
    annual: bool = False,
    office: str = "",
    thai_digits: bool = False,
) -> Report:
    """`items`: the plan's items of window.fiscal_year; `progress`: their updates by item id.
    `annual` makes it the year's results report (o13, o38) rather than the monitoring one."""
    fy, day = window.fiscal_year, window.as_of
    budgeted = any(m.budget is not None for m in items)
    noun = ITEM_NOUNS.get(plan, "รายการ")
    columns = [
        "ที่",
        ITEM_COLUMNS.get(plan, DEFAULT_ITEM_COLUMN),
        "ผู้รับผิดชอบ",
        "ระยะเวลา",
        *([BUDGET] if budgeted else []),
        "ความคืบหน้า (ร้อยละ)",
        "สถานะ",
        "ผลการดำเนินงาน" if annual else "ผลการดำเนินงานในรอบรายงาน",
    ]
    widths = (0.6, 4.0, 1.8, 1.8, *((1.6,) if budgeted else ()), 1.2, 1.8, 4.5)
    rows: list[tuple[str, ...]] = []
    figures_items: list[dict[str, object]] = []
    percents: list[int] = []
    late = 0
    total = Decimal(0)
    for m in items:
        updates = progress.get(m.id or -1, [])
        percent = percent_on(updates, day)
        overdue = is_overdue(m, percent, day)
        percents.append(percent)
        late += overdue
        total += m.budget or 0
        status = status_word(percent) + (f" ({OVERDUE})" if overdue else "")
        budget = [baht(m.budget) if m.budget is not None else ""] if budgeted else []
        rows.append(
            (
                str(m.no),
                m.title,
                m.unit,
                period_label(m),
                *budget,
                str(percent),
                status,
                dated_lines(within(updates, window)),
            )
        )
        figures_items.append(
            {
                "no": m.no,
                "title": m.title,
                "unit": m.unit,
                "percent": percent,
                "status": status_for(percent).value,
                "overdue": overdue,
                "budget": float(m.budget) if m.budget is not None else None,
            }
        )
    if budgeted:
        rows.append(("", TOTAL, "", "", baht(total), "", "", ""))
    completed = sum(1 for p in percents if p >= 100)
    notes = [
        f"{noun}ทั้งหมด {len(items)} {noun} แล้วเสร็จ {completed} {noun} "
        f"ความคืบหน้าเฉลี่ยร้อยละ {average(percents)} เลยกำหนด {late} {noun}"
    ]
    if budgeted:
        notes.append(f"งบประมาณรวม {baht(total)} บาท")
    report = Report(
        kind="plan_results" if annual else "plan_progress",
        title=title_of(plan, window, annual),
        subtitle=f"{office + ' ' if office else ''}ปีงบประมาณ พ.ศ. {fy}",
        tables=[Table(tuple(columns), rows, widths=widths)],
        notes=notes,
        figures={
            "fiscal_year": fy,
            "plan": plan,
            "measures": len(items),
            "completed": completed,
            "overdue": late,
            "average_percent": average(percents),
            "budget_total": float(total) if budgeted else None,
            "items": figures_items,
        },
    )
    return with_thai_digits(report) if thai_digits else report
