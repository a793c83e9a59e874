"""An in-memory MeasureStore, and a FakeStore that hands it out like SqlStore.measures."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import datetime

from handlers.ita.catalogue import PLAN_INTEGRITY
from handlers.measures.domain import Measure, ProgressUpdate
from handlers.measures.plans import plan_order
from handlers.measures.ports import StaffAccount
from tests.fakes.fake_store import FakeStore


class FakeMeasureStore:
    def __init__(self, outbox: list[tuple[str, str]]) -> None:
        self.rows: dict[int, Measure] = {}
        self.progress: list[ProgressUpdate] = []
        self.staff: dict[int, StaffAccount] = {}
        self.outbox = outbox
        self.saves = 0

    def measures_of_year(
        self, fiscal_year: int, plan: str | None = PLAN_INTEGRITY
    ) -> list[Measure]:
        found = [
            self._with_latest(m)
            for m in self.rows.values()
            if m.fiscal_year == fiscal_year and plan in (None, m.plan)
        ]
        return sorted(found, key=lambda m: (plan_order(m.plan), m.no))

    def measure_years(self) -> list[int]:
        return sorted({m.fiscal_year for m in self.rows.values()})

    def get_measure(self, measure_id: int) -> Measure | None:
        m = self.rows.get(measure_id)
        return self._with_latest(m) if m else None

    def find_measure(self, fiscal_year: int, no: int, plan: str = PLAN_INTEGRITY) -> Measure | None:
        for m in self.rows.values():
            if (m.fiscal_year, m.plan, m.no) == (fiscal_year, plan, no):
                return self._with_latest(m)
        return None

    def save_measure(self, measure: Measure) -> int:
        self.saves += 1
        mid = measure.id or len(self.rows) + 1
        self.rows[mid] = replace(copy.deepcopy(measure), id=mid, latest=None)
        return mid

    def add_progress(self, update: ProgressUpdate) -> int:
        stored = replace(copy.deepcopy(update), id=len(self.progress) + 1)
        self.progress.append(stored)
        return stored.id or 0

    def progress_of(self, measure_id: int) -> list[ProgressUpdate]:
        return [p for p in self.progress if p.measure_id == measure_id]

    def progress_of_year(
        self, fiscal_year: int, plan: str | None = PLAN_INTEGRITY
    ) -> dict[int, list[ProgressUpdate]]:
        out: dict[int, list[ProgressUpdate]] = {}
        for m in self.measures_of_year(fiscal_year, plan):
            mine = self.progress_of(m.id or 0)
            if mine:
                out[m.id or 0] = mine
        return out

    def add_outbox(self, kind: str, entity_id: str, at: datetime) -> None:
        self.outbox.append((kind, entity_id))

    def staff_with_link_codes(self, now: datetime) -> list[StaffAccount]:
        return [
            s
            for s in self.staff.values()
            if s.link_code_hash and s.link_code_expires and s.link_code_expires > now
        ]

    def link_line_user(self, staff_id: int, line_user_id: str) -> None:
        self.staff[staff_id] = replace(
            self.staff[staff_id],
            line_user_id=line_user_id,
            link_code_hash="",
            link_code_expires=None,
        )

    def unlink_line_user(self, line_user_id: str) -> None:
        for sid, s in list(self.staff.items()):
            if s.line_user_id == line_user_id:
                self.staff[sid] = replace(s, line_user_id=None)

    def _with_latest(self, m: Measure) -> Measure:
        mine = self.progress_of(m.id or 0)
        return replace(copy.deepcopy(m), latest=mine[-1] if mine else None)


class StoreWithMeasures(FakeStore):
    def __init__(self) -> None:
        super().__init__()
        self.measure_outbox: list[tuple[str, str]] = []
        self._measures = FakeMeasureStore(self.measure_outbox)

    @property
    def measures(self) -> FakeMeasureStore:
        return self._measures
