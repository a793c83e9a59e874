"""POST /callback: check the signature, keep every event, answer 200 at once.

This is the one hot path of the application (LINE gives 2 seconds, and a busy office's
events arrive in bursts), so it is served as plain WSGI in front of Flask: no session,
CSRF, rate-limit or template machinery runs for it.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from flask import Flask
from linebot.v3.webhook import SignatureValidator
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Request

from bot.line.payload import UNICODE_PROBLEM, BadPayload, column_text, encodable, read_json
from handlers.clock import utcnow

log = logging.getLogger(__name__)

PATH = "/callback"
# LINE's bodies are small; anything larger is not from LINE.
MAX_BODY = 1024 * 1024

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class BadRequest(Exception):
    pass


class Webhook:
    """WSGI middleware answering POST /callback; everything else goes on to Flask."""

    def __init__(self, app: Flask, downstream: WSGIApp) -> None:
        self.app = app
        self.downstream = downstream

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ.get("PATH_INFO") != PATH:
            return self.downstream(environ, start_response)
        if environ.get("REQUEST_METHOD") != "POST":
            return _answer(start_response, 405, "use POST", [("Allow", "POST")])
        code, text = self.handle(Request(environ))
        return _answer(start_response, code, text)

    def handle(self, request: Request) -> tuple[int, str]:
        secret = self.app.config["LINE_CHANNEL_SECRET"]
        if not secret:
            log.error("LINE webhook called but LINE_CHANNEL_SECRET is not set: answering 503")
            return 503, "LINE channel is not configured"
        request.max_content_length = min(MAX_BODY, self.app.config["MAX_CONTENT_LENGTH"])
        try:
            body = request.get_data().decode("utf-8")
        except RequestEntityTooLarge:
            return 413, "body too large"
        except UnicodeDecodeError:
            return 400, "body is not UTF-8"
        signature = request.headers.get("X-Line-Signature", "")
        if not signature or not SignatureValidator(secret).validate(body, signature):
            log.warning("LINE webhook with a missing or wrong signature refused")
            return 400, "invalid signature"
        try:
            events = _events(body)
        except BadRequest as e:
            return 400, str(e)
        if events:
            self.app.extensions["prongsai_inbox"].store(_rows(events))
            wake = self.app.extensions.get("prongsai_wake")
            if wake is not None:
                wake.set()
        return 200, "OK"


def _answer(
    start_response: Callable[..., Any],
    code: int,
    text: str,
    extra: list[tuple[str, str]] | None = None,
) -> list[bytes]:
    reason = {
        200: "OK",
        400: "Bad Request",
        405: "Method Not Allowed",
        413: "Request Entity Too Large",
        503: "Service Unavailable",
    }[code]
    data = text.encode()
    headers = [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(data))),
        ("X-Content-Type-Options", "nosniff"),
        *(extra or []),
    ]
    start_response(f"{code} {reason}", headers)
    return [data]


def _events(body: str) -> list[dict[str, Any]]:
    try:
        payload = read_json(body)
    except BadPayload as e:
        raise BadRequest(f"body is {e}") from None
    events = payload.get("events") if isinstance(payload, dict) else None
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        raise BadRequest("events must be a list of objects")
    return events


def _rows(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """All events of the request go in one transaction; a redelivered event is kept once."""
    now = utcnow()
    return [_row(e, now) for e in events]


def _row(e: dict[str, Any], now: datetime) -> dict[str, Any]:
    """An event as its inbox row. One whose text the database cannot encode is kept, set
    aside as invalid and never processed, rather than failing the group commit it joins."""
    payload = json.dumps(e, ensure_ascii=False)
    ok = encodable(payload)
    return {
        "webhook_event_id": _event_id(e),
        "event_type": column_text(str(e.get("type", ""))[:40]),
        "user_id": _user_id(e),
        # ASCII escapes keep the bad event readable for whoever looks into it.
        "payload": payload if ok else json.dumps(e),
        "received_at": now,
        "status": "pending" if ok else "invalid",
        "processed_at": None if ok else now,
        "error": "" if ok else UNICODE_PROBLEM,
    }


def _event_id(e: dict[str, Any]) -> str:
    eid = e.get("webhookEventId")
    if isinstance(eid, str) and eid and column_text(eid) == eid:
        return eid[:64]
    # Very old or hand-made events lack the ID: their content is the next best key.
    return "sha256:" + hashlib.sha256(json.dumps(e, sort_keys=True).encode()).hexdigest()[:56]


def _user_id(e: dict[str, Any]) -> str | None:
    src = e.get("source")
    uid = src.get("userId") if isinstance(src, dict) else None
    return column_text(uid)[:64] if isinstance(uid, str) else None
