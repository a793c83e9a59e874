"""Signed but malformed webhook bodies: never a 5xx, never a crash of the processor."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable

import pytest
from flask import Flask
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from bot.db import new_session
from bot.db.line.tables import LineEvent
from bot.line.payload import MAX_DEPTH
from tests.support.fuzz import fuzz
from tests.support.line import CHANNEL_SECRET, sign, text_event

# Text with lone UTF-16 surrogates mixed in: json.dumps writes them as "\ud800" escapes, valid
# JSON that no database can store as text.
TEXT = st.lists(st.characters() | st.integers(0xD800, 0xDFFF).map(chr), max_size=30).map("".join)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=5),
    max_leaves=20,
)

EVENT_KEYS = [
    "type",
    "mode",
    "timestamp",
    "source",
    "webhookEventId",
    "deliveryContext",
    "replyToken",
    "message",
    "postback",
    "follow",
]


@st.composite
def mangled_events(draw: st.DrawFn) -> dict[str, object]:
    """A realistic event with some fields removed or replaced by arbitrary JSON."""
    event: dict[str, object] = text_event(draw(TEXT))
    for key in draw(st.lists(st.sampled_from(EVENT_KEYS), max_size=4, unique=True)):
        if draw(st.booleans()):
            event.pop(key, None)
        else:
            event[key] = draw(JSON)
    return event


@st.composite
def deep_bodies(draw: st.DrawFn) -> str:
    """A body nested far deeper than any LINE event, at the top, in the events list or
    inside one event's field; written by hand (json.dumps itself recurses)."""
    depth = draw(st.integers(min_value=MAX_DEPTH - 2, max_value=5000))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a": ', "}"), ('[{"b": ', "}]")]))
    deep = opener * depth + draw(st.sampled_from(["1", '"x"', "[]", "{}"])) + closer * depth
    event = json.dumps(text_event("สวัสดี"))
    where = draw(st.sampled_from(["top", "events", "field"]))
    if where == "top":
        return deep
    if where == "events":
        return '{"destination": "U1", "events": [' + event + ", " + deep + "]}"
    return '{"destination": "U1", "events": [' + event[:-1] + ', "deep": ' + deep + "}]}"


def nesting(body: str) -> int:
    """How deep the body's arrays and objects go (the bodies here hold no brackets in text)."""
    depth = top = 0
    for ch in body:
        if ch in "[{":
            depth += 1
            top = max(top, depth)
        elif ch in "]}":
            depth -= 1
    return top


BODIES = (
    st.builds(
        lambda events: json.dumps({"destination": "U1", "events": events}),
        st.lists(mangled_events(), max_size=3),
    )
    | JSON.map(json.dumps)
    | st.text(max_size=200)
)


@pytest.fixture
def signed_app(make_app: Callable[..., Flask]) -> Flask:
    """One app for all the examples of a run (hypothesis reuses function-scoped fixtures)."""
    return make_app(LINE_CHANNEL_SECRET=CHANNEL_SECRET)


@fuzz(100)
@given(body=BODIES)
def test_signed_malformed_bodies_get_400_or_200_and_never_break_processing(
    signed_app: Flask, body: str
) -> None:
    app = signed_app
    r = app.test_client().post(
        "/callback", data=body.encode(), headers={"X-Line-Signature": sign(body)}
    )
    assert r.status_code in (200, 400), r.status_code
    app.extensions["prongsai_processor"].process_pending()  # must not raise


@fuzz(60)
@given(body=deep_bodies())
def test_deeply_nested_signed_bodies_get_400_without_recursion_errors(
    signed_app: Flask, body: str
) -> None:
    app = signed_app
    r = app.test_client().post(
        "/callback", data=body.encode(), headers={"X-Line-Signature": sign(body)}
    )
    assert r.status_code in (200, 400), r.status_code
    if nesting(body) > MAX_DEPTH:
        assert r.status_code == 400
    app.extensions["prongsai_processor"].process_pending()  # must not raise


@fuzz(40)
@given(events=st.lists(mangled_events(), min_size=1, max_size=3))
def test_signed_events_with_lone_surrogates_are_kept_or_refused_never_a_500(
    signed_app: Flask, events: list[dict[str, object]]
) -> None:
    """Every event of an acknowledged body is stored: usable ones pending, the others set
    aside as invalid; processing them never raises."""
    app = signed_app
    body = json.dumps({"destination": "U1", "events": events})  # surrogates as escapes
    r = app.test_client().post(
        "/callback", data=body.encode(), headers={"X-Line-Signature": sign(body)}
    )
    assert r.status_code in (200, 400), r.status_code
    app.extensions["prongsai_processor"].process_pending()  # must not raise
    with new_session(app) as s:
        statuses = set(s.scalars(select(LineEvent.status)))
    assert statuses <= {"done", "ignored", "invalid", "failed"}, statuses


@fuzz(30)
@given(raw=st.binary(max_size=60))
def test_signed_bodies_that_are_not_utf8_get_400(signed_app: Flask, raw: bytes) -> None:
    app = signed_app
    body = b'{"events": [{"type": "message", "x": "' + raw + b'\xed\xa0\x80"}]}'
    digest = hmac.new(CHANNEL_SECRET.encode(), body, hashlib.sha256).digest()
    r = app.test_client().post(
        "/callback", data=body, headers={"X-Line-Signature": base64.b64encode(digest).decode()}
    )
    assert r.status_code == 400
