"""A report as a Word document the way offices publish them: TH SarabunPSK 16 pt, A4
(landscape for wide tables), the office and period over the title, tables whose header
repeats on every page, photos, and the signature lines at the end."""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.run import Run

from bot.reports.layout import (
    IMAGES_HEADING,
    header_lines,
    heading,
    relative_widths,
    signature_lines,
)
from handlers.reports.model import Image, Report, Table

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.oxml.text.font import CT_RPr
    from docx.table import Table as DocxTable
    from docx.table import _Row
    from docx.text.font import Font
    from docx.text.paragraph import Paragraph

FONT = "TH SarabunPSK"
SIZE = Pt(16)
MARGIN_CM = 1.5
# A photo of the work done: wide enough to see, small enough for two or three a page.
PHOTO_WIDTH = Cm(8)
PHOTO_HEIGHT = Cm(10)
CHART_WIDTH = Cm(16)
TITLE_STYLE, HEADING_STYLE = "Heading 1", "Heading 2"
_IMAGE_ERRORS = (
    OSError,
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
# The elements that follow in the schema's order (an element goes before the first present).
_AFTER_SZ_CS = (
    "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl",
    "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)  # fmt: skip
_AFTER_TBL_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")
_AFTER_TBL_BORDERS = (
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
    "w:tblPrChange",
)  # fmt: skip


class _HasRunProperties(Protocol):
    def get_or_add_rPr(self) -> CT_RPr: ...


def _font(run_or_style_font: Font, bold: bool = False) -> None:
    font = run_or_style_font
    font.name = FONT
    font.size = SIZE
    if bold:
        font.bold = True


def _complex_script(element: _HasRunProperties) -> None:
    # Thai is a complex script: Word takes its font and size from w:cs and w:szCs, and a
    # theme font (the template's headings have one) would win over the named one.
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    size = rpr.find(qn("w:szCs"))
    if size is None:
        size = OxmlElement("w:szCs")
        # Word refuses a file whose properties are out of the schema's order.
        rpr.insert_element_before(size, *_AFTER_SZ_CS)
    size.set(qn("w:val"), str(int(SIZE.pt * 2)))


def _thai_language(element: _HasRunProperties) -> None:
    # Word breaks Thai lines at word boundaries (and checks spelling) only for Thai text.
    rpr = element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), "th-TH")
    lang.set(qn("w:bidi"), "th-TH")


def _run(paragraph: Paragraph, text: str, bold: bool = False) -> Run:
    run = paragraph.add_run(text)
    _font(run.font, bold)
    _complex_script(run._r)
    return run


def _line(
    doc: DocumentObject,
    text: str,
    *,
    style: str | None = None,
    bold: bool = False,
    centre: bool = False,
    keep_with_next: bool = False,
) -> Paragraph:
    paragraph = doc.add_paragraph(style=style)
    _run(paragraph, text, bold=bold)
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if keep_with_next:
        # A heading or caption moves to the next page with what it introduces.
        paragraph.paragraph_format.keep_with_next = True
    return paragraph


def _styles(doc: DocumentObject) -> None:
    normal = doc.styles["Normal"]
    _font(normal.font)
    _complex_script(normal.element)
    _thai_language(normal.element)
    normal.paragraph_format.space_after = Pt(0)
    # Real heading styles, so Word's navigation pane and a screen reader find the title
    # and each table; dressed like the body text of a government document.
    for name, before in ((TITLE_STYLE, Pt(0)), (HEADING_STYLE, Pt(6))):
        style = doc.styles[name]
        _font(style.font, bold=True)
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        _complex_script(style.element)
        style.paragraph_format.space_before = before
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.keep_with_next = True


