"""handlers.ita.drafts.DraftStore on SQLAlchemy, sharing the main store's session."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.db.measure_drafts.tables import MeasureDraftRow, MeasureItemLinkRow
from handlers.ita.drafts import Draft
from handlers.reports.item_links import ItemLinks


class SqlDraftStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    def drafts_of_year(self, year: int) -> list[Draft]:
        rows = self.session.scalars(
            select(MeasureDraftRow)
            .where(MeasureDraftRow.year == year)
            .order_by(MeasureDraftRow.issue_no, MeasureDraftRow.id)
        )
        return [to_draft(r) for r in rows]

    def get_draft(self, draft_id: int) -> Draft | None:
        row = self.session.get(MeasureDraftRow, draft_id)
        return to_draft(row) if row else None

    def save_draft(self, d: Draft) -> int:
        row = self.session.get(MeasureDraftRow, d.id) if d.id else None
        if row is None:
            row = MeasureDraftRow(year=d.year, created_at=d.created_at)
            self.session.add(row)
        row.issue_no, row.title, row.steps = d.issue_no, d.title, list(d.steps)
        row.unit, row.period, row.codes, row.source = d.unit, d.period, list(d.codes), d.source
        row.status, row.measure_id = d.status, d.measure_id
        row.decided_by, row.decided_at = d.decided_by, d.decided_at
        self.session.flush()
        return row.id

    def link_items(self, measure_id: int, ita_year: int, codes: list[str]) -> None:
        """Replace the measure's links with these codes, in this order."""
        self.session.execute(
            delete(MeasureItemLinkRow).where(MeasureItemLinkRow.measure_id == measure_id)
        )
        for position, code in enumerate(codes, start=1):
            self.session.add(
                MeasureItemLinkRow(
                    measure_id=measure_id, ita_year=ita_year, code=code, position=position
                )
            )
        self.session.flush()

    def links_of(self, measure_ids: Iterable[int]) -> dict[int, ItemLinks]:
        """The ITA items each of these measures answers (measures without links left out)."""
        ids = list(measure_ids)
        if not ids:
            return {}
        rows = self.session.scalars(
            select(MeasureItemLinkRow)
            .where(MeasureItemLinkRow.measure_id.in_(ids))
            .order_by(MeasureItemLinkRow.measure_id, MeasureItemLinkRow.position)
        )
        out: dict[int, ItemLinks] = {}
        for r in rows:
            found = out.setdefault(r.measure_id, ItemLinks(r.ita_year, ()))
            out[r.measure_id] = ItemLinks(found.ita_year, (*found.codes, r.code))
        return out


def to_draft(r: MeasureDraftRow) -> Draft:
    return Draft(
        id=r.id,
        year=r.year,
        issue_no=r.issue_no,
        title=r.title,
        steps=list(r.steps or []),
        unit=r.unit,
        period=r.period,
        codes=list(r.codes or []),
        source=r.source,
        status=r.status,
        measure_id=r.measure_id,
        decided_by=r.decided_by,
        created_at=r.created_at,
        decided_at=r.decided_at,
    )
