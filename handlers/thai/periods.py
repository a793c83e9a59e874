"""Reading the free-text period (ระยะเวลา) of a measure into a start and an end date.

Offices write periods however they like: "ไตรมาส ๑", "ตลอดปีงบประมาณ",
"ม.ค.-มี.ค. ๖๔", "๑ ต.ค.๒๕๖๖-๓๐ ก.ย.๒๕๖๗". Overdue flags and reports depend on these
dates, so a period is read only when every part of it is understood; anything else
comes back without dates and with a Thai warning for a person to check. Never guess.
"""

import html
import re
from dataclasses import dataclass
from datetime import date
from typing import cast

from handlers.thai.dates import (
    MONTH_PATTERN,
    ce_year,
    first_half_bounds,
    fiscal_year_bounds,
    format_thai_date,
    month_bounds,
    month_number,
    parse_be_year,
    quarter_bounds,
    second_half_bounds,
)
from handlers.thai.digits import thai_to_arabic
from handlers.thai.normalize import normalize

UNREADABLE = "อ่านระยะเวลาไม่ได้"
MISSING = "ไม่ได้ระบุระยะเวลา"


@dataclass(frozen=True)
class Period:
    """A measure's period. start or end is None when open; both None when unreadable."""

    start: date | None
    end: date | None
    text: str
    warning: str | None = None

    @property
    def readable(self) -> bool:
        """True when at least one end of the period is known."""
        return self.start is not None or self.end is not None

    def contains(self, d: date) -> bool:
        """True when d falls inside the period (open ends count as unbounded)."""
        if not self.readable:
            return False
        return (self.start is None or self.start <= d) and (self.end is None or d <= self.end)

    def label(self, short: bool = True) -> str:
        """The period in Thai for reports, e.g. "1 ต.ค. 67 – 30 ก.ย. 68"."""
        if not self.readable:
            return self.text
        if self.start is None and self.end is not None:
            return f"ภายใน {format_thai_date(self.end, short=short)}"
        if self.end is None and self.start is not None:
            return f"ตั้งแต่ {format_thai_date(self.start, short=short)}"
        assert self.start is not None and self.end is not None
        if self.start == self.end:
            return format_thai_date(self.start, short=short)
        first = format_thai_date(self.start, short=short)
        return f"{first} – {format_thai_date(self.end, short=short)}"


class _Unreadable(Exception):
    """Raised inside the parser; turned into a Period with a warning."""

    def __init__(self, reason: str = "") -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class _Tok:
    kind: str
    value: object = None
    digits: int = 0


