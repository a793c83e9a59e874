"""The service counts (handlers.reports.service_stats.ServiceCountStore) on SQLAlchemy.

It shares the main store's session: a count commits with whatever else the caller does.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.base import upsert
from bot.db.services.tables import ServiceCountRow
from handlers.reports.service_stats import ServiceCount


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
        return before

    def counts_between(self, first: date, last: date) -> list[ServiceCount]:
        t = ServiceCountRow
        rows = self.session.execute(
            select(t.service_code, t.month, t.count)
            .where(t.month >= first.replace(day=1), t.month <= last)
            .order_by(t.month, t.service_code)
        ).all()
        return [ServiceCount(code, month, n) for code, month, n in rows]
