"""The complaint categories (codes shared with ../shared/categories.csv)."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from functools import cache
from pathlib import Path

from handlers.complaints.domain import Category

CATEGORIES_CSV = Path(__file__).parents[1] / "data" / "categories.csv"


@cache
def load_categories(path: Path = CATEGORIES_CSV) -> tuple[Category, ...]:
    with path.open(encoding="utf-8", newline="") as f:
        return tuple(
            Category(
                code=row["code"],
                name_th=row["name_th"],
                name_en=row["name_en"],
                default_unit=row["default_unit"],
                traffy_labels=tuple(x for x in row["traffy_labels"].split("|") if x),
                restricted=row["restricted"].strip().lower() == "yes",
            )
            for row in csv.DictReader(f)
        )


# An office's own names and default units for the codes above (edited on an admin page and
# kept in the database; the adapter sets them). The codes themselves never change.
# One office per process: process-wide. Several offices in one process: each request or
# batch of LINE events works inside its own office's overrides (a context variable, so
# threads serving different offices never see each other's).
Overrides = Mapping[str, tuple[str, str]]
_OVERRIDES: dict[str, tuple[str, str]] = {}
_OFFICE: ContextVar[Overrides | None] = ContextVar("category_overrides", default=None)


def set_overrides(overrides: Overrides) -> None:
    """{code: (name_th, default_unit)}; an empty value keeps the CSV's."""
    _OVERRIDES.clear()
    _OVERRIDES.update(overrides)


@contextmanager
def office_overrides(overrides: Overrides) -> Iterator[None]:
    """Within this block (this thread or task only), these overrides apply."""
    token = _OFFICE.set(dict(overrides))
    try:
        yield
    finally:
        _OFFICE.reset(token)


def _effective(c: Category) -> Category:
    current = _OFFICE.get()
    name, unit = (_OVERRIDES if current is None else current).get(c.code, ("", ""))
    if not name and not unit:
        return c
    return replace(c, name_th=name or c.name_th, default_unit=unit or c.default_unit)


def by_code() -> dict[str, Category]:
    return {c.code: _effective(c) for c in load_categories()}


def get(code: str) -> Category | None:
    return by_code().get(code)


def match(text: str) -> Category | None:
    """The category a tapped quick reply or typed name refers to."""
    t = " ".join(text.split()).strip()
    for c in load_categories():
        if t in (c.code, c.name_th) or (len(t) >= 4 and c.name_th.startswith(t)):
            return c
    return None
