"""SQL for complaint handling and the complaint statistics (GROUP BY in the database)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, not_, or_, select, true
from sqlalchemy.orm import Session, selectinload

from bot.db.complaints.mapping import to_complaint
from bot.db.complaints.stats import ComplaintStat
from bot.db.complaints.tables import ComplaintRow, HistoryRow, SealedAccess
from handlers.complaints.domain import CLOSED_STATUSES, OPEN_STATUSES, Complaint, Status
from handlers.complaints.policy import restricted_codes
from handlers.complaints.queue import PAGE_SIZE, QueueFilter

_OPEN = sorted(s.value for s in OPEN_STATUSES)
_CLOSED = sorted(s.value for s in CLOSED_STATUSES)


def assign_unit(
    s: Session, case_number: str, unit: str, note: str, actor: str, at: datetime
) -> None:
    row = s.scalars(select(ComplaintRow).where(ComplaintRow.case_number == case_number)).one()
    row.unit = unit
    row.updated_at = at
    # Kept in the history (with the unchanged status) so the case page shows who moved it.
    s.add(HistoryRow(complaint_id=row.id, status=row.status, note=note, actor=actor, at=at))
    s.flush()


def _where(f: QueueFilter, overdue_before: datetime) -> ColumnElement[bool]:
    """The queue's filter as SQL: the list and the map select the same cases."""
    conds = []
    sealed = ComplaintRow.category.in_(restricted_codes())
    if f.status:
        conds.append(ComplaintRow.status == f.status)
    if f.category:
        conds.append(ComplaintRow.category == f.category)
    if f.only_unit:
        conds.append(ComplaintRow.unit == f.only_unit)
    if f.unit:
        conds.append(ComplaintRow.unit == f.unit)
    if f.channel:
        conds.append(ComplaintRow.channel == f.channel)
    if f.fiscal_year:
        conds.append(ComplaintRow.fiscal_year == f.fiscal_year)
    if f.hide_sealed_details and (f.unit or f.channel):
        conds.append(not_(sealed))  # a sealed case's unit and channel are not shown either
    if f.overdue:
        conds.append(ComplaintRow.status.in_(_OPEN))
        conds.append(ComplaintRow.created_at < overdue_before)
    return and_(*conds) if conds else true()


def queue(s: Session, f: QueueFilter, overdue_before: datetime) -> tuple[list[Complaint], int]:
    where = _where(f, overdue_before)
    total = s.scalar(select(func.count()).select_from(ComplaintRow).where(where)) or 0
    rows = s.scalars(
        select(ComplaintRow)
        .where(where)
        .order_by(ComplaintRow.id.desc())
        .limit(PAGE_SIZE)
        .offset(f.offset)
        .options(selectinload(ComplaintRow.history))
    )
    return [to_complaint(r) for r in rows], total


def located(s: Session, f: QueueFilter, overdue_before: datetime, limit: int) -> list[Complaint]:
    """The newest `limit` cases of the queue's filter (every page) that say where: a point
    or a place in words. A sealed case's place is its content: only its officer gets it."""
    has_place = or_(
        and_(ComplaintRow.latitude.is_not(None), ComplaintRow.longitude.is_not(None)),
        ComplaintRow.address != "",
    )
    where = and_(_where(f, overdue_before), has_place)
    if f.hide_sealed_details:
        where = and_(where, not_(ComplaintRow.category.in_(restricted_codes())))
    rows = s.scalars(
        select(ComplaintRow).where(where).order_by(ComplaintRow.id.desc()).limit(limit)
    )
    return [to_complaint(r, with_history=False) for r in rows]


# --- statistics -----------------------------------------------------------------------------


def complaint_counts(s: Session, fiscal_year: int) -> list[tuple[str, str, int, int]]:
    """(status, category, yyyymm, n) for one fiscal year, from the maintained counters."""
    rows = s.execute(
        select(
            ComplaintStat.status,
            ComplaintStat.category,
            ComplaintStat.month,
            func.sum(ComplaintStat.n),
        )
        .where(ComplaintStat.fiscal_year == fiscal_year, ComplaintStat.n != 0)
        .group_by(ComplaintStat.status, ComplaintStat.category, ComplaintStat.month)
    )
    return [(st, cat, m, int(n)) for st, cat, m, n in rows if n]


