"""Each ITA year's list of items (IIT i.., EIT e.., OIT o..), read from a CSV per year.

The NACC renumbers the OIT list between years (o29 in 2566 is not o29 in 2564 or 2568), so
codes live in ``catalogues/<year>.csv`` and code elsewhere asks by *kind* of evidence:
``load(2566).by_kind("corruption_complaints")`` rather than a hard-wired "o29".

File format (UTF-8): ``#`` lines are comments (sources, what is unconfirmed); then the
header ``code,title,instrument,indicator,kind,window`` and one row per item, one row per
line (errors name the line, so no cell spans lines). ``kind`` is
empty for items Prongsai cannot produce. Codes are written canonically (``o12``, ``i3``).

Data windows (``WINDOWS``), relative to the assessed fiscal year (FY, 1 Oct - 30 Sep):

- ``current_fy_to_date``: from 1 October of the assessed FY up to the day the page is built.
- ``first_half_current_fy``: 1 October - 31 March of the assessed FY (รอบ 6 เดือน).
- ``current_fy``: the whole assessed FY (a plan or measures *for* the year).
- ``previous_fy``: the whole FY before the assessed one (annual results reports).
- ``none``: standing information with no period (structure, contacts, channels, manuals).
- ``unconfirmed``: the item covers some period, but no source seen says which; whoever
  builds the evidence must ask rather than guess.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from handlers.thai.digits import thai_to_arabic

CATALOGUES = Path(__file__).parent / "catalogues"

KINDS: tuple[str, ...] = (
    "measures",
    "measure_results",
    "plan_progress",
    "plan_results",
    "service_stats",
    "satisfaction",
    "corruption_complaints",
    "complaints",
    "participation",
    "gift_report",
    "analysis",  # the office's analysis of its ITA scores (handlers/ita/analysis.py)
    "asset_register",
    "no_gift_policy",  # the office's No Gift announcement (handlers/reports/no_gift_policy.py)
)
WINDOWS: tuple[str, ...] = (
    "current_fy_to_date",
    "first_half_current_fy",
    "current_fy",
    "previous_fy",
    "none",
    "unconfirmed",
)
# The office's plans whose items staff report on (see Item.plan).
PLAN_INTEGRITY = "integrity"  # มาตรการส่งเสริมคุณธรรมและความโปร่งใส (o42/o43)
PLAN_OPERATING = "operating"  # แผนดำเนินงาน (with budget)
PLAN_ANTI_CORRUPTION = "anti_corruption"  # แผนปฏิบัติการป้องกันการทุจริต
PLANS: dict[str, str] = {
    PLAN_INTEGRITY: "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    PLAN_OPERATING: "แผนดำเนินงาน",
    PLAN_ANTI_CORRUPTION: "แผนปฏิบัติการป้องกันการทุจริต",
}
INSTRUMENTS: dict[str, str] = {"i": "IIT", "e": "EIT", "o": "OIT"}
HEADER: tuple[str, ...] = ("code", "title", "instrument", "indicator", "kind", "window")

_YEAR_FILE = re.compile(r"^(\d{4})\.csv$")
# Prefix: "OIT"/"IIT"/"EIT" as some pages write them, "ei" (a slip for e seen in seed 002),
# a letter, or a Thai zero standing for the letter o ("๐๑๒" is o12, not 12).
_CODE = re.compile(
    r"^(?P<prefix>oit|iit|eit|ei|[ieo]|๐)[\s.\-:_]*(?P<num>[0-9๐-๙]{1,4})$", re.IGNORECASE
)


class CatalogueError(ValueError):
    """A catalogue file is missing or malformed; the message names file and line."""


def normalize_code(text: str) -> str | None:
    """The canonical code ("o12") for a code as offices write it, or None if it is not one.

    Case-insensitive, Thai or Arabic digits, "๐" for the letter o, leading zeros dropped:
    "O12", "o๑๒", "๐๑๒", "O012", "OIT 12" all give "o12".
    """
    m = _CODE.match(text.strip())
    if m is None:
        return None
    prefix = m.group("prefix").lower()
    family = "o" if prefix == "๐" else prefix[0]
    number = int(thai_to_arabic(m.group("num")))
    if number == 0:
        return None
    return f"{family}{number}"


@dataclass(frozen=True)
class Item:
    code: str
    title: str
    instrument: str
    indicator: str
    kind: str
    window: str

    @property
    def plan(self) -> str:
        """Which of the office's plans a plan_progress/plan_results item reports on.

        The catalogues name two such pairs each year: the operating plan (แผนดำเนินงาน,
        o12/o13 in 2566) and the anti-corruption plan (o37/o38 in 2566), whose titles
        always speak of การทุจริต. Measures items report on the integrity measures.
        """
        if self.kind in ("measures", "measure_results"):
            return PLAN_INTEGRITY
        if self.kind in ("plan_progress", "plan_results"):
            return PLAN_ANTI_CORRUPTION if "ทุจริต" in self.title else PLAN_OPERATING
        return ""


@dataclass(frozen=True)
class Catalogue:
    year: int
    # The year whose file was used: equal to year, or the newest earlier year on fallback.
    based_on: int
    items: tuple[Item, ...]
    # "file" (shipped with Prongsai) or "office" (the office's own edited copy of the year).
    source: str = "file"
    _by_code: dict[str, Item] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {i.code: i for i in self.items})

    def item(self, code: str) -> Item | None:
        """The item for a code written any usual way, or None if this year has no such item."""
        canonical = normalize_code(code)
        return None if canonical is None else self._by_code.get(canonical)

    def by_kind(self, kind: str) -> list[Item]:
        """Every item whose evidence is of this kind, in catalogue order."""
        if kind not in KINDS:
            # A typo here would silently produce no evidence at all.
            raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        return [i for i in self.items if i.kind == kind]

    def to_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "based_on": self.based_on,
            "source": self.source,
            "items": [
                {
                    "code": i.code,
                    "title": i.title,
                    "kind": i.kind or None,
                    "window": i.window,
                    "instrument": i.instrument,
                    "indicator": i.indicator,
                }
                for i in self.items
            ],
        }


def available_years(folder: Path = CATALOGUES) -> list[int]:
    """The years that have their own file, oldest first."""
    years = (_YEAR_FILE.match(p.name) for p in folder.glob("*.csv"))
    return sorted(int(m.group(1)) for m in years if m)


def load(year: int, folder: Path = CATALOGUES) -> Catalogue:
    """The catalogue for an ITA year (BE). A year without its own file uses the newest
    earlier year's file (the list is assumed unchanged until a file says otherwise)."""
    years = available_years(folder)
    earlier = [y for y in years if y <= year]
    if not earlier:
        first = f"the earliest is {years[0]}" if years else "there are none"
        raise CatalogueError(
            f"no ITA catalogue for {year} or any earlier year in {folder} ({first})"
        )
    based_on = earlier[-1]
    return Catalogue(year=year, based_on=based_on, items=read_file(folder / f"{based_on}.csv"))


