"""`flask recount`: counters that drifted (rows changed with raw SQL) are rebuilt from the
rows, and the summary the office publishes is right again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from flask import Flask
from sqlalchemy import text

from bot.db import new_session
from tests.support.cli import summary_total
from tests.support.complaints import file


def test_recount_repairs_counters_bypassed_by_raw_sql(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    file(app, "road", datetime(2025, 1, 10, 3, 0, tzinfo=UTC))
    file(app, "light", datetime(2025, 2, 11, 3, 0, tzinfo=UTC))
    assert summary_total(app, "--year", "2568") == 2
    runner = app.test_cli_runner()
    out = runner.invoke(args=["recount"])
    assert out.exit_code == 0, out.output
    assert "ตัวนับเรื่องร้องเรียนถูกต้องอยู่แล้ว (2 แถว)" in out.output
    assert "ตัวนับความพึงพอใจถูกต้องอยู่แล้ว" in out.output

    with new_session(app) as s:  # a hand fix in psql that forgot the counters
        s.execute(text("DELETE FROM complaint_stats"))
        s.commit()
    assert summary_total(app, "--year", "2568") == 0
    out = runner.invoke(args=["recount"])
    assert out.exit_code == 0, out.output
    assert "แก้ตัวนับเรื่องร้องเรียนแล้ว: 2 แถวเปลี่ยน" in out.output
    assert summary_total(app, "--year", "2568") == 2
