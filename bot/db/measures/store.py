"""The measures core's store (handlers.measures.ports.MeasureStore) on SQLAlchemy.

It shares the main store's session, so a progress update commits with its outbox row and
with the conversation state of the same message.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.db.accounts.tables import User
from bot.db.measures.tables import MeasureRow, ProgressRow
from bot.db.mirror import outbox
from handlers.ita.catalogue import PLAN_INTEGRITY
from handlers.measures.domain import Measure, ProgressUpdate
from handlers.measures.plans import plan_order
from handlers.measures.ports import StaffAccount


class SqlMeasureStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- measures ----------------------------------------------------------------------

    def measures_of_year(
        self, fiscal_year: int, plan: str | None = PLAN_INTEGRITY
    ) -> list[Measure]:
        """One plan's items of the year by number; with plan=None every plan's, the
        integrity measures first (handlers.measures.plans.plan_order)."""
        query = select(MeasureRow).where(MeasureRow.fiscal_year == fiscal_year)
        if plan is not None:
            query = query.where(MeasureRow.plan == plan)
        rows = sorted(self.session.scalars(query), key=lambda r: (plan_order(r.plan), r.no))
        latest = self._latest([r.id for r in rows])
        return [to_measure(r, latest.get(r.id)) for r in rows]

    def measure_years(self) -> list[int]:
        return sorted(self.session.scalars(select(MeasureRow.fiscal_year).distinct()))

    def get_measure(self, measure_id: int) -> Measure | None:
        row = self.session.get(MeasureRow, measure_id)
        return to_measure(row, self._latest([row.id]).get(row.id)) if row else None

    def find_measure(self, fiscal_year: int, no: int, plan: str = PLAN_INTEGRITY) -> Measure | None:
        row = self.session.scalars(
            select(MeasureRow).where(
                MeasureRow.fiscal_year == fiscal_year,
                MeasureRow.plan == plan,
                MeasureRow.no == no,
            )
        ).first()
        return to_measure(row, self._latest([row.id]).get(row.id)) if row else None

    def save_measure(self, m: Measure) -> int:
        now = datetime.now(UTC)
        row = self.session.get(MeasureRow, m.id) if m.id else None
        if row is None:
            row = MeasureRow(created_at=now)
            self.session.add(row)
        row.fiscal_year, row.plan, row.no = m.fiscal_year, m.plan, m.no
        row.issue, row.title, row.budget = m.issue, m.title, m.budget
        row.steps, row.unit, row.period_text = m.steps, m.unit, m.period_text
        row.period_start, row.period_end = m.period_start, m.period_end
        row.indicators, row.outcome, row.result = list(m.indicators), m.outcome, m.result
        row.note, row.warnings, row.updated_at = m.note, list(m.warnings), now
        self.session.flush()
        return row.id

    # --- progress ----------------------------------------------------------------------

    def add_progress(self, p: ProgressUpdate) -> int:
        row = ProgressRow(
            measure_id=p.measure_id,
            percent=p.percent,
            done=p.done,
            outcome=p.outcome,
            photos=list(p.photos),
            staff_id=p.staff_id,
            staff_name=p.staff_name,
            unit=p.unit,
            channel=p.channel,
            created_at=p.created_at,
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def progress_of(self, measure_id: int) -> list[ProgressUpdate]:
        rows = self.session.scalars(
            select(ProgressRow).where(ProgressRow.measure_id == measure_id).order_by(ProgressRow.id)
        )
        return [to_progress(r) for r in rows]

    def progress_of_year(
        self, fiscal_year: int, plan: str | None = PLAN_INTEGRITY
    ) -> dict[int, list[ProgressUpdate]]:
        """Every update on the year's items of a plan (None: of every plan), by item, in
        the order they were reported."""
        query = (
            select(ProgressRow)
            .join(MeasureRow, MeasureRow.id == ProgressRow.measure_id)
            .where(MeasureRow.fiscal_year == fiscal_year)
            .order_by(ProgressRow.id)
        )
        if plan is not None:
            query = query.where(MeasureRow.plan == plan)
        rows = self.session.scalars(query)
        out: dict[int, list[ProgressUpdate]] = {}
        for r in rows:
            out.setdefault(r.measure_id, []).append(to_progress(r))
        return out

    def _latest(self, ids: list[int]) -> dict[int, ProgressUpdate]:
        if not ids:
            return {}
        newest = (
            select(func.max(ProgressRow.id))
            .where(ProgressRow.measure_id.in_(ids))
            .group_by(ProgressRow.measure_id)
        )
        rows = self.session.scalars(select(ProgressRow).where(ProgressRow.id.in_(newest)))
        return {r.measure_id: to_progress(r) for r in rows}

    def add_outbox(self, kind: str, entity_id: str, at: datetime) -> None:
        outbox.add(self.session, kind, entity_id, at)

    # --- staff accounts ----------------------------------------------------------------

    def staff_with_link_codes(self, now: datetime) -> list[StaffAccount]:
        rows = self.session.scalars(
            select(User).where(
                User.active.is_(True),
                User.link_code_hash != "",
                User.link_code_expires > now,
            )
        )
        return [to_account(u) for u in rows]

    def link_line_user(self, staff_id: int, line_user_id: str) -> None:
        # One LINE account belongs to one office account: an older link is released.
        for other in self.session.scalars(select(User).where(User.line_user_id == line_user_id)):
            other.line_user_id = None
        self.session.flush()
        user = self.session.get(User, staff_id)
        assert user is not None
        user.line_user_id = line_user_id
        # The code is one-time: once used it cannot link anyone else.
        user.link_code_hash = ""
        user.link_code_expires = None
        self.session.flush()

    def unlink_line_user(self, line_user_id: str) -> None:
        for user in self.session.scalars(select(User).where(User.line_user_id == line_user_id)):
            user.line_user_id = None
        self.session.flush()


def to_measure(r: MeasureRow, latest: ProgressUpdate | None = None) -> Measure:
    return Measure(
        id=r.id,
        fiscal_year=r.fiscal_year,
        no=r.no,
        title=r.title,
        issue=r.issue,
        steps=r.steps,
        unit=r.unit,
        period_text=r.period_text,
        period_start=r.period_start,
        period_end=r.period_end,
        indicators=list(r.indicators or []),
        outcome=r.outcome,
        result=r.result,
        note=r.note,
        warnings=list(r.warnings or []),
        plan=r.plan,
        budget=r.budget,
        latest=latest,
    )


def to_progress(r: ProgressRow) -> ProgressUpdate:
    return ProgressUpdate(
        id=r.id,
        measure_id=r.measure_id,
        percent=r.percent,
        done=r.done,
        outcome=r.outcome,
        photos=list(r.photos or []),
        staff_id=r.staff_id,
        staff_name=r.staff_name,
        unit=r.unit,
        channel=r.channel,
        created_at=r.created_at,
    )


def to_account(u: User) -> StaffAccount:
    return StaffAccount(
        id=u.id,
        username=u.username,
        name=u.display_name or u.username,
        role=u.role,
        unit=u.unit,
        line_user_id=u.line_user_id,
        link_code_hash=u.link_code_hash,
        link_code_expires=u.link_code_expires,
    )
