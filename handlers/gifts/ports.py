"""What the gift register needs from the database."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from handlers.gifts.domain import GiftReport


class GiftStore(Protocol):
    def add_gift_report(self, report: GiftReport) -> GiftReport:
        """Store a new entry; the entry with its id."""
        ...

    def gift_report(self, report_id: int) -> GiftReport | None: ...

    def gift_reports_between(self, first: date, last: date) -> list[GiftReport]:
        """Gifts received from `first` to `last` inclusive, and declarations of none whose
        period starts in that span; oldest first."""
        ...

    def review_gift_report(
        self, report_id: int, at: datetime, by: str, note: str
    ) -> GiftReport | None:
        """Mark an entry reviewed; None when there is no such entry."""
        ...


class HasGifts(Protocol):
    @property
    def gifts(self) -> GiftStore: ...
