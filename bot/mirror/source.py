"""The database side of the spreadsheet mirror: `sheets.ports.MirrorSource` on SQLAlchemy.

Every method is its own short transaction, so the database is never held while the sync
waits for Google or for its quota.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, func, insert, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.db.accounts.tables import AuditLog
from bot.db.base import aware, naive
from bot.db.complaints.mapping import to_complaint
from bot.db.complaints.tables import ComplaintRow
from bot.db.measures.store import to_measure, to_progress
from bot.db.measures.tables import MeasureRow, ProgressRow
from bot.db.mirror.tables import OutboxRow, SheetState
from bot.db.satisfaction.tables import SatisfactionRow, ServiceRow
from bot.db.store import SqlStore
from handlers.clock import local_date, utcnow
from handlers.complaints.policy import restricted_codes
from handlers.complaints.usecases import set_status
from handlers.measures.usecases import EDITABLE_FIELDS, edit_measure
from handlers.satisfaction.model import Kind as RatingKind
from handlers.satisfaction.model import Rating
from handlers.shared import Channel, DomainError
from handlers.summaries import summary as make_summary
from handlers.thai.dates import fiscal_year
from sheets.ports import EditResult, OutboxItem, SyncStatus
from sheets.rows import (
    PROGRESS_PREFIX,
    RATING_PREFIX,
    MeasureEntry,
    ProgressEntry,
    SatisfactionEntry,
    measure_key,
    numbered_key,
    parse_measure_key,
    parse_numbered_key,
)

log = logging.getLogger(__name__)

STATE_ID = 1
CHUNK = 500  # IDs per IN (...) list; SQLite limits bound parameters

Loader = Callable[[Session, Sequence[str]], dict[str, Any]]
Editor = Callable[[SqlStore, str, str, datetime, str], None]


def _chunks(ids: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def load_complaints(session: Session, ids: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for chunk in _chunks(list(ids)):
        rows = session.scalars(select(ComplaintRow).where(ComplaintRow.case_number.in_(chunk)))
        out.update({r.case_number: to_complaint(r, with_history=False) for r in rows})
    return out


def edit_complaint_status(store: SqlStore, case: str, value: str, at: datetime, actor: str) -> None:
    # The same use case as every other status change: history kept, citizen told.
    set_status(store, case, value, "", at, actor)


# --- measures -------------------------------------------------------------------------------
# The outbox names a measure by its database row; the sheet by "<fiscal year>-M<no>", which
# an import keeps (it matches on year and number) and a rebuilt database reproduces.


def measure_sheet_ids(session: Session, ids: Sequence[str]) -> dict[str, str]:
    numbers = [int(i) for i in ids if str(i).isdigit()]
    out: dict[str, str] = {}
    for chunk in _chunks(numbers):
        rows = session.execute(
            select(MeasureRow.id, MeasureRow.fiscal_year, MeasureRow.no).where(
                MeasureRow.id.in_(chunk)
            )
        )
        out.update({str(r.id): measure_key(r.fiscal_year, r.no) for r in rows})
    return out


def load_measures(session: Session, ids: Sequence[str]) -> dict[str, Any]:
    by_year: dict[int, list[int]] = {}
    for i in ids:
        key = parse_measure_key(i)
        if key is not None:
            by_year.setdefault(key[0], []).append(key[1])
    rows: list[MeasureRow] = []
    for fy, numbers in by_year.items():
        for chunk in _chunks(numbers):
            rows += session.scalars(
                select(MeasureRow).where(MeasureRow.fiscal_year == fy, MeasureRow.no.in_(chunk))
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
        measure_key(r.fiscal_year, r.no): MeasureEntry(
            to_measure(r, latest.get(r.id)), aware(r.updated_at), counts.get(r.id, 0)
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
        key = parse_measure_key(sheet_id)
        found = store.measures.find_measure(*key) if key else None
        if found is None or found.id is None:
            raise DomainError("ไม่พบมาตรการนี้ในระบบ")
        change = edit_measure(store.measures, found.id, field_name, value, at)
        if change is None:
            return
        # The register's history: who changed which field of which measure, from what.
        label = EDITABLE_FIELDS[field_name][0]
        store.session.add(
            AuditLog(
                at=naive(at),
                actor=actor[:80],
                action="measure.edit",
                target=sheet_id,
                detail=f"{label}: “{_clip(change.old)}” → “{_clip(change.new)}”",
            )
        )

    return edit


# --- progress reports ----------------------------------------------------------------------


def progress_sheet_ids(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {i: numbered_key(PROGRESS_PREFIX, i) for i in ids if str(i).isdigit()}


def load_progress(session: Session, ids: Sequence[str]) -> dict[str, Any]:
    numbers = [n for n in (parse_numbered_key(PROGRESS_PREFIX, i) for i in ids) if n is not None]
    out: dict[str, Any] = {}
    for chunk in _chunks(numbers):
        rows = session.execute(
            select(ProgressRow, MeasureRow.fiscal_year, MeasureRow.no, MeasureRow.title)
            .join(MeasureRow, MeasureRow.id == ProgressRow.measure_id)
            .where(ProgressRow.id.in_(chunk))
        )
        for p, fy, no, title in rows:
            out[numbered_key(PROGRESS_PREFIX, p.id)] = ProgressEntry(to_progress(p), fy, no, title)
    return out


# --- satisfaction ----------------------------------------------------------------------------


def rating_sheet_ids(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {i: numbered_key(RATING_PREFIX, i) for i in ids if str(i).isdigit()}


def load_ratings(session: Session, ids: Sequence[str]) -> dict[str, Any]:
    numbers = [n for n in (parse_numbered_key(RATING_PREFIX, i) for i in ids) if n is not None]
    rows: list[SatisfactionRow] = []
    for chunk in _chunks(numbers):
        rows += session.scalars(select(SatisfactionRow).where(SatisfactionRow.id.in_(chunk)))
    services = {s.code: s for s in session.scalars(select(ServiceRow))}
    cases = sorted({r.case_number for r in rows if r.case_number})
    sealed_codes = set(restricted_codes())
    sealed: set[str] = set()
    for chunk in _chunks(cases):
        sealed.update(
            session.scalars(
                select(ComplaintRow.case_number).where(
                    ComplaintRow.case_number.in_(chunk),
                    ComplaintRow.category.in_(sorted(sealed_codes)),
                )
            )
        )
    out: dict[str, Any] = {}
    for r in rows:
        # Built here rather than by the ratings store: the respondent key stays behind.
        rating = Rating(
            kind=RatingKind(r.kind),
            scores={k: int(v) for k, v in (r.scores or {}).items()},
            channel=Channel(r.channel),
            created_at=aware(r.created_at),
            service_code=r.service_code,
            case_number=r.case_number,
            comment=r.comment,
            gender=r.gender,
            age_band=r.age_band,
            occupation=r.occupation,
            id=r.id,
        )
        service = services.get(r.service_code)
        out[numbered_key(RATING_PREFIX, r.id)] = SatisfactionEntry(
            rating,
            service.name if service else "",
            service.unit if service else "",
            r.case_number in sealed,
        )
    return out


LOADERS: dict[str, Loader] = {
    "complaint": load_complaints,
    "measure": load_measures,
    "progress": load_progress,
    "satisfaction": load_ratings,
}
EDITORS: dict[tuple[str, str], Editor] = {
    ("complaint", "status"): edit_complaint_status,
    **{("measure", column): measure_editor(f) for column, f in MEASURE_FIELDS.items()},
}
# Kinds whose outbox rows name a database row while the sheet shows another, stable ID
# (complaints are their case number in both).
SheetIds = Callable[[Session, Sequence[str]], dict[str, str]]
SHEET_IDS: dict[str, SheetIds] = {
    "measure": measure_sheet_ids,
    "progress": progress_sheet_ids,
    "satisfaction": rating_sheet_ids,
}
# What `sync --rebuild` queues again, oldest first within each kind.
REBUILD: tuple[tuple[str, Any, Any], ...] = (
    ("complaint", ComplaintRow.case_number, ComplaintRow.id),
    ("measure", MeasureRow.id, MeasureRow.id),
    ("progress", ProgressRow.id, ProgressRow.id),
    ("satisfaction", SatisfactionRow.id, SatisfactionRow.id),
)


def sheet_ids(session: Session, kind: str, ids: Sequence[str]) -> dict[str, str]:
    """Outbox entity ID -> the ID in column A (itself when the kind has no mapping or the
    entry is gone: an erased entry then matches no row and nothing is written)."""
    mapper = SHEET_IDS.get(kind)
    found = mapper(session, ids) if mapper else {}
    return {i: found.get(i, i) for i in ids}


class SqlMirrorSource:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        actor: str = "sheets",
        write_lock: AbstractContextManager[Any] | None = None,
    ) -> None:
        self.sessions = sessions
        self.actor = actor
        # The app's lock around background write transactions (SQLite has one writer).
        self.write_lock = write_lock if write_lock is not None else nullcontext()

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        with self.write_lock, self.sessions() as s, s.begin():
            yield s

    def _ensure_state(self, s: Session) -> None:
        # The migration creates the row; this covers a database made with create_all().
        if s.get(SheetState, STATE_ID) is not None:
            return
        values = {"id": STATE_ID, "epoch": 0, "last_error": ""}
        if s.get_bind().dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            s.execute(pg_insert(SheetState).values(**values).on_conflict_do_nothing())
        else:
            s.execute(insert(SheetState).values(**values).prefix_with("OR IGNORE"))

    # --- the lease ------------------------------------------------------------------------

    def acquire_lease(self, holder: str, seconds: float) -> int | None:
        now = naive(utcnow())
        st = SheetState
        with self._tx() as s:
            self._ensure_state(s)
            ours = (st.lease_holder == holder) & (st.lease_until >= now)
            free = or_(st.lease_holder.is_(None), st.lease_until < now, st.lease_holder == holder)
            epoch = s.execute(
                update(st)
                .where(st.id == STATE_ID, free)
                .values(
                    lease_holder=holder,
                    lease_until=now + timedelta(seconds=seconds),
                    epoch=case((ours, st.epoch), else_=st.epoch + 1),
                )
                .returning(st.epoch)
            ).scalar_one_or_none()
        return epoch

    def renew_lease(self, holder: str, seconds: float) -> bool:
        now = naive(utcnow())
        st = SheetState
        with self._tx() as s:
            n = s.execute(
                update(st)
                .where(st.id == STATE_ID, st.lease_holder == holder, st.lease_until >= now)
                .values(lease_until=now + timedelta(seconds=seconds))
            ).rowcount
        return n == 1

    def release_lease(self, holder: str) -> None:
        with self._tx() as s:
            s.execute(
                update(SheetState)
                .where(SheetState.id == STATE_ID, SheetState.lease_holder == holder)
                .values(lease_holder=None, lease_until=None)
            )

    # --- the outbox -------------------------------------------------------------------------

    def pending(self, limit: int, kinds: Sequence[str], after: int = 0) -> list[OutboxItem]:
        with self.sessions() as s:
            rows = s.execute(
                select(OutboxRow.id, OutboxRow.kind, OutboxRow.entity_id, OutboxRow.attempts)
                .where(
                    OutboxRow.synced_at.is_(None),
                    OutboxRow.kind.in_(list(kinds)),
                    OutboxRow.id > after,
                )
                .order_by(OutboxRow.id)
                .limit(limit)
            ).all()
            by_kind: dict[str, list[str]] = {}
            for r in rows:
                by_kind.setdefault(r.kind, []).append(r.entity_id)
            names = {k: sheet_ids(s, k, ids) for k, ids in by_kind.items()}
        return [OutboxItem(r.id, r.kind, names[r.kind][r.entity_id], r.attempts) for r in rows]

    def backlog(self) -> int:
        with self.sessions() as s:
            return backlog(s)

    def load(self, kind: str, entity_ids: Sequence[str]) -> dict[str, Any]:
        loader = LOADERS.get(kind)
        if loader is None:
            return {}
        with self.sessions() as s:
            return loader(s, entity_ids)

    def mark_synced(self, outbox_ids: Sequence[int], at: datetime) -> None:
        with self._tx() as s:
            for chunk in _chunks(list(outbox_ids)):
                s.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id.in_(chunk), OutboxRow.synced_at.is_(None))
                    .values(synced_at=naive(at), error="")
                )
            self._ensure_state(s)
            s.execute(
                update(SheetState)
                .where(SheetState.id == STATE_ID)
                .values(last_success_at=naive(at), last_error="")
            )

    def mark_failed(self, outbox_ids: Sequence[int], error: str, at: datetime) -> None:
        with self._tx() as s:
            for chunk in _chunks(list(outbox_ids)):
                s.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id.in_(chunk), OutboxRow.synced_at.is_(None))
                    .values(attempts=OutboxRow.attempts + 1, error=error[:1000])
                )

    def record_error(self, error: str, at: datetime) -> None:
        with self._tx() as s:
            self._ensure_state(s)
            s.execute(
                update(SheetState)
                .where(SheetState.id == STATE_ID)
                .values(last_error=error[:1000], last_error_at=naive(at))
            )

    def record_success(self, at: datetime, pulled: bool = False) -> None:
        values: dict[str, Any] = {"last_success_at": naive(at), "last_error": ""}
        if pulled:
            values["last_pull_at"] = naive(at)
        with self._tx() as s:
            self._ensure_state(s)
            s.execute(update(SheetState).where(SheetState.id == STATE_ID).values(**values))

    def pending_entities(self, kind: str) -> set[str]:
        with self.sessions() as s:
            ids = list(
                s.scalars(
                    select(OutboxRow.entity_id)
                    .distinct()
                    .where(OutboxRow.synced_at.is_(None), OutboxRow.kind == kind)
                )
            )
            return set(sheet_ids(s, kind, ids).values())

    # --- figures and edits -----------------------------------------------------------------

    def summary(self, at: datetime) -> dict[str, Any]:
        with self.sessions() as s:
            return make_summary(SqlStore(s), fiscal_year(local_date(at)))

    def apply_edit(
        self, kind: str, entity_id: str, column: str, value: str, at: datetime
    ) -> EditResult:
        editor = EDITORS.get((kind, column))
        if editor is None:
            return EditResult(False, "คอลัมน์นี้แก้ไขจากตารางไม่ได้")
        with self.write_lock, self.sessions() as s:
            store = SqlStore(s)
            try:
                editor(store, entity_id, value, at, self.actor)
                store.commit()
            except DomainError as e:
                store.rollback()
                return EditResult(False, str(e))
            except Exception:  # a database refusal must not stop the pull or half-apply
                store.rollback()
                log.exception("sheets: applying %s %s %s failed", kind, entity_id, column)
                return EditResult(False, "ระบบบันทึกการแก้ไขนี้ไม่ได้ (ดูบันทึกของระบบ)")
        return EditResult(True)

    def status(self) -> SyncStatus:
        with self.sessions() as s:
            return read_status(s)

    def requeue_all(self) -> int:
        """An outbox row for every entry, so the next drain re-mirrors everything: rows an
        admin deleted come back, the rest are rewritten in place (never duplicated)."""
        now = naive(utcnow())
        total = 0
        with self._tx() as s:
            for kind, entity, order in REBUILD:
                ids = [str(v) for v in s.scalars(select(entity).order_by(order))]
                for chunk in _chunks(ids):
                    s.execute(
                        insert(OutboxRow),
                        [
                            {
                                "kind": kind,
                                "entity_id": i,
                                "created_at": now,
                                "attempts": 0,
                                "error": "",
                            }
                            for i in chunk
                        ],
                    )
                total += len(ids)
        return total


def backlog(s: Session) -> int:
    return (
        s.scalar(select(func.count()).select_from(OutboxRow).where(OutboxRow.synced_at.is_(None)))
        or 0
    )


def read_status(s: Session) -> SyncStatus:
    st = s.get(SheetState, STATE_ID)
    now = naive(utcnow())
    holder = st.lease_holder if st and st.lease_until and st.lease_until >= now else None
    return SyncStatus(
        backlog=backlog(s),
        last_success=aware(st.last_success_at) if st and st.last_success_at else None,
        last_error=st.last_error if st else "",
        last_error_at=aware(st.last_error_at) if st and st.last_error_at else None,
        last_pull=aware(st.last_pull_at) if st and st.last_pull_at else None,
        lease_holder=holder,
    )
