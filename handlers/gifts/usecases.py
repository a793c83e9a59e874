"""Reporting a gift, declaring none for a month, and the integrity officer's review.

Each check fails with a Thai message the staff member (or officer) is shown as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from handlers.clock import local_date
from handlers.gifts.domain import GIFT, NONE, GiftReport
from handlers.gifts.ports import GiftStore
from handlers.thai.answers import strip_polite
from handlers.thai.dates import BE_OFFSET, MONTHS_FULL, fiscal_year
from handlers.thai.digits import thai_to_arabic
from handlers.thai.periods import parse_period

# Numeric(12, 2): ten digits before the point.
MAX_VALUE = Decimal("9999999999.99")
MAX_TEXT = 500

_AROUND_VALUE = re.compile(r"^(?:ประมาณ|ราว|มูลค่า|ราคา)+|(?:บาท|บ\.)$")
_AMOUNT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$")


class GiftInvalid(ValueError):
    """An entry that cannot be recorded; `str()` is the Thai reason."""


@dataclass(frozen=True)
class Staff:
    """Who reports: the linked staff member."""

    staff_id: int | None
    name: str
    unit: str


# --- reading what staff type ----------------------------------------------------------------


def parse_value(text: str) -> Decimal:
    """The estimated value in baht: "1500", "1,500.50", "๑,๕๐๐ บาท"; GiftInvalid otherwise."""
    # "ประมาณ ๕๐๐ บาทค่ะ": the words around the amount say nothing about it.
    cleaned = _AROUND_VALUE.sub("", thai_to_arabic(strip_polite(text or "")).replace(" ", ""))
    if cleaned.startswith("-"):
        raise GiftInvalid("มูลค่าต้องไม่ติดลบ กรุณาระบุเป็นจำนวนเงิน (บาท) เช่น 500")
    if not _AMOUNT.match(cleaned):
        raise GiftInvalid(
            f"อ่านมูลค่า “{text.strip()}” ไม่ได้ กรุณาระบุเป็นตัวเลขจำนวนเงิน (บาท) เช่น 500 หรือ 1,500"
        )
    value = Decimal(cleaned.replace(",", ""))
    if value > MAX_VALUE:
        raise GiftInvalid("มูลค่าสูงเกินกว่าที่บันทึกได้ กรุณาตรวจสอบจำนวนเงินอีกครั้ง")
    return value


def parse_received_on(text: str, today: date) -> date:
    """ "วันนี้", "เมื่อวาน", "เมื่อวานซืน" or one Thai date ("15 ม.ค. 2568", "15/1/68");
    GiftInvalid when it is not one day, or is after `today`."""
    cleaned = (text or "").strip().replace(" ", "")
    relative = {"วันนี้": 0, "เมื่อวาน": 1, "เมื่อวานนี้": 1, "เมื่อวานซืน": 2}
    if cleaned in relative:
        day = today - timedelta(days=relative[cleaned])
    else:
        period = parse_period(text, fiscal_year(today))
        if period.start is None or period.start != period.end:
            raise GiftInvalid(
                f"อ่านวันที่ “{text.strip()}” ไม่ได้ กรุณาระบุเป็น วันนี้ เมื่อวาน "
                "หรือวัน เดือน ปี พ.ศ. เช่น 15 ม.ค. 2568"
            )
        day = period.start
    check_received_on(day, today)
    return day


def check_received_on(day: date, today: date) -> None:
    if day > today:
        raise GiftInvalid("วันที่ได้รับต้องไม่เป็นวันในอนาคต กรุณาตรวจสอบวันที่อีกครั้ง")


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of the calendar month of `day`."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def month_name(day: date) -> str:
    """ "พฤศจิกายน 2568"."""
    return f"{MONTHS_FULL[day.month - 1]} {day.year + BE_OFFSET}"


# --- use cases --------------------------------------------------------------------------------


def report_gift(
    store: GiftStore,
    staff: Staff,
    *,
    received_on: date,
    giver: str,
    what: str,
    estimated_value: Decimal,
    action: str,
    now: datetime,
) -> GiftReport:
    """Record a gift or benefit a staff member received."""
    giver, what, action = giver.strip(), what.strip(), action.strip()
    if not giver:
        raise GiftInvalid("กรุณาระบุผู้ให้ (ได้รับจากใคร)")
    if not what:
        raise GiftInvalid("กรุณาระบุสิ่งที่ได้รับ")
    if any(len(t) > MAX_TEXT for t in (giver, what, action)):
        raise GiftInvalid(f"ข้อความยาวเกินไป กรุณาสรุปให้ไม่เกิน {MAX_TEXT} ตัวอักษร")
    if estimated_value < 0:
        raise GiftInvalid("มูลค่าต้องไม่ติดลบ")
    if estimated_value > MAX_VALUE:
        raise GiftInvalid("มูลค่าสูงเกินกว่าที่บันทึกได้ กรุณาตรวจสอบจำนวนเงินอีกครั้ง")
    check_received_on(received_on, local_date(now))
    return store.add_gift_report(
        GiftReport(
            kind=GIFT,
            staff_id=staff.staff_id,
            staff_name=staff.name,
            unit=staff.unit,
            created_at=now,
            received_on=received_on,
            giver=giver,
            what=what,
            estimated_value=estimated_value,
            action=action,
        )
    )


def declare_none(store: GiftStore, staff: Staff, now: datetime) -> GiftReport:
    """Declare that the staff member received no gift in the current month (Bangkok time).
    Refused when they already declared it, or reported a gift received this month."""
    first, last = month_of(local_date(now))
    mine = [
        r
        for r in store.gift_reports_between(first, last)
        if r.staff_id == staff.staff_id and staff.staff_id is not None
    ]
    if any(r.kind == NONE and r.period_start == first for r in mine):
        raise GiftInvalid(f"ได้แจ้งไม่มีการรับของขวัญของเดือน{month_name(first)}ไว้แล้ว")
    if any(r.is_gift for r in mine):
        raise GiftInvalid(
            f"มีรายการรับของขวัญของเดือน{month_name(first)} ที่แจ้งไว้แล้ว จึงแจ้งว่าไม่มีการรับของขวัญในเดือนนี้ไม่ได้"
        )
    return store.add_gift_report(
        GiftReport(
            kind=NONE,
            staff_id=staff.staff_id,
            staff_name=staff.name,
            unit=staff.unit,
            created_at=now,
            period_start=first,
            period_end=last,
        )
    )


def review(store: GiftStore, report_id: int, by: str, note: str, now: datetime) -> GiftReport:
    """The integrity officer marks an entry reviewed, with a note (a later review replaces it)."""
    note = note.strip()
    if len(note) > MAX_TEXT:
        raise GiftInvalid(f"บันทึกการตรวจสอบยาวเกินไป กรุณาสรุปให้ไม่เกิน {MAX_TEXT} ตัวอักษร")
    done = store.review_gift_report(report_id, now, by, note)
    if done is None:
        raise GiftInvalid("ไม่พบรายการที่ต้องการตรวจสอบ")
    return done


def figures(reports: list[GiftReport]) -> dict[str, object]:
    """{"reports", "declared_none", "total_value"} of the given entries (value in baht)."""
    gifts = [r for r in reports if r.is_gift]
    total = sum((r.estimated_value or Decimal(0) for r in gifts), Decimal(0))
    return {
        "reports": len(gifts),
        "declared_none": sum(1 for r in reports if r.kind == NONE),
        "total_value": float(total),
    }
