"""The seed documents (Word tables exported to text) back as tables, and as Word files.

Seed format: one table row a line, cells split by tabs, a cell's paragraphs as <p>…</p>;
a blank line or a line without tabs ends a table (a page break inside a table shows as a
blank line, so the table after it continues the one before without a header).
"""

from __future__ import annotations

import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def seed_file(name: str) -> Path:
    """The seed document numbered `name` (001, 002 …)."""
    return next(SEEDS.glob(f"{name}_*.txt"))


def seed_blocks(path: Path) -> list[tuple[str, object]]:
    """("p", text) paragraphs and ("table", rows) tables, in document order."""
    blocks: list[tuple[str, object]] = []
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            blocks.append(("table", rows))
            rows = []
        if line.strip():
            blocks.append(("p", line))
    if rows:
        blocks.append(("table", rows))
    return blocks


def seed_tables(path: Path) -> list[list[list[str]]]:
    return [rows for kind, rows in seed_blocks(path) if kind == "table"]  # type: ignore[misc]


def cell_paragraphs(cell: str) -> list[str]:
    """A seed cell's paragraphs: <p> and list markup become separate paragraphs."""
    parts = re.split(r"</p>|<br\s*/?>", cell)
    out = []
    for part in parts:
        text = re.sub(r"<[^>]*>", " ", part)
        text = re.sub(r"\s+", " ", text).strip()
        if text:
            out.append(text)
    return out or [""]


def seed_docx(path: Path, out: Path) -> Path:
    """Rebuild the seed as a Word document: paragraphs, and real tables with paragraphs."""
    from docx import Document

    doc = Document()
    for kind, content in seed_blocks(path):
        if kind == "p":
            doc.add_paragraph(str(content))
            continue
        rows: list[list[str]] = content  # type: ignore[assignment]
        width = max(len(r) for r in rows)
        table = doc.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c in range(width):
                cell = table.cell(r, c)
                paragraphs = cell_paragraphs(row[c]) if c < len(row) else [""]
                cell.paragraphs[0].text = paragraphs[0]
                for extra in paragraphs[1:]:
                    cell.add_paragraph(extra)
    doc.save(str(out))
    return out
