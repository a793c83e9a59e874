"""Measures and progress updates: plain data and the rules about them, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from handlers.ita.catalogue import PLAN_INTEGRITY
from handlers.thai.normalize import normalize

# Measure texts that name every unit of the office rather than one of them.
ALL_UNITS = ("ทุกส่วนราชการ", "ทุกกอง", "ทุกหน่วยงาน", "ทุกส่วนงาน", "ทุกฝ่าย")


class ProgressStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def thai(self) -> str:
        return STATUS_TH[self]


STATUS_TH: dict[ProgressStatus, str] = {
    ProgressStatus.NOT_STARTED: "ยังไม่เริ่ม",
    ProgressStatus.IN_PROGRESS: "กำลังดำเนินการ",
    ProgressStatus.DONE: "ดำเนินการแล้วเสร็จ",
}


def status_for(percent: int) -> ProgressStatus:
    if percent >= 100:
        return ProgressStatus.DONE
    if percent <= 0:
        return ProgressStatus.NOT_STARTED
    return ProgressStatus.IN_PROGRESS


@dataclass
class ProgressUpdate:
    """One report by a staff member: how far a measure is, what was done, what came of it."""

    measure_id: int
    percent: int
    done: str
    created_at: datetime
    outcome: str = ""
    photos: list[str] = field(default_factory=list)
    staff_id: int | None = None
    staff_name: str = ""
    unit: str = ""
    channel: str = "line"
    id: int | None = None

    @property
    def status(self) -> ProgressStatus:
        return status_for(self.percent)


@dataclass
class Measure:
    """One item of one of the office's plans that staff report on: an integrity measure
    (มาตรการส่งเสริมคุณธรรมและความโปร่งใส, plan "integrity"), a project of the operating plan
    or of the anti-corruption plan. Numbers are unique within a plan and fiscal year."""

    fiscal_year: int
    no: int
    title: str
    issue: str = ""
    steps: str = ""
    unit: str = ""
    period_text: str = ""
    period_start: date | None = None
    period_end: date | None = None
    indicators: list[str] = field(default_factory=list)
    outcome: str = ""  # the expected outcome (ผลลัพธ์ / ผลที่คาดว่าจะได้รับ)
    result: str = ""  # the result reported in the imported document (สรุปผลการดำเนินการ)
    note: str = ""
    warnings: list[str] = field(default_factory=list)
    id: int | None = None
    plan: str = PLAN_INTEGRITY
    budget: Decimal | None = None  # baht; operating-plan projects usually have one
    # Filled by the store when listing: the newest progress update, if any.
    latest: ProgressUpdate | None = None

    @property
    def percent(self) -> int:
        return self.latest.percent if self.latest else 0

    @property
    def status(self) -> ProgressStatus:
        return status_for(self.percent)

    @property
    def completed(self) -> bool:
        return self.percent >= 100

    @property
    def short_title(self) -> str:
        """The first line of the title, short enough for a chat message or a button."""
        first = self.title.split("\n", 1)[0].strip(" -•")
        return first if len(first) <= 60 else first[:57].rstrip() + "…"

    def is_overdue(self, today: date) -> bool:
        """Past its end date and not finished. A period nobody could read is never overdue."""
        return self.period_end is not None and today > self.period_end and not self.completed

    def belongs_to(self, unit: str) -> bool:
        """True when `unit` is named among the measure's responsible units (or all are)."""
        wanted = _squash(unit)
        if not wanted:
            return True
        text = _squash(self.unit)
        return wanted in text or any(_squash(a) in text for a in ALL_UNITS)

    def content_key(self) -> tuple[object, ...]:
        """What an import compares: re-importing the same document must change nothing."""
        return (
            self.fiscal_year,
            self.plan,
            self.no,
            self.title,
            self.issue,
            self.steps,
            self.unit,
            self.period_text,
            self.period_start,
            self.period_end,
            tuple(self.indicators),
            self.outcome,
            self.result,
            self.note,
            tuple(self.warnings),
            self.budget,
        )


def _squash(text: str) -> str:
    return normalize(text).replace(" ", "")


def unit_measures(measures: list[Measure], unit: str) -> list[Measure]:
    return [m for m in measures if m.belongs_to(unit)]
