"""How a chart's axes are laid out, shared by the admin pages' SVG charts and the reports'
PNG charts: whole-number scales for counts, and month labels that never touch."""

from __future__ import annotations

import math


def whole_ticks(top: float, most: int = 5) -> list[int]:
    """Scale marks for counts: whole numbers from 0, a step of 1, 2 or 5 times a power of
    ten, at most `most` steps, the last at or above `top`."""
    step = 1
    while top / step > most:
        step = _next_step(step)
    last = step
    while last < top:
        last += step
    return list(range(0, last + 1, step))


def _next_step(step: int) -> int:
    """1, 2, 5, 10, 20, 50, ..."""
    digits = str(step)
    lead, zeros = int(digits[0]), len(digits) - 1
    nxt = {1: 2, 2: 5, 5: 10}[lead]
    return nxt * 10**zeros


def label_layout(label_width: float, slot: float, turned_gap: float) -> tuple[bool, int]:
    """(turned, every): labels are turned 45° when the widest would take most of its slot,
    and only every n-th is shown when even turned ones would touch. `turned_gap` is how far
    apart along the axis two turned labels must stand not to touch: a line's height over
    sin 45°."""
    turned = label_width > slot * 0.9
    if not turned or slot >= turned_gap:
        return turned, 1
    return turned, math.ceil(turned_gap / max(slot, 1e-9))


def counts_only(values: tuple[float, ...] | list[float]) -> bool:
    """Whether every value is a whole number (a count, drawn on a whole-number scale)."""
    return all(float(v).is_integer() for v in values)
