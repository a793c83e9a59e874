"""GET /healthz: is the database reachable, how much waits to be processed, when the
spreadsheet mirror last succeeded.

Anyone may ask (monitors do, without logging in), so the public answer is the status and
counts only; sync errors name server paths and files, so the details are for a logged-in
admin.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, Response, current_app, jsonify
from sqlalchemy import func, select

from bot.admin.auth import current_role
from bot.db import new_session
from bot.db.line.tables import LineEvent
from bot.mirror.source import read_status
from handlers.clock import local

log = logging.getLogger(__name__)

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    details = _admin()
    try:
        with new_session() as s:
            sync = read_status(s)
            events = s.scalar(
                select(func.count()).select_from(LineEvent).where(LineEvent.status == "pending")
            )
    except Exception as e:
        log.warning("healthz: the database is unreachable: %s", e)
        body: dict[str, Any] = {"status": "error", "database": "unreachable"}
        if details:
            body["error"] = f"{type(e).__name__}: {e}"
        return _answer(body, 503)
    body = {
        "status": "ok",
        "database": "ok",
        "outbox_backlog": sync.backlog,
        "line_events_pending": events,
        # ISO 8601 in Thai time, or null when the mirror has never succeeded.
        "last_sync": _iso(sync.last_success),
    }
    if details:
        body |= {
            "sheets_backend": current_app.config.get("SHEETS_BACKEND", "xlsx"),
            "last_sync_error": sync.last_error or None,
            "last_sync_error_at": _iso(sync.last_error_at) if sync.last_error else None,
            "last_pull": _iso(sync.last_pull),
            # The sync found the workbook (or tabs) gone and wrote every entry again.
            "last_rebuild": _iso(sync.last_rebuild),
            "last_rebuild_reason": sync.last_rebuild_reason or None,
        }
    return _answer(body, 200)


def _admin() -> bool:
    try:
        return current_role() == "admin"
    except Exception:  # the account is looked up in the database, which may be down
        return False


def _answer(body: dict[str, Any], code: int) -> Response:
    resp = jsonify(body)
    resp.status_code = code
    # The answer differs by who asks and changes all the time: never from a cache.
    resp.headers["Cache-Control"] = "no-store"
    resp.headers["Vary"] = "Cookie"
    return resp


def _iso(dt: Any) -> str | None:
    return local(dt).isoformat(timespec="seconds") if dt else None
