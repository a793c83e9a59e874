"""A report as a workbook: one sheet per table, title rows on top, wrapped Thai text."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from handlers.reports.model import Report, Table

FONT = "TH SarabunPSK"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


CHARTS_SHEET = "แผนภูมิ"
# Excel's rules for a sheet title: at most 31 characters (UTF-16 units), none of these, no
# quote at either end, unique ignoring case, and "History" is its own. openpyxl refuses the
# characters; Excel refuses (or "repairs") the rest. Control characters are out too.
TITLE_MAX = 31
_NOT_IN_TITLE = re.compile(r"[\\/:?*\[\]\x00-\x1f\x7f]")
_RESERVED = {"history"}


def sheet_titles(wanted: Sequence[str], taken: Iterable[str] = ()) -> list[str]:
    """A valid, unique sheet title for each wanted name (text the office typed, such as a
    service name). The second and later are numbered by position, as readers expect."""
    used = {t.casefold() for t in taken} | _RESERVED
    out: list[str] = []
    for i, want in enumerate(wanted):
        base = " ".join(_NOT_IN_TITLE.sub(" ", want).split()).strip(" '") or "ตาราง"
        suffix = f" {i + 1}" if i else ""
        title, k = _fit(base, suffix), 1
        while title.casefold() in used:
            k += 1
            title = _fit(base, f"{suffix} ({k})")
        used.add(title.casefold())
        out.append(title)
    return out


def _fit(base: str, suffix: str) -> str:
    room = TITLE_MAX - _width(suffix)
    cut, width = [], 0
    for ch in base:
        width += _width(ch)
        if width > room:
            break
        cut.append(ch)
    return ("".join(cut).rstrip(" '") or "ตาราง") + suffix


def _width(text: str) -> int:
    """Length as Excel counts it: a character beyond the BMP (an emoji) takes two."""
    return len(text.encode("utf-16-le")) // 2


def render_xlsx(report: Report) -> bytes:
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the empty sheet a new workbook starts with
    tables: list[Table | None] = [*report.tables] or [None]
    names = sheet_titles(
        [t.title if t and t.title else report.kind or "report" for t in tables],
        taken=[CHARTS_SHEET] if report.charts else [],
    )
    for table, name in zip(tables, names, strict=True):
        ws = wb.create_sheet(name)
        ws.page_setup.orientation = "landscape" if report.landscape else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.append([report.title])
        ws.append([report.subtitle])
        ws["A1"].font = Font(name=FONT, size=18, bold=True)
        ws["A2"].font = Font(name=FONT, size=16)
        if table is None:
            continue
        ws.append([])
        ws.append(list(table.columns))
        header_row = ws.max_row
        for row in table.rows:
            ws.append(list(row))
        widths = table.widths or tuple(1.0 for _ in table.columns)
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(8.0, w * 12)
        for r in ws.iter_rows(min_row=header_row, max_row=ws.max_row, max_col=len(table.columns)):
            for cell in r:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                cell.border = BOX
                cell.font = Font(name=FONT, size=16, bold=cell.row == header_row)
                if cell.row == header_row:
                    cell.fill = PatternFill("solid", fgColor="EEEEEE")
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
        last = ws.max_row + 2
        for note in report.notes:
            ws.cell(row=last, column=1, value=note).font = Font(name=FONT, size=16)
            last += 1
    for ws in wb.worksheets:
        _as_text(ws)
    if report.charts:
        _charts(wb, report)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# Text a citizen or an office typed that a spreadsheet would run as a formula.
FORMULA_START = ("=", "+", "-", "@")


def _as_text(ws: Worksheet) -> None:
    """Every typed text stays text: openpyxl stores a string beginning with "=" as a
    formula, and Excel re-reads "+", "-", "@" as one when the cell is edited."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type = "s"
                cell.quotePrefix = True


def _charts(wb: Workbook, report: Report) -> None:
    """The report's charts as pictures on one more sheet."""
    from openpyxl.drawing.image import Image

    from bot.reports.charts import png

    ws = wb.create_sheet(CHARTS_SHEET)
    row = 1
    for chart in report.charts:
        image = Image(io.BytesIO(png(chart, dpi=96)))
        ws.add_image(image, f"A{row}")
        row += int(image.height / 20) + 2  # default rows are 20 px high
