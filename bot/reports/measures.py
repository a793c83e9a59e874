"""Builders of the measure reports: o12 (6 months), o13 (annual), o43 (what was done)."""

from __future__ import annotations

from bot.reports import ReportRequest, register
from handlers.reports import o12, o43
from handlers.reports.model import Report


def _data(req: ReportRequest) -> tuple[list, dict]:  # type: ignore[type-arg]
    part = req.store.measures
    return part.measures_of_year(req.fiscal_year), part.progress_of_year(req.fiscal_year)


def build_o43(req: ReportRequest) -> Report:
    measures, progress = _data(req)
    return o43.build(measures, progress, req.fiscal_year, req.office, req.thai_digits)


def build_o12(req: ReportRequest) -> Report:
    measures, progress = _data(req)
    return o12.build(measures, progress, req.fiscal_year, req.office, req.thai_digits)


def build_o13(req: ReportRequest) -> Report:
    measures, progress = _data(req)
    return o12.build(measures, progress, req.fiscal_year, req.office, req.thai_digits, annual=True)


register("o12", "o12 รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน", build_o12)
register("o13", "o13 รายงานผลการดำเนินงานประจำปี", build_o13)
register("o43", "o43 รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส", build_o43)
