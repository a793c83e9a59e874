"""Small holes on the admin side: page numbers from the query string, what /healthz tells
strangers, and admin pages kept out of caches."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from bot.db import new_session
from bot.db.accounts.tables import AuditLog
from bot.db.store import SqlStore
from handlers.clock import utcnow
from handlers.complaints.usecases import ComplaintDraft, file_complaint
from handlers.shared import Channel
from tests.conftest import ADMIN_PASSWORD

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
