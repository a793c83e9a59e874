"""A report read back from each file the office downloads: the office, period and as-of
over the title, the introduction, tables sized by their text, photos, figures as numbers,
and the signature lines the office signs."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from PIL import Image as Picture

from bot.reports import render
from bot.reports.html import render_body, render_html
from bot.reports.xlsx import THAI_DIGITS_FORMAT
from handlers.reports.model import Image, Report, Table, with_thai_digits

OFFICE = "องค์การบริหารส่วนตำบลบ้านใหม่"
ADDRESS = "อำเภอเมือง จังหวัดเชียงใหม่"
TITLE = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
PERIOD = "ช่วงข้อมูล 1 ตุลาคม 2565 – 31 มีนาคม 2566"
AS_OF = "ข้อมูล ณ วันที่ 31 มีนาคม 2566"
INTRO = "ตามที่องค์การบริหารส่วนตำบลบ้านใหม่ได้ประกาศมาตรการ (o42) แล้วนั้น จึงรายงานผลดังนี้"
DOTS = "." * 40


def sample(photos: list[Image] | None = None, landscape: bool = True) -> Report:
    table = Table(
        columns=("ที่", "มาตรการ", "จำนวน (ราย)", "ผล"),
        rows=[
            ("1", "การเผยแพร่ข้อมูลต่อสาธารณะ\nผ่านเว็บไซต์", "1,234", "ร้อยละ 45.5"),
            ("2", '=HYPERLINK("http://x","y")', "-2", "45.5%"),
        ],
        title="ตารางที่ 1 ผลการดำเนินการ",
    )
    return Report(
        title=TITLE,
        subtitle="ประจำปีงบประมาณ พ.ศ. 2566",
        tables=[table],
        notes=["หมายเหตุ ข้อมูลจากระบบรายงานผลของเจ้าหน้าที่"],
        landscape=landscape,
        kind="o43",
        code="o43",
        office=OFFICE,
        address=ADDRESS,
        period=PERIOD,
        as_of=AS_OF,
        intro=[INTRO],
        images=photos or [],
        signatures=("ผู้รายงาน", "ผู้บริหาร"),
    )


def photo(path: Path, width: int, height: int) -> Path:
    # No resolution stored: Word takes 72 dpi, so 800 px is 800/72 in = 28.22 cm.
    Picture.new("RGB", (width, height), "green").save(path)
    return path


# --- Word ----------------------------------------------------------------------------------


def test_docx_prints_the_header_block_intro_and_signatures_in_order() -> None:
    doc = Document(io.BytesIO(render(sample(), "docx")))
    texts = [p.text for p in doc.paragraphs]
    order = [OFFICE, ADDRESS, f"o43 {TITLE}", "ประจำปีงบประมาณ พ.ศ. 2566", PERIOD, AS_OF, INTRO]
    assert [texts.index(t) for t in order] == sorted(texts.index(t) for t in order)
    assert texts.index(f"o43 {TITLE}") < texts.index("ตารางที่ 1 ผลการดำเนินการ")
    # The data table first, then the signatures side by side in a table without borders.
    assert doc.tables[0].rows[0].cells[0].text == "ที่"
    signatures = doc.tables[-1]
    left, right = signatures.rows[0].cells
    assert left.text.split("\n") == [f"ลงชื่อ {DOTS} ผู้รายงาน", f"({DOTS})", f"ตำแหน่ง {DOTS}"]
    assert right.text.split("\n")[0] == f"ลงชื่อ {DOTS} ผู้บริหาร"
    borders = signatures._tbl.tblPr.xpath("./w:tblBorders/*")
    assert borders and all(b.get(f"{{{b.nsmap['w']}}}val") == "nil" for b in borders)


def test_docx_headings_keep_with_what_follows_and_use_the_thai_font() -> None:
    doc = Document(io.BytesIO(render(sample(), "docx")))
    by_text = {p.text: p for p in doc.paragraphs}
    title, caption = by_text[f"o43 {TITLE}"], by_text["ตารางที่ 1 ผลการดำเนินการ"]
    assert title.style is not None and caption.style is not None
    assert (title.style.name, caption.style.name) == ("Heading 1", "Heading 2")
    for p in (by_text[OFFICE], title, by_text[PERIOD], by_text[AS_OF], caption):
        assert p.paragraph_format.keep_with_next is True, p.text
    heading = doc.styles["Heading 1"]
    assert heading.font.name == "TH SarabunPSK" and str(heading.font.color.rgb) == "000000"


def test_docx_columns_are_sized_by_their_text() -> None:
    doc = Document(io.BytesIO(render(sample(), "docx")))
    table = doc.tables[0]
    # Measured 3, 26, 5, 10 characters (the ที่ floor; the 26 of the HYPERLINK text; จำนวน;
    # "ร้อยละ 45.5": 11 less one mark) of 44, over 29.7 - 2 × 1.5 = 26.7 cm.
    widths = [round(c.width.cm, 2) for c in table.columns]
    assert widths == [1.82, 15.78, 3.03, 6.07]
    assert [round(c.width.cm, 2) for c in table.rows[1].cells] == widths
    number, text = widths[0], widths[1]
    assert number < text


def test_docx_photos_are_at_most_8_cm_wide_and_a_missing_one_is_skipped(tmp_path: Path) -> None:
    wide = photo(tmp_path / "wide.png", 800, 400)
    small = photo(tmp_path / "small.png", 100, 50)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a picture")
    report = sample(
        [
            Image("ภาพที่ 1 ประชุมชี้แจงมาตรการ", str(wide)),
            Image("ภาพที่ 2 ป้ายประกาศ", str(tmp_path / "gone.jpg")),
            Image("ภาพที่ 3 แผ่นพับ", str(small)),
            Image("ภาพที่ 4 ไฟล์เสีย", str(broken)),
        ]
    )
    doc = Document(io.BytesIO(render(report, "docx")))
    sizes = [(round(s.width.cm, 2), round(s.height.cm, 2)) for s in doc.inline_shapes]
    # 28.22 × 14.11 cm scaled to 8 cm wide; 3.53 × 1.76 cm stays as it is.
    assert sizes == [(8.0, 4.0), (3.53, 1.76)]
    texts = [p.text for p in doc.paragraphs]
    assert "ภาพประกอบ" in texts
    for caption in ("ภาพที่ 1 ประชุมชี้แจงมาตรการ", "ภาพที่ 2 ป้ายประกาศ", "ภาพที่ 4 ไฟล์เสีย"):
        assert caption in texts


def test_docx_portrait_when_the_report_is_not_landscape() -> None:
    section = Document(io.BytesIO(render(sample(landscape=False), "docx"))).sections[0]
    width, height = section.page_width, section.page_height
    assert section.orientation == WD_ORIENT.PORTRAIT and width is not None and height is not None
    assert (round(width.cm, 1), round(height.cm, 1)) == (21.0, 29.7)


# --- Excel ---------------------------------------------------------------------------------


def cells(data: bytes) -> list[list[Cell | MergedCell]]:
    ws = load_workbook(io.BytesIO(data)).worksheets[0]
    return [list(row) for row in ws.iter_rows()]


def row_of(rows: list[list[Cell | MergedCell]], first: object) -> list[Cell | MergedCell]:
    return next(r for r in rows if r[0].value == first)


def test_xlsx_figures_are_numbers_and_typed_text_stays_text(tmp_path: Path) -> None:
    rows = cells(render(sample(), "xlsx"))
    one = row_of(rows, 1)
    assert [c.value for c in one[:4]] == [1, "การเผยแพร่ข้อมูลต่อสาธารณะ\nผ่านเว็บไซต์", 1234, 0.455]
    assert one[2].data_type == "n" and one[2].number_format == "#,##0"
    assert one[3].data_type == "n" and one[3].number_format == "0.0%"
    two = row_of(rows, 2)
    assert two[1].value == '=HYPERLINK("http://x","y")' and two[1].data_type == "s"
    assert two[2].value == "-2" and two[2].data_type == "s"
    assert two[3].value == 0.455  # "45.5%"


def test_xlsx_thai_digit_figures_are_numbers_shown_in_thai_digits() -> None:
    rows = cells(render(with_thai_digits(sample()), "xlsx"))
    one = row_of(rows, 1)
    assert one[0].number_format == THAI_DIGITS_FORMAT + "#,##0"
    assert (one[2].value, one[3].value) == (1234, 0.455)
    assert one[3].number_format == THAI_DIGITS_FORMAT + "0.0%"


def test_xlsx_header_rows_then_table_then_captions_and_signatures(tmp_path: Path) -> None:
    report = sample([Image("ภาพที่ 1 ประชุมชี้แจงมาตรการ", str(tmp_path / "gone.jpg"))])
    rows = cells(render(report, "xlsx"))
    firsts = [r[0].value for r in rows]
    header = firsts.index("ที่")
    assert firsts[:6] == [
        OFFICE,
        ADDRESS,
        f"o43 {TITLE}",
        "ประจำปีงบประมาณ พ.ศ. 2566",
        PERIOD,
        AS_OF,
    ]
    assert INTRO in firsts[6:header] and firsts[header - 1] == "ตารางที่ 1 ผลการดำเนินการ"
    tail = firsts[header:]
    assert "ภาพประกอบ" in tail and "1. ภาพที่ 1 ประชุมชี้แจงมาตรการ" in tail
    # Two signers side by side: the second over the right half of the 4 columns.
    sign = firsts.index(f"ลงชื่อ {DOTS} ผู้รายงาน")
    assert sign > firsts.index("1. ภาพที่ 1 ประชุมชี้แจงมาตรการ")
    assert [rows[sign + k][2].value for k in range(3)] == [
        f"ลงชื่อ {DOTS} ผู้บริหาร",
        f"({DOTS})",
        f"ตำแหน่ง {DOTS}",
    ]
    assert firsts[sign + 1 : sign + 3] == [f"({DOTS})", f"ตำแหน่ง {DOTS}"]


# --- HTML ----------------------------------------------------------------------------------


class Outline(HTMLParser):
    """The elements a reader (or a screen reader) finds in the page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("br", "img", "col", "meta", "link"):
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._open and data.strip():
            self.text.setdefault(self._open[-1], []).append(data.strip())

    def attrs(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]


