"""Service statistics end to end: staff enter monthly counts with `flask services count`,
the service_stats report and `summary --json` read them back from the database."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from bot.reports.request import ReportRequest
from bot.reports.services import build_service_stats
from handlers.ita.windows import window_for
from handlers.reports.model import Report
from handlers.reports.service_stats import NOTHING_RECORDED
from tests.support.cli import cli, invoke
from tests.support.clock import utc

NOW = utc(2025, 2, 10, 3)  # 10 February 2025 in Bangkok: FY 2568, quarter 2


@pytest.fixture
def app(make_app: Callable[..., Flask], monkeypatch: pytest.MonkeyPatch) -> Flask:
    monkeypatch.setattr("bot.cli.services.utcnow", lambda: NOW)
    return make_app()


def count(app: Flask, code: str, month: str, n: str) -> str:
    return cli(app, "services", "count", code, "--month", month, "--count", n)


def report(app: Flask, year: int, window: str, today: date) -> Report:
    with new_session(app) as s:
        req = ReportRequest(
            SqlStore(s), year, NOW, window=window_for(window, year, today), office="ทต.ทดสอบ"
        )
        return build_service_stats(req)


def test_a_count_is_entered_by_be_month_and_replaced_on_re_entry(app: Flask) -> None:
    out = count(app, "reg", "2568-01", "120")
    assert "งานทะเบียนราษฎร เดือนมกราคม 2568 จำนวน 120 ราย" in out
    out = count(app, "REG", "2025-01", "๑,๓๕๐")  # CE year, Thai digits, a comma
    assert "จำนวน 1,350 ราย (แทนจำนวนเดิม 120 ราย)" in out
    count(app, "tax", "๒๕๖๗-๑๒", "40")

    figures = report(app, 2568, "current_fy_to_date", date(2025, 2, 10)).figures
    assert figures["by_service"] == {"reg": 1350, "tax": 40}  # one figure per month, the last
    assert figures["total"] == 1390


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nosuch", "--month", "2568-01", "--count", "5"), "ไม่พบงานบริการรหัส “nosuch”"),
        (("reg", "--month", "2568-01", "--count", "-5"), "ต้องไม่ติดลบ"),
        (("reg", "--month", "2568-01", "--count", "ห้าสิบ"), "ระบุเป็นจำนวนเต็ม"),
        (("reg", "--month", "2568-13", "--count", "5"), "เดือนต้องเป็น 1 ถึง 12"),
        (("reg", "--month", "2568-03", "--count", "5"), "ยังมาไม่ถึง"),  # after 10 Feb 2025
    ],
)
def test_a_wrong_entry_is_refused_in_thai_and_saves_nothing(
    app: Flask, args: tuple[str, ...], message: str
) -> None:
    result = invoke(app, "services", "count", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert report(app, 2568, "current_fy", date(2025, 2, 10)).notes == [NOTHING_RECORDED]


def test_an_unknown_code_is_answered_with_the_codes_there_are(app: Flask) -> None:
    result = invoke(app, "services", "count", "registry", "--month", "2568-01", "--count", "5")
    assert "reg  งานทะเบียนราษฎร" in result.output
    assert "water  งานประปา" in result.output


def test_the_report_covers_the_window_up_to_its_as_of_date(app: Flask) -> None:
    count(app, "reg", "2567-09", "999")  # FY 2567
    count(app, "reg", "2567-10", "100")
    count(app, "reg", "2567-12", "60")
    count(app, "tax", "2568-01", "2500")
    count(app, "water", "2568-02", "7")

    # Before the window opens (FY 2568 seen on 30 September 2024): nothing to show.
    before = report(app, 2568, "current_fy_to_date", date(2024, 9, 30))
    assert before.tables == [] and before.notes == [NOTHING_RECORDED]

    # Inside it, as of 15 January 2025: October to January; February is not shown yet.
    inside = report(app, 2568, "current_fy_to_date", date(2025, 1, 15))
    months, quarters = inside.tables
    assert months.columns == ("งานบริการ", "ต.ค. 67", "พ.ย. 67", "ธ.ค. 67", "ม.ค. 68", "รวม")
    assert months.rows == [
        ("งานทะเบียนราษฎร", "100", "", "60", "", "160"),
        ("งานจัดเก็บภาษี", "", "", "", "2,500", "2,500"),
        ("รวม", "100", "", "60", "2,500", "2,660"),
    ]
    assert quarters.rows[-1] == ("รวม", "160", "2,500", "2,660")
    assert inside.figures["by_month"] == {
        "2024-10": 100,
        "2024-11": 0,
        "2024-12": 60,
        "2025-01": 2500,
    }

    # After the first half ended (printed in August): still October to March only.
    half = report(app, 2568, "first_half_current_fy", date(2025, 8, 1))
    assert half.tables[0].columns[-2] == "มี.ค. 68"
    assert half.figures["by_service"] == {"reg": 160, "tax": 2500, "water": 7}
    assert half.figures["total"] == 2667

    # The previous year's report holds only September 2024.
    previous = report(app, 2568, "previous_fy", date(2025, 2, 10))
    assert previous.figures["total"] == 999


def test_summary_json_gains_the_years_service_stats(app: Flask) -> None:
    count(app, "reg", "2567-10", "100")
    count(app, "reg", "2568-02", "25")
    count(app, "tax", "2568-01", "2500")
    count(app, "reg", "2567-09", "999")  # FY 2567: not in 2568's summary

    data = json.loads(cli(app, "summary", "--json", "--year", "2568"))
    assert {"fiscal_year", "complaints", "measures", "satisfaction", "service_stats"} <= set(data)
    stats = data["service_stats"]
    assert stats["total"] == 2625
    assert stats["by_service"] == {"reg": 125, "tax": 2500}
    assert len(stats["by_month"]) == 12
    assert (stats["by_month"]["2024-10"], stats["by_month"]["2025-01"]) == (100, 2500)
    assert stats["by_month"]["2025-09"] == 0
