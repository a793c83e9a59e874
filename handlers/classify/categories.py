"""The classifier's view of the complaint categories (handlers.complaints.categories, from
the shared categories.csv): its codes, and the Traffy Fondue labels each covers."""

from __future__ import annotations

from functools import lru_cache

from handlers.complaints.categories import load_categories


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
