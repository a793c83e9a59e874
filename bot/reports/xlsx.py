"""A report as a workbook: one sheet per table under the office, title, period and as-of
rows; numbers as numbers; the photos' captions and the signature lines at the end."""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bot.reports.layout import (
    IMAGES_HEADING,
    content_widths,
    header_lines,
    heading,
    signature_lines,
    text_width,
)
from handlers.reports.model import Report, Table
from handlers.thai.digits import thai_to_arabic

FONT = "TH SarabunPSK"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
# A Thai character of TH SarabunPSK 16 pt takes about this many of Excel's width units.
UNITS_PER_CHAR = 1.4
LINE_HEIGHT = 24.0  # points, one line of 16 pt text
WIDE_COLUMN = 60.0  # a sheet with no table: one column wide enough for its lines


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


# A number written in a report: "1,234", "๑๒", "45.5"; never signed ("-2" and "+1" are what
# a person typed, and stay text), never with a leading zero ("0812345678" is a phone).
_NUMBER = r"(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)(?:\.\d+)?"
_IS_NUMBER = re.compile(_NUMBER)
_IS_PERCENT = re.compile(rf"ร้อยละ\s*({_NUMBER})|({_NUMBER})\s*%")
# Excel's number format prefix for Thai digits (numeral system 0D, Thai 041E): a cell the
# report wrote as "๑๒" shows as ๑๒, not 12.
THAI_DIGITS_FORMAT = "[$-D00041E]"
# Excel keeps 15 significant digits; a longer digit string is an identifier, not a number.
MAX_DIGITS = 15


def cell_value(text: str) -> tuple[str | int | float, str | None]:
    """The value a report cell is written as, with its number format: a number or a
    percentage as a number shown as the report wrote it (decimals kept; thousands
    grouped), anything else the text itself (None: no format)."""
    plain = thai_to_arabic(text.strip())
    thai = plain != text.strip()
    percent = _IS_PERCENT.fullmatch(plain)
    written = (percent.group(1) or percent.group(2)) if percent else plain
    if not (percent or _IS_NUMBER.fullmatch(plain)):
        return text, None
    digits = written.replace(",", "")
    whole, _, decimals = digits.partition(".")
    if len(whole) + len(decimals) > MAX_DIGITS:
        return text, None
    places = "." + "0" * len(decimals) if decimals else ""
    value: int | float
    if percent:
        value = float(Decimal(digits) / 100)
        fmt = f"0{places}%"
    else:
        value = float(digits) if decimals else int(digits)
        # A four-digit number written without a comma is most likely a year (2568).
        grouped = "," in written or len(whole) != 4
        fmt = f"{'#,##0' if grouped else '0'}{places}"
    return value, (THAI_DIGITS_FORMAT + fmt) if thai else fmt


def _font(size: int = 16, bold: bool = False) -> Font:
    return Font(name=FONT, size=size, bold=bold)


def _column_widths(table: Table | None) -> list[float]:
    """Column widths in Excel's units (about one Latin digit of Calibri 11 each)."""
    if table is None:
        return [WIDE_COLUMN]
    if table.widths and len(table.widths) == len(table.columns):
        return [max(8.0, w * 12) for w in table.widths]
    return [round(n * UNITS_PER_CHAR + 2, 1) for n in content_widths(table)]


def _paragraph(
    ws: Worksheet,
    row: int,
    text: str,
    widths: list[float],
    font: Font,
    centre: bool = False,
) -> int:
    """Text across the table's width in one merged row, wrapped, its height estimated
    (Excel does not grow a merged row to fit). Returns the next free row."""
    cell = ws.cell(row=row, column=1, value=text)
    cell.font = font
    cell.alignment = Alignment(
        wrap_text=True, vertical="top", horizontal="center" if centre else "left"
    )
    if len(widths) > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
    per_line = max(1, int(sum(widths) / UNITS_PER_CHAR))
    lines = sum(max(1, math.ceil(text_width(part) / per_line)) for part in text.split("\n"))
    if lines > 1:
        ws.row_dimensions[row].height = lines * LINE_HEIGHT * font.size / 16
    return row + 1


