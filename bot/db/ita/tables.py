"""An office's copy of a year's ITA catalogue, one row per item, in catalogue order."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base


class CatalogueItemRow(Base):
    __tablename__ = "ita_catalogue_items"
    __table_args__ = (UniqueConstraint("year", "code", name="uq_ita_catalogue_year_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(index=True)
    position: Mapped[int]
    code: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(Text)
    instrument: Mapped[str] = mapped_column(String(3))
    indicator: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(30), default="")
    window: Mapped[str] = mapped_column(String(30))
    # The year whose shipped file the copy was made from (shown beside the office's edits).
    copied_from: Mapped[int]
    updated_at: Mapped[datetime]
