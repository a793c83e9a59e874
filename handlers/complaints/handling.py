"""Office-side use cases on a complaint: assign a unit, change the status with a note.

Like every use case they join the caller's transaction and never commit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from handlers.complaints.domain import Complaint
from handlers.complaints.policy import Viewer, may_assign, may_change_status, may_list
from handlers.complaints.usecases import set_status
from handlers.ports import Store
from handlers.shared import DomainError


class NotAllowed(DomainError):
    """The viewer's role does not allow this; the message is Thai."""


class CaseStore(Store, Protocol):
    def assign_unit(
        self, case_number: str, unit: str, note: str, actor: str, at: datetime
    ) -> None: ...


def get_for(store: Store, viewer: Viewer, case_number: str) -> Complaint:
    complaint = store.get_complaint(case_number.strip().upper())
    if complaint is None or not may_list(viewer, complaint):
        # Same answer for "missing" and "not yours": a number reveals nothing.
        raise DomainError(f"ไม่พบเรื่องเลขที่ {case_number}")
    return complaint


def assign_unit(
    store: CaseStore, viewer: Viewer, case_number: str, unit: str, units: list[str], now: datetime
) -> Complaint:
    complaint = get_for(store, viewer, case_number)
    if not may_assign(viewer, complaint):
        raise NotAllowed("บัญชีนี้มอบหมายเรื่องนี้ไม่ได้")
    unit = unit.strip()
    if unit not in units:
        raise DomainError(f"ไม่รู้จักหน่วยงาน “{unit}”")
    if unit == complaint.unit:
        raise DomainError(f"เรื่องนี้อยู่ที่ {unit} อยู่แล้ว")
    store.assign_unit(
        complaint.case_number, unit, f"มอบหมายให้ {unit} รับผิดชอบ", viewer.username, now
    )
    store.add_outbox("complaint", complaint.case_number, now)
    complaint.unit = unit
    return complaint


def change_status(
    store: Store, viewer: Viewer, case_number: str, status: str, note: str, now: datetime
) -> Complaint:
    """The status change every channel uses; the citizen gets a notice when reachable."""
    complaint = get_for(store, viewer, case_number)
    if not may_change_status(viewer, complaint):
        raise NotAllowed("บัญชีนี้เปลี่ยนสถานะเรื่องนี้ไม่ได้")
    if len(note.strip()) > 1000:
        raise DomainError("หมายเหตุยาวเกิน 1000 ตัวอักษร")
    return set_status(store, complaint.case_number, status, note, now, viewer.username)
