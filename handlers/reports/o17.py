"""The satisfaction survey report (kind `satisfaction`; o17 in ITA 2566) — per service and per
dimension: respondents, mean, S.D., percent satisfied and the Thai interpretation band; by
quarter; by channel; by respondent group; complaint-handling ratings; citizens' suggestions;
a chart per service. Only ratings dated inside the evidence window count."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from handlers.ita.windows import Window
from handlers.reports.model import Chart, Report, Table, with_thai_digits
from handlers.satisfaction import stats
from handlers.satisfaction.model import Rating
from handlers.satisfaction.services import Service
from handlers.satisfaction.survey import (
    BAND_RANGES,
    DIMENSIONS,
    HANDLING_NAME,
    RESPONDENT_FIELDS,
    SCALE,
)
from handlers.shared import channel_label, is_test_channel
from handlers.thai.dates import first_half_bounds, fiscal_year_bounds, format_thai_date

MAX_SUGGESTIONS = 200
RESULT_COLUMNS = ("จำนวนผู้ตอบ", "ค่าเฉลี่ย (x̄)", "S.D.", "ร้อยละผู้พึงพอใจ (ระดับ 4–5)", "ระดับความพึงพอใจ")


def build(
    ratings: Sequence[Rating],
    services: Sequence[Service],
    window: Window,
    office: str = "",
    thai_digits: bool = False,
) -> Report:
    """`ratings` are those dated in the window (others are left out here too): from its first
    day to its as-of day, Bangkok dates. Ratings made with the developers' terminal chat are
    tests and left out of every figure."""
    ratings = [r for r in ratings if not is_test_channel(r.channel)]
    fy = window.fiscal_year
    period = _period_of(window)
    rs = stats.service_ratings(ratings, period) if window.started else []
    handling = stats.complaint_handling(ratings, period) if window.started else None
    results = stats.by_service(rs, services, period)
    total = stats.overall(rs, period)
    report = Report(
        title=f"รายงานผลการสำรวจความพึงพอใจการให้บริการ{_round(window)} ประจำปีงบประมาณ พ.ศ. {fy}",
        subtitle=" ".join(x for x in (office, f"ข้อมูลระหว่าง {window.label()}") if x),
        kind="satisfaction",
        figures=_figures(rs, services, period),
    )
    if not window.started:
        report.intro.append(
            f"ช่วงข้อมูลของรายงานนี้เริ่มวันที่ {format_thai_date(window.start)} "
            "จึงยังไม่มีผลการสำรวจความพึงพอใจการให้บริการ"
        )
        return with_thai_digits(report) if thai_digits else report
    if total.responses == 0:
        report.intro.append(
            f"ระหว่างวันที่ {format_thai_date(window.start)} ถึงวันที่ "
            f"{format_thai_date(window.as_of)} ยังไม่มีผู้ตอบแบบประเมินความพึงพอใจการให้บริการ"
        )
    else:
        report.intro.append(_summary_sentence(window, total))
        report.tables.extend(_service_tables(rs, results, total, services, window))
        report.charts.extend(_charts(results))
    if handling is not None and handling.n:
        report.tables.append(_handling(handling))
    if report.tables:
        report.notes.extend(
            [
                "มาตราส่วนประเมินค่า 5 ระดับ: " + ", ".join(f"{s} = {w}" for s, w in SCALE.items()),
                "เกณฑ์การแปลความหมายค่าเฉลี่ย: " + ", ".join(f"{r} {w}" for r, w in BAND_RANGES),
                "S.D. คือส่วนเบี่ยงเบนมาตรฐานของกลุ่มตัวอย่าง; ร้อยละผู้พึงพอใจ คือสัดส่วนคำตอบระดับ 4 หรือ 5",
                "ภาพรวม คำนวณจากคะแนนทุกข้อของผู้ตอบทุกคน; ข้อมูลจากแบบประเมินทาง LINE และหน้าเว็บ (QR code)",
                f"จำนวนผู้ตอบในช่วงข้อมูล {total.responses:,} คน",
            ]
        )
    return with_thai_digits(report) if thai_digits else report


def _period_of(window: Window) -> stats.ReportPeriod:
    """The window's dates up to its as-of day, named as the period table names it."""
    fy = window.fiscal_year
    if (window.start, window.end) == fiscal_year_bounds(fy):
        label = stats.ReportPeriod.fiscal_year(fy).label
    elif (window.start, window.end) == first_half_bounds(fy):
        label = stats.ReportPeriod.first_half(fy).label
    else:
        label = "ทั้งช่วงข้อมูล"
    return stats.ReportPeriod(label, window.start, window.as_of)


