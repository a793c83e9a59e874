"""An in-memory GiftStore, and a FakeStore that hands it out like SqlStore.gifts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from handlers.gifts.domain import GiftReport
from tests.fakes.fake_store import FakeStore


class FakeGiftStore:
    def __init__(self) -> None:
        self.rows: list[GiftReport] = []

    def add_gift_report(self, report: GiftReport) -> GiftReport:
        stored = replace(report, id=len(self.rows) + 1)
        self.rows.append(stored)
        return stored

    def gift_report(self, report_id: int) -> GiftReport | None:
        return next((r for r in self.rows if r.id == report_id), None)

    def gift_reports_between(self, first: date, last: date) -> list[GiftReport]:
        def day(r: GiftReport) -> date | None:
            return r.received_on if r.is_gift else r.period_start

        found = [r for r in self.rows if (d := day(r)) is not None and first <= d <= last]
        return sorted(found, key=lambda r: (day(r) or first, r.id or 0))

    def review_gift_report(
        self, report_id: int, at: datetime, by: str, note: str
    ) -> GiftReport | None:
        for i, r in enumerate(self.rows):
            if r.id == report_id:
                self.rows[i] = replace(r, reviewed_at=at, reviewed_by=by, review_note=note)
                return self.rows[i]
        return None


class StoreWithGifts(FakeStore):
    def __init__(self) -> None:
        super().__init__()
        self._gifts = FakeGiftStore()

    @property
    def gifts(self) -> FakeGiftStore:
        return self._gifts
