"""o29 made after a period ended shows the statuses cases had at its end: a case resolved in
April counts as in progress in the six-month round (to 31 March) and as done for the year."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from bot.reports.complaints import build_o29
from bot.reports.request import ReportRequest
from handlers.reports import o29
from tests.support.clock import utc
from tests.support.complaints import file

HALF, YEAR = "รอบ 6 เดือน (ต.ค. – มี.ค.)", "ทั้งปีงบประมาณ"


def general(app: Flask, now: datetime) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """The general-complaint rows of o29 (total, in progress, done, rejected, forwarded)."""
    with new_session(app) as s:
        report = build_o29(ReportRequest(SqlStore(s), 2568, now))
    rows = {r[1]: tuple(r[2:]) for r in report.tables[0].rows if r[0] == o29.GENERAL}
    return rows, report.notes


def test_each_round_shows_the_statuses_at_its_end(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    # Filed in February; resolved on 10 April (Bangkok), after the six-month round ended.
    file(app, "road", utc(2025, 2, 3, 3), changes=(("resolved", utc(2025, 4, 10, 3), "ซ่อมแล้ว"),))
    # Resolved at 23:30 on 31 March Bangkok time (16:30 UTC): inside the round.
    file(app, "light", utc(2025, 3, 1, 3), changes=(("resolved", utc(2025, 3, 31, 16, 30), ""),))
    # Filed in May: not in the round at all; still open at the year's end, resolved in October.
    file(app, "waste", utc(2025, 5, 2, 3), changes=(("resolved", utc(2025, 10, 2, 3), ""),))

    rows, notes = general(app, now=utc(2026, 11, 22))  # made after the year ended
    assert rows[HALF] == ("2", "1", "1", "0", "0")
    assert rows[YEAR] == ("3", "1", "2", "0", "0")
    assert any("31 มีนาคม 2568" in n and "30 กันยายน 2568" in n for n in notes)

    rows, notes = general(app, now=utc(2025, 6, 1))  # made in June: the year is still running
    assert rows[HALF] == ("2", "1", "1", "0", "0")
    # During the year its column shows the statuses as they are now (all three resolved).
    assert rows[YEAR] == ("3", "0", "3", "0", "0")
    assert any("31 มีนาคม 2568" in n and "ทั้งปี ณ วันที่จัดทำรายงาน" in n for n in notes)

    rows, _ = general(app, now=utc(2025, 3, 15))  # made during the round: today's statuses
    assert rows[HALF] == ("2", "0", "2", "0", "0")
