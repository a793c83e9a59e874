"""Complaints on SQLAlchemy: the core's `ComplaintStore`. Domain objects in, domain objects out."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from bot.db.base import upsert
from bot.db.complaints import queries
from bot.db.complaints.mapping import to_complaint
from bot.db.complaints.tables import CaseCounter, ComplaintRow, HistoryRow
from handlers.complaints.domain import Complaint, Location, StatusChange


class SqlComplaintStore:
    session: Session

    # --- complaints ----------------------------------------------------------------------

    def next_case_seq(self, fiscal_year: int) -> int:
        s = self.session
        upsert(s, CaseCounter, {"fiscal_year": fiscal_year, "last_seq": 0}, ["fiscal_year"])
        # The UPDATE takes the row (or, on SQLite, the database) write lock, so two
        # transactions can never read the same sequence number.
        return s.execute(
            update(CaseCounter)
            .where(CaseCounter.fiscal_year == fiscal_year)
            .values(last_seq=CaseCounter.last_seq + 1)
            .returning(CaseCounter.last_seq)
        ).scalar_one()

    def add_complaint(self, c: Complaint) -> None:
        loc = c.location or Location()
        row = ComplaintRow(
            case_number=c.case_number,
            fiscal_year=c.fiscal_year,
            category=c.category,
            details=c.details,
            channel=c.channel.value,
            status=c.status.value,
            unit=c.unit,
            photos=list(c.photos),
            latitude=loc.latitude,
            longitude=loc.longitude,
            address=loc.address,
            line_user_id=c.line_user_id,
            contact_name=c.contact_name,
            phone=c.phone,
            anonymous=c.anonymous,
            secret_hash=c.secret_hash,
            created_at=c.created_at,
            updated_at=c.updated_at or c.created_at,
        )
        self.session.add(row)
        self.session.flush()

    def get_complaint(self, case_number: str) -> Complaint | None:
        row = self.session.scalars(
            select(ComplaintRow)
            .where(ComplaintRow.case_number == case_number)
            .options(selectinload(ComplaintRow.history))
        ).first()
        return to_complaint(row) if row else None

    def save_status_change(self, c: Complaint, change: StatusChange) -> None:
        row = self.session.scalars(
            select(ComplaintRow).where(ComplaintRow.case_number == c.case_number)
        ).one()
        row.status = c.status.value
        row.updated_at = change.at
        row.unit = c.unit
        self.session.add(
            HistoryRow(
                complaint_id=row.id,
                status=change.status.value,
                note=change.note,
                actor=change.actor,
                at=change.at,
            )
        )
        self.session.flush()

    def complaints_of_user(self, line_user_id: str, limit: int = 10) -> list[Complaint]:
        rows = self.session.scalars(
            select(ComplaintRow)
            .where(ComplaintRow.line_user_id == line_user_id)
            .order_by(ComplaintRow.id.desc())
            .limit(limit)
            .options(selectinload(ComplaintRow.history))
        )
        return [to_complaint(r) for r in rows]

    # --- handling and statistics (SQL in queries.py) ---

    def assign_unit(self, case_number: str, unit: str, note: str, actor: str, at: datetime) -> None:
        queries.assign_unit(self.session, case_number, unit, note, actor, at)

    def complaint_counts(self, fiscal_year: int) -> list[tuple[str, str, int, int]]:
        return queries.complaint_counts(self.session, fiscal_year)

    def complaint_channel_counts(self, fiscal_year: int) -> dict[str, int]:
        return queries.channel_counts(self.session, fiscal_year)

    def count_overdue(self, fiscal_year: int, before: datetime) -> int:
        return queries.count_overdue(self.session, fiscal_year, before)

    def resolve_days_histogram(self, fiscal_year: int) -> dict[int, int]:
        return queries.resolve_days_histogram(self.session, fiscal_year)