def _round(window: Window) -> str:
    return (
        " รอบ 6 เดือน" if (window.start, window.end) == first_half_bounds(window.fiscal_year) else ""
    )


def _figures(
    rs: Sequence[Rating], services: Sequence[Service], period: stats.ReportPeriod
) -> dict[str, object]:
    # The same figures as `summary --json` (one function computes both), for the window.
    full = stats.figures(rs, services, period)
    by_service = cast(dict[str, dict[str, object]], full["by_service"])
    return {
        "responses": full["responses"],
        "mean": full["mean"],
        "percent_satisfied": full["percent_satisfied"],
        "by_service": {
            code: {"responses": f["responses"], "mean": f["mean"]} for code, f in by_service.items()
        },
        "by_channel": stats.channel_counts(rs, period),
    }


def _summary_sentence(window: Window, total: stats.ServiceResult) -> str:
    s = total.overall
    assert s.mean is not None and s.percent_satisfied is not None  # there were responses
    return (
        f"ระหว่างวันที่ {format_thai_date(window.start)} ถึงวันที่ {format_thai_date(window.as_of)} "
        f"มีผู้ตอบแบบประเมินความพึงพอใจการให้บริการ {total.responses:,} คน "
        f"ค่าเฉลี่ยความพึงพอใจภาพรวม {s.mean:.2f} อยู่ในระดับ{s.band} "
        f"และคำตอบในระดับพึงพอใจ (ระดับ 4–5) คิดเป็นร้อยละ {s.percent_satisfied:.1f} ของคำตอบทั้งหมด"
    )


def _service_tables(
    rs: Sequence[Rating],
    results: Sequence[stats.ServiceResult],
    total: stats.ServiceResult,
    services: Sequence[Service],
    window: Window,
) -> list[Table]:
    overview = [_result_row(r.name, r.responses, r.overall) for r in results]
    overview.append(_result_row("ภาพรวมทุกงานบริการ", total.responses, total.overall))
    tables = [
        Table(
            columns=("งานบริการ", *RESULT_COLUMNS),
            rows=overview,
            title="ผลการประเมินความพึงพอใจจำแนกตามงานบริการ",
            widths=(4.0, 1.3, 1.3, 1.0, 1.8, 1.6),
        ),
        Table(
            columns=("ประเด็นการประเมิน", *RESULT_COLUMNS),
            rows=[
                _result_row(d.name_th, total.responses, total.dimensions[d.code])
                for d in DIMENSIONS
            ]
            + [_result_row("ภาพรวม", total.responses, total.overall)],
            title="ผลการประเมินรายประเด็น (ทุกงานบริการ)",
            widths=(4.0, 1.3, 1.3, 1.0, 1.8, 1.6),
        ),
    ]
    for r in results:
        if r.responses == 0:
            continue
        rows = [_result_row(d.name_th, r.responses, r.dimensions[d.code]) for d in DIMENSIONS]
        rows.append(_result_row("ภาพรวม", r.responses, r.overall))
        tables.append(
            Table(
                columns=("ประเด็นการประเมิน", *RESULT_COLUMNS),
                rows=rows,
                title=f"{r.name} (ผู้ตอบ {r.responses:,} คน)",
                widths=(4.0, 1.3, 1.3, 1.0, 1.8, 1.6),
            )
        )
    tables.append(_by_period(rs, window))
    tables.append(_by_channel(rs))
    tables.append(_respondents(rs))
    suggestions = [(_name(services, r.service_code), r.comment) for r in rs if r.comment.strip()]
    if suggestions:
        tables.append(
            Table(
                columns=("งานบริการ", "ข้อเสนอแนะ"),
                rows=suggestions[:MAX_SUGGESTIONS],
                title="ข้อเสนอแนะจากผู้รับบริการ",
                widths=(2.5, 7.0),
            )
        )
    return tables


