"""Reading the office's own measure documents (CSV, XLSX, DOCX) into plain tables.

The core (handlers.measures.tables) understands the tables; this module only knows the
file formats: a table is a list of rows, a row a list of cell texts, and a cell's
paragraphs are joined by newlines.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

Table = list[list[str]]
FORMATS = (".csv", ".xlsx", ".docx")


class UnreadableFile(Exception):
    """The file is not one we can read; the message is Thai and safe to show."""


def read_tables(path: str | Path, filename: str | None = None) -> list[Table]:
    """Every table of the document, in order. `filename` names the format of uploads."""
    suffix = Path(filename or str(path)).suffix.lower()
    data = Path(path).read_bytes()
    return read_table_bytes(data, suffix)


def read_table_bytes(data: bytes, suffix: str) -> list[Table]:
    try:
        if suffix == ".csv":
            return [_csv(data)]
        if suffix == ".xlsx":
            return _xlsx(data)
        if suffix == ".docx":
            return _docx(data)
    except UnreadableFile:
        raise
    except Exception as error:  # a damaged or mislabelled file
        raise UnreadableFile(f"อ่านไฟล์ไม่ได้ ไฟล์อาจเสียหรือไม่ใช่ {suffix}: {error}") from error
    raise UnreadableFile("รองรับเฉพาะไฟล์ .csv .xlsx และ .docx")


def _csv(data: bytes) -> Table:
    for encoding in ("utf-8-sig", "cp874"):  # cp874: Thai Windows, as old Excel saves CSV
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableFile("อ่านไฟล์ CSV ไม่ได้ กรุณาบันทึกเป็น UTF-8")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",\t;")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


def _xlsx(data: bytes) -> list[Table]:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    tables: list[Table] = []
    for ws in wb.worksheets:
        rows = [
            ["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)
        ]
        tables.append(rows)
    wb.close()
    return tables


def _docx(data: bytes) -> list[Table]:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import _Cell

    doc = Document(io.BytesIO(data))
    tables: list[Table] = []
    for table in doc.tables:
        rows: Table = []
        for tr in table._tbl.tr_lst:
            cells: list[tuple[str, int]] = []  # each cell's text and how many columns it spans
            for tc in tr.tc_lst:
                tc_pr = tc.tcPr
                span = 1
                merged_below = False
                if tc_pr is not None:
                    grid = tc_pr.find(qn("w:gridSpan"))
                    if grid is not None:
                        span = int(grid.get(qn("w:val")) or 1)
                    vmerge = tc_pr.find(qn("w:vMerge"))
                    # A cell merged with the one above carries no text of its own.
                    merged_below = vmerge is not None and vmerge.get(qn("w:val")) != "restart"
                cell = _Cell(tc, table)
                text = "" if merged_below else "\n".join(p.text for p in cell.paragraphs)
                cells.append((text, span))
            rows.append(_spread(cells))
        tables.append(rows)
    return tables


def _spread(cells: list[tuple[str, int]]) -> list[str]:
    """A row's cells, one per grid column: a cell spanning several columns fills the first.

    The one exception is a row whose only text is in a cell across most of the table (a
    group header or section heading): its text goes in every column it spans, so the
    reader sees a row that is all one text rather than a measure with nothing but a title.
    """
    width = sum(span for _, span in cells)
    texts = [(text, span) for text, span in cells if text.strip()]
    banner = len(texts) == 1 and texts[0][1] > 1 and texts[0][1] * 2 > width
    row: list[str] = []
    for text, span in cells:
        row.append(text)
        row.extend((text if banner else "") for _ in range(span - 1))
    return row
