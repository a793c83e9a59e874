"""`flask --app bot services count CODE --month 2569-11 --count 120`: the monthly service
counts behind the service statistics (ITA kind service_stats)."""

from __future__ import annotations

import re
import sys
from typing import NoReturn

import click
from flask.cli import AppGroup

from bot.db import new_session
from bot.db.store import SqlStore
from handlers.clock import local_date, utcnow
from handlers.reports.service_stats import parse_month
from handlers.thai.dates import BE_OFFSET, MONTHS_FULL
from handlers.thai.digits import thai_to_arabic

group = AppGroup("services", help="The office's services and how many people each served.")


def _fail(message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(2)


@group.command("count")
@click.argument("code")
@click.option("--month", required=True, help="The month, BE year-month: 2569-11 (or CE 2026-11).")
@click.option("--count", "count_text", required=True, help="How many people were served.")
@click.option("--by", default="cli", show_default=True, help="Who entered the figure.")
def count_cmd(code: str, month: str, count_text: str, by: str) -> None:
    """Record how many people a service served in a month (re-entering replaces it)."""
    try:
        first = parse_month(month)
    except ValueError as error:
        _fail(str(error))
    today = local_date(utcnow())
    if first > today:
        _fail(f"เดือน {month} ยังมาไม่ถึง: บันทึกได้เฉพาะเดือนปัจจุบันหรือเดือนที่ผ่านมาแล้ว")
    digits = thai_to_arabic(count_text).replace(",", "").strip()
    if re.fullmatch(r"-\d+", digits):
        _fail("จำนวนผู้รับบริการต้องไม่ติดลบ")
    if not re.fullmatch(r"\d{1,9}", digits):
        _fail(f"จำนวนผู้รับบริการ “{count_text}” ไม่ถูกต้อง: ระบุเป็นจำนวนเต็ม เช่น 120")
    n = int(digits)
    month_text = f"{MONTHS_FULL[first.month - 1]} {first.year + BE_OFFSET}"
    with new_session() as s:
        store = SqlStore(s)
        services = store.satisfaction.services(include_inactive=True)
        service = next((x for x in services if x.code == code.strip().lower()), None)
        if service is None:
            known = "\n".join(f"  {x.code}  {x.name}" for x in services) or "  (ยังไม่มีงานบริการ)"
            _fail(f"ไม่พบงานบริการรหัส “{code}” รหัสงานบริการที่มี:\n{known}")
        before = store.service_counts.set_count(service.code, first, n, utcnow(), by)
        store.commit()
    replaced = "" if before is None else f" (แทนจำนวนเดิม {before:,} ราย)"
    click.echo(f"บันทึกแล้ว: {service.name} เดือน{month_text} จำนวน {n:,} ราย{replaced}")
