"""What the complaint map shows one viewer (pins, cases placed only in words), the queue's
fiscal-year filter, and the CSP source for a tile address."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.web.security import CSP, tile_source, with_images_from
from handlers.complaints.domain import Complaint, Location, Status
from handlers.complaints.mapview import map_view
from handlers.complaints.policy import Viewer
from handlers.complaints.queue import parse_filter
from handlers.shared import Channel

NOW = datetime(2025, 3, 15, 5, tzinfo=UTC)


def case(n: int, category: str, location: Location | None, unit: str = "กองช่าง") -> Complaint:
    return Complaint(
        case_number=f"2568-{n:06d}",
        fiscal_year=2568,
        category=category,
        details="รายละเอียด",
        channel=Channel.LINE,
        created_at=datetime(2025, 2, 1, 3, tzinfo=UTC),  # 42 days before NOW: overdue
        status=Status.RECEIVED,
        unit=unit,
        location=location,
    )


CASES = [
    case(1, "road", Location(14.5, 100.25, "หน้าตลาด")),
    case(2, "waste", Location(address="  หมู่ที่ 4  ")),
    case(3, "corruption", Location(14.6, 100.3, "บ้านผู้ใหญ่"), unit="สำนักปลัด"),
    case(4, "road", None),
    case(5, "road", Location(95.0, 100.0)),  # no such latitude: not pinned, no words to list
    case(6, "light", Location(14.7, 100.4), unit="กองคลัง"),
]


def test_pins_and_the_list_in_words_for_the_admin() -> None:
    view = map_view(Viewer("admin"), CASES, NOW)
    assert [(p.case_number, p.lat, p.lng, p.place) for p in view.pins] == [
        ("2568-000001", 14.5, 100.25, "หน้าตลาด"),
        ("2568-000006", 14.7, 100.4, ""),
    ]
    assert view.pins[0].category_th == "ถนน ทางเท้า สะพาน" and view.pins[0].overdue
    assert [(t.case_number, t.place, t.status) for t in view.text_only] == [
        ("2568-000002", "หมู่ที่ 4", Status.RECEIVED)
    ]


def test_a_sealed_report_is_pinned_for_the_integrity_officer_only() -> None:
    assert "2568-000003" in {p.case_number for p in map_view(Viewer("integrity"), CASES, NOW).pins}
    for viewer in (Viewer("admin"), Viewer("executive"), Viewer("staff", "สำนักปลัด")):
        assert "2568-000003" not in {p.case_number for p in map_view(viewer, CASES, NOW).pins}


def test_staff_see_their_units_cases_only() -> None:
    view = map_view(Viewer("staff", "กองคลัง"), CASES, NOW)
    assert [p.case_number for p in view.pins] == ["2568-000006"] and view.text_only == ()


def test_the_queue_filters_by_fiscal_year_in_either_digits() -> None:
    assert parse_filter({"year": "๒๕๖๗"}, Viewer("admin"))[0].fiscal_year == 2567
    assert parse_filter({}, Viewer("admin"))[0].fiscal_year == 0
    f, problems = parse_filter({"year": "ปีที่แล้ว"}, Viewer("admin"))
    assert f.fiscal_year == 0 and problems == ["ปีงบประมาณ “ปีที่แล้ว” ไม่ถูกต้อง แสดงทุกปีแทน"]


@pytest.mark.parametrize(
    ("template", "source"),
    [
        ("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org"),
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("http://127.0.0.1:8123/{z}/{x}/{y}.png", "http://127.0.0.1:8123"),
        ("https://a{s}.tiles.example.go.th/{z}/{x}/{y}.png", "https://*.tiles.example.go.th"),
        ("https://{s}/{z}/{x}/{y}.png", ""),  # would allow every host
        ("tiles.example/{z}/{x}/{y}.png", ""),
        ("javascript:alert(1)", ""),
        ("", ""),
    ],
)
def test_the_tile_servers_csp_source(template: str, source: str) -> None:
    assert tile_source(template) == source


def test_only_images_gain_the_tile_server() -> None:
    csp = with_images_from(CSP, "https://*.tile.openstreetmap.org")
    assert "img-src 'self' data: https://*.tile.openstreetmap.org;" in csp
    assert csp.replace(" https://*.tile.openstreetmap.org", "", 1) == CSP
    assert with_images_from(CSP, "") == CSP
