"""The rules of entering a month's service count, shared by chat, CLI and the admin grid."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.reports.service_entry import (
    CountInvalid,
    changed_cells,
    cleared_cells,
    parse_any_month,
    parse_count,
)

TODAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    "text", ["พฤศจิกายน 2569", "พ.ย. 2569", "เดือนพฤศจิกายน ๒๕๖๙", "2569-11", "2026-11"]
)
def test_a_month_is_read_in_the_ways_staff_type_it(text: str) -> None:
    assert parse_any_month(text) == date(2026, 11, 1)


def test_a_month_that_is_no_month_is_explained() -> None:
    with pytest.raises(CountInvalid, match="เช่น พฤศจิกายน 2569"):
        parse_any_month("เดือนหน้า")


@pytest.mark.parametrize(("text", "n"), [("120", 120), ("๑,๓๕๐", 1350), (" 0 ", 0)])
def test_a_count_is_read_with_thai_digits_and_commas(text: str, n: int) -> None:
    assert parse_count(text) == n


@pytest.mark.parametrize(("text", "why"), [("-3", "ต้องไม่ติดลบ"), ("สิบ", "ระบุเป็นจำนวนเต็ม")])
def test_a_wrong_count_is_explained(text: str, why: str) -> None:
    with pytest.raises(CountInvalid, match=why):
        parse_count(text)


def test_the_grid_writes_only_changed_cells_and_names_the_bad_ones() -> None:
    oct_, nov, dec = date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1)
    typed = {
        ("reg", oct_): "95",  # as recorded
        ("reg", nov): "1,200",  # changed from 1,000
        ("tax", oct_): "",  # blank: not recorded
        ("tax", nov): "x",
        ("tax", dec): "5",  # not begun on 20 November
    }
    changes, bad = changed_cells(typed, {("reg", oct_): 95, ("reg", nov): 1000}, TODAY)
    assert changes == {("reg", nov): 1200}
    assert set(bad) == {("tax", nov), ("tax", dec)}
    assert "ยังมาไม่ถึง" in bad[("tax", dec)]


def test_the_grid_forgets_only_cells_emptied_that_held_a_figure() -> None:
    oct_, nov = date(2026, 10, 1), date(2026, 11, 1)
    typed = {
        ("reg", oct_): "  ",  # held 95: emptied
        ("reg", nov): "1,000",  # kept
        ("tax", oct_): "",  # held nothing: nothing to forget
    }
    existing = {("reg", oct_): 95, ("reg", nov): 1000, ("tax", nov): 3}  # tax Nov: not sent
    assert cleared_cells(typed, existing) == [("reg", oct_)]
    changes, bad = changed_cells(typed, existing, TODAY)
    assert changes == {} and bad == {}
