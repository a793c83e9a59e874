"""o43: the report of what was done for each measure (รายงานผลการดำเนินการตามมาตรการ).

Columns as offices publish them: มาตรการ/แนวทาง, ขั้นตอนหรือวิธีการปฏิบัติ, ผู้รับผิดชอบ,
ระยะเวลา, สรุปผลการดำเนินการ, ผลลัพธ์. The summary comes from staff progress updates (each
dated), or from the imported document's own result column when nobody reported yet.
"""

from __future__ import annotations

from handlers.clock import local_date
from handlers.measures.domain import Measure, ProgressUpdate
from handlers.reports.model import Report, Table, with_thai_digits
from handlers.thai.dates import format_thai_date
from handlers.thai.periods import Period

COLUMNS = (
    "มาตรการ/แนวทาง",
    "ขั้นตอนหรือวิธีการปฏิบัติ",
    "ผู้รับผิดชอบ",
    "ระยะเวลา",
    "สรุปผลการดำเนินการ",
    "ผลลัพธ์",
)
WIDTHS = (3.0, 4.0, 1.6, 1.6, 3.4, 3.0)


def period_label(m: Measure) -> str:
    if m.period_start is None and m.period_end is None:
        return m.period_text or "-"
    return Period(m.period_start, m.period_end, m.period_text).label(short=True)


def done_text(m: Measure, updates: list[ProgressUpdate]) -> str:
    lines = [
        f"{format_thai_date(local_date(u.created_at), short=True)}: {u.done} ({u.percent}%)"
        for u in updates
        if u.done
    ]
    if not lines and m.result:
        return m.result
    return "\n".join(lines) or "ยังไม่มีการรายงานผล"


def outcome_text(m: Measure, updates: list[ProgressUpdate]) -> str:
    outcomes = [u.outcome for u in updates if u.outcome]
    percent = updates[-1].percent if updates else None
    parts = outcomes or ([m.outcome] if m.outcome else [])
    if percent is not None:
        parts.append(f"ความคืบหน้า {percent}%")
    return "\n".join(parts) or "-"


def measure_title(m: Measure) -> str:
    issue = f"ประเด็น: {m.issue}\n" if m.issue else ""
    return f"{issue}{m.no}. {m.title}"


def build(
    measures: list[Measure],
    progress: dict[int, list[ProgressUpdate]],
    fiscal_year: int,
    office: str = "",
    thai_digits: bool = False,
) -> Report:
    rows = []
    for m in measures:
        updates = progress.get(m.id or -1, [])
        rows.append(
            (
                measure_title(m),
                m.steps or "-",
                m.unit or "-",
                period_label(m),
                done_text(m, updates),
                outcome_text(m, updates),
            )
        )
    done = sum(1 for m in measures if m.completed)
    report = Report(
        kind="o43",
        title="รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        subtitle=f"{office + ' ' if office else ''}ประจำปีงบประมาณ พ.ศ. {fiscal_year}".strip(),
        tables=[Table(COLUMNS, rows, widths=WIDTHS)],
        notes=[f"มาตรการทั้งหมด {len(measures)} มาตรการ ดำเนินการแล้วเสร็จ {done} มาตรการ"],
    )
    return with_thai_digits(report) if thai_digits else report
