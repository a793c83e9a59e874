"""Citizen participation (kind `participation`; o30 in ITA 2566, O20 in 2568): the suggestions
citizens made in the evidence window — comments left on satisfaction ratings, and complaints
filed under "other, suggestions, questions" — by month and by channel, and how many of the
latter were answered.

Counts only: the store hands over grouped numbers, never a name, a phone number, an address
or the text of a suggestion, so nothing a citizen wrote can reach a published page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from handlers.complaints import categories
from handlers.complaints.stats import month_key
from handlers.ita.windows import Window
from handlers.reports.model import Chart, Report, Table, with_thai_digits
from handlers.satisfaction.services import Service
from handlers.satisfaction.survey import HANDLING_NAME
from handlers.shared import channel_label, is_test_channel
from handlers.thai.dates import MONTHS_FULL, MONTHS_SHORT, format_thai_date

TITLE = "รายงานผลการเปิดโอกาสให้เกิดการมีส่วนร่วม"
# The complaint category that carries citizens' suggestions and questions (categories.csv).
SUGGESTION_CATEGORY = "other"
FROM_RATINGS = "ข้อเสนอแนะในแบบประเมินความพึงพอใจการให้บริการ"


@dataclass(frozen=True)
class RatingSuggestions:
    """How many ratings of one service, month (yyyymm, Bangkok) and channel carried a
    suggestion; service "" is a rating of how a complaint was handled."""

    month: int
    channel: str
    service_code: str
    n: int


@dataclass(frozen=True)
class ComplaintSuggestions:
    """How many suggestion complaints of one month (yyyymm, Bangkok) and channel were filed,
    and how many of them had been answered (closed) by the window's as-of day."""

    month: int
    channel: str
    n: int
    answered: int


def build(
    from_ratings: Sequence[RatingSuggestions],
    from_complaints: Sequence[ComplaintSuggestions],
    services: Sequence[Service],
    window: Window,
    office: str = "",
    thai_digits: bool = False,
) -> Report:
    """Counts of the window's months only (others are left out here too), without the
    developers' terminal chat tests."""
    months = window_months(window)
    inside = set(months)
    rs = [r for r in from_ratings if r.month in inside and r.n and not is_test_channel(r.channel)]
    cs = [
        c for c in from_complaints if c.month in inside and c.n and not is_test_channel(c.channel)
    ]
    n_ratings = sum(r.n for r in rs)
    n_complaints = sum(c.n for c in cs)
    answered = sum(c.answered for c in cs)
    total = n_ratings + n_complaints

    by_month = {m: 0 for m in months}
    by_channel: dict[str, int] = {}
    for month, channel, n in [(r.month, r.channel, r.n) for r in rs] + [
        (c.month, c.channel, c.n) for c in cs
    ]:
        by_month[month] += n
        by_channel[channel] = by_channel.get(channel, 0) + n

    report = Report(
        title=TITLE,
        subtitle=" ".join(
            x for x in (office, f"ปีงบประมาณ พ.ศ. {window.fiscal_year}", f"({window.label()})") if x
        ),
        kind="participation",
        figures={
            "suggestions": total,
            "by_channel": dict(sorted(by_channel.items())),
            "by_month": {month_key(m): n for m, n in by_month.items()},
            "answered": answered,
        },
    )
    if not window.started:
        report.intro.append(
            f"ช่วงข้อมูลของรายงานนี้เริ่มวันที่ {format_thai_date(window.start)} จึงยังไม่มีข้อเสนอแนะจากประชาชน"
        )
    elif total == 0:
        report.intro.append(
            f"ระหว่างวันที่ {format_thai_date(window.start)} ถึงวันที่ "
            f"{format_thai_date(window.as_of)} ยังไม่มีข้อเสนอแนะจากประชาชน"
            "ผ่านแบบประเมินความพึงพอใจการให้บริการหรือช่องทางรับเรื่องร้องเรียน"
        )
    else:
        report.intro.extend(_summary(window, office, n_ratings, n_complaints, answered))
        other = _other_name()
        report.tables.extend(
            [
                _overview(other, n_ratings, n_complaints, answered),
                _by_month(months, rs, cs),
                _by_channel(rs, cs),
            ]
        )
        if rs:
            report.tables.append(_by_service(rs, services))
        report.charts.append(
            Chart(
                title="จำนวนข้อเสนอแนะจากประชาชนจำแนกตามเดือน",
                labels=tuple(_short_month(m) for m in months),
                values=tuple(float(by_month[m]) for m in months),
                value_format="{:,.0f}",
                horizontal=False,  # months read left to right, as on the dashboard
            )
        )
        report.notes.extend(
            [
                f"{FROM_RATINGS}: นับแบบประเมินที่ผู้ตอบเขียนข้อเสนอแนะหรือความคิดเห็นไว้ "
                "(ทาง LINE และหน้าเว็บ) ไม่เปิดเผยข้อความและตัวตนของผู้ตอบ",
                f"เรื่องหมวด “{other}”: นับเรื่องที่ประชาชนยื่นผ่านช่องทางรับเรื่องร้องเรียน "
                "ไม่เปิดเผยชื่อ ที่อยู่ หมายเลขโทรศัพท์ และรายละเอียดของเรื่อง",
                "ตอบกลับ/ปิดเรื่องแล้ว คือเรื่องที่แจ้งผลการดำเนินการ (ดำเนินการแล้วเสร็จ "
                f"หรือไม่รับไว้พิจารณา) ภายในวันที่ {format_thai_date(window.as_of)}; "
                "ข้อเสนอแนะในแบบประเมินไม่มีการตอบกลับเป็นรายบุคคล",
            ]
        )
    return with_thai_digits(report) if thai_digits else report


