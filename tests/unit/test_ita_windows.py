"""Each window's dates and its as-of date, with the clock before, inside and after it."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.ita.windows import WindowError, window_for


@pytest.mark.parametrize(
    ("name", "year", "start", "end"),
    [
        ("current_fy_to_date", 2566, date(2022, 10, 1), date(2023, 9, 30)),
        ("current_fy", 2564, date(2020, 10, 1), date(2021, 9, 30)),
        ("first_half_current_fy", 2566, date(2022, 10, 1), date(2023, 3, 31)),
        ("previous_fy", 2568, date(2023, 10, 1), date(2024, 9, 30)),
    ],
)
def test_before_inside_and_after_each_window(name: str, year: int, start: date, end: date) -> None:
    before = window_for(name, year, date(start.year - 1, 12, 31))
    assert not before.started
    inside = window_for(name, year, start.replace(day=15))
    assert inside.started and not inside.complete
    assert (inside.start, inside.end, inside.as_of) == (start, end, start.replace(day=15))
    after = window_for(name, year, date(end.year + 1, 2, 1))
    # Printed months later, the evidence is still as of the window's last day, never later.
    assert after.as_of == end and after.complete


def test_the_as_of_date_is_the_day_of_printing_while_the_window_runs() -> None:
    w = window_for("current_fy_to_date", 2570, date(2026, 12, 3))
    assert w.as_of_text() == "ข้อมูล ณ วันที่ 3 ธันวาคม 2569"
    assert w.label() == "1 ตุลาคม 2569 – 30 กันยายน 2570"
    assert w.contains(date(2026, 12, 3)) and not w.contains(date(2026, 12, 4))
    assert not w.contains(date(2026, 9, 30))


def test_the_first_half_printed_in_may_is_as_of_31_march() -> None:
    w = window_for("first_half_current_fy", 2568, date(2025, 5, 20))
    assert w.as_of_text(thai_digits=True) == "ข้อมูล ณ วันที่ ๓๑ มีนาคม ๒๕๖๘"
    assert not w.contains(date(2025, 4, 1))


def test_an_unconfirmed_window_is_refused_not_guessed() -> None:
    with pytest.raises(WindowError, match="ยังไม่ได้ยืนยัน"):
        window_for("unconfirmed", 2568, date(2025, 1, 1))
