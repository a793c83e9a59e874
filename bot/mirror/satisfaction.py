"""Ratings in the sheet: numbered IDs; sealed cases' ratings marked so their rows stay bare."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.complaints.tables import ComplaintRow
from bot.db.satisfaction.tables import SatisfactionRow, ServiceRow
from bot.mirror.kind import MirroredKind
from bot.mirror.kind import chunks as _chunks
from handlers.complaints.policy import restricted_codes
from handlers.satisfaction.model import Kind as RatingKind
from handlers.satisfaction.model import Rating
from handlers.shared import Channel
from sheets.rows import (
    RATING_PREFIX,
    SatisfactionEntry,
    numbered_key,
    parse_numbered_key,
)


def rating_sheet_ids(session: Session, ids: Sequence[str]) -> dict[str, str]:
    return {i: numbered_key(RATING_PREFIX, i) for i in ids if str(i).isdigit()}


def load_ratings(session: Session, ids: Sequence[str]) -> dict[str, Any]:
    numbers = [n for n in (parse_numbered_key(RATING_PREFIX, i) for i in ids) if n is not None]
    rows: list[SatisfactionRow] = []
    for chunk in _chunks(numbers):
        rows += session.scalars(select(SatisfactionRow).where(SatisfactionRow.id.in_(chunk)))
    services = {s.code: s for s in session.scalars(select(ServiceRow))}
    cases = sorted({r.case_number for r in rows if r.case_number})
    sealed_codes = set(restricted_codes())
    sealed: set[str] = set()
    for chunk in _chunks(cases):
        sealed.update(
            session.scalars(
                select(ComplaintRow.case_number).where(
                    ComplaintRow.case_number.in_(chunk),
                    ComplaintRow.category.in_(sorted(sealed_codes)),
                )
            )
        )
    out: dict[str, Any] = {}
    for r in rows:
        # Built here rather than by the ratings store: the respondent key stays behind.
        rating = Rating(
            kind=RatingKind(r.kind),
            scores={k: int(v) for k, v in (r.scores or {}).items()},
            channel=Channel(r.channel),
            created_at=r.created_at,
            service_code=r.service_code,
            case_number=r.case_number,
            comment=r.comment,
            gender=r.gender,
            age_band=r.age_band,
            occupation=r.occupation,
            id=r.id,
        )
        service = services.get(r.service_code)
        out[numbered_key(RATING_PREFIX, r.id)] = SatisfactionEntry(
            rating,
            service.name if service else "",
            service.unit if service else "",
            r.case_number in sealed,
        )
    return out


KIND = MirroredKind(
    "satisfaction",
    load=load_ratings,
    rebuild=(SatisfactionRow.id, SatisfactionRow.id),
    sheet_ids=rating_sheet_ids,
)
