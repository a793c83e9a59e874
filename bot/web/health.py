"""GET /healthz: is the database reachable, how much waits to be processed."""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from sqlalchemy import func, select

from bot.db import new_session
from bot.models import LineEvent, OutboxRow

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> tuple[dict[str, Any], int]:
    try:
        with new_session() as s:
            backlog = s.scalar(
                select(func.count()).select_from(OutboxRow).where(OutboxRow.synced_at.is_(None))
            )
            events = s.scalar(
                select(func.count()).select_from(LineEvent).where(LineEvent.status == "pending")
            )
    except Exception as e:
        return {"status": "error", "database": f"unreachable: {type(e).__name__}"}, 503
    return {
        "status": "ok",
        "database": "ok",
        "outbox_backlog": backlog,
        "line_events_pending": events,
        "last_sync": None,
    }, 200
