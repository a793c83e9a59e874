"""A report as data: a title, tables of text cells, notes. Every renderer takes this."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from handlers.thai.digits import arabic_to_thai


@dataclass(frozen=True)
class Table:
    """Columns and rows of text; a newline inside a cell separates its paragraphs."""

    columns: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    title: str = ""
    # Relative column widths (any unit); equal when empty.
    widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class Chart:
    """A bar chart as data, one bar per label; renderers draw it (a PNG with a Thai font)."""

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    max_value: float | None = None  # the end of the value axis (5 for a 1–5 mean)
    value_format: str = "{:.2f}"
    horizontal: bool = True  # long Thai labels read best on horizontal bars


@dataclass(frozen=True)
class Image:
    """A photo shown with the evidence (a staff member's proof of work on a measure)."""

    caption: str
    path: str  # the file on this machine (renderers embed it)
    url: str = ""  # where a web page shows it (empty: embedded or left out)


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str = ""
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    landscape: bool = True
    kind: str = ""
    charts: list[Chart] = field(default_factory=list)
    # The catalogue code the report is published under ("o43", "O19"); "" outside the ITA.
    code: str = ""
    office: str = ""
    address: str = ""
    # "ช่วงข้อมูล 1 ตุลาคม 2565 – 31 มีนาคม 2566" and "ข้อมูล ณ วันที่ …", printed under the title.
    period: str = ""
    as_of: str = ""
    # Paragraphs before the tables (o43 ties itself to the year's o42 here).
    intro: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    # Who signs a printed report, in order ("ผู้รายงาน", "ผู้บริหาร"); none when empty.
    signatures: tuple[str, ...] = ()
    # The figures behind the tables, for /ita/<year>/<code>.json (plain JSON values).
    figures: dict[str, object] = field(default_factory=dict)


def with_thai_digits(report: Report) -> Report:
    """The same report with every digit written in Thai (๐-๙), as many offices publish."""
    t = arabic_to_thai
    return replace(
        report,
        title=t(report.title),
        subtitle=t(report.subtitle),
        notes=[t(n) for n in report.notes],
        office=t(report.office),
        address=t(report.address),
        period=t(report.period),
        as_of=t(report.as_of),
        intro=[t(p) for p in report.intro],
        images=[replace(i, caption=t(i.caption)) for i in report.images],
        tables=[
            replace(
                table,
                title=t(table.title),
                columns=tuple(t(c) for c in table.columns),
                rows=[tuple(t(c) for c in row) for row in table.rows],
            )
            for table in report.tables
        ],
        charts=[
            replace(c, title=t(c.title), labels=tuple(t(x) for x in c.labels))
            for c in report.charts
        ],
    )
