"""LINE as the tests play it: signed webhook bodies with events shaped like LINE's, posted to
an app's /callback and processed as the worker would, and app settings for the fake LINE API."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from typing import Any

from flask import Flask

from tests.fakes.fake_line import FakeLine

CHANNEL_SECRET = "test-channel-secret"
ACCESS_TOKEN = "test-access-token"
USER = "U" + "a" * 32

# Fields LINE sends with each message type (the SDK's models require them).
MESSAGE_FIELDS: dict[str, dict[str, Any]] = {
    "text": {"quoteToken": "q-token"},
    "image": {"quoteToken": "q-token", "contentProvider": {"type": "line"}},
    "sticker": {
        "quoteToken": "q-token",
        "packageId": "446",
        "stickerId": "1988",
        "stickerResourceType": "STATIC",
    },
    "location": {},
}


def sign(body: str, secret: str = CHANNEL_SECRET) -> str:
    digest = hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def text_event(text: str, user: str = USER, **extra: Any) -> dict[str, Any]:
    return message_event({"type": "text", "id": uuid.uuid4().hex[:16], "text": text}, user, **extra)


def message_event(message: dict[str, Any], user: str = USER, **extra: Any) -> dict[str, Any]:
    event = {
        "type": "message",
        "mode": "active",
        "timestamp": 1763780000000,
        "source": {"type": "user", "userId": user},
        "webhookEventId": "01" + uuid.uuid4().hex[:24].upper(),
        "deliveryContext": {"isRedelivery": False},
        "replyToken": uuid.uuid4().hex,
        "message": {**MESSAGE_FIELDS.get(message["type"], {}), **message},
    }
    event.update(extra)
    return event


def webhook_body(*events: dict[str, Any]) -> str:
    return json.dumps({"destination": "Ubot", "events": list(events)}, ensure_ascii=False)


def line_config(line: FakeLine) -> dict[str, Any]:
    """App settings: this channel's secrets, the real SDK pointed at the fake LINE API."""
    return {
        "LINE_CHANNEL_SECRET": CHANNEL_SECRET,
        "LINE_CHANNEL_ACCESS_TOKEN": ACCESS_TOKEN,
        "LINE_API_HOST": line.url,
        "LINE_DATA_API_HOST": line.url,
    }


def post(app: Flask, body: str, signature: str | None = "sign"):  # type: ignore[no-untyped-def]
    """POST /callback: signed with the channel secret, or with `signature` (None: unsigned)."""
    headers = {"Content-Type": "application/json"}
    if signature == "sign":
        headers["X-Line-Signature"] = sign(body)
    elif signature is not None:
        headers["X-Line-Signature"] = signature
    return app.test_client().post("/callback", data=body.encode(), headers=headers)


def process(app: Flask) -> int:
    """What the background worker does with the stored events."""
    return app.extensions["prongsai_processor"].process_pending()


def send(app: Flask, *events: dict[str, Any]) -> None:
    """LINE delivers the events (accepted) and the worker processes them."""
    assert post(app, webhook_body(*events)).status_code == 200
    process(app)


def say(app: Flask, text: str, user: str = USER) -> None:
    send(app, text_event(text, user))


def labels(messages: list[dict[str, Any]]) -> list[str]:
    """The quick-reply labels under the last of these sent messages."""
    return [i["action"]["label"] for i in messages[-1].get("quickReply", {}).get("items", [])]
