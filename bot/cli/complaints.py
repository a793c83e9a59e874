"""`flask --app bot complaint ...`: work on complaints from the command line."""

from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import AppGroup

from bot.db import new_session
from bot.db.store import SqlStore
from bot.line.notify import push_pending_notices
from bot.services import services
from handlers.clock import utcnow
from handlers.complaints.usecases import set_status
from handlers.shared import DomainError


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
