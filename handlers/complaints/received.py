"""Complaints staff record for citizens who walked in, phoned, wrote a letter or used the
office's Facebook page: filed like a web complaint, but dated the day they arrived."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

from handlers.clock import BANGKOK, local_date
from handlers.complaints.usecases import ComplaintDraft, Filed, file_complaint
from handlers.ports import Store
from handlers.shared import CHANNEL_TH, Channel, DomainError
from handlers.thai.dates import format_thai_date, parse_day

# The doors a member of staff records; LINE, the web and paper questionnaires have their own.
STAFF_CHANNELS: tuple[Channel, ...] = (
    Channel.WALK_IN,
    Channel.PHONE,
    Channel.LETTER,
    Channel.FACEBOOK,
    Channel.OTHER,
)

_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def staff_channel(value: str) -> Channel:
    """The channel of a stored value ("walk_in", ...), or a Thai error naming the valid ones."""
    try:
        channel = Channel(value.strip().lower())
    except ValueError:
        channel = None
    if channel not in STAFF_CHANNELS:
        valid = ", ".join(f"{c.value} ({CHANNEL_TH[c]})" for c in STAFF_CHANNELS)
        raise DomainError(f"ช่องทาง “{value}” ไม่ถูกต้อง ใช้ได้: {valid}")
    assert channel is not None
    return channel


def parse_received(text: str) -> date:
    """YYYY-MM-DD with a Buddhist-era or Christian-era year (Thai digits too)."""
    try:
        return parse_day(text, "วันที่รับเรื่อง")
    except ValueError as e:
        raise DomainError(str(e)) from None


def year_before(today: date) -> date:
    """The same calendar day a year earlier (29 February becomes 28 February)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def arrival_time(received: date, now: datetime) -> datetime:
    """The instant a complaint that arrived on `received` counts as filed. Today's is now;
    an earlier day's hour is unknown, so it is the start of that Bangkok day: the fiscal
    year, the statistics month and the 15-day due date all follow that day."""
    if received == local_date(now):
        return now
    return datetime.combine(received, time(0), tzinfo=BANGKOK).astimezone(UTC)


def check_received(received: date, now: datetime) -> None:
    today = local_date(now)
    if received > today:
        raise DomainError(
            f"วันที่รับเรื่อง ({format_thai_date(received)}) เป็นวันในอนาคต กรุณาระบุวันที่ได้รับเรื่องจริง"
        )
    earliest = year_before(today)
    if received < earliest:
        raise DomainError(f"วันที่รับเรื่องย้อนหลังได้ไม่เกินหนึ่งปี (ไม่ก่อนวันที่ {format_thai_date(earliest)})")


def file_received(
    store: Store, draft: ComplaintDraft, channel: Channel, received: date, now: datetime
) -> Filed:
    """File a complaint that came in through `channel` on `received` (the day it arrived,
    at most a year back, never in the future). Numbering, sealing, the mirror row and the
    tracking code are those of every complaint; the case belongs to the arrival's fiscal
    year and is due 15 days after the arrival. Joins the caller's transaction."""
    if channel not in STAFF_CHANNELS:
        staff_channel(channel.value)  # raises the Thai message
    check_received(received, now)
    return file_complaint(store, draft, channel, now, received_at=arrival_time(received, now))
