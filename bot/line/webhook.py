"""POST /callback: check the signature, keep every event, answer 200 at once."""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

from flask import Blueprint, abort, current_app, request
from linebot.v3.webhook import SignatureValidator

from bot.store import naive
from handlers.clock import utcnow

log = logging.getLogger(__name__)
bp = Blueprint("line", __name__)


@bp.post("/callback")
def callback() -> tuple[str, int]:
    secret = current_app.config["LINE_CHANNEL_SECRET"]
    if not secret:
        log.error("LINE webhook called but LINE_CHANNEL_SECRET is not set: answering 503")
        return "LINE channel is not configured", 503
    body = request.get_data(as_text=True)
    signature = request.headers.get("X-Line-Signature", "")
    if not signature or not SignatureValidator(secret).validate(body, signature):
        log.warning("LINE webhook with a missing or wrong signature refused")
        abort(400, "invalid signature")
    events = _events(body)
    if events:
        _store(events)
        wake = current_app.extensions.get("prongsai_wake")
        if wake is not None:
            wake.set()
    return "OK", 200


def _events(body: str) -> list[dict[str, Any]]:
    try:
        payload = json.loads(body)
    except ValueError:
        abort(400, "body is not JSON")
    events = payload.get("events") if isinstance(payload, dict) else None
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        abort(400, "events must be a list of objects")
    return events


def _store(events: list[dict[str, Any]]) -> None:
    """All events of the request in one transaction; a redelivered event is kept once."""
    now = naive(utcnow())
    rows = [
        {
            "webhook_event_id": _event_id(e),
            "event_type": str(e.get("type", ""))[:40],
            "user_id": _user_id(e),
            "payload": json.dumps(e, ensure_ascii=False),
            "received_at": now,
            "status": "pending",
            "error": "",
        }
        for e in events
    ]
    current_app.extensions["prongsai_inbox"].store(rows)


def _event_id(e: dict[str, Any]) -> str:
    eid = e.get("webhookEventId")
    if isinstance(eid, str) and eid:
        return eid[:64]
    # Very old or hand-made events lack the ID: their content is the next best key.
    return "sha256:" + hashlib.sha256(json.dumps(e, sort_keys=True).encode()).hexdigest()[:56]


def _user_id(e: dict[str, Any]) -> str | None:
    src = e.get("source")
    uid = src.get("userId") if isinstance(src, dict) else None
    return uid[:64] if isinstance(uid, str) else None
