"""Complaint rows to the core's complaints."""

from __future__ import annotations

from bot.db.complaints.tables import ComplaintRow
from handlers.complaints.domain import Complaint, Location, Status, StatusChange
from handlers.shared import Channel


def to_complaint(row: ComplaintRow, with_history: bool = True) -> Complaint:
    has_loc = row.latitude is not None or row.address
    return Complaint(
        case_number=row.case_number,
        fiscal_year=row.fiscal_year,
        category=row.category,
        details=row.details,
        channel=Channel(row.channel),
        created_at=row.created_at,
        updated_at=row.updated_at,
        status=Status(row.status),
        unit=row.unit,
        photos=list(row.photos or []),
        location=Location(row.latitude, row.longitude, row.address) if has_loc else None,
        line_user_id=row.line_user_id,
        contact_name=row.contact_name,
        phone=row.phone,
        anonymous=row.anonymous,
        secret_hash=row.secret_hash,
        history=[StatusChange(Status(h.status), h.note, h.at, h.actor) for h in row.history]
        if with_history
        else [],
    )