_QUARTER_WORDS = {"แรก": 1, "หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "สุดท้าย": 4}
_Q = r"(?:[1-4](?!\d)|แรก|หนึ่ง|สอง|สาม|สี่|สุดท้าย)"
_Q_JOIN = r"\s*(?:-|–|ถึง|และ|,)\s*(?:ไตรมาส\s*(?:ที่\s*)?)?"
_YEAR_TAIL = r"(?:\s*(?:พ\.?\s?ศ\.?)?\s*(\d{4}|\d{2})(?!\d))?"

# Tried in this order at each position; the first that matches wins.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("quarters", re.compile(rf"(?:ไตรมาส|q)\s*(?:ที่\s*)?{_Q}(?:{_Q_JOIN}{_Q})*")),
    ("half1", re.compile(r"(?:รอบ\s*)?(?:6|หก)\s*เดือน\s*แรก|ครึ่งปี\s*(?:งบประมาณ\s*)?แรก|ครึ่งแรก")),
    ("half2", re.compile(r"(?:รอบ\s*)?(?:6|หก)\s*เดือน\s*หลัง|ครึ่งปี\s*(?:งบประมาณ\s*)?หลัง|ครึ่งหลัง")),
    ("half1", re.compile(r"รอบ\s*(?:6|หก)\s*เดือน")),
    ("fy", re.compile(rf"(?:ตลอด\s*)?(?:ทั้ง\s*)?(?:ประจำ\s*)?ปีงบ(?:ประมาณ)?{_YEAR_TAIL}")),
    ("fy", re.compile(r"ตลอด\s*(?:ทั้ง\s*)?ปี|ทั้งปี|ทุกเดือน|ทุกไตรมาส|รอบ\s*12\s*เดือน")),
    ("deadline", re.compile(r"ภายใน|ไม่เกิน")),
    ("from", re.compile(r"ตั้งแต่|เริ่ม")),
    ("numdate", re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?!\d)")),
    ("month", re.compile(MONTH_PATTERN)),
    ("be", re.compile(r"พ\.\s?ศ\.?|พศ\.?")),
    ("ce", re.compile(r"ค\.\s?ศ\.?|คศ\.?")),
    ("sep", re.compile(r"-|–|—|~|(?:จน\s*)?ถึง")),
    ("num", re.compile(r"\d+")),
    (
        "filler",
        re.compile(
            r"วันที่|เดือน|ปี|ระยะเวลา|ระหว่าง|ช่วงเวลา|ช่วง|ดำเนินการ|ดำเนินงาน"
            r"|เป็นต้นไป|ต้นไป|ประจำ"
        ),
    ),
]
_IGNORABLE = re.compile(r"[\s(),.:;/]+")
_TAG = re.compile(r"<[^>]*>")


def parse_period(text: str, fiscal_year_be: int) -> Period:
    """Read a period written in Thai; dates without a year fall inside fiscal_year_be."""
    cleaned = normalize(_TAG.sub(" ", html.unescape(text)))
    if not cleaned:
        return Period(None, None, cleaned, MISSING)
    try:
        start, end = _parse(cleaned, fiscal_year_be)
    except _Unreadable as problem:
        reason = f" ({problem.reason})" if problem.reason else ""
        return Period(None, None, cleaned, f"{UNREADABLE}: {cleaned}{reason}")
    return Period(start, end, cleaned, None)


def _parse(cleaned: str, fy: int) -> tuple[date | None, date | None]:
    text = thai_to_arabic(cleaned).lower()
    # "ไตรมาสอง" is a common typo of "ไตรมาสสอง": the two ส run together.
    text = re.sub("ไตรมาสอง", "ไตรมาส สอง", text)
    tokens = _classify_numbers(_scan(text))
    modifier = None
    if tokens and tokens[0].kind in ("deadline", "from"):
        modifier = tokens.pop(0).kind
    sides = _split_sides(tokens)
    if modifier == "deadline" and len(sides) != 1:
        raise _Unreadable()
    start, end = _combine([_side(s, fy) for s in sides], fy)
    if start > end:
        raise _Unreadable("วันเริ่มอยู่หลังวันสิ้นสุด")
    if modifier == "deadline":
        return None, end
    if modifier == "from" and len(sides) == 1:
        return start, None
    return start, end


