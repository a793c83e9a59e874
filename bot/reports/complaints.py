"""The o29 complaint statistics: the year's grouped counts, built by handlers/reports/o29.

A report made after a period ended shows the statuses cases had at its end (31 March for
the six-month round, 30 September for the year), so the published figures do not change
with the day the report is printed; during a period, today's statuses are the ones there are.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from bot.db.complaints.queries import complaint_counts, complaint_counts_as_of
from bot.reports.request import ReportRequest
from handlers.clock import BANGKOK
from handlers.reports import o29
from handlers.reports.model import Report
from handlers.thai.dates import first_half_bounds, fiscal_year_bounds


def _end_of(day: date) -> datetime:
    """The instant the Bangkok day ends (midnight after it)."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=BANGKOK)


def build_o29(req: ReportRequest) -> Report:
    s, fy = req.store.session, req.fiscal_year
    current = complaint_counts(s, fy)
    half_end = _end_of(first_half_bounds(fy)[1])
    year_end = _end_of(fiscal_year_bounds(fy)[1])
    half = complaint_counts_as_of(s, fy, half_end) if req.now >= half_end else None
    year = complaint_counts_as_of(s, fy, year_end) if req.now >= year_end else current
    return o29.build(
        year,
        fy,
        req.office,
        req.thai_digits,
        half_rows=half,
        year_final=req.now >= year_end,
    )
