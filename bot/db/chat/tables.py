"""Tables of the chat: open conversations and notices waiting for their user."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base


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