def _scan(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    pos = 0
    while pos < len(text):
        skip = _IGNORABLE.match(text, pos)
        if skip:
            pos = skip.end()
            continue
        for kind, pattern in _PATTERNS:
            m = pattern.match(text, pos)
            if m and m.end() > pos:
                tok = _token(kind, m)
                if tok is not None:
                    tokens.append(tok)
                pos = m.end()
                break
        else:
            raise _Unreadable()
    return tokens


def _token(kind: str, m: re.Match[str]) -> _Tok | None:
    if kind == "filler":
        return None
    if kind == "quarters":
        return _Tok(kind, _quarter_span(m.group(0)))
    if kind == "fy":
        year = m.group(1) if m.groups() else None
        return _Tok(kind, parse_be_year(year) if year else None)
    if kind == "numdate":
        day, month, year = m.groups()
        return _Tok(kind, (int(day), int(month), parse_be_year(year)))
    if kind == "month":
        return _Tok(kind, month_number(m.group(0)))
    if kind == "num":
        return _Tok(kind, int(m.group(0)), len(m.group(0)))
    return _Tok(kind)


def _quarter_span(found: str) -> tuple[int, int]:
    body = re.sub(r"ไตรมาส|q|ที่", " ", found)
    parts = re.findall(r"[1-4]|แรก|หนึ่ง|สอง|สาม|สี่|สุดท้าย|-|–|ถึง|และ|,", body)
    numbers = [
        int(p) if p.isdigit() else _QUARTER_WORDS[p]
        for p in parts
        if p in _QUARTER_WORDS or p.isdigit()
    ]
    is_range = any(p in ("-", "–", "ถึง") for p in parts)
    if is_range and (len(numbers) != 2 or numbers[0] > numbers[1]):
        raise _Unreadable()
    # A list such as "ไตรมาส 1 และ 2" is one span only when the quarters follow each other.
    if not is_range and any(b != a + 1 for a, b in zip(numbers, numbers[1:], strict=False)):
        raise _Unreadable("ไตรมาสไม่ต่อเนื่องกัน")
    return numbers[0], numbers[-1]


def _classify_numbers(tokens: list[_Tok]) -> list[_Tok]:
    # A bare number is a day before a month name, a year after one, and a year after พ.ศ.
    out: list[_Tok] = []
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1].kind if i > 0 else ""
        nxt = tokens[i + 1].kind if i + 1 < len(tokens) else ""
        if tok.kind in ("be", "ce"):
            if nxt != "num":
                raise _Unreadable()
            continue
        if tok.kind != "num":
            out.append(tok)
            continue
        value = int(str(tok.value))
        if prev == "ce" and tok.digits == 2:
            out.append(_Tok("year", 2000 + value + 543))
        elif tok.digits == 4 or prev in ("be", "ce"):
            year = parse_be_year(str(value).zfill(tok.digits))
            if year is None:
                raise _Unreadable()
            out.append(_Tok("year", year))
        elif tok.digits <= 2 and (nxt == "month" or _day_before_range(tokens, i)):
            out.append(_Tok("day", value))
        elif tok.digits <= 2 and prev == "month":
            out.append(_Tok("year", 2500 + value))
        else:
            raise _Unreadable()
    return out


def _day_before_range(tokens: list[_Tok], i: int) -> bool:
    # "1-15 ม.ค. 68": the first number is a day that borrows the month on the right.
    kinds = [t.kind for t in tokens[i + 1 : i + 4]]
    return kinds == ["sep", "num", "month"]


def _split_sides(tokens: list[_Tok]) -> list[list[_Tok]]:
    sides: list[list[_Tok]] = [[]]
    for tok in tokens:
        if tok.kind == "sep":
            sides.append([])
        else:
            sides[-1].append(tok)
    if len(sides) > 2 or any(not side for side in sides):
        raise _Unreadable()
    return sides


@dataclass(frozen=True)
class _Side:
    kind: str  # "span", "date", "day" or "year"
    start: date | None = None
    end: date | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None


def _side(tokens: list[_Tok], fy: int) -> _Side:
    kinds = [t.kind for t in tokens]
    values = [t.value for t in tokens]
    head = kinds[0]
    if head in ("fy", "quarters", "half1", "half2"):
        year = _fiscal_year_of(tokens[1:], default=values[0] if head == "fy" else None, fy=fy)
        return _Side("span", *_fixed_span(head, values[0], year))
    if kinds == ["numdate"]:
        day, month, written_year = cast(tuple[int, int, int | None], values[0])
        if written_year is None:
            raise _Unreadable()
        d = _date(written_year, month, day)
        return _Side("span", d, d)
    if kinds in (["month"], ["month", "year"], ["day", "month"], ["day", "month", "year"]):
        named = dict(zip(kinds, values, strict=True))
        return _Side(
            "date",
            day=_int_or_none(named.get("day")),
            month=_int_or_none(named["month"]),
            year=_int_or_none(named.get("year")),
        )
    if kinds == ["day"]:
        return _Side("day", day=_int_or_none(values[0]))
    if kinds == ["year"]:
        return _Side("year", year=_int_or_none(values[0]))
    raise _Unreadable()


