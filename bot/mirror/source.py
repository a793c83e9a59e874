"""The database side of the spreadsheet mirror: `sheets.ports.MirrorSource` on SQLAlchemy.

Every method is its own short transaction, so the database is never held while the sync
waits for Google or for its quota.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, case, func, or_, select, update
from sqlalchemy.orm import Session, aliased, sessionmaker

from bot.db.accounts.audit import record as record_audit
from bot.db.accounts.tables import AuditLog
from bot.db.base import upsert
from bot.db.mirror import outbox
from bot.db.mirror.tables import OutboxRow, SheetState
from bot.db.store import SqlStore
from bot.mirror import assets, complaints, gifts, measures, satisfaction, service_counts
from bot.mirror.kind import MirroredKind
from bot.mirror.kind import chunks as _chunks
from handlers.clock import local_date, utcnow
from handlers.shared import DomainError
from handlers.summaries import summary as make_summary
from handlers.thai.dates import fiscal_year
from sheets.ports import EditResult, OutboxItem, SyncStatus

log = logging.getLogger(__name__)

STATE_ID = 1
REBUILD_ACTION = "sheets.rebuild"

# Every mirrored kind, declared once in its own module; in the order `sync --rebuild` queues.
KINDS: dict[str, MirroredKind] = {
    k.name: k
    for k in (
        complaints.KIND,
        measures.KIND,
        measures.PROGRESS,
        satisfaction.KIND,
        service_counts.KIND,
        gifts.KIND,
        assets.KIND,
    )
}


def sheet_ids(session: Session, kind: str, ids: Sequence[str]) -> dict[str, str]:
    """Outbox entity ID -> the ID in column A (itself when the kind has no mapping or the
    entry is gone: an erased entry then matches no row and nothing is written)."""
    declared = KINDS.get(kind)
    found = declared.sheet_ids(session, ids) if declared and declared.sheet_ids else {}
    return {i: found.get(i, i) for i in ids}


class SqlMirrorSource:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        actor: str = "sheets",
        write_lock: AbstractContextManager[Any] | None = None,
        base_url: str | Callable[[], str] = "",
    ) -> None:
        self.sessions = sessions
        self.actor = actor
        # The app's public address, for links to its pages in the sheet ("" when unknown),
        # or how to read it when it is needed (an admin may change it while a sync runs).
        self._base_url = base_url
        # The app's lock around background write transactions (SQLite has one writer).
        self.write_lock = write_lock if write_lock is not None else nullcontext()

    @property
    def base_url(self) -> str:
        url = self._base_url() if callable(self._base_url) else self._base_url
        return url.rstrip("/")

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        with self.write_lock, self.sessions() as s, s.begin():
            yield s

    def _ensure_state(self, s: Session) -> None:
        # The migration creates the row; this covers a database made with create_all().
        if s.get(SheetState, STATE_ID) is not None:
            return
        upsert(s, SheetState, {"id": STATE_ID, "epoch": 0, "last_error": ""}, ["id"])

    # --- the lease ------------------------------------------------------------------------

    def acquire_lease(self, holder: str, seconds: float) -> int | None:
        now = utcnow()
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
        now = utcnow()
        st = SheetState
        with self._tx() as s:
            result = s.execute(
                update(st)
                .where(st.id == STATE_ID, st.lease_holder == holder, st.lease_until >= now)
                .values(lease_until=now + timedelta(seconds=seconds))
            )
            n = cast(CursorResult[Any], result).rowcount
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
        declared = KINDS.get(kind)
        if declared is None:
            return {}
        with self.sessions() as s:
            loaded = declared.load(s, entity_ids)
        if declared.links is not None:
            loaded = {k: declared.links(e, self.base_url) for k, e in loaded.items()}
        return loaded

    def mark_synced(self, outbox_ids: Sequence[int], at: datetime) -> None:
        with self._tx() as s:
            for chunk in _chunks(list(outbox_ids)):
                s.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id.in_(chunk), OutboxRow.synced_at.is_(None))
                    .values(synced_at=at, error="")
                )
            self._ensure_state(s)
            s.execute(
                update(SheetState)
                .where(SheetState.id == STATE_ID)
                .values(last_success_at=at, last_error="")
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
                .values(last_error=error[:1000], last_error_at=at)
            )

    def record_success(self, at: datetime, pulled: bool = False) -> None:
        values: dict[str, Any] = {"last_success_at": at, "last_error": ""}
        if pulled:
            values["last_pull_at"] = at
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
        editor = KINDS[kind].editors.get(column) if kind in KINDS else None
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

    def mirrored_kinds(self, kinds: Sequence[str]) -> set[str]:
        found: set[str] = set()
        pending = aliased(OutboxRow)
        with self.sessions() as s:
            for kind in kinds:
                changed = (
                    select(pending.id)
                    .where(
                        pending.kind == OutboxRow.kind,
                        pending.entity_id == OutboxRow.entity_id,
                        pending.synced_at.is_(None),
                    )
                    .exists()
                )
                hit = s.scalar(
                    select(OutboxRow.id)
                    .where(OutboxRow.kind == kind, OutboxRow.synced_at.is_not(None), ~changed)
                    .limit(1)
                )
                if hit is not None:
                    found.add(kind)
        return found

    def requeue_all(
        self, kinds: Sequence[str] | None = None, reason: str = "", in_order: bool = False
    ) -> int:
        """An outbox row for every entry, so the next drain re-mirrors everything: rows an
        admin deleted come back, the rest are rewritten in place (never duplicated)."""
        now = utcnow()
        chosen = [k for k in KINDS.values() if kinds is None or k.name in kinds]
        total = 0
        with self._tx() as s:
            if in_order:
                # Settled before the entries are read: a row written meanwhile is either
                # settled here and its entry read below, or left pending.
                s.execute(
                    update(OutboxRow)
                    .where(
                        OutboxRow.synced_at.is_(None),
                        OutboxRow.kind.in_([k.name for k in chosen]),
                    )
                    .values(synced_at=now, error="superseded by a rebuild")
                )
            for declared in chosen:
                kind, (entity, order) = declared.name, declared.rebuild
                ids = [str(v) for v in s.scalars(select(entity).order_by(order))]
                for chunk in _chunks(ids):
                    outbox.add_many(s, kind, chunk, now)
                total += len(ids)
            if reason:
                # The audit log keeps when and why, for `sync --status` and /healthz.
                targets = ",".join(k.name for k in chosen)[:120]
                detail = f"{reason} ({total} entries)"
                record_audit(s, self.actor, REBUILD_ACTION, targets, detail, now)
        return total


def backlog(s: Session) -> int:
    return (
        s.scalar(select(func.count()).select_from(OutboxRow).where(OutboxRow.synced_at.is_(None)))
        or 0
    )


def read_status(s: Session) -> SyncStatus:
    st = s.get(SheetState, STATE_ID)
    now = utcnow()
    holder = st.lease_holder if st and st.lease_until and st.lease_until >= now else None
    rebuilt = s.execute(
        select(AuditLog.at, AuditLog.detail)
        .where(AuditLog.action == REBUILD_ACTION)
        .order_by(AuditLog.id.desc())
        .limit(1)
    ).first()
    return SyncStatus(
        backlog=backlog(s),
        last_success=st.last_success_at if st else None,
        last_error=st.last_error if st else "",
        last_error_at=st.last_error_at if st else None,
        last_pull=st.last_pull_at if st else None,
        lease_holder=holder,
        last_rebuild=rebuilt.at if rebuilt else None,
        last_rebuild_reason=rebuilt.detail if rebuilt else "",
    )
