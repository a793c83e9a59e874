"""What the measures core needs from the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from handlers.ita.catalogue import PLAN_INTEGRITY
from handlers.measures.domain import Measure, ProgressUpdate


@dataclass(frozen=True)
class StaffAccount:
    """An office account as the chat sees it."""

    id: int
    username: str
    name: str
    role: str
    unit: str
    line_user_id: str | None = None
    link_code_hash: str = ""
    link_code_expires: datetime | None = None


class MeasureStore(Protocol):
    """Measures (the items of every plan), progress and staff links. Writes join the
    caller's transaction. `plan` picks one plan's items (the integrity measures unless
    said otherwise); None means the items of every plan, ordered by plan then number."""

    def measures_of_year(
        self, fiscal_year: int, plan: str | None = PLAN_INTEGRITY
    ) -> list[Measure]: ...
    def measure_years(self) -> list[int]: ...  # years with items of any plan
    def get_measure(self, measure_id: int) -> Measure | None: ...
    def find_measure(
        self, fiscal_year: int, no: int, plan: str = PLAN_INTEGRITY
    ) -> Measure | None: ...
    def save_measure(self, measure: Measure) -> int: ...
    def add_progress(self, update: ProgressUpdate) -> int: ...
    def progress_of(self, measure_id: int) -> list[ProgressUpdate]: ...
    def add_outbox(self, kind: str, entity_id: str, at: datetime) -> None: ...

    # staff accounts and their LINE link
    def staff_with_link_codes(self, now: datetime) -> list[StaffAccount]: ...
    def link_line_user(self, staff_id: int, line_user_id: str) -> None: ...
    def unlink_line_user(self, line_user_id: str) -> None: ...


class HasMeasures(Protocol):
    """The main store hands out its measures part, sharing its transaction."""

    @property
    def measures(self) -> MeasureStore: ...
