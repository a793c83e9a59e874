"""Reports: evidence built by kind (evidence.py, labelled by the year's ITA catalogue) and
the renderers that write a handlers.reports.model.Report as .html, .docx or .xlsx."""

from __future__ import annotations

from pathlib import Path

from handlers.reports.model import Report

FORMATS = ("html", "docx", "xlsx")
MIME = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def office_name() -> str:
    """The office printed on reports: its settings (bot/settings.py), else OFFICE_NAME or the
    office's own name in OFFICES_FILE."""
    from bot.settings import office_settings

    return office_settings().office_name


def office_address() -> str:
    from bot.settings import office_settings

    return office_settings().address


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


def write(report: Report, path: str | Path) -> None:
    Path(path).write_bytes(render(report, Path(path).suffix))


def file_name(code: str, year: int, fmt: str, thai_digits: bool = False) -> str:
    """ASCII names every browser keeps: o43-2566.docx, o43-2566-thai-digits.docx."""
    from bot.reports import filenames

    return filenames.file_name(code.lower(), year, fmt, thai_digits)
