"""Times for test data."""

from __future__ import annotations

from datetime import UTC, datetime


def utc(*args: int) -> datetime:
    """datetime(...) in UTC (Bangkok is 7 hours ahead)."""
    return datetime(*args, tzinfo=UTC)  # type: ignore[arg-type,misc]
