"""Service statistics (kind service_stats) from the monthly counts staff enter, built by
handlers/reports/service_stats.py."""

from __future__ import annotations

from bot.reports.request import ReportRequest
from handlers.reports import service_stats
from handlers.reports.model import Report


def build_service_stats(req: ReportRequest) -> Report:
    months = service_stats.window_months(req.window)
    counts = req.store.service_counts.counts_between(months[0], months[-1]) if months else []
    services = req.store.satisfaction.services(include_inactive=True)
    return service_stats.build(counts, services, req.window, req.thai_digits)
