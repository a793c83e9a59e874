"""One entry of the gift register: a gift or benefit a staff member received, or their
declaration that they received none in a period (a month)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

GIFT = "gift"
NONE = "none"
KINDS = (GIFT, NONE)


@dataclass(frozen=True)
class GiftReport:
    kind: str  # GIFT | NONE
    staff_id: int | None
    staff_name: str
    unit: str
    created_at: datetime
    # A gift: when, from whom, what, roughly how much, and what was done with it.
    received_on: date | None = None
    giver: str = ""
    what: str = ""
    estimated_value: Decimal | None = None
    action: str = ""
    # A declaration of none: the period it covers (a calendar month).
    period_start: date | None = None
    period_end: date | None = None
    # The integrity officer's review.
    reviewed_at: datetime | None = None
    reviewed_by: str = ""
    review_note: str = ""
    id: int | None = None

    @property
    def is_gift(self) -> bool:
        return self.kind == GIFT

    @property
    def reviewed(self) -> bool:
        return self.reviewed_at is not None
