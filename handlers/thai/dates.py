"""Thai calendar conventions: Buddhist Era years, Thai month names and the fiscal year.

The Thai government fiscal year runs 1 October to 30 September and is named by the
Buddhist Era (BE) year in which it ends: FY 2568 = 1 Oct 2024 – 30 Sep 2025.
Quarter 1 is October–December and the first half (รอบ 6 เดือน) is October–March.
"""

import calendar
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.thai.digits import arabic_to_thai, thai_to_arabic

BANGKOK = ZoneInfo("Asia/Bangkok")
BE_OFFSET = 543

MONTHS_FULL: tuple[str, ...] = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_SHORT: tuple[str, ...] = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
# Spoken forms without the -คม/-ยน/-พันธ์ ending, and common misspellings seen in documents.
_MONTHS_SPOKEN: tuple[tuple[str, ...], ...] = (
    ("มกรา",),
    ("กุมภา", "กุมภาพันธ"),
    ("มีนา",),
    ("เมษา",),
    ("พฤษภา", "พฤษภาคม"),
    ("มิถุนา",),
    ("กรกฎา", "กรกฏาคม", "กรกฏา"),
    ("สิงหา",),
    ("กันยา",),
    ("ตุลา",),
    ("พฤศจิกา", "พฤศจิกายน"),
    ("ธันวา",),
)

_THAI_LETTER = "\u0e01-\u0e4f"


def _abbreviation_pattern(abbr: str) -> str:
    # "ม.ค." is also written "ม.ค", "ม. ค.", "มค"; without dots it must stand alone,
    # since two letters like "สค" also occur inside ordinary words.
    first, second = abbr.rstrip(".").split(".")
    dotted = rf"{first}\.\s?{second}\.?"
    bare = rf"(?<![{_THAI_LETTER}]){first}{second}(?![{_THAI_LETTER}])"
    return f"{dotted}|{bare}"


def _month_alternatives() -> list[tuple[str, int]]:
    pairs: list[tuple[str, int]] = []
    for number, (full, abbr, spoken) in enumerate(
        zip(MONTHS_FULL, MONTHS_SHORT, _MONTHS_SPOKEN, strict=True), start=1
    ):
        for name in (full, *spoken):
            pairs.append((re.escape(name), number))
        pairs.append((_abbreviation_pattern(abbr), number))
    return pairs


_MONTH_ALTERNATIVES = _month_alternatives()
# Longest names first so that "ตุลาคม" wins over its prefix "ตุลา".
MONTH_PATTERN = "|".join(
    f"(?:{p})" for p, _ in sorted(_MONTH_ALTERNATIVES, key=lambda pm: -len(pm[0]))
)
_MONTH_RE = [(re.compile(p), n) for p, n in _MONTH_ALTERNATIVES]


def month_number(name: str) -> int | None:
    """Month number 1-12 for a Thai month name, full or abbreviated ("ม.ค.", "มค", "มกราคม")."""
    name = name.strip()
    for pattern, number in _MONTH_RE:
        if pattern.fullmatch(name):
            return number
    return None


def _local_date(d: date) -> date:
    # An aware datetime is shown and counted in Thai time, whatever zone it was stored in.
    if isinstance(d, datetime):
        if d.tzinfo is not None:
            d = d.astimezone(BANGKOK)
        return d.date()
    return d


def ce_year(be: int) -> int:
    """Christian Era year for a Buddhist Era year."""
    return be - BE_OFFSET


def fiscal_year(d: date) -> int:
    """BE fiscal year a date falls in: October onwards belongs to the next year's budget."""
    local = _local_date(d)
    return local.year + BE_OFFSET + (1 if local.month >= 10 else 0)


def fiscal_year_bounds(fy_be: int) -> tuple[date, date]:
    """First and last day of a BE fiscal year."""
    year = ce_year(fy_be)
    return date(year - 1, 10, 1), date(year, 9, 30)


def quarter_bounds(fy_be: int, q: int) -> tuple[date, date]:
    """First and last day of quarter q (1-4) of a fiscal year; quarter 1 is October-December."""
    if q not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1-4, got {q}")
    start, _ = fiscal_year_bounds(fy_be)
    first_month = start.month + 3 * (q - 1)
    year = start.year + (first_month - 1) // 12
    first_month = (first_month - 1) % 12 + 1
    last_month = first_month + 2
    return date(year, first_month, 1), date(year, last_month, _days_in(year, last_month))


def first_half_bounds(fy_be: int) -> tuple[date, date]:
    """October to March: the period of the six-month progress report (o12)."""
    start, _ = fiscal_year_bounds(fy_be)
    return start, date(ce_year(fy_be), 3, 31)


def second_half_bounds(fy_be: int) -> tuple[date, date]:
    """April to September of a fiscal year."""
    _, end = fiscal_year_bounds(fy_be)
    return date(ce_year(fy_be), 4, 1), end


def month_bounds(year_be: int, month: int) -> tuple[date, date]:
    """First and last day of a month of a BE calendar year."""
    year = ce_year(year_be)
    return date(year, month, 1), date(year, month, _days_in(year, month))


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def format_thai_date(d: date, short: bool = False, thai_digits: bool = False) -> str:
    """Date as Thai people write it: "22 พฤศจิกายน 2569", or "22 พ.ย. 69" when short."""
    local = _local_date(d)
    if short:
        text = f"{local.day} {MONTHS_SHORT[local.month - 1]} {(local.year + BE_OFFSET) % 100:02d}"
    else:
        text = f"{local.day} {MONTHS_FULL[local.month - 1]} {local.year + BE_OFFSET}"
    return arabic_to_thai(text) if thai_digits else text


def format_thai_datetime(dt: datetime, short: bool = False, thai_digits: bool = False) -> str:
    """Date and time in Thai time: "22 พฤศจิกายน 2569 เวลา 14:05 น."."""
    if dt.tzinfo is not None:
        dt = dt.astimezone(BANGKOK)
    text = f"{format_thai_date(dt, short=short)} เวลา {dt:%H:%M} น."
    return arabic_to_thai(text) if thai_digits else text


def parse_be_year(text: str) -> int | None:
    """A BE year from "2568", "๒๕๖๘", "พ.ศ. 2568" or the two-digit "68"; a CE year is converted."""
    digits = re.sub(r"[^0-9]", "", thai_to_arabic(text))
    if not 2 <= len(digits) <= 4:  # also spares int() a query string of thousands of digits
        return None
    value = int(digits)
    if len(digits) == 2:
        return 2500 + value
    if len(digits) == 4 and 2400 <= value <= 2700:
        return value
    if len(digits) == 4 and 1900 <= value <= 2157:
        return value + BE_OFFSET
    return None


_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_day(text: str, what: str = "วันที่") -> date:
    """YYYY-MM-DD with a Buddhist-era or Christian-era year, Thai digits allowed, as staff
    type a date on the command line. ValueError with a Thai message naming `what`."""
    m = _DAY.match(thai_to_arabic(text))
    if m is None:
        raise ValueError(f"{what} “{text}” ไม่ถูกต้อง ให้ระบุเป็น ปปปป-ดด-วว เช่น 2568-03-15")
    year, month, day = (int(g) for g in m.groups())
    if year >= 2400:  # nothing recorded here happened before 1857: a year this large is BE
        year -= BE_OFFSET
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{what} “{text}” ไม่มีในปฏิทิน") from None
