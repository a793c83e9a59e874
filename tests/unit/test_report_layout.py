"""The pure rules every report renderer shares: how a cell becomes a spreadsheet number,
how wide a column is, what a downloaded file is called, and the title line."""

from __future__ import annotations

import pytest

from bot.reports.filenames import file_name
from bot.reports.layout import content_widths, heading, relative_widths, signature_lines
from bot.reports.xlsx import THAI_DIGITS_FORMAT, cell_value
from handlers.reports.model import Report, Table


@pytest.mark.parametrize(
    ("text", "value", "number_format"),
    [
        ("1,234", 1234, "#,##0"),
        ("12345", 12345, "#,##0"),
        ("7", 7, "#,##0"),
        ("0", 0, "#,##0"),
        ("45.5", 45.5, "#,##0.0"),
        ("1,234.50", 1234.5, "#,##0.00"),
        ("๑๒", 12, THAI_DIGITS_FORMAT + "#,##0"),
        ("๑,๒๓๔", 1234, THAI_DIGITS_FORMAT + "#,##0"),
        ("ร้อยละ 45.5", 0.455, "0.0%"),
        ("ร้อยละ45", 0.45, "0%"),
        ("45.5%", 0.455, "0.0%"),
        ("100 %", 1.0, "0%"),
        ("ร้อยละ ๘๗.๒๕", 0.8725, THAI_DIGITS_FORMAT + "0.00%"),
        # A Buddhist-era year keeps its four digits together.
        ("2568", 2568, "0"),
        ("๒๕๖๘", 2568, THAI_DIGITS_FORMAT + "0"),
    ],
)
def test_a_figure_becomes_a_number_shown_as_the_report_wrote_it(
    text: str, value: float, number_format: str
) -> None:
    got, fmt = cell_value(text)
    assert not isinstance(got, str)
    assert got == pytest.approx(value) and fmt == number_format


@pytest.mark.parametrize(
    "text",
    [
        "-2",  # typed by a person: kept as typed, never a signed number or a formula
        "+1",
        "=SUM(A1)",
        "0812345678",  # a telephone number keeps its leading zero
        "007",
        "1,2",  # not a thousands grouping
        "1,2345",
        "3.",
        ".5",
        "1234567890123456",  # longer than Excel keeps: an identifier
        "1 ต.ค. 67",
        "ร้อยละ",
        "45.5 คน",
        "",
    ],
)
def test_anything_else_stays_the_same_text(text: str) -> None:
    assert cell_value(text) == (text, None)


def test_columns_are_as_wide_as_their_text_needs_within_bounds() -> None:
    table = Table(
        columns=("ที่", "มาตรการ", "จำนวน (ราย)"),
        rows=[
            ("1", "การเผยแพร่ข้อมูลต่อสาธารณะ\nผ่านเว็บไซต์", "1,234"),
            ("2", "ประชุมชี้แจง", "56"),
        ],
    )
    # ที่: one consonant and two marks -> the 3-character floor; การเผยแพร่ข้อมูลต่อสาธารณะ:
    # 26 characters of which 4 are marks above or below -> 22; "จำนวน" and "(ราย)" and
    # "1,234" are 5 each.
    assert content_widths(table) == (3, 22, 5)
    assert relative_widths(table) == (3.0, 22.0, 5.0)
    long_line = Table(columns=("ก",), rows=[("ข" * 100,)])
    assert content_widths(long_line) == (40,)


def test_a_tables_own_widths_win_when_they_cover_every_column() -> None:
    assert relative_widths(Table(("a", "b"), [("1", "2")], widths=(4.0, 1.0))) == (4.0, 1.0)
    # A builder's widths for another shape of table are not applied to this one.
    assert relative_widths(Table(("ที่", "b"), [("1", "2")], widths=(4.0,))) == (3.0, 3.0)


@pytest.mark.parametrize(
    ("code", "year", "fmt", "thai", "name"),
    [
        ("o43", 2566, "docx", False, "o43-2566.docx"),
        ("o43", 2566, "docx", True, "o43-2566-thai-digits.docx"),
        ("O19", 2568, ".XLSX", False, "O19-2568.xlsx"),
        ("o๔๓", 2566, "html", True, "o43-2566-thai-digits.html"),
        ("../o12 x", 2567, "html", False, "o12-x-2567.html"),
        ("", 2567, "docx", False, "report-2567.docx"),
    ],
)
def test_file_names_are_ascii_with_code_year_and_digits(
    code: str, year: int, fmt: str, thai: bool, name: str
) -> None:
    assert file_name(code, year, fmt, thai) == name
    assert name.isascii()


def test_a_reports_file_is_named_by_its_code_else_its_kind() -> None:
    assert file_name(Report(title="x", kind="o29", code="O19"), 2568, "xlsx", False) == (
        "O19-2568.xlsx"
    )
    assert file_name(Report(title="x", kind="o29"), 2568, "xlsx", False) == "o29-2568.xlsx"


def test_the_title_follows_its_code_once() -> None:
    assert heading(Report(title="รายงานผล", code="o43")) == "o43 รายงานผล"
    assert heading(Report(title="o43 รายงานผล", code="o43")) == "o43 รายงานผล"
    assert heading(Report(title="รายงานผล")) == "รายงานผล"


def test_a_signature_leaves_room_for_the_name_and_position() -> None:
    dots = "." * 40
    assert signature_lines("ผู้รายงาน") == (
        f"ลงชื่อ {dots} ผู้รายงาน",
        f"({dots})",
        f"ตำแหน่ง {dots}",
    )
