"""Reports: builders by kind (o12, o13, o43 here; other areas add theirs) and renderers.

A builder turns the database into a handlers.reports.model.Report; a renderer writes that
Report as .html, .docx or .xlsx. Other report kinds register with `register(...)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.db.store import SqlStore
from handlers.reports.model import Report


@dataclass(frozen=True)
class ReportRequest:
    store: SqlStore
    fiscal_year: int
    now: datetime
    thai_digits: bool = False
    office: str = ""


Builder = Callable[[ReportRequest], Report]


@dataclass(frozen=True)
class ReportKind:
    kind: str
    label: str
    build: Builder


REPORTS: dict[str, ReportKind] = {}


def register(kind: str, label: str, build: Builder) -> None:
    REPORTS[kind] = ReportKind(kind, label, build)


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


# The measure reports (issue 4) register on import.
from bot.reports import complaints as _complaints  # noqa: E402,F401  (o29, issue 6)
from bot.reports import measures as _measures  # noqa: E402,F401
from bot.reports import satisfaction as _satisfaction  # noqa: E402,F401  (o16, o17, issue 5)
