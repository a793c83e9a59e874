"""The monthly service counts staff enter (migration 0013)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base


class ServiceCountRow(Base):
    """How many people a service served in a month; entering the month again replaces it."""

    __tablename__ = "service_counts"
    __table_args__ = (
        CheckConstraint("count >= 0", name="ck_service_counts_count"),
        # Reports read a range of months across every service.
        Index("ix_service_counts_month", "month"),
    )

    # The primary key is the unique (service, month): one figure per service and month.
    service_code: Mapped[str] = mapped_column(
        String(30), ForeignKey("services.code"), primary_key=True
    )
    month: Mapped[date] = mapped_column(primary_key=True)  # the month's first day
    count: Mapped[int]
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(80), default="")