def window_months(window: Window) -> list[int]:
    """yyyymm (CE) of each month from the window's start to its as-of day."""
    out: list[int] = []
    if not window.started:
        return out
    day = date(window.start.year, window.start.month, 1)
    while day <= window.as_of:
        out.append(day.year * 100 + day.month)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def _other_name() -> str:
    found = categories.get(SUGGESTION_CATEGORY)
    return found.name_th if found else "อื่น ๆ ข้อเสนอแนะ สอบถาม"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else ""


def _summary(
    window: Window, office: str, n_ratings: int, n_complaints: int, answered: int
) -> list[str]:
    who = office or "หน่วยงาน"
    out = [
        f"ระหว่างวันที่ {format_thai_date(window.start)} ถึงวันที่ "
        f"{format_thai_date(window.as_of)} {who}เปิดโอกาสให้ประชาชนมีส่วนร่วมเสนอความคิดเห็น"
        "ผ่านแบบประเมินความพึงพอใจการให้บริการและช่องทางรับเรื่องร้องเรียน "
        f"ได้รับข้อเสนอแนะรวม {n_ratings + n_complaints:,} เรื่อง "
        f"เป็น{FROM_RATINGS} {n_ratings:,} เรื่อง "
        f"และเรื่องหมวด “{_other_name()}” {n_complaints:,} เรื่อง"
    ]
    if n_complaints:
        out.append(
            f"เรื่องที่ยื่นผ่านช่องทางรับเรื่องร้องเรียน {n_complaints:,} เรื่อง "
            f"ตอบกลับ/ปิดเรื่องแล้ว {answered:,} เรื่อง "
            f"คิดเป็นร้อยละ {_percent(answered, n_complaints)}"
        )
    return out


