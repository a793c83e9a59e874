"""Counts of the ratings that carry a citizen's suggestion (the participation report).

The comment itself is never selected: only when, by which channel and for which service.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.satisfaction.tables import SatisfactionRow
from handlers.clock import local_date
from handlers.reports.participation import RatingSuggestions


def suggestion_counts(s: Session, start: datetime, end: datetime) -> list[RatingSuggestions]:
    """Per Bangkok month, channel and service, the ratings of [start, end) with a comment."""
    rows = s.execute(
        select(SatisfactionRow.created_at, SatisfactionRow.channel, SatisfactionRow.service_code)
        # Comments are stored stripped (handlers/satisfaction/usecases.py): blank is "".
        .where(
            SatisfactionRow.created_at >= start,
            SatisfactionRow.created_at < end,
            SatisfactionRow.comment != "",
        )
    )
    counts: dict[tuple[int, str, str], int] = {}
    for at, channel, code in rows:
        day = local_date(at)
        key = (day.year * 100 + day.month, str(channel), str(code or ""))
        counts[key] = counts.get(key, 0) + 1
    return [RatingSuggestions(m, ch, code, n) for (m, ch, code), n in sorted(counts.items())]
