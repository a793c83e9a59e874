"""The seven issues (ประเด็น) an office analyses its ITA scores in, and their items, per year.

Seeds 002 and 004 analyse the scores issue by issue: 1 transparent operations, 2 services
and e-service, 3 communication channels, 4 use of public property, 5 budget transparency,
6 use of authority and personnel, 7 anti-corruption mechanisms. Which items an issue covers
changes with the numbering, so it is data: ``issues/<year>.csv`` (see its header).

A year without its own file uses the newest earlier file, like the catalogue loader. A file
may hold only OIT rows (the IIT/EIT lists of that year are unknown): its issue titles and
IIT/EIT rows then come from the newest earlier file that has them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from handlers.ita.catalogue import normalize_code

ISSUES_DIR = Path(__file__).parent / "issues"
ISSUE_NUMBERS: tuple[int, ...] = (1, 2, 3, 4, 5, 6, 7)
HEADER = ("issue", "code", "title")
_YEAR_FILE = re.compile(r"^(\d{4})\.csv$")


class GroupingError(ValueError):
    """No grouping for the year, or a malformed file (the message names file and line)."""


@dataclass(frozen=True)
class Issue:
    no: int
    title: str
    codes: tuple[str, ...]  # IIT, then EIT, then OIT, in the file's order


@dataclass(frozen=True)
class Grouping:
    year: int
    based_on: int  # the file the issue titles and OIT rows come from
    survey_based_on: int  # the file the IIT/EIT rows come from
    issues: tuple[Issue, ...]
    titles: dict[str, str]  # item titles the files give (the catalogue's win for OIT)

    def issue(self, no: int) -> Issue:
        return next(i for i in self.issues if i.no == no)

    def codes(self) -> set[str]:
        return {c for i in self.issues for c in i.codes}


@dataclass(frozen=True)
class _Row:
    issue: int
    code: str  # "" for the issue's title row
    title: str


def available_years(folder: Path = ISSUES_DIR) -> list[int]:
    years = (_YEAR_FILE.match(p.name) for p in folder.glob("*.csv"))
    return sorted(int(m.group(1)) for m in years if m)


def load_grouping(year: int, folder: Path = ISSUES_DIR) -> Grouping:
    """The issues of ITA year `year` (BE); GroupingError when no file covers it."""
    earlier = [y for y in available_years(folder) if y <= year]
    if not earlier:
        raise GroupingError(f"no ITA issue grouping for {year} or any earlier year in {folder}")
    files = {y: read_file(folder / f"{y}.csv") for y in earlier}
    based_on = earlier[-1]
    survey_year = next((y for y in reversed(earlier) if _survey_rows(files[y])), based_on)
    titled_year = next((y for y in reversed(earlier) if _title_rows(files[y])), based_on)
    rows = [r for r in files[based_on] if r.code.startswith("o")]
    rows += _survey_rows(files[survey_year])
    names = {r.issue: r.title for r in _title_rows(files[titled_year])}
    titles = {r.code: r.title for r in rows if r.title}
    issues = []
    for no in ISSUE_NUMBERS:
        mine = [r.code for r in rows if r.issue == no]
        ordered = sorted(mine, key=lambda c: "ieo".index(c[0]))  # stable: file order within
        issues.append(Issue(no, names.get(no, ""), tuple(ordered)))
    return Grouping(year, based_on, survey_year, tuple(issues), titles)


def _survey_rows(rows: list[_Row]) -> list[_Row]:
    return [r for r in rows if r.code[:1] in ("i", "e")]


def _title_rows(rows: list[_Row]) -> list[_Row]:
    return [r for r in rows if not r.code]


def read_file(path: Path) -> list[_Row]:
    rows: list[_Row] = []
    header_seen = False
    with path.open(encoding="utf-8", newline="") as f:
        for lineno, line in enumerate(f, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in next(csv.reader([line]))]
            where = f"{path}:{lineno}"
            if not header_seen:
                if tuple(cells) != HEADER:
                    raise GroupingError(f"{where}: expected header {','.join(HEADER)}")
                header_seen = True
                continue
            if len(cells) != len(HEADER):
                raise GroupingError(f"{where}: expected {len(HEADER)} columns, found {len(cells)}")
            issue, code, title = cells
            if not issue.isdigit() or int(issue) not in ISSUE_NUMBERS:
                raise GroupingError(f"{where}: issue must be 1-7, not {issue!r}")
            if code and normalize_code(code) != code:
                raise GroupingError(f"{where}: code {code!r} is not canonical (e.g. o12, i3)")
            rows.append(_Row(int(issue), code, title))
    if not header_seen:
        raise GroupingError(f"{path}: no header line")
    return rows
