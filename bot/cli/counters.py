"""`flask --app bot recount`: rebuild the summary counters from the rows themselves.

The dashboard, `/api/summary` and the ITA reports read counters kept in the same transaction
as every complaint and rating the app writes. Rows loaded or edited with raw SQL (a bulk
import, a hand fix in psql) bypass them; this recounts both tables and says what changed.
"""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import Connection, select

from bot.db import channel_stats, new_session
from bot.db.complaints.stats import ComplaintStat, rebuild_stats
from bot.db.satisfaction import counters as satisfaction_counters
from bot.db.satisfaction.tables import SatisfactionStat


def _snapshot(conn: Connection) -> tuple[set[tuple[object, ...]], set[tuple[object, ...]]]:
    complaints = {tuple(r) for r in conn.execute(select(ComplaintStat.__table__)) if r.n}
    ratings = {tuple(r) for r in conn.execute(select(SatisfactionStat.__table__)) if r.n}
    return complaints, ratings


@click.command("recount")
@with_appcontext
def recount() -> None:
    """Recount the complaint and satisfaction counters (after raw SQL, or to check them)."""
    with new_session(current_app._get_current_object()) as s:  # type: ignore[attr-defined]
        conn = s.connection()
        before = _snapshot(conn)
        rebuild_stats(conn)
        satisfaction_counters.rebuild(conn)
        channel_stats.rebuild(conn)
        after = _snapshot(conn)
        s.commit()
    for label, old, new in (
        ("เรื่องร้องเรียน", before[0], after[0]),
        ("ความพึงพอใจ", before[1], after[1]),
    ):
        if old == new:
            click.echo(f"ตัวนับ{label}ถูกต้องอยู่แล้ว ({len(new)} แถว)")
        else:
            click.echo(f"แก้ตัวนับ{label}แล้ว: {len(old ^ new)} แถวเปลี่ยน")
