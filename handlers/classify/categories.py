"""Complaint categories, read from ``handlers/data/categories.csv`` at run time.

The CSV is the shared contract (DESIGN.md section 4), so codes and the Traffy label
mapping are never hard-coded here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CATEGORIES_CSV = Path(__file__).resolve().parent.parent / "data" / "categories.csv"


@dataclass(frozen=True)
class Category:
    code: str
    name_th: str
    name_en: str
    default_unit: str
    traffy_labels: tuple[str, ...]
    restricted: bool


@lru_cache(maxsize=4)
def load_categories(path: Path = CATEGORIES_CSV) -> tuple[Category, ...]:
    with open(path, encoding="utf-8", newline="") as fh:
        return tuple(
            Category(
                code=row["code"].strip(),
                name_th=row["name_th"].strip(),
                name_en=row["name_en"].strip(),
                default_unit=row["default_unit"].strip(),
                traffy_labels=tuple(
                    x.strip() for x in row["traffy_labels"].split("|") if x.strip()
                ),
                restricted=row["restricted"].strip().lower() in {"yes", "true", "1"},
            )
            for row in csv.DictReader(fh)
        )


def category_codes() -> list[str]:
    return [c.code for c in load_categories()]


@lru_cache(maxsize=1)
def traffy_label_map() -> dict[str, str]:
    """Traffy label -> our category code."""
    return {label: c.code for c in load_categories() for label in c.traffy_labels}


def codes_for_traffy_type(type_field: str) -> list[str]:
    """Map a Traffy ``type`` value such as ``{น้ำท่วม,ถนน}`` to category codes.

    Keeps the source order (first label first) and drops duplicates and unknown labels.
    """
    mapping = traffy_label_map()
    out: list[str] = []
    for label in type_field.strip().strip("{}").split(","):
        code = mapping.get(label.strip().strip('"'))
        if code and code not in out:
            out.append(code)
    return out
