"""The core's Store protocol on SQLAlchemy. Domain objects in, domain objects out."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from bot.models import (
    CaseCounter,
    ComplaintRow,
    ConversationRow,
    HistoryRow,
    NoticeRow,
    OutboxRow,
)
from bot.store_satisfaction import SqlSatisfactionStore
from handlers.complaints.domain import Complaint, Location, Status, StatusChange
from handlers.ports import Notice
from handlers.shared import Channel

if TYPE_CHECKING:
    from bot.store_measures import SqlMeasureStore


def naive(dt: datetime) -> datetime:
    return dt.astimezone(UTC).replace(tzinfo=None) if dt.tzinfo else dt


def aware(dt: datetime) -> datetime:
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt


class SqlStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- complaints ----------------------------------------------------------------------

    def next_case_seq(self, fiscal_year: int) -> int:
        s = self.session
        dialect = s.get_bind().dialect.name
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            ins = pg_insert(CaseCounter).on_conflict_do_nothing()
        else:
            ins = insert(CaseCounter).prefix_with("OR IGNORE")
        s.execute(ins.values(fiscal_year=fiscal_year, last_seq=0))
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
            created_at=naive(c.created_at),
            updated_at=naive(c.updated_at or c.created_at),
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
        row.updated_at = naive(change.at)
        row.unit = c.unit
        self.session.add(
            HistoryRow(
                complaint_id=row.id,
                status=change.status.value,
                note=change.note,
                actor=change.actor,
                at=naive(change.at),
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

    def complaints_in(self, start: datetime, end: datetime) -> list[Complaint]:
        rows = self.session.scalars(
            select(ComplaintRow)
            .where(ComplaintRow.created_at >= naive(start), ComplaintRow.created_at < naive(end))
            .order_by(ComplaintRow.id)
        )
        return [to_complaint(r, with_history=False) for r in rows]

    def count_by(self, column: str, fiscal_year: int) -> dict[str, int]:
        col = getattr(ComplaintRow, column)
        rows = self.session.execute(
            select(col, func.count()).where(ComplaintRow.fiscal_year == fiscal_year).group_by(col)
        )
        return {k: n for k, n in rows}

    # --- conversations -------------------------------------------------------------------

    def load_conversation(self, user_key: str) -> tuple[dict[str, Any], datetime] | None:
        row = self.session.get(ConversationRow, user_key)
        return (dict(row.state), aware(row.updated_at)) if row else None

    def save_conversation(self, user_key: str, state: dict[str, Any], at: datetime) -> None:
        row = self.session.get(ConversationRow, user_key)
        if row is None:
            self.session.add(ConversationRow(user_key=user_key, state=state, updated_at=naive(at)))
        else:
            row.state = state
            row.updated_at = naive(at)
        self.session.flush()

    def delete_conversation(self, user_key: str) -> None:
        self.session.execute(delete(ConversationRow).where(ConversationRow.user_key == user_key))

    # --- notices and outbox --------------------------------------------------------------

    def add_notice(self, line_user_id: str, text: str, at: datetime) -> None:
        self.session.add(NoticeRow(line_user_id=line_user_id, text=text, created_at=naive(at)))
        self.session.flush()

    def pending_notices(self, line_user_id: str) -> list[Notice]:
        rows = self.session.scalars(
            select(NoticeRow)
            .where(NoticeRow.line_user_id == line_user_id, NoticeRow.delivered_at.is_(None))
            .order_by(NoticeRow.id)
        )
        return [Notice(r.id, r.line_user_id, r.text, aware(r.created_at)) for r in rows]

    def mark_notices_delivered(self, ids: list[int], via: str, at: datetime) -> None:
        self.session.execute(
            update(NoticeRow)
            .where(NoticeRow.id.in_(ids), NoticeRow.delivered_at.is_(None))
            .values(delivered_at=naive(at), via=via)
        )

    def add_outbox(self, kind: str, entity_id: str, at: datetime) -> None:
        self.session.add(OutboxRow(kind=kind, entity_id=entity_id, created_at=naive(at)))

    def has_privacy_ack(self, user_key: str, version: str) -> bool:
        from bot.privacy_models import PrivacyAck

        found = self.session.scalar(
            select(PrivacyAck.id).where(
                PrivacyAck.user_key == user_key, PrivacyAck.version == version
            )
        )
        return found is not None

    def record_privacy_ack(self, user_key: str, version: str, channel: str, at: datetime) -> None:
        from bot.privacy_models import PrivacyAck

        if not self.has_privacy_ack(user_key, version):
            self.session.add(
                PrivacyAck(user_key=user_key, version=version, channel=channel, at=naive(at))
            )
            self.session.flush()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()

    def close(self) -> None:
        self.session.close()

    # --- complaint handling and statistics (issue 6; SQL in bot/store_cases.py) ---------

    def assign_unit(self, case_number: str, unit: str, note: str, actor: str, at: datetime) -> None:
        from bot import store_cases

        store_cases.assign_unit(self.session, case_number, unit, note, actor, at)

    def complaint_counts(self, fiscal_year: int) -> list[tuple[str, str, int, int]]:
        from bot import store_cases

        return store_cases.complaint_counts(self.session, fiscal_year)

    def count_overdue(self, fiscal_year: int, before: datetime) -> int:
        from bot import store_cases

        return store_cases.count_overdue(self.session, fiscal_year, before)

    def resolve_days_histogram(self, fiscal_year: int) -> dict[int, int]:
        from bot import store_cases

        return store_cases.resolve_days_histogram(self.session, fiscal_year)

    # --- services and satisfaction (issue 5; SQL in bot/store_satisfaction.py) ----------

    @property
    def satisfaction(self) -> SqlSatisfactionStore:
        return SqlSatisfactionStore(self.session)

    # --- measures, progress and staff links (issue 4; SQL in bot/store_measures.py) ----

    @property
    def measures(self) -> SqlMeasureStore:
        from bot.store_measures import SqlMeasureStore

        return SqlMeasureStore(self.session)


def to_complaint(row: ComplaintRow, with_history: bool = True) -> Complaint:
    has_loc = row.latitude is not None or row.address
    return Complaint(
        case_number=row.case_number,
        fiscal_year=row.fiscal_year,
        category=row.category,
        details=row.details,
        channel=Channel(row.channel),
        created_at=aware(row.created_at),
        updated_at=aware(row.updated_at),
        status=Status(row.status),
        unit=row.unit,
        photos=list(row.photos or []),
        location=Location(row.latitude, row.longitude, row.address) if has_loc else None,
        line_user_id=row.line_user_id,
        contact_name=row.contact_name,
        phone=row.phone,
        anonymous=row.anonymous,
        secret_hash=row.secret_hash,
        history=[StatusChange(Status(h.status), h.note, aware(h.at), h.actor) for h in row.history]
        if with_history
        else [],
    )
