"""The background loop drains a backlog without waiting between rounds."""

from __future__ import annotations

import threading
import time

from bot.worker import BackgroundWorker


def test_a_backlog_is_drained_without_pausing_between_rounds() -> None:
    backlog = [100] * 30  # thirty rounds of work
    done = threading.Event()

    def job() -> int:
        if backlog:
            return backlog.pop()
        done.set()
        return 0

    worker = BackgroundWorker(threading.Event(), [job], interval=5.0)
    started = time.monotonic()
    worker.start()
    worker.wake.set()
    assert done.wait(4), "the loop paused between rounds of work"
    worker.stop()
    worker.join(2)
    assert time.monotonic() - started < 4


def test_a_failing_job_does_not_stop_the_others() -> None:
    ran = threading.Event()

    def broken() -> int:
        raise RuntimeError("boom")

    worker = BackgroundWorker(threading.Event(), [broken, lambda: ran.set()], interval=0.05)
    worker.start()
    assert ran.wait(2)
    worker.stop()
    worker.join(2)
