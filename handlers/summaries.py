"""The figures admins and the yearly ITA reports need, computed from the store's counts."""

from __future__ import annotations

from typing import Any, Protocol


class CountingStore(Protocol):
    def count_by(self, column: str, fiscal_year: int) -> dict[str, int]: ...


def complaint_summary(store: CountingStore, fiscal_year: int) -> dict[str, Any]:
    by_status = store.count_by("status", fiscal_year)
    by_category = store.count_by("category", fiscal_year)
    return {
        "total": sum(by_status.values()),
        "by_status": dict(sorted(by_status.items())),
        "by_category": dict(sorted(by_category.items())),
        "corruption": by_category.get("corruption", 0),
    }


def summary(store: CountingStore, fiscal_year: int) -> dict[str, Any]:
    return {"fiscal_year": fiscal_year, "complaints": complaint_summary(store, fiscal_year)}
