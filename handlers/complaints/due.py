"""The 15-day response rule, counted in Bangkok calendar days.

A case filed on 20 December is due on 4 January: the citizen must have been told by the end
of that day, so it becomes overdue on 5 January (Bangkok time) while still open.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from handlers.clock import BANGKOK, local_date
from handlers.complaints.domain import RESPONSE_DAYS, Complaint


def due_date(created_at: datetime) -> date:
    """The last day (Bangkok) on which the citizen must be told the outcome."""
    return local_date(created_at) + timedelta(days=RESPONSE_DAYS)


def is_overdue(complaint: Complaint, now: datetime) -> bool:
    return not complaint.status.closed and local_date(now) > due_date(complaint.created_at)


def overdue_before(now: datetime) -> datetime:
    """Open cases filed before this instant (UTC) are overdue at `now`.

    overdue ⇔ today > filed_day + 15 ⇔ filed_day < today − 15 ⇔ filed before midnight
    (Bangkok) at the start of today − 15. One bound lets the database count with an index.
    """
    first_ok_day = local_date(now) - timedelta(days=RESPONSE_DAYS)
    return datetime.combine(first_ok_day, time(0), tzinfo=BANGKOK).astimezone(UTC)


def days_to_close(created_at: datetime, closed_at: datetime) -> int:
    """Bangkok calendar days from filing to closing (0 when closed the same day)."""
    return (local_date(closed_at) - local_date(created_at)).days
