"""The analysis document (kind ``analysis``) in the seeds' layout: per issue a table of its
IIT, EIT and OIT items with the year's score (and last year's), the admin's analysis
paragraph as the table's last row (seed 002 prints it inside the table, line 151), then
the limitations (ข้อจำกัด) at the end. Items without a score are left out, not padded."""

from __future__ import annotations

from decimal import Decimal

from handlers.ita.analysis import Analysis, IssueResult
from handlers.reports.model import Report, Table

TITLE = "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"
LIMITATIONS_HEADING = "การวิเคราะห์ข้อจำกัดของหน่วยงานในการดำเนินการประเมินคุณธรรมและความโปร่งใส"
ANALYSIS_ROW = "ผลการวิเคราะห์"


def build(analysis: Analysis, paragraphs: dict[int, str], limitations: str) -> Report:
    title = f"{TITLE} ประจำปีงบประมาณ พ.ศ. {analysis.year}"
    if not analysis.scored:
        return Report(title=title, notes=[f"ยังไม่มีคะแนน ITA ของปีงบประมาณ พ.ศ. {analysis.year}"])
    compare = any(i.previous is not None for issue in analysis.issues for i in issue.items)
    tables = [
        t
        for issue in analysis.issues
        if (t := _table(issue, analysis, compare, paragraphs.get(issue.no, "").strip()))
    ]
    notes = [f"{LIMITATIONS_HEADING}\n{limitations.strip()}"] if limitations.strip() else []
    return Report(
        title=title,
        intro=[
            f"วิเคราะห์ผลการประเมินเป็น 7 ประเด็น ข้อที่ได้ต่ำกว่า {_points(analysis.threshold)} คะแนน"
            " และข้อของแบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT) ที่ได้ 0 คะแนน ทำเครื่องหมาย ▲ ไว้"
        ],
        tables=tables,
        notes=notes,
        figures=analysis.as_json(),
    )


def _table(issue: IssueResult, analysis: Analysis, compare: bool, paragraph: str) -> Table | None:
    rows: list[tuple[str, ...]] = []
    for item in issue.items:
        if item.score is None:
            continue
        score = _points(item.score) + (" ▲" if item.flagged else "")
        row: tuple[str, ...] = (item.instrument, f"{item.code} {item.title}".strip(), score)
        if compare:
            row += (_points(item.previous) if item.previous is not None else "—",)
        rows.append(row)
    if not rows and not paragraph:
        return None
    if paragraph:
        rows.append((ANALYSIS_ROW, paragraph, "", "") if compare else (ANALYSIS_ROW, paragraph, ""))
    columns: tuple[str, ...] = ("แบบวัด", "ข้อคำถาม / รายการ", f"คะแนนปี {analysis.year}")
    widths: tuple[float, ...] = (1.2, 8, 1.5)
    if compare:
        columns += (f"คะแนนปี {analysis.previous_year}",)
        widths += (1.5,)
    return Table(columns, rows, title=f"ประเด็นที่ {issue.no} {issue.title}", widths=widths)


def _points(value: Decimal) -> str:
    return f"{value:.2f}"
