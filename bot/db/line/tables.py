"""Tables of the LINE adapter: stored webhook events, pushes sent, known users."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base


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
