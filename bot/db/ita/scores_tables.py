"""An office's ITA scores per year and item, the analysis it writes on them, and its
analysis settings (migration 0016)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base


class ScoreRow(Base):
    """One item's score (0-100) as the NACC published it; an import replaces the year."""

    __tablename__ = "ita_scores"
    __table_args__ = (
        UniqueConstraint("year", "code", name="uq_ita_scores_year_code"),
        CheckConstraint("score >= 0 AND score <= 100", name="ck_ita_scores_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(index=True)
    code: Mapped[str] = mapped_column(String(10))
    score: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    imported_at: Mapped[datetime]
    imported_by: Mapped[str] = mapped_column(String(80), default="")


class AnalysisTextRow(Base):
    """The admin's analysis paragraph of one issue (1-7) of a year; issue 0 holds the
    limitations (ข้อจำกัด) printed at the end of the document."""

    __tablename__ = "ita_analysis_texts"
    __table_args__ = (
        UniqueConstraint("year", "issue", name="uq_ita_analysis_texts_year_issue"),
        CheckConstraint("issue >= 0 AND issue <= 7", name="ck_ita_analysis_texts_issue"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int]
    issue: Mapped[int]
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(80), default="")


class AnalysisSettingRow(Base):
    """An office-wide setting of the analysis (``score_threshold``)."""

    __tablename__ = "ita_analysis_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(80), default="")
