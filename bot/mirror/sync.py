"""Wiring the spreadsheet mirror into the app: the backend chosen by SHEETS_BACKEND, the
syncer, and the continuous background sync."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from flask import Flask

from bot.mirror.source import SqlMirrorSource
from bot.settings import office_settings
from sheets.ports import SheetBackend
from sheets.quota import Backoff, TokenBucket
from sheets.sync import Syncer, drain_and_pull

log = logging.getLogger(__name__)

BACKENDS = ("xlsx", "google", "off")


class SheetsConfigError(Exception):
    pass


def build_backend(app: Flask) -> SheetBackend | None:
    """The configured backend, or None when the mirror is off."""
    c = app.config
    name = (c.get("SHEETS_BACKEND") or "xlsx").strip().lower()
    if name == "off":
        return None
    if name == "xlsx":
        from sheets.xlsx import XlsxBackend

        return XlsxBackend(c["SHEETS_XLSX_PATH"])
    if name == "google":
        from sheets.google import GoogleBackend

        window = float(c.get("SHEETS_QUOTA_WINDOW_SECONDS", 60))
        writes = TokenBucket(int(c.get("SHEETS_WRITES_PER_MINUTE", 60)), window)
        reads = TokenBucket(int(c.get("SHEETS_READS_PER_MINUTE", 60)), window)
        key = c.get("SPREADSHEET_KEY", "")
        factory = c.get("SHEETS_GSPREAD_CLIENT_FACTORY")  # tests: a client on a fake server
        if factory is not None:
            return GoogleBackend(factory(), key, writes, reads)
        if not key or not c.get("GOOGLE_SERVICE_ACCOUNT_FILE"):
            raise SheetsConfigError(
                "SHEETS_BACKEND=google needs GOOGLE_SERVICE_ACCOUNT_FILE and SPREADSHEET_KEY"
            )
        return GoogleBackend.from_service_account(
            c["GOOGLE_SERVICE_ACCOUNT_FILE"],
            key,
            writes,
            reads,
            timeout=float(c.get("SHEETS_TIMEOUT_SECONDS", 30)),
        )
    raise SheetsConfigError(f"SHEETS_BACKEND must be one of {', '.join(BACKENDS)}, not {name!r}")


def source_for(app: Flask) -> SqlMirrorSource:
    backend = (app.config.get("SHEETS_BACKEND") or "xlsx").lower()
    return SqlMirrorSource(
        app.extensions["db_sessions"],
        actor=f"sheets:{backend}",
        write_lock=app.extensions.get("db_write_lock"),
        base_url=lambda: _public_base_url(app),
    )


def _public_base_url(app: Flask) -> str:
    """The office's public address as its settings say now (saved, else PUBLIC_BASE_URL):
    the background sync outlives any request, so it asks in an app context of its own."""
    with app.app_context():
        return office_settings().public_base_url


def build_syncer(
    app: Flask,
    backend: SheetBackend | None = None,
    progress: Callable[[int, int], None] | None = None,
    backoff: Backoff | None = None,
) -> Syncer | None:
    backend = backend or build_backend(app)
    if backend is None:
        return None
    return Syncer(
        source_for(app),
        backend,
        batch_rows=int(app.config.get("SHEETS_BATCH_ROWS", 500)),
        backoff=backoff,
        progress=progress,
    )


# --- the command line ----------------------------------------------------------------------


# --- the background sync ---------------------------------------------------------------------


class SyncThread(threading.Thread):
    """Continuous sync in its own thread: Google's quota waits and backoff never delay the
    LINE event processing that shares the app's BackgroundWorker."""

    def __init__(self, app: Flask, interval: float, pull_every: float) -> None:
        super().__init__(name="prongsai-sheets", daemon=True)
        self.app = app
        self.interval = interval
        self.pull_every = pull_every
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.syncer: Syncer | None = None
        self.not_before = 0.0
        self.failures = 0
        self.next_pull = time.monotonic() + min(pull_every, 10.0)

    def run(self) -> None:
        while not self.stopping.is_set():
            self.wake.wait(self.interval)
            self.wake.clear()
            if self.stopping.is_set() or time.monotonic() < self.not_before:
                continue
            try:
                self.step()
            except Exception:  # keep the thread alive; rebuild the client next time
                log.exception("sheets background sync failed")
                self.syncer = None
                self._pause()

    def step(self) -> None:
        if self.syncer is None:
            self.syncer = build_syncer(self.app)
            if self.syncer is None:
                self.stopping.set()  # SHEETS_BACKEND=off
                return
        now = time.monotonic()
        pull = self.pull_every > 0 and now >= self.next_pull
        if not pull and self.syncer.source.backlog() == 0:
            return
        drained, pulled = drain_and_pull(self.syncer, pull, deadline=now + 300)
        if pull:
            self.next_pull = now + self.pull_every
        if drained.error or (pulled is not None and pulled.error):
            self._pause()
        else:
            self.failures = 0

    def _pause(self) -> None:
        # The drain's own backoff gave up: wait longer each time, up to five minutes.
        self.failures += 1
        self.not_before = time.monotonic() + min(300.0, 5.0 * 2 ** min(self.failures, 6))

    def stop(self) -> None:
        self.stopping.set()
        self.wake.set()


def background_job(app: Flask) -> Callable[[], None] | None:
    """A job for the app's BackgroundWorker: each tick (or wake-up after a webhook) nudges the
    sync thread, started on first use. None when the mirror is off."""
    if (app.config.get("SHEETS_BACKEND") or "xlsx").lower() == "off":
        return None
    lock = threading.Lock()

    def sheets_sync() -> None:
        with lock:
            thread = app.extensions.get("prongsai_sheets_thread")
            if thread is None or not thread.is_alive():
                if thread is not None and thread.stopping.is_set():
                    return
                thread = SyncThread(
                    app,
                    interval=float(app.config.get("SHEETS_SYNC_SECONDS", 5)),
                    pull_every=float(app.config.get("SHEETS_PULL_SECONDS", 60)),
                )
                app.extensions["prongsai_sheets_thread"] = thread
                thread.start()
        thread.wake.set()

    return sheets_sync
