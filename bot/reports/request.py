"""What a report builder is given: the store, the fiscal year, the time of printing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.db.store import SqlStore
from handlers.reports.model import Report


@dataclass(frozen=True)
class ReportRequest:
    store: SqlStore
    fiscal_year: int
    now: datetime
    thai_digits: bool = False
    office: str = ""


Builder = Callable[[ReportRequest], Report]
