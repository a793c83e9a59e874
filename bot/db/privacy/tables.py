"""Who acknowledged which version of the privacy notice, and when (PDPA)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base


class PrivacyAck(Base):
    __tablename__ = "privacy_acks"
    __table_args__ = (UniqueConstraint("user_key", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_key: Mapped[str] = mapped_column(String(80))
    version: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime]
