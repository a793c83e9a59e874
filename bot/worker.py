"""The background thread that processes LINE events and delivers notices in the app's process."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from flask import Flask

from bot import db
from bot.db import new_session
from bot.db.privacy import pdpa
from bot.line.notify import push_pending_notices
from bot.mirror import sync
from bot.uploads.photos import sweep_orphans
from handlers.clock import utcnow

log = logging.getLogger(__name__)


class BackgroundWorker(threading.Thread):
    """Runs `jobs` when woken (a webhook arrived), every `interval` seconds, and again at
    once while a job reports work done (a count above zero)."""

    def __init__(
        self, wake: threading.Event, jobs: list[Callable[[], object]], interval: float = 2.0
    ):
        super().__init__(name="prongsai-worker", daemon=True)
        self.wake = wake
        self.jobs = jobs
        self.interval = interval
        self.stopping = threading.Event()

    def run(self) -> None:
        more = False
        while not self.stopping.is_set():
            if not more:  # a job that just did work may have more waiting: go again at once
                self.wake.wait(self.interval)
            self.wake.clear()
            more = False
            for job in self.jobs:
                try:
                    done = job()
                except Exception:  # keep serving; the next round retries
                    log.exception("background job %s failed", getattr(job, "__name__", job))
                    time.sleep(0.5)
                    continue
                more = more or (isinstance(done, int) and not isinstance(done, bool) and done > 0)

    def stop(self) -> None:
        self.stopping.set()
        self.wake.set()


class StartOnFirstRequest:
    """WSGI middleware that calls `start` once, before the first request is served."""

    def __init__(self, app: Callable[..., Any], start: Callable[[], None]) -> None:
        self.app = app
        self._start: Callable[[], None] | None = start
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if self._start is not None:
            with self._lock:
                if self._start is not None:
                    self._start()
                    self._start = None
        return self.app(environ, start_response)


def every(seconds: float, job: Callable[[], object]) -> Callable[[], object]:
    """A job that runs at most once per `seconds` however often it is called."""
    last = [float("-inf")]

    def run() -> object:
        if time.monotonic() - last[0] < seconds:
            return None
        last[0] = time.monotonic()
        return job()

    run.__name__ = getattr(job, "__name__", "periodic")
    return run


def start_worker(app: Flask) -> None:
    """The in-process background thread: LINE events, notices, the sheet sync, PDPA purge."""
    worker = BackgroundWorker(app.extensions["prongsai_wake"], background_jobs(app))
    app.extensions["prongsai_worker"] = worker
    worker.start()


def background_jobs(app: Flask) -> list[Callable[[], object]]:
    """What runs besides serving requests: in the web process by default, or in
    `flask --app bot worker` processes when BACKGROUND_WORKERS=0."""
    svc = app.extensions["prongsai"]
    processor = app.extensions["prongsai_processor"]
    inbox = app.extensions["prongsai_inbox"]
    jobs: list[Callable[[], object]] = [
        lambda: processor.process_pending(yield_to=inbox.busy),
        lambda: push_pending_notices(app, svc.line),
    ]
    sheets_job = sync.background_job(app)
    if sheets_job is not None:
        jobs.append(sheets_job)
    jobs.append(every(3600, lambda: purge_personal_data(app)))
    jobs.append(every(600, lambda: sweep_photos(app)))
    return jobs


def purge_personal_data(app: Flask) -> int:
    """PDPA retention: closed cases past the retention period lose their personal data."""
    with db.write_lock(app), new_session(app) as s:
        n = pdpa.purge_expired(
            s, utcnow(), app.config["PDPA_RETENTION_DAYS"], app.config["UPLOAD_FOLDER"]
        )
        s.commit()
    return n


def sweep_photos(app: Flask) -> int:
    """Uploads no entry references an hour on (a crash between saving and committing)."""
    with new_session(app) as s:
        return len(sweep_orphans(s, app.config["UPLOAD_FOLDER"]))
