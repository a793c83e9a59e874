"""The office's units and its own names for the complaint categories."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.office.tables import DEFAULT_UNITS, CategoryOverride, Unit


def unit_names(s: Session, active_only: bool = True) -> list[str]:
    q = select(Unit.name).order_by(Unit.sort_order, Unit.id)
    if active_only:
        q = q.where(Unit.active.is_(True))
    names = list(s.scalars(q))
    return names or list(DEFAULT_UNITS)


def category_overrides(s: Session) -> dict[str, tuple[str, str]]:
    return {o.code: (o.name_th, o.default_unit) for o in s.scalars(select(CategoryOverride))}
