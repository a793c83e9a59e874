"""`init-db` repairs a database that went through revision 0006 while it was still the empty
placeholder: the revision's tables and columns are created, existing complaints are counted,
and later revisions apply as usual."""

from __future__ import annotations

import json
from collections.abc import Callable

from alembic import command
from flask import Flask
from sqlalchemy import inspect, text

from bot.db import alembic_config, new_session


def _as_if_0006_was_empty(app: Flask, below: str = "0005") -> None:
    """Roll the schema back to `below`, then stamp 0006 as the placeholder era did."""
    cfg = alembic_config(app)
    command.downgrade(cfg, below)
    command.stamp(cfg, "0006")


def _closed_complaint(app: Flask) -> None:
    # Filed 3 Jan 2025 09:00 Bangkok, resolved 10 Jan 2025 (7 days): fiscal year 2568.
    with new_session(app) as s:
        s.execute(
            text(
                "INSERT INTO complaints (case_number, fiscal_year, category, details, channel,"
                " status, unit, photos, address, contact_name, phone, anonymous, secret_hash,"
                " created_at, updated_at) VALUES ('2568-000001', 2568, 'road', 'ถนนเป็นหลุม',"
                " 'web', 'resolved', '', '[]', '', '', '', false, 'x',"
                " '2025-01-03 02:00:00', '2025-01-10 03:00:00')"
            )
        )
        s.execute(
            text(
                "INSERT INTO complaint_history (complaint_id, status, note, actor, at)"
                " SELECT id, 'resolved', 'ซ่อมแล้ว', 'admin', '2025-01-10 03:00:00'"
                " FROM complaints WHERE case_number = '2568-000001'"
            )
        )
        s.commit()


def _tables(app: Flask) -> set[str]:
    return set(inspect(app.extensions["db_engine"]).get_table_names())


def test_init_db_repairs_a_database_stamped_at_the_empty_0006(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app()
    _as_if_0006_was_empty(app)
    _closed_complaint(app)
    assert "complaint_stats" not in _tables(app)

    out = app.test_cli_runner().invoke(args=["init-db"])
    assert out.exit_code == 0, out.output
    assert "Repaired: revision 0006" in out.output
    assert {"complaint_stats", "sealed_access", "units", "api_tokens"} <= _tables(app)
    assert "privacy_acks" in _tables(app)  # 0007 onwards applied after the repair

    summary = app.test_cli_runner().invoke(args=["summary", "--json", "--year", "2568"])
    complaints = json.loads(summary.output)["complaints"]
    assert complaints["total"] == 1
    assert complaints["median_days_to_resolve"] == 7

    again = app.test_cli_runner().invoke(args=["init-db"])
    assert again.exit_code == 0, again.output
    assert "Repaired" not in again.output


def test_init_db_repairs_every_revision_that_was_empty(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    _as_if_0006_was_empty(app, below="0003")  # 0004, 0005 and 0006 were all placeholders
    out = app.test_cli_runner().invoke(args=["init-db"])
    assert out.exit_code == 0, out.output
    assert [line.split()[2] for line in out.output.splitlines() if "Repaired" in line] == [
        "0004",
        "0005",
        "0006",
    ]
    assert {"measures", "services", "satisfaction_responses", "complaint_stats"} <= _tables(app)
