"""Counts of the complaints that carry citizens' suggestions (the participation report).

Grouped numbers only: no column a citizen typed (details, name, phone, address) is selected.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from bot.db.complaints.tables import ComplaintRow
from handlers.reports.participation import ComplaintSuggestions


def suggestion_counts(
    s: Session, category: str, start: datetime, end: datetime
) -> list[ComplaintSuggestions]:
    """Per Bangkok month and channel, the cases of `category` filed in [start, end), and how
    many of them were closed before `end` (a case closed later was not yet answered then)."""
    answered = func.sum(
        case((and_(ComplaintRow.closed_at.is_not(None), ComplaintRow.closed_at < end), 1), else_=0)
    )
    rows = s.execute(
        select(ComplaintRow.month, ComplaintRow.channel, func.count(), answered)
        .where(
            ComplaintRow.category == category,
            ComplaintRow.created_at >= start,
            ComplaintRow.created_at < end,
        )
        .group_by(ComplaintRow.month, ComplaintRow.channel)
    )
    return [
        ComplaintSuggestions(int(m or 0), str(ch), int(n), int(done or 0))
        for m, ch, n, done in rows
    ]
