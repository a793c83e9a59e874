"""Small holes on the admin side: page numbers from the query string, what /healthz tells
strangers, and admin pages kept out of caches."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.exc import OperationalError

from bot.db import new_session
from bot.db.accounts.tables import AuditLog
from bot.db.store import SqlStore
from handlers.clock import utcnow
from handlers.complaints.usecases import ComplaintDraft, file_complaint
from handlers.shared import Channel
from tests.support.settings import ADMIN_PASSWORD

# A page number as typed or tampered with, and the page of two that it shows.
ODD_PAGES = {
    "99999999999999999999": 2,  # past the end: the last page
    "9" * 5000: 2,
    "3": 2,
    "-5": 1,
    "0": 1,
    "abc": 1,
    "1e9": 1,
    "": 1,
    "1_0": 1,
    "๒": 2,  # Thai digits are digits
    " 2 ": 2,
}


@pytest.fixture(autouse=True)
def _cheap_tracking_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("handlers.complaints.usecases.hash_code", lambda code: f"test${code}")


@pytest.fixture
def office(make_app: Callable[..., Flask]) -> Flask:
    return make_app(WTF_CSRF_ENABLED=False)


def admin(app: Flask) -> FlaskClient:
    c = app.test_client()
    r = c.post("/admin/login", data={"username": "admin", "password": ADMIN_PASSWORD})
    assert r.status_code == 302
    return c


def complaints(app: Flask, n: int) -> list[str]:
    with new_session(app) as s:
        store = SqlStore(s)
        draft = ComplaintDraft(category="road", details="ถนนหน้าบ้านเป็นหลุม", contact_name="สมศรี")
        cases = [file_complaint(store, draft, Channel.WEB, utcnow()).complaint.case_number]
        cases += [
            file_complaint(store, draft, Channel.WEB, utcnow()).complaint.case_number
            for _ in range(n - 1)
        ]
        store.commit()
    return cases


def audit_entries(app: Flask, n: int) -> None:
    start = datetime(2025, 1, 1)
    with new_session(app) as s:
        s.add_all(
            AuditLog(at=start + timedelta(minutes=i), actor="admin", action="test", target=str(i))
            for i in range(n)
        )
        s.commit()


def page_of(html: str) -> tuple[int, int]:
    m = re.search(r"หน้า (\d+) / (\d+)", html)
    assert m, html[:500]
    return int(m.group(1)), int(m.group(2))


# --- page numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize("page", list(ODD_PAGES))
def test_the_complaint_queue_answers_any_page_number_with_a_real_page(
    office: Flask, page: str
) -> None:
    cases = complaints(office, 3)
    r = admin(office).get("/admin/cases", query_string={"page": page})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert page_of(html) == (1, 1)
    assert all(c in html for c in cases)


@pytest.mark.parametrize(("page", "shown"), list(ODD_PAGES.items()))
def test_the_audit_log_answers_any_page_number_with_a_real_page(
    office: Flask, page: str, shown: int
) -> None:
    audit_entries(office, 150)  # two pages of 100
    r = admin(office).get("/admin/audit", query_string={"page": page})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert page_of(html) == (shown, 2)
    # The oldest entries are on the last page (newest first).
    assert ("<td>0</td>" in html) == (shown == 2)


@pytest.mark.parametrize("path", ["/admin/", "/admin/reports", "/admin/measures", "/api/summary"])
def test_an_absurd_year_is_answered_not_crashed_on(office: Flask, path: str) -> None:
    """Pages fall back to the current year; the API says 400 (a program asked)."""
    client = admin(office)
    for year in ("9" * 5000, "-2568", "๒๕๖๘๒๕๖๘", "x"):
        code = client.get(path, query_string={"year": year}).status_code
        assert code == 200 or (code == 400 and path.startswith("/api/")), (path, year, code)


# --- /healthz -------------------------------------------------------------------------------

PUBLIC_HEALTH = {"status", "database", "outbox_backlog", "line_events_pending", "last_sync"}
SECRET_PATH = "/srv/prongsai/instance/secret-mirror.xlsx"


def failed_sync(app: Flask) -> None:
    """A sync error that names a server path, as real ones do."""
    from bot.mirror.sync import source_for

    source_for(app).record_error(
        f"cannot save {SECRET_PATH}: [Errno 13] Permission denied", utcnow()
    )


def test_healthz_tells_strangers_only_status_and_counts(office: Flask) -> None:
    failed_sync(office)
    r = office.test_client().get("/healthz")
    assert r.status_code == 200
    body = r.get_json()
    assert set(body) <= PUBLIC_HEALTH and body["status"] == "ok"
    assert isinstance(body["outbox_backlog"], int) and isinstance(body["line_events_pending"], int)
    text = r.get_data(as_text=True)
    assert "srv" not in text and "Errno" not in text and "sqlite" not in text
    assert "no-store" in r.headers["Cache-Control"]


def test_healthz_tells_staff_who_are_not_admins_no_more(office: Flask) -> None:
    from bot.admin.auth import hash_password
    from bot.db.accounts.tables import User

    with new_session(office) as s:
        s.add(
            User(
                username="exec",
                display_name="ผู้บริหาร",
                password_hash=hash_password("exec-password-1", office),
                role="executive",
                created_at=utcnow(),
            )
        )
        s.commit()
    failed_sync(office)
    c = office.test_client()
    assert (
        c.post("/admin/login", data={"username": "exec", "password": "exec-password-1"}).status_code
        == 302
    )
    assert set(c.get("/healthz").get_json()) <= PUBLIC_HEALTH


def test_healthz_gives_a_logged_in_admin_the_details(office: Flask) -> None:
    failed_sync(office)
    body = admin(office).get("/healthz").get_json()
    assert set(body) >= PUBLIC_HEALTH
    assert SECRET_PATH in body["last_sync_error"]
    assert body["sheets_backend"] == "off"


def test_healthz_hides_why_the_database_is_unreachable(
    office: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    def down(*_args: object) -> None:
        raise OperationalError("SELECT 1", {}, Exception(f"unable to open {SECRET_PATH}"))

    monkeypatch.setattr("bot.web.health.read_status", down)
    r = office.test_client().get("/healthz")
    assert r.status_code == 503
    assert r.get_json() == {"status": "error", "database": "unreachable"}
    body = admin(office).get("/healthz").get_json()
    assert body["status"] == "error" and SECRET_PATH in body["error"]


# --- no caching of admin answers ------------------------------------------------------------


def test_every_admin_and_api_answer_says_no_store(office: Flask) -> None:
    case = complaints(office, 1)[0]
    anonymous = office.test_client()
    for path in ("/admin/", "/admin/cases", "/admin/login", "/api/summary"):
        r = anonymous.get(path)
        assert "no-store" in r.headers.get("Cache-Control", ""), (path, r.status_code)
    client = admin(office)
    paths = [
        "/admin/",
        "/admin/cases",
        f"/admin/cases/{case}",
        f"/admin/cases/{case}/letter",
        "/admin/audit",
        "/admin/catalog",
        "/admin/measures",
        "/admin/measures/staff",
        "/admin/measures/import",
        "/admin/reports",
        "/admin/reports/corruption_complaints.xlsx",
        "/admin/reports/satisfaction.html",
        "/admin/ita",
        "/admin/services",
        "/admin/services/reg/qr.png",
        "/admin/services/reg/poster",
        "/admin/users",
        "/admin/no-such-page",
        "/api/summary",
    ]
    for path in paths:
        r = client.get(path)
        assert r.status_code in (200, 404), (path, r.status_code)
        assert "no-store" in r.headers.get("Cache-Control", ""), (
            path,
            r.headers.get("Cache-Control"),
        )


# --- row numbers in the path ------------------------------------------------------------------

HUGE_IDS = ["99999999999999999999", str(2**31), str(2**63)]


@pytest.mark.parametrize("row_id", HUGE_IDS)
def test_a_row_number_no_database_can_hold_is_404(office: Flask, row_id: str) -> None:
    """SQLite cannot bind it (OverflowError) and PostgreSQL's integer ends at 2³¹−1."""
    client = admin(office)
    assert client.get(f"/admin/measures/{row_id}").status_code == 404
    for path in (
        f"/admin/catalog/units/{row_id}",
        f"/admin/measures/staff/{row_id}/code",
        f"/admin/measures/staff/{row_id}/unlink",
        f"/admin/users/{row_id}/active",
        f"/admin/users/{row_id}/edit",
    ):
        assert client.post(path).status_code == 404, path
