"""The catalogue a year's evidence is built from: the office's copy if it made one, else the
shipped file (handlers/ita/catalogues, falling back to the newest earlier year)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.db.ita.tables import CatalogueItemRow
from handlers.ita.catalogue import (
    Catalogue,
    CatalogueError,
    Item,
    available_years,
    load,
    normalize_code,
    validated_item,
)


def catalogue_for(session: Session, year: int) -> Catalogue:
    """The year's catalogue as the office publishes it."""
    rows = session.scalars(
        select(CatalogueItemRow)
        .where(CatalogueItemRow.year == year)
        .order_by(CatalogueItemRow.position)
    ).all()
    if not rows:
        return load(year)
    items = tuple(Item(r.code, r.title, r.instrument, r.indicator, r.kind, r.window) for r in rows)
    return Catalogue(year=year, based_on=rows[0].copied_from, items=items, source="office")


def office_years(session: Session) -> list[int]:
    """Years the office has its own copy of, oldest first."""
    return sorted(set(session.scalars(select(CatalogueItemRow.year).distinct())))


def known_years(session: Session) -> list[int]:
    """Every year with a catalogue of its own (shipped or the office's), oldest first."""
    return sorted(set(available_years()) | set(office_years(session)))


def copy_year(session: Session, source: int, target: int, now: datetime) -> Catalogue:
    """Make `target` the office's own copy of `source`'s catalogue (replacing any copy)."""
    base = catalogue_for(session, source)
    session.execute(delete(CatalogueItemRow).where(CatalogueItemRow.year == target))
    for position, item in enumerate(base.items, start=1):
        session.add(_row(target, position, item, base.based_on, now))
    session.flush()
    return catalogue_for(session, target)


def drop_copy(session: Session, year: int) -> None:
    """Go back to the shipped catalogue for this year."""
    session.execute(delete(CatalogueItemRow).where(CatalogueItemRow.year == year))


def update_item(
    session: Session,
    year: int,
    code: str,
    *,
    new_code: str,
    title: str,
    kind: str,
    window: str,
    now: datetime,
) -> tuple[Item, Item]:
    """Edit one item of the office's copy; returns (before, after). CatalogueError on bad
    values (the message says which), and KeyError when the year has no copy or no such item."""
    row = session.scalars(
        select(CatalogueItemRow).where(CatalogueItemRow.year == year, CatalogueItemRow.code == code)
    ).first()
    if row is None:
        raise KeyError(code)
    before = Item(row.code, row.title, row.instrument, row.indicator, row.kind, row.window)
    canonical = normalize_code(new_code) or new_code.strip()
    after = validated_item(
        canonical, title.strip(), _instrument(canonical), row.indicator, kind, window
    )
    if after.code != before.code:
        taken = session.scalars(
            select(CatalogueItemRow.id).where(
                CatalogueItemRow.year == year, CatalogueItemRow.code == after.code
            )
        ).first()
        if taken is not None:
            raise CatalogueError(f"code {after.code} is already used in {year}")
    if not after.title:
        raise CatalogueError("title is empty")
    row.code, row.title, row.instrument = after.code, after.title, after.instrument
    row.kind, row.window, row.updated_at = after.kind, after.window, now
    session.flush()
    return before, replace(after, indicator=row.indicator)


def _instrument(code: str) -> str:
    return {"i": "IIT", "e": "EIT", "o": "OIT"}.get(code[:1], "")


def _row(year: int, position: int, item: Item, copied_from: int, now: datetime) -> CatalogueItemRow:
    return CatalogueItemRow(
        year=year,
        position=position,
        code=item.code,
        title=item.title,
        instrument=item.instrument,
        indicator=item.indicator,
        kind=item.kind,
        window=item.window,
        copied_from=copied_from,
        updated_at=now,
    )
