"""What the asset register needs from the database, and from the rest of the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from handlers.assets.domain import Asset, Loan


@dataclass(frozen=True)
class Account:
    """An active office account linked to LINE: someone a notice can reach."""

    user_id: int
    role: str
    unit: str
    line_user_id: str


class AssetStore(Protocol):
    def add_asset(self, asset: Asset) -> Asset: ...
    def asset(self, asset_id: int) -> Asset | None: ...
    def list_assets(self, include_inactive: bool = False) -> list[Asset]:
        """By unit, then name."""
        ...

    def set_asset_active(self, asset_id: int, active: bool) -> Asset | None: ...

    def add_loan(self, loan: Loan) -> Loan: ...
    def loan(self, loan_id: int) -> Loan | None: ...
    def save_loan(self, loan: Loan) -> Loan:
        """Write a loan's status, decision and return (the rest never changes)."""
        ...

    def loans_of_asset(self, asset_id: int) -> list[Loan]: ...
    def loans_overlapping(self, first: date, last: date) -> list[Loan]:
        """Loans whose dates touch `first`..`last`, and loans still out then (approved, or
        returned after `first`); oldest start first."""
        ...

    def open_loans(self) -> list[Loan]:
        """Approved loans not yet returned."""
        ...

    # who decides and whom to tell
    def unit_heads(self, unit: str) -> list[int]:
        """Account ids of the unit's head(s)."""
        ...

    def set_unit_head(self, unit: str, user_id: int, at: datetime) -> None: ...
    def remove_unit_head(self, unit: str) -> bool:
        """Forget the unit's head (admins then approve its loans); False when it had none."""
        ...

    def linked_accounts(self) -> list[Account]: ...


class Outside(Protocol):
    """The rest of the store a loan change touches: notices to people, the sheet's outbox."""

    def add_notice(self, line_user_id: str, text: str, at: datetime) -> None: ...
    def add_outbox(self, kind: str, entity_id: str, at: datetime) -> None: ...


class HasAssets(Protocol):
    @property
    def assets(self) -> AssetStore: ...
