"""Every datetime column is a UTCDateTime: stored as naive UTC (as always: no migration),
aware UTC in Python whatever went in, and compared in queries as the same instant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Flask
from sqlalchemy import DateTime, select, text

from bot.db import new_session
from bot.db.base import UTCDateTime
from bot.db.mirror import outbox
from bot.db.mirror.tables import OutboxRow
from bot.db.schema import metadata
from handlers.clock import BANGKOK

NOON_UTC = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


def test_every_datetime_column_is_one_type_stored_as_plain_datetime() -> None:
    columns = [c for t in metadata.tables.values() for c in t.columns]
    stamped = [c for c in columns if isinstance(c.type, DateTime | UTCDateTime)]
    assert stamped and all(isinstance(c.type, UTCDateTime) for c in stamped)
    assert all(not c.type.impl.timezone for c in stamped)  # type: ignore[attr-defined]


def test_any_datetime_goes_in_as_utc_and_comes_out_aware(app: Flask) -> None:
    given = {
        "bangkok": NOON_UTC.astimezone(BANGKOK),  # 19:00 +07:00
        "utc": NOON_UTC,
        "naive": NOON_UTC.replace(tzinfo=None),  # taken to be UTC
    }
    with new_session(app) as s:
        for kind, at in given.items():
            outbox.add(s, kind, "1", at)
        s.flush()
        # In memory already, before any reload: aware UTC.
        assert {r.created_at for r in s.scalars(select(OutboxRow))} == {NOON_UTC}
        s.commit()
    with new_session(app) as s:
        stored = s.execute(text("SELECT created_at FROM outbox")).scalars().all()
        assert {str(v)[:19] for v in stored} == {"2026-01-15 12:00:00"}
        rows = s.scalars(select(OutboxRow)).all()
        assert {r.created_at for r in rows} == {NOON_UTC}
        assert all(r.created_at.tzinfo is UTC for r in rows)
        # A bound value of another zone is the same instant.
        just_after = (NOON_UTC + timedelta(seconds=1)).astimezone(BANGKOK)
        assert len(s.scalars(select(OutboxRow).where(OutboxRow.created_at < just_after)).all()) == 3
        assert not s.scalars(select(OutboxRow).where(OutboxRow.created_at > NOON_UTC)).all()
