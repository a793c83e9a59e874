"""Report charts as PNG, drawn with matplotlib in a Thai font.

Debian's fonts-thai-tlwg ships Laksaman, the free copy of TH SarabunPSK that government
documents use; the others are fallbacks. A font without Thai glyphs would draw boxes, so
the first installed one of these is chosen explicitly rather than left to matplotlib.
"""

from __future__ import annotations

import io
import textwrap
from functools import cache

from handlers.reports.model import Chart

THAI_FONTS = ("TH Sarabun New", "TH SarabunPSK", "Sarabun", "Laksaman", "Loma", "Garuda", "Waree")
COLOUR = "#0b6e4f"


@cache
def thai_font() -> str | None:
    """The family name of an installed Thai font, or None (then Thai shows as boxes)."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in THAI_FONTS if name in installed), None)


def png(chart: Chart, dpi: int = 150) -> bytes:
    import matplotlib

    matplotlib.use("Agg")  # no display on a server
    from matplotlib import pyplot as plt

    family = thai_font()
    fonts = [family, "DejaVu Sans"] if family else ["DejaVu Sans"]
    with plt.rc_context({"font.family": fonts, "font.size": 15, "axes.titlesize": 17}):
        n = max(1, len(chart.labels))
        if chart.horizontal:
            fig, ax = plt.subplots(figsize=(8, 1.2 + 0.55 * n))
            labels = [_wrap(x) for x in chart.labels]
            positions = list(range(n))[::-1]  # first label on top, as read
            bars = ax.barh(positions, chart.values, color=COLOUR, height=0.6)
            ax.set_yticks(positions, labels)
            ax.set_xlim(0, chart.max_value or (max(chart.values, default=0) * 1.15 or 1))
            for bar, value in zip(bars, chart.values, strict=True):
                ax.text(
                    bar.get_width() + (ax.get_xlim()[1] * 0.01),
                    bar.get_y() + bar.get_height() / 2,
                    chart.value_format.format(value),
                    va="center",
                )
        else:
            fig, ax = plt.subplots(figsize=(9, 4))
            bars = ax.bar(range(n), chart.values, color=COLOUR, width=0.6)
            ax.set_xticks(range(n), chart.labels)
            top = chart.max_value or (max(chart.values, default=0) * 1.2 or 1)
            ax.set_ylim(0, top)
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
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png", dpi=dpi)
        plt.close(fig)
    return out.getvalue()


def _wrap(label: str, width: int = 24) -> str:
    # Thai has no spaces between words: wrap at spaces when there are some, else cut.
    return "\n".join(textwrap.wrap(label, width)) if " " in label else label
