"""The figures admins and the yearly ITA reports need, computed from the store's counts."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from handlers.clock import utcnow
from handlers.complaints.due import overdue_before
from handlers.complaints.policy import restricted_codes
from handlers.complaints.stats import Counts, fiscal_months, median_from_histogram, month_key
from handlers.shared import is_test_channel


class ComplaintStatsStore(Protocol):
    """Grouped counts the database computes (GROUP BY over indexes, never rows in Python)."""

    def complaint_counts(self, fiscal_year: int) -> list[tuple[str, str, int, int]]: ...
    def count_overdue(self, fiscal_year: int, before: datetime) -> int: ...
    def resolve_days_histogram(self, fiscal_year: int) -> dict[int, int]: ...

    # Also read when present: complaint_channel_counts(fiscal_year) -> {channel: n}.


def complaint_summary(
    store: ComplaintStatsStore, fiscal_year: int, now: datetime | None = None
) -> dict[str, Any]:
    """Totals, by status, category and Bangkok month, corruption (a count only: sealed),
    open cases past the 15-day due date, and the median days from filing to resolution."""
    now = now or utcnow()
    counts = Counts(tuple(store.complaint_counts(fiscal_year)))
    by_status = counts.by(lambda st, cat, m: st)
    by_category = counts.by(lambda st, cat, m: cat)
    by_month = counts.by(lambda st, cat, m: m)
    sealed = set(restricted_codes())
    median = median_from_histogram(store.resolve_days_histogram(fiscal_year))
    # A narrow query of its own: complaint_counts' rows are unpacked by shape elsewhere.
    per_channel = getattr(store, "complaint_channel_counts", None)
    by_channel = _citizens_doors(per_channel(fiscal_year) if per_channel is not None else {})
    return {
        "total": counts.total(),
        # Only what occurred, sorted (as the first version answered); views add the zeros.
        "by_status": dict(sorted(by_status.items())),
        "by_category": dict(sorted(by_category.items())),
        "corruption": counts.total(lambda st, cat, m: cat in sealed),
        "overdue": store.count_overdue(fiscal_year, overdue_before(now)),
        "median_days_to_resolve": median,
        "by_month": {month_key(m): by_month.get(m, 0) for m in fiscal_months(fiscal_year)},
        # Counter, phone, letter ... beside LINE and the web; only the channels used, sorted.
        "by_channel": dict(sorted(by_channel.items())),
    }


def summary(store: Any, fiscal_year: int, now: datetime | None = None) -> dict[str, Any]:
    return {
        "fiscal_year": fiscal_year,
        "complaints": complaint_summary(store, fiscal_year, now),
        "measures": measure_summary(store, fiscal_year, now),
        "satisfaction": satisfaction_summary(store, fiscal_year),
        "service_stats": service_stats_summary(store, fiscal_year),
        "gifts": gift_summary(store, fiscal_year),
        "assets": asset_summary(store, fiscal_year, now),
    }


def measure_summary(store: Any, fiscal_year: int, now: datetime | None = None) -> dict[str, Any]:
    """How the year's integrity measures stand: total, completed, average percent, overdue."""
    from handlers.clock import local_date
    from handlers.measures.usecases import measures_summary

    part = getattr(store, "measures", None)
    if part is None:  # a store without the measure register (the core's in-memory fakes)
        return {"total": 0, "completed": 0, "average_percent": 0.0, "overdue": 0}
    return measures_summary(part, fiscal_year, local_date(now or utcnow()))


def satisfaction_summary(store: Any, fiscal_year: int) -> dict[str, Any]:
    """Service ratings of the year: responses, pooled mean, percent satisfied, per service."""
    from handlers.satisfaction import stats

    part = getattr(store, "satisfaction", None)
    if part is None:  # a store without ratings (the core's in-memory fakes)
        return {
            "responses": 0,
            "mean": None,
            "percent_satisfied": None,
            "by_service": {},
            "by_channel": {},
        }
    if hasattr(part, "summary_counts"):  # the database keeps counters: constant time
        data = stats.summary_from_counts(
            part.summary_counts(fiscal_year), part.services(), fiscal_year
        )
        # The counters do not keep the channel: one grouped query over the year's ratings.
        return {**data, "by_channel": _citizens_doors(part.channel_counts(fiscal_year))}
    start, end = stats.ReportPeriod.fiscal_year(fiscal_year).utc_bounds()
    ratings = part.ratings_in(start, end)
    data = stats.summary(ratings, part.services(), fiscal_year)
    return {**data, "by_channel": _citizens_doors(stats.by_channel(ratings))}


def _citizens_doors(counts: dict[str, int]) -> dict[str, int]:
    """Channel counts without the developers' terminal chat: its entries are tests, not a
    door citizens use (they stay in the totals, as they stay in the queue until deleted)."""
    return {ch: n for ch, n in counts.items() if not is_test_channel(ch)}


def service_stats_summary(store: Any, fiscal_year: int) -> dict[str, Any]:
    """People served in the year, per service and per month (October … September, 0 where
    nothing was recorded), from the monthly counts staff enter."""
    from handlers.reports import service_stats

    months = service_stats.fiscal_months(fiscal_year)
    part = getattr(store, "service_counts", None)
    # A store without service counts (the core's in-memory fakes) has recorded nothing.
    counts = part.counts_between(months[0], months[-1]) if part is not None else []
    return service_stats.figures(counts, months)


def gift_summary(store: Any, fiscal_year: int) -> dict[str, Any]:
    """The gift register of the year: gifts reported, declarations of none, their total value
    (gifts received, and months declared, from 1 October to 30 September)."""
    from handlers.gifts.ports import GiftStore
    from handlers.gifts.usecases import figures
    from handlers.thai.dates import fiscal_year_bounds

    part: GiftStore | None = getattr(store, "gifts", None)
    if part is None:  # a store without the gift register (the core's in-memory fakes)
        return figures([])
    return figures(part.gift_reports_between(*fiscal_year_bounds(fiscal_year)))


def asset_summary(store: Any, fiscal_year: int, now: datetime | None = None) -> dict[str, int]:
    """Asset loans: approved loans starting in the fiscal year, and (as of today, Bangkok)
    the assets out with a borrower and those past their due date."""
    from handlers.assets.ports import AssetStore
    from handlers.assets.usecases import figures
    from handlers.clock import local_date
    from handlers.thai.dates import fiscal_year_bounds

    first, last = fiscal_year_bounds(fiscal_year)
    today = local_date(now or utcnow())
    part: AssetStore | None = getattr(store, "assets", None)
    if part is None:  # a store without the asset register (the core's in-memory fakes)
        return figures([], first, last, today)
    return figures(part.loans_overlapping(first, last) + part.open_loans(), first, last, today)
