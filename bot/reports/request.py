"""What a report builder is given: the store, the year, the window, the time of printing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot.db.store import SqlStore
from handlers.clock import local_date
from handlers.ita.catalogue import Item
from handlers.ita.windows import Window, window_for
from handlers.reports.model import Report


@dataclass(frozen=True)
class ReportRequest:
    store: SqlStore
    fiscal_year: int  # the ITA year asked for (BE); the window says which dates it covers
    now: datetime
    thai_digits: bool = False
    office: str = ""
    # The catalogue item the evidence is published under, if any (its code labels the report).
    item: Item | None = None
    # The dates the evidence covers; default: the fiscal year up to the day of printing.
    window: Window = field(default=None)  # type: ignore[assignment]
    address: str = ""
    # The plan a plan_progress/plan_results report is about when asked for by kind (the
    # catalogue item says it otherwise): "integrity", "operating", "anti_corruption".
    plan: str = ""

    def __post_init__(self) -> None:
        if self.window is None:
            default = window_for("current_fy_to_date", self.fiscal_year, local_date(self.now))
            object.__setattr__(self, "window", default)

    @property
    def code(self) -> str:
        return self.item.code if self.item else ""


Builder = Callable[[ReportRequest], Report]
