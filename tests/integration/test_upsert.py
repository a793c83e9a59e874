"""bot.db.base.upsert: the one INSERT … ON CONFLICT, on SQLite and (TEST_DATABASE_URL)
PostgreSQL alike: do nothing, or update from the refused row."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.base import upsert
from bot.db.complaints.tables import CaseCounter


def counters(app: Flask) -> dict[int, int]:
    with new_session(app) as s:
        return {c.fiscal_year: c.last_seq for c in s.scalars(select(CaseCounter))}


def test_do_nothing_keeps_the_first_row_and_takes_many_rows_at_once(app: Flask) -> None:
    with new_session(app) as s:
        upsert(s, CaseCounter, {"fiscal_year": 2569, "last_seq": 7}, ["fiscal_year"])
        upsert(s, CaseCounter, {"fiscal_year": 2569, "last_seq": 0}, ["fiscal_year"])
        rows = [{"fiscal_year": fy, "last_seq": 1} for fy in (2569, 2570, 2570, 2571)]
        upsert(s, CaseCounter.__table__, rows, ["fiscal_year"])
        s.commit()
    assert counters(app) == {2569: 7, 2570: 1, 2571: 1}


def test_set_updates_from_the_refused_row(app: Flask) -> None:
    seq = CaseCounter.__table__.c.last_seq
    with new_session(app) as s, s.begin():
        written = [
            upsert(
                s.connection(),
                CaseCounter,
                {"fiscal_year": 2569, "last_seq": n},
                ["fiscal_year"],
                lambda new: {"last_seq": seq + new.last_seq},
                returning=[seq],
            ).scalar_one()
            for n in (5, 3)
        ]
    assert written == [5, 8] and counters(app) == {2569: 8}
