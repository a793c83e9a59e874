"""Staff accounts: creating one and issuing the one-time code that links it to LINE."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.accounts.tables import User
from bot.db.base import naive
from handlers.clock import utcnow
from handlers.secrets_codes import hash_code, new_code

LINK_CODE_LENGTH = 8
LINK_CODE_HOURS = 72


def issue_link_code(session: Session, user: User) -> str:
    """A fresh one-time code for `user` (only its hash is kept); the caller commits."""
    code = new_code(LINK_CODE_LENGTH)
    user.link_code_hash = hash_code(code)
    user.link_code_expires = naive(utcnow() + timedelta(hours=LINK_CODE_HOURS))
    return code


def create_staff(
    session: Session, name: str, unit: str, username: str | None = None
) -> tuple[User, str]:
    """A new staff account and its link code; raises ValueError (Thai) when taken."""
    name = " ".join(name.split())
    username = (username or name).strip()
    if not name or not username:
        raise ValueError("กรุณาระบุชื่อเจ้าหน้าที่")
    if session.scalars(select(User).where(User.username == username)).first() is not None:
        raise ValueError(f"มีบัญชีชื่อผู้ใช้ {username} อยู่แล้ว")
    user = User(
        username=username,
        display_name=name,
        role="staff",
        unit=" ".join(unit.split()),
        created_at=naive(utcnow()),
    )
    session.add(user)
    code = issue_link_code(session, user)
    session.flush()
    return user, code
