"""Measures and progress reports in the sheet: stable IDs, loaders, and the measure columns
admins may edit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.db.accounts.audit import record as record_audit
from bot.db.measures.store import to_measure, to_progress
from bot.db.measures.tables import MeasureRow, ProgressRow
from bot.db.store import SqlStore
from bot.mirror.kind import Editor, MirroredKind
from bot.mirror.kind import chunks as _chunks
from handlers.measures.usecases import EDITABLE_FIELDS, edit_measure
from handlers.shared import DomainError
from sheets.rows import (
    PROGRESS_PREFIX,
    MeasureEntry,
    ProgressEntry,
    measure_key,
    numbered_key,
    parse_numbered_key,
    parse_plan_item_key,
)

# The outbox names a measure by its database row; the sheet by "<fiscal year>-M<no>" (or
# -OP / -AC for the other plans' items), which an import keeps (it matches on year, plan and
# number) and a rebuilt database reproduces.


def measure_sheet_ids(session: Session, ids: Sequence[str]) -> dict[str, str]:
    numbers = [int(i) for i in ids if str(i).isdigit()]
    out: dict[str, str] = {}
    for chunk in _chunks(numbers):
        rows = session.execute(
            select(MeasureRow.id, MeasureRow.fiscal_year, MeasureRow.plan, MeasureRow.no).where(
                MeasureRow.id.in_(chunk)
            )
        )
        out.update({str(r.id): measure_key(r.fiscal_year, r.no, r.plan) for r in rows})
    return out


def load_measures(session: Session, ids: Sequence[str]) -> dict[str, Any]:
    by_plan: dict[tuple[int, str], list[int]] = {}
    for i in ids:
        key = parse_plan_item_key(i)
        if key is not None:
            by_plan.setdefault(key[:2], []).append(key[2])
    rows: list[MeasureRow] = []
    for (fy, plan), numbers in by_plan.items():
        for chunk in _chunks(numbers):
            rows += session.scalars(
                select(MeasureRow).where(
                    MeasureRow.fiscal_year == fy, MeasureRow.plan == plan, MeasureRow.no.in_(chunk)
                )
            )
    counts: dict[int, int] = {}
    newest: list[int] = []
    for chunk in _chunks([r.id for r in rows]):
        for mid, n, last in session.execute(
            select(ProgressRow.measure_id, func.count(), func.max(ProgressRow.id))
            .where(ProgressRow.measure_id.in_(chunk))
            .group_by(ProgressRow.measure_id)
        ):
            counts[mid] = n
            newest.append(last)
    latest = {}
    for chunk in _chunks(newest):
        latest.update(
            {
                p.measure_id: to_progress(p)
                for p in session.scalars(select(ProgressRow).where(ProgressRow.id.in_(chunk)))
            }
        )
    return {
        measure_key(r.fiscal_year, r.no, r.plan): MeasureEntry(
            to_measure(r, latest.get(r.id)), r.updated_at, counts.get(r.id, 0)
        )
        for r in rows
    }


# Sheet column -> the measure's field, for the columns admins may edit.
MEASURE_FIELDS = {
    "title": "title",
    "steps": "steps",
    "unit": "unit",
    "period": "period_text",
    "outcome": "outcome",
}
AUDIT_TEXT = 300  # characters of the old and new text kept in the audit log


def _clip(value: str) -> str:
    return value if len(value) <= AUDIT_TEXT else value[: AUDIT_TEXT - 1] + "…"


def measure_editor(field_name: str) -> Editor:
    def edit(store: SqlStore, sheet_id: str, value: str, at: datetime, actor: str) -> None:
        key = parse_plan_item_key(sheet_id)
        found = store.measures.find_measure(key[0], key[2], key[1]) if key else None
        if found is None or found.id is None:
            raise DomainError("ไม่พบมาตรการนี้ในระบบ")
        change = edit_measure(store.measures, found.id, field_name, value, at)
        if change is None:
            return
        # The register's history: who changed which field of which measure, from what.
        label = EDITABLE_FIELDS[field_name][0]
        record_audit(
            store.session,
            actor,
            "measure.edit",
            sheet_id,
            f"{label}: “{_clip(change.old)}” → “{_clip(change.new)}”",
            at,
        )

    return edit


def progress_sheet_ids(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {i: numbered_key(PROGRESS_PREFIX, i) for i in ids if str(i).isdigit()}


def load_progress(session: Session, ids: Sequence[str]) -> dict[str, Any]:
    numbers = [n for n in (parse_numbered_key(PROGRESS_PREFIX, i) for i in ids) if n is not None]
    out: dict[str, Any] = {}
    for chunk in _chunks(numbers):
        rows = session.execute(
            select(
                ProgressRow,
                MeasureRow.fiscal_year,
                MeasureRow.no,
                MeasureRow.title,
                MeasureRow.plan,
            )
            .join(MeasureRow, MeasureRow.id == ProgressRow.measure_id)
            .where(ProgressRow.id.in_(chunk))
        )
        for p, fy, no, title, plan in rows:
            out[numbered_key(PROGRESS_PREFIX, p.id)] = ProgressEntry(
                to_progress(p), fy, no, title, plan
            )
    return out


KIND = MirroredKind(
    "measure",
    load=load_measures,
    rebuild=(MeasureRow.id, MeasureRow.id),
    sheet_ids=measure_sheet_ids,
    editors={column: measure_editor(f) for column, f in MEASURE_FIELDS.items()},
)
PROGRESS = MirroredKind(
    "progress",
    load=load_progress,
    rebuild=(ProgressRow.id, ProgressRow.id),
    sheet_ids=progress_sheet_ids,
)
