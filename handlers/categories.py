"""The complaint categories (codes shared with ../shared/categories.csv)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from handlers.domain import Category

CATEGORIES_CSV = Path(__file__).parent / "data" / "categories.csv"


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


def by_code() -> dict[str, Category]:
    return {c.code: c for c in load_categories()}


def get(code: str) -> Category | None:
    return by_code().get(code)


def public_categories() -> list[Category]:
    """Categories open to a general complaint (restricted ones have their own channel)."""
    return [c for c in load_categories() if not c.restricted]


def match(text: str) -> Category | None:
    """The category a tapped quick reply or typed name refers to."""
    t = " ".join(text.split()).strip()
    for c in load_categories():
        if t in (c.code, c.name_th) or (len(t) >= 4 and c.name_th.startswith(t)):
            return c
    return None
