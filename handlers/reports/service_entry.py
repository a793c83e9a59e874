"""Entering a month's service count (chat, CLI and the admin grid share these rules).

A figure is a whole number of people, not negative, for a month that has begun; entering a
month again replaces the figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from handlers.reports.service_stats import parse_month
from handlers.satisfaction.services import Service
from handlers.thai.dates import BE_OFFSET, MONTHS_FULL, month_number
from handlers.thai.digits import thai_to_arabic


class CountInvalid(ValueError):
    """A figure, month or service that cannot be recorded; the message is Thai."""


class CountWriter(Protocol):
    def set_count(self, code: str, month: date, count: int, at: datetime, by: str) -> int | None:
        """Record the figure; the one it replaced, None when the month was new."""
        ...


class CountEraser(Protocol):
    def delete_count(self, code: str, month: date, at: datetime) -> int | None:
        """Forget the figure; the one it held, None when there was none."""
        ...


@dataclass(frozen=True)
class Recorded:
    service: Service
    month: date
    count: int
    before: int | None  # the figure replaced, None when the month was new


def month_text(month: date) -> str:
    """ "พฤศจิกายน 2569"."""
    return f"{MONTHS_FULL[month.month - 1]} {month.year + BE_OFFSET}"


# What a clerk types around the figure: "ประมาณ ๑๒๐ ราย", "120 คนค่ะ".
_AROUND_COUNT = re.compile(
    r"^(?:ประมาณ|ราว|ทั้งหมด|รวม|จำนวน)|(?:ราย|คน|ครั้ง|ท่าน)?(?:ครับผม|ครับ|คับ|ค่ะ|คะ|ค่า|จ้า)?$"
)


def parse_count(text: str) -> int:
    """A count typed with Arabic or Thai digits and commas, perhaps with its unit and a
    polite ending: "๑,๓๕๐" → 1350, "๑๒๐ ราย" → 120."""
    digits = re.sub(r"[,\s]", "", thai_to_arabic(text or ""))
    digits = _AROUND_COUNT.sub("", _AROUND_COUNT.sub("", digits))
    if re.fullmatch(r"-\d+", digits):
        raise CountInvalid("จำนวนผู้รับบริการต้องไม่ติดลบ")
    if not re.fullmatch(r"\d{1,9}", digits):
        raise CountInvalid(f"จำนวนผู้รับบริการ “{text}” ไม่ถูกต้อง: ระบุเป็นจำนวนเต็ม เช่น 120")
    return int(digits)


_THAI_MONTH = re.compile(
    r"^\s*(?:เดือน)?\s*(\S+?)\.?\s*(?:พ\.ศ\.)?\s*(\d{4}|\d{2})\s*(?:ครับ|ค่ะ|คะ)?\s*$"
)


def parse_any_month(text: str) -> date:
    """The first day of a month typed "พฤศจิกายน 2569", "พ.ย. 2569" or "2569-11"."""
    plain = thai_to_arabic(text or "").strip()
    found = _THAI_MONTH.match(plain)
    if found and (number := month_number(found[1])) is not None:
        year = int(found[2])
        # "พ.ย. 69" is how a Thai clerk writes พ.ศ. 2569.
        be = 2500 + year if year < 100 else year if year >= 2400 else year + BE_OFFSET
        if 2500 <= be <= 2700:
            return date(be - BE_OFFSET, number, 1)
    try:
        return parse_month(plain)
    except ValueError as error:
        raise CountInvalid(
            f"เดือน “{text}” ไม่ถูกต้อง: ระบุชื่อเดือนและปี พ.ศ. เช่น พฤศจิกายน 2569"
        ) from error


def check_month(month: date, today: date) -> None:
    if month > today:
        raise CountInvalid(f"เดือน{month_text(month)}ยังมาไม่ถึง: บันทึกได้เฉพาะเดือนปัจจุบันหรือเดือนที่ผ่านมาแล้ว")


def find_service(services: Sequence[Service], text: str) -> Service | None:
    """The service named by its code or its exact name, or by a part of its name that names
    only it ("ประปา" for งานประปา)."""
    key = (text or "").strip()
    exact = next((s for s in services if s.code == key.lower() or s.name == key), None)
    if exact is not None or len(key) < 3:
        return exact
    partial = [s for s in services if key in s.name]
    return partial[0] if len(partial) == 1 else None


def record_count(
    counts: CountWriter,
    service: Service,
    month: date,
    count: int,
    now: datetime,
    today: date,
    by: str,
) -> Recorded:
    """Record a month's count after checking it; the caller commits."""
    check_month(month, today)
    if count < 0:
        raise CountInvalid("จำนวนผู้รับบริการต้องไม่ติดลบ")
    first = month.replace(day=1)
    before = counts.set_count(service.code, first, count, now, by)
    return Recorded(service, first, count, before)


Cell = tuple[str, date]  # (service code, the month's first day)


def changed_cells(
    typed: dict[Cell, str], existing: dict[Cell, int], today: date
) -> tuple[dict[Cell, int], dict[Cell, str]]:
    """The figures of a month-by-service grid that differ from what is recorded, and the
    cells that cannot be recorded with the reason. A blank cell is not recorded."""
    changes: dict[Cell, int] = {}
    problems: dict[Cell, str] = {}
    for (code, month), text in typed.items():
        if not text.strip():
            continue
        try:
            n = parse_count(text)
            check_month(month, today)
        except CountInvalid as problem:
            problems[(code, month)] = str(problem)
            continue
        if existing.get((code, month)) != n:
            changes[(code, month)] = n
    return changes, problems


def cleared_cells(typed: dict[Cell, str], existing: dict[Cell, int]) -> list[Cell]:
    """The cells of a grid emptied by the person saving it: blank now, a figure recorded.
    A blank cell that had no figure is not among them (nothing to forget)."""
    return sorted(cell for cell, text in typed.items() if not text.strip() and cell in existing)


def clear_count(counts: CountEraser, service: Service, month: date, now: datetime) -> int | None:
    """Forget a month's count (it was entered by mistake); the figure it held. The caller
    commits and audits."""
    return counts.delete_count(service.code, month.replace(day=1), now)
