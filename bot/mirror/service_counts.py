"""Monthly service counts in the sheet: one row per service and month, column A
"2568-11:tax"; the outbox names a count "tax|2025-11-01" (what `sync --rebuild` can select)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import String, and_, cast, or_, select
from sqlalchemy.orm import Session

from bot.db.satisfaction.tables import ServiceRow
from bot.db.services.tables import ServiceCountRow
from bot.mirror.kind import MirroredKind
from bot.mirror.kind import chunks as _chunks
from sheets.rows import ServiceCountEntry, parse_service_count_key, service_count_key

KIND_NAME = "service_count"


def _parse_outbox_id(value: str) -> tuple[str, date] | None:
    code, _, day = str(value).partition("|")
    try:
        return (code, date.fromisoformat(day)) if code else None
    except ValueError:
        return None


def count_sheet_ids(session: Session, ids: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i in ids:
        found = _parse_outbox_id(i)
        if found is not None:
            out[i] = service_count_key(*found)
    return out


def load_counts(session: Session, ids: Sequence[str]) -> dict[str, Any]:
    wanted = [k for k in (parse_service_count_key(i) for i in ids) if k is not None]
    t = ServiceCountRow
    rows: list[ServiceCountRow] = []
    for chunk in _chunks(wanted):
        rows += session.scalars(
            select(t).where(or_(*(and_(t.service_code == c, t.month == m) for c, m in chunk)))
        )
    services = {s.code: s for s in session.scalars(select(ServiceRow))}
    out: dict[str, Any] = {}
    for r in rows:
        service = services.get(r.service_code)
        out[service_count_key(r.service_code, r.month)] = ServiceCountEntry(
            code=r.service_code,
            month=r.month,
            count=r.count,
            service_name=service.name if service else "",
            service_unit=service.unit if service else "",
            updated_at=r.updated_at,
            updated_by=r.updated_by,
        )
    return out


KIND = MirroredKind(
    KIND_NAME,
    load=load_counts,
    rebuild=(
        ServiceCountRow.service_code + "|" + cast(ServiceCountRow.month, String),
        ServiceCountRow.month,
    ),
    sheet_ids=count_sheet_ids,
)
