"""The asset register (handlers.assets.ports.AssetStore) on SQLAlchemy.

It shares the main store's session: a change commits with whatever else the caller does.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from bot.db.accounts.tables import User
from bot.db.assets.tables import AssetLoanRow, AssetRow, UnitHeadRow
from handlers.assets.domain import APPROVED, Asset, Loan
from handlers.assets.ports import Account
from handlers.clock import BANGKOK, utcnow


def _asset(row: AssetRow) -> Asset:
    return Asset(id=row.id, name=row.name, unit=row.unit, code=row.code, active=row.active)


def _loan(row: AssetLoanRow, asset: AssetRow) -> Loan:
    return Loan(
        id=row.id,
        asset_id=row.asset_id,
        borrower_id=row.borrower_id,
        borrower_name=row.borrower_name,
        unit=row.unit,
        start_on=row.start_on,
        due_on=row.due_on,
        purpose=row.purpose,
        status=row.status,
        created_at=row.created_at,
        approver=row.approver,
        approved_at=row.approved_at,
        returned_at=row.returned_at,
        returned_by=row.returned_by,
        return_note=row.return_note,
        asset_name=asset.name,
        asset_unit=asset.unit,
        asset_code=asset.code,
    )


def _with_assets() -> Select[AssetLoanRow, AssetRow]:
    return select(AssetLoanRow, AssetRow).join(AssetRow, AssetRow.id == AssetLoanRow.asset_id)


class SqlAssetStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- the register --------------------------------------------------------------------

    def add_asset(self, asset: Asset) -> Asset:
        row = AssetRow(
            name=asset.name,
            unit=asset.unit,
            code=asset.code,
            active=asset.active,
            created_at=utcnow(),
        )
        self.session.add(row)
        self.session.flush()
        return replace(asset, id=row.id)

    def asset(self, asset_id: int) -> Asset | None:
        row = self.session.get(AssetRow, asset_id)
        return _asset(row) if row else None

    def list_assets(self, include_inactive: bool = False) -> list[Asset]:
        q = select(AssetRow).order_by(AssetRow.unit, AssetRow.name, AssetRow.id)
        if not include_inactive:
            q = q.where(AssetRow.active.is_(True))
        return [_asset(r) for r in self.session.scalars(q)]

    def set_asset_active(self, asset_id: int, active: bool) -> Asset | None:
        row = self.session.get(AssetRow, asset_id)
        if row is None:
            return None
        row.active = active
        self.session.flush()
        return _asset(row)

    # --- loans ---------------------------------------------------------------------------

    def add_loan(self, loan: Loan) -> Loan:
        row = AssetLoanRow(
            asset_id=loan.asset_id,
            borrower_id=loan.borrower_id,
            borrower_name=loan.borrower_name,
            unit=loan.unit,
            start_on=loan.start_on,
            due_on=loan.due_on,
            purpose=loan.purpose,
            status=loan.status,
            created_at=loan.created_at,
        )
        self.session.add(row)
        self.session.flush()
        return replace(loan, id=row.id)

    def loan(self, loan_id: int) -> Loan | None:
        found = self.session.execute(_with_assets().where(AssetLoanRow.id == loan_id)).first()
        return _loan(found[0], found[1]) if found else None

    def save_loan(self, loan: Loan) -> Loan:
        row = self.session.get(AssetLoanRow, loan.id)
        if row is None:
            raise LookupError(f"no asset loan {loan.id}")
        row.status, row.approver, row.approved_at = loan.status, loan.approver, loan.approved_at
        row.returned_at, row.returned_by = loan.returned_at, loan.returned_by
        row.return_note = loan.return_note
        self.session.flush()
        return loan

    def _loans(self, q: Select[AssetLoanRow, AssetRow]) -> list[Loan]:
        q = q.order_by(AssetLoanRow.start_on, AssetLoanRow.id)
        return [_loan(loan, asset) for loan, asset in self.session.execute(q)]

    def loans_of_asset(self, asset_id: int) -> list[Loan]:
        return self._loans(_with_assets().where(AssetLoanRow.asset_id == asset_id))

    def loans_overlapping(self, first: date, last: date) -> list[Loan]:
        t = AssetLoanRow
        # Returned on or after `first` (Bangkok days): still out when the span began.
        since = datetime.combine(first, time.min, tzinfo=BANGKOK)
        still_out = or_(t.status == APPROVED, t.returned_at >= since)
        return self._loans(
            _with_assets().where(t.start_on <= last, or_(t.due_on >= first, still_out))
        )

    def open_loans(self) -> list[Loan]:
        return self._loans(_with_assets().where(AssetLoanRow.status == APPROVED))

    # --- who decides and whom to tell --------------------------------------------------

    def unit_heads(self, unit: str) -> list[int]:
        return list(
            self.session.scalars(select(UnitHeadRow.user_id).where(UnitHeadRow.unit == unit))
        )

    def set_unit_head(self, unit: str, user_id: int, at: datetime) -> None:
        row = self.session.get(UnitHeadRow, unit)
        if row is None:
            self.session.add(UnitHeadRow(unit=unit, user_id=user_id, set_at=at))
        else:
            row.user_id, row.set_at = user_id, at
        self.session.flush()

    def remove_unit_head(self, unit: str) -> bool:
        row = self.session.get(UnitHeadRow, unit)
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        return True

    def linked_accounts(self) -> list[Account]:
        rows = self.session.execute(
            select(User.id, User.role, User.unit, User.line_user_id).where(
                User.active.is_(True), User.line_user_id.is_not(None)
            )
        )
        return [Account(i, role, unit, line or "") for i, role, unit, line in rows]
