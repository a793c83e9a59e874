"""What the measure and plan reports share: which progress updates a window takes, how an
item stood on a day, and the words and numbers printed for it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from handlers.clock import local_date
from handlers.ita.windows import Window
from handlers.measures.domain import Measure, ProgressStatus, ProgressUpdate, status_for
from handlers.thai.dates import format_thai_date
from handlers.thai.periods import Period

# The status words of a published report (a government document says ยังไม่ดำเนินการ where
# the chat says ยังไม่เริ่ม).
STATUS_WORDS: dict[ProgressStatus, str] = {
    ProgressStatus.NOT_STARTED: "ยังไม่ดำเนินการ",
    ProgressStatus.IN_PROGRESS: "อยู่ระหว่างดำเนินการ",
    ProgressStatus.DONE: "ดำเนินการแล้วเสร็จ",
}
OVERDUE = "เลยกำหนด"


def day_of(u: ProgressUpdate) -> date:
    """The (Bangkok) day an update was reported on."""
    return local_date(u.created_at)


def in_order(updates: Iterable[ProgressUpdate]) -> list[ProgressUpdate]:
    """Oldest first; updates of one instant keep the order they were stored in."""
    return sorted(updates, key=lambda u: u.created_at)


def within(updates: Iterable[ProgressUpdate], window: Window) -> list[ProgressUpdate]:
    """The updates reported inside the window's dates up to its as-of day, oldest first."""
    return [u for u in in_order(updates) if window.contains(day_of(u))]


def percent_on(updates: Iterable[ProgressUpdate], day: date) -> int:
    """How far the item was on `day`: the newest update reported on or before it, else 0."""
    known = [u for u in in_order(updates) if day_of(u) <= day]
    return known[-1].percent if known else 0


def is_overdue(m: Measure, percent: int, day: date) -> bool:
    """Past its end date on `day` and not finished then. An item whose period ends after
    `day` (or cannot be read) is never overdue."""
    return m.period_end is not None and day > m.period_end and percent < 100


def status_word(percent: int) -> str:
    return STATUS_WORDS[status_for(percent)]


def percent_text(percent: int) -> str:
    return f"ร้อยละ {percent}"


def period_label(m: Measure) -> str:
    """ "1 ต.ค. 67 – 30 ก.ย. 68", or the period as the register wrote it when unread."""
    if m.period_start is None and m.period_end is None:
        return m.period_text
    return Period(m.period_start, m.period_end, m.period_text).label(short=True)


def dated_lines(updates: Iterable[ProgressUpdate]) -> str:
    """ "15 ม.ค. 68: อบรมรุ่นแรก (ร้อยละ 50)", one line an update."""
    lines = []
    for u in updates:
        when = format_thai_date(day_of(u), short=True)
        what = f"{u.done} ({percent_text(u.percent)})" if u.done else percent_text(u.percent)
        lines.append(f"{when}: {what}")
    return "\n".join(lines)


def baht(amount: Decimal) -> str:
    """ "150,000" or "25,500.50", as budget tables print money."""
    if amount == amount.to_integral_value():
        return f"{int(amount):,}"
    return f"{amount:,.2f}"


def average(percents: list[int]) -> float:
    return round(sum(percents) / len(percents), 1) if percents else 0.0