def _header_block(ws: Worksheet, report: Report, widths: list[float], intro: bool) -> int:
    """Office, title, subtitle, period, as-of (and the introduction on the first sheet),
    centred over the table. Returns the next free row."""
    above, below = header_lines(report)
    row = 1
    for text in above:
        row = _paragraph(ws, row, text, widths, _font(bold=True), centre=True)
    row = _paragraph(ws, row, heading(report), widths, _font(18, bold=True), centre=True)
    for text in below:
        row = _paragraph(ws, row, text, widths, _font(), centre=True)
    if intro and report.intro:
        row += 1
        for text in report.intro:
            row = _paragraph(ws, row, text, widths, _font())
    return row


def _table(ws: Worksheet, table: Table, first_row: int) -> int:
    row = first_row
    if table.title:
        ws.cell(row=row, column=1, value=table.title).font = _font(bold=True)
        row += 1
    header_row = row
    for col, title in enumerate(table.columns, start=1):
        cell = ws.cell(row=row, column=col, value=title)
        cell.font = _font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEEEEE")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = BOX
    for values in table.rows:
        row += 1
        for col, text in enumerate(values[: len(table.columns)], start=1):
            value, number_format = cell_value(text)
            cell = ws.cell(row=row, column=col, value=value)
            cell.font = _font()
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = BOX
            if number_format:
                cell.number_format = number_format
        for col in range(len(values) + 1, len(table.columns) + 1):
            ws.cell(row=row, column=col).border = BOX
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.freeze_panes = f"A{header_row + 1}"
    return row + 1


def _signatures(ws: Worksheet, roles: tuple[str, ...], first_row: int, columns: int) -> int:
    """Two signers side by side, each centred over half the table (a last one alone over
    all of it); one under another when the table has a single column."""
    row = first_row + 1
    middle = columns // 2 if columns > 1 else 0
    step = 2 if middle else 1
    for index in range(0, len(roles), step):
        pair = roles[index : index + step]
        spans = [(1, middle), (middle + 1, columns)] if len(pair) == 2 else [(1, columns)]
        for role, (start, end) in zip(pair, spans, strict=True):
            for k, text in enumerate(signature_lines(role)):
                cell = ws.cell(row=row + k, column=start, value=text)
                cell.font = _font()
                cell.alignment = Alignment(horizontal="center")
                if end > start:
                    ws.merge_cells(
                        start_row=row + k, start_column=start, end_row=row + k, end_column=end
                    )
        row += 4
    return row


def render_xlsx(report: Report) -> bytes:
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the empty sheet a new workbook starts with
    tables: list[Table | None] = [*report.tables] or [None]
    names = sheet_titles(
        [t.title if t and t.title else report.kind or "report" for t in tables],
        taken=[CHARTS_SHEET] if report.charts else [],
    )
    for index, (table, name) in enumerate(zip(tables, names, strict=True)):
        ws = wb.create_sheet(name)
        ws.page_setup.orientation = "landscape" if report.landscape else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        # Printed one page wide, as many pages long as it takes.
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        widths = _column_widths(table)
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        row = _header_block(ws, report, widths, intro=index == 0)
        if table is not None:
            row = _table(ws, table, row + 1)
        row += 1
        for note in report.notes:
            row = _paragraph(ws, row, note, widths, _font())
        if index == len(tables) - 1:
            # The photos and the signatures close the report, once.
            if report.images:
                row += 1
                ws.cell(row=row, column=1, value=IMAGES_HEADING).font = _font(bold=True)
                row += 1
                for n, image in enumerate(report.images, start=1):
                    row = _paragraph(ws, row, f"{n}. {image.caption}", widths, _font())
            if report.signatures:
                _signatures(ws, report.signatures, row, len(widths))
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
