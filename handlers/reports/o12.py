"""o12 (6-month) and o13 (annual) progress reports on the measures.

Progress counts as it stood at the end of the period: updates after it are left out, so a
report printed in May still shows the first half as it was on 31 March.
"""

from __future__ import annotations

from handlers.clock import local_date
from handlers.measures.domain import Measure, ProgressUpdate, status_for
from handlers.reports.model import Report, Table, with_thai_digits
from handlers.reports.o43 import period_label
from handlers.thai.dates import first_half_bounds, fiscal_year_bounds, format_thai_date

COLUMNS = (
    "ที่",
    "มาตรการ",
    "ผู้รับผิดชอบ",
    "ระยะเวลา",
    "ความคืบหน้า (%)",
    "สถานะ",
    "ผลการดำเนินงานในรอบรายงาน",
)
WIDTHS = (0.6, 4.0, 1.8, 1.8, 1.2, 1.6, 4.5)


def build(
    measures: list[Measure],
    progress: dict[int, list[ProgressUpdate]],
    fiscal_year: int,
    office: str = "",
    thai_digits: bool = False,
    annual: bool = False,
) -> Report:
    start, end = fiscal_year_bounds(fiscal_year) if annual else first_half_bounds(fiscal_year)
    rows = []
    percents: list[int] = []
    overdue = 0
    for m in measures:
        within = [
            u for u in progress.get(m.id or -1, []) if start <= local_date(u.created_at) <= end
        ]
        percent = within[-1].percent if within else 0
        percents.append(percent)
        late = m.period_end is not None and m.period_end <= end and percent < 100
        overdue += late
        status = status_for(percent).thai + (" (เลยกำหนด)" if late else "")
        done = "\n".join(
            f"{format_thai_date(local_date(u.created_at), short=True)}: {u.done}"
            for u in within
            if u.done
        )
        rows.append(
            (
                str(m.no),
                m.short_title if len(m.title) > 200 else m.title,
                m.unit or "-",
                period_label(m),
                str(percent),
                status,
                done or "-",
            )
        )
    total = len(measures)
    average = round(sum(percents) / total, 1) if total else 0.0
    which = "ประจำปี" if annual else "รอบ 6 เดือน"
    report = Report(
        kind="o13" if annual else "o12",
        title=f"รายงานการกำกับติดตามการดำเนินงานตามมาตรการ {which}",
        subtitle=(
            f"{office + ' ' if office else ''}ปีงบประมาณ พ.ศ. {fiscal_year} "
            f"({format_thai_date(start)} – {format_thai_date(end)})"
        ).strip(),
        tables=[Table(COLUMNS, rows, widths=WIDTHS)],
        notes=[
            f"มาตรการทั้งหมด {total} มาตรการ แล้วเสร็จ "
            f"{sum(1 for p in percents if p >= 100)} มาตรการ "
            f"ความคืบหน้าเฉลี่ยร้อยละ {average} เลยกำหนด {overdue} มาตรการ",
            f"ข้อมูล ณ วันที่ {format_thai_date(end)}",
        ],
    )
    return with_thai_digits(report) if thai_digits else report
