"""The gift register in chat: a staff member reports a gift or declares none."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from handlers.conversations.engine import handle
from handlers.conversations.messages import Inbound, Reply
from handlers.conversations.session import Actor, Context
from handlers.gifts.domain import NONE
from handlers.intents import detect_intent
from tests.fakes.fake_gifts import StoreWithGifts

# 21 Nov 2025, 09:00 in Bangkok.
NOW = datetime(2025, 11, 21, 2, 0, tzinfo=UTC)
STAFF = Actor(role="staff", staff_id=7, unit="กองคลัง", name="สมชาย ใจดี")


def say(store: StoreWithGifts, text: str, actor: Actor = STAFF) -> str:
    msg = Inbound(user_id="U-staff", kind="text", text=text)
    replies: list[Reply] = handle(
        msg, Context(store=store, now=NOW, actor=actor, understand=detect_intent)
    )
    store.commit()
    return "\n".join(r.text for r in replies)


def test_a_gift_is_reported_step_by_step() -> None:
    store = StoreWithGifts()
    assert "ได้รับจากใคร" in say(store, "แจ้งรับของขวัญ")
    assert "สิ่งที่ได้รับคืออะไร" in say(store, "บริษัท ก่อสร้างดี จำกัด")
    assert "มูลค่าโดยประมาณ" in say(store, "กระเช้าผลไม้ 1 กระเช้า")
    # A typo'd value is explained and asked again; nothing moves on.
    again = say(store, "15OO")
    assert "อ่านมูลค่า “15OO” ไม่ได้" in again and "มูลค่าโดยประมาณ" in again
    assert "ได้รับเมื่อวันที่" in say(store, "๑,๕๐๐ บาท")
    assert "ต้องไม่เป็นวันในอนาคต" in say(store, "25 พ.ย. 2568")
    assert "ดำเนินการกับสิ่งที่ได้รับ" in say(store, "เมื่อวาน")
    summary = say(store, "ส่งมอบให้หน่วยงาน")
    assert "มูลค่าโดยประมาณ: 1,500.00 บาท" in summary
    assert "วันที่ได้รับ: 20 พฤศจิกายน 2568" in summary
    assert store.gifts.rows == []  # nothing is recorded before the confirmation
    assert "ได้รับแจ้งการรับของขวัญแล้ว" in say(store, "ยืนยัน")
    (row,) = store.gifts.rows
    assert (row.giver, row.what, row.estimated_value, row.received_on, row.action) == (
        "บริษัท ก่อสร้างดี จำกัด",
        "กระเช้าผลไม้ 1 กระเช้า",
        Decimal("1500"),
        date(2025, 11, 20),
        "ส่งมอบให้หน่วยงาน",
    )
    assert (row.staff_id, row.staff_name, row.unit) == (7, "สมชาย ใจดี", "กองคลัง")


def test_edit_starts_again_and_cancel_records_nothing() -> None:
    store = StoreWithGifts()
    for text in ("แจ้งรับของขวัญ", "นาย ก", "ปากกา", "200", "วันนี้", "ส่งคืนผู้ให้แล้ว"):
        say(store, text)
    assert "ได้รับจากใคร" in say(store, "แก้ไข")
    say(store, "ยกเลิก")
    assert store.gifts.rows == []


def test_declaring_none_for_the_month() -> None:
    store = StoreWithGifts()
    assert "ในเดือนพฤศจิกายน 2568 ท่านไม่ได้รับ" in say(store, "ไม่มีการรับของขวัญ")
    assert "บันทึกการแจ้งไม่มีการรับของขวัญของเดือนพฤศจิกายน 2568แล้ว" in say(store, "ยืนยัน")
    (row,) = store.gifts.rows
    assert (row.kind, row.period_start, row.period_end) == (
        NONE,
        date(2025, 11, 1),
        date(2025, 11, 30),
    )
    say(store, "ไม่มีการรับของขวัญ")
    assert "ไว้แล้ว" in say(store, "ยืนยัน")
    assert len(store.gifts.rows) == 1


@pytest.mark.parametrize("text", ["แจ้งรับของขวัญ", "ไม่มีการรับของขวัญ"])
def test_citizens_get_the_usual_refusal(text: str) -> None:
    store = StoreWithGifts()
    assert "คำสั่งนี้สำหรับเจ้าหน้าที่" in say(store, text, actor=Actor())
    assert store.gifts.rows == [] and store.load_conversation("U-staff") is None


def test_the_staff_menu_offers_the_registers_as_taps() -> None:
    """Staff need not remember the registers' words: each is a button that starts it."""
    from handlers.conversations.staff import staff_menu

    taps = [q.text for q in staff_menu("เลือกรายการ").quick_replies]
    for starter in ("สถิติบริการ", "แจ้งรับของขวัญ", "ไม่มีการรับของขวัญ"):
        assert starter in taps
    assert len(taps) <= 13  # LINE's limit of quick-reply buttons
