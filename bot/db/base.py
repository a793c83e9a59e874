"""What every table shares: the declarative base, whose datetime columns hold UTC instants,
and the one upsert both databases understand."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import JSON, Connection, DateTime, Dialect, Result, Table, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import DeclarativeBase, Mapper, Session
from sqlalchemy.sql.base import ReadOnlyColumnCollection
from sqlalchemy.sql.elements import ColumnElement, KeyedColumnElement
from sqlalchemy.types import TypeDecorator


def _utc(value: datetime) -> datetime:
    """Aware UTC; a naive value is taken to be UTC already."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A UTC instant. Stored naive, as the columns always were (plain DATETIME / timestamp
    without time zone: no migration), and always aware in Python, so no code converts."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else _utc(value).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else _utc(value)


class Base(DeclarativeBase):
    # Every `Mapped[datetime]` column is a UTCDateTime.
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[str]: JSON}


@event.listens_for(Base, "mapper_configured", propagate=True)
def _aware_in_memory(mapper: Mapper[Any], cls: type) -> None:
    """An attribute set from Python is made aware UTC at once, as if read back: objects
    outlive their commit (expire_on_commit=False), so a naive value would otherwise linger."""
    for prop in mapper.column_attrs:
        if any(isinstance(col.type, UTCDateTime) for col in prop.columns):
            event.listen(getattr(cls, prop.key), "set", _on_set, retval=True)


def _on_set(_target: Any, value: datetime | None, _old: Any, _initiator: Any) -> datetime | None:
    return None if value is None else _utc(value)


Excluded = ReadOnlyColumnCollection[str, KeyedColumnElement[Any]]
Upsert = postgresql.Insert | sqlite.Insert


def upsert(
    db: Connection | Session,
    table: Table | type[Base],
    values: Mapping[str, Any] | Sequence[Mapping[str, Any]],
    index_elements: Sequence[str],
    set_: Callable[[Excluded], Mapping[str, Any]] | None = None,
    returning: Sequence[ColumnElement[Any]] = (),
) -> Result[Any]:
    """INSERT … ON CONFLICT (index_elements): DO NOTHING, or with `set_` DO UPDATE SET what it
    returns for the row that was refused (`excluded`), e.g. ``lambda new: {"n": t.c.n + new.n}``.
    SQLite and PostgreSQL share this syntax; a list of rows is one executemany. The result
    holds the `returning` columns of the rows written."""
    bind = db.get_bind() if isinstance(db, Session) else db
    # A declarative class's __table__ is typed as any FromClause; it is its Table.
    target = table if isinstance(table, Table) else cast(Table, table.__table__)
    if set_ is None:
        stmt = _do_nothing(bind.dialect.name, target, tuple(index_elements))
    else:
        new = _insert(bind.dialect.name, target)
        stmt = new.on_conflict_do_update(
            index_elements=list(index_elements), set_=dict(set_(new.excluded))
        )
    final = stmt.returning(*returning) if returning else stmt
    if isinstance(values, Mapping):
        return db.execute(final.values(**values))
    return db.execute(final, [dict(v) for v in values])


def _insert(dialect: str, table: Table) -> Upsert:
    return postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)


@cache
def _do_nothing(dialect: str, table: Table, keys: tuple[str, ...]) -> Upsert:
    """Built once per table: the webhook inbox runs it for every acknowledgement."""
    return _insert(dialect, table).on_conflict_do_nothing(index_elements=list(keys))
