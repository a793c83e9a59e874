"""What the core needs from the outside world, as protocols the adapters implement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from handlers.complaints.ports import ComplaintStore


@dataclass
class Notice:
    """A message for a user that answers nothing they sent (e.g. a status change)."""

    id: int
    line_user_id: str
    text: str
    created_at: datetime


class Store(ComplaintStore, Protocol):
    """The database, seen from the core. Writes join the caller's transaction."""

    # conversations
    def load_conversation(self, user_key: str) -> tuple[dict[str, Any], datetime] | None: ...
    def save_conversation(self, user_key: str, state: dict[str, Any], at: datetime) -> None: ...
    def delete_conversation(self, user_key: str) -> None: ...

    # notices and the spreadsheet outbox
    def add_notice(self, line_user_id: str, text: str, at: datetime) -> None: ...
    def pending_notices(self, line_user_id: str) -> list[Notice]: ...
    def mark_notices_delivered(self, ids: list[int], via: str, at: datetime) -> None: ...
    def add_outbox(self, kind: str, entity_id: str, at: datetime) -> None: ...

    # the privacy notice (PDPA)
    def has_privacy_ack(self, user_key: str, version: str) -> bool: ...
    def record_privacy_ack(
        self, user_key: str, version: str, channel: str, at: datetime
    ) -> None: ...

    def commit(self) -> None: ...
    def rollback(self) -> None: ...
