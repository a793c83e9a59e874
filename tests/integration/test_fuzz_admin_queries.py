"""Every GET route of the admin side and the API, logged in as admin, with fuzzed query
strings: an answer (a page, a fallback, a 4xx), never a 500."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import given
from hypothesis import strategies as st

from bot.db import new_session
from bot.db.store import SqlStore
from handlers.complaints.usecases import ComplaintDraft, file_complaint
from handlers.measures.domain import Measure
from handlers.shared import Channel
from tests.support.fuzz import fuzz
from tests.support.settings import ADMIN_PASSWORD

# Every parameter an admin page or the API reads, and a few nobody reads.
KNOWN_KEYS = [
    "page",
    "year",
    "status",
    "category",
    "unit",
    "channel",
    "overdue",
    "actor",
    "action",
    "thai",
    "download",
    "shown",
    "next",
    "service",
    "kind",
    "q",
]

NUMBERS = st.sampled_from(
    ["99999999999999999999", "-1", "0", "1", "2568", "๒๕๖๘", "1e9", "0x10", "1_0", "9" * 5000]
)
# Query text as a browser or a hand would send it; percent-escapes that are not UTF-8 too.
VALUES = (
    NUMBERS
    | st.text(max_size=40)
    | st.sampled_from(["%ff%fe", "%", "%%", "%00", "%ed%a0%80", "a=b", "&", ";", "+"])
)


@st.composite
def query_strings(draw: st.DrawFn) -> str:
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(KNOWN_KEYS) | st.text(max_size=8), VALUES),
            max_size=6,
        )
    )
    parts = []
    for key, value in pairs:
        # Already-escaped samples go in as they are, the rest escaped as a browser would.
        raw = value if value.startswith("%") or value in ("&", ";", "+", "a=b") else quote(value)
        parts.append(f"{quote(key)}={raw}")
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["page", "year=", "=", "&&", "page=1&page=2"])))
    return "&".join(parts)


class Office:
    """One app per test, seeded so that every route has something to show."""

    def __init__(self, make_app: Callable[..., Flask]) -> None:
        self.app = make_app(WTF_CSRF_ENABLED=False)
        with new_session(self.app) as s:
            store = SqlStore(s)
            draft = ComplaintDraft(category="road", details="ถนนชำรุด", contact_name="สมศรี")
            self.case = file_complaint(store, draft, Channel.WEB, utcnow_2025()).complaint
            self.measure = store.measures.save_measure(Measure(2568, 1, "มาตรการทดสอบ"))
            store.commit()
        self.client: FlaskClient = self.app.test_client()
        r = self.client.post("/admin/login", data={"username": "admin", "password": ADMIN_PASSWORD})
        assert r.status_code == 302

    def paths(self, rule: str) -> list[str]:
        """The rule with its parts filled in: real ones, and some that match nothing."""
        fill = {
            "<case_number>": [self.case.case_number, "2568-999999"],
            "<int:index>": ["0", "7"],
            "<int:measure_id>": [str(self.measure), "999"],
            "<int:user_id>": ["1"],
            "<code>": ["reg", "no-such", "o29", "o43", "complaints"],
            "<kind>": ["measures", "measure_results", "plan_progress", "plan_results", "o43"],
            "<fmt>": ["html", "docx", "xlsx", "pdf", "csv"],
            "<int:year>": ["2566", "2568", "2400", "99999"],
        }
        out = [rule]
        for part, values in fill.items():
            if part in rule:
                out = [p.replace(part, v) for p in out for v in values]
        return out


def utcnow_2025() -> datetime:
    return datetime(2025, 1, 10, 3, 0, tzinfo=UTC)


def admin_get_rules(app: Flask) -> list[str]:
    return sorted(
        r.rule
        for r in app.url_map.iter_rules()
        if "GET" in (r.methods or set()) and r.rule.startswith(("/admin", "/api/"))
    )


_office: list[tuple[Callable[..., Flask], Office]] = []


def office_for(make_app: Callable[..., Flask]) -> Office:
    """One office per test function run (hypothesis reuses the function-scoped fixture).
    The fixture itself is kept and compared, so a new run never gets an old office."""
    if not _office or _office[0][0] is not make_app:
        _office[:] = [(make_app, Office(make_app))]
    return _office[0][1]


@pytest.fixture(autouse=True)
def _cheap_tracking_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("handlers.complaints.usecases.hash_code", lambda code: f"test${code}")


def test_the_fuzzed_routes_are_every_admin_get_route(make_app: Callable[..., Flask]) -> None:
    """A new admin page is fuzzed too, or this fails: its path parts need filling in."""
    office = Office(make_app)
    for rule in admin_get_rules(office.app):
        assert all("<" not in p for p in office.paths(rule)), rule
    assert set(admin_get_rules(office.app)) == set(ROUTES)


ROUTES = [
    "/admin/",
    "/admin/assets",
    "/admin/audit",
    "/admin/cases",
    "/admin/cases/<case_number>",
    "/admin/cases/<case_number>/letter",
    "/admin/cases/<case_number>/photo/<int:index>",
    "/admin/cases/<case_number>/receipt",
    "/admin/cases/map.json",
    "/admin/cases/new",
    "/admin/catalog",
    "/admin/gifts",
    "/admin/ita",
    "/admin/ita/<int:year>/measures-draft",
    "/admin/ita/<int:year>/scores",
    "/admin/ita/<int:year>/scores/template.<fmt>",
    "/admin/ita/scores",
    "/admin/login",
    "/admin/measures",
    "/admin/measures/<int:measure_id>",
    "/admin/measures/import",
    "/admin/measures/report/<kind>.<fmt>",
    "/admin/measures/staff",
    "/admin/reports",
    "/admin/reports/<code>.<fmt>",
    "/admin/services",
    "/admin/services/<code>/paper",
    "/admin/services/<code>/poster",
    "/admin/services/<code>/qr.png",
    "/admin/services/<code>/questionnaire",
    "/admin/services/counts",
    "/admin/settings",
    "/admin/users",
    "/api/summary",
]


@pytest.mark.parametrize("rule", ROUTES)
@fuzz(12)
@given(query=query_strings(), pick=st.integers(min_value=0))
def test_admin_get_routes_never_answer_500(
    make_app: Callable[..., Flask], rule: str, query: str, pick: int
) -> None:
    office = office_for(make_app)
    paths = office.paths(rule)
    path = paths[pick % len(paths)]
    r = office.client.get(f"{path}?{query}")
    assert r.status_code < 500, (path, query, r.status_code)
    assert "no-store" in r.headers.get("Cache-Control", ""), (path, query)


def test_a_few_fixed_nasty_queries_on_every_route(make_app: Callable[..., Flask]) -> None:
    """The shapes found by hand, always run (the fuzzing draws its own)."""
    office = Office(make_app)
    rnd = random.Random(0)
    for rule in ROUTES:
        for query in ("page=99999999999999999999", "page=-1", "year=" + "9" * 5000, "page=%ff"):
            path = rnd.choice(office.paths(rule))
            assert office.client.get(f"{path}?{query}").status_code < 500, (path, query)
