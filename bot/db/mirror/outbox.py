"""The one writer of the spreadsheet mirror's outbox. Every store adds its entries here, in
the caller's transaction, so an entry and its outbox row commit (or not) together."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from bot.db.mirror.tables import OutboxRow


def add(session: Session, kind: str, entity_id: str, at: datetime) -> None:
    """Mirror entity `entity_id` of `kind` (a sheets.rows registry name) at the next sync."""
    session.add(OutboxRow(**_row(kind, entity_id, at)))


def add_many(session: Session, kind: str, entity_ids: Iterable[str], at: datetime) -> None:
    """The same for many entities in one statement (re-mirroring everything: an ORM object
    per row would be several times slower, inside the sync's write lock)."""
    rows = [_row(kind, i, at) for i in entity_ids]
    if rows:
        session.execute(insert(OutboxRow), rows)


def _row(kind: str, entity_id: str, at: datetime) -> dict[str, Any]:
    return {"kind": kind, "entity_id": entity_id, "created_at": at, "attempts": 0, "error": ""}
