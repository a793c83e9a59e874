"""Small statistics over counts the database already grouped (never over raw rows)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any


def median_from_histogram(hist: Mapping[int, int]) -> float | None:
    """The median of values given as {value: how many}; the mean of the middle two when even."""
    n = sum(hist.values())
    if n == 0:
        return None
    lo_rank, hi_rank = (n - 1) // 2, n // 2  # zero-based ranks of the middle value(s)
    lo = hi = None
    seen = 0
    for value in sorted(hist):
        count = hist[value]
        if count <= 0:
            continue
        if lo is None and lo_rank < seen + count:
            lo = value
        if hi_rank < seen + count:
            hi = value
            break
        seen += count
    assert lo is not None and hi is not None
    return (lo + hi) / 2


@dataclass(frozen=True)
class Counts:
    """The fiscal year's complaints grouped by (status, category, yyyymm), as the store
    returns them; every figure of the summary and of o29 is a sum over these few rows."""

    rows: tuple[tuple[str, str, int, int], ...]

    def total(self, pred: Callable[[str, str, int], bool] = lambda *_: True) -> int:
        return sum(n for st, cat, m, n in self.rows if pred(st, cat, m))

    def by(
        self,
        key: Callable[[str, str, int], Hashable],
        pred: Callable[[str, str, int], bool] = lambda *_: True,
    ) -> dict[Any, int]:
        out: dict[Any, int] = {}
        for st, cat, m, n in self.rows:
            if pred(st, cat, m):
                k = key(st, cat, m)
                out[k] = out.get(k, 0) + n
        return out


def fiscal_months(fiscal_year_be: int) -> list[int]:
    """yyyymm (CE) of the twelve months of a BE fiscal year, October first."""
    year = fiscal_year_be - 543
    return [(year - 1) * 100 + m for m in (10, 11, 12)] + [year * 100 + m for m in range(1, 10)]


def month_key(yyyymm: int) -> str:
    return f"{yyyymm // 100:04d}-{yyyymm % 100:02d}"