def _fiscal_year_of(rest: list[_Tok], default: object, fy: int) -> int:
    # "ไตรมาส 1/2568", "ไตรมาส 1 ปีงบประมาณ 2568": the trailing year names the fiscal year.
    if not rest:
        return _int_or_none(default) or fy
    if len(rest) == 1 and rest[0].kind in ("year", "fy"):
        return _int_or_none(rest[0].value) or _int_or_none(default) or fy
    raise _Unreadable()


def _fixed_span(kind: str, value: object, year: int) -> tuple[date, date]:
    if kind == "fy":
        return fiscal_year_bounds(year)
    if kind == "half1":
        return first_half_bounds(year)
    if kind == "half2":
        return second_half_bounds(year)
    first, last = cast(tuple[int, int], value)
    return quarter_bounds(year, first)[0], quarter_bounds(year, last)[1]


def _combine(sides: list[_Side], fy: int) -> tuple[date, date]:
    if len(sides) == 1:
        return _bounds(sides[0], fy)
    left, right = sides
    if left.kind == "day":
        if right.kind != "date" or right.day is None:
            raise _Unreadable()
        left = _Side("date", day=left.day, month=right.month, year=right.year)
    if left.kind == "year" and right.kind == "span" or left.kind == "span" and right.kind == "year":
        return _year_range(left, right)
    if left.kind == "date" and right.kind == "date":
        left, right = _share_years(left, right, fy)
    return _bounds(left, fy)[0], _bounds(right, fy)[1]


def _year_range(left: _Side, right: _Side) -> tuple[date, date]:
    # "ปีงบประมาณ 2568-2569": a bare year beside a fiscal year is another fiscal year.
    if left.kind == "year":
        assert left.year is not None and right.end is not None
        return fiscal_year_bounds(left.year)[0], right.end
    assert left.start is not None and right.year is not None
    return left.start, fiscal_year_bounds(right.year)[1]


def _share_years(left: _Side, right: _Side, fy: int) -> tuple[_Side, _Side]:
    # "๑ ม.ค.-๓๐ เมษายน ๒๕๖๗": a year written once serves both ends; when the copied year
    # would put the start after the end, the range crosses New Year.
    if left.year is None and right.year is not None:
        year = right.year - (1 if _key(left, first=True) > _key(right, first=False) else 0)
        left = _Side("date", day=left.day, month=left.month, year=year)
    elif right.year is None and left.year is not None:
        year = left.year + (1 if _key(left, first=True) > _key(right, first=False) else 0)
        right = _Side("date", day=right.day, month=right.month, year=year)
    return left, right


def _key(side: _Side, first: bool) -> tuple[int, int]:
    assert side.month is not None
    return side.month, side.day if side.day is not None else (1 if first else 31)


def _bounds(side: _Side, fy: int) -> tuple[date, date]:
    if side.kind == "span":
        assert side.start is not None and side.end is not None
        return side.start, side.end
    if side.kind != "date" or side.month is None:
        raise _Unreadable()
    # Without a year, October-December belong to the calendar year before the fiscal year.
    year = side.year if side.year is not None else (fy - 1 if side.month >= 10 else fy)
    if side.day is not None:
        d = _date(year, side.month, side.day)
        return d, d
    return month_bounds(year, side.month)


def _date(year_be: int, month: int, day: int) -> date:
    try:
        return date(ce_year(year_be), month, day)
    except ValueError as error:
        raise _Unreadable("ไม่มีวันที่นี้ในปฏิทิน") from error


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) else None
