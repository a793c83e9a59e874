"""Asset loans in the sheet: numbered IDs ("L000012"), each row with its asset's name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from bot.db.assets.store import SqlAssetStore
from bot.db.assets.tables import AssetLoanRow
from bot.mirror.kind import MirroredKind
from sheets.rows import LOAN_PREFIX, numbered_key, parse_numbered_key


def loan_sheet_ids(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {i: numbered_key(LOAN_PREFIX, i) for i in ids if str(i).isdigit()}


def load_loans(session: Session, ids: Sequence[str]) -> dict[str, Any]:
    store = SqlAssetStore(session)
    out: dict[str, Any] = {}
    for n in (parse_numbered_key(LOAN_PREFIX, i) for i in ids):
        loan = store.loan(n) if n is not None else None
        if loan is not None:
            out[numbered_key(LOAN_PREFIX, n or 0)] = loan
    return out


KIND = MirroredKind(
    "asset_loan",
    load=load_loans,
    rebuild=(AssetLoanRow.id, AssetLoanRow.id),
    sheet_ids=loan_sheet_ids,
)