def outline(page: str) -> Outline:
    parser = Outline()
    parser.feed(page)
    return parser


def test_html_is_an_accessible_printable_page() -> None:
    report = sample(
        [
            Image("ภาพที่ 1 ประชุมชี้แจงมาตรการ", "/nowhere.jpg", url="/ita/2566/o43/1.jpg"),
            Image("ภาพที่ 2 ป้ายประกาศ", "/nowhere.jpg"),
            Image("ภาพที่ 3", "/nowhere.jpg", url="javascript:alert(1)"),
        ]
    )
    page = render_html(report)
    doc = outline(page)
    assert doc.attrs("html") == [{"lang": "th"}]
    assert len(doc.attrs("main")) == 1
    assert doc.text["h1"] == [f"o43 {TITLE}"]
    assert doc.text["caption"] == ["ตารางที่ 1 ผลการดำเนินการ"]
    assert [a.get("scope") for a in doc.attrs("th")] == ["col"] * 4
    paragraphs = doc.text["p"]
    for line in (OFFICE, ADDRESS, PERIOD, AS_OF, INTRO, f"ลงชื่อ {DOTS} ผู้บริหาร"):
        assert line in paragraphs, line
    # A photo with a web address is shown; one without keeps its caption; no script runs.
    assert [a["src"] for a in doc.attrs("img")] == ["/ita/2566/o43/1.jpg"]
    assert doc.text["figcaption"] == ["ภาพที่ 1 ประชุมชี้แจงมาตรการ", "ภาพที่ 2 ป้ายประกาศ", "ภาพที่ 3"]
    assert "javascript:" not in page
    assert "size: A4 landscape" in page and "display: table-header-group" in page


def test_html_body_is_the_report_alone_for_another_page() -> None:
    report = sample()
    body = render_body(report)
    assert "<html" not in body and "<head>" not in body and "<main" not in body
    assert body in render_html(report)
    doc = outline(render_body(report, heading_level=2))
    assert doc.text["h2"] == [f"o43 {TITLE}"] and "h1" not in doc.text


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
def test_a_report_without_the_new_fields_prints_as_before(fmt: str) -> None:
    plain = Report(title="รายงานสถิติ", tables=[Table(("ก",), [("1",)])])
    data = render(plain, fmt)
    assert data
    if fmt == "html":
        doc = outline(data.decode())
        assert doc.text["h1"] == ["รายงานสถิติ"] and "ลงชื่อ" not in data.decode()
