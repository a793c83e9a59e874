"""Tables of the measure register and the progress staff report on it."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base


class MeasureRow(Base):
    """An item of one of the office's plans (the integrity measures, the operating plan, the
    anti-corruption plan: handlers.measures.plans); numbered within its plan and year."""

    __tablename__ = "measures"
    __table_args__ = (
        UniqueConstraint("fiscal_year", "plan", "no", name="uq_measures_year_plan_no"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(index=True)
    plan: Mapped[str] = mapped_column(String(20), default="integrity", server_default="integrity")
    no: Mapped[int]
    issue: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text)
    steps: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(300), default="")
    period_text: Mapped[str] = mapped_column(String(300), default="")
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]
    indicators: Mapped[list[str]] = mapped_column(default=list)
    outcome: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    warnings: Mapped[list[str]] = mapped_column(default=list)
    budget: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ProgressRow(Base):
    __tablename__ = "progress_updates"
    __table_args__ = (Index("ix_progress_measure", "measure_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id"))
    percent: Mapped[int]
    done: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    photos: Mapped[list[str]] = mapped_column(default=list)
    staff_id: Mapped[int | None] = mapped_column(index=True)
    staff_name: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(100), default="")
    channel: Mapped[str] = mapped_column(String(10), default="line")
    created_at: Mapped[datetime] = mapped_column(index=True)
