"""Staff registers in chat as a busy clerk types them: Thai digits with their unit
("๑๒๐ ราย"), "เดือนที่แล้วค่ะ", "ประมาณ ๕๐๐ บาท", a part of a name ("ประปา", "เต็นท์"), a
menu word typed again, another conversation's menu word, "สวัสดีค่ะ"."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from handlers.assets.ports import Account
from handlers.assets.usecases import add_asset
from handlers.conversations.engine import handle
from handlers.conversations.messages import Inbound, Reply
from handlers.conversations.session import Actor, Context
from handlers.conversations.voice import Voice
from handlers.intents import detect_intent
from handlers.reports.service_stats import ServiceCount
from tests.fakes.fake_assets import StoreWithAssets
from tests.fakes.fake_gifts import StoreWithGifts
from tests.fakes.fake_satisfaction import SatisfactionFakeStore

# 21 Nov 2025 (พ.ศ. 2568), 09:00 in Bangkok.
NOW = datetime(2025, 11, 21, 2, 0, tzinfo=UTC)
STAFF = Actor(role="staff", staff_id=7, unit="สำนักปลัด", name="สมหญิง ใจดี")


class _Counts:
    """Monthly service counts kept in memory, as SqlStore.service_counts keeps them."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, date], int] = {}

    def set_count(self, code: str, month: date, count: int, at: datetime, by: str) -> int | None:
        before = self.rows.get((code, month))
        self.rows[(code, month)] = count
        return before

    def counts_between(self, first: date, last: date) -> list[ServiceCount]:
        return [ServiceCount(c, m, n) for (c, m), n in self.rows.items() if first <= m <= last]


class StoreWithCounts(SatisfactionFakeStore):
    def __init__(self) -> None:
        super().__init__()
        self.service_counts = _Counts()


def chat(store: object, text: str, voice: Voice | None = None) -> list[Reply]:
    ctx = Context(store=store, now=NOW, actor=STAFF, understand=detect_intent)  # type: ignore[arg-type]
    if voice is not None:
        ctx.voice = voice
    replies = handle(Inbound(user_id="U-clerk", kind="text", text=text), ctx)
    store.commit()  # type: ignore[attr-defined]
    return replies


def say(store: object, text: str) -> str:
    return "\n".join(r.text for r in chat(store, text))


def test_a_month_count_typed_as_a_clerk_types_it() -> None:
    store = StoreWithCounts()
    asked = say(store, "สถิติบริการ")
    # Buttons cut long names; the question lists every one in full with its number.
    assert "4. งานสวัสดิการเบี้ยยังชีพ" in asked
    again = say(store, "สถิติบริการ")  # the menu word again only repeats the question
    assert "ไม่พบ" not in again and "1. งานทะเบียนราษฎร" in again
    assert "ของเดือนใด" in say(store, "ประปาค่ะ")
    assert "กี่ราย" in say(store, "เดือนที่แล้วค่ะ")
    summary = say(store, "๑๒๐ ราย")
    assert "งานบริการ: งานประปา" in summary
    assert "เดือน: ตุลาคม 2568" in summary and "จำนวนผู้รับบริการ: 120 ราย" in summary
    assert "บันทึกแล้ว: งานประปา เดือนตุลาคม 2568 จำนวน 120 ราย" in say(store, "ยืนยันค่ะ")
    assert store.service_counts.rows == {("water", date(2025, 10, 1)): 120}

    # By its number, a short Buddhist year and a figure with "คน".
    say(store, "สถิติบริการ")
    assert "ของเดือนใด" in say(store, "๙")
    say(store, "พ.ย. 68")
    assert "จำนวนผู้รับบริการ: 1,350 ราย" in say(store, "ประมาณ 1,350 คนครับ")
    say(store, "ได้ครับ")
    assert store.service_counts.rows[("childcare", date(2025, 11, 1))] == 1350


