"""Office accounts (admins, executives, the integrity officer, unit staff) and their audit trail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base

ROLE_TH = {
    "admin": "ผู้ดูแลระบบ",
    "executive": "ผู้บริหาร (ดูอย่างเดียว)",
    "integrity": "ผู้รับผิดชอบเรื่องร้องเรียนการทุจริต",
    "staff": "เจ้าหน้าที่หน่วยงาน",
}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[str] = mapped_column(String(20), default="staff")
    unit: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(default=True)
    # Staff link their LINE account once with a one-time code from an admin.
    line_user_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    link_code_hash: Mapped[str] = mapped_column(String(200), default="")
    link_code_expires: Mapped[datetime | None]
    created_at: Mapped[datetime]
    # Part of every session's id: raising it (logout, password reset, deactivation) ends
    # every session of the account, cookies copied elsewhere included.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")

    # Flask-Login's user protocol
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"


class LoginCounter(Base):
    """Failed logins counted per key (an account at an address, an address, an account) in a
    window that opens with the first failure. One row per key, changed by one atomic upsert
    per attempt, so concurrent attempts cannot all read the same count (bot/admin/auth.py)."""

    __tablename__ = "login_counters"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    since: Mapped[datetime] = mapped_column(index=True)
    failures: Mapped[int] = mapped_column(default=0)


class AuditLog(Base):
    """Every change made by a person on the admin side: who, when, what."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(60))
    target: Mapped[str] = mapped_column(String(120), default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class ApiToken(Base):
    """A personal token for GET /api/summary; only its SHA-256 is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked: Mapped[bool] = mapped_column(default=False)
