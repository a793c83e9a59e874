"""`flask --app bot pdpa export USER` / `erase USER --yes` / `purge`."""

from __future__ import annotations

import json
import sys

import click
from flask import current_app
from flask.cli import AppGroup

from bot.db import new_session
from bot.db.accounts.audit import record as record_audit
from bot.db.privacy import pdpa
from handlers.clock import utcnow
from handlers.pdpa import Subject, identify

group = AppGroup("pdpa", help="Requests under the Personal Data Protection Act.")


def _subject(user: str) -> Subject:
    subject = identify(user)
    if subject is None:
        click.echo("ไม่เข้าใจ: ระบุรหัสผู้ใช้ LINE (U…), เบอร์โทรศัพท์ หรือเลขที่เรื่อง", err=True)
        sys.exit(1)
    return subject


@group.command("export")
@click.argument("user")
def export_cmd(user: str) -> None:
    """Everything held about a LINE user ID, phone number or case number, as JSON."""
    with new_session() as s:
        data = pdpa.export(s, _subject(user))
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@group.command("erase")
@click.argument("user")
@click.option("--yes", is_flag=True, help="Really erase.")
def erase_cmd(user: str, yes: bool) -> None:
    """Remove a person's personal data; anonymous statistics stay."""
    subject = _subject(user)
    if not yes:
        click.echo("ไม่ได้ลบ: เพิ่ม --yes เพื่อยืนยันการลบข้อมูลส่วนบุคคล", err=True)
        sys.exit(1)
    now = utcnow()
    with new_session() as s:
        counts = pdpa.erase(s, subject, now, current_app.config["UPLOAD_FOLDER"])
        # The log says that an erasure happened, not whose data it was.
        record_audit(s, "cli", "pdpa erase", subject.kind, json.dumps(counts), now)
        s.commit()
    click.echo("ลบข้อมูลส่วนบุคคลแล้ว: " + json.dumps(counts, ensure_ascii=False))


@group.command("purge")
def purge_cmd() -> None:
    """Apply the retention period now (the background worker also does this hourly)."""
    with new_session() as s:
        n = pdpa.purge_expired(
            s,
            utcnow(),
            current_app.config["PDPA_RETENTION_DAYS"],
            current_app.config["UPLOAD_FOLDER"],
        )
        s.commit()
    click.echo(f"ลบข้อมูลส่วนบุคคลของเรื่องที่ปิดแล้วเกินระยะเวลาเก็บรักษา: {n} เรื่อง")
