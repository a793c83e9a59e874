"""Complaints in the sheet: column A is the case number; admins may edit the status, under
the same rules as on the admin pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.accounts.audit import record as record_audit
from bot.db.complaints.mapping import to_complaint
from bot.db.complaints.tables import ComplaintRow
from bot.db.store import SqlStore
from bot.mirror.kind import MirroredKind
from bot.mirror.kind import chunks as _chunks
from handlers.complaints.domain import Complaint
from handlers.complaints.handling import NotAllowed, change_status
from handlers.complaints.policy import Viewer, is_sealed
from handlers.shared import DomainError


def load_complaints(session: Session, ids: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for chunk in _chunks(list(ids)):
        rows = session.scalars(select(ComplaintRow).where(ComplaintRow.case_number.in_(chunk)))
        out.update({r.case_number: to_complaint(r, with_history=False) for r in rows})
    return out


def photo_links(c: Complaint, base_url: str) -> Complaint:
    """Each photo as the address of its case-page photo (login required, sealed cases to the
    integrity officer only): a sheet reader opens it in the browser, never a server path."""
    return replace(
        c,
        photos=[f"{base_url}/admin/cases/{c.case_number}/photo/{i}" for i in range(len(c.photos))],
    )


def edit_complaint_status(store: SqlStore, case: str, value: str, at: datetime, actor: str) -> None:
    """The admin's case-page rule for the same change: whoever edits the sheet acts as an
    admin, who may not touch a sealed case; every change applied is in the audit log."""
    try:
        changed = change_status(store, Viewer(role="admin", username=actor), case, value, "", at)
    except NotAllowed:
        complaint = store.get_complaint(case)
        if complaint is not None and is_sealed(complaint.category):
            raise DomainError(
                "เรื่องปิดผนึก (แจ้งเบาะแสการทุจริต) เปลี่ยนสถานะจากตารางไม่ได้ "
                "ผู้รับผิดชอบเรื่องทุจริตเปลี่ยนได้ในระบบเท่านั้น"
            ) from None
        raise
    record_audit(store.session, actor, "complaint.status", case, changed.status.value, at)


KIND = MirroredKind(
    "complaint",
    load=load_complaints,
    rebuild=(ComplaintRow.case_number, ComplaintRow.id),
    editors={"status": edit_complaint_status},
    links=photo_links,
)
