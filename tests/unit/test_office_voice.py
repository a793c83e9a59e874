"""The office speaks in its own voice: ท่าน, its particle (ค่ะ with คะ for questions), its
name, and the register of a government document — without changing what people typed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from handlers.conversations import summary
from handlers.conversations.messages import Reply
from handlers.conversations.session import Actor, Context
from handlers.conversations.voice import Voice, is_question
from handlers.measures.domain import Measure
from tests.fakes.fake_measures import StoreWithMeasures
from tests.fakes.fake_satisfaction import SatisfactionFakeStore
from tests.fakes.fake_store import FakeStore
from tests.support.chat import Chat, text_of

NOW = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)  # FY 2570
OFFICE = "เทศบาลตำบลบ้านสวน"
KHA = Voice("ค่ะ", OFFICE)
RANKED = [("light", 0.81), ("road", 0.3), ("water", 0.2)]


@dataclass(frozen=True)
class Understood:
    name: str
    case_number: str | None = None
    category: str | None = None


def everything(chat: Chat, *messages: str) -> str:
    return "\n".join(text_of(chat.say(m)) for m in messages)


def test_a_complaint_in_an_office_that_says_kha() -> None:
    chat = Chat(
        now=NOW, voice=KHA, understand=lambda t: Understood("complaint"), suggest=lambda t: RANKED
    )
    greeting = text_of(chat.send("follow"))
    assert greeting.startswith("สวัสดีค่ะ ")
    assert f"รับฟังความคิดเห็นของ{OFFICE}" in greeting
    suggested = text_of(chat.say("ไฟถนนดับหน้าวัดสามวันแล้ว มืดมาก"))
    assert "“ไฟฟ้าส่องสว่าง สายไฟ” ใช่หรือไม่คะ" in suggested
    rest = everything(chat, "ไฟฟ้าส่องสว่าง สายไฟ", "ข้าม", "ข้าม", "ใช้ชื่อ LINE", "ยืนยัน")
    assert "ได้รับเรื่องของท่านแล้ว ขอบคุณค่ะ" in rest
    assert f"{OFFICE}จะแจ้งผลการดำเนินการภายใน 15 วัน" in rest
    said = greeting + suggested + rest
    assert "ครับ" not in said and "สำนักงาน" not in said
    assert not re.search(r"(?<!ขอบ)คุณ(?!ธรรม)", said), said


def test_questions_take_kha_with_a_short_high_tone_and_statements_the_low_one() -> None:
    chat = Chat(now=NOW, voice=KHA)
    asked = everything(chat, "ร้องเรียน")
    assert asked.endswith("เรื่องที่ต้องการแจ้งเป็นเรื่องประเภทใดคะ")
    refused = everything(chat, "🙂")
    assert "ค่ะ" in refused and "ครับ" not in refused
    cancelled = everything(chat, "ยกเลิก")
    assert cancelled.startswith("ยกเลิกรายการแล้วค่ะ")


def test_what_the_citizen_typed_is_shown_back_as_they_typed_it() -> None:
    chat = Chat(now=NOW, voice=KHA)
    story = "ไฟถนนดับหน้าบ้านครับ ช่วยด้วยครับ ไหมครับ"
    summary = everything(chat, "ร้องเรียน", "ไฟฟ้าส่องสว่าง สายไฟ", story, "ข้าม", "ข้าม", "ข้าม")
    assert f"รายละเอียด: {story}" in summary
    assert "กด “ยืนยัน” เพื่อส่งเรื่อง" in summary


def test_rating_a_service_in_an_office_that_says_kha() -> None:
    chat = Chat(SatisfactionFakeStore(), now=NOW, voice=KHA)
    said = everything(chat, "ประเมินความพึงพอใจ")
    assert "วันนี้ท่านรับบริการงานใดคะ" in said
    said += everything(chat, "งานทะเบียนราษฎร", *"54345")
    assert "มีข้อเสนอแนะเพื่อปรับปรุงบริการหรือไม่คะ" in said
    said += everything(chat, "ข้าม", "ข้าม")
    assert f"ช่วยให้{OFFICE}ปรับปรุงบริการ" in said
    assert "ครับ" not in said
    assert not re.search(r"(?<!ขอบ)คุณ(?!ภาพ)", said), said


def test_a_staff_member_reports_progress_in_the_office_voice() -> None:
    store = StoreWithMeasures()
    store.measures.save_measure(
        Measure(
            fiscal_year=2570,
            no=3,
            title="จัดอบรมคุณธรรมจริยธรรมให้บุคลากร",
            unit="สำนักปลัด",
            period_start=date(2025, 10, 1),
            period_end=date(2026, 9, 30),
        )
    )
    store.commit()
    staff = Actor(role="staff", staff_id=7, unit="สำนักปลัด", name="สมหญิง")
    chat = Chat(store, now=NOW, voice=KHA, actor=staff)
    said = everything(chat, "รายงานความคืบหน้า", "มาตรการ 3")
    assert "ดำเนินการไปแล้วร้อยละเท่าใดคะ" in said
    said += everything(chat, "60", "อบรม 45 คน")
    assert "ผลลัพธ์ที่เกิดขึ้นคืออะไรคะ" in said
    said += everything(chat, "ข้าม", "ข้าม")
    assert "ความคืบหน้า: ร้อยละ 60 (เดิม ร้อยละ 0)" in said
    said += everything(chat, "ยืนยัน", "งานของฉัน")
    assert "มาตรการของสำนักปลัด ปีงบประมาณ พ.ศ. 2570 (1 มาตรการ)" in said
    assert "คุณธรรมจริยธรรม" in said  # never "ท่านธรรม"
    assert "ครับ" not in said


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("ส่งเรื่องถึงสำนักงาน ป.ป.ช. แล้วครับ", "ส่งเรื่องถึงสำนักงาน ป.ป.ช. แล้วค่ะ"),
        ("สำนักงานปลัดรับเรื่องแล้วครับ", "สำนักงานปลัดรับเรื่องแล้วค่ะ"),
        ("สำนักงานจะแจ้งผลครับ", f"{OFFICE}จะแจ้งผลค่ะ"),
        ("ไฟไหม้ที่ตลาดครับ", "ไฟไหม้ที่ตลาดค่ะ"),
        ("กรุณาแตะคะแนนครับ", "กรุณาแตะคะแนนค่ะ"),
        ("รายงานประจำปีงบประมาณ 2570 ครับ", "รายงานประจำปีงบประมาณ พ.ศ. 2570 ค่ะ"),
        ("ปีงบประมาณ พ.ศ. 2570", "ปีงบประมาณ พ.ศ. 2570"),
        ("เสร็จแล้ว 60% (เดิม 0%)", "เสร็จแล้ว ร้อยละ 60 (เดิม ร้อยละ 0)"),
        ("มีผู้รับบริการกี่รายครับ", "มีผู้รับบริการกี่รายคะ"),
        ("กรุณารอสักครู่นะครับ", "กรุณารอสักครู่นะคะ"),
        ("ได้รับจากใครครับ (ชื่อบุคคล)", "ได้รับจากใครคะ (ชื่อบุคคล)"),
        ("กรุณากด “ยืนยัน” หรือ “ยกเลิก” ครับ", "กรุณากด “ยืนยัน” หรือ “ยกเลิก” ค่ะ"),
        ("ขอบคุณที่ประเมิน “ดีครับ 100%” ครับ", "ขอบคุณที่ประเมิน “ดีครับ 100%” ค่ะ"),
    ],
)
def test_the_voice_rewrites_only_the_office_s_own_words(written: str, spoken: str) -> None:
    assert KHA.speak(written) == spoken


def test_an_office_that_says_khrap_and_has_no_name_reads_as_written() -> None:
    assert Voice().speak("สำนักงานจะแจ้งผลครับ ใช่ไหมครับ") == "สำนักงานจะแจ้งผลครับ ใช่หรือไม่ครับ"
    assert Voice.of("จ้า", None) == Voice("ครับ", "")
    assert not is_question("ยกเลิกรายการแล้ว") and is_question("ต้องการแก้ไขส่วนใด")


def _card_texts(node: object) -> list[str]:
    """What a LINE Flex card shows: the value of every "text" in it."""
    if isinstance(node, dict):
        return [t for k, v in node.items() for t in ([v] if k == "text" else _card_texts(v))]
    if isinstance(node, list):
        return [t for v in node for t in _card_texts(v)]
    return []


def test_the_summary_card_speaks_as_its_text_does() -> None:
    data = {
        "complaints": {"total": 4, "by_status": {"resolved": 3, "received": 1}, "overdue": 0},
        "measures": {"total": 5, "completed": 2, "average_percent": 62.5, "overdue": 0},
    }
    rows = summary.figures(data)
    ctx = Context(store=FakeStore(), now=NOW)
    card = Reply("ข้อความครับ", flex=summary.flex_card("สรุปภาพรวม ปีงบประมาณ 2570", rows, ctx))
    spoken = KHA.reply(card)
    shown = _card_texts(spoken.flex)
    assert shown[0] == "สรุปภาพรวม ปีงบประมาณ พ.ศ. 2570"
    assert "ความคืบหน้าเฉลี่ย" in shown and "ร้อยละ 62.5" in shown, shown
    assert not any("%" in t for t in shown) and spoken.text == "ข้อความค่ะ"