def read_file(path: Path) -> tuple[Item, ...]:
    """Read and validate one catalogue file."""
    items: list[Item] = []
    seen: dict[str, int] = {}
    header_seen = False
    with path.open(encoding="utf-8", newline="") as f:
        for lineno, line in enumerate(f, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            row = next(csv.reader([line]))
            where = f"{path}:{lineno}"
            if not header_seen:
                if tuple(c.strip() for c in row) != HEADER:
                    raise CatalogueError(f"{where}: expected header {','.join(HEADER)}")
                header_seen = True
                continue
            items.append(_item(row, where))
            code = items[-1].code
            if code in seen:
                raise CatalogueError(f"{where}: duplicate code {code} (first on line {seen[code]})")
            seen[code] = lineno
    if not header_seen:
        raise CatalogueError(f"{path}: no header line")
    return tuple(items)


def _item(row: list[str], where: str) -> Item:
    if len(row) != len(HEADER):
        raise CatalogueError(f"{where}: expected {len(HEADER)} columns, found {len(row)}")
    code, title, instrument, indicator, kind, window = (c.strip() for c in row)
    return validated_item(code, title, instrument, indicator, kind, window, where)


def validated_item(
    code: str,
    title: str,
    instrument: str,
    indicator: str,
    kind: str,
    window: str,
    where: str = "item",
) -> Item:
    """An Item whose code, instrument, kind and window are valid (CatalogueError if not)."""
    canonical = normalize_code(code)
    if canonical is None or canonical != code:
        # Files hold one spelling so that lookups and duplicate checks compare like with like.
        raise CatalogueError(f"{where}: code {code!r} is not canonical (e.g. o12, i3, e15)")
    if INSTRUMENTS[code[0]] != instrument:
        raise CatalogueError(
            f"{where}: code {code} belongs to {INSTRUMENTS[code[0]]}, not {instrument!r}"
        )
    if kind and kind not in KINDS:
        raise CatalogueError(f"{where}: unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if window not in WINDOWS:
        raise CatalogueError(
            f"{where}: unknown window {window!r}; expected one of {', '.join(WINDOWS)}"
        )
    return Item(code, title, instrument, indicator, kind, window)
