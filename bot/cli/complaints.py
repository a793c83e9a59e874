"""`flask --app bot complaint ...`: work on complaints from the command line."""

from __future__ import annotations

import json
import sys
from typing import NoReturn

import click
from flask import current_app
from flask.cli import AppGroup

from bot.db import new_session
from bot.db.store import SqlStore
from bot.line.notify import push_pending_notices
from bot.services import services
from handlers.clock import local_date, utcnow
from handlers.complaints import categories
from handlers.complaints.domain import Location
from handlers.complaints.received import file_received, parse_received, staff_channel
from handlers.complaints.usecases import ComplaintDraft, set_status
from handlers.shared import CHANNEL_TH, DomainError
from handlers.thai.dates import format_thai_date


@click.group("complaint", cls=AppGroup)
def complaint() -> None:
    """Work on complaints."""


@complaint.command("set-status")
@click.argument("case")
@click.argument("status")
@click.option("--note", default="", help="What was done; the citizen sees it.")
@click.option("--actor", default="cli", help="Who made the change (kept in the history).")
def set_status_cmd(case: str, status: str, note: str, actor: str) -> None:
    """Change a case's status (received, in_progress, resolved, rejected, forwarded)."""
    with new_session() as s:
        store = SqlStore(s)
        try:
            c = set_status(store, case, status, note, utcnow(), actor)
        except DomainError as e:
            store.rollback()
            click.echo(f"ไม่สำเร็จ: {e}", err=True)
            sys.exit(1)
        store.commit()
    pushed = push_pending_notices(current_app._get_current_object(), services(current_app).line)  # type: ignore[attr-defined]
    click.echo(f"{c.case_number}: {c.status.value} ({c.status.thai})")
    if c.line_user_id and pushed:
        click.echo("แจ้งผู้ร้องทาง LINE แล้ว")
    elif c.line_user_id:
        click.echo("ผู้ร้องจะเห็นการแจ้งเตือนเมื่อส่งข้อความครั้งถัดไป")


@complaint.command("add")
@click.option("--channel", required=True, help="walk_in, phone, letter, facebook or other.")
@click.option("--category", required=True, help="Category code (e.g. road, light, waste).")
@click.option("--details", required=True, help="What the citizen told the office.")
@click.option("--name", default="", help="The complainant's name, if given.")
@click.option("--phone", default="", help="The complainant's phone number, if given.")
@click.option("--location", default="", help="Where it is, in words.")
@click.option(
    "--received", default="", help="Day it arrived, YYYY-MM-DD (BE or CE); default today."
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the case number and tracking code as JSON."
)
def add_cmd(
    channel: str,
    category: str,
    details: str,
    name: str,
    phone: str,
    location: str,
    received: str,
    as_json: bool,
) -> None:
    """Record a complaint received at the counter, by phone, letter, Facebook or otherwise."""
    now = utcnow()
    try:
        door = staff_channel(channel)
        if categories.get(category.strip()) is None:
            codes = ", ".join(categories.by_code())
            raise DomainError(f"ไม่รู้จักประเภทเรื่อง “{category}” ใช้ได้: {codes}")
        day = parse_received(received) if received.strip() else local_date(now)
        draft = ComplaintDraft(
            category=category.strip(),
            details=details,
            location=Location(address=location.strip()) if location.strip() else None,
            contact_name=name,
            phone=phone,
        )
    except DomainError as e:
        _bad_input(str(e))
    with new_session() as s:
        store = SqlStore(s)
        try:
            filed = file_received(store, draft, door, day, now)
        except DomainError as e:
            store.rollback()
            _bad_input(str(e))
        store.commit()
    number = filed.complaint.case_number
    if as_json:
        click.echo(json.dumps({"case_number": number, "tracking_code": filed.secret_code}))
        return
    click.echo(
        f"บันทึกเรื่องร้องเรียนเลขที่ {number} ({CHANNEL_TH[door]} "
        f"รับเมื่อวันที่ {format_thai_date(day)}) แล้ว รหัสติดตามเรื่อง {filed.secret_code} "
        "โปรดแจ้งผู้ร้องให้เก็บเลขที่เรื่องและรหัสนี้ไว้ใช้ติดตามเรื่อง"
    )


def _bad_input(message: str) -> NoReturn:
    click.echo(f"ไม่สำเร็จ: {message}", err=True)
    sys.exit(2)
