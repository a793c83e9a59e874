"""The same kind of evidence under each year's own code: every produced item of 2564, 2566
and 2568 builds its kind for its own window, labelled with its own code. The codes below are
written out by hand from the catalogues' sources (not read from the files under test)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from bot.reports import evidence
from handlers.ita.windows import window_for

NOW = datetime(2026, 12, 3, 3, tzinfo=UTC)  # 3 December 2569 (FY 2570): every window has ended

# (year, code, kind, plan or "", window)
NUMBERING = [
    (2564, "o11", "plan_progress", "operating", "first_half_current_fy"),
    (2564, "o12", "plan_results", "operating", "previous_fy"),
    (2564, "o15", "service_stats", "", "first_half_current_fy"),
    (2564, "o16", "satisfaction", "", "previous_fy"),
    (2564, "o31", "corruption_complaints", "", "current_fy_to_date"),
    (2564, "o33", "participation", "", "current_fy_to_date"),
    (2564, "o40", "plan_progress", "anti_corruption", "first_half_current_fy"),
    (2564, "o41", "plan_results", "anti_corruption", "previous_fy"),
    (2564, "o42", "measures", "integrity", "current_fy"),
    (2564, "o43", "measure_results", "integrity", "current_fy_to_date"),
    (2566, "o12", "plan_progress", "operating", "first_half_current_fy"),
    (2566, "o13", "plan_results", "operating", "previous_fy"),
    (2566, "o16", "service_stats", "", "first_half_current_fy"),
    (2566, "o17", "satisfaction", "", "previous_fy"),
    (2566, "o29", "corruption_complaints", "", "first_half_current_fy"),
    (2566, "o30", "participation", "", "current_fy_to_date"),
    (2566, "o37", "plan_progress", "anti_corruption", "first_half_current_fy"),
    (2566, "o38", "plan_results", "anti_corruption", "previous_fy"),
    (2566, "o42", "measures", "integrity", "current_fy"),
    (2566, "o43", "measure_results", "integrity", "current_fy_to_date"),
    (2568, "O11", "service_stats", "", "current_fy_to_date"),
    (2568, "O19", "corruption_complaints", "", "current_fy_to_date"),
    (2568, "O20", "participation", "", "current_fy_to_date"),
    (2568, "O22", "gift_report", "", "current_fy_to_date"),
]


@pytest.mark.parametrize(("year", "code", "kind", "plan", "window"), NUMBERING)
def test_each_years_code_builds_its_kind_for_its_window(
    make_app: Callable[..., Flask], year: int, code: str, kind: str, plan: str, window: str
) -> None:
    app = make_app()
    with new_session(app) as s:
        store = SqlStore(s)
        target = evidence.resolve(store, year, code, NOW)
        assert (target.kind, target.window.name) == (kind, window)
        assert target.item is not None and target.item.plan == plan
        report = evidence.build_target(store, target, NOW, office="เทศบาลตำบลทดสอบ")
    expected = window_for(window, year, date(2026, 12, 3))
    assert report.code == code.upper()
    assert report.as_of == expected.as_of_text() and report.period.endswith(expected.label())
    assert report.office == "เทศบาลตำบลทดสอบ"


def test_a_code_the_year_does_not_have_is_refused(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    with new_session(app) as s:
        with pytest.raises(evidence.EvidenceError, match="ไม่พบรายการ o43 ในบัญชีรายการ ITA ปี 2568"):
            evidence.resolve(SqlStore(s), 2568, "o43", NOW)
        # Thai digits and a Thai zero for the letter o, as documents write codes.
        assert evidence.resolve(SqlStore(s), 2566, "๐๒๙", NOW).kind == "corruption_complaints"
