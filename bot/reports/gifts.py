"""The No Gift Policy report (kind gift_report) from the gift register, built by
handlers/reports/gift_report.py."""

from __future__ import annotations

from bot.reports.request import ReportRequest
from handlers.reports import gift_report
from handlers.reports.model import Report


def build_gift_report(req: ReportRequest) -> Report:
    w = req.window
    entries = req.store.gifts.gift_reports_between(w.start, w.as_of) if w.started else []
    return gift_report.build(entries, w, req.thai_digits)
