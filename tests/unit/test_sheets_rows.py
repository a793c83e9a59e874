"""The worksheet layout and the row builders: Thai headers, stable IDs, sealed reports."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handlers.complaints.domain import Complaint, Location, Status
from handlers.shared import Channel
from sheets.layout import COMPLAINTS, SUMMARY, TABS
from sheets.rows import (
    REGISTRY,
    SEALED_MARK,
    parse_status,
    summary_rows,
    text,
)

AT = datetime(2026, 11, 22, 7, 5, tzinfo=UTC)  # 14:05 in Bangkok


def complaint(**kw: object) -> Complaint:
    base: dict[str, object] = dict(
        case_number="2570-000123",
        fiscal_year=2570,
        category="light",
        details='=IMPORTXML("http://x") ไฟดับหน้าวัด',
        channel=Channel.LINE,
        created_at=AT,
        updated_at=AT,
        unit="กองช่าง",
        photos=["uploads/abc.jpg"],
        location=Location(16.5, 102.1, "หน้าวัดโคกสูง"),
        contact_name="สมศรี",
        phone="0812345678",
        line_user_id="U1",
    )
    base.update(kw)
    return Complaint(**base)  # type: ignore[arg-type]


def test_tabs_with_thai_titles_and_the_id_in_column_a() -> None:
    assert [t.title for t in TABS] == [
        "เรื่องร้องเรียน",
        "มาตรการ",
        "ความคืบหน้า",
        "ความพึงพอใจ",
        "สถิติการให้บริการ",
        "การรับของขวัญ",
        "ยืม-คืนทรัพย์สิน",
        "สรุป",
    ]
    for tab in TABS:
        assert tab.columns[0].key == "id"
        assert len(set(tab.headers)) == len(tab.headers)
        assert all(any("\u0e00" <= ch <= "\u0e7f" for ch in h) for h in tab.headers)
    assert COMPLAINTS.a1("A:A") == "'เรื่องร้องเรียน'!A:A"


def test_complaint_row_has_case_number_thai_dates_and_iso() -> None:
    row = REGISTRY["complaint"].build(complaint())
    cell = dict(zip([c.key for c in COMPLAINTS.columns], row, strict=True))
    assert cell["id"] == "2570-000123"
    assert cell["received"] == "22 พฤศจิกายน 2569 เวลา 14:05 น."
    assert cell["received_iso"] == "2026-11-22T14:05:00+07:00"
    assert cell["status"] == "รับเรื่องแล้ว"
    assert cell["due"] == "7 ธันวาคม 2569"
    assert cell["details"].startswith("=IMPORTXML")  # the backends keep it text
    assert cell["phone"] == "0812345678"
    assert cell["map"] == "https://www.google.com/maps?q=16.5,102.1"
    assert cell["system_notes"] == ""


def test_corruption_reports_are_sealed() -> None:
    c = complaint(category="corruption", details="ปลัดเรียกเงินใต้โต๊ะ 5,000 บาท")
    row = REGISTRY["complaint"].build(c)
    joined = " ".join(str(v) for v in row)
    for secret in ("ปลัด", "สมศรี", "0812345678", "หน้าวัด", "abc.jpg", "16.5", "กองช่าง"):
        assert secret not in joined
    cell = dict(zip([c.key for c in COMPLAINTS.columns], row, strict=True))
    assert cell["id"] == "2570-000123" and cell["status"] == "รับเรื่องแล้ว"
    assert cell["category"] == "ทุจริต ประพฤติมิชอบ สินบน"
    assert cell["received_iso"] and cell["due"]
    assert cell["details"] == SEALED_MARK


def test_anonymous_complainant_is_not_named() -> None:
    # A name and a phone were given, then anonymity chosen: the row must carry neither.
    c = complaint(anonymous=True, contact_name="สมศรี มีสุข", phone="0899876543")
    row = REGISTRY["complaint"].build(c)
    assert "ไม่ประสงค์ออกนาม" in row
    joined = " ".join(str(v) for v in row)
    for personal in ("สมศรี", "มีสุข", "0899876543", "899876543"):
        assert personal not in joined
    cell = dict(zip([c.key for c in COMPLAINTS.columns], row, strict=True))
    assert (cell["contact"], cell["phone"]) == ("ไม่ประสงค์ออกนาม", "")


def test_text_drops_characters_xlsx_cannot_hold() -> None:
    assert text("a\x00b\x1fc\td\ne") == "abc\td\ne"
    assert len(text("ก" * 60_000)) == 50_000


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("ดำเนินการแล้วเสร็จ", Status.RESOLVED),
        (" resolved ", Status.RESOLVED),
        ("ไม่รับไว้พิจารณา", Status.REJECTED),
        ("ไม่รับพิจารณา", Status.REJECTED),  # the label older versions wrote into sheets
        ("กำลัง  ดำเนินการ", None),
        ("", None),
        ("=1+1", None),
    ],
)
def test_parse_status_takes_thai_labels_and_codes(typed: str, status: Status | None) -> None:
    assert parse_status(typed) == status


def test_summary_lists_every_status_and_category_with_stable_ids() -> None:
    summary = {
        "fiscal_year": 2570,
        "complaints": {
            "total": 3,
            "by_status": {"received": 3},
            "by_category": {"light": 3},
            "corruption": 0,
        },
    }
    rows = summary_rows(summary, AT)
    ids = [r[0] for r in rows if r[0]]
    assert ids[0] == "complaints.total"
    assert {f"complaints.by_status.{s.value}" for s in Status} <= set(ids)
    assert "complaints.by_category.corruption" in ids
    by_id = {r[0]: r for r in rows}
    assert by_id["complaints.by_status.received"][2] == 3
    assert by_id["complaints.by_status.resolved"][2] == 0
    assert by_id["complaints.total"][1] == "เรื่องร้องเรียนทั้งหมด"
    assert all(len(r) == len(SUMMARY.columns) for r in rows)
    assert rows[-1] == [""] * len(SUMMARY.columns)  # clears what a longer summary left


def test_summary_labels_service_statistics_in_thai() -> None:
    summary = {
        "fiscal_year": 2568,
        "satisfaction": {"by_service": {"reg": {"name": "งานทะเบียนราษฎร", "responses": 2}}},
        "service_stats": {
            "total": 1450,
            "by_service": {"reg": 1450},
            "by_month": {"2024-10": 120, "2025-01": 1330},
        },
    }
    by_id = {r[0]: r for r in summary_rows(summary, AT) if r[0]}
    assert by_id["service_stats.total"][1:3] == ["จำนวนผู้รับบริการทั้งหมด (ราย)", 1450]
    assert by_id["service_stats.by_service.reg"][1:3] == ["ผู้รับบริการ งานทะเบียนราษฎร", 1450]
    assert by_id["service_stats.by_month.2024-10"][1:3] == ["ผู้รับบริการ เดือน ต.ค. 2567", 120]
    assert by_id["service_stats.by_month.2025-01"][1] == "ผู้รับบริการ เดือน ม.ค. 2568"
