"""Tables of the office's own settings: its units, its names for the complaint categories
and its settings (name, address, logo…)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base

DEFAULT_UNITS = (
    "สำนักปลัด",
    "กองคลัง",
    "กองช่าง",
    "กองการศึกษา",
    "กองสาธารณสุขและสิ่งแวดล้อม",
)


class Unit(Base):
    """The office's units (ส่วนราชการ): where cases and staff belong."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)


class CategoryOverride(Base):
    """An office's own Thai name or default unit for a category of categories.csv."""

    __tablename__ = "category_overrides"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name_th: Mapped[str] = mapped_column(String(200), default="")
    default_unit: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(80), default="")


class OfficeSetting(Base):
    """One of the office's settings (handlers.office.KEYS) an admin saved; a key with no row
    takes its value from the environment (bot/config.py)."""

    __tablename__ = "office_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(80), default="")
