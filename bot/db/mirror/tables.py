"""Tables of the spreadsheet mirror: the outbox and the sync's state."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db.base import Base


class OutboxRow(Base):
    """An entry to mirror to the spreadsheet; written in the same transaction as the entry."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "synced_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime]
    synced_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str] = mapped_column(Text, default="")


class SheetState(Base):
    """The spreadsheet mirror's one row of state: the sync lease (one writer at a time across
    processes), its epoch (grows each time the lease changes hands) and the last outcomes."""

    __tablename__ = "sheet_state"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    lease_holder: Mapped[str | None] = mapped_column(String(120))
    lease_until: Mapped[datetime | None]
    epoch: Mapped[int] = mapped_column(default=0)
    last_success_at: Mapped[datetime | None]
    last_pull_at: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    last_error_at: Mapped[datetime | None]
