"""`flask --app bot services count CODE --month 2569-11 --count 120`: the monthly service
counts behind the service statistics (ITA kind service_stats)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from bot.cli.errors import fail as _fail
from bot.db import new_session
from bot.db.store import SqlStore
from handlers.clock import local_date, utcnow
from handlers.reports.service_entry import (
    check_month,
    find_service,
    month_text,
    parse_count,
    record_count,
)
from handlers.reports.service_stats import parse_month

group = AppGroup("services", help="The office's services and how many people each served.")


@group.command("count")
@click.argument("code")
@click.option("--month", required=True, help="The month, BE year-month: 2569-11 (or CE 2026-11).")
@click.option("--count", "count_text", required=True, help="How many people were served.")
@click.option("--by", default="cli", show_default=True, help="Who entered the figure.")
def count_cmd(code: str, month: str, count_text: str, by: str) -> None:
    """Record how many people a service served in a month (re-entering replaces it)."""
    try:
        first = parse_month(month)
        n = parse_count(count_text)
        check_month(first, local_date(utcnow()))
    except ValueError as error:
        _fail(str(error))
    with new_session() as s:
        store = SqlStore(s)
        services = store.satisfaction.services(include_inactive=True)
        service = find_service(services, code.strip().lower())
        if service is None:
            known = "\n".join(f"  {x.code}  {x.name}" for x in services) or "  (ยังไม่มีงานบริการ)"
            _fail(f"ไม่พบงานบริการรหัส “{code}” รหัสงานบริการที่มี:\n{known}")
        done = record_count(
            store.service_counts, service, first, n, utcnow(), local_date(utcnow()), by
        )
        store.commit()
    replaced = "" if done.before is None else f" (แทนจำนวนเดิม {done.before:,} ราย)"
    click.echo(f"บันทึกแล้ว: {service.name} เดือน{month_text(first)} จำนวน {n:,} ราย{replaced}")
