"""The real outbox source of a mirror sync whose process dies right after the sheet was written,
before the outbox rows are marked synced."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.mirror.source import SqlMirrorSource


class CrashingSource(SqlMirrorSource):
    def __init__(self, sessions: sessionmaker[Session], *, keeps_lease: bool = False) -> None:
        """`keeps_lease`: the dead process does not release its lease either."""
        super().__init__(sessions)
        self.keeps_lease = keeps_lease

    def mark_synced(self, outbox_ids: Sequence[int], at: datetime) -> None:
        raise SystemExit("killed after the sheet was written")

    def release_lease(self, holder: str) -> None:
        if not self.keeps_lease:
            super().release_lease(holder)
