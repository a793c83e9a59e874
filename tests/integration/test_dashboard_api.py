"""Summary figures against hand-computed values; /api/summary equals `summary --json`;
API tokens; the dashboard page; o29 content; LINE “สรุป” for admins only."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from handlers.summaries import summary
from tests.support.admin import add_user, client_for
from tests.support.clock import utc
from tests.support.complaints import file


@pytest.fixture
def year_2568(make_app: Callable[..., Flask]) -> Flask:
    """Eight complaints with known times (UTC; Bangkok is 7 hours ahead)."""
    app = make_app(WTF_CSRF_ENABLED=False)
    file(app, "road", utc(2024, 10, 5, 2), changes=(("resolved", utc(2024, 10, 8, 2), "ซ่อมแล้ว"),))
    # 30 Nov 18:30 UTC is 1 December in Bangkok: a December case, due 16 December.
    file(app, "light", utc(2024, 11, 30, 18, 30))
    file(app, "waste", utc(2025, 1, 6, 3), changes=(("in_progress", utc(2025, 1, 7, 3), ""),))
    file(app, "corruption", utc(2025, 1, 4, 3), details="เรียกรับเงินค่าใบอนุญาต")
    file(app, "road", utc(2024, 12, 28, 3), changes=(("resolved", utc(2025, 1, 7, 3), ""),))
    file(app, "water", utc(2025, 1, 2, 3), changes=(("resolved", utc(2025, 1, 3, 3), ""),))
    file(app, "other", utc(2024, 10, 10, 3), changes=(("rejected", utc(2024, 10, 12, 3), ""),))
    file(app, "road", utc(2024, 9, 25, 3))  # fiscal year 2567: not counted
    return app


def test_summary_numbers_match_the_hand_count(year_2568: Flask) -> None:
    # 20 January 2025, 10:00 in Bangkok.
    with new_session(year_2568) as s:
        data = summary(SqlStore(s), 2568, utc(2025, 1, 20, 3))
    c = data["complaints"]
    assert data["fiscal_year"] == 2568
    assert c["total"] == 7
    assert c["by_status"] == {"in_progress": 1, "received": 2, "rejected": 1, "resolved": 3}
    assert c["by_category"] == {
        "corruption": 1,
        "light": 1,
        "other": 1,
        "road": 2,
        "waste": 1,
        "water": 1,
    }
    assert c["corruption"] == 1
    # Open and past the 15-day due date: the light case (due 16 Dec) and the corruption
    # report (filed 4 Jan, due 19 Jan). The waste case (due 21 Jan) is not late yet.
    assert c["overdue"] == 2
    # Resolved in 3, 10 and 1 days (the rejected case does not count): median 3.
    assert c["median_days_to_resolve"] == 3
    assert c["by_month"]["2024-10"] == 2
    assert c["by_month"]["2024-11"] == 0 and c["by_month"]["2024-12"] == 2
    assert c["by_month"]["2025-01"] == 3
    assert sum(c["by_month"].values()) == 7 and len(c["by_month"]) == 12
    # One day earlier (19 Jan, 23:59 Bangkok) the corruption report is still on time.
    with new_session(year_2568) as s:
        earlier = summary(SqlStore(s), 2568, utc(2025, 1, 19, 16, 59))
    assert earlier["complaints"]["overdue"] == 1


def test_api_summary_is_the_cli_summary(year_2568: Flask) -> None:
    out = year_2568.test_cli_runner().invoke(args=["summary", "--json", "--year", "2568"])
    assert out.exit_code == 0, out.output
    cli = json.loads(out.output)
    api = client_for(year_2568, "admin").get("/api/summary?year=2568")
    assert api.status_code == 200
    assert api.get_json() == cli
    assert {"fiscal_year", "complaints"} <= set(cli)
    assert {
        "total",
        "by_status",
        "by_category",
        "corruption",
        "overdue",
        "median_days_to_resolve",
    } <= set(cli["complaints"])


def test_api_needs_a_login_or_a_token(make_app: Callable[..., Flask]) -> None:
    app = make_app(WTF_CSRF_ENABLED=False, API_TOKEN="shared-token-123456")
    anon = app.test_client()
    r = anon.get("/api/summary")
    assert r.status_code == 401 and "Bearer" in r.headers["WWW-Authenticate"]
    assert anon.get("/api/summary", headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = anon.get("/api/summary", headers={"Authorization": "Bearer shared-token-123456"})
    assert ok.status_code == 200 and "complaints" in ok.get_json()
    # A personal token, made on the users page, shown once, revoked with the account.
    add_user(app, "boss", "executive")
    admin = client_for(app, "admin")
    from bot.db.accounts.tables import User

    with new_session(app) as s:
        boss_id = s.query(User).filter_by(username="boss").one().id
    page = admin.post(f"/admin/users/{boss_id}/token", follow_redirects=True).get_data(as_text=True)
    token = page.split("ps_", 1)[1].split()[0]
    bearer = {"Authorization": f"Bearer ps_{token}"}
    assert anon.get("/api/summary", headers=bearer).status_code == 200
    admin.post(f"/admin/users/{boss_id}/active", data={"active": "0"})
    assert anon.get("/api/summary", headers=bearer).status_code == 401
    bad_year = anon.get(
        "/api/summary?year=abc", headers={"Authorization": "Bearer shared-token-123456"}
    )
    assert bad_year.status_code == 400 and "ไม่ถูกต้อง" in bad_year.get_json()["error"]


def test_dashboard_shows_the_years_figures_in_thai(year_2568: Flask) -> None:
    page = client_for(year_2568, "admin").get("/admin/?year=2568").get_data(as_text=True)
    assert "ภาพรวมปีงบประมาณ พ.ศ. 2568" in page
    assert "<svg" in page and "เรื่องร้องเรียนตามสถานะ" in page and "ต.ค." in page
    assert "ถนน ทางเท้า สะพาน" in page  # categories by their Thai names
    assert "3.0 วัน" in page or "3 วัน" in page  # the median
    assert "เรียกรับเงินค่าใบอนุญาต" not in page
    page_bad = client_for(year_2568, "admin").get("/admin/?year=9999").get_data(as_text=True)
    assert "ไม่ถูกต้อง" in page_bad


def test_o19_counts_corruption_reports_only(year_2568: Flask) -> None:
    """Corruption complaint statistics are O19 in ITA 2568 (o29 in 2566)."""
    admin = client_for(year_2568, "admin")
    html = admin.get("/admin/reports/o19.html?year=2568").get_data(as_text=True)
    assert "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in html
    assert "เรียกรับเงิน" not in html
    # The one corruption report of the year; none of the six general complaints.
    assert "ถนน" not in html and "ไฟฟ้า" not in html
    out = year_2568.test_cli_runner().invoke(
        args=[
            "report",
            "O19",
            "--year",
            "2568",
            "--out",
            str(year_2568.instance_path) + "/o19.xlsx",
        ]
    )
    assert out.exit_code == 0, out.output
    from openpyxl import load_workbook

    wb = load_workbook(str(year_2568.instance_path) + "/o19.xlsx")
    cells = [str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row if c]
    assert any("ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in c for c in cells)
    assert not any("เรียกรับเงินค่าใบอนุญาต" in c for c in cells)


def test_reports_page_lists_every_report(year_2568: Flask) -> None:
    page = client_for(year_2568, "admin").get("/admin/reports?year=2568").get_data(as_text=True)
    # ITA 2568's own codes: service statistics O11, corruption statistics O19, participation O20.
    for label in ("O11 ข้อมูลสถิติการให้บริการ", "O19 ข้อมูลสถิติเรื่องร้องเรียนการทุจริต", "O20 การเปิดโอกาส"):
        assert label in page
    assert "/admin/reports/o19.docx?year=2568" in page
    # Reports no 2568 item lists are still offered, by name.
    assert "/admin/reports/satisfaction.docx?year=2568" in page
    assert "/admin/reports/complaints.docx?year=2568" in page


def test_summary_in_line_for_admins_only(year_2568: Flask) -> None:
    from handlers.conversations import engine
    from handlers.conversations.messages import Inbound

    add_user(year_2568, "boss", "executive", line_user_id="U" + "b" * 32)
    svc = year_2568.extensions["prongsai"]
    from bot.db.accounts.actors import resolve_actor

    def say(user: str, text: str):  # type: ignore[no-untyped-def]
        with new_session(year_2568) as s:
            store = SqlStore(s)
            ctx = svc.context(store)
            ctx.actor = resolve_actor(s, user)
            replies = engine.handle(Inbound(user, "text", text=text), ctx)
            store.commit()
        return replies

    boss = say("U" + "b" * 32, "สรุป")
    assert boss[-1].flex is not None and boss[-1].flex["type"] == "bubble"
    assert "เรื่องร้องเรียนทั้งหมด" in boss[-1].text
    citizen = say("U" + "d" * 32, "สรุป")
    assert citizen[-1].flex is None and "เฉพาะผู้บริหาร" in citizen[-1].text


def test_counters_kept_by_each_change_equal_a_full_recount(year_2568: Flask) -> None:
    from sqlalchemy import select

    from bot.db.complaints.stats import ComplaintStat, rebuild_stats

    def snapshot() -> set[tuple[int, str, str, int, int, int]]:
        with new_session(year_2568) as s:
            return {
                (r.fiscal_year, r.status, r.category, r.month, r.resolve_days, r.n)
                for r in s.scalars(select(ComplaintStat))
                if r.n
            }

    admin = client_for(year_2568, "admin")
    r = admin.get("/admin/cases?status=received&category=light")
    case = r.get_data(as_text=True).split("/admin/cases/")[1].split('"')[0]
    admin.post(
        f"/admin/cases/{case}/status",
        data={"status": "resolved", "note": "เปลี่ยนหลอดแล้ว", "confirm": "yes"},
    )
    kept = snapshot()
    with new_session(year_2568) as s:
        rebuild_stats(s.connection())
        s.commit()
    assert snapshot() == kept
