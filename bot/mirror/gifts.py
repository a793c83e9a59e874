"""The gift register in the sheet: numbered IDs ("G000012"), read only there (the integrity
officer reviews entries in the app)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.gifts.store import to_gift_report
from bot.db.gifts.tables import GiftReportRow
from bot.mirror.kind import MirroredKind
from bot.mirror.kind import chunks as _chunks
from sheets.rows import GIFT_PREFIX, numbered_key, parse_numbered_key

KIND_NAME = "gift"


def gift_sheet_ids(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {i: numbered_key(GIFT_PREFIX, i) for i in ids if str(i).isdigit()}


def load_gifts(session: Session, ids: Sequence[str]) -> dict[str, Any]:
    numbers = [n for n in (parse_numbered_key(GIFT_PREFIX, i) for i in ids) if n is not None]
    out: dict[str, Any] = {}
    for chunk in _chunks(numbers):
        for row in session.scalars(select(GiftReportRow).where(GiftReportRow.id.in_(chunk))):
            out[numbered_key(GIFT_PREFIX, row.id)] = to_gift_report(row)
    return out


KIND = MirroredKind(
    KIND_NAME,
    load=load_gifts,
    rebuild=(GiftReportRow.id, GiftReportRow.id),
    sheet_ids=gift_sheet_ids,
)