def _charts(results: Sequence[stats.ServiceResult]) -> list[Chart]:
    rated = [r for r in results if r.responses]
    charts = [
        Chart(
            title="ค่าเฉลี่ยความพึงพอใจจำแนกตามงานบริการ",
            labels=tuple(r.name for r in rated),
            values=tuple(r.overall.mean or 0.0 for r in rated),
            max_value=5.0,
        )
    ]
    charts += [
        Chart(
            title=f"{r.name}: ค่าเฉลี่ยรายประเด็น (ผู้ตอบ {r.responses:,} คน)",
            labels=tuple(d.name_th for d in DIMENSIONS),
            values=tuple(r.dimensions[d.code].mean or 0.0 for d in DIMENSIONS),
            max_value=5.0,
        )
        for r in rated
    ]
    return charts


def _result_row(label: str, n: int, s: stats.ScoreStats) -> tuple[str, ...]:
    if s.n == 0:  # nothing to average: empty cells, not a dash presented as a result
        return (label, f"{n:,}", "", "", "", "")
    return (
        label,
        f"{n:,}",
        f"{s.mean:.2f}",
        f"{s.sd:.2f}",
        f"{s.percent_satisfied:.1f}",
        s.band,
    )


def _by_period(rs: Sequence[Rating], window: Window) -> Table:
    """The quarters (and first half) of the window that have begun, then the whole window."""
    fy = window.fiscal_year
    parts = [stats.ReportPeriod.quarter(fy, q) for q in (1, 2, 3, 4)]
    if window.end > first_half_bounds(fy)[1]:
        parts.append(stats.ReportPeriod.first_half(fy))
    periods = [
        p
        for p in parts
        if window.start <= p.first and p.last <= window.end and p.first <= window.as_of
    ]
    periods.append(_period_of(window))
    rows = []
    for p in periods:
        total = stats.overall(rs, p)
        rows.append(_result_row(p.label, total.responses, total.overall))
    return Table(
        columns=("ช่วงเวลา", *RESULT_COLUMNS),
        rows=rows,
        title="ผลการประเมินจำแนกตามช่วงเวลา",
        widths=(4.0, 1.3, 1.3, 1.0, 1.8, 1.6),
    )


def _by_channel(rs: Sequence[Rating]) -> Table:
    counts = stats.channel_counts(rs)
    n = len(rs)
    rows = [(channel_label(c), f"{k:,}", f"{100 * k / n:.1f}") for c, k in counts.items()]
    rows.append(("รวม", f"{n:,}", "100.0"))
    return Table(
        columns=("ช่องทางการตอบแบบประเมิน", "จำนวนผู้ตอบ", "ร้อยละ"),
        rows=rows,
        title="จำนวนผู้ตอบแบบประเมินจำแนกตามช่องทาง",
        widths=(4.0, 1.5, 1.5),
    )


def _respondents(rs: Sequence[Rating]) -> Table:
    rows = []
    n = len(rs)
    for attribute, (label, options) in RESPONDENT_FIELDS.items():
        for group, count, pooled in stats.breakdown(rs, attribute, options):
            if count == 0:
                continue
            share = f"{100 * count / n:.1f}" if n else ""
            mean = f"{pooled.mean:.2f}" if pooled.mean is not None else ""
            rows.append((label, group, f"{count:,}", share, mean, pooled.band))
    return Table(
        columns=("ข้อมูลผู้ตอบ", "กลุ่ม", "จำนวน", "ร้อยละ", "ค่าเฉลี่ย (x̄)", "ระดับความพึงพอใจ"),
        rows=rows,
        title="ข้อมูลทั่วไปของผู้ตอบแบบประเมิน",
        widths=(1.5, 3.0, 1.2, 1.2, 1.3, 1.8),
    )


def _handling(s: stats.ScoreStats) -> Table:
    row = _result_row(HANDLING_NAME, s.n, s)
    dist = "; ".join(f"{k} = {v:,}" for k, v in s.distribution.items())
    return Table(
        columns=("ประเด็น", *RESULT_COLUMNS, "จำนวนตามระดับคะแนน"),
        rows=[(*row, dist)],
        title="ความพึงพอใจต่อการจัดการเรื่องร้องเรียน (ประเมินโดยผู้ร้องหลังแจ้งผล)",
        widths=(3.0, 1.2, 1.2, 1.0, 1.6, 1.5, 2.4),
    )


def _name(services: Sequence[Service], code: str) -> str:
    return next((s.name for s in services if s.code == code), code)
