"""The o29 complaint statistics: the year's grouped counts, built by handlers/reports/o29."""

from __future__ import annotations

from bot.reports import ReportRequest, register
from bot.store_cases import complaint_counts
from handlers.reports import o29
from handlers.reports.model import Report


def build_o29(req: ReportRequest) -> Report:
    rows = complaint_counts(req.store.session, req.fiscal_year)
    return o29.build(rows, req.fiscal_year, req.office, req.thai_digits)


register("o29", "o29 สถิติเรื่องร้องเรียน (ทั่วไปและการทุจริต)", build_o29)
