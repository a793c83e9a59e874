"""The gift register's use cases: reporting, declaring none, review, and what staff type."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from handlers.gifts.domain import GIFT, NONE
from handlers.gifts.usecases import (
    GiftInvalid,
    Staff,
    declare_none,
    figures,
    parse_received_on,
    parse_value,
    report_gift,
    review,
)
from tests.fakes.fake_gifts import FakeGiftStore

# 20 Nov 2025, 18:30 UTC = 21 Nov 2025 01:30 in Bangkok.
NOW = datetime(2025, 11, 20, 18, 30, tzinfo=UTC)
TODAY = date(2025, 11, 21)
SOMCHAI = Staff(7, "สมชาย ใจดี", "กองคลัง")


def _gift(store: FakeGiftStore, **kw: object) -> None:
    args: dict[str, object] = {
        "received_on": date(2025, 11, 3),
        "giver": "บริษัท ก",
        "what": "กระเช้าผลไม้",
        "estimated_value": Decimal("1500"),
        "action": "ส่งมอบให้สำนักงาน",
        "now": NOW,
    }
    args.update(kw)
    report_gift(store, SOMCHAI, **args)  # type: ignore[arg-type]


def test_a_gift_is_recorded_with_who_received_it() -> None:
    store = FakeGiftStore()
    _gift(store, giver="  บริษัท ก  ")
    (row,) = store.rows
    assert (row.kind, row.staff_name, row.unit, row.giver) == (
        GIFT,
        "สมชาย ใจดี",
        "กองคลัง",
        "บริษัท ก",
    )
    assert row.estimated_value == Decimal("1500") and row.id == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"giver": " "}, "กรุณาระบุผู้ให้"),
        ({"what": ""}, "กรุณาระบุสิ่งที่ได้รับ"),
        ({"estimated_value": Decimal("-1")}, "มูลค่าต้องไม่ติดลบ"),
        ({"received_on": date(2025, 11, 22)}, "ต้องไม่เป็นวันในอนาคต"),
    ],
)
def test_an_incomplete_gift_is_refused_in_thai(change: dict[str, object], message: str) -> None:
    store = FakeGiftStore()
    with pytest.raises(GiftInvalid, match=message):
        _gift(store, **change)
    assert store.rows == []


def test_today_is_judged_in_bangkok_time() -> None:
    # 21 Nov is already today in Bangkok though still 20 Nov in UTC.
    store = FakeGiftStore()
    _gift(store, received_on=TODAY)
    assert store.rows[0].received_on == TODAY


def test_declaring_none_covers_the_current_month_once() -> None:
    store = FakeGiftStore()
    entry = declare_none(store, SOMCHAI, NOW)
    assert (entry.kind, entry.period_start, entry.period_end) == (
        NONE,
        date(2025, 11, 1),
        date(2025, 11, 30),
    )
    with pytest.raises(GiftInvalid, match="ได้แจ้งไม่มีการรับของขวัญของเดือนพฤศจิกายน 2568ไว้แล้ว"):
        declare_none(store, SOMCHAI, NOW)
    # Somebody else may still declare the same month.
    declare_none(store, Staff(8, "สมหญิง", "กองช่าง"), NOW)
    assert len(store.rows) == 2


def test_none_cannot_be_declared_for_a_month_with_a_gift() -> None:
    store = FakeGiftStore()
    _gift(store)
    with pytest.raises(GiftInvalid, match="มีรายการรับของขวัญ"):
        declare_none(store, SOMCHAI, NOW)


def test_review_keeps_who_and_the_note() -> None:
    store = FakeGiftStore()
    _gift(store)
    done = review(store, 1, "integrity1", " ตรวจแล้ว ถูกต้องตามระเบียบ ", NOW)
    assert (done.reviewed_at, done.reviewed_by, done.review_note) == (
        NOW,
        "integrity1",
        "ตรวจแล้ว ถูกต้องตามระเบียบ",
    )
    with pytest.raises(GiftInvalid, match="ไม่พบรายการ"):
        review(store, 99, "integrity1", "", NOW)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1500", Decimal("1500")),
        ("1,500.50", Decimal("1500.50")),
        ("๑,๕๐๐ บาท", Decimal("1500")),
        ("0", Decimal("0")),
    ],
)
def test_values_as_staff_type_them(text: str, value: Decimal) -> None:
    assert parse_value(text) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [("-200", "มูลค่าต้องไม่ติดลบ"), ("15oo", "อ่านมูลค่า “15oo” ไม่ได้"), ("1,50", "อ่านมูลค่า")],
)
def test_unreadable_values_say_why(text: str, message: str) -> None:
    with pytest.raises(GiftInvalid, match=message):
        parse_value(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("วันนี้", TODAY),
        ("เมื่อวาน", date(2025, 11, 20)),
        ("15 ม.ค. 2568", date(2025, 1, 15)),
        ("๓ พ.ย. ๖๘", date(2025, 11, 3)),
    ],
)
def test_dates_as_staff_type_them(text: str, day: date) -> None:
    assert parse_received_on(text, TODAY) == day


def test_a_future_or_unreadable_date_is_refused() -> None:
    with pytest.raises(GiftInvalid, match="ต้องไม่เป็นวันในอนาคต"):
        parse_received_on("25 พ.ย. 2568", TODAY)
    with pytest.raises(GiftInvalid, match="อ่านวันที่"):
        parse_received_on("พ.ย. 2568", TODAY)  # a whole month is not one day


def test_figures_count_gifts_and_declarations_apart() -> None:
    store = FakeGiftStore()
    _gift(store, estimated_value=Decimal("1500"))
    _gift(store, estimated_value=Decimal("250.50"))
    declare_none(store, Staff(8, "สมหญิง", "กองช่าง"), NOW)
    # 1500 + 250.50 = 1750.50
    assert figures(store.rows) == {"reports": 2, "declared_none": 1, "total_value": 1750.5}
