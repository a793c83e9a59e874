"""Time: stored in UTC, shown and counted (fiscal years, due dates) in Bangkok time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

BANGKOK = ZoneInfo("Asia/Bangkok")


def utcnow() -> datetime:
    return datetime.now(UTC)


def local(dt: datetime) -> datetime:
    """Bangkok wall-clock time; naive datetimes are taken as UTC (how the database keeps them)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(BANGKOK)


def local_date(dt: datetime) -> date:
    return local(dt).date()
