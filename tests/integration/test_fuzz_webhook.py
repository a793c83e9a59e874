"""Signed but malformed webhook bodies: never a 5xx, never a crash of the processor."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from flask import Flask
from hypothesis import given
from hypothesis import strategies as st

from tests.support.fuzz import fuzz
from tests.support.line import CHANNEL_SECRET, sign, text_event

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
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
    event: dict[str, object] = text_event(draw(st.text(max_size=50)))
    for key in draw(st.lists(st.sampled_from(EVENT_KEYS), max_size=4, unique=True)):
        if draw(st.booleans()):
            event.pop(key, None)
        else:
            event[key] = draw(JSON)
    return event


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
