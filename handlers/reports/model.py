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
class Report:
    title: str
    subtitle: str = ""
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    landscape: bool = True
    kind: str = ""
    charts: list[Chart] = field(default_factory=list)


def with_thai_digits(report: Report) -> Report:
    """The same report with every digit written in Thai (๐-๙), as many offices publish."""
    t = arabic_to_thai
    return replace(
        report,
        title=t(report.title),
        subtitle=t(report.subtitle),
        notes=[t(n) for n in report.notes],
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
