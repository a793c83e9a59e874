"""o17: the satisfaction survey report — per service and per dimension: respondents, mean,
S.D., percent satisfied and the Thai interpretation band; by quarter; by respondent group;
complaint-handling ratings; citizens' suggestions; a chart per service."""

from __future__ import annotations

from collections.abc import Sequence

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
from handlers.thai.dates import format_thai_date

MAX_SUGGESTIONS = 200
RESULT_COLUMNS = ("จำนวนผู้ตอบ", "ค่าเฉลี่ย (x̄)", "S.D.", "ร้อยละผู้พึงพอใจ (ระดับ 4–5)", "ระดับความพึงพอใจ")


def build(
    ratings: Sequence[Rating],
    services: Sequence[Service],
    fiscal_year: int,
    office: str = "",
    thai_digits: bool = False,
) -> Report:
    """`ratings` are those of the fiscal year (others are left out here too)."""
    year = stats.ReportPeriod.fiscal_year(fiscal_year)
    rs = stats.service_ratings(ratings, year)
    results = stats.by_service(rs, services, year)
    total = stats.overall(rs, year)

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
    tables.append(_by_period(rs, fiscal_year))
    tables.append(_respondents(rs))
    tables.append(_handling(ratings, year))
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

    charts = (
        [
            Chart(
                title="ค่าเฉลี่ยความพึงพอใจจำแนกตามงานบริการ",
                labels=tuple(r.name for r in results if r.responses),
                values=tuple(r.overall.mean or 0.0 for r in results if r.responses),
                max_value=5.0,
            )
        ]
        if total.responses
        else []
    )
    charts += [
        Chart(
            title=f"{r.name}: ค่าเฉลี่ยรายประเด็น (ผู้ตอบ {r.responses:,} คน)",
            labels=tuple(d.name_th for d in DIMENSIONS),
            values=tuple(r.dimensions[d.code].mean or 0.0 for d in DIMENSIONS),
            max_value=5.0,
        )
        for r in results
        if r.responses
    ]
    first, last = year.first, year.last
    report = Report(
        title=f"รายงานผลการสำรวจความพึงพอใจการให้บริการ ประจำปีงบประมาณ พ.ศ. {fiscal_year}",
        subtitle=" ".join(
            x
            for x in (office, f"ข้อมูลระหว่าง {format_thai_date(first)} – {format_thai_date(last)}")
            if x
        ),
        kind="o17",
        tables=tables,
        charts=charts,
        notes=[
            "มาตราส่วนประเมินค่า 5 ระดับ: " + ", ".join(f"{s} = {w}" for s, w in SCALE.items()),
            "เกณฑ์การแปลความหมายค่าเฉลี่ย: " + ", ".join(f"{r} {w}" for r, w in BAND_RANGES),
            "S.D. คือส่วนเบี่ยงเบนมาตรฐานของกลุ่มตัวอย่าง; ร้อยละผู้พึงพอใจ คือสัดส่วนคำตอบระดับ 4 หรือ 5",
            "ภาพรวม คำนวณจากคะแนนทุกข้อของผู้ตอบทุกคน; ข้อมูลจากแบบประเมินทาง LINE และหน้าเว็บ (QR code)",
            f"จำนวนผู้ตอบทั้งปี {total.responses:,} คน",
        ],
    )
    return with_thai_digits(report) if thai_digits else report


def _result_row(label: str, n: int, s: stats.ScoreStats) -> tuple[str, ...]:
    if s.n == 0:
        return (label, f"{n:,}", "-", "-", "-", "-")
    return (
        label,
        f"{n:,}",
        f"{s.mean:.2f}",
        f"{s.sd:.2f}",
        f"{s.percent_satisfied:.1f}",
        s.band,
    )


def _by_period(rs: Sequence[Rating], fy: int) -> Table:
    periods = [stats.ReportPeriod.quarter(fy, q) for q in (1, 2, 3, 4)]
    periods.append(stats.ReportPeriod.first_half(fy))
    periods.append(stats.ReportPeriod.fiscal_year(fy))
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


def _respondents(rs: Sequence[Rating]) -> Table:
    rows = []
    n = len(rs)
    for attribute, (label, options) in RESPONDENT_FIELDS.items():
        for group, count, pooled in stats.breakdown(rs, attribute, options):
            if count == 0:
                continue
            share = f"{100 * count / n:.1f}" if n else "-"
            mean = f"{pooled.mean:.2f}" if pooled.mean is not None else "-"
            rows.append((label, group, f"{count:,}", share, mean, pooled.band))
    return Table(
        columns=("ข้อมูลผู้ตอบ", "กลุ่ม", "จำนวน", "ร้อยละ", "ค่าเฉลี่ย (x̄)", "ระดับความพึงพอใจ"),
        rows=rows or [("-", "ยังไม่มีผู้ตอบ", "0", "-", "-", "-")],
        title="ข้อมูลทั่วไปของผู้ตอบแบบประเมิน",
        widths=(1.5, 3.0, 1.2, 1.2, 1.3, 1.8),
    )


def _handling(ratings: Sequence[Rating], year: stats.ReportPeriod) -> Table:
    s = stats.complaint_handling(ratings, year)
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
