"""What the sync needs from the outside: the database (MirrorSource, implemented in
`bot.mirror.source`) and a spreadsheet (SheetBackend: Google Sheets or an XLSX file)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sheets.layout import Tab
from sheets.rows import Cell, Row


@dataclass(frozen=True)
class OutboxItem:
    id: int
    kind: str
    entity_id: str
    attempts: int = 0


@dataclass(frozen=True)
class SyncStatus:
    backlog: int
    last_success: datetime | None
    last_error: str
    last_error_at: datetime | None
    last_pull: datetime | None
    lease_holder: str | None
    # The last time the sync found tabs gone and queued every entry again, and why.
    last_rebuild: datetime | None = None
    last_rebuild_reason: str = ""


@dataclass(frozen=True)
class EditResult:
    """The outcome of applying one admin edit: `error` is a Thai sentence when refused."""

    applied: bool
    error: str = ""


class MirrorSource(Protocol):
    """The database, seen from the sync. Each method is its own short transaction, so the
    database is never held while the sync waits for Google."""

    def acquire_lease(self, holder: str, seconds: float) -> int | None:
        """Take the sync lease (one writer at a time, across processes) when it is free,
        expired or already ours. Returns the lease epoch, which grows by one each time the
        lease changes hands: a holder that sees a gap knows someone else wrote meanwhile."""
        ...

    def renew_lease(self, holder: str, seconds: float) -> bool: ...

    def release_lease(self, holder: str) -> None: ...

    def pending(self, limit: int, kinds: Sequence[str], after: int = 0) -> list[OutboxItem]:
        """The oldest unsynced outbox rows of these kinds with an ID above `after`, in the
        order they were written. Kinds without a row builder yet simply wait."""
        ...

    def backlog(self) -> int: ...

    def load(self, kind: str, entity_ids: Sequence[str]) -> dict[str, Any]:
        """Current values of the entities (domain objects); missing IDs were erased."""
        ...

    def mark_synced(self, outbox_ids: Sequence[int], at: datetime) -> None:
        """Record the rows as mirrored and the time of the last successful sync."""
        ...

    def mark_failed(self, outbox_ids: Sequence[int], error: str, at: datetime) -> None:
        """Count a failed attempt; the rows stay pending."""
        ...

    def record_error(self, error: str, at: datetime) -> None: ...

    def record_success(self, at: datetime, pulled: bool = False) -> None: ...

    def pending_entities(self, kind: str) -> set[str]:
        """Entities of a kind with unsynced changes (their sheet rows are stale, not edited)."""
        ...

    def summary(self, at: datetime) -> dict[str, Any]:
        """The figures for the สรุป tab."""
        ...

    def apply_edit(
        self, kind: str, entity_id: str, column: str, value: str, at: datetime
    ) -> EditResult:
        """Bring an admin's edit of one cell into the database through the core's use cases."""
        ...

    def status(self) -> SyncStatus: ...

    def mirrored_kinds(self, kinds: Sequence[str]) -> set[str]:
        """Those of `kinds` with an entry the database knows to be in the sheet: mirrored,
        with no change of it still pending. Their tab found empty means rows were lost."""
        ...

    def requeue_all(
        self, kinds: Sequence[str] | None = None, reason: str = "", in_order: bool = False
    ) -> int:
        """An outbox row for every entry of `kinds` (all when None), so the next drain
        mirrors them again; returns how many. `reason` records a rebuild (the status shows
        it). `in_order` settles their pending rows first, so that a tab rebuilt from empty
        gets its rows in the order the entries were made."""
        ...


@dataclass(frozen=True)
class RangeWrite:
    """Cells to overwrite: `rows` starting at 1-based `row`, 0-based column `col`."""

    tab: Tab
    row: int
    col: int
    rows: list[Row]


class SheetBackend(Protocol):
    name: str

    def ensure_layout(self, tabs: Sequence[Tab]) -> list[str]:
        """Create missing tabs, headers, frozen header row and the status dropdown. Returns
        the keys of the tabs it had to create (all of them when the file was gone)."""
        ...

    def read_ids(self, tabs: Sequence[Tab]) -> dict[str, dict[str, int]]:
        """Column A of each tab: tab key -> {entity ID: 1-based row}. One read request."""
        ...

    def append(self, tab: Tab, rows: list[Row]) -> int:
        """Add rows after the last one; returns the 1-based row of the first. One write."""
        ...

    def write(self, writes: Sequence[RangeWrite]) -> None:
        """Overwrite ranges, on any tabs. One write request."""
        ...

    def read_columns(self, tab: Tab, keys: Sequence[str]) -> list[dict[str, Cell]]:
        """Chosen columns of every data row (row 2 on), plus "_row": its 1-based row."""
        ...

    def commit(self) -> None:
        """Make the writes so far durable (the XLSX file is saved; Google needs nothing)."""
        ...

    def reset(self) -> None:
        """Forget anything cached: an outcome is uncertain or someone else wrote."""
        ...


class SheetsError(Exception):
    """The spreadsheet refused or failed; `retryable` says whether waiting may help."""

    def __init__(
        self,
        message: str,
        retryable: bool,
        retry_after: float | None = None,
        uncertain: bool = False,
    ) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after
        # A write whose outcome is unknown (timeout, 5xx): it may have been applied.
        self.uncertain = uncertain
