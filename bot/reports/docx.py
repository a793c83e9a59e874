"""A report as a Word document the way offices publish them: TH SarabunPSK 16 pt, A4
landscape, a table header that repeats on every page."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Protocol

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.run import Run

from handlers.reports.model import Report, Table

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.oxml.text.font import CT_RPr
    from docx.table import _Row
    from docx.text.font import Font
    from docx.text.paragraph import Paragraph

FONT = "TH SarabunPSK"
SIZE = Pt(16)


class _HasRunProperties(Protocol):
    def get_or_add_rPr(self) -> CT_RPr: ...


def _font(run_or_style_font: Font, bold: bool = False) -> None:
    font = run_or_style_font
    font.name = FONT
    font.size = SIZE
    if bold:
        font.bold = True


def _complex_script(element: _HasRunProperties) -> None:
    # Thai is a complex script: Word takes its font and size from w:cs and w:szCs.
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    size = rpr.find(qn("w:szCs"))
    if size is None:
        size = OxmlElement("w:szCs")
        rpr.append(size)
    size.set(qn("w:val"), str(int(SIZE.pt * 2)))


def _run(paragraph: Paragraph, text: str, bold: bool = False) -> Run:
    run = paragraph.add_run(text)
    _font(run.font, bold)
    _complex_script(run._r)
    return run


def _repeat_header(row: _Row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _table(doc: DocumentObject, t: Table, width_cm: float) -> None:
    if t.title:
        _run(doc.add_paragraph(), t.title, bold=True)
    table = doc.add_table(rows=1, cols=len(t.columns))
    table.style = "Table Grid"
    widths = t.widths or tuple(1.0 for _ in t.columns)
    total = sum(widths)
    for i, title in enumerate(t.columns):
        cell = table.rows[0].cells[i]
        _run(cell.paragraphs[0], title, bold=True)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _repeat_header(table.rows[0])
    for values in t.rows:
        cells = table.add_row().cells
        for i, value in enumerate(values):
            paragraphs = value.split("\n") or [""]
            _run(cells[i].paragraphs[0], paragraphs[0])
            for extra in paragraphs[1:]:
                _run(cells[i].add_paragraph(), extra)
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = Cm(width_cm * widths[i] / total)


def render_docx(report: Report) -> bytes:
    doc = Document()
    normal = doc.styles["Normal"]
    _font(normal.font)
    _complex_script(normal.element)
    section = doc.sections[0]
    # A4: 21.0 × 29.7 cm; offices print these tables landscape.
    short, long_ = Cm(21.0), Cm(29.7)
    if report.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = long_, short
    else:
        section.page_width, section.page_height = short, long_
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, report.title, bold=True)
    if report.subtitle:
        sub = doc.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(sub, report.subtitle)
    usable = (29.7 if report.landscape else 21.0) - 3.0
    for t in report.tables:
        _table(doc, t, usable)
    if report.charts:
        from bot.reports.charts import png

        for chart in report.charts:
            doc.add_picture(io.BytesIO(png(chart)), width=Cm(16))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for note in report.notes:
        _run(doc.add_paragraph(), note)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
