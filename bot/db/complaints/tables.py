"""Tables of complaints: the cases, their history, the case-number counter."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.db.base import Base


class ComplaintRow(Base):
    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(20), unique=True)
    fiscal_year: Mapped[int]
    category: Mapped[str] = mapped_column(String(20), index=True)
    details: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20), index=True)
    unit: Mapped[str] = mapped_column(String(100), default="")
    photos: Mapped[list[str]] = mapped_column(default=list)
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    address: Mapped[str] = mapped_column(String(300), default="")
    line_user_id: Mapped[str | None] = mapped_column(String(64), index=True)
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    anonymous: Mapped[bool] = mapped_column(default=False)
    secret_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime]
    # For the statistics (filled by bot/db/complaints/stats.py; migration 0006).
    month: Mapped[int | None]  # yyyymm in Bangkok time
    closed_at: Mapped[datetime | None]
    resolve_days: Mapped[int | None]

    history: Mapped[list[HistoryRow]] = relationship(
        back_populates="complaint", order_by="HistoryRow.id", cascade="all, delete-orphan"
    )


class HistoryRow(Base):
    __tablename__ = "complaint_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[datetime]

    complaint: Mapped[ComplaintRow] = relationship(back_populates="history")


class CaseCounter(Base):
    """The last case sequence used per fiscal year; incremented under a row lock."""

    __tablename__ = "case_counters"

    fiscal_year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(default=0)


class SealedAccess(Base):
    """Every opening of a sealed (corruption) case: who, with what role, what, when."""

    __tablename__ = "sealed_access"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(20), index=True)
    username: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(20))
    what: Mapped[str] = mapped_column(String(20))  # page | photo | letter
    allowed: Mapped[bool] = mapped_column(default=True)
    at: Mapped[datetime]
