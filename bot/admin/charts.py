"""Charts as inline SVG, drawn on the server: no script, no image library, and the browser
shapes the Thai labels with the page's own fonts (so vowels and tone marks sit right)."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from handlers.reports.scale import label_layout, whole_ticks

FONT = "Sarabun, 'TH Sarabun New', 'Noto Sans Thai', Loma, Garuda, sans-serif"
COLOURS = ("#0b6e4f", "#2f7fb5", "#d08a19", "#b3261e", "#6b5aa8", "#5b6776")


def hbars(items: list[tuple[str, float]], title: str, unit: str = "", width: int = 520) -> Markup:
    """Horizontal bars, one labelled row per item (good for long Thai category names)."""
    row, label_w, pad = 30, 210, 8
    height = max(1, len(items)) * row + 40
    top = max((v for _, v in items), default=0) or 1
    bar_w = width - label_w - 70
    parts = [_open(width, height, title), _title(title)]
    for i, (label, value) in enumerate(items):
        y = 34 + i * row
        w = bar_w * value / top
        parts.append(
            f'<text x="{label_w - pad}" y="{y + 15}" text-anchor="end" font-size="14">'
            f"{escape(_clip(label, 28))}</text>"
            f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row - 10}" '
            f'fill="{COLOURS[i % len(COLOURS)]}"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 15}" font-size="14">'
            f"{_num(value)}{unit}</text>"
        )
    if not items:
        parts.append('<text x="10" y="50" font-size="14">ยังไม่มีข้อมูล</text>')
    return Markup("".join(parts) + "</svg>")


def columns(
    items: list[tuple[str, float]],
    title: str,
    width: int = 460,
    height: int = 240,
    max_value: float | None = None,
) -> Markup:
    """Vertical columns over time (months, ต.ค. … ก.ย.), the value above each column and a
    scale of whole numbers at the left. Month labels are turned when they would touch and
    thinned when even turned they would."""
    left, right, top_pad = 40, 10, 40
    n = max(1, len(items))
    slot = (width - left - right) / n
    top_value = max_value or max((v for _, v in items), default=0) or 1
    ticks = whole_ticks(top_value)
    top = max(ticks[-1], top_value)
    label_w = max((_text_width(label, 12) for label, _ in items), default=0)
    turned, every = label_layout(label_w, slot, turned_gap=16)
    bottom = 30 + (int(label_w * 0.71) if turned else 0)
    height = max(height, top_pad + 120 + bottom)
    plot_h = height - bottom - top_pad
    base_y = top_pad + plot_h
    parts = [_open(width, height, title), _title(title)]
    for t in ticks:
        y = base_y - plot_h * t / top
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#e4e9ee"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'class="tick">{_num(t)}</text>'
        )
    for i, (label, value) in enumerate(items):
        h = plot_h * value / top
        x = left + i * slot
        y = base_y - h
        cx = x + slot / 2
        parts.append(
            f'<rect x="{x + slot * 0.15:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" '
            f'height="{h:.1f}" fill="{COLOURS[1]}"/>'
        )
        if slot >= _text_width(_num(value), 12) + 2:
            parts.append(
                f'<text x="{cx:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="12">'
                f"{_num(value)}</text>"
            )
        if i % every:
            continue
        if turned:
            ly = base_y + 14
            parts.append(
                f'<text x="{cx:.1f}" y="{ly}" text-anchor="end" font-size="12" class="month" '
                f'transform="rotate(-45 {cx:.1f} {ly})">{escape(label)}</text>'
            )
        else:
            parts.append(
                f'<text x="{cx:.1f}" y="{base_y + 18}" text-anchor="middle" font-size="12" '
                f'class="month">{escape(label)}</text>'
            )
    parts.append(
        f'<line x1="{left}" y1="{base_y}" x2="{width - right}" y2="{base_y}" stroke="#999"/>'
    )
    return Markup("".join(parts) + "</svg>")


def _text_width(text: str, size: int) -> float:
    """A rough width in px: Thai vowel and tone marks above or below take no room, dots and
    spaces little."""
    ems = 0.0
    for ch in text:
        if "\u0e31" <= ch <= "\u0e3a" or "\u0e47" <= ch <= "\u0e4e" or ch == "\u0e34":
            continue
        ems += 0.3 if ch in ". ," else 0.6
    return ems * size


def _open(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'aria-label="{escape(title)}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" font-family="{FONT}" fill="#1d2733">'
    )


def _title(title: str) -> str:
    return f'<text x="10" y="22" font-size="16" font-weight="700">{escape(title)}</text>'


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _num(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"
