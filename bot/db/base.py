"""What every table shares: the declarative base, whose datetime columns hold UTC instants."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect, event
from sqlalchemy.orm import DeclarativeBase, Mapper
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
