"""Complaint statistics for the ITA evidence, in two separate reports:

- ``complaints``: general complaints (every category that is not sealed);
- ``corruption_complaints``: corruption and misconduct reports (the sealed categories,
  handlers.complaints.policy.is_sealed), o29 in ITA 2566 and O19 in 2568.

The input is one plain fact per case (received and closed dates, status, category, channel),
never a case number, name, detail or place, so neither report can show anything but counts.

Definitions (the figures under ``Report.figures``, and the tables built from them):

- Cases filed with the developers' terminal chat (channel ``chat``) are tests, never
  published: they are left out of every figure.
- A case belongs to the window when it was *received* (Bangkok date) within
  [start, as_of]; its status is the one it had at the end of ``as_of``.
- *Closed* means the outcome was given: resolved or rejected (domain.CLOSED_STATUSES), by the
  end of ``as_of``; a case closed later counts as open. "Forwarded" is still open.
- ``median_days_to_close``: the median of whole Bangkok calendar days from receipt to closing,
  over the window's cases closed by ``as_of`` (the mean of the middle two when their number
  is even, so it may end in .5); ``None`` when none is closed. Unlike the dashboard's
  ``median_days_to_resolve`` it counts rejected cases too: they were answered.
- ``closed_within_15_days``: ``count`` = cases received in the window and closed by ``as_of``
  at most 15 days after the day of receipt (the citizen must be told within 15 days, see
  handlers/complaints/due.py); ``of`` = every case received in the window, open ones included,
  so a case left open counts against the office; ``percent`` = count / of × 100 rounded half up
  to 1 decimal (``None`` when ``of`` is 0).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from handlers.complaints import categories
from handlers.complaints.domain import CLOSED_STATUSES, RESPONSE_DAYS, STATUS_TH, Status
from handlers.complaints.policy import is_sealed
from handlers.complaints.stats import median_from_histogram
from handlers.reports.model import Report, Table, with_thai_digits
from handlers.shared import Channel, channel_label, is_test_channel
from handlers.thai.dates import MONTHS_FULL, format_thai_date

Kind = Literal["complaints", "corruption_complaints"]
GENERAL: Kind = "complaints"
CORRUPTION: Kind = "corruption_complaints"

TITLES: dict[str, str] = {
    GENERAL: "รายงานสถิติเรื่องร้องเรียนทั่วไป",
    CORRUPTION: "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
}
SUBJECT: dict[str, str] = {
    GENERAL: "เรื่องร้องเรียนทั่วไป",
    CORRUPTION: "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
}
# Always listed, even at zero: the two channels every office offers.
MAIN_CHANNELS = (Channel.LINE.value, Channel.WEB.value)
_CLOSED = frozenset(s.value for s in CLOSED_STATUSES)


@dataclass(frozen=True)
class CaseFacts:
    """What the statistics may know of one case: no number, name, detail or place."""

    received: date  # the Bangkok day it was filed
    closed: date | None  # the Bangkok day it was resolved or rejected; None while open
    status: str  # its status at the end of the as-of day
    category: str
    channel: str


def belongs(kind: Kind, category: str) -> bool:
    """Corruption reports are exactly the sealed categories; general ones all the others."""
    return is_sealed(category) == (kind == CORRUPTION)


def figures(cases: Iterable[CaseFacts], start: date, as_of: date, kind: Kind) -> dict[str, object]:
    """The report's figures (plain JSON values), as defined in the module docstring.

    Cases of the other kind and cases received outside [start, as_of] are left out here too,
    so a caller that passes more than it should still publishes the right counts."""
    mine = [
        c
        for c in cases
        if belongs(kind, c.category)
        and start <= c.received <= as_of
        and not is_test_channel(c.channel)  # `flask chat` tests: not the office's cases
    ]
    # A closing after the as-of day is not known on that day (the status says open too).
    closed_days = [
        (c.closed - c.received).days
        for c in mine
        if c.closed is not None and c.closed <= as_of and c.status in _CLOSED
    ]
    histogram: dict[int, int] = {}
    for d in closed_days:
        histogram[d] = histogram.get(d, 0) + 1
    within = sum(1 for d in closed_days if d <= RESPONSE_DAYS)
    total = len(mine)
    return {
        "total": total,
        "by_status": _count(mine, lambda c: c.status, [s.value for s in Status]),
        "by_category": _count(mine, lambda c: c.category, _category_codes(kind)),
        "by_channel": _count(mine, lambda c: c.channel, list(MAIN_CHANNELS), sort_rest=True),
        "by_month": _count(
            mine, lambda c: f"{c.received:%Y-%m}", _months(start, as_of), keep_rest=False
        ),
        "median_days_to_close": median_from_histogram(histogram),
        "closed_within_15_days": {
            "count": within,
            "of": total,
            "percent": _percent(within, total),
        },
    }


def build(
    cases: Iterable[CaseFacts],
    start: date,
    as_of: date,
    kind: Kind,
    thai_digits: bool = False,
) -> Report:
    """The report of one kind for the cases received within [start, as_of]."""
    subject = SUBJECT[kind]
    figs = figures(cases, start, as_of, kind)
    report = Report(
        title=TITLES[kind],
        subtitle="จำแนกตามสถานะ ประเภทเรื่อง ช่องทางการรับเรื่อง และรายเดือน",
        kind=kind,
        figures=figs,
    )
    if as_of < start:
        report.intro.append(f"ยังไม่ถึงช่วงเวลาของข้อมูล จึงยังไม่มีสถิติ{subject}")
    elif figs["total"] == 0:
        report.intro.append(f"ในช่วงเวลาดังกล่าวไม่มี{subject}")
    else:
        report.tables.extend(_tables(figs, as_of))
        report.notes.extend(_notes(kind, start, as_of))
    return with_thai_digits(report) if thai_digits else report


# --- tables ---------------------------------------------------------------------------------


def _tables(figs: dict[str, object], as_of: date) -> list[Table]:
    total = _int(figs["total"])
    within = figs["closed_within_15_days"]
    assert isinstance(within, dict)
    median = figs["median_days_to_close"]
    summary = [("เรื่องที่ได้รับทั้งหมด (เรื่อง)", _n(total))]
    if isinstance(median, float):  # no row at all when nothing is closed yet
        summary.append(("ระยะเวลาตั้งแต่รับเรื่องจนปิดเรื่อง ค่ามัธยฐาน (วัน)", _days(median)))
    summary.append((f"ปิดเรื่องภายใน {RESPONSE_DAYS} วันนับแต่วันที่รับเรื่อง (เรื่อง)", _n(within["count"])))
    summary.append(
        (
            f"ปิดเรื่องภายใน {RESPONSE_DAYS} วัน เทียบกับเรื่องที่ได้รับทั้งหมด",
            f"ร้อยละ {within['percent']}",
        )
    )
    by_status = _dict(figs["by_status"])
    by_category = _dict(figs["by_category"])
    by_channel = _dict(figs["by_channel"])
    by_month = _dict(figs["by_month"])
    count_col = "จำนวน (เรื่อง)"
    return [
        Table(("รายการ", "ผล"), summary, "สรุปภาพรวม", (4.0, 1.6)),
        Table(
            ("สถานะ", count_col),
            _with_total([(_status_th(k), _n(v)) for k, v in by_status.items()], total),
            f"จำแนกตามสถานะ ณ วันที่ {format_thai_date(as_of)}",
            (4.0, 1.6),
        ),
        Table(
            ("ประเภทเรื่อง", count_col),
            _with_total([(_category_th(k), _n(v)) for k, v in by_category.items()], total),
            "จำแนกตามประเภทเรื่อง",
            (4.0, 1.6),
        ),
        Table(
            ("ช่องทางการรับเรื่อง", count_col),
            _with_total([(channel_label(k), _n(v)) for k, v in by_channel.items()], total),
            "จำแนกตามช่องทางการรับเรื่อง",
            (4.0, 1.6),
        ),
        Table(
            ("เดือนที่รับเรื่อง", count_col),
            _with_total([(_month_th(k), _n(v)) for k, v in by_month.items()], total),
            "จำแนกรายเดือน",
            (4.0, 1.6),
        ),
    ]


def _notes(kind: Kind, start: date, as_of: date) -> list[str]:
    notes = [
        f"นับเฉพาะเรื่องที่ได้รับตั้งแต่วันที่ {format_thai_date(start)} ถึงวันที่ "
        f"{format_thai_date(as_of)} โดยแสดงสถานะของแต่ละเรื่อง ณ สิ้นวันที่ {format_thai_date(as_of)}",
        "ปิดเรื่อง หมายถึง ดำเนินการแล้วเสร็จหรือไม่รับไว้พิจารณา และได้แจ้งผลแก่ผู้ร้องแล้ว "
        "ระยะเวลานับเป็นวันตามปฏิทินจากวันที่รับเรื่องถึงวันที่ปิดเรื่อง",
        f"ร้อยละของเรื่องที่ปิดภายใน {RESPONSE_DAYS} วัน คิดจากเรื่องที่ได้รับทั้งหมดในช่วงเวลาดังกล่าว "
        "รวมเรื่องที่ยังอยู่ระหว่างดำเนินการ",
    ]
    if kind == CORRUPTION:
        notes.append(
            "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบรับผ่านช่องทางแยกและปกปิดข้อมูลผู้แจ้ง รายงานนี้แสดงเฉพาะจำนวน"
        )
    else:
        notes.append("ไม่รวมเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ซึ่งรายงานแยกต่างหาก")
    return notes


def _with_total(rows: list[tuple[str, str]], total: int) -> list[tuple[str, str]]:
    return [*rows, ("รวม", _n(total))]


def _status_th(code: str) -> str:
    try:
        return STATUS_TH[Status(code)]
    except ValueError:
        return code


def _category_th(code: str) -> str:
    c = categories.get(code)
    return c.name_th if c else code


def _month_th(key: str) -> str:
    year, month = (int(p) for p in key.split("-"))
    return f"{MONTHS_FULL[month - 1]} {year + 543}"


def _n(value: object) -> str:
    return str(_int(value))


def _int(value: object) -> int:
    assert isinstance(value, int)
    return value


def _dict(value: object) -> dict[str, int]:
    assert isinstance(value, dict)
    return value


def _days(median: float) -> str:
    return str(int(median)) if median.is_integer() else f"{median:.1f}"


# --- counting -------------------------------------------------------------------------------


def _count(
    cases: list[CaseFacts],
    key: Callable[[CaseFacts], str],
    listed: list[str],
    keep_rest: bool = True,
    sort_rest: bool = False,
) -> dict[str, int]:
    """{key: n} with every `listed` key (zeros included, in that order), then any other key
    that occurs (when `keep_rest`; sorted when `sort_rest`, else in order of appearance)."""
    out = dict.fromkeys(listed, 0)
    rest: dict[str, int] = {}
    for c in cases:
        k = key(c)
        if k in out:
            out[k] += 1
        elif keep_rest:
            rest[k] = rest.get(k, 0) + 1
    for k in sorted(rest) if sort_rest else rest:
        out[k] = rest[k]
    return out


def _category_codes(kind: Kind) -> list[str]:
    return [code for code in categories.by_code() if belongs(kind, code)]


def _months(start: date, as_of: date) -> list[str]:
    """ "YYYY-MM" (CE) of every month from start's to as_of's; none before the window opens."""
    out = []
    y, m = start.year, start.month
    while (y, m) <= (as_of.year, as_of.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _percent(part: int, whole: int) -> float | None:
    if whole == 0:
        return None
    exact = Decimal(part * 100) / Decimal(whole)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
