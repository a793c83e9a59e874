"""Use cases of the measures: import a register, record progress, list a unit's work.

Plain functions given the store; they never commit (the caller does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from handlers.clock import local_date
from handlers.ita.catalogue import PLAN_INTEGRITY
from handlers.measures.domain import Measure, ProgressUpdate, unit_measures
from handlers.measures.plans import check_plan
from handlers.measures.ports import MeasureStore, StaffAccount
from handlers.measures.tables import ParsedMeasure
from handlers.secrets_codes import check_code
from handlers.shared import DomainError
from handlers.thai.dates import fiscal_year
from handlers.thai.periods import MISSING, UNREADABLE, parse_period

MAX_PHOTOS = 3
MAX_TEXT = 2000


@dataclass
class ImportResult:
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def import_measures(
    store: MeasureStore,
    parsed: list[ParsedMeasure],
    now: datetime,
    dry_run: bool = False,
    plan: str = PLAN_INTEGRITY,
) -> ImportResult:
    """Save the items of one plan by (fiscal year, plan, number); the same document again
    changes nothing, and items of other plans with the same numbers are left alone."""
    check_plan(plan)
    result = ImportResult()
    for p in parsed:
        m = p.measure
        m.plan = plan
        existing = store.find_measure(m.fiscal_year, m.no, plan)
        if existing is not None and existing.content_key() == m.content_key():
            result.unchanged.append(m.no)
            continue
        (result.updated if existing else result.created).append(m.no)
        if dry_run:
            continue
        m.id = existing.id if existing else None
        m.id = store.save_measure(m)
        store.add_outbox("measure", str(m.id), now)
    return result


def record_progress(store: MeasureStore, update: ProgressUpdate) -> ProgressUpdate:
    """Keep a staff member's report on a measure and queue it for the spreadsheet."""
    if not 0 <= update.percent <= 100:
        raise ValueError("percent must be 0-100")
    if store.get_measure(update.measure_id) is None:
        raise LookupError(f"no measure {update.measure_id}")
    update.done = update.done.strip()[:MAX_TEXT]
    update.outcome = update.outcome.strip()[:MAX_TEXT]
    update.photos = update.photos[:MAX_PHOTOS]
    update.id = store.add_progress(update)
    store.add_outbox("progress", str(update.id), update.created_at)
    return update


def working_year(store: MeasureStore, today: date) -> int | None:
    """The fiscal year staff work on: the current one, else the newest with measures."""
    years = store.measure_years()
    if not years:
        return None
    current = fiscal_year(today)
    if current in years:
        return current
    earlier = [y for y in years if y <= current]
    return max(earlier) if earlier else min(years)


@dataclass(frozen=True)
class Work:
    fiscal_year: int | None
    measures: list[Measure]
    overdue: list[Measure]
    # The year has items of more than one plan: lists name each item's plan.
    several_plans: bool = False


def my_work(store: MeasureStore, unit: str, now: datetime) -> Work:
    """A unit's items of every plan of the working year, with progress, and which are
    overdue: integrity measures first, then the operating and anti-corruption plans."""
    today = local_date(now)
    year = working_year(store, today)
    if year is None:
        return Work(None, [], [])
    every = store.measures_of_year(year, plan=None)
    mine = unit_measures(every, unit)
    several = len({m.plan for m in every}) > 1
    return Work(year, mine, [m for m in mine if m.is_overdue(today)], several)


def measures_summary(store: MeasureStore, fy: int, today: date) -> dict[str, object]:
    """The `measures` section of the summary: how the year's integrity measures stand."""
    measures = store.measures_of_year(fy)
    total = len(measures)
    return {
        "total": total,
        "completed": sum(1 for m in measures if m.completed),
        "average_percent": round(sum(m.percent for m in measures) / total, 1) if total else 0.0,
        "overdue": sum(1 for m in measures if m.is_overdue(today)),
    }


def find_staff_by_code(store: MeasureStore, code: str, now: datetime) -> StaffAccount | None:
    """The account a one-time link code was issued to, if the code is right and still valid."""
    cleaned = "".join(code.split()).upper()
    if len(cleaned) < 6:
        return None
    for account in store.staff_with_link_codes(now):
        if check_code(cleaned, account.link_code_hash):
            return account
    return None


# --- an admin's change to the register (from the spreadsheet's มาตรการ tab) ----------------

# The fields an admin may change after import: what the office wrote in its register.
# Field -> (Thai name, longest text the database keeps).
EDITABLE_FIELDS: dict[str, tuple[str, int]] = {
    "title": ("ชื่อมาตรการ", 4000),
    "steps": ("ขั้นตอน/วิธีการดำเนินการ", 8000),
    "unit": ("หน่วยงานรับผิดชอบ", 300),
    "period_text": ("ระยะเวลาดำเนินการ", 300),
    "outcome": ("ผลที่คาดว่าจะได้รับ", 4000),
}


@dataclass(frozen=True)
class MeasureChange:
    """What an edit changed, for the caller's audit trail."""

    measure: Measure
    field: str
    old: str
    new: str


def edit_measure(
    store: MeasureStore, measure_id: int, field_name: str, value: str, now: datetime
) -> MeasureChange | None:
    """Change one field of a measure and queue it for the spreadsheet. None when the value is
    what the measure already says. Raises DomainError (Thai) for a value it cannot take;
    nothing is changed then. A new period text is read again for the measure's dates."""
    if field_name not in EDITABLE_FIELDS:
        raise DomainError("แก้ไขช่องนี้ไม่ได้")
    label, limit = EDITABLE_FIELDS[field_name]
    measure = store.get_measure(measure_id)
    if measure is None:
        raise DomainError("ไม่พบมาตรการนี้ในระบบ")
    new = "\n".join(line.rstrip() for line in value.replace("\r\n", "\n").split("\n")).strip()
    old = str(getattr(measure, field_name))
    if new == old.strip():
        return None
    if field_name == "title" and not new:
        raise DomainError("ชื่อมาตรการต้องไม่ว่าง")
    if len(new) > limit:
        raise DomainError(f"{label}ยาวเกิน {limit:,} ตัวอักษร")
    if field_name == "period_text":
        period = parse_period(new, measure.fiscal_year)
        if period.warning and new:
            raise DomainError(
                f"อ่านระยะเวลา “{new}” ไม่ได้ เขียนเช่น ไตรมาส 1, ม.ค.-มี.ค. {measure.fiscal_year},"
                " ตลอดปีงบประมาณ"
            )
        measure.period_start, measure.period_end = period.start, period.end
        measure.warnings = [
            w for w in measure.warnings if not w.startswith((UNREADABLE, MISSING))
        ] + ([period.warning] if period.warning else [])
    setattr(measure, field_name, new)
    store.save_measure(measure)
    store.add_outbox("measure", str(measure.id), now)
    return MeasureChange(measure, field_name, old, new)
