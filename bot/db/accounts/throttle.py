"""Counting login attempts atomically: one upsert per key, in one short transaction that is
committed before the password is checked, so concurrent attempts each see the others.
Both functions commit the session they are given (the request's own: one connection each)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, case, delete, select, update
from sqlalchemy.orm import Session

from bot.db.accounts.audit import record
from bot.db.accounts.tables import LoginCounter
from bot.db.base import upsert

counters = cast(Table, LoginCounter.__table__)


def count_attempt(
    session: Session,
    write_lock: AbstractContextManager[Any],
    keys: list[tuple[str, timedelta]],
    now: datetime,
    alert: tuple[int, str, str] | None = None,
) -> list[int]:
    """Add this attempt to each (key, window) and return the counts including it. Keys are
    always taken in the same order (PostgreSQL: no deadlock between two attempts).
    `alert` (count, target, detail): when the last key reaches exactly that count, an audit
    row is written in the same transaction, so it is raised once per window."""
    with write_lock:
        try:
            counts = [_bump(session, key, window, now) for key, window in keys]
            if alert is not None and counts and counts[-1] == alert[0]:
                record(session, "system", "login.alert", alert[1], alert[2], now)
            session.commit()
        except BaseException:
            session.rollback()
            raise
    return counts


def _bump(session: Session, key: str, window: timedelta, now: datetime) -> int:
    expired = counters.c.since <= now - window
    result = upsert(
        session,
        counters,
        {"key": key, "since": now, "failures": 1},
        ["key"],
        # Both expressions read the row as it was: a window past its end starts again (from
        # the refused row's values, which went through the columns' types).
        lambda new: {
            "failures": case((expired, new.failures), else_=counters.c.failures + 1),
            "since": case((expired, new.since), else_=counters.c.since),
        },
        returning=[counters.c.failures],
    )
    return int(result.scalar_one())


def forgive(
    session: Session,
    write_lock: AbstractContextManager[Any],
    keys: list[tuple[str, bool]],
    stale_before: datetime,
) -> None:
    """After a successful login, for each (key, clear) in the order count_attempt took them:
    a cleared count starts again (the account at this address), the others only lose this
    attempt (it was no failure). Then rows whose windows ended long ago are dropped, so an
    attacker's made-up usernames do not pile up."""
    with write_lock:
        try:
            for key, clear in keys:
                if clear:
                    session.execute(delete(counters).where(counters.c.key == key))
                else:
                    session.execute(
                        update(counters)
                        .where(counters.c.key == key, counters.c.failures > 0)
                        .values(failures=counters.c.failures - 1)
                    )
            session.commit()
            # Rows an attempt holds right now are skipped, not waited for (PostgreSQL).
            stale = (
                select(counters.c.key)
                .where(counters.c.since < stale_before)
                .with_for_update(skip_locked=True)
            )
            session.execute(delete(counters).where(counters.c.key.in_(stale)))
            session.commit()
        except BaseException:
            session.rollback()
            raise
