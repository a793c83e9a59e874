"""Buddhist Era years, the October-September fiscal year and Thai date formatting."""

from datetime import UTC, date, datetime

import pytest

from handlers.thai import (
    first_half_bounds,
    fiscal_year,
    fiscal_year_bounds,
    format_thai_date,
    format_thai_datetime,
    month_number,
    quarter_bounds,
    second_half_bounds,
)


@pytest.mark.parametrize(
    ("day", "fy"),
    [
        (date(2024, 9, 30), 2567),
        (date(2024, 10, 1), 2568),
        (date(2025, 9, 30), 2568),
        (date(2025, 10, 1), 2569),
        (datetime(2025, 3, 15, 12, 0), 2568),
    ],
)
def test_fiscal_year_changes_on_first_of_october(day: date, fy: int) -> None:
    assert fiscal_year(day) == fy


def test_fiscal_year_of_aware_datetime_uses_thai_time() -> None:
    # 20:00 UTC on 30 September is already 1 October in Bangkok.
    assert fiscal_year(datetime(2025, 9, 30, 20, 0, tzinfo=UTC)) == 2569


def test_fiscal_year_2568_runs_october_2024_to_september_2025() -> None:
    assert fiscal_year_bounds(2568) == (date(2024, 10, 1), date(2025, 9, 30))


@pytest.mark.parametrize(
    ("q", "start", "end"),
    [
        (1, date(2024, 10, 1), date(2024, 12, 31)),
        (2, date(2025, 1, 1), date(2025, 3, 31)),
        (3, date(2025, 4, 1), date(2025, 6, 30)),
        (4, date(2025, 7, 1), date(2025, 9, 30)),
    ],
)
def test_quarters_start_in_october(q: int, start: date, end: date) -> None:
    assert quarter_bounds(2568, q) == (start, end)


def test_quarter_outside_one_to_four_is_refused() -> None:
    with pytest.raises(ValueError):
        quarter_bounds(2568, 5)


def test_six_month_report_covers_october_to_march() -> None:
    assert first_half_bounds(2568) == (date(2024, 10, 1), date(2025, 3, 31))
    assert second_half_bounds(2568) == (date(2025, 4, 1), date(2025, 9, 30))


def test_format_thai_date_full_and_short() -> None:
    d = date(2026, 11, 22)
    assert format_thai_date(d) == "22 พฤศจิกายน 2569"
    assert format_thai_date(d, short=True) == "22 พ.ย. 69"
    assert format_thai_date(d, thai_digits=True) == "๒๒ พฤศจิกายน ๒๕๖๙"
    assert format_thai_date(date(2025, 1, 5), short=True) == "5 ม.ค. 68"


def test_format_thai_datetime_shows_bangkok_time() -> None:
    assert format_thai_datetime(datetime(2026, 11, 22, 14, 5)) == "22 พฤศจิกายน 2569 เวลา 14:05 น."
    aware = datetime(2025, 9, 30, 20, 0, tzinfo=UTC)
    assert format_thai_datetime(aware) == "1 ตุลาคม 2568 เวลา 03:00 น."
    assert format_thai_datetime(aware, short=True, thai_digits=True) == "๑ ต.ค. ๖๘ เวลา ๐๓:๐๐ น."


def test_format_thai_date_accepts_datetime() -> None:
    assert format_thai_date(datetime(2025, 2, 1, 23, 59)) == "1 กุมภาพันธ์ 2568"


@pytest.mark.parametrize(
    ("name", "month"),
    [
        ("มกราคม", 1),
        ("ม.ค.", 1),
        ("ม.ค", 1),
        ("ม. ค.", 1),
        ("มค", 1),
        ("มกรา", 1),
        ("ก.พ.", 2),
        ("กุมภาพันธ์", 2),
        ("มี.ค.", 3),
        ("มีค", 3),
        ("เม.ย.", 4),
        ("เมษายน", 4),
        ("พ.ค.", 5),
        ("มิ.ย.", 6),
        ("ก.ค.", 7),
        ("กรกฎาคม", 7),
        ("กรกฏาคม", 7),
        ("ส.ค.", 8),
        ("ก.ย.", 9),
        ("กันยายน", 9),
        ("ต.ค.", 10),
        ("ตุลา", 10),
        ("พ.ย.", 11),
        ("พฤศจิกายน", 11),
        ("ธ.ค.", 12),
        ("ธันวาคม", 12),
    ],
)
def test_month_names_full_abbreviated_and_spoken(name: str, month: int) -> None:
    assert month_number(name) == month


def test_unknown_month_name_is_none() -> None:
    assert month_number("ไตรมาส") is None
