"""The register of asset loans (kind asset_register), built by
handlers/reports/asset_register.py."""

from __future__ import annotations

from bot.reports.request import ReportRequest
from handlers.reports import asset_register
from handlers.reports.model import Report


def build_asset_register(req: ReportRequest) -> Report:
    w = req.window
    loans = req.store.assets.loans_overlapping(w.start, w.as_of) if w.started else []
    return asset_register.build(loans, w, req.thai_digits)
