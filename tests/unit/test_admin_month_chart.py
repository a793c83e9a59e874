"""The dashboard's month chart: a whole-number scale for counts, Thai month labels that
stand apart, turned when the months are crowded and thinned when even turning is not enough."""

from __future__ import annotations

import re

from bot.admin.charts import columns
from handlers.reports.scale import whole_ticks

FY_MONTHS = [
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
]


def _texts(svg: str, cls: str) -> list[str]:
    return re.findall(rf'class="{cls}"[^>]*>([^<]*)</text>', svg)


def test_whole_number_scale_for_counts() -> None:
    assert whole_ticks(3) == [0, 1, 2, 3]
    assert whole_ticks(7) == [0, 2, 4, 6, 8]
    assert whole_ticks(23) == [0, 5, 10, 15, 20, 25]
    assert whole_ticks(1234) == [0, 500, 1000, 1500]
    assert whole_ticks(0.4) == [0, 1]  # a fraction never becomes a tick of 0.1


def test_twelve_months_upright_with_a_whole_scale() -> None:
    svg = str(columns(list(zip(FY_MONTHS, [3, 2, 1] + [0] * 9, strict=True)), "รายเดือน"))
    assert _texts(svg, "month") == FY_MONTHS
    assert "rotate" not in svg
    assert _texts(svg, "tick") == ["0", "1", "2", "3"]


def test_crowded_months_are_turned_then_thinned() -> None:
    items = [(m, 1.0) for m in FY_MONTHS]
    turned = str(columns(items, "รายเดือน", width=250))
    assert _texts(turned, "month") == FY_MONTHS and turned.count("rotate(-45") == 12
    two_years = [(m, 1.0) for m in FY_MONTHS * 2]
    thinned = str(columns(two_years, "รายเดือน", width=250))
    # 24 slots of 8 px: a turned label every other slot (16 px apart) does not touch the next.
    assert _texts(thinned, "month") == (FY_MONTHS * 2)[::2]
