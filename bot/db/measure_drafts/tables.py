"""Draft measures from a year's ITA analysis, and which ITA items each measure answers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base


class MeasureDraftRow(Base):
    """A suggestion of the measure library for one issue of an ITA year, as the admin edits
    it; `measure_id` is the measure it became once adopted."""

    __tablename__ = "measure_drafts"
    __table_args__ = (Index("ix_measure_drafts_year", "year", "issue_no", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int]
    issue_no: Mapped[int]
    title: Mapped[str] = mapped_column(Text)
    steps: Mapped[list[str]] = mapped_column(default=list)
    unit: Mapped[str] = mapped_column(String(300), default="")
    period: Mapped[str] = mapped_column(String(300), default="")
    codes: Mapped[list[str]] = mapped_column(default=list)
    source: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(10), default="draft")
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("measures.id"))
    decided_by: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]


class MeasureItemLinkRow(Base):
    """One ITA item (code in the numbering of `ita_year`) an integrity measure answers."""

    __tablename__ = "measure_item_links"
    __table_args__ = (UniqueConstraint("measure_id", "code", name="uq_measure_item_links"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id"), index=True)
    ita_year: Mapped[int]
    code: Mapped[str] = mapped_column(String(10))
    position: Mapped[int]
