"""An in-memory AssetStore, and a FakeStore that hands it out like SqlStore.assets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from handlers.assets.domain import APPROVED, Asset, Loan
from handlers.assets.ports import Account
from tests.fakes.fake_store import FakeStore


class FakeAssetStore:
    def __init__(self) -> None:
        self.items: list[Asset] = []
        self.loans: list[Loan] = []
        self.heads: dict[str, int] = {}
        self.accounts: list[Account] = []

    def add_asset(self, asset: Asset) -> Asset:
        stored = replace(asset, id=len(self.items) + 1)
        self.items.append(stored)
        return stored

    def asset(self, asset_id: int) -> Asset | None:
        return next((a for a in self.items if a.id == asset_id), None)

    def list_assets(self, include_inactive: bool = False) -> list[Asset]:
        found = [a for a in self.items if include_inactive or a.active]
        return sorted(found, key=lambda a: (a.unit, a.name, a.id or 0))

    def set_asset_active(self, asset_id: int, active: bool) -> Asset | None:
        for i, a in enumerate(self.items):
            if a.id == asset_id:
                self.items[i] = replace(a, active=active)
                return self.items[i]
        return None

    def _with_asset(self, loan: Loan) -> Loan:
        a = self.asset(loan.asset_id)
        return replace(loan, asset_name=a.name, asset_unit=a.unit, asset_code=a.code) if a else loan

    def add_loan(self, loan: Loan) -> Loan:
        stored = replace(loan, id=len(self.loans) + 1)
        self.loans.append(stored)
        return self._with_asset(stored)

    def loan(self, loan_id: int) -> Loan | None:
        found = next((x for x in self.loans if x.id == loan_id), None)
        return self._with_asset(found) if found else None

    def save_loan(self, loan: Loan) -> Loan:
        self.loans = [loan if x.id == loan.id else x for x in self.loans]
        return loan

    def _sorted(self, loans: list[Loan]) -> list[Loan]:
        return [self._with_asset(x) for x in sorted(loans, key=lambda x: (x.start_on, x.id or 0))]

    def loans_of_asset(self, asset_id: int) -> list[Loan]:
        return self._sorted([x for x in self.loans if x.asset_id == asset_id])

    def loans_overlapping(self, first: date, last: date) -> list[Loan]:
        def touches(x: Loan) -> bool:
            still_out = x.status == APPROVED or (
                x.returned_on is not None and x.returned_on >= first
            )
            return x.start_on <= last and (x.due_on >= first or still_out)

        return self._sorted([x for x in self.loans if touches(x)])

    def open_loans(self) -> list[Loan]:
        return self._sorted([x for x in self.loans if x.status == APPROVED])

    def unit_heads(self, unit: str) -> list[int]:
        return [self.heads[unit]] if unit in self.heads else []

    def set_unit_head(self, unit: str, user_id: int, at: datetime) -> None:
        self.heads[unit] = user_id

    def remove_unit_head(self, unit: str) -> bool:
        return self.heads.pop(unit, None) is not None

    def linked_accounts(self) -> list[Account]:
        return list(self.accounts)


class StoreWithAssets(FakeStore):
    def __init__(self) -> None:
        super().__init__()
        self._assets = FakeAssetStore()

    @property
    def assets(self) -> FakeAssetStore:
        return self._assets
