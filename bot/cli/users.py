"""`flask --app bot users add|reset-password`: office accounts from the server's command line,
the one door (besides an integrity officer) to the integrity role."""

from __future__ import annotations

import secrets
import sys

import click
from flask.cli import AppGroup
from sqlalchemy import select

from bot.admin.auth import end_sessions, hash_password
from bot.db import new_session
from bot.db.accounts.audit import record as record_audit
from bot.db.accounts.tables import User
from bot.db.office.store import unit_names
from handlers.accounts import new_account_problems, touches_integrity
from handlers.clock import utcnow
from handlers.complaints.policy import ROLES
from handlers.units import match_unit

ACTOR = "cli"


@click.group("users", cls=AppGroup)
def users() -> None:
    """Office accounts (admins, executives, integrity officers, staff)."""


@users.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--unit", default="", help="The unit (ส่วนราชการ); required for staff.")
@click.option("--name", "display_name", default="", help="The name shown on pages.")
def add(username: str, role: str, unit: str, display_name: str) -> None:
    """Add an account and print its first password (shown once)."""
    username = username.strip().lower()
    now = utcnow()
    with new_session() as s:
        taken = s.scalars(select(User).where(User.username == username)).first() is not None
        # "กองช่างฯ" or "ช่าง" is the office's กองช่าง; a unit it does not have is refused.
        unit = match_unit(unit, unit_names(s)) or unit if unit else ""
        problems = new_account_problems(username, taken, role, unit, unit_names(s), ROLES)
        if problems:
            _fail(" / ".join(problems))
        password = secrets.token_urlsafe(12)
        s.add(
            User(
                username=username,
                display_name=display_name.strip()[:200],
                password_hash=hash_password(password),
                role=role,
                unit=unit if unit in unit_names(s) else "",
                created_at=now,
            )
        )
        record_audit(s, ACTOR, "user.add", username, f"{role} {unit}".strip(), now)
        if touches_integrity(role):
            record_audit(s, ACTOR, "integrity.add", username, role, now)
        s.commit()
    click.echo(f"เพิ่มผู้ใช้ {username} ({role}) แล้ว · รหัสผ่านเริ่มต้น (แสดงครั้งเดียว): {password}")


@users.command("reset-password")
@click.argument("username")
def reset_password(username: str) -> None:
    """Give an account a new random password (shown once)."""
    now = utcnow()
    with new_session() as s:
        user = s.scalars(select(User).where(User.username == username)).first()
        if user is None:
            _fail(f"ไม่พบบัญชี {username}")
            return
        password = secrets.token_urlsafe(12)
        user.password_hash = hash_password(password)
        end_sessions(user, s)  # whoever knew the old password is logged out too
        record_audit(s, ACTOR, "user.reset_password", username, "", now)
        if touches_integrity(user.role):
            record_audit(s, ACTOR, "integrity.reset_password", username, user.role, now)
        s.commit()
    click.echo(f"ตั้งรหัสผ่านใหม่ของ {username} แล้ว · รหัสผ่านใหม่ (แสดงครั้งเดียว): {password}")


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(1)
