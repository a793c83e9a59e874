"""Tables of the services citizens rate and their ratings (migration 0005)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base


class ServiceRow(Base):
    __tablename__ = "services"

    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)


class SatisfactionRow(Base):
    """One filled survey. No name, no LINE ID: only a one-way respondent key."""

    __tablename__ = "satisfaction_responses"
    __table_args__ = (
        Index("ix_satisfaction_created", "created_at"),
        Index("ix_satisfaction_respondent", "respondent_key", "service_code", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), default="service")
    service_code: Mapped[str] = mapped_column(String(30), default="")
    case_number: Mapped[str] = mapped_column(String(20), default="", index=True)
    scores: Mapped[dict[str, Any]]
    comment: Mapped[str] = mapped_column(Text, default="")
    gender: Mapped[str] = mapped_column(String(30), default="")
    age_band: Mapped[str] = mapped_column(String(30), default="")
    occupation: Mapped[str] = mapped_column(String(60), default="")
    channel: Mapped[str] = mapped_column(String(10))
    respondent_key: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime]


class SatisfactionStat(Base):
    """Counters behind the satisfaction summary: per fiscal year, kind and service, how many
    responses (score 0) and how many times each score 1–5 was given. Kept in the same
    transaction as each rating, so the summary reads a few dozen rows at any volume."""

    __tablename__ = "satisfaction_stats"

    fiscal_year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    service_code: Mapped[str] = mapped_column(String(30), primary_key=True)
    score: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(default=0)
