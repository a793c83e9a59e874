"""The data window of a piece of evidence: which dates it covers and the date it is "as of".

A catalogue item names its window (``current_fy``, ``previous_fy`` …, see catalogue.py)
relative to the assessed year. Evidence printed on a given day covers the window's dates,
and is "ข้อมูล ณ วันที่" the earlier of the window's end and that day: a report printed in
May about the first half is as of 31 March, one printed in December about the current year
is as of today (never a future date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from handlers.thai.dates import first_half_bounds, fiscal_year_bounds, format_thai_date

LABELS: dict[str, str] = {
    "current_fy_to_date": "ปีงบประมาณปัจจุบันถึงวันที่รายงาน",
    "first_half_current_fy": "รอบ 6 เดือนแรกของปีงบประมาณ",
    "current_fy": "ตลอดปีงบประมาณ",
    "previous_fy": "ปีงบประมาณที่ผ่านมา",
    "none": "ไม่มีช่วงเวลา",
    "unconfirmed": "ยังไม่ได้ยืนยันช่วงข้อมูล",
}


class WindowError(ValueError):
    """The window cannot be turned into dates (unknown, or not yet confirmed)."""


@dataclass(frozen=True)
class Window:
    name: str
    fiscal_year: int  # the fiscal year (BE) whose data the window covers
    start: date
    end: date
    as_of: date  # the earlier of `end` and the day the evidence is built

    @property
    def started(self) -> bool:
        """False when the evidence is built before the window opens (nothing to count yet)."""
        return self.as_of >= self.start

    @property
    def complete(self) -> bool:
        """True once the window has ended: its figures no longer change."""
        return self.as_of >= self.end

    def contains(self, day: date) -> bool:
        """Whether an entry of that (Bangkok) day belongs to the evidence."""
        return self.start <= day <= self.as_of

    def label(self, thai_digits: bool = False) -> str:
        """ "1 ตุลาคม 2565 – 31 มีนาคม 2566" as printed under a report's title."""
        start = format_thai_date(self.start, thai_digits=thai_digits)
        end = format_thai_date(self.end, thai_digits=thai_digits)
        return f"{start} – {end}"

    def as_of_text(self, thai_digits: bool = False) -> str:
        return f"ข้อมูล ณ วันที่ {format_thai_date(self.as_of, thai_digits=thai_digits)}"


def window_for(name: str, year: int, today: date) -> Window:
    """The window `name` of ITA year `year` (the assessed fiscal year, BE) as seen on `today`.

    ``none`` (standing information) is treated as the current fiscal year to date, so a
    builder asked for it still counts only this year's entries.
    """
    if name in ("current_fy_to_date", "current_fy", "none"):
        fy = year
        start, end = fiscal_year_bounds(year)
    elif name == "first_half_current_fy":
        fy = year
        start, end = first_half_bounds(year)
    elif name == "previous_fy":
        fy = year - 1
        start, end = fiscal_year_bounds(year - 1)
    elif name == "unconfirmed":
        raise WindowError("ช่วงข้อมูลของรายการนี้ยังไม่ได้ยืนยัน กรุณากำหนดช่วงข้อมูลในบัญชีรายการ ITA ของปีนี้ก่อน")
    else:
        raise WindowError(f"unknown window {name!r}")
    return Window(name, fy, start, end, min(end, today))
