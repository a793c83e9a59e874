"""Complaints in the sheet: column A is the case number; admins may edit the status."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.complaints.mapping import to_complaint
from bot.db.complaints.tables import ComplaintRow
from bot.db.store import SqlStore
from bot.mirror.kind import MirroredKind
from bot.mirror.kind import chunks as _chunks
from handlers.complaints.usecases import set_status


def load_complaints(session: Session, ids: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for chunk in _chunks(list(ids)):
        rows = session.scalars(select(ComplaintRow).where(ComplaintRow.case_number.in_(chunk)))
        out.update({r.case_number: to_complaint(r, with_history=False) for r in rows})
    return out


def edit_complaint_status(store: SqlStore, case: str, value: str, at: datetime, actor: str) -> None:
    # The same use case as every other status change: history kept, citizen told.
    set_status(store, case, value, "", at, actor)


KIND = MirroredKind(
    "complaint",
    load=load_complaints,
    rebuild=(ComplaintRow.case_number, ComplaintRow.id),
    editors={"status": edit_complaint_status},
)