def _repeat_header(row: _Row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.insert_element_before(header, *_AFTER_TBL_HEADER)


def _table(doc: DocumentObject, t: Table, width_cm: float) -> None:
    if t.title:
        _line(doc, t.title, style=HEADING_STYLE, bold=True, keep_with_next=True)
    table = doc.add_table(rows=1, cols=len(t.columns))
    table.style = "Table Grid"
    table.autofit = False  # fixed layout: Word keeps the widths below
    widths = relative_widths(t)
    total = sum(widths)
    for i, title in enumerate(t.columns):
        cell = table.rows[0].cells[i]
        _run(cell.paragraphs[0], title, bold=True)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _repeat_header(table.rows[0])
    for values in t.rows:
        cells = table.add_row().cells
        for i, value in enumerate(values[: len(t.columns)]):
            paragraphs = value.split("\n") or [""]
            _run(cells[i].paragraphs[0], paragraphs[0])
            for extra in paragraphs[1:]:
                _run(cells[i].add_paragraph(), extra)
    for i, column in enumerate(table.columns):
        # The grid (read by LibreOffice) and every cell (read by Word) carry the width.
        column.width = Cm(width_cm * widths[i] / total)
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = Cm(width_cm * widths[i] / total)


def _picture(doc: DocumentObject, image: Image) -> None:
    """The photo, at most PHOTO_WIDTH wide, over its caption. A file that is gone or is no
    picture leaves the caption alone rather than failing the whole report."""
    path = Path(image.path) if image.path else None
    if path is not None and path.is_file():
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True  # the caption stays under it
        try:
            shape = paragraph.add_run().add_picture(str(path))
        except _IMAGE_ERRORS:
            element = paragraph._element
            element.getparent().remove(element)
        else:
            scale = min(1.0, PHOTO_WIDTH / shape.width, PHOTO_HEIGHT / shape.height)
            if scale < 1.0:
                shape.width, shape.height = (
                    Cm(shape.width.cm * scale),
                    Cm(shape.height.cm * scale),
                )
    if image.caption:
        _line(doc, image.caption, centre=True)


def _no_borders(table: DocxTable) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    table._tbl.tblPr.insert_element_before(borders, *_AFTER_TBL_BORDERS)


def _signatures(doc: DocumentObject, roles: tuple[str, ...], width_cm: float) -> None:
    """Two signers a row, side by side; a last one alone spans the row, centred."""
    doc.add_paragraph()  # room above the first signature
    table = doc.add_table(rows=math.ceil(len(roles) / 2), cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    for column in table.columns:
        column.width = Cm(width_cm / 2)
    for index, role in enumerate(roles):
        row = table.rows[index // 2]
        cell = row.cells[index % 2]
        if index == len(roles) - 1 and index % 2 == 0:
            cell = cell.merge(row.cells[1])
        cell.width = Cm(width_cm / 2)
        for n, text in enumerate(signature_lines(role)):
            paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(paragraph, text)
    for row in table.rows:
        # A signature is never split across two pages.
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.insert_element_before(
            OxmlElement("w:cantSplit"), "w:trHeight", "w:tblHeader", *_AFTER_TBL_HEADER
        )


def render_docx(report: Report) -> bytes:
    doc = Document()
    _styles(doc)
    section = doc.sections[0]
    # A4: 21.0 × 29.7 cm; offices print wide tables landscape.
    short, long_ = Cm(21.0), Cm(29.7)
    if report.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = long_, short
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = short, long_
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    usable = (29.7 if report.landscape else 21.0) - 2 * MARGIN_CM

    above, below = header_lines(report)
    for text in above:
        _line(doc, text, bold=True, centre=True, keep_with_next=True)
    _line(doc, heading(report), style=TITLE_STYLE, bold=True, centre=True, keep_with_next=True)
    for text in below:
        _line(doc, text, centre=True, keep_with_next=True)
    for text in report.intro:
        paragraph = _line(doc, text)
        paragraph.paragraph_format.first_line_indent = Cm(1.25)
    for t in report.tables:
        _table(doc, t, usable)
    if report.charts:
        from bot.reports.charts import png

        for chart in report.charts:
            doc.add_picture(io.BytesIO(png(chart)), width=CHART_WIDTH)
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if report.images:
        _line(doc, IMAGES_HEADING, style=HEADING_STYLE, bold=True, keep_with_next=True)
        for image in report.images:
            _picture(doc, image)
    for note in report.notes:
        _line(doc, note)
    if report.signatures:
        _signatures(doc, report.signatures, usable)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
