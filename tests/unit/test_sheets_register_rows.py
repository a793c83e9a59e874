"""Rows of the สถิติการให้บริการ and การรับของขวัญ tabs and the count's stable ID."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from handlers.gifts.domain import GIFT, NONE, GiftReport
from sheets.layout import GIFTS, SERVICE_COUNTS
from sheets.rows import (
    REGISTRY,
    ServiceCountEntry,
    parse_service_count_key,
    service_count_key,
)

AT = datetime(2026, 11, 22, 7, 5, tzinfo=UTC)  # 14:05 in Bangkok


def test_a_count_is_known_by_its_month_and_service_and_only_that_form_is_read() -> None:
    assert service_count_key("tax", date(2026, 11, 1)) == "2569-11:tax"
    assert parse_service_count_key("2569-11:tax") == ("tax", date(2026, 11, 1))
    for stray in ("2569-1:tax", "2569-13:tax", "2569-11:TAX", "2569-11", "=2569-11:tax", ""):
        assert parse_service_count_key(stray) is None


def test_a_count_row_names_the_month_in_thai_and_the_service() -> None:
    entry = ServiceCountEntry(
        "tax", date(2026, 11, 1), 1350, "งานจัดเก็บภาษี", "กองคลัง", AT, "somchai"
    )
    row = dict(zip(SERVICE_COUNTS.headers, REGISTRY["service_count"].build(entry), strict=True))
    assert row["รหัส"] == "2569-11:tax" and row["เดือน"] == "พฤศจิกายน 2569"
    assert row["เดือน (ISO)"] == "2026-11" and row["จำนวนผู้รับบริการ (ราย)"] == 1350
    assert (row["งานบริการ"], row["หน่วยงาน"], row["ผู้บันทึก"]) == ("งานจัดเก็บภาษี", "กองคลัง", "somchai")
    assert row["บันทึกล่าสุด (ISO)"] == "2026-11-22T14:05:00+07:00"
    assert row["หมายเหตุระบบ"] == ""


def test_gift_rows_for_a_gift_and_for_a_month_declared_without() -> None:
    gift = GiftReport(
        kind=GIFT,
        staff_id=3,
        staff_name="สมชาย ใจดี",
        unit="กองคลัง",
        created_at=AT,
        received_on=date(2026, 11, 20),
        giver="ร้าน\x07 ข",  # a control character pasted from LINE is dropped
        what="ตะกร้าผลไม้",
        estimated_value=Decimal("1200.50"),
        action="ส่งคืนผู้ให้แล้ว",
        id=12,
    )
    row = dict(zip(GIFTS.headers, REGISTRY["gift"].build(gift), strict=True))
    assert row["รหัส"] == "G000012" and row["ประเภทรายการ"] == "รับของขวัญหรือประโยชน์อื่นใด"
    assert row["วันที่ได้รับ"] == "20 พฤศจิกายน 2569" and row["ผู้ให้"] == "ร้าน ข"
    assert row["มูลค่าโดยประมาณ (บาท)"] == 1200.5 and row["เดือนที่แจ้งว่าไม่มีการรับ"] == ""
    none = GiftReport(
        kind=NONE,
        staff_id=3,
        staff_name="สมชาย ใจดี",
        unit="กองคลัง",
        created_at=AT,
        period_start=date(2026, 11, 1),
        period_end=date(2026, 11, 30),
        id=13,
    )
    row = dict(zip(GIFTS.headers, REGISTRY["gift"].build(none), strict=True))
    assert row["ประเภทรายการ"] == "ไม่มีการรับของขวัญ"
    assert row["เดือนที่แจ้งว่าไม่มีการรับ"] == "พฤศจิกายน 2569"
    assert (row["วันที่ได้รับ"], row["มูลค่าโดยประมาณ (บาท)"], row["ผู้ให้"]) == ("", "", "")


def test_the_new_tabs_keep_within_a_to_z_and_headers_are_unique() -> None:
    for tab in (SERVICE_COUNTS, GIFTS):
        assert len(tab.columns) <= 26 and len(set(tab.headers)) == len(tab.headers)
