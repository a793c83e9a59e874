"""ITA score files: reading an upload (.csv, .xlsx, .txt) into a checked ScoreSheet, and
the template (every code of the year with an empty score) as CSV or XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from bot.documents.tables import UnreadableFile, read_table_bytes
from handlers.ita.scores import ScoreSheet, check, entries_from_rows, entries_from_text

SCORE_FORMATS = (".csv", ".xlsx", ".txt")
TEMPLATE_HEADER = ("code", "score", "title")


def read_scores(data: bytes, suffix: str, known: Iterable[str]) -> ScoreSheet:
    """The scores a file holds, checked against the year's codes (UnreadableFile if the
    file itself cannot be read; the message is Thai)."""
    suffix = suffix.lower()
    if suffix == ".txt":
        entries, problems = entries_from_text(_text(data))
    elif suffix in (".csv", ".xlsx"):
        tables = read_table_bytes(data, suffix)
        entries, problems = entries_from_rows(tables[0] if tables else [])
    else:
        raise UnreadableFile("รองรับเฉพาะไฟล์ .csv .xlsx และ .txt")
    return check(entries, known, problems)


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp874"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("อ่านไฟล์ข้อความไม่ได้ กรุณาบันทึกเป็น UTF-8")


def template_csv(rows: Sequence[tuple[str, str]]) -> bytes:
    """`rows` are (code, title); the score column is left for the admin."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(TEMPLATE_HEADER)
    writer.writerows((code, "", title) for code, title in rows)
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read Thai as UTF-8


def template_xlsx(rows: Sequence[tuple[str, str]], year: int) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"คะแนน ITA {year}"
    ws.append(list(TEMPLATE_HEADER))
    for code, title in rows:
        ws.append([code, None, title])
    ws.column_dimensions["A"].width = 8
    ws.column_dimensions["B"].width = 10
    ws.column_dimensions["C"].width = 90
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
