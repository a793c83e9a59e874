"""The sync: drains the outbox into the spreadsheet, exactly once and in order, and brings
admins' edits back.

Exactly once rests on three things:
- one writer at a time: a lease in the database, renewed before every write request;
- the spreadsheet's column A is the truth about which entries already have a row: it is
  re-read whenever our picture of it may be stale (start, another writer held the lease,
  a write whose outcome is unknown, any crash between Google's answer and our commit);
- an entry already in column A is updated in place, never appended again.

Order: outbox rows are taken oldest first and a failed round is retried before anything
newer, so within each worksheet rows appear in the order the entries were made.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from handlers.clock import utcnow
from sheets.layout import SUMMARY, TABS, Tab
from sheets.ports import MirrorSource, OutboxItem, RangeWrite, SheetBackend, SheetsError
from sheets.quota import Backoff
from sheets.rows import REGISTRY, Kind, Row, blank_row, same_text, summary_rows, thai_dt

log = logging.getLogger(__name__)

DATA_TABS: tuple[Tab, ...] = tuple(t for t in TABS if t is not SUMMARY)
ERASED_NOTE = "ลบข้อมูลแล้ว"


class LeaseLost(Exception):
    """Another sync took over (ours expired): stop writing at once."""


@dataclass
class DrainResult:
    rows: int = 0  # sheet rows written (appended + updated)
    appended: int = 0
    updated: int = 0
    outbox: int = 0  # outbox rows marked synced
    pending: int = 0  # left after this drain
    error: str = ""
    busy: bool = False  # another sync holds the lease

    @property
    def ok(self) -> bool:
        return not self.error and not self.busy


@dataclass
class PullResult:
    applied: int = 0
    rejected: int = 0
    messages: list[str] = field(default_factory=list)
    error: str = ""
    busy: bool = False


def new_holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Syncer:
    def __init__(
        self,
        source: MirrorSource,
        backend: SheetBackend,
        *,
        batch_rows: int = 500,
        max_request_bytes: int = 2_000_000,
        lease_seconds: float = 180.0,
        backoff: Backoff | None = None,
        clock: Callable[[], datetime] = utcnow,
        progress: Callable[[int, int], None] | None = None,
        holder: str | None = None,
    ) -> None:
        self.source = source
        self.backend = backend
        self.batch_rows = batch_rows
        # Google accepts up to 10 MB a request but recommends 2 MB; a round stops there.
        self.max_request_bytes = max_request_bytes
        self.lease_seconds = lease_seconds
        self.backoff = backoff or Backoff()
        self.clock = clock
        self.progress = progress
        self.holder = holder or new_holder()
        self._ids: dict[str, dict[str, int]] | None = None  # column A, as far as we know
        self._epoch: int | None = None
        self._summary_dirty = True  # write the summary once per process, then on changes
        self._lock = threading.Lock()  # one drain or pull at a time within this object
        if hasattr(backend, "before_write"):
            backend.before_write = self._renew

    # --- the lease ------------------------------------------------------------------------

    def _acquire(self, wait: float) -> bool:
        deadline = time.monotonic() + wait
        while True:
            epoch = self.source.acquire_lease(self.holder, self.lease_seconds)
            if epoch is not None:
                if self._epoch is None or epoch != self._epoch + 1:
                    # Someone else held the lease since we last did (or we are new):
                    # whatever we remember of the sheet may be stale.
                    self._forget()
                self._epoch = epoch
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))

    def _renew(self) -> None:
        if not self.source.renew_lease(self.holder, self.lease_seconds):
            raise LeaseLost("the sync lease was taken over")

    def _release(self) -> None:
        try:
            self.source.release_lease(self.holder)
        except Exception:  # an expired lease frees itself; never mask the real outcome
            log.exception("releasing the sync lease failed")

    def _forget(self) -> None:
        self._ids = None
        self.backend.reset()

    # --- drain ----------------------------------------------------------------------------

    def drain(self, wait_for_lease: float = 0.0, deadline: float | None = None) -> DrainResult:
        """Mirror everything pending, then return. `deadline` (time.monotonic) stops early
        between rounds; entries left stay pending for the next drain."""
        with self._lock:
            result = DrainResult()
            if not self._acquire(wait_for_lease):
                result.busy = True
                result.pending = self.source.backlog()
                return result
            try:
                self._drain(result, deadline)
            finally:
                self._release()
            result.pending = self.source.backlog()
            return result

    def _drain(self, result: DrainResult, deadline: float | None) -> None:
        kinds = sorted(REGISTRY)
        total = self.source.backlog()
        self.backoff.succeeded()  # each drain gets its full, bounded number of tries
        after = 0  # rows that failed locally are skipped until the next drain
        while deadline is None or time.monotonic() < deadline:
            items = self.source.pending(self.batch_rows, kinds, after)
            try:
                # Even with nothing pending: a workbook deleted since is rebuilt now.
                if self._layout():
                    continue  # tabs were gone: every entry of theirs is pending again
                if not items:
                    break
                after = self._round(items, result, after)
            except SheetsError as e:
                self._forget()
                now = self.clock()
                self.source.mark_failed([i.id for i in items], str(e), now)
                wait = self.backoff.failed(e.retry_after)
                if not e.retryable or self.backoff.exhausted:
                    self.source.record_error(str(e), now)
                    result.error = str(e)
                    log.warning(
                        "sheets sync stopped, %d entries stay pending: %s", self.source.backlog(), e
                    )
                    return
                log.info("sheets: %s; retrying in %.1fs", e, wait)
                time.sleep(wait)
                continue
            except LeaseLost as e:
                self._forget()
                result.error = str(e)
                log.warning("sheets: %s; stopping", e)
                return
            except BaseException:
                # A crash between Google's answer and our commit: the sheet may hold rows we
                # have not recorded. Forget everything, so the next round reads column A.
                self._forget()
                raise
            self.backoff.succeeded()
            if self.progress:
                self.progress(result.outbox, total)
            if total > self.batch_rows:
                log.info("sheets: %d/%d outbox entries mirrored", result.outbox, total)
        if self._summary_dirty:
            try:
                self._layout()
                self._write_summary()
            except (SheetsError, LeaseLost) as e:
                self._forget()
                # The entries are mirrored; the figures follow on the next drain.
                self.source.record_error(str(e), self.clock())
                result.error = str(e)
                return
        if not result.error:
            self.source.record_success(self.clock())

    def _round(self, items: list[OutboxItem], result: DrainResult, after: int) -> int:
        """One batch: at most one append per tab and one update request. Returns the new
        `after` cursor (past rows that cannot be built locally)."""
        self._renew()
        # Entities in the order of their first outbox row; all their rows settle together.
        order: dict[tuple[str, str], list[int]] = {}
        for it in items:
            order.setdefault((it.kind, it.entity_id), []).append(it.id)
        by_kind: dict[str, list[str]] = {}
        for kind_name, eid in order:
            by_kind.setdefault(kind_name, []).append(eid)
        loaded = {k: self.source.load(k, ids) for k, ids in by_kind.items()}

        built: list[tuple[Kind, str, Row | None]] = []  # None: erased
        refresh: dict[str, list[str]] = {}  # rows that show figures of what was built
        size = 0
        failed_local: list[int] = []
        done_ids: list[int] = []
        for (kind_name, eid), outbox_ids in order.items():
            kind = REGISTRY[kind_name]
            entity = loaded[kind_name].get(eid)
            try:
                row = kind.build(entity) if entity is not None else None
            except Exception as e:  # a bug for one entry must not stop the office's mirror
                log.exception("sheets: cannot build the row of %s %s", kind_name, eid)
                self.source.mark_failed(outbox_ids, f"row builder: {e}", self.clock())
                failed_local.extend(outbox_ids)
                continue
            size += len(json.dumps(row, ensure_ascii=False).encode()) if row else 0
            if built and size > self.max_request_bytes:
                break  # the rest waits for the next round
            built.append((kind, eid, row))
            done_ids.extend(outbox_ids)
            if kind.refresh is not None and entity is not None:
                for pair in kind.refresh(entity):
                    if pair not in order:
                        refresh.setdefault(pair[0], []).append(pair[1])
        if not built:
            return max(failed_local, default=after)
        failed_set = set(failed_local)
        settled = failed_set | set(done_ids)
        cursor = after
        for it in items:  # past failed rows, but never past one still waiting its turn
            if it.id not in settled:
                break
            if it.id in failed_set:
                cursor = it.id

        tabs = sorted({k.tab.key for k, _, _ in built})
        if self._ids is None:
            self._ids = self.backend.read_ids(DATA_TABS)
            fresh = True
            empty = [t.key for t in DATA_TABS if not self._ids.get(t.key)]
            if empty and self._rebuild(empty, "found empty"):
                return after  # the next round takes the entries in their order
        else:
            fresh = False
        rewrites = [(k.tab.key, eid) for k, eid, _ in built]
        rewrites += [
            (REGISTRY[k].tab.key, e) for k, es in refresh.items() if k in REGISTRY for e in es
        ]
        if not fresh and any(eid in self._ids.get(tab, {}) for tab, eid in rewrites):
            # Updating a row means trusting its position: re-read column A, an admin may
            # have sorted, inserted or deleted rows since.
            self._ids = self.backend.read_ids(DATA_TABS)
        ids = self._ids

        appends: dict[str, list[tuple[str, Row]]] = {t: [] for t in tabs}
        tab_of = {k.tab.key: k.tab for k, _, _ in built}
        updates: list[RangeWrite] = self._refreshed(refresh, ids)
        for kind, eid, row in built:
            tab = kind.tab
            where = ids.setdefault(tab.key, {}).get(eid)
            if row is None:
                if where is not None:  # erased: keep the ID, drop the content
                    updates.append(RangeWrite(tab, where, 0, [blank_row(tab, eid, ERASED_NOTE)]))
            elif where is not None:
                updates.append(RangeWrite(tab, where, 0, [row]))
            else:
                appends[tab.key].append((eid, row))

        for key in tabs:
            rows = appends[key]
            if not rows:
                continue
            tab = tab_of[key]
            first = self.backend.append(tab, [r for _, r in rows])
            for i, (eid, _) in enumerate(rows):
                ids[key][eid] = first + i
            result.appended += len(rows)
        if updates:
            self.backend.write(updates)
            result.updated += len(updates)
        self.backend.commit()
        self.source.mark_synced(done_ids, self.clock())
        result.rows = result.appended + result.updated
        result.outbox += len(done_ids)
        self._summary_dirty = True
        return cursor

    # --- tabs that vanished -------------------------------------------------------------------

    def _layout(self) -> bool:
        """Lay the tabs out. True when tabs had to be created that held entries (the
        workbook or a tab was deleted): those entries are all queued again."""
        created = self.backend.ensure_layout(TABS)
        if not created:
            return False
        self._ids = None  # rows we knew of on those tabs are gone
        if SUMMARY.key in created:
            self._summary_dirty = True
        return self._rebuild([k for k in created if k != SUMMARY.key], "gone")

    def _rebuild(self, tab_keys: list[str], how: str) -> bool:
        """Queue every entry of the tabs again when the database knows some were mirrored
        there; a new or still-empty mirror has none, and nothing happens."""
        kinds = [k.name for k in REGISTRY.values() if k.tab.key in tab_keys]
        lost = sorted(self.source.mirrored_kinds(kinds)) if kinds else []
        if not lost:
            return False
        titles = ", ".join(t.title for t in DATA_TABS if any(REGISTRY[k].tab is t for k in lost))
        reason = f"tabs {how} in the spreadsheet ({titles}): every entry of theirs written again"
        n = self.source.requeue_all(lost, reason=reason, in_order=True)
        log.warning("sheets: rebuilding, %s (%d entries)", reason, n)
        return n > 0

    def _refreshed(
        self, wanted: dict[str, list[str]], ids: dict[str, dict[str, int]]
    ) -> list[RangeWrite]:
        """Rewrites of rows that show figures of entries in this round (a measure's percent
        after a progress report). Only rows already in the sheet: each entry's own outbox
        row adds it, in order. A row that cannot be built is left as it is."""
        writes: list[RangeWrite] = []
        for kind_name, eids in wanted.items():
            kind = REGISTRY.get(kind_name)
            if kind is None:
                continue
            present = [e for e in dict.fromkeys(eids) if e in ids.get(kind.tab.key, {})]
            if not present:
                continue
            entities = self.source.load(kind_name, present)
            for eid in present:
                entity = entities.get(eid)
                if entity is None:
                    continue
                try:
                    row = kind.build(entity)
                except Exception:
                    log.exception("sheets: cannot build the row of %s %s", kind_name, eid)
                    continue
                writes.append(RangeWrite(kind.tab, ids[kind.tab.key][eid], 0, [row]))
        return writes

    def _write_summary(self) -> None:
        now = self.clock()
        rows = summary_rows(self.source.summary(now), now)
        self.backend.write([RangeWrite(SUMMARY, 2, 0, rows)])
        self.backend.commit()
        self._summary_dirty = False

    # --- pull: admins' edits back into the database -----------------------------------------

    def pull(self, wait_for_lease: float = 0.0) -> PullResult:
        """Apply edits admins made in editable columns. Run after a drain, so a difference
        between a row and the database is an edit, not a change still on its way out."""
        with self._lock:
            result = PullResult()
            if not self._acquire(wait_for_lease):
                result.busy = True
                return result
            try:
                self._layout()  # a workbook deleted while nothing was pending: rebuilt now
                for kind in REGISTRY.values():
                    if kind.tab.editable and kind.edits:
                        self._pull_tab(kind, result)
                self.source.record_success(self.clock(), pulled=True)
            except SheetsError as e:
                self._forget()
                result.error = str(e)
                self.source.record_error(str(e), self.clock())
                log.warning("sheets pull failed: %s", e)
            except BaseException:
                self._forget()
                raise
            finally:
                self._release()
            return result

    def _pull_tab(self, kind: Kind, result: PullResult) -> None:
        tab = kind.tab
        keys = ["id", *tab.editable] + ([tab.notes_key] if tab.notes_key else [])
        rows = self.backend.read_columns(tab, keys)
        pending = self.source.pending_entities(kind.name)
        wanted = [str(r["id"]).strip() for r in rows if str(r["id"]).strip()]
        current = self.source.load(kind.name, [i for i in wanted if i not in pending])
        now = self.clock()
        fixes: list[RangeWrite] = []
        seen: set[str] = set()
        for r in rows:
            eid = str(r["id"]).strip()
            if not eid or eid in pending:
                continue
            row_no = int(r["_row"])
            note_have = str(r.get(tab.notes_key or "", "") or "")
            if eid in seen:
                continue  # a copy an admin pasted; the first row is the entry's
            seen.add(eid)
            entity = current.get(eid)
            if entity is None:
                note = "ไม่พบรหัสนี้ในระบบ: แถวนี้ไม่ได้มาจากระบบ"
                if tab.notes_key and note_have != note:
                    fixes.append(RangeWrite(tab, row_no, tab.col(tab.notes_key), [[note]]))
                continue
            expected = kind.build(entity)
            for key in tab.editable:
                have = str(r.get(key, "") or "").strip()
                want = str(expected[tab.col(key)])
                if same_text(have, want):
                    continue
                try:
                    value = kind.edits[key](have)
                    error = "" if value is not None else f"ไม่รู้จักค่า “{have}” (เลือกจากรายการ)"
                except ValueError as e:  # the parser says why, in Thai
                    value, error = None, str(e)
                if value is not None:
                    outcome = self.source.apply_edit(kind.name, eid, key, value, now)
                    if outcome.applied:
                        result.applied += 1
                        log.info(
                            "sheets: %s %s %s set to %r from the sheet", kind.name, eid, key, have
                        )
                        continue
                    error = outcome.error
                result.rejected += 1
                header = tab.columns[tab.col(key)].header
                msg = f"{eid}: ไม่ได้เปลี่ยน “{header}” เป็น “{have}”: {error}"
                result.messages.append(msg)
                log.warning("sheets: edit ignored: %s", msg)
                # Put the true value back so the sheet never shows what the database does
                # not hold, and say why next to it.
                fixes.append(RangeWrite(tab, row_no, tab.col(key), [[want]]))
                if tab.notes_key:
                    note = f"{thai_dt(now)}: ไม่ได้เปลี่ยน “{header}” เป็น “{have}”: {error}"
                    fixes.append(RangeWrite(tab, row_no, tab.col(tab.notes_key), [[note]]))
        if fixes:
            self.backend.write(fixes)
            self.backend.commit()


def drain_and_pull(
    syncer: Syncer, pull: bool, wait_for_lease: float = 0.0, deadline: float | None = None
) -> tuple[DrainResult, PullResult | None]:
    """Drain; with `pull`, bring edits in and drain again (the use cases wrote outbox rows)."""
    first = syncer.drain(wait_for_lease, deadline)
    if not pull or not first.ok:
        return first, None
    pulled = syncer.pull(wait_for_lease)
    if pulled.applied or pulled.rejected:
        second = syncer.drain(wait_for_lease, deadline)
        second.rows += first.rows
        second.appended += first.appended
        second.updated += first.updated
        second.outbox += first.outbox
        return second, pulled
    return first, pulled
