"""Database tables (SQLAlchemy 2). Times are stored as naive UTC."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


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
    # For the statistics (filled by bot/admin/case_models.py; migration 0006).
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


class ConversationRow(Base):
    __tablename__ = "conversations"

    user_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    state: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime]


class NoticeRow(Base):
    __tablename__ = "notices"
    __table_args__ = (Index("ix_notices_pending", "line_user_id", "delivered_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_user_id: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    delivered_at: Mapped[datetime | None]
    via: Mapped[str] = mapped_column(String(10), default="")


class OutboxRow(Base):
    """An entry to mirror to the spreadsheet; written in the same transaction as the entry."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "synced_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime]
    synced_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str] = mapped_column(Text, default="")


class LineEvent(Base):
    """The webhook inbox: each LINE event kept before the 200, processed once."""

    __tablename__ = "line_events"
    __table_args__ = (
        Index("ix_line_events_pending", "status", "id"),
        # The per-user rate limit counts a user's recent events for every event processed.
        Index("ix_line_events_user_time", "user_id", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    webhook_event_id: Mapped[str] = mapped_column(String(64), unique=True)
    event_type: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[str | None] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(12), default="pending")
    processed_at: Mapped[datetime | None]
    error: Mapped[str] = mapped_column(Text, default="")


class PushLog(Base):
    """Every push message sent (they are billed; the free plan has 300 a month)."""

    __tablename__ = "push_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    line_user_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    sent_at: Mapped[datetime] = mapped_column(index=True)


class LineUser(Base):
    """A LINE user's display name, fetched once from the profile API."""

    __tablename__ = "line_users"

    user_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    fetched_at: Mapped[datetime]


class SheetState(Base):
    """The spreadsheet mirror's one row of state: the sync lease (one writer at a time across
    processes), its epoch (grows each time the lease changes hands) and the last outcomes."""

    __tablename__ = "sheet_state"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    lease_holder: Mapped[str | None] = mapped_column(String(120))
    lease_until: Mapped[datetime | None]
    epoch: Mapped[int] = mapped_column(default=0)
    last_success_at: Mapped[datetime | None]
    last_pull_at: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    last_error_at: Mapped[datetime | None]
