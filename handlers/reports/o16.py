"""o16: service statistics — how many citizens used (and rated) each service, month by
month, by quarter and for the year, with the complaints received per month (counts only:
corruption reports are sealed) and a chart per service."""

from __future__ import annotations

from collections.abc import Sequence

from handlers.reports.model import Chart, Report, Table, with_thai_digits
from handlers.satisfaction import stats
from handlers.satisfaction.model import Rating
from handlers.satisfaction.services import Service
from handlers.thai.dates import format_thai_date


def build(
    ratings: Sequence[Rating],
    services: Sequence[Service],
    fiscal_year: int,
    complaints_by_month: Sequence[tuple[int, int]] = (),
    office: str = "",
    thai_digits: bool = False,
) -> Report:
    """`complaints_by_month` is (general, corruption) for October … September."""
    months = stats.fiscal_months(fiscal_year)
    monthly = stats.monthly_counts(ratings, services, fiscal_year)
    month_labels = tuple(label for *_, label in months)

    rows = [(name, *(f"{n:,}" for n in counts), f"{sum(counts):,}") for _, name, counts in monthly]
    totals = [sum(c[i] for _, _, c in monthly) for i in range(12)]
    rows.append(("รวม", *(f"{n:,}" for n in totals), f"{sum(totals):,}"))

    quarter_rows = []
    for _, name, counts in monthly:
        quarters = [sum(counts[i * 3 : i * 3 + 3]) for i in range(4)]
        quarter_rows.append(
            (name, *(f"{q:,}" for q in quarters), f"{sum(counts[:6]):,}", f"{sum(counts):,}")
        )
    tables = [
        Table(
            columns=("งานบริการ", *month_labels, "รวม"),
            rows=rows,
            title="จำนวนผู้รับบริการ (ที่ตอบแบบประเมิน) จำแนกตามงานบริการและเดือน",
            widths=(4.0, *([1.0] * 12), 1.2),
        ),
        Table(
            columns=(
                "งานบริการ",
                "ไตรมาส 1",
                "ไตรมาส 2",
                "ไตรมาส 3",
                "ไตรมาส 4",
                "รอบ 6 เดือน",
                "ทั้งปี",
            ),
            rows=quarter_rows,
            title="จำนวนผู้รับบริการจำแนกตามไตรมาส",
            widths=(4.0, 1.2, 1.2, 1.2, 1.2, 1.4, 1.2),
        ),
    ]
    if complaints_by_month:
        c_rows = [
            (label, f"{g:,}", f"{c:,}", f"{g + c:,}")
            for label, (g, c) in zip(month_labels, complaints_by_month, strict=True)
        ]
        g_total = sum(g for g, _ in complaints_by_month)
        c_total = sum(c for _, c in complaints_by_month)
        c_rows.append(("รวม", f"{g_total:,}", f"{c_total:,}", f"{g_total + c_total:,}"))
        tables.append(
            Table(
                columns=("เดือน", "เรื่องร้องเรียนทั่วไป", "เรื่องร้องเรียนการทุจริต", "รวม"),
                rows=c_rows,
                title="จำนวนเรื่องร้องเรียนที่รับจำแนกตามเดือน",
                widths=(2.0, 2.0, 2.0, 1.2),
            )
        )
    charts = (
        [
            Chart(
                title="จำนวนผู้รับบริการทั้งปีจำแนกตามงานบริการ",
                labels=tuple(name for _, name, counts in monthly if sum(counts)),
                values=tuple(float(sum(counts)) for _, _, counts in monthly if sum(counts)),
                value_format="{:,.0f}",
            )
        ]
        if sum(totals)
        else []
    )
    charts += [
        Chart(
            title=f"{name}: จำนวนผู้รับบริการรายเดือน",
            labels=month_labels,
            values=tuple(float(n) for n in counts),
            value_format="{:,.0f}",
            horizontal=False,
        )
        for _, name, counts in monthly
        if sum(counts)
    ]
    year = stats.ReportPeriod.fiscal_year(fiscal_year)
    period = f"ข้อมูลระหว่าง {format_thai_date(year.first)} – {format_thai_date(year.last)}"
    report = Report(
        title=f"รายงานสถิติการให้บริการ ประจำปีงบประมาณ พ.ศ. {fiscal_year}",
        subtitle=" ".join(x for x in (office, period) if x),
        kind="o16",
        tables=tables,
        charts=charts,
        notes=[
            "นับจากแบบประเมินความพึงพอใจที่ผู้รับบริการตอบทาง LINE และหน้าเว็บ (QR code ณ จุดให้บริการ)",
            "เรื่องร้องเรียนการทุจริตรับผ่านช่องทางแยกและปกปิดข้อมูลผู้แจ้ง รายงานนี้แสดงเฉพาะจำนวน",
        ],
    )
    return with_thai_digits(report) if thai_digits else report
