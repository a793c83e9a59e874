"""Report charts (PNG in DOCX/HTML reports): Thai month labels that never touch, turned when
crowded and thinned when even turned they would touch, and counts on whole-number scales."""

from __future__ import annotations

import math
from typing import Any

from matplotlib import pyplot as plt

from bot.reports.charts import figure
from handlers.reports.model import Chart

MONTHS = (
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
)


def month_chart(n: int, values: list[float] | None = None) -> Chart:
    labels = tuple(f"{MONTHS[i % 12]} {68 + i // 12}" for i in range(n))
    vals = values or [float(i % 7) for i in range(n)]
    return Chart("ข้อเสนอแนะรายเดือน", labels, tuple(vals), value_format="{:,.0f}", horizontal=False)


def shown_months(fig: Any) -> list[Any]:
    """The month labels the reader sees."""
    fig.canvas.draw()
    return [t for t in fig.axes[0].get_xticklabels() if t.get_visible() and t.get_text()]


def apart(fig: Any, labels: list[Any]) -> bool:
    """No two labels touch: level ones by their boxes; turned ones (all at the same angle)
    by their distance across the slant, which must exceed a line of text."""
    renderer = fig.canvas.get_renderer()
    if all(t.get_rotation() == 0 for t in labels):
        boxes = [t.get_window_extent(renderer) for t in labels]
        return all(not a.overlaps(b) for a, b in zip(boxes, boxes[1:], strict=False))
    angle = math.radians(labels[0].get_rotation())
    xs = [fig.axes[0].transData.transform((t.get_position()[0], 0))[0] for t in labels]
    line = max(_level_height(t, renderer) for t in labels)
    return all((b - a) * math.sin(angle) > line for a, b in zip(xs, xs[1:], strict=False))


def _level_height(t: Any, renderer: Any) -> float:
    turned = t.get_rotation()
    t.set_rotation(0)
    height = float(t.get_window_extent(renderer).height)
    t.set_rotation(turned)
    return height


def test_a_fiscal_year_shows_all_twelve_months_without_touching() -> None:
    fig = figure(month_chart(12, [3, 7, 0, 12, 5, 1, 9, 4, 2, 0, 6, 8]))
    months = shown_months(fig)
    assert [t.get_text() for t in months][:3] == ["ต.ค. 68", "พ.ย. 68", "ธ.ค. 68"]
    assert len(months) == 12
    assert apart(fig, months)
    # 12 is the most: whole numbers 0, 5, 10, 15 and never 2.5 suggestions.
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["0", "5", "10", "15"]
    plt.close(fig)


def test_four_years_of_months_are_thinned_not_piled_up() -> None:
    fig = figure(month_chart(48))
    months = shown_months(fig)
    assert 4 <= len(months) < 48
    assert months[0].get_text() == "ต.ค. 68"
    assert apart(fig, months)
    plt.close(fig)


def test_a_few_months_stand_level_and_a_small_count_keeps_whole_ticks() -> None:
    fig = figure(month_chart(3, [1, 3, 2]))
    ax = fig.axes[0]
    months = shown_months(fig)
    assert len(months) == 3 and all(t.get_rotation() == 0 for t in months)
    assert apart(fig, months)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["0", "1", "2", "3"]
    plt.close(fig)


def test_a_mean_out_of_five_keeps_its_own_scale() -> None:
    chart = Chart("ค่าเฉลี่ย", ("งานทะเบียนราษฎร", "งานจัดเก็บภาษี"), (4.25, 3.5), max_value=5.0)
    fig = figure(chart)
    assert fig.axes[0].get_xlim() == (0.0, 5.0)
    plt.close(fig)
