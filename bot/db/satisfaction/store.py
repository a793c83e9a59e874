"""The satisfaction core's store (handlers.satisfaction.ports.SatisfactionStore) on SQLAlchemy.

It shares the main store's session, so a rating commits with whatever else the caller does.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.db.mirror import outbox
from bot.db.satisfaction import counters
from bot.db.satisfaction.tables import SatisfactionRow, ServiceRow
from handlers.clock import local_date
from handlers.satisfaction.model import Kind, Rating
from handlers.satisfaction.services import Service
from handlers.satisfaction.stats import Count, counts_of
from handlers.shared import Channel
from handlers.thai.dates import fiscal_year


class SqlSatisfactionStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- services ----------------------------------------------------------------------

    def services(self, include_inactive: bool = False) -> list[Service]:
        q = select(ServiceRow).order_by(ServiceRow.sort_order, ServiceRow.code)
        if not include_inactive:
            q = q.where(ServiceRow.active.is_(True))
        return [_service(r) for r in self.session.scalars(q)]

    def get_service(self, code: str) -> Service | None:
        row = self.session.get(ServiceRow, code)
        return _service(row) if row else None

    def save_service(self, service: Service) -> None:
        row = self.session.get(ServiceRow, service.code)
        if row is None:
            order = service.order or (
                (self.session.scalar(select(func.max(ServiceRow.sort_order))) or 0) + 10
            )
            row = ServiceRow(code=service.code, sort_order=order)
            self.session.add(row)
        elif service.order:
            row.sort_order = service.order
        row.name = service.name.strip()
        row.unit = service.unit.strip()
        row.active = service.active
        self.session.flush()

    # --- ratings -----------------------------------------------------------------------

    def add_rating(self, r: Rating) -> int:
        row = SatisfactionRow(
            kind=r.kind.value,
            service_code=r.service_code,
            case_number=r.case_number,
            scores=dict(r.scores),
            comment=r.comment,
            gender=r.gender,
            age_band=r.age_band,
            occupation=r.occupation,
            channel=r.channel.value,
            respondent_key=r.respondent_key,
            created_at=r.created_at,
        )
        self.session.add(row)
        self.session.flush()
        # The summary's counters move in the same transaction as the rating.
        counters.add(
            self.session.connection(), fiscal_year(local_date(r.created_at)), counts_of([r])
        )
        return row.id

    def summary_counts(self, fy: int) -> list[Count]:
        return counters.for_year(self.session.connection(), fy)

    def channel_counts(self, fy: int) -> dict[str, int]:
        """Service ratings of the fiscal year per channel, from the counters kept with every
        rating (bot/db/channel_stats.py)."""
        from bot.db import channel_stats

        return channel_stats.counts(self.session.connection(), fy, Kind.SERVICE.value)

    def count_ratings(
        self, respondent_key: str, service_code: str, start: datetime, end: datetime
    ) -> int:
        return (
            self.session.scalar(
                select(func.count())
                .select_from(SatisfactionRow)
                .where(
                    SatisfactionRow.respondent_key == respondent_key,
                    SatisfactionRow.service_code == service_code,
                    SatisfactionRow.created_at >= start,
                    SatisfactionRow.created_at < end,
                )
            )
            or 0
        )

    def rating_for_case(self, case_number: str) -> Rating | None:
        row = self.session.scalars(
            select(SatisfactionRow).where(
                SatisfactionRow.case_number == case_number,
                SatisfactionRow.kind == Kind.COMPLAINT.value,
            )
        ).first()
        return _rating(row) if row else None

    def ratings_in(self, start: datetime, end: datetime, kind: Kind | None = None) -> list[Rating]:
        q = (
            select(SatisfactionRow)
            .where(
                SatisfactionRow.created_at >= start,
                SatisfactionRow.created_at < end,
            )
            .order_by(SatisfactionRow.id)
        )
        if kind is not None:
            q = q.where(SatisfactionRow.kind == kind.value)
        return [_rating(r) for r in self.session.scalars(q)]

    def add_outbox(self, kind: str, entity_id: str, at: datetime) -> None:
        # The spreadsheet mirror's outbox, in the same transaction as the rating.
        outbox.add(self.session, kind, entity_id, at)


def _service(row: ServiceRow) -> Service:
    return Service(row.code, row.name, row.unit, row.active, row.sort_order)


def _rating(row: SatisfactionRow) -> Rating:
    return Rating(
        kind=Kind(row.kind),
        scores={k: int(v) for k, v in (row.scores or {}).items()},
        channel=Channel(row.channel),
        created_at=row.created_at,
        service_code=row.service_code,
        case_number=row.case_number,
        comment=row.comment,
        gender=row.gender,
        age_band=row.age_band,
        occupation=row.occupation,
        respondent_key=row.respondent_key,
        id=row.id,
    )
