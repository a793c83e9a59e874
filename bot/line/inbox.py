"""Group commit for the webhook inbox.

Each /callback request hands its events to one writer thread and waits until they are
committed. The writer commits everything that arrived meanwhile in one transaction, so under
load many requests share one commit, and SQLite never sees two writers fighting for its lock.
"""

from __future__ import annotations

import queue
import threading
import time
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.db.base import upsert
from bot.db.line.tables import LineEvent

MAX_BATCH = 500


@dataclass
class _Job:
    rows: list[dict[str, Any]]
    done: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None


class InboxWriter:
    def __init__(
        self, sessions: sessionmaker[Session], write_lock: AbstractContextManager[Any]
    ) -> None:
        self.sessions = sessions
        self.write_lock = write_lock
        self.jobs: queue.Queue[_Job] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self.last_activity = 0.0  # monotonic time of the last commit, for background yielding

    def busy(self, within: float = 0.05) -> bool:
        """Did requests arrive just now? Background work then yields the CPU to them."""
        return time.monotonic() - self.last_activity < within

    def store(self, rows: list[dict[str, Any]], timeout: float = 10.0) -> None:
        """Return once `rows` are committed; raise if they could not be."""
        self._ensure_started()
        job = _Job(rows)
        self.jobs.put(job)
        if not job.done.wait(timeout):
            raise TimeoutError("inbox commit timed out")
        if job.error is not None:
            raise job.error

    def _ensure_started(self) -> None:
        if self._thread is None:
            with self._start_lock:
                if self._thread is None:
                    self._thread = threading.Thread(
                        target=self._run, name="prongsai-inbox", daemon=True
                    )
                    self._thread.start()

    def _run(self) -> None:
        while True:
            batch = [self.jobs.get()]
            while len(batch) < MAX_BATCH:
                try:
                    batch.append(self.jobs.get_nowait())
                except queue.Empty:
                    break
            self._commit(batch)

    def _commit(self, batch: list[_Job]) -> None:
        error = self._insert([r for job in batch for r in job.rows])
        if error is not None and len(batch) > 1:
            # One request's bad row must not fail the others of the batch: each job again in
            # its own transaction, so only the one the database refuses hears of it.
            for job in batch:
                job.error = self._insert(job.rows)
        else:
            for job in batch:
                job.error = error
        self.last_activity = time.monotonic()
        for job in batch:
            job.done.set()

    def _insert(self, rows: list[dict[str, Any]]) -> BaseException | None:
        """Insert in one transaction; the error, if the database refused."""
        try:
            engine = self.sessions.kw["bind"]
            with self.write_lock, engine.begin() as conn:
                # One executemany per batch; a redelivered event (same webhookEventId) is
                # kept once.
                upsert(conn, LineEvent, rows, ["webhook_event_id"])
        except BaseException as e:  # every waiting request must hear about it
            return e
        return None
