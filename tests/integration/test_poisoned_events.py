"""Poisoned webhook bodies (lone surrogates, deep nesting) are refused or kept as invalid,
and never fail the other requests committed with them nor the worker that processes events."""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from flask import Flask
from sqlalchemy import select
from werkzeug.test import TestResponse

from bot.db import new_session
from bot.db.base import naive
from bot.db.line.tables import LineEvent
from bot.line.inbox import InboxWriter
from handlers.clock import utcnow
from tests.conftest import sign, text_event, webhook_body

# A JSON escape for half of a UTF-16 pair: valid JSON, but no UTF-8 encoder accepts it.
LONE = "\\ud800"


def poisoned_body(good_text: str = "สวัสดี") -> tuple[str, dict[str, Any], dict[str, Any]]:
    """A signed-ready body with one good event and one whose text holds a lone surrogate."""
    good, bad = text_event(good_text), text_event("MARK")
    body = webhook_body(good, bad).replace('"MARK"', f'"ขอ{LONE}บคุณ"')
    return body, good, bad


def post(app: Flask, body: str) -> TestResponse:
    return app.test_client().post(
        "/callback", data=body.encode(), headers={"X-Line-Signature": sign(body)}
    )


def stored(app: Flask) -> dict[str, LineEvent]:
    with new_session(app) as s:
        return {e.webhook_event_id: e for e in s.scalars(select(LineEvent))}


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


class Gate:
    """Stands in for the writer's lock: holds the writer until the test opens it, and says
    when the writer is waiting, so that the requests after it queue into one batch."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.waiting = threading.Event()

    def __enter__(self) -> None:
        self.waiting.set()
        self.lock.acquire()

    def __exit__(
        self, _t: type[BaseException] | None, _e: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.lock.release()


def one_batch(inbox: InboxWriter, calls: list[Callable[[], None]]) -> None:
    """Run calls[0] alone, then every other call in one group commit of the writer."""
    gate = Gate()
    inbox.write_lock = gate
    gate.lock.acquire()
    threads = [threading.Thread(target=calls[0])]
    threads[0].start()
    assert gate.waiting.wait(10)  # the writer holds the first job and waits at the gate
    for call in calls[1:]:
        threads.append(threading.Thread(target=call))
        threads[-1].start()
    for _ in range(400):
        if inbox.jobs.qsize() == len(calls) - 1:
            break
        threading.Event().wait(0.01)
    assert inbox.jobs.qsize() == len(calls) - 1
    gate.lock.release()
    for t in threads:
        t.join(20)


# --- at the writer ----------------------------------------------------------------------------


def test_the_writer_isolates_a_job_the_database_refuses(make_app: Callable[..., Flask]) -> None:
    """Whatever slips past the webhook's checks fails only its own request."""
    app = make_app()
    inbox: InboxWriter = app.extensions["prongsai_inbox"]
    now = naive(utcnow())

    def row(eid: str, payload: str) -> dict[str, Any]:
        return {
            "webhook_event_id": eid,
            "event_type": "message",
            "user_id": "U1",
            "payload": payload,
            "received_at": now,
            "status": "pending",
            "processed_at": None,
            "error": "",
        }

    errors: dict[str, BaseException | None] = {}

    def store(eid: str, payload: str) -> Callable[[], None]:
        def call() -> None:
            try:
                inbox.store([row(eid, payload)])
                errors[eid] = None
            except BaseException as e:
                errors[eid] = e

        return call

    calls = [store("first", "{}"), store("good-1", "{}"), store("bad", "{\ud800}")]
    calls += [store("good-2", "{}"), store("good-3", "{}")]
    one_batch(inbox, calls)
    assert errors["bad"] is not None
    assert all(errors[k] is None for k in ("first", "good-1", "good-2", "good-3")), errors
    assert set(stored(app)) == {"first", "good-1", "good-2", "good-3"}
