"""The audit log's one writer: who changed what, from any door (admin pages, the sheet)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.db.accounts.tables import AuditLog


def record(
    session: Session, actor: str, action: str, target: str, detail: str, at: datetime
) -> None:
    """Add the row to the caller's transaction (the caller commits)."""
    session.add(AuditLog(at=at, actor=actor[:80], action=action, target=target, detail=detail))
