"""Report charts as PNG, drawn with matplotlib in a Thai font.

Debian's fonts-thai-tlwg ships Laksaman, the free copy of TH SarabunPSK that government
documents use; the others are fallbacks. A font without Thai glyphs would draw boxes, so
the first installed one of these is chosen explicitly rather than left to matplotlib.
"""

from __future__ import annotations

import io
import math
import textwrap
from functools import cache
from typing import Any

from handlers.reports.model import Chart
from handlers.reports.scale import counts_only, label_layout, whole_ticks

THAI_FONTS = ("TH Sarabun New", "TH SarabunPSK", "Sarabun", "Laksaman", "Loma", "Garuda", "Waree")
COLOUR = "#0b6e4f"


@cache
def thai_font() -> str | None:
    """The family name of an installed Thai font, or None (then Thai shows as boxes)."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in THAI_FONTS if name in installed), None)


def png(chart: Chart, dpi: int = 150) -> bytes:
    from matplotlib import pyplot as plt

    fig = figure(chart)
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=dpi)
    plt.close(fig)
    return out.getvalue()


def figure(chart: Chart) -> Any:
    """The chart drawn, laid out and ready to save (the caller closes it)."""
    import matplotlib

    matplotlib.use("Agg")  # no display on a server
    from matplotlib import pyplot as plt

    family = thai_font()
    fonts = [family, "DejaVu Sans"] if family else ["DejaVu Sans"]
    counts = chart.max_value is None and counts_only(chart.values)
    with plt.rc_context({"font.family": fonts, "font.size": 15, "axes.titlesize": 17}):
        n = max(1, len(chart.labels))
        if chart.horizontal:
            fig, ax = plt.subplots(figsize=(8, 1.2 + 0.55 * n))
            labels = [_wrap(x) for x in chart.labels]
            positions = list(range(n))[::-1]  # first label on top, as read
            bars = ax.barh(positions, chart.values, color=COLOUR, height=0.6)
            ax.set_yticks(positions, labels)
            ax.set_xlim(0, chart.max_value or (max(chart.values, default=0) * 1.15 or 1))
            if counts:
                _whole_scale(ax, chart.values, along_x=True)
            for bar, value in zip(bars, chart.values, strict=True):
                ax.text(
                    bar.get_width() + (ax.get_xlim()[1] * 0.01),
                    bar.get_y() + bar.get_height() / 2,
                    chart.value_format.format(value),
                    va="center",
                )
        else:
            fig, ax = plt.subplots(figsize=(9, 4.5))
            bars = ax.bar(range(n), chart.values, color=COLOUR, width=0.6)
            ax.set_xticks(range(n), chart.labels)
            ax.set_ylim(0, chart.max_value or (max(chart.values, default=0) * 1.2 or 1))
            if counts:
                _whole_scale(ax, chart.values, along_x=False)
            top = ax.get_ylim()[1]
            for bar, value in zip(bars, chart.values, strict=True):
                ax.text(
                    bar.get_x() + bar.get_width() / 2,
                    bar.get_height() + top * 0.01,
                    chart.value_format.format(value),
                    ha="center",
                    va="bottom",
                )
        ax.set_title(chart.title)
        ax.spines[["top", "right"]].set_visible(False)
        if not chart.horizontal:
            _spread_labels(fig, ax, n)
        fig.tight_layout()
    return fig


def _wrap(label: str, width: int = 24) -> str:
    # Thai has no spaces between words: wrap at spaces when there are some, else cut.
    return "\n".join(textwrap.wrap(label, width)) if " " in label else label


def _whole_scale(ax: Any, values: tuple[float, ...], along_x: bool) -> None:
    """Counts on a scale of whole numbers (never 2.5 complaints), room left for the value
    printed at the end of the longest bar."""
    ticks = whole_ticks(max(values, default=0) or 1)
    end = max(float(ticks[-1]), max(values, default=0) * (1.15 if along_x else 1.2))
    if along_x:
        ax.set_xticks(ticks)
        ax.set_xlim(0, end)
    else:
        ax.set_yticks(ticks)
        ax.set_ylim(0, end)


def _spread_labels(fig: Any, ax: Any, n: int) -> None:
    """Column labels (ต.ค. 68 … ก.ย. 69) that never touch: measured as drawn, turned 45°
    when crowded, and thinned when even turned they would touch (the rule of the admin
    dashboard's charts, bot/admin/charts.py)."""
    fig.tight_layout()  # the axis as wide as it will be
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    labels = ax.get_xticklabels()
    if not labels:
        return
    boxes = [t.get_window_extent(renderer) for t in labels]
    widest = max(b.width for b in boxes)
    line = max(b.height for b in boxes)
    axis = ax.get_window_extent(renderer)
    slot = axis.width / max(1, n)
    # Turned 45°, neighbours stand `slot` apart along the axis and slot·sin 45° across
    # their lines; a tenth more keeps a hair of white between them.
    turned, every = label_layout(widest, slot, turned_gap=line * 1.1 / math.sin(math.pi / 4))
    if turned:
        for t in labels:
            t.set_rotation(45)
            t.set_ha("right")
            t.set_rotation_mode("anchor")
    for i, t in enumerate(labels):
        t.set_visible(i % every == 0)
