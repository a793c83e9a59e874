"""The database side of the spreadsheet mirror: `sheets.ports.MirrorSource` on SQLAlchemy.

Every method is its own short transaction, so the database is never held while the sync
waits for Google or for its quota.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, func, insert, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.models import ComplaintRow, OutboxRow, SheetState
from bot.store import SqlStore, aware, naive, to_complaint
from handlers.clock import local_date, utcnow
from handlers.domain import DomainError
from handlers.summaries import summary as make_summary
from handlers.thai.dates import fiscal_year
from handlers.usecases.complaints import set_status
from sheets.ports import EditResult, OutboxItem, SyncStatus

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


def edit_complaint_status(store: SqlStore, case: str, value: str, at: datetime,
                          actor: str) -> None:
    # The same use case as every other status change: history kept, citizen told.
    set_status(store, case, value, "", at, actor)


# Later kinds (measures, progress, satisfaction) add their loader and editors here.
LOADERS: dict[str, Loader] = {"complaint": load_complaints}
EDITORS: dict[tuple[str, str], Editor] = {("complaint", "status"): edit_complaint_status}


class SqlMirrorSource:
    def __init__(self, sessions: sessionmaker[Session], actor: str = "sheets",
                 write_lock: AbstractContextManager[Any] | None = None) -> None:
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
                .values(lease_holder=holder, lease_until=now + timedelta(seconds=seconds),
                        epoch=case((ours, st.epoch), else_=st.epoch + 1))
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
                .where(OutboxRow.synced_at.is_(None), OutboxRow.kind.in_(list(kinds)),
                       OutboxRow.id > after)
                .order_by(OutboxRow.id)
                .limit(limit)
            ).all()
        return [OutboxItem(r.id, r.kind, r.entity_id, r.attempts) for r in rows]

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
            s.execute(update(SheetState).where(SheetState.id == STATE_ID)
                      .values(last_success_at=naive(at), last_error=""))

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
            s.execute(update(SheetState).where(SheetState.id == STATE_ID)
                      .values(last_error=error[:1000], last_error_at=naive(at)))

    def record_success(self, at: datetime, pulled: bool = False) -> None:
        values: dict[str, Any] = {"last_success_at": naive(at), "last_error": ""}
        if pulled:
            values["last_pull_at"] = naive(at)
        with self._tx() as s:
            self._ensure_state(s)
            s.execute(update(SheetState).where(SheetState.id == STATE_ID).values(**values))

    def pending_entities(self, kind: str) -> set[str]:
        with self.sessions() as s:
            return set(s.scalars(
                select(OutboxRow.entity_id).distinct()
                .where(OutboxRow.synced_at.is_(None), OutboxRow.kind == kind)
            ))

    # --- figures and edits -----------------------------------------------------------------

    def summary(self, at: datetime) -> dict[str, Any]:
        with self.sessions() as s:
            return make_summary(SqlStore(s), fiscal_year(local_date(at)))

    def apply_edit(self, kind: str, entity_id: str, column: str, value: str,
                   at: datetime) -> EditResult:
        editor = EDITORS.get((kind, column))
        if editor is None:
            return EditResult(False, "คอลัมน์นี้แก้ไขจากตารางไม่ได้")
        with self.write_lock, self.sessions() as s:
            store = SqlStore(s)
            try:
                editor(store, entity_id, value, at, self.actor)
            except DomainError as e:
                store.rollback()
                return EditResult(False, str(e))
            store.commit()
        return EditResult(True)

    def status(self) -> SyncStatus:
        with self.sessions() as s:
            return read_status(s)

    def requeue_all(self) -> int:
        """An outbox row for every entry, so the next drain re-mirrors everything: rows an
        admin deleted come back, the rest are rewritten in place (never duplicated)."""
        now = naive(utcnow())
        with self._tx() as s:
            cases = s.scalars(select(ComplaintRow.case_number).order_by(ComplaintRow.id)).all()
            if cases:
                s.execute(insert(OutboxRow), [
                    {"kind": "complaint", "entity_id": c, "created_at": now, "attempts": 0,
                     "error": ""} for c in cases
                ])
        return len(cases)


def backlog(s: Session) -> int:
    return s.scalar(
        select(func.count()).select_from(OutboxRow).where(OutboxRow.synced_at.is_(None))
    ) or 0


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
