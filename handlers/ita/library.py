"""The measure library: integrity measures real offices set (read from the seeds into
``library.csv``), offered to an office for the weak items of its ITA analysis.

Each entry answers some ITA items (codes in the 2566 numbering the seeds use) and was set
under one of the seven issues the seeds' analyses use. `suggest` offers first the measures
that answer the flagged items themselves, then the rest of the issue's measures.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from handlers.ita.catalogue import normalize_code
from handlers.ita.suggestion import Suggestion

LIBRARY = Path(__file__).with_name("library.csv")
HEADER = ("id", "issue", "codes", "title", "steps", "unit", "period", "source")
STEP_SEPARATOR = " | "

# The seven issues (ประเด็น) of the seeds' analyses, as seed 002 names them.
ISSUE_TITLES: dict[int, str] = {
    1: "กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ",
    2: "การให้บริการและระบบ E-Service",
    3: "ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ",
    4: "กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ",
    5: "กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง",
    6: "กระบวนการควบคุม ตรวจสอบการใช้อำนาจและการบริหารงานบุคคล",
    7: "กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน",
}


class LibraryError(ValueError):
    """The library file is malformed; the message names the line."""


@dataclass(frozen=True)
class Entry:
    id: str
    issue_no: int
    codes: tuple[str, ...]
    title: str
    steps: tuple[str, ...]
    unit: str
    period: str
    source: str


def entries(path: Path = LIBRARY) -> tuple[Entry, ...]:
    """Every measure of the library, in file order."""
    return _read(path)


@cache
def _read(path: Path) -> tuple[Entry, ...]:
    found: list[Entry] = []
    header_seen = False
    with path.open(encoding="utf-8", newline="") as f:
        for lineno, line in enumerate(f, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            row = next(csv.reader([line]))
            if not header_seen:
                if tuple(row) != HEADER:
                    raise LibraryError(f"{path}:{lineno}: expected header {','.join(HEADER)}")
                header_seen = True
                continue
            found.append(_entry(row, f"{path}:{lineno}"))
    return tuple(found)


def _entry(row: list[str], where: str) -> Entry:
    if len(row) != len(HEADER):
        raise LibraryError(f"{where}: expected {len(HEADER)} columns, found {len(row)}")
    id_, issue, codes, title, steps, unit, period, source = (c.strip() for c in row)
    if not issue.isdigit() or int(issue) not in ISSUE_TITLES:
        raise LibraryError(f"{where}: issue must be 1-7, not {issue!r}")
    canonical = tuple(normalize_code(c) or "" for c in codes.split())
    if not canonical or not all(canonical):
        raise LibraryError(f"{where}: codes must be ITA item codes such as i12 e5 o30")
    parts = tuple(s.strip() for s in steps.split(STEP_SEPARATOR.strip()) if s.strip())
    if not title or not parts or not unit or not period or not source:
        raise LibraryError(f"{where}: title, steps, unit, period and source are required")
    return Entry(id_, int(issue), canonical, title, parts, unit, period, source)


def suggest(issue_no: int, codes: Sequence[str]) -> list[Suggestion]:
    """Measures for an issue whose items `codes` were flagged: first those answering the
    flagged items (in the order the codes are given, whichever issue the seed set them
    under), then the issue's other measures in library order. A measure the seeds repeat
    under two issues is offered once. `for_codes` are the flagged items the measure answers,
    or, for an issue-only match, the items it answers itself."""
    if issue_no not in ISSUE_TITLES:
        raise ValueError(f"issue must be 1-7, not {issue_no}")
    flagged = [c for c in dict.fromkeys(normalize_code(c) for c in codes) if c]
    library = entries()
    chosen: list[Entry] = []
    for code in flagged:
        chosen.extend(e for e in library if code in e.codes and e not in chosen)
    chosen.extend(e for e in library if e.issue_no == issue_no and e not in chosen)
    out: list[Suggestion] = []
    titles: set[str] = set()
    for e in chosen:
        if e.title in titles:
            continue
        titles.add(e.title)
        answers = tuple(c for c in flagged if c in e.codes) or e.codes
        out.append(Suggestion(e.title, e.steps, e.unit, e.period, answers, issue_no, e.source))
    return out
