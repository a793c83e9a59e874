"""The complaint map: /admin/cases/map.json with the queue's filters, role by role (sealed
corruption reports only for the integrity officer), the cases placed only in words, the tile
server allowed only on map pages, and no exact point on any public page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from flask import Flask

from bot.db import new_session
from bot.db.complaints import receipts
from bot.db.store import SqlStore
from handlers.complaints.domain import Location
from handlers.complaints.usecases import ComplaintDraft, file_complaint
from handlers.shared import Channel
from tests.support.admin import add_user, client_for
from tests.support.complaints import file

NOW = datetime(2025, 3, 15, 5, 0, tzinfo=UTC)  # 15 March 2568, Bangkok noon: FY 2568
SECRET_PLACE = "บ้านเลขที่ลับ"
SECRET_LAT = "14.83579"


def utc(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 3, 0, tzinfo=UTC)


@pytest.fixture
def frozen() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def office(make_app: Callable[..., Flask], frozen: None) -> tuple[Flask, dict[str, str]]:
    app = make_app(WTF_CSRF_ENABLED=False)
    add_user(app, "exec", "executive")
    add_user(app, "integ", "integrity")
    add_user(app, "chang", "staff", "กองช่าง")
    add_user(app, "palad", "staff", "สำนักปลัด")
    cases = {
        # กองช่าง, received five days ago, a point and the words given with it.
        "A": file(
            app, "road", utc(2025, 3, 10), location=Location(14.81357, 100.27913, "หน้าวัดสามัคคี")
        ),
        # กองช่าง, resolved.
        "B": file(
            app,
            "light",
            utc(2025, 1, 10),
            location=Location(14.82011, 100.28542),
            changes=(("resolved", utc(2025, 1, 20), "เปลี่ยนหลอดแล้ว"),),
        ),
        # กองสาธารณสุขฯ, only words, overdue (received 1 February).
        "C": file(app, "waste", utc(2025, 2, 1), location=Location(address="หมู่ที่ 4 ข้างศาลาประชาคม")),
        # Sealed corruption report with a point (สำนักปลัด).
        "D": file(
            app,
            "corruption",
            utc(2025, 3, 1),
            location=Location(float(SECRET_LAT), 100.29135, SECRET_PLACE),
        ),
        # สำนักปลัด, last fiscal year (2567), overdue.
        "E": file(app, "safety", utc(2024, 2, 1), location=Location(14.79024, 100.26468)),
        # No location at all: never on the map.
        "F": file(app, "water", utc(2025, 3, 12)),
    }
    return app, cases


def _map(app: Flask, username: str, query: str = "") -> dict[str, Any]:
    r = client_for(app, username).get(f"/admin/cases/map.json{query}")
    assert r.status_code == 200
    assert r.headers["Cache-Control"] == "private, no-store"
    data = r.get_json()
    assert isinstance(data, dict)
    return data


def _pins(data: dict[str, Any]) -> set[str]:
    return {p["case_number"] for p in data["pins"]}


def _listed(data: dict[str, Any]) -> list[str]:
    return [t["case_number"] for t in data["text_only"]]


def test_a_pin_carries_number_status_category_point_and_link(office) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    data = _map(app, "admin")
    a = next(p for p in data["pins"] if p["case_number"] == cases["A"])
    assert a == {
        "case_number": cases["A"],
        "status": "received",
        "status_th": "รับเรื่องแล้ว",
        "category": "ถนน ทางเท้า สะพาน",
        "lat": 14.81357,
        "lng": 100.27913,
        "place": "หน้าวัดสามัคคี",
        "overdue": False,
        "url": f"/admin/cases/{cases['A']}",
    }
    # Located only in words: listed beside the map with its place and link, not pinned.
    assert data["text_only"] == [
        {
            "case_number": cases["C"],
            "status": "received",
            "status_th": "รับเรื่องแล้ว",
            "category": "ขยะ ความสะอาด",
            "place": "หมู่ที่ 4 ข้างศาลาประชาคม",
            "overdue": True,
            "url": f"/admin/cases/{cases['C']}",
        }
    ]
    assert data["truncated"] is False and data["problems"] == []


@pytest.mark.parametrize(
    ("query", "pins", "listed"),
    [
        ("", {"A", "B", "E"}, ["C"]),
        ("?year=2568", {"A", "B"}, ["C"]),
        ("?year=๒๕๖๗", {"E"}, []),
        ("?status=received", {"A", "E"}, ["C"]),
        ("?status=resolved", {"B"}, []),
        ("?overdue=1", {"E"}, ["C"]),
        ("?category=waste", set(), ["C"]),
        ("?unit=กองช่าง", {"A", "B"}, []),
        # The queue's page number means nothing to the map: it shows every page.
        ("?status=received&page=7", {"A", "E"}, ["C"]),
    ],
)
def test_the_map_takes_the_queues_filters(office, query, pins, listed) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    data = _map(app, "admin", query)
    assert _pins(data) == {cases[k] for k in pins}
    assert _listed(data) == [cases[k] for k in listed]


def test_a_filter_that_makes_no_sense_is_said_in_thai_and_shows_everything(office) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    data = _map(app, "admin", "?status=done&year=abc")
    assert data["problems"] == [
        "ไม่รู้จักสถานะ “done”",
        "ปีงบประมาณ “abc” ไม่ถูกต้อง แสดงทุกปีแทน",
    ]
    assert _pins(data) == {cases["A"], cases["B"], cases["E"]}


@pytest.mark.parametrize(
    ("username", "pins", "listed"),
    [
        ("admin", {"A", "B", "E"}, ["C"]),
        ("exec", {"A", "B", "E"}, ["C"]),
        ("chang", {"A", "B"}, []),  # their unit's only
        ("palad", {"E"}, []),  # สำนักปลัด's corruption report is not theirs to see
        ("integ", {"A", "B", "D", "E"}, ["C"]),
    ],
)
def test_each_role_sees_the_cases_the_queue_lets_it_see(office, username, pins, listed) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    data = _map(app, username)
    assert _pins(data) == {cases[k] for k in pins}
    assert _listed(data) == [cases[k] for k in listed]


@pytest.mark.parametrize("username", ["admin", "exec", "palad", "chang"])
def test_no_one_but_the_integrity_officer_gets_a_corruption_reports_place(office, username) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    for query in ("", "?category=corruption", "?unit=สำนักปลัด", "?status=received"):
        r = client_for(app, username).get(f"/admin/cases/map.json{query}")
        text = r.get_data(as_text=True)
        assert cases["D"] not in text and SECRET_LAT not in text
        assert "100.29135" not in text and SECRET_PLACE not in text


def test_the_integrity_officer_sees_the_sealed_pin_marked_sealed(office) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    d = next(p for p in _map(app, "integ")["pins"] if p["case_number"] == cases["D"])
    assert (d["lat"], d["lng"], d["place"]) == (14.83579, 100.29135, SECRET_PLACE)
    assert d["category"] == "เรื่องร้องเรียนการทุจริต (ปิดผนึก) · ทุจริต ประพฤติมิชอบ สินบน"
    # Its place was shown: the case's access log says who saw it on the map, as for its page.
    page = client_for(app, "integ").get(f"/admin/cases/{cases['D']}").get_data(as_text=True)
    assert "ตำแหน่งบนแผนที่" in page


def test_the_map_needs_a_login(office) -> None:  # type: ignore[no-untyped-def]
    app, _ = office
    r = app.test_client().get("/admin/cases/map.json")
    assert r.status_code == 302 and "/admin/login" in r.headers["Location"]


def test_only_map_pages_may_load_tiles_and_the_queue_map_follows_its_filters(office) -> None:  # type: ignore[no-untyped-def]
    app, _ = office
    admin = client_for(app, "admin")
    tiles = "img-src 'self' data: https://*.tile.openstreetmap.org;"
    queue = admin.get("/admin/cases?status=received&unit=กองช่าง&page=2")
    page = queue.get_data(as_text=True)
    assert tiles in queue.headers["Content-Security-Policy"]
    # The page number is dropped: the map shows all of the filtered queue.
    assert (
        'data-points="/admin/cases/map.json?status=received&amp;unit=%E0%B8%81%E0%B8%AD%E0%B8%87'
        '%E0%B8%8A%E0%B9%88%E0%B8%B2%E0%B8%87"'
    ) in page
    assert "รับเรื่องแล้ว" in page and "ระบุสถานที่เป็นข้อความ" in page
    assert 'src="/static/vendor/leaflet/leaflet.js"' in page and 'src="/static/casemap.js"' in page
    home = admin.get("/admin/?year=2568")
    assert tiles in home.headers["Content-Security-Policy"]
    assert 'data-points="/admin/cases/map.json?year=2568"' in home.get_data(as_text=True)
    for path in ("/admin/users", "/admin/cases/new", "/track", "/", "/complaint"):
        csp = admin.get(path).headers["Content-Security-Policy"]
        assert "img-src 'self' data:;" in csp, path


def test_the_case_page_shows_its_pin_and_opens_a_maps_app(office) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    admin = client_for(app, "admin")
    page = admin.get(f"/admin/cases/{cases['A']}").get_data(as_text=True)
    assert 'data-lat="14.81357" data-lng="100.27913"' in page
    assert 'href="https://www.google.com/maps?q=14.81357,100.27913"' in page
    assert "เปิดในแอปแผนที่" in page
    # Words only: the words are on the page, no map.
    words = admin.get(f"/admin/cases/{cases['C']}").get_data(as_text=True)
    assert "หมู่ที่ 4 ข้างศาลาประชาคม" in words and "เปิดในแอปแผนที่" not in words
    # A sealed case's point is its content: the admin's page has no map, the officer's has.
    sealed = admin.get(f"/admin/cases/{cases['D']}").get_data(as_text=True)
    assert SECRET_LAT not in sealed and "เปิดในแอปแผนที่" not in sealed
    officer = client_for(app, "integ").get(f"/admin/cases/{cases['D']}").get_data(as_text=True)
    assert f'data-lat="{SECRET_LAT}"' in officer


def test_a_tile_address_that_is_not_a_web_address_draws_no_tiles_and_says_so(
    make_app: Callable[..., Flask], frozen: None
) -> None:
    app = make_app(WTF_CSRF_ENABLED=False, MAP_TILE_URL="tiles.example/{z}/{x}/{y}.png")
    r = client_for(app, "admin").get("/admin/cases")
    assert "img-src 'self' data:;" in r.headers["Content-Security-Policy"]
    page = r.get_data(as_text=True)
    assert 'data-tiles=""' in page
    assert "ไม่แสดงภาพแผนที่พื้นหลัง: ที่อยู่แผ่นภาพแผนที่ (MAP_TILE_URL) ไม่ถูกต้อง" in page


def test_no_public_page_shows_a_complaints_point(
    make_app: Callable[..., Flask], frozen: None
) -> None:
    """The citizen who sent a LINE location sees their case on /track and the receipt page;
    the public /ita statistics count it. None of them prints the point."""
    app = make_app(WTF_CSRF_ENABLED=False)
    with new_session(app) as s:
        store = SqlStore(s)
        draft = ComplaintDraft(
            category="road",
            details="ถนนยุบหน้าบ้าน",
            location=Location(14.81357, 100.27913, ""),
            line_user_id="U" + "a" * 32,
        )
        filed = file_complaint(store, draft, Channel.LINE, utc(2025, 3, 10))
        number, code = filed.complaint.case_number, filed.secret_code
        token = receipts.put(s, number, code, NOW)
        store.commit()
    client = app.test_client()
    with client.session_transaction() as sess:
        sess["receipt"] = token
    pages = {"received": client.get("/complaint/received")}
    pages["track"] = client.post("/track", data={"case_number": number, "code": code})
    for path in (
        "/",
        "/ita",
        "/ita/2568",
        "/ita/2568/complaints",
        "/ita/2568/complaints.json",
        "/ita/2568/corruption_complaints",
    ):
        pages[path] = client.get(path)
    assert number in pages["received"].get_data(as_text=True)
    assert number in pages["track"].get_data(as_text=True)  # the case was found
    assert pages["/ita/2568/complaints.json"].get_json()["total"] == 1  # counted, no point
    for name, r in pages.items():
        assert r.status_code == 200, name
        text = r.get_data(as_text=True)
        for fragment in ("14.8135", "100.2791", "14.81357", "maps?q="):
            assert fragment not in text, (name, fragment)
