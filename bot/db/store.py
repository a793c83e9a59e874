"""The core's Store protocol on SQLAlchemy. Domain objects in, domain objects out."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from bot.db.chat.tables import ConversationRow, NoticeRow
from bot.db.complaints.store import SqlComplaintStore
from bot.db.mirror import outbox
from bot.db.satisfaction.store import SqlSatisfactionStore
from handlers.ports import Notice

if TYPE_CHECKING:
    from bot.db.assets.store import SqlAssetStore
    from bot.db.gifts.store import SqlGiftStore
    from bot.db.measure_drafts.store import SqlDraftStore
    from bot.db.measures.store import SqlMeasureStore
    from bot.db.services.store import SqlServiceCountStore


class SqlStore(SqlComplaintStore):
    """Every feature's store on one session: the core's `Store` protocol."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # --- conversations -------------------------------------------------------------------

    def load_conversation(self, user_key: str) -> tuple[dict[str, Any], datetime] | None:
        row = self.session.get(ConversationRow, user_key)
        return (dict(row.state), row.updated_at) if row else None

    def save_conversation(self, user_key: str, state: dict[str, Any], at: datetime) -> None:
        row = self.session.get(ConversationRow, user_key)
        if row is None:
            self.session.add(ConversationRow(user_key=user_key, state=state, updated_at=at))
        else:
            row.state = state
            row.updated_at = at
        self.session.flush()

    def delete_conversation(self, user_key: str) -> None:
        self.session.execute(delete(ConversationRow).where(ConversationRow.user_key == user_key))

    # --- notices and outbox --------------------------------------------------------------

    def add_notice(self, line_user_id: str, text: str, at: datetime) -> None:
        self.session.add(NoticeRow(line_user_id=line_user_id, text=text, created_at=at))
        self.session.flush()

    def pending_notices(self, line_user_id: str) -> list[Notice]:
        rows = self.session.scalars(
            select(NoticeRow)
            .where(NoticeRow.line_user_id == line_user_id, NoticeRow.delivered_at.is_(None))
            .order_by(NoticeRow.id)
        )
        return [Notice(r.id, r.line_user_id, r.text, r.created_at) for r in rows]

    def mark_notices_delivered(self, ids: list[int], via: str, at: datetime) -> None:
        self.session.execute(
            update(NoticeRow)
            .where(NoticeRow.id.in_(ids), NoticeRow.delivered_at.is_(None))
            .values(delivered_at=at, via=via)
        )

    def add_outbox(self, kind: str, entity_id: str, at: datetime) -> None:
        outbox.add(self.session, kind, entity_id, at)

    def has_privacy_ack(self, user_key: str, version: str) -> bool:
        from bot.db.privacy.tables import PrivacyAck

        found = self.session.scalar(
            select(PrivacyAck.id).where(
                PrivacyAck.user_key == user_key, PrivacyAck.version == version
            )
        )
        return found is not None

    def record_privacy_ack(self, user_key: str, version: str, channel: str, at: datetime) -> None:
        from bot.db.privacy.tables import PrivacyAck

        if not self.has_privacy_ack(user_key, version):
            self.session.add(PrivacyAck(user_key=user_key, version=version, channel=channel, at=at))
            self.session.flush()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()

    def close(self) -> None:
        self.session.close()

    # --- services and satisfaction (issue 5; SQL in bot/store_satisfaction.py) ----------

    @property
    def satisfaction(self) -> SqlSatisfactionStore:
        return SqlSatisfactionStore(self.session)

    # --- measures, progress and staff links (issue 4; SQL in bot/store_measures.py) ----

    @property
    def measures(self) -> SqlMeasureStore:
        from bot.db.measures.store import SqlMeasureStore

        return SqlMeasureStore(self.session)

    # --- monthly service counts (service statistics; SQL in bot/db/services/store.py) ----

    @property
    def service_counts(self) -> SqlServiceCountStore:
        from bot.db.services.store import SqlServiceCountStore

        return SqlServiceCountStore(self.session)

    # --- the gift register (No Gift Policy; SQL in bot/db/gifts/store.py) ----------------

    @property
    def gifts(self) -> SqlGiftStore:
        from bot.db.gifts.store import SqlGiftStore

        return SqlGiftStore(self.session)

    # --- draft measures from the ITA analysis, measures' ITA items (bot/db/measure_drafts) --

    @property
    def measure_drafts(self) -> SqlDraftStore:
        from bot.db.measure_drafts.store import SqlDraftStore

        return SqlDraftStore(self.session)

    # --- the asset register and its loans (SQL in bot/db/assets/store.py) ---------------

    @property
    def assets(self) -> SqlAssetStore:
        from bot.db.assets.store import SqlAssetStore

        return SqlAssetStore(self.session)
