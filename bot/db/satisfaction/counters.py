"""Keeping the satisfaction counters (bot.db.satisfaction.tables.SatisfactionStat)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, select

from bot.db.base import upsert
from bot.db.satisfaction.tables import SatisfactionRow, SatisfactionStat
from handlers.clock import local_date
from handlers.satisfaction.model import Kind, Rating
from handlers.satisfaction.stats import Count, counts_of
from handlers.shared import Channel
from handlers.thai.dates import fiscal_year


def add(conn: Connection, fy: int, counts: Iterable[Count]) -> None:
    """Add counts to the year's counters, creating the rows that are missing."""
    total = SatisfactionStat.__table__.c.n
    for kind, code, score, n in counts:
        upsert(
            conn,
            SatisfactionStat,
            {"fiscal_year": fy, "kind": kind, "service_code": code, "score": score, "n": n},
            ["fiscal_year", "kind", "service_code", "score"],
            lambda new: {"n": total + new.n},
        )


def for_year(conn: Connection, fy: int) -> list[Count]:
    t = SatisfactionStat
    rows = conn.execute(
        select(t.kind, t.service_code, t.score, t.n).where(t.fiscal_year == fy)
    ).all()
    return [(k, c, s, n) for k, c, s, n in rows]


def rebuild(conn: Connection, chunk: int = 20_000) -> None:
    """Recount every rating (after a bulk load, or to check the counters)."""
    conn.execute(delete(SatisfactionStat))
    by_year: dict[int, list[Rating]] = {}
    last = 0
    while True:
        rows = conn.execute(
            select(
                SatisfactionRow.id,
                SatisfactionRow.kind,
                SatisfactionRow.service_code,
                SatisfactionRow.scores,
                SatisfactionRow.created_at,
            )
            .where(SatisfactionRow.id > last)
            .order_by(SatisfactionRow.id)
            .limit(chunk)
        ).all()
        if not rows:
            break
        for _id, kind, code, scores, created in rows:
            by_year.setdefault(fiscal_year(local_date(created)), []).append(
                _rating(kind, code, scores, created)
            )
        last = rows[-1][0]
        for fy, ratings in by_year.items():
            add(conn, fy, counts_of(ratings))
        by_year.clear()


def _rating(kind: str, code: str, scores: Any, created: Any) -> Rating:
    return Rating(
        kind=Kind(kind),
        scores={k: int(v) for k, v in (scores or {}).items()},
        channel=Channel.WEB,
        created_at=created,
        service_code=code,
    )
