"""From the gift register: the No Gift Policy report (kind gift_report, built by
handlers/reports/gift_report.py) and the office's No Gift announcement (kind no_gift_policy,
handlers/reports/no_gift_policy.py)."""

from __future__ import annotations

from dataclasses import replace

from bot.reports.request import ReportRequest
from bot.settings import office_settings
from handlers.reports import gift_report, no_gift_policy
from handlers.reports.model import Report


def build_gift_report(req: ReportRequest) -> Report:
    w = req.window
    entries = req.store.gifts.gift_reports_between(w.start, w.as_of) if w.started else []
    return gift_report.build(entries, w, req.thai_digits)


def build_no_gift_policy(req: ReportRequest) -> Report:
    """The office's announcement, signed as its settings say, with the register's counts."""
    w = req.window
    settings = office_settings()
    office = replace(settings, office_name=req.office or settings.office_name)
    entries = req.store.gifts.gift_reports_between(w.start, w.as_of) if w.started else []
    # A catalogue item's title takes the title's place (evidence.stamp): the subject then
    # goes on the announcement's own line under it.
    return no_gift_policy.build(
        entries, w, office, one_line_title=req.item is not None, thai_digits=req.thai_digits
    )
