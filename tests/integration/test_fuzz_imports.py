"""Fuzzing the measure import: damaged, truncated and odd CSV, XLSX and DOCX files never
crash the reader, the parser, the CLI or the admin upload; the admin always gets Thai."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from docx import Document
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from bot.documents.tables import UnreadableFile, read_table_bytes
from handlers.measures.tables import parse_tables
from tests.support.fuzz import fuzz

THAI = re.compile(r"[\u0E00-\u0E7F]")
FY = 2568
HEADER = ["ลำดับ", "มาตรการ/แนวทาง", "ผู้รับผิดชอบ", "ระยะเวลา"]
FAST = fuzz(40)

# Cell text: Thai words the parser looks for, digits, dates, control characters and noise.
WORDS = st.sampled_from(
    [
        "มาตรการ",
        "แนวทาง",
        "ระยะเวลา",
        "ผู้รับผิดชอบ",
        "ลำดับ",
        "ต.ค. 67 - ก.ย. 68",
        "๑",
        "2568",
        "ไตรมาส 2",
        "=SUM(A1)",
        "\x00",
        "\r\n",
        "",
        '"',
        ";",
        "\t",
    ]
)
CELL = st.one_of(
    st.text(max_size=40), st.lists(WORDS, max_size=4).map(" ".join), st.integers().map(str)
)
TABLE = st.lists(st.lists(CELL, min_size=0, max_size=6), min_size=0, max_size=8)


def to_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


def to_xlsx(rows: list[list[str]]) -> bytes:
    wb = Workbook()
    for row in rows:
        # openpyxl refuses control characters in cells: strip them as Excel would.
        wb.active.append([re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", c) for c in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def to_docx(rows: list[list[str]]) -> bytes:
    doc = Document()
    doc.add_paragraph("มาตรการส่งเสริมคุณธรรม")
    width = max((len(r) for r in rows), default=0)
    if rows and width:
        table = doc.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


BUILD = {".csv": to_csv, ".xlsx": to_xlsx, ".docx": to_docx}
REAL = [HEADER, ["1", "ประกาศนโยบาย No Gift Policy", "สำนักปลัด", "ต.ค. 67 - ก.ย. 68"]]


def imported(data: bytes, suffix: str) -> str:
    """What the import does with a file: 'ok' with measures/none, or the Thai message."""
    try:
        parsed = parse_tables(read_table_bytes(data, suffix), FY)
    except UnreadableFile as e:
        assert THAI.search(str(e)), str(e)
        return "unreadable"
    return "ok" if parsed else "none"


def damaged(data: bytes, cut: int, flips: list[tuple[int, int]]) -> bytes:
    """A real file cut short and with a few bytes overwritten."""
    buf = bytearray(data[: max(1, cut % (len(data) + 1))])
    for pos, value in flips:
        if buf:
            buf[pos % len(buf)] = value
    return bytes(buf)


SUFFIX = st.sampled_from(sorted(BUILD))


@FAST
@given(data=st.binary(max_size=4096), suffix=SUFFIX)
def test_random_bytes_are_refused_in_thai_or_read(data: bytes, suffix: str) -> None:
    imported(data, suffix)


@FAST
@given(
    suffix=SUFFIX,
    cut=st.integers(min_value=0, max_value=50_000),
    flips=st.lists(st.tuples(st.integers(0, 50_000), st.integers(0, 255)), max_size=6),
)
def test_truncated_and_corrupted_real_files(
    suffix: str, cut: int, flips: list[tuple[int, int]]
) -> None:
    whole = BUILD[suffix](REAL)
    assert imported(whole, suffix) == "ok"  # the undamaged file is a real measure table
    imported(damaged(whole, cut, flips), suffix)


@FAST
@given(suffix=SUFFIX, rows=TABLE, with_header=st.booleans())
def test_random_tables_of_text_never_crash_the_parser(
    suffix: str, rows: list[list[str]], with_header: bool
) -> None:
    data = BUILD[suffix]([HEADER, *rows] if with_header else rows)
    imported(data, suffix)


def test_a_docx_with_a_nonsense_column_span_is_refused_in_thai() -> None:
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "มาตรการ"
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "abc")
    table.cell(0, 0)._tc.get_or_add_tcPr().append(span)
    out = io.BytesIO()
    doc.save(out)
    assert imported(out.getvalue(), ".docx") == "unreadable"


@fuzz(25)
@given(
    suffix=SUFFIX,
    rows=TABLE,
    cut=st.integers(min_value=0, max_value=50_000),
    name=st.text(max_size=30),
)
def test_admin_upload_of_bad_files_answers_in_thai_never_500(
    admin: FlaskClient, suffix: str, rows: list[list[str]], cut: int, name: str
) -> None:
    data = damaged(BUILD[suffix]([HEADER, *rows]), cut, [])
    r = admin.post(
        "/admin/measures/import",
        data={"year": "2568", "file": (io.BytesIO(data), f"{name}{suffix}")},
        content_type="multipart/form-data",
    )
    assert r.status_code in (200, 400), r.status_code
    page = r.get_data(as_text=True)
    if r.status_code == 400:
        alert = re.search(r'role="alert">([^<]*)<', page)
        assert alert and THAI.search(alert.group(1)), page
    else:
        assert "มาตรการ" in page


def test_cli_import_of_a_damaged_file_exits_with_a_thai_message(app: Flask, tmp_path: Path) -> None:
    path = tmp_path / "มาตรการ.xlsx"
    path.write_bytes(to_xlsx(REAL)[:300])
    r = app.test_cli_runner().invoke(args=["import-measures", str(path), "--year", "2568"])
    assert r.exit_code == 2
    assert "อ่านไฟล์ไม่ได้" in r.output and "Traceback" not in r.output
