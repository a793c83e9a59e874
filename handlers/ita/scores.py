"""An office's ITA scores per item (i1-i30, e1-e15, OIT items), read from what admins have:
a CSV or XLSX sheet (``code,score``), text pasted from the NACC results page or a report
("e14 84.16", "i1 = 90", "o30<TAB>0", Thai digits allowed), or a table typed on a page.

Reading never guesses: a line it cannot read, a score outside 0-100 and a code the year
does not have are each listed with their line, and the caller saves nothing until the
admin fixes them (an import replaces the whole year, so a partial one would lose scores).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from handlers.ita.catalogue import normalize_code
from handlers.thai.digits import thai_to_arabic

MAX_SCORE = Decimal(100)
# A code at the start ("e14", "E 14", "ei2", "๐๓๐"), the score as the last number on the
# line; whatever sits between (a question's text pasted with it, "=", ":") is ignored.
_LINE = re.compile(
    r"^\s*(?P<code>(?:oit|iit|eit|ei|[ieo]|๐)[\s.\-_]*[0-9๐-๙]{1,4})(?![0-9๐-๙])"
    r"(?P<middle>.*?)(?P<score>-?[0-9๐-๙]+(?:[.,][0-9๐-๙]+)?)\s*%?\s*$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^-?[0-9]+(?:[.,][0-9]+)?\s*%?$")
_HEADER_WORDS = ("code", "รหัส", "ข้อ", "score", "คะแนน", "ลำดับ")


@dataclass(frozen=True)
class Entry:
    """One code and score as written, and where (line or row number, 1-based)."""

    line: int
    code: str
    score: str


@dataclass(frozen=True)
class Problem:
    line: int
    text: str  # the line or cells as written
    reason: str  # Thai, for the admin


@dataclass(frozen=True)
class ScoreSheet:
    """What a file or a paste holds: the scores read, and everything that stops saving."""

    scores: dict[str, Decimal] = field(default_factory=dict)
    unknown: list[Entry] = field(default_factory=list)  # codes the year does not have
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.unknown and not self.problems and bool(self.scores)

    def messages(self) -> list[str]:
        """Thai lines naming every problem and unknown code, for the admin."""
        out = [f"บรรทัด {p.line}: {p.reason} ({p.text})" for p in self.problems]
        if self.unknown:
            codes = ", ".join(f"{e.code} (บรรทัด {e.line})" for e in self.unknown)
            out.append(f"รหัสที่ไม่มีในบัญชีรายการของปีนี้: {codes}")
        if not self.scores and not self.problems and not self.unknown:
            out.append("ไม่พบคะแนนในข้อมูลที่ส่งมา")
        return out


def entries_from_text(text: str) -> tuple[list[Entry], list[Problem]]:
    """Pasted lines: one code and score a line; blank and ``#`` lines are skipped."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#") or _is_header([line]):
            continue
        entry = _from_cells(lineno, raw.split("\t")) if "\t" in raw else None
        if entry is not None:
            entries.append(entry)
            continue
        m = _LINE.match(line)
        if m is None:
            problems.append(Problem(lineno, line, "อ่านรหัสข้อและคะแนนไม่ได้ (ตัวอย่าง: e14 84.16)"))
            continue
        entries.append(Entry(lineno, m.group("code").strip(), m.group("score")))
    return entries, problems


def entries_from_rows(rows: Iterable[Sequence[str]]) -> tuple[list[Entry], list[Problem]]:
    """Sheet rows ``code, score`` (a header row and rows with no score are skipped: the
    template lists every code with an empty score)."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    for rowno, row in enumerate(rows, start=1):
        cells = [str(c).strip() for c in row]
        if not any(cells) or _is_header(cells):
            continue
        code = cells[0]
        score = cells[1] if len(cells) > 1 else ""
        # The template's third column (the item's title) may stay; anything else is odd.
        if not score:
            if not code or normalize_code(code) is not None:
                continue
            problems.append(Problem(rowno, ", ".join(cells), "ไม่ใช่รหัสข้อ (เช่น i1, e14, o30)"))
            continue
        entries.append(Entry(rowno, code, score))
    return entries, problems


def check(
    entries: Sequence[Entry], known_codes: Iterable[str], problems: Sequence[Problem] = ()
) -> ScoreSheet:
    """Validate codes (canonical, known for the year) and scores (0-100, two decimals)."""
    known = set(known_codes)
    sheet = ScoreSheet(problems=list(problems))
    first_line: dict[str, int] = {}
    for e in entries:
        where = f"{e.code} {e.score}"
        code = normalize_code(e.code)
        if code is None:
            sheet.problems.append(Problem(e.line, where, "ไม่ใช่รหัสข้อ (เช่น i1, e14, o30)"))
            continue
        score, reason = parse_score(e.score)
        if score is None:
            sheet.problems.append(Problem(e.line, where, reason))
            continue
        if code not in known:
            sheet.unknown.append(Entry(e.line, code, e.score))
            continue
        if code in sheet.scores and sheet.scores[code] != score:
            sheet.problems.append(
                Problem(e.line, where, f"{code} มีคะแนนซ้ำไม่ตรงกับบรรทัด {first_line[code]}")
            )
            continue
        first_line.setdefault(code, e.line)
        sheet.scores[code] = score
    sheet.problems.sort(key=lambda p: p.line)
    return sheet


def parse_score(text: str) -> tuple[Decimal | None, str]:
    """A score 0-100 with at most two decimals ("84.16", "๘๔.๑๖", "84,16", "00.00")."""
    raw = thai_to_arabic(text.strip()).rstrip("%").strip().replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None, "คะแนนไม่ใช่ตัวเลข"
    if not value.is_finite():
        return None, "คะแนนไม่ใช่ตัวเลข"
    if value < 0 or value > MAX_SCORE:
        return None, "คะแนนต้องอยู่ระหว่าง 0 ถึง 100"
    if value != value.quantize(Decimal("0.01")):
        return None, "คะแนนมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง"
    return value.quantize(Decimal("0.01")), ""


def _from_cells(lineno: int, cells: Sequence[str]) -> Entry | None:
    """A row copied from a results table ("1<TAB>IIT<TAB>1.การปฏิบัติหน้าที่<TAB>i1<TAB>98.43"):
    the first cell that is a code, and the last cell after it that is a number."""
    texts = [c.strip() for c in cells]
    at = next((n for n, c in enumerate(texts) if normalize_code(c) is not None), None)
    if at is None:
        return None
    numbers = [c for c in texts[at + 1 :] if _NUMBER.match(thai_to_arabic(c))]
    return Entry(lineno, texts[at], numbers[-1]) if numbers else None


def _is_header(cells: Sequence[str]) -> bool:
    first = cells[0].strip().lower() if cells else ""
    return any(first.startswith(w) for w in _HEADER_WORDS)
