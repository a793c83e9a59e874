"""Measure tables as Word documents the way offices' files arrive after a page break.

A long table that runs over a page often reaches us as two tables: the row cut by the page
break leaves the tail of its cells (the later steps, the rest of a title) in a first row of
the next table, whose other cells are empty; the next table has no column header; and the
group header row Word repeats at the top of every page ("การนำผลการวิเคราะห์ไปสู่การปฏิบัติ")
comes again at its top.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_BREAK
from docx.table import _Cell

from tests.support.seed_tables import cell_paragraphs

Row = list[str]  # cell texts; a cell's paragraphs separated by "\n"
# A group header row: one cell merged across the table (str), or each cell written out.
Group = str | Sequence[str] | None


@dataclass(frozen=True)
class PageBreak:
    """Where a page break cuts one of the tables."""

    table: int  # which of the tables, from 0
    before: int  # index of the first whole row on the next page
    # The tail of each cell (by column) of the row above that runs onto the next page; each
    # must end that cell's text.
    carry: Mapping[int, str] = field(default_factory=dict)
    # Rows at the top of the next page before the carried row (a repeated column header…),
    # after the repeated group header.
    repeat: Sequence[Row] = ()


def seed_rows(rows: list[list[str]]) -> list[Row]:
    """A seed table's rows with each cell's markup turned into "\\n"-separated paragraphs."""
    return [["\n".join(cell_paragraphs(cell)).strip() for cell in row] for row in rows]


def paged_docx(
    out: Path, tables: Sequence[Sequence[Row]], page_break: PageBreak, group: Group = None
) -> Path:
    """Write `tables` as a Word document, `page_break` splitting one of them in two, and the
    group header row (if any) on top of every table, as Word repeats it on every page."""
    pieces: list[list[Row]] = []
    for t, rows in enumerate(tables):
        if t != page_break.table:
            pieces.append(list(rows))
            continue
        first, rest = list(rows[: page_break.before]), list(rows[page_break.before :])
        cut, carried = _cut(first[-1], page_break.carry)
        first[-1] = cut
        pieces.append(first)
        pieces.append([*page_break.repeat, carried, *rest])
    doc = Document()
    for i, rows in enumerate(pieces):
        if i:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _table(doc, rows, group)
    doc.save(str(out))
    return out


def _cut(row: Row, carry: Mapping[int, str]) -> tuple[Row, Row]:
    kept, carried = list(row), [""] * len(row)
    for column, tail in carry.items():
        text = row[column]
        if not text.endswith(tail):
            raise ValueError(f"column {column} does not end with the carried text")
        kept[column] = text[: len(text) - len(tail)].rstrip()
        carried[column] = tail.strip()
    return kept, carried


def _table(doc: DocumentObject, rows: list[Row], group: Group) -> None:
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=0, cols=width)
    if isinstance(group, str):
        cells = table.add_row().cells
        cells[0].merge(cells[width - 1]).paragraphs[0].text = group
    elif group is not None:
        _fill(table.add_row().cells, list(group))
    for row in rows:
        _fill(table.add_row().cells, row)


def _fill(cells: Sequence[_Cell], row: Row) -> None:
    for cell, text in zip(cells, row, strict=False):
        paragraphs = text.split("\n")
        cell.paragraphs[0].text = paragraphs[0]
        for extra in paragraphs[1:]:
            cell.add_paragraph(extra)
