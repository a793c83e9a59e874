"""The gift register: gifts staff received and their declarations of none (migration 0014)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Index, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base


class GiftReportRow(Base):
    __tablename__ = "gift_reports"
    __table_args__ = (
        CheckConstraint("kind IN ('gift', 'none')", name="ck_gift_reports_kind"),
        CheckConstraint("estimated_value >= 0", name="ck_gift_reports_value"),
        # Reports read a range of days: gifts by the day received, declarations by month.
        Index("ix_gift_reports_received_on", "received_on"),
        Index("ix_gift_reports_period_start", "period_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    staff_id: Mapped[int | None] = mapped_column(index=True)
    staff_name: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(100), default="")
    received_on: Mapped[date | None]
    giver: Mapped[str] = mapped_column(Text, default="")
    what: Mapped[str] = mapped_column(Text, default="")
    estimated_value: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    action: Mapped[str] = mapped_column(Text, default="")
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]
    created_at: Mapped[datetime]
    reviewed_at: Mapped[datetime | None]
    reviewed_by: Mapped[str] = mapped_column(String(80), default="")
    review_note: Mapped[str] = mapped_column(Text, default="")
