"""Tables of the admin side's complaint handling: who opened which sealed case, the office's
units, category overrides, API tokens; and the complaint columns the statistics read."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, ForeignKey, Index, String, event, inspect, text
from sqlalchemy.orm import Mapped, mapped_column

from bot.models import Base, ComplaintRow
from handlers.clock import local
from handlers.complaints.domain import Status
from handlers.complaints.due import days_to_close

DEFAULT_UNITS = (
    "สำนักปลัด",
    "กองคลัง",
    "กองช่าง",
    "กองการศึกษา",
    "กองสาธารณสุขและสิ่งแวดล้อม",
)
CLOSED = {s.value for s in Status if s.closed}


class SealedAccess(Base):
    """Every opening of a sealed (corruption) case: who, with what role, what, when."""

    __tablename__ = "sealed_access"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(20), index=True)
    username: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(20))
    what: Mapped[str] = mapped_column(String(20))  # page | photo | letter
    allowed: Mapped[bool] = mapped_column(default=True)
    at: Mapped[datetime]


class Unit(Base):
    """The office's units (ส่วนราชการ): where cases and staff belong."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)


class CategoryOverride(Base):
    """An office's own Thai name or default unit for a category of categories.csv."""

    __tablename__ = "category_overrides"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name_th: Mapped[str] = mapped_column(String(200), default="")
    default_unit: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(80), default="")


class ApiToken(Base):
    """A personal token for GET /api/summary; only its SHA-256 is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked: Mapped[bool] = mapped_column(default=False)


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
    """Add `delta` to one counter row, creating it when missing (an upsert on both dialects)."""
    values = dict(
        zip(("fiscal_year", "status", "category", "month", "resolve_days"), key, strict=True)
    )
    table = ComplaintStat.__table__
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
    stmt = upsert(table).values(**values, n=delta)
    stmt = stmt.on_conflict_do_update(
        index_elements=list(values), set_={"n": table.c.n + stmt.excluded.n}
    )
    conn.execute(stmt)


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
    """yyyymm of the Bangkok month a (naive UTC) time falls in."""
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
    if row.status in CLOSED and row.closed_at is None:
        row.closed_at = row.updated_at
        row.resolve_days = days_to_close(row.created_at, row.updated_at)
    old = stat_key(
        _before(state, "fiscal_year"),
        _before(state, "status"),
        _before(state, "category"),
        _before(state, "month"),
        _before(state, "resolve_days"),
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


def _before(state: Any, name: str) -> Any:
    """An attribute's value as loaded from the database, before this flush's change."""
    hist = state.attrs[name].history
    if hist.deleted:
        return hist.deleted[0]
    if hist.added:  # changed from nothing (None is not reported as deleted)
        return None
    return state.attrs[name].value