def channel_counts(s: Session, fiscal_year: int) -> dict[str, int]:
    """How many of the year's complaints came in through each channel (only those used),
    from the counters kept with every complaint (bot/db/channel_stats.py)."""
    from bot.db import channel_stats

    return channel_stats.counts(s.connection(), fiscal_year, channel_stats.COMPLAINT)


def _status_then(cutoff: datetime) -> ColumnElement[str]:
    """A case's status just before `cutoff`: its last change before it ("received" if none)."""
    then = (
        select(HistoryRow.status)
        .where(HistoryRow.complaint_id == ComplaintRow.id, HistoryRow.at < cutoff)
        .order_by(HistoryRow.at.desc(), HistoryRow.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(then, "received")


def _closed_then(cutoff: datetime) -> ColumnElement[datetime]:
    """When a case was closed (resolved or rejected), if that was before `cutoff`. Closed
    statuses are final, so it is the first such change, and the status then agrees."""
    return (
        select(func.min(HistoryRow.at))
        .where(
            HistoryRow.complaint_id == ComplaintRow.id,
            HistoryRow.status.in_(_CLOSED),
            HistoryRow.at < cutoff,
        )
        .scalar_subquery()
    )


def complaint_facts_as_of(
    s: Session, since: datetime, before: datetime, sealed: bool
) -> list[tuple[datetime, datetime | None, str, str, str]]:
    """(filed, closed or None, status, category, channel) of each case filed in
    [since, before), with its status and closing as they stood at `before`; only the sealed
    (corruption) categories when `sealed`, else only the others. Nothing else of a case is
    read: the statistics built from this can show counts only."""
    restricted = ComplaintRow.category.in_(restricted_codes())
    rows = s.execute(
        select(
            ComplaintRow.created_at,
            _closed_then(before),
            _status_then(before),
            ComplaintRow.category,
            ComplaintRow.channel,
        ).where(
            ComplaintRow.created_at >= since,
            ComplaintRow.created_at < before,
            restricted if sealed else not_(restricted),
        )
    )
    return [(filed, closed, st, cat, ch) for filed, closed, st, cat, ch in rows]


def count_overdue(s: Session, fiscal_year: int, before: datetime) -> int:
    """Open cases of the year filed before `before`: a range of ix_complaints_fy_open."""
    return (
        s.scalar(
            select(func.count())
            .select_from(ComplaintRow)
            .where(
                ComplaintRow.fiscal_year == fiscal_year,
                ComplaintRow.status.in_(_OPEN),
                ComplaintRow.created_at < before,
            )
        )
        or 0
    )


def resolve_days_histogram(s: Session, fiscal_year: int) -> dict[int, int]:
    rows = s.execute(
        select(ComplaintStat.resolve_days, func.sum(ComplaintStat.n))
        .where(
            ComplaintStat.fiscal_year == fiscal_year,
            ComplaintStat.status == Status.RESOLVED.value,
            ComplaintStat.resolve_days >= 0,
        )
        .group_by(ComplaintStat.resolve_days)
    )
    return {int(d): int(n) for d, n in rows if n}


# --- sealed cases, units, categories --------------------------------------------------------


def record_sealed_access(
    s: Session, case_number: str, username: str, role: str, what: str, allowed: bool, at: datetime
) -> None:
    s.add(
        SealedAccess(
            case_number=case_number,
            username=username,
            role=role,
            what=what,
            allowed=allowed,
            at=at,
        )
    )


def sealed_accesses(s: Session, case_number: str, limit: int = 200) -> list[SealedAccess]:
    return list(
        s.scalars(
            select(SealedAccess)
            .where(SealedAccess.case_number == case_number)
            .order_by(SealedAccess.id.desc())
            .limit(limit)
        )
    )
