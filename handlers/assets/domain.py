"""An asset of the office and a loan of it to a staff member, with the rules that judge a
loan on a given (Bangkok) day: out, overdue, and which dates it keeps the asset busy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from handlers.clock import local_date

REQUESTED = "requested"
APPROVED = "approved"
REJECTED = "rejected"
RETURNED = "returned"
STATUSES = (REQUESTED, APPROVED, REJECTED, RETURNED)
STATUS_TH = {
    REQUESTED: "รออนุมัติ",
    APPROVED: "อนุมัติแล้ว",
    REJECTED: "ไม่อนุมัติ",
    RETURNED: "คืนแล้ว",
}


@dataclass(frozen=True)
class Asset:
    name: str
    unit: str  # the unit that keeps the asset and approves its loans
    code: str = ""  # the office's asset number (เลขครุภัณฑ์), if it has one
    active: bool = True
    id: int | None = None

    @property
    def label(self) -> str:
        """ "โน้ตบุ๊ก (สำนักปลัด) เลขที่ 416-61-0001"."""
        number = f" เลขที่ {self.code}" if self.code else ""
        return f"{self.name} ({self.unit}){number}"


@dataclass(frozen=True)
class Loan:
    asset_id: int
    borrower_id: int | None  # the borrower's office account
    borrower_name: str
    unit: str  # the borrower's unit
    start_on: date
    due_on: date
    purpose: str
    created_at: datetime
    status: str = REQUESTED
    # Who approved or refused the request, and when.
    approver: str = ""
    approved_at: datetime | None = None
    returned_at: datetime | None = None
    returned_by: str = ""
    return_note: str = ""
    id: int | None = None
    # Filled when read with its asset, for lists and reports.
    asset_name: str = ""
    asset_unit: str = ""
    asset_code: str = ""

    @property
    def asset_label(self) -> str:
        number = f" เลขที่ {self.asset_code}" if self.asset_code else ""
        return f"{self.asset_name}{number}"

    @property
    def status_th(self) -> str:
        return STATUS_TH.get(self.status, self.status)

    @property
    def returned_on(self) -> date | None:
        return local_date(self.returned_at) if self.returned_at else None

    def outstanding(self, today: date) -> bool:
        """Approved and not back as of `today` (a return recorded later does not count)."""
        if self.status == APPROVED:
            return True
        return self.status == RETURNED and self.returned_on is not None and self.returned_on > today

    def out(self, today: date) -> bool:
        """The asset is with the borrower on `today`."""
        return self.outstanding(today) and self.start_on <= today

    def overdue(self, today: date) -> bool:
        """Approved, not returned, and its due date has passed as of `today`."""
        return self.outstanding(today) and self.due_on < today

    def returned_late(self) -> bool:
        return self.returned_on is not None and self.returned_on > self.due_on

    def busy_until(self, today: date) -> date | None:
        """The last day this loan keeps its asset from being lent again; None when it keeps
        nothing (a request, a refusal, a return). An overdue asset is busy until it is back."""
        if self.status != APPROVED:
            return None
        return date.max if self.overdue(today) else self.due_on

    def clashes(self, start: date, due: date, today: date) -> bool:
        """Whether lending the same asset from `start` to `due` would overlap this loan."""
        until = self.busy_until(today)
        return until is not None and start <= until and due >= self.start_on
