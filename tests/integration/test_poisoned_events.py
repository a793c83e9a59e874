"""Poisoned webhook bodies (lone surrogates, deep nesting) are refused or kept as invalid,
and never fail the other requests committed with them nor the worker that processes events."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from flask import Flask
from sqlalchemy import insert, select
from werkzeug.test import TestResponse

from bot.db import new_session
from bot.db.line.tables import LineEvent
from bot.line.inbox import InboxWriter
from handlers.clock import utcnow
from tests.support.line import CHANNEL_SECRET, message_event, sign, text_event, webhook_body

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


# --- at the webhook ---------------------------------------------------------------------------


def test_a_lone_surrogate_is_kept_as_invalid_beside_its_good_neighbour(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(LINE_CHANNEL_SECRET=CHANNEL_SECRET)
    body, good, bad = poisoned_body()
    assert post(app, body).status_code == 200
    rows = stored(app)
    assert rows[good["webhookEventId"]].status == "pending"
    kept = rows[bad["webhookEventId"]]
    assert kept.status == "invalid" and "Unicode" in kept.error
    assert kept.processed_at is not None
    json.loads(kept.payload)  # kept readable (as ASCII escapes) for whoever looks into it
    assert app.extensions["prongsai_processor"].process_pending() == 1
    rows = stored(app)
    assert rows[good["webhookEventId"]].status == "done"
    assert rows[bad["webhookEventId"]].status == "invalid"


def test_a_lone_surrogate_in_the_ids_is_kept_too(make_app: Callable[..., Flask]) -> None:
    app = make_app(LINE_CHANNEL_SECRET=CHANNEL_SECRET)
    event = text_event("สวัสดี", user="UMARK", webhookEventId="EMARK", type="TMARK")
    body = (
        webhook_body(event)
        .replace('"UMARK"', f'"U{LONE}"')
        .replace('"EMARK"', f'"E{LONE}"')
        .replace('"TMARK"', f'"m{LONE}"')
    )
    assert post(app, body).status_code == 200
    [row] = stored(app).values()
    assert row.status == "invalid"


def test_a_poisoned_request_never_fails_the_requests_committed_with_it(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(LINE_CHANNEL_SECRET=CHANNEL_SECRET)
    goods = [webhook_body(text_event(f"ข้อความ {i}")) for i in range(5)]
    poisoned, _, _ = poisoned_body()
    bodies = [goods[0], *goods[1:3], poisoned, *goods[3:]]
    codes: dict[int, int | str] = {}

    def sender(i: int) -> Callable[[], None]:
        def call() -> None:
            try:
                codes[i] = post(app, bodies[i]).status_code
            except Exception as e:  # the test client re-raises what the app raised
                codes[i] = repr(e)

        return call

    one_batch(app.extensions["prongsai_inbox"], [sender(i) for i in range(len(bodies))])
    assert codes[3] in (200, 400)
    assert all(codes[i] == 200 for i in range(len(bodies)) if i != 3), codes
    kept = [json.loads(e.payload)["message"]["text"] for e in stored(app).values()]
    assert all(f"ข้อความ {i}" in kept for i in range(5))


def test_deeply_nested_bodies_are_refused_with_400(make_app: Callable[..., Flask]) -> None:
    app = make_app(LINE_CHANNEL_SECRET=CHANNEL_SECRET)
    for body in (
        nested(100_000),
        '{"events": [' + nested(100_000) + "]}",
        webhook_body(text_event("x", extra=json.loads(nested(200)))),
        '{"events": [{"a": ' * 5000 + "1" + "}]" * 5000 + "}",
    ):
        assert post(app, body).status_code == 400
    assert stored(app) == {}


def test_brackets_inside_text_are_not_nesting(make_app: Callable[..., Flask]) -> None:
    app = make_app(LINE_CHANNEL_SECRET=CHANNEL_SECRET)
    text = "[{" * 3000 + ' \\" ' + "}]" * 3000
    assert post(app, webhook_body(text_event(text))).status_code == 200
    [row] = stored(app).values()
    assert row.status == "pending"


# --- at the writer ----------------------------------------------------------------------------


def test_the_writer_isolates_a_job_the_database_refuses(make_app: Callable[..., Flask]) -> None:
    """Whatever slips past the webhook's checks fails only its own request."""
    app = make_app()
    inbox: InboxWriter = app.extensions["prongsai_inbox"]
    now = utcnow()

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


# --- at the processor -------------------------------------------------------------------------


def test_an_unreadable_stored_event_never_stops_the_worker(
    make_app: Callable[..., Flask],
) -> None:
    """Rows written by an older version, or by hand: each is set aside as invalid, and the
    events after it are processed."""
    app = make_app(LINE_CHANNEL_SECRET=CHANNEL_SECRET)
    good = text_event("สวัสดี")
    surrogate = json.dumps(text_event("ขอ\ud800บคุณ"))  # ASCII escapes: storable, not usable
    payloads = {
        "not-json": "{not json",
        "not-object": "[1, 2]",
        "surrogate": surrogate,
        "deep": '{"type": "message", "x": ' + nested(100_000) + "}",
        "good": json.dumps(good, ensure_ascii=False),
    }
    now = utcnow()
    with new_session(app) as s:
        s.execute(
            insert(LineEvent),
            [
                {
                    "webhook_event_id": eid,
                    "event_type": "message",
                    "user_id": good["source"]["userId"],
                    "payload": payload,
                    "received_at": now,
                    "status": "pending",
                    "error": "",
                }
                for eid, payload in payloads.items()
            ],
        )
        s.commit()
    processor = app.extensions["prongsai_processor"]
    processor.process_pending()  # must not raise
    processor.process_pending()
    rows = stored(app)
    assert rows["good"].status == "done"
    for eid in ("not-json", "not-object", "surrogate", "deep"):
        assert rows[eid].status == "invalid", eid
        assert rows[eid].error and rows[eid].processed_at is not None


def test_nul_in_an_events_ids_and_fields_never_stops_the_worker(
    make_app: Callable[..., Flask],
) -> None:
    """Found on PostgreSQL, which refuses NUL in text: a userId holding one failed the
    processor's first query, on every retry."""
    app = make_app(LINE_CHANNEL_SECRET=CHANNEL_SECRET)
    location = {"type": "location", "id": "l1", "latitude": 16.5, "longitude": 102.1}
    events = [
        text_event("สวัสดี", user="U\x00" + "b" * 32),
        text_event("ร้องเรียน", webhookEventId="E\x00X", type="message\x00"),
        message_event({**location, "address": "ถนน\x00มิตรภาพ"}),
        {**text_event("x"), "type": "postback", "postback": {"data": "ร้องเรียน\x00"}},
    ]
    for event in events:
        assert post(app, webhook_body(event)).status_code == 200
    app.extensions["prongsai_processor"].process_pending()  # must not raise
    assert {e.status for e in stored(app).values()} <= {"done", "ignored"}