def test_a_gift_value_with_words_around_it_and_a_menu_word_typed_again() -> None:
    store = StoreWithGifts()
    say(store, "แจ้งรับของขวัญค่ะ")
    say(store, "นายสมศักดิ์ ผู้รับเหมา")
    asked = say(store, "กระเช้าผลไม้ 🎁")
    assert "มูลค่าโดยประมาณ" in asked
    again = say(store, "แจ้งรับของขวัญ")
    assert "อ่านมูลค่า" not in again and "มูลค่าโดยประมาณ" in again
    refused = chat(store, "ไม่ทราบ", Voice("ค่ะ"))
    # The refusal ends with the office's particle, not bare.
    assert refused[0].text.endswith("เช่น 500 หรือ 1,500 ค่ะ")
    assert "ได้รับเมื่อวันที่" in say(store, "ประมาณ ๕๐๐ บาท")
    say(store, "เมื่อวาน")
    say(store, "ส่งคืนผู้ให้แล้ว")
    say(store, "ยืนยันค่ะ")
    assert store.gifts.rows[0].estimated_value == Decimal("500")


def test_another_conversations_menu_word_of_the_same_module_starts_it() -> None:
    store = StoreWithGifts()
    say(store, "แจ้งรับของขวัญ")
    say(store, "ร้าน ก")
    moved = say(store, "ไม่มีการรับของขวัญค่ะ")
    assert "ยกเลิกรายการที่ทำค้างไว้แล้ว" in moved
    assert "ในเดือนพฤศจิกายน 2568 ท่านไม่ได้รับทรัพย์สิน" in moved and "ใช่หรือไม่" in moved
    say(store, "ยืนยันค่ะ")
    assert [r.kind for r in store.gifts.rows] == ["none"]


def test_an_asset_named_in_part_a_return_asked_for_mid_loan_and_notices_end_politely() -> None:
    store = StoreWithAssets()
    add_asset(store.assets, "เต็นท์ 4x8 ม.", "สำนักปลัด", "", ["สำนักปลัด"])
    add_asset(store.assets, "โต๊ะพับ", "สำนักปลัด", "", ["สำนักปลัด"])
    store.assets.set_unit_head("สำนักปลัด", 21, NOW)
    store.assets.accounts = [
        Account(7, "staff", "สำนักปลัด", "U-clerk"),
        Account(21, "staff", "สำนักปลัด", "U-head"),
    ]
    say(store, "ยืมทรัพย์สินค่ะ")
    again = say(store, "ยืมทรัพย์สิน")
    assert "ไม่พบ" not in again and "1. เต็นท์ 4x8 ม." in again
    assert "เริ่มยืมวันที่" in say(store, "เต็นท์ค่ะ")
    say(store, "พรุ่งนี้")
    say(store, "25/11/68")
    summary = say(store, "งานวันเด็ก หมู่ 4")
    assert "ทรัพย์สิน: เต็นท์ 4x8 ม." in summary and "กำหนดคืน: 25 พฤศจิกายน 2568" in summary
    say(store, "ยืนยันค่ะ")
    notice = store.notices[-1].notice
    assert notice.line_user_id == "U-head" and notice.text.endswith("เพื่อไม่อนุมัติครับ")

    # "คืนทรัพย์สิน" in the middle of another loan is the return, not the loan's answer.
    say(store, "ยืมทรัพย์สิน")
    moved = say(store, "คืนทรัพย์สิน")
    assert "ยกเลิกรายการที่ทำค้างไว้แล้ว" in moved
    assert "ไม่มีทรัพย์สินที่ยืมอยู่และรอบันทึกการคืน" in moved


def test_staff_are_greeted_with_their_own_menu() -> None:
    replies = chat(StoreWithGifts(), "สวัสดีค่ะ", Voice("ค่ะ"))
    assert replies[-1].text.startswith("สวัสดีค่ะ สมหญิง ใจดี")
    assert [q.label for q in replies[-1].quick_replies][:2] == ["รายงานความคืบหน้า", "งานของฉัน"]
