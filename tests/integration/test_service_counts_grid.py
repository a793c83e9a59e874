"""/admin/services/counts: the fiscal year's month-by-service grid of the people served."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from tests.support.admin import add_user, audit_rows, client_for
from tests.support.cli import cli
from tests.support.clock import utc

NOW = utc(2025, 2, 10, 3)  # 10 February 2025 in Bangkok: FY 2568


@pytest.fixture
def app(make_app: Callable[..., Flask], monkeypatch: pytest.MonkeyPatch) -> Flask:
    for where in ("bot.admin.services.utcnow", "bot.admin.dashboard.utcnow"):
        monkeypatch.setattr(where, lambda: NOW)
    monkeypatch.setattr("bot.cli.services.utcnow", lambda: NOW)
    return make_app(WTF_CSRF_ENABLED=False)


def saved(app: Flask) -> dict[tuple[str, date], int]:
    with new_session(app) as s:
        rows = SqlStore(s).service_counts.counts_between(date(2024, 10, 1), date(2025, 9, 1))
    return {(c.service_code, c.month): c.count for c in rows}


def test_two_cells_are_saved_audited_and_reach_the_summary(app: Flask) -> None:
    cli(app, "services", "count", "tax", "--month", "2568-01", "--count", "40")
    c = client_for(app, "admin")
    page = c.get("/admin/services/counts?year=2568").get_data(as_text=True)
    assert "ตุลาคม 2567" in page and "กันยายน 2568" in page
    assert 'name="c-tax-2025-01" value="40"' in page

    r = c.post(
        "/admin/services/counts",
        data={
            "year": "2568",
            "c-reg-2024-10": "๑,๒๐๐",  # Thai digits and a comma
            "c-reg-2025-02": "35",
            "c-tax-2025-01": "40",  # unchanged: not written again
            "c-tax-2024-11": "",  # blank: not recorded
        },
    )
    assert r.status_code == 302
    assert saved(app) == {
        ("reg", date(2024, 10, 1)): 1200,
        ("reg", date(2025, 2, 1)): 35,
        ("tax", date(2025, 1, 1)): 40,
    }
    (row,) = [a for a in audit_rows(app) if a[1] == "service_count.save"]
    assert row == ("admin", "service_count.save", "2568", "reg 2024-10: 1,200, reg 2025-02: 35")

    stats = json.loads(cli(app, "summary", "--json", "--year", "2568"))["service_stats"]
    assert stats["total"] == 1275
    assert stats["by_service"] == {"reg": 1235, "tax": 40}


def test_bad_cells_are_explained_and_the_typed_values_kept(app: Flask) -> None:
    c = client_for(app, "admin")
    r = c.post(
        "/admin/services/counts",
        data={"year": "2568", "c-reg-2024-10": "-5", "c-reg-2024-11": "77", "c-tax-2025-03": "9"},
    )
    page = r.get_data(as_text=True)
    assert r.status_code == 400
    assert "งานทะเบียนราษฎร เดือนตุลาคม 2567: จำนวนผู้รับบริการต้องไม่ติดลบ" in page
    assert "งานจัดเก็บภาษี เดือนมีนาคม 2568: เดือนมีนาคม 2568ยังมาไม่ถึง" in page
    assert 'name="c-reg-2024-11" value="77"' in page  # kept for correcting
    assert saved(app) == {}  # all or nothing: the good cell waits for the bad one


def test_only_the_roles_that_manage_services_may_enter_counts(app: Flask) -> None:
    add_user(app, "boss", "executive")
    c = client_for(app, "boss")
    assert c.get("/admin/services/counts?year=2568").status_code == 403
    r = c.post("/admin/services/counts", data={"year": "2568", "c-reg-2024-10": "5"})
    assert r.status_code == 403
    assert saved(app) == {}


def test_clearing_a_recorded_cell_deletes_that_count_and_audits_it(app: Flask) -> None:
    cli(app, "services", "count", "tax", "--month", "2568-01", "--count", "40")
    cli(app, "services", "count", "reg", "--month", "2567-10", "--count", "12")
    c = client_for(app, "admin")
    r = c.post(
        "/admin/services/counts",
        data={
            "year": "2568",
            "c-tax-2025-01": " ",  # had 40: cleared, so forgotten
            "c-reg-2024-10": "15",  # had 12: replaced
            "c-reg-2024-11": "",  # had nothing: stays nothing
        },  # c-tax-2024-10 … not sent at all: untouched
    )
    assert r.status_code == 302
    assert saved(app) == {("reg", date(2024, 10, 1)): 15}
    (row,) = [a for a in audit_rows(app) if a[1] == "service_count.save"]
    assert row == (
        "admin",
        "service_count.save",
        "2568",
        "reg 2024-10: 12 → 15, tax 2025-01: 40 → ลบ",
    )
    page = c.get("/admin/services/counts?year=2568").get_data(as_text=True)
    assert "ลบตัวเลขที่ล้างออก 1 ช่อง" in page
    assert 'name="c-tax-2025-01" value=""' in page
    stats = json.loads(cli(app, "summary", "--json", "--year", "2568"))["service_stats"]
    assert stats["total"] == 15 and stats["by_service"] == {"reg": 15}


def test_a_grid_with_a_bad_cell_clears_nothing(app: Flask) -> None:
    cli(app, "services", "count", "tax", "--month", "2568-01", "--count", "40")
    c = client_for(app, "admin")
    r = c.post(
        "/admin/services/counts",
        data={"year": "2568", "c-tax-2025-01": "", "c-reg-2024-10": "สิบ"},
    )
    assert r.status_code == 400
    assert saved(app) == {("tax", date(2025, 1, 1)): 40}  # all or nothing
    assert not [a for a in audit_rows(app) if a[1] == "service_count.save"]
