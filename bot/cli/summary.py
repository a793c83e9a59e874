"""`flask --app bot summary [--json]`: the fiscal year's key figures."""

from __future__ import annotations

import json

import click
from flask.cli import with_appcontext

from bot.db import new_session
from bot.db.store import SqlStore
from handlers.clock import local_date, utcnow
from handlers.summaries import summary as make_summary
from handlers.thai.dates import fiscal_year


@click.command("summary")
@with_appcontext
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--year", type=int, default=None, help="Fiscal year (BE); default: the current one.")
def summary(as_json: bool, year: int | None) -> None:
    """Key figures of the fiscal year."""
    fy = year or fiscal_year(local_date(utcnow()))
    with new_session() as s:
        data = make_summary(SqlStore(s), fy)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    c = data["complaints"]
    click.echo(f"ปีงบประมาณ พ.ศ. {fy}: เรื่องร้องเรียน {c['total']} เรื่อง")
    for k, v in c["by_status"].items():
        click.echo(f"  {k}: {v}")
    click.echo(f"  เกินกำหนด 15 วัน: {c.get('overdue', 0)}")
    click.echo(f"  มัธยฐานวันที่ใช้แก้ไข: {c.get('median_days_to_resolve')}")
