"""Satisfaction (o17 in ITA 2566) and citizen participation (o30 in 2566, O20 in 2568) from
the database, built by handlers/reports/o17.py and participation.py."""

from __future__ import annotations

from datetime import datetime

from bot.db.complaints import participation as complaint_suggestions
from bot.db.satisfaction import suggestions as rating_suggestions
from bot.reports.request import ReportRequest
from handlers.ita.windows import Window
from handlers.reports import o17, participation
from handlers.reports.model import Report
from handlers.satisfaction import stats


def _window_bounds(window: Window) -> tuple[datetime, datetime]:
    """[start, end) in UTC: the window's first Bangkok day to the end of its as-of day."""
    return stats.ReportPeriod("", window.start, window.as_of).utc_bounds()


def build_satisfaction(req: ReportRequest) -> Report:
    """The satisfaction survey report of the ratings dated in the window."""
    part = req.store.satisfaction
    services = part.services(include_inactive=True)
    ratings = part.ratings_in(*_window_bounds(req.window)) if req.window.started else []
    return o17.build(ratings, services, req.window, req.office, req.thai_digits)


def build_participation(req: ReportRequest) -> Report:
    """Citizens' suggestions in the window: counts by month and channel, never their text."""
    services = req.store.satisfaction.services(include_inactive=True)
    from_ratings: list[participation.RatingSuggestions] = []
    from_complaints: list[participation.ComplaintSuggestions] = []
    if req.window.started:
        start, end = _window_bounds(req.window)
        from_ratings = rating_suggestions.suggestion_counts(req.store.session, start, end)
        from_complaints = complaint_suggestions.suggestion_counts(
            req.store.session, participation.SUGGESTION_CATEGORY, start, end
        )
    return participation.build(
        from_ratings, from_complaints, services, req.window, req.office, req.thai_digits
    )


# The name bot/reports/__init__.py still uses, until kinds are dispatched by name.
