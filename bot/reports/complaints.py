"""The complaint statistics of the ITA evidence, two separate reports built by
handlers/reports/complaint_stats: general complaints (kind ``complaints``) and corruption
and misconduct reports (kind ``corruption_complaints``: o29 in ITA 2566, O19 in 2568).

Each counts the cases received within the request's window, with the statuses they had at
the end of its as-of day: a report printed after the window ended shows the figures of that
day, however long after it is printed, and a case closed later counts as still open.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from bot.db.complaints.queries import complaint_facts_as_of
from bot.reports.request import ReportRequest
from handlers.clock import BANGKOK, local_date
from handlers.reports import complaint_stats
from handlers.reports.complaint_stats import CORRUPTION, GENERAL, CaseFacts, Kind
from handlers.reports.model import Report


def _start_of(day: date) -> datetime:
    """The instant the Bangkok day begins."""
    return datetime.combine(day, time(0), tzinfo=BANGKOK)


def _build(req: ReportRequest, kind: Kind) -> Report:
    w = req.window
    facts: list[CaseFacts] = []
    if w.started:
        rows = complaint_facts_as_of(
            req.store.session,
            _start_of(w.start),
            _start_of(w.as_of + timedelta(days=1)),  # the end of the as-of day
            sealed=kind == CORRUPTION,
        )
        facts = [
            CaseFacts(
                received=local_date(filed),
                closed=local_date(closed) if closed else None,
                status=status,
                category=category,
                channel=channel,
            )
            for filed, closed, status, category, channel in rows
        ]
    return complaint_stats.build(facts, w.start, w.as_of, kind, req.thai_digits)


def build_complaints(req: ReportRequest) -> Report:
    """General complaints: every category that is not sealed."""
    return _build(req, GENERAL)


def build_corruption_complaints(req: ReportRequest) -> Report:
    """Corruption and misconduct reports (the sealed categories): counts only."""
    return _build(req, CORRUPTION)


# The name bot/reports/__init__.py dispatches o29 to until kinds are wired by the catalogue.
