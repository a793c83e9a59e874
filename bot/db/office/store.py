"""The office's units, its own names for the complaint categories and its settings."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot.db.office.tables import DEFAULT_UNITS, CategoryOverride, OfficeSetting, Unit
from handlers.units import match_unit, unit_key


def unit_names(s: Session, active_only: bool = True) -> list[str]:
    q = select(Unit.name).order_by(Unit.sort_order, Unit.id)
    if active_only:
        q = q.where(Unit.active.is_(True))
    names = list(s.scalars(q))
    return names or list(DEFAULT_UNITS)


def category_overrides(s: Session) -> dict[str, tuple[str, str]]:
    return {o.code: (o.name_th, o.default_unit) for o in s.scalars(select(CategoryOverride))}


# --- settings ------------------------------------------------------------------------------


def stored_settings(s: Session) -> dict[str, str]:
    """The settings an admin saved (key -> value); keys never saved are absent."""
    return {row.key: row.value for row in s.scalars(select(OfficeSetting))}


def save_setting(s: Session, key: str, value: str, by: str, at: datetime) -> str:
    """Store one (already checked) value; returns the value it replaced ("" if none)."""
    row = s.get(OfficeSetting, key)
    before = row.value if row is not None else ""
    if row is None:
        row = OfficeSetting(key=key, value=value, updated_at=at, updated_by=by)
        s.add(row)
    row.value, row.updated_at, row.updated_by = value, at, by
    s.flush()
    return before


# --- units ---------------------------------------------------------------------------------


def _rows(s: Session) -> list[Unit]:
    rows = list(s.scalars(select(Unit).order_by(Unit.sort_order, Unit.id)))
    if not rows:
        # The built-in list becomes the office's own the first time an admin manages it.
        for i, name in enumerate(DEFAULT_UNITS):
            s.add(Unit(name=name, active=True, sort_order=i))
        s.flush()
        rows = list(s.scalars(select(Unit).order_by(Unit.sort_order, Unit.id)))
    return rows


def unit_rows(s: Session) -> list[Unit]:
    return _rows(s)


def _clean_name(name: str) -> str:
    name = " ".join(name.split())[:100]
    if len(name) < 2:
        raise ValueError("กรุณากรอกชื่อหน่วยงาน")
    return name


def add_unit(s: Session, name: str) -> Unit:
    """A new unit; refused (Thai) when it is another spelling of one the office has."""
    name = _clean_name(name)
    rows = _rows(s)
    same = match_unit(name, [u.name for u in rows]) or next(
        (u.name for u in rows if unit_key(u.name) == unit_key(name)), None
    )
    if same is not None:
        raise ValueError(f"มีหน่วยงาน “{same}” อยู่แล้ว (ชื่อที่กรอกหมายถึงหน่วยงานเดียวกัน)")
    order = (s.scalar(select(func.max(Unit.sort_order))) or 0) + 1
    unit = Unit(name=name, active=True, sort_order=order)
    s.add(unit)
    s.flush()
    return unit


def rename_unit(s: Session, unit_id: int, name: str) -> tuple[str, str]:
    """Rename a unit everywhere it is named (staff, cases, services, measures, gifts…), so
    nobody loses their unit's work; returns (old, new)."""
    from bot.db.accounts.tables import User
    from bot.db.complaints.tables import ComplaintRow
    from bot.db.gifts.tables import GiftReportRow
    from bot.db.measures.tables import MeasureRow, ProgressRow
    from bot.db.satisfaction.tables import ServiceRow

    name = _clean_name(name)
    unit = next((u for u in _rows(s) if u.id == unit_id), None)
    if unit is None:
        raise ValueError("ไม่พบหน่วยงานนี้")
    old = unit.name
    if name == old:
        return old, name
    clash = next((u.name for u in _rows(s) if u.id != unit_id and u.name == name), None)
    if clash is not None:
        raise ValueError(f"มีหน่วยงาน “{clash}” อยู่แล้ว")
    unit.name = name
    for table in (User, ComplaintRow, ServiceRow, GiftReportRow, ProgressRow):
        s.execute(update(table).where(table.unit == old).values(unit=name))
    s.execute(
        update(CategoryOverride)
        .where(CategoryOverride.default_unit == old)
        .values(default_unit=name)
    )
    # A measure names its units in free text ("กองช่าง / กองคลัง"): replace the old name
    # where it stands as a whole name, not inside a longer one.
    whole = re.compile(re.escape(old) + r"(?![ก-๙])")
    for m in s.scalars(select(MeasureRow).where(MeasureRow.unit.contains(old))):
        m.unit = whole.sub(name, m.unit)
    s.flush()
    return old, name


def set_unit_active(s: Session, unit_id: int, active: bool) -> Unit:
    unit = next((u for u in _rows(s) if u.id == unit_id), None)
    if unit is None:
        raise ValueError("ไม่พบหน่วยงานนี้")
    if not active and sum(u.active for u in _rows(s)) <= 1 and unit.active:
        raise ValueError("ต้องมีหน่วยงานที่ใช้งานอย่างน้อยหนึ่งหน่วย")
    unit.active = active
    s.flush()
    return unit


def resolve_unit(s: Session, text: str) -> str | None:
    """The office's active unit that typed or imported text names ("กองช่างฯ" -> "กองช่าง")."""
    return match_unit(text, unit_names(s))
