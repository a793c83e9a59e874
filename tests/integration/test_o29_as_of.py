"""The complaint statistics through the database, at fixed times: o29 (2566; O19 in 2568)
counts corruption and misconduct reports only, the general report every other complaint.
Only cases received in the window count, each with the status it had at the end of the
window's as-of day: a case resolved after it is still open there."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from bot.reports import render
from bot.reports.complaints import build_complaints, build_corruption_complaints
from bot.reports.request import Builder, ReportRequest
from handlers.clock import local_date
from handlers.ita.windows import Window, window_for
from handlers.reports.model import Report
from tests.support.clock import utc
from tests.support.complaints import file

SECRET = "ปลัดเรียกรับเงินค่าใบอนุญาตก่อสร้าง"


@pytest.fixture
def office(make_app: Callable[..., Flask]) -> tuple[Flask, list[str]]:
    """Times in UTC; Bangkok is 7 hours ahead. Returns the app and every case number."""
    app = make_app()
    cases = [
        # Corruption: 30 September 23:30 in Bangkok, fiscal year 2567: before the window.
        file(app, "corruption", utc(2024, 9, 30, 16, 30), details=SECRET, contact="นายแจ้ง"),
        # 1 October 00:30 in Bangkok: the window's first day. Closed in 9 days.
        file(
            app,
            "corruption",
            utc(2024, 9, 30, 17, 30),
            details=SECRET,
            changes=(("resolved", utc(2024, 10, 10, 3), "ลงโทษทางวินัยแล้ว"),),
        ),
        # Filed in February, resolved on 10 April: after the first half ended on 31 March.
        file(
            app,
            "corruption",
            utc(2025, 2, 3, 3),
            details=SECRET,
            changes=(("resolved", utc(2025, 4, 10, 3), ""),),
        ),
        # Filed 1 March, resolved 31 March at 23:30 in Bangkok: inside the round, 30 days.
        file(
            app,
            "corruption",
            utc(2025, 3, 1, 3),
            details=SECRET,
            changes=(("resolved", utc(2025, 3, 31, 16, 30), ""),),
        ),
        # 1 April 00:30 in Bangkok: after the round's as-of day.
        file(app, "corruption", utc(2025, 3, 31, 17, 30), details=SECRET),
        # General: resolved the next day.
        file(app, "road", utc(2024, 11, 5, 3), changes=(("resolved", utc(2024, 11, 6, 3), ""),)),
        # General: in progress on 11 January, resolved in April (after the round).
        file(
            app,
            "light",
            utc(2025, 1, 10, 3),
            changes=(
                ("in_progress", utc(2025, 1, 11, 3), ""),
                ("resolved", utc(2025, 4, 2, 3), ""),
            ),
        ),
    ]
    return app, cases


def build(
    app: Flask, builder: Builder, now: datetime, window: str = "", year: int = 2568
) -> Report:
    with new_session(app) as s:
        w: Window | None = window_for(window, year, local_date(now)) if window else None
        return builder(ReportRequest(SqlStore(s), year, now, window=w))  # type: ignore[arg-type]


def part(figures: dict[str, object], key: str) -> dict[str, Any]:
    """One of the grouped figures (by_status, by_category …)."""
    value = figures[key]
    assert isinstance(value, dict)
    return value


def test_the_first_half_printed_in_june_shows_the_statuses_of_31_march(
    office: tuple[Flask, list[str]],
) -> None:
    app, cases = office
    r = build(app, build_corruption_complaints, utc(2025, 6, 1, 3), "first_half_current_fy")
    figs = r.figures
    # In: 1 October, 3 February, 1 March. Out: 30 September (before), 1 April (after as-of).
    assert figs["total"] == 3
    # The February case was resolved on 10 April, so on 31 March it was still received.
    assert figs["by_status"] == {
        "received": 1,
        "in_progress": 0,
        "resolved": 2,
        "rejected": 0,
        "forwarded": 0,
    }
    assert figs["by_category"] == {"corruption": 3}
    assert figs["by_channel"] == {"line": 0, "web": 3}
    assert figs["by_month"] == {
        "2024-10": 1,
        "2024-11": 0,
        "2024-12": 0,
        "2025-01": 0,
        "2025-02": 1,
        "2025-03": 1,
    }
    # Closed by 31 March in 9 and 30 days (not the one of 10 April): median 19.5.
    assert figs["median_days_to_close"] == 19.5
    # Only the 9-day case within 15 days, of the 3 received: 33.33…% → 33.3.
    assert figs["closed_within_15_days"] == {"count": 1, "of": 3, "percent": 33.3}
    assert r.tables[1].title == "จำแนกตามสถานะ ณ วันที่ 31 มีนาคม 2568"
    assert r.tables[0].rows[3] == ("ปิดเรื่องภายใน 15 วัน เทียบกับเรื่องที่ได้รับทั้งหมด", "ร้อยละ 33.3")


def test_during_the_year_the_as_of_day_is_the_day_of_printing(
    office: tuple[Flask, list[str]],
) -> None:
    app, _ = office
    # 15 March 2025, the default window: the fiscal year to date.
    figs = build(app, build_corruption_complaints, utc(2025, 3, 15, 3)).figures
    # 1 October (resolved), 3 February and 1 March (both open on 15 March).
    assert figs["total"] == 3
    assert part(figs, "by_status")["received"] == 2 and part(figs, "by_status")["resolved"] == 1
    assert figs["median_days_to_close"] == 9
    assert figs["closed_within_15_days"] == {"count": 1, "of": 3, "percent": 33.3}
    assert list(part(figs, "by_month"))[-1] == "2025-03"


def test_the_general_report_never_counts_a_corruption_case(
    office: tuple[Flask, list[str]],
) -> None:
    app, cases = office
    r = build(app, build_complaints, utc(2025, 6, 1, 3), "first_half_current_fy")
    assert r.title == "รายงานสถิติเรื่องร้องเรียนทั่วไป"
    figs = r.figures
    assert figs["total"] == 2
    # The light case was in progress on 31 March (resolved on 2 April).
    assert part(figs, "by_status") == {
        "received": 0,
        "in_progress": 1,
        "resolved": 1,
        "rejected": 0,
        "forwarded": 0,
    }
    by_category = part(figs, "by_category")
    assert "corruption" not in by_category and sum(by_category.values()) == 2
    assert by_category["road"] == 1 and by_category["light"] == 1
    # Closed in 1 day: median 1, 1 of 2 within 15 days.
    assert figs["median_days_to_close"] == 1
    assert figs["closed_within_15_days"] == {"count": 1, "of": 2, "percent": 50.0}
    for fmt in ("html", "xlsx", "docx"):
        render(r, fmt)  # every format takes it


def test_the_corruption_report_shows_counts_only(office: tuple[Flask, list[str]]) -> None:
    app, cases = office
    r = build(app, build_corruption_complaints, utc(2025, 6, 1, 3), "first_half_current_fy")
    html = render(r, "html").decode("utf-8")
    assert "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in html
    for secret in (SECRET, "นายแจ้ง", "สมชาย", "0812345678", "ลงโทษทางวินัย", *cases):
        assert secret not in html
        assert secret not in str(r.figures)
    # No general case either: the road and light cases are not in it.
    assert "ถนน" not in html and "ไฟฟ้า" not in html


def test_o19_of_2568_is_the_corruption_report(office: tuple[Flask, list[str]]) -> None:
    """Asked for by the year's code, the dispatcher builds the corruption statistics."""
    from bot.reports import evidence

    app, _ = office
    now = utc(2025, 6, 1, 3)
    with new_session(app) as s:
        r = evidence.build(SqlStore(s), 2568, "O19", now)
    assert r.code == "O19" and r.kind == "corruption_complaints"
    assert r.figures == build(app, build_corruption_complaints, now, "current_fy_to_date").figures
    assert r.as_of == "ข้อมูล ณ วันที่ 1 มิถุนายน 2568"


def test_a_window_without_cases_says_so(office: tuple[Flask, list[str]]) -> None:
    app, _ = office
    # The fiscal year before (FY 2567, to 30 September 2024): one corruption report only.
    now = utc(2025, 6, 1, 3)
    general = build(app, build_complaints, now, "previous_fy")
    assert general.intro == ["ในช่วงเวลาดังกล่าวไม่มีเรื่องร้องเรียนทั่วไป"]
    assert general.tables == [] and general.figures["total"] == 0
    corruption = build(app, build_corruption_complaints, now, "previous_fy")
    assert corruption.figures["total"] == 1  # filed 30 September 23:30 in Bangkok
    assert part(corruption.figures, "by_status")["received"] == 1
    # FY 2569 asked for in June 2025: the window opens on 1 October.
    early = build(app, build_corruption_complaints, now, year=2569)
    assert early.intro == ["ยังไม่ถึงช่วงเวลาของข้อมูล จึงยังไม่มีสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"]
    assert early.tables == []
