"""The service counts (handlers.reports.service_stats.ServiceCountStore) on SQLAlchemy.

It shares the main store's session: a count (and its row in the mirror's outbox) commits
with whatever else the caller does.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.db.base import upsert
from bot.db.mirror import outbox
from bot.db.services.tables import ServiceCountRow
from handlers.reports.service_stats import ServiceCount


def outbox_id(code: str, month: date) -> str:
    """How the mirror's outbox names a count: "tax|2025-11-01" (see bot.mirror.service_counts)."""
    return f"{code}|{month.replace(day=1).isoformat()}"


class SqlServiceCountStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    def set_count(self, code: str, month: date, count: int, at: datetime, by: str) -> int | None:
        """Record the month's count of a service, replacing any earlier figure; the figure
        it replaced (None when the month was new)."""
        if count < 0:
            raise ValueError("count must not be negative")
        month = month.replace(day=1)
        before = self.session.scalar(
            select(ServiceCountRow.count).where(
                ServiceCountRow.service_code == code, ServiceCountRow.month == month
            )
        )
        # One statement, so two people entering the same month at once leave one row.
        upsert(
            self.session,
            ServiceCountRow,
            {
                "service_code": code,
                "month": month,
                "count": count,
                "updated_at": at,
                "updated_by": by,
            },
            ["service_code", "month"],
            # By key: `count` is also a method of the column collection.
            lambda new: {k: new[k] for k in ("count", "updated_at", "updated_by")},
        )
        outbox.add(self.session, "service_count", outbox_id(code, month), at)
        return before

    def delete_count(self, code: str, month: date, at: datetime) -> int | None:
        """Forget the month's count of a service (the office cleared it); the figure it held,
        None when there was none (and nothing changes)."""
        month = month.replace(day=1)
        t = ServiceCountRow
        where = (t.service_code == code, t.month == month)
        before = self.session.scalar(select(t.count).where(*where))
        if before is None:
            return None
        self.session.execute(delete(t).where(*where))
        # The sheet keeps the row's ID with a note that the figure was removed.
        outbox.add(self.session, "service_count", outbox_id(code, month), at)
        return before

    def counts_between(self, first: date, last: date) -> list[ServiceCount]:
        t = ServiceCountRow
        rows = self.session.execute(
            select(t.service_code, t.month, t.count)
            .where(t.month >= first.replace(day=1), t.month <= last)
            .order_by(t.month, t.service_code)
        ).all()
        return [ServiceCount(code, month, n) for code, month, n in rows]
