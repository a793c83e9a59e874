"""The gift register (handlers.gifts.ports.GiftStore) on SQLAlchemy.

It shares the main store's session: an entry (and its row in the mirror's outbox) commits
with whatever else the caller does.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from bot.db.gifts.tables import GiftReportRow
from bot.db.mirror import outbox
from handlers.gifts.domain import GIFT, NONE, GiftReport


def to_gift_report(row: GiftReportRow) -> GiftReport:
    return GiftReport(
        id=row.id,
        kind=row.kind,
        staff_id=row.staff_id,
        staff_name=row.staff_name,
        unit=row.unit,
        created_at=row.created_at,
        received_on=row.received_on,
        giver=row.giver,
        what=row.what,
        estimated_value=row.estimated_value,
        action=row.action,
        period_start=row.period_start,
        period_end=row.period_end,
        reviewed_at=row.reviewed_at,
        reviewed_by=row.reviewed_by,
        review_note=row.review_note,
    )


class SqlGiftStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_gift_report(self, report: GiftReport) -> GiftReport:
        row = GiftReportRow(
            kind=report.kind,
            staff_id=report.staff_id,
            staff_name=report.staff_name,
            unit=report.unit,
            received_on=report.received_on,
            giver=report.giver,
            what=report.what,
            estimated_value=report.estimated_value,
            action=report.action,
            period_start=report.period_start,
            period_end=report.period_end,
            created_at=report.created_at,
            reviewed_at=report.reviewed_at,
            reviewed_by=report.reviewed_by,
            review_note=report.review_note,
        )
        self.session.add(row)
        self.session.flush()
        outbox.add(self.session, "gift", str(row.id), report.created_at)
        return replace(report, id=row.id)

    def gift_report(self, report_id: int) -> GiftReport | None:
        row = self.session.get(GiftReportRow, report_id)
        return to_gift_report(row) if row else None

    def gift_reports_between(self, first: date, last: date) -> list[GiftReport]:
        t = GiftReportRow
        rows = self.session.scalars(
            select(t)
            .where(
                or_(
                    and_(t.kind == GIFT, t.received_on >= first, t.received_on <= last),
                    and_(t.kind == NONE, t.period_start >= first, t.period_start <= last),
                )
            )
            .order_by(t.received_on, t.period_start, t.id)
        )
        return [to_gift_report(r) for r in rows]

    def review_gift_report(
        self, report_id: int, at: datetime, by: str, note: str
    ) -> GiftReport | None:
        row = self.session.get(GiftReportRow, report_id)
        if row is None:
            return None
        row.reviewed_at, row.reviewed_by, row.review_note = at, by[:80], note
        self.session.flush()
        outbox.add(self.session, "gift", str(row.id), at)
        return to_gift_report(row)
