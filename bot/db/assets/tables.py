"""The asset register, its loans and the units' heads who approve them (migration 0015)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base


class AssetRow(Base):
    __tablename__ = "assets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(100), index=True)
    code: Mapped[str] = mapped_column(String(60), default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]


class AssetLoanRow(Base):
    __tablename__ = "asset_loans"
    __table_args__ = (
        CheckConstraint(
            "status IN ('requested', 'approved', 'rejected', 'returned')",
            name="ck_asset_loans_status",
        ),
        CheckConstraint("due_on >= start_on", name="ck_asset_loans_dates"),
        # Lists and reports read a span of days; the clash check reads one asset's loans.
        Index("ix_asset_loans_start_on", "start_on"),
        Index("ix_asset_loans_asset_status", "asset_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    asset_id: Mapped[int] = mapped_column(ForeignKey("assets.id"))
    borrower_id: Mapped[int | None] = mapped_column(index=True)
    borrower_name: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(100), default="")
    start_on: Mapped[date]
    due_on: Mapped[date]
    purpose: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="requested")
    created_at: Mapped[datetime]
    approver: Mapped[str] = mapped_column(String(200), default="")
    approved_at: Mapped[datetime | None]
    returned_at: Mapped[datetime | None]
    returned_by: Mapped[str] = mapped_column(String(200), default="")
    return_note: Mapped[str] = mapped_column(Text, default="")


class UnitHeadRow(Base):
    """The account that heads a unit: it approves loans of the unit's assets."""

    __tablename__ = "unit_heads"

    unit: Mapped[str] = mapped_column(String(100), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    set_at: Mapped[datetime]
