"""What the mirror knows of one kind of entry: how to load it, its sheet IDs, which sheet
columns admins may edit, and what `sync --rebuild` queues again."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.db.store import SqlStore

CHUNK = 500  # IDs per IN (...) list; SQLite limits bound parameters

Loader = Callable[[Session, Sequence[str]], dict[str, Any]]
Editor = Callable[[SqlStore, str, str, datetime, str], None]
SheetIds = Callable[[Session, Sequence[str]], dict[str, str]]
# Entity, the app's address ("" when unknown) -> the entity with its files named by the
# login-protected page that shows them, not by where they lie on the server.
Linker = Callable[[Any, str], Any]


@dataclass(frozen=True)
class MirroredKind:
    name: str  # the outbox kind
    load: Loader
    # (entity column, order column) of every entry, for `sync --rebuild`.
    rebuild: tuple[Any, Any]
    # Outbox ID -> column-A ID, for kinds whose sheet shows another ID than the database row.
    sheet_ids: SheetIds | None = None
    # Sheet column -> how an admin's edit there is applied.
    editors: Mapping[str, Editor] = field(default_factory=dict)
    links: Linker | None = None


def chunks(ids: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]
