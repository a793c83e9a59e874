"""The complaint counters the statistics read: one row per (fiscal year, status, category,
Bangkok month, days to close), kept by ORM events in the complaint's own transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Index, String, event, inspect, text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base, upsert
from bot.db.complaints.tables import ComplaintRow
from handlers.clock import local
from handlers.complaints.domain import CLOSED_STATUSES, Status
from handlers.complaints.due import days_to_close


class ComplaintStat(Base):
    """How many complaints share (fiscal year, status, category, Bangkok month, days to close):
    kept up to date by the ORM events below in the same transaction as the complaint, so the
    summary reads a few hundred rows whatever the number of complaints (-1: not closed)."""

    __tablename__ = "complaint_stats"

    fiscal_year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(String(20), primary_key=True)
    category: Mapped[str] = mapped_column(String(20), primary_key=True)
    month: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    resolve_days: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(default=0)


# Overdue = open cases of the year filed before a bound: an index range over open cases only.
Index(
    "ix_complaints_fy_open", ComplaintRow.fiscal_year, ComplaintRow.status, ComplaintRow.created_at
)

StatKey = tuple[int, str, str, int, int]


def stat_key(fy: int, status: str, category: str, month: int | None, days: int | None) -> StatKey:
    return (fy, status, category, month or 0, -1 if days is None else days)


def bump(conn: Connection, key: StatKey, delta: int) -> None:
    """Add `delta` to one counter row, creating it when missing."""
    values = dict(
        zip(("fiscal_year", "status", "category", "month", "resolve_days"), key, strict=True)
    )
    n = ComplaintStat.__table__.c.n
    upsert(conn, ComplaintStat, {**values, "n": delta}, list(values), lambda new: {"n": n + new.n})


REBUILD_SQL = (
    "INSERT INTO complaint_stats (fiscal_year, status, category, month, resolve_days, n) "
    "SELECT fiscal_year, status, category, COALESCE(month, 0), COALESCE(resolve_days, -1), "
    "count(*) FROM complaints GROUP BY fiscal_year, status, category, "
    "COALESCE(month, 0), COALESCE(resolve_days, -1)"
)


def rebuild_stats(conn: Connection) -> None:
    """Recount everything from the complaints (after a bulk load, or to check the counters)."""
    conn.execute(text("DELETE FROM complaint_stats"))
    conn.execute(text(REBUILD_SQL))


def month_of(created_at: datetime) -> int:
    """yyyymm of the Bangkok month a UTC time falls in."""
    d = local(created_at)
    return d.year * 100 + d.month


@event.listens_for(ComplaintRow, "before_insert")
def _fill_month(_mapper: Any, _conn: Any, row: ComplaintRow) -> None:
    if row.month is None and row.created_at is not None:
        row.month = month_of(row.created_at)


@event.listens_for(ComplaintRow, "after_insert")
def _count_new(_mapper: Any, conn: Connection, row: ComplaintRow) -> None:
    bump(conn, _key(row), 1)


@event.listens_for(ComplaintRow, "before_update")
def _fill_closed(_mapper: Any, conn: Connection, row: ComplaintRow) -> None:
    # Every status change (admin page, CLI, LINE, sheet pull) goes through the ORM, so the
    # closing time, days-to-close and the counters are kept here, in the same transaction.
    state = inspect(row)
    if Status(row.status) in CLOSED_STATUSES and row.closed_at is None:
        row.closed_at = row.updated_at
        row.resolve_days = days_to_close(row.created_at, row.updated_at)
    old = stat_key(
        value_before(state, "fiscal_year"),
        value_before(state, "status"),
        value_before(state, "category"),
        value_before(state, "month"),
        value_before(state, "resolve_days"),
    )
    new = _key(row)
    if old != new:
        bump(conn, old, -1)
        bump(conn, new, 1)


@event.listens_for(ComplaintRow, "after_delete")
def _count_gone(_mapper: Any, conn: Connection, row: ComplaintRow) -> None:
    bump(conn, _key(row), -1)


def _key(row: ComplaintRow) -> StatKey:
    return stat_key(row.fiscal_year, row.status, row.category, row.month, row.resolve_days)


def value_before(state: Any, name: str) -> Any:
    """An attribute's value as loaded from the database, before this flush's change."""
    hist = state.attrs[name].history
    if hist.deleted:
        return hist.deleted[0]
    if hist.added:  # changed from nothing (None is not reported as deleted)
        return None
    return state.attrs[name].value
