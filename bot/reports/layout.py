"""What every renderer prints the same way: the title line, the signature lines, and
column widths measured from the table's text."""

from __future__ import annotations

import unicodedata

from handlers.reports.model import Report, Table

DOTS = "." * 40
IMAGES_HEADING = "ภาพประกอบ"

# Column widths in characters: a number column still fits its header's longest word,
# and a long text column stops growing so the others keep room.
MIN_CHARS = 3
MAX_CHARS = 40


def heading(report: Report) -> str:
    """The title, after the catalogue code the assessors look for ("o43 รายงานผล…")."""
    code = report.code.strip()
    if not code or report.title.casefold().startswith(code.casefold()):
        return report.title
    return f"{code} {report.title}"


def header_lines(report: Report) -> tuple[list[str], list[str]]:
    """The lines above the title (office, address) and under it (subtitle, period, as-of)."""
    above = [t for t in (report.office, report.address) if t.strip()]
    below = [t for t in (report.subtitle, report.period, report.as_of) if t.strip()]
    return above, below


def signature_lines(role: str) -> tuple[str, str, str]:
    """One signer's block as printed under a Thai government report. A role of two lines
    names the signer (handlers/reports/no_gift_policy.py signed_by): "(name)" then the
    position, printed under the line to sign on."""
    if "\n" in role:
        name, position = role.split("\n", 1)
        return f"ลงชื่อ {DOTS}", name, position
    return f"ลงชื่อ {DOTS} {role}", f"({DOTS})", f"ตำแหน่ง {DOTS}"


def text_width(text: str) -> int:
    """Characters that take room on a line: Thai vowel and tone marks sit above or below
    their consonant (Unicode category Mn) and add no width."""
    return sum(1 for ch in text if unicodedata.category(ch) != "Mn")


def content_widths(table: Table) -> tuple[int, ...]:
    """Per column, the characters its text needs: its longest line (a cell's lines are
    kept whole where possible), at least the header's longest word (so a header never
    breaks inside a word), within MIN_CHARS..MAX_CHARS."""
    out: list[int] = []
    for i, title in enumerate(table.columns):
        header = max((text_width(w) for w in title.split()), default=0)
        body = max(
            (
                text_width(line.strip())
                for row in table.rows
                if i < len(row)
                for line in row[i].split("\n")
            ),
            default=0,
        )
        out.append(max(MIN_CHARS, min(MAX_CHARS, max(header, body))))
    return tuple(out)


def relative_widths(table: Table) -> tuple[float, ...]:
    """The table's own widths when it sets them for every column, else measured ones."""
    if table.widths and len(table.widths) == len(table.columns) and sum(table.widths) > 0:
        return tuple(float(w) for w in table.widths)
    return tuple(float(w) for w in content_widths(table))
