"""Per-channel counters of complaints and satisfaction ratings, kept in the entry's own
transaction like the other summary counters: `summary` and `/api/summary` read a handful of
rows instead of grouping a whole year of entries (a million ratings took seconds)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, String, delete, event, inspect, select, text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base, upsert
from bot.db.complaints.stats import value_before
from bot.db.complaints.tables import ComplaintRow
from bot.db.satisfaction.tables import SatisfactionRow
from handlers.clock import local_date
from handlers.thai.dates import fiscal_year


class ChannelStat(Base):
    """How many entries of one kind ("complaint" or a rating kind such as "service") came in
    through each channel in a fiscal year."""

    __tablename__ = "channel_stats"

    fiscal_year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    entry: Mapped[str] = mapped_column(String(20), primary_key=True)
    channel: Mapped[str] = mapped_column(String(20), primary_key=True)
    n: Mapped[int] = mapped_column(default=0)


COMPLAINT = "complaint"


def bump(conn: Connection, fy: int, entry: str, channel: str, delta: int) -> None:
    n = ChannelStat.__table__.c.n
    upsert(
        conn,
        ChannelStat,
        {"fiscal_year": fy, "entry": entry, "channel": channel, "n": delta},
        ["fiscal_year", "entry", "channel"],
        lambda new: {"n": n + new.n},
    )


def counts(conn: Connection, fy: int, entry: str) -> dict[str, int]:
    """The year's entries of one kind per channel (channels with none left out), sorted."""
    rows = conn.execute(
        select(ChannelStat.channel, ChannelStat.n).where(
            ChannelStat.fiscal_year == fy, ChannelStat.entry == entry, ChannelStat.n != 0
        )
    ).all()
    return {str(ch): int(n) for ch, n in sorted(rows)}


def rebuild(conn: Connection, chunk: int = 50_000) -> None:
    """Recount every channel counter from the entries (after a bulk load, or to check them).
    A rating's fiscal year is its Bangkok date's, computed here as the app computes it."""
    conn.execute(delete(ChannelStat))
    conn.execute(
        text(
            "INSERT INTO channel_stats (fiscal_year, entry, channel, n) "
            f"SELECT fiscal_year, '{COMPLAINT}', channel, count(*) FROM complaints "
            "GROUP BY fiscal_year, channel"
        )
    )
    tally: dict[tuple[int, str, str], int] = {}
    last = 0
    while True:
        rows = conn.execute(
            select(
                SatisfactionRow.id,
                SatisfactionRow.kind,
                SatisfactionRow.channel,
                SatisfactionRow.created_at,
            )
            .where(SatisfactionRow.id > last)
            .order_by(SatisfactionRow.id)
            .limit(chunk)
        ).all()
        if not rows:
            break
        for _id, kind, channel, created in rows:
            key = (fiscal_year(local_date(created)), str(kind), str(channel))
            tally[key] = tally.get(key, 0) + 1
        last = rows[-1][0]
    for (fy, kind, channel), n in tally.items():
        bump(conn, fy, kind, channel, n)


def snapshot(conn: Connection) -> set[tuple[Any, ...]]:
    return {tuple(r) for r in conn.execute(select(ChannelStat.__table__)) if r.n}


@event.listens_for(ComplaintRow, "after_insert")
def _complaint_in(_mapper: Any, conn: Connection, row: ComplaintRow) -> None:
    bump(conn, row.fiscal_year, COMPLAINT, row.channel, 1)


@event.listens_for(ComplaintRow, "after_update")
def _complaint_moved(_mapper: Any, conn: Connection, row: ComplaintRow) -> None:
    state = inspect(row)
    old = (value_before(state, "fiscal_year"), value_before(state, "channel"))
    if old != (row.fiscal_year, row.channel):
        bump(conn, old[0], COMPLAINT, old[1], -1)
        bump(conn, row.fiscal_year, COMPLAINT, row.channel, 1)


@event.listens_for(ComplaintRow, "after_delete")
def _complaint_gone(_mapper: Any, conn: Connection, row: ComplaintRow) -> None:
    bump(conn, row.fiscal_year, COMPLAINT, row.channel, -1)


@event.listens_for(SatisfactionRow, "after_insert")
def _rating_in(_mapper: Any, conn: Connection, row: SatisfactionRow) -> None:
    bump(conn, fiscal_year(local_date(row.created_at)), row.kind, row.channel, 1)


@event.listens_for(SatisfactionRow, "after_delete")
def _rating_gone(_mapper: Any, conn: Connection, row: SatisfactionRow) -> None:
    bump(conn, fiscal_year(local_date(row.created_at)), row.kind, row.channel, -1)
