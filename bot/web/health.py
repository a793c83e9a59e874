"""GET /healthz: is the database reachable, how much waits to be processed, when the
spreadsheet mirror last succeeded."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app
from sqlalchemy import func, select

from bot.db import new_session
from bot.db.line.tables import LineEvent
from bot.mirror.source import read_status
from handlers.clock import local

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> tuple[dict[str, Any], int]:
    try:
        with new_session() as s:
            sync = read_status(s)
            events = s.scalar(
                select(func.count()).select_from(LineEvent).where(LineEvent.status == "pending")
            )
    except Exception as e:
        return {"status": "error", "database": f"unreachable: {type(e).__name__}"}, 503
    return {
        "status": "ok",
        "database": "ok",
        "outbox_backlog": sync.backlog,
        "line_events_pending": events,
        "sheets_backend": current_app.config.get("SHEETS_BACKEND", "xlsx"),
        # ISO 8601 in Thai time, or null when the mirror has never succeeded.
        "last_sync": _iso(sync.last_success),
        "last_sync_error": sync.last_error or None,
        "last_sync_error_at": _iso(sync.last_error_at) if sync.last_error else None,
    }, 200


def _iso(dt: Any) -> str | None:
    return local(dt).isoformat(timespec="seconds") if dt else None