def _overview(other: str, n_ratings: int, n_complaints: int, answered: int) -> Table:
    return Table(
        columns=("ช่องทางการมีส่วนร่วม", "จำนวน (เรื่อง)", "ตอบกลับ/ปิดเรื่องแล้ว", "ร้อยละที่ตอบกลับ"),
        rows=[
            (FROM_RATINGS, f"{n_ratings:,}", "", ""),
            (
                f"เรื่องหมวด “{other}” ผ่านช่องทางรับเรื่องร้องเรียน",
                f"{n_complaints:,}",
                f"{answered:,}",
                _percent(answered, n_complaints),
            ),
            ("รวม", f"{n_ratings + n_complaints:,}", f"{answered:,}", ""),
        ],
        title="สรุปข้อเสนอแนะจากประชาชน",
        widths=(5.0, 1.5, 1.8, 1.5),
    )


def _by_month(
    months: Sequence[int],
    rs: Sequence[RatingSuggestions],
    cs: Sequence[ComplaintSuggestions],
) -> Table:
    rows = []
    for m in months:
        a = sum(r.n for r in rs if r.month == m)
        b = sum(c.n for c in cs if c.month == m)
        done = sum(c.answered for c in cs if c.month == m)
        rows.append((_month_name(m), f"{a:,}", f"{b:,}", f"{a + b:,}", f"{done:,}"))
    a = sum(r.n for r in rs)
    b = sum(c.n for c in cs)
    rows.append(("รวม", f"{a:,}", f"{b:,}", f"{a + b:,}", f"{sum(c.answered for c in cs):,}"))
    return Table(
        columns=(
            "เดือน",
            "จากแบบประเมินความพึงพอใจ",
            "จากช่องทางรับเรื่องร้องเรียน",
            "รวม",
            "ตอบกลับ/ปิดเรื่องแล้ว",
        ),
        rows=rows,
        title="จำนวนข้อเสนอแนะจำแนกตามเดือน",
        widths=(2.5, 2.0, 2.0, 1.2, 1.8),
    )


def _by_channel(rs: Sequence[RatingSuggestions], cs: Sequence[ComplaintSuggestions]) -> Table:
    channels = sorted({r.channel for r in rs} | {c.channel for c in cs})
    rows = []
    for ch in channels:
        a = sum(r.n for r in rs if r.channel == ch)
        b = sum(c.n for c in cs if c.channel == ch)
        rows.append((channel_label(ch), f"{a:,}", f"{b:,}", f"{a + b:,}"))
    a, b = sum(r.n for r in rs), sum(c.n for c in cs)
    rows.append(("รวม", f"{a:,}", f"{b:,}", f"{a + b:,}"))
    return Table(
        columns=("ช่องทาง", "จากแบบประเมินความพึงพอใจ", "จากช่องทางรับเรื่องร้องเรียน", "รวม"),
        rows=rows,
        title="จำนวนข้อเสนอแนะจำแนกตามช่องทาง",
        widths=(2.5, 2.0, 2.0, 1.2),
    )


def _by_service(rs: Sequence[RatingSuggestions], services: Sequence[Service]) -> Table:
    """Suggestions per service, in the office's order: a count each, never the text."""
    counts: dict[str, int] = {}
    for r in rs:
        counts[r.service_code] = counts.get(r.service_code, 0) + r.n
    names = {s.code: s.name for s in services}
    order = [s.code for s in services if s.code in counts]
    order += sorted(c for c in counts if c not in names and c)
    rows = [(names.get(c, c), f"{counts[c]:,}") for c in order]
    if "" in counts:
        rows.append((f"{HANDLING_NAME} (ประเมินหลังแจ้งผล)", f"{counts['']:,}"))
    return Table(
        columns=("งานบริการ", "จำนวนข้อเสนอแนะ"),
        rows=rows,
        title="ข้อเสนอแนะในแบบประเมินความพึงพอใจจำแนกตามงานบริการ",
        widths=(5.0, 2.0),
    )


def _month_name(yyyymm: int) -> str:
    return f"{MONTHS_FULL[yyyymm % 100 - 1]} {yyyymm // 100 + 543}"


def _short_month(yyyymm: int) -> str:
    return f"{MONTHS_SHORT[yyyymm % 100 - 1]} {str(yyyymm // 100 + 543)[-2:]}"
