"""Reports: the table of report kinds with their builders, and the renderers."""

# A builder (complaints.py, measures.py, satisfaction.py) turns the database into a
# handlers.reports.model.Report; a renderer writes that Report as .html, .docx or .xlsx.

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.reports import complaints, measures, satisfaction
from bot.reports.request import Builder
from handlers.reports.model import Report


@dataclass(frozen=True)
class ReportKind:
    kind: str
    label: str
    build: Builder


REPORTS: dict[str, ReportKind] = {
    k.kind: k
    for k in (
        ReportKind("o12", "o12 รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน", measures.build_o12),
        ReportKind("o13", "o13 รายงานผลการดำเนินงานประจำปี", measures.build_o13),
        ReportKind("o16", "o16 รายงานสถิติการให้บริการ", satisfaction.build_o16),
        ReportKind("o17", "o17 รายงานผลการสำรวจความพึงพอใจการให้บริการ", satisfaction.build_o17),
        ReportKind("o29", "o29 สถิติเรื่องร้องเรียน (ทั่วไปและการทุจริต)", complaints.build_o29),
        ReportKind(
            "o43",
            "o43 รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
            measures.build_o43,
        ),
    )
}


def office_name() -> str:
    """The office printed on reports (OFFICE_NAME, or the office's own in OFFICES_FILE)."""
    from flask import current_app, has_app_context

    return str(current_app.config.get("OFFICE_NAME", "")) if has_app_context() else ""


def render(report: Report, fmt: str) -> bytes:
    """The report as the bytes of an .html, .docx or .xlsx file."""
    fmt = fmt.lower().lstrip(".")
    if fmt == "html":
        from bot.reports.html import render_html

        return render_html(report).encode("utf-8")
    if fmt == "docx":
        from bot.reports.docx import render_docx

        return render_docx(report)
    if fmt == "xlsx":
        from bot.reports.xlsx import render_xlsx

        return render_xlsx(report)
    raise ValueError(f"unknown report format {fmt!r}")


FORMATS = ("html", "docx", "xlsx")
MIME = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def write(report: Report, path: str | Path) -> None:
    Path(path).write_bytes(render(report, Path(path).suffix))
