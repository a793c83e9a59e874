"""o16 and o17 from the database, built by handlers/reports/o16.py and o17.py."""

from __future__ import annotations

from bot.reports.request import ReportRequest
from handlers.complaints.policy import restricted_codes
from handlers.reports import o16, o17
from handlers.reports.model import Report
from handlers.satisfaction import stats
from handlers.satisfaction.model import Rating
from handlers.satisfaction.services import Service


def _data(req: ReportRequest) -> tuple[list[Rating], list[Service]]:
    part = req.store.satisfaction
    start, end = stats.ReportPeriod.fiscal_year(req.fiscal_year).utc_bounds()
    return part.ratings_in(start, end), part.services(include_inactive=True)


def build_o17(req: ReportRequest) -> Report:
    ratings, services = _data(req)
    return o17.build(ratings, services, req.fiscal_year, req.office, req.thai_digits)


def build_o16(req: ReportRequest) -> Report:
    ratings, services = _data(req)
    return o16.build(
        ratings,
        services,
        req.fiscal_year,
        complaints_by_month(req),
        req.office,
        req.thai_digits,
    )


def complaints_by_month(req: ReportRequest) -> list[tuple[int, int]]:
    """(general, corruption) received per month, October … September: grouped counts only."""
    months = [y * 100 + m for y, m, _ in stats.fiscal_months(req.fiscal_year)]
    sealed = set(restricted_codes())
    out = [[0, 0] for _ in months]
    for _status, category, yyyymm, n in req.store.complaint_counts(req.fiscal_year):
        if yyyymm in months:
            out[months.index(yyyymm)][1 if category in sealed else 0] += n
    return [(g, c) for g, c in out]
