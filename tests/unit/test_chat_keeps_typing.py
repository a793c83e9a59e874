"""The chat keeps what people type (issue 18): stories where buttons were offered, menu
words with typos, polite and partial answers, English and emoji, long measure titles, and
the way back after ยกเลิก — each as the user lives it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from handlers.complaints.domain import Status
from handlers.complaints.usecases import ComplaintDraft, file_complaint, set_status
from handlers.conversations.messages import LABEL_MAX, Reply
from handlers.conversations.session import Actor
from handlers.intents import detect_intent
from handlers.measures.domain import Measure
from handlers.shared import Channel
from tests.fakes.fake_gifts import StoreWithGifts
from tests.fakes.fake_measures import StoreWithMeasures
from tests.fakes.fake_satisfaction import SatisfactionFakeStore
from tests.support.chat import Chat, labels, sends, text_of

NOW = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)  # FY 2570
CITIZEN_MENU = ["ร้องเรียน/ร้องทุกข์", "แจ้งเบาะแสทุจริต", "ประเมินความพึงพอใจ", "ติดตามเรื่อง"]
STAFF = Actor(role="staff", staff_id=7, unit="สำนักปลัด", name="สมหญิง")
WATER_STORY = "น้ำประปาไม่ไหลมาสามวันแล้ว ที่หมู่ 4"


def suggest(text: str) -> list[tuple[str, float]]:
    """A stand-in classifier: water for water, roads otherwise."""
    if "น้ำ" in text:
        return [("water", 0.9), ("road", 0.05), ("light", 0.05)]
    return [("road", 0.4), ("light", 0.3), ("water", 0.3)]


def citizen(store: object = None) -> Chat:
    return Chat(store, now=NOW, understand=detect_intent, suggest=suggest)  # type: ignore[arg-type]


def to_summary(chat: Chat) -> list[Reply]:
    for text in ("ร้องเรียน", "ไฟฟ้าส่องสว่าง สายไฟ", "ไฟถนนดับหน้าวัด", "ข้าม", "ข้าม"):
        chat.say(text)
    replies = chat.say("ใช้ชื่อ LINE")
    assert "สรุปเรื่องที่จะแจ้ง" in text_of(replies)
    return replies


# --- free text where buttons were offered -----------------------------------------------


def test_a_story_typed_at_the_category_step_is_kept_and_its_category_suggested() -> None:
    chat = citizen()
    assert "ประเภทใด" in text_of(chat.say("ร้องเรียน"))
    replies = chat.say(WATER_STORY)
    assert "รับรายละเอียดของเรื่องไว้แล้ว" in text_of(replies)
    assert "น่าจะเป็นเรื่อง “น้ำท่วม ท่อระบายน้ำ คลอง” ใช่หรือไม่ครับ" in replies[-1].text
    assert sends(replies)[0] == "น้ำท่วม ท่อระบายน้ำ คลอง"
    # Tapping the category goes past the details: the story is already there.
    assert "ส่งรูปถ่ายประกอบ" in text_of(chat.say("น้ำท่วม ท่อระบายน้ำ คลอง"))
    summary = text_of([*chat.say("ข้าม"), *chat.say("ข้าม"), *chat.say("ใช้ชื่อ LINE")])
    assert f"รายละเอียด: {WATER_STORY}" in summary


def test_a_few_words_that_are_no_story_are_asked_about_again() -> None:
    chat = citizen()
    chat.say("ร้องเรียน")
    replies = chat.say("ไม่แน่ใจครับ")
    assert "กรุณาเลือกประเภทเรื่อง" in text_of(replies)
    assert chat.draft is not None and "details" not in chat.draft["data"]


@pytest.mark.parametrize("typo", ["ร้องทุก", "ร้องเรียร", "ร้องทุกค่ะ", "ร้องเรียนครับ"])
def test_a_menu_word_with_a_typo_starts_a_complaint_without_becoming_its_details(
    typo: str,
) -> None:
    chat = citizen()
    replies = chat.say(typo)
    assert "เรื่องที่ต้องการแจ้งเป็นเรื่องประเภทใด" in replies[-1].text
    assert chat.draft is not None and "details" not in chat.draft["data"]
    # ... and the details are asked for after the category, not taken from the menu word.
    assert "กรุณาเล่ารายละเอียด" in text_of(chat.say("ไฟฟ้าส่องสว่าง สายไฟ"))


def test_a_menu_word_typed_at_the_details_step_asks_for_the_details_again() -> None:
    chat = citizen()
    chat.say("ร้องเรียน")
    chat.say("ไฟฟ้าส่องสว่าง สายไฟ")
    for word in ("ร้องทุก", "ร้องเรียน/ร้องทุกข์"):
        replies = chat.say(word)
        assert "กรุณาเล่ารายละเอียด" in replies[-1].text
        assert chat.draft is not None and "details" not in chat.draft["data"]


def test_another_conversation_s_menu_word_moves_on_and_says_the_draft_was_dropped() -> None:
    chat = citizen()
    chat.say("ร้องเรียน")
    replies = chat.say("ติดตามเรือง")
    assert "ยกเลิกรายการที่ทำค้างไว้แล้ว" in replies[0].text
    assert "ยังไม่พบเรื่องที่ท่านแจ้ง" in replies[-1].text
    assert chat.draft is None


@pytest.mark.parametrize("yes", ["ยืนยันค่ะ", "ยืนยันครับ", "ได้ครับ", "ตกลง", "โอเคค่ะ", "ยืนยน"])
def test_polite_and_plain_yes_words_confirm_the_summary(yes: str) -> None:
    chat = citizen()
    to_summary(chat)
    replies = chat.say(yes)
    assert "เลขที่เรื่อง: 2570-000001" in text_of(replies)
    assert len(chat.store.complaints) == 1


def test_polite_endings_on_the_other_buttons() -> None:
    chat = citizen()
    chat.say("ร้องเรียน")
    assert "กรุณาเล่ารายละเอียด" in text_of(chat.say("ไฟฟ้าส่องสว่างค่ะ"))  # part of a name
    chat.say("ไฟถนนดับหน้าวัด")
    assert "ระบุสถานที่เกิดเหตุ" in text_of(chat.say("ข้ามครับ"))
    assert "พิมพ์เบอร์โทรศัพท์" in text_of(chat.say("ไม่มีค่ะ"))
    replies = chat.say("ไม่ระบุค่ะ")
    assert "ติดต่อกลับ: ไม่ระบุตัวตน" in text_of(replies)
    chat.say("ยกเลิกค่ะ")
    assert chat.draft is None and chat.store.complaints == []


def test_a_service_age_and_stars_typed_as_people_say_them() -> None:
    chat = Chat(SatisfactionFakeStore(), now=NOW)
    chat.say("ประเมินความพึงพอใจ")
    assert "ข้อ 1/5" in text_of(chat.say("ประปา"))
    answers = ["5 ดาว", "๔", "4 ดาวค่ะ", "3", "5"]
    for a in answers:
        chat.say(a)
    chat.say("ไม่มีครับ")  # no suggestion
    chat.say("หญิงค่ะ")
    assert "อาชีพ" in text_of(chat.say("45"))
    thanks = text_of(chat.say("ค้าขาย"))
    assert "ขอบคุณที่ประเมินความพึงพอใจ “งานประปา”" in thanks
    [rating] = chat.store.satisfaction.ratings  # type: ignore[attr-defined]
    assert rating.service_code == "water"
    assert rating.scores == {"process": 5, "staff": 4, "facilities": 4, "quality": 3, "overall": 5}
    assert (rating.gender, rating.age_band, rating.occupation) == (
        "หญิง",
        "40–49 ปี",
        "ค้าขาย/ธุรกิจส่วนตัว",
    )


# --- English and emoji ------------------------------------------------------------------


@pytest.mark.parametrize("odd", ["hello", "👍", "🙏🙏", "ok?"])
def test_english_or_emoji_at_a_button_step_gets_thai_and_the_buttons_again(odd: str) -> None:
    chat = citizen()
    chat.say("ร้องเรียน")
    replies = chat.say(odd)
    assert "กรุณาเลือกประเภทเรื่องจากปุ่มด้านล่าง" in text_of(replies)
    assert "ยกเลิก" in sends(replies) and len(sends(replies)) > 3


@pytest.mark.parametrize("odd", ["what is this", "😀", "???"])
def test_english_or_emoji_with_nothing_open_gets_the_menu_in_thai(odd: str) -> None:
    replies = Chat(now=NOW).say(odd)
    assert "ไม่เข้าใจข้อความนี้" in text_of(replies)
    assert labels(replies) == CITIZEN_MENU


def test_an_emoji_on_the_summary_asks_again_and_files_nothing() -> None:
    chat = citizen()
    to_summary(chat)
    replies = chat.say("👌")
    assert "สรุปเรื่องที่จะแจ้ง" in replies[-1].text and sends(replies)[0] == "ยืนยัน"
    assert chat.store.complaints == []


# --- measures with long titles ----------------------------------------------------------

LONG = "ประกาศเจตจำนงสุจริตในการบริหารงานของผู้บริหารท้องถิ่นต่อสาธารณชนและเจ้าหน้าที่"


def test_measure_buttons_carry_the_number_and_the_message_the_full_title() -> None:
    store = StoreWithMeasures()
    for no, title in ((1, LONG), (2, "จัดอบรมคุณธรรมจริยธรรมให้บุคลากรทุกระดับของสำนักงาน")):
        store.measures.save_measure(
            Measure(
                fiscal_year=2570,
                no=no,
                title=title,
                unit="สำนักปลัด",
                period_start=date(2025, 10, 1),
                period_end=date(2026, 9, 30),
            )
        )
    store.commit()
    chat = Chat(store, now=NOW, actor=STAFF)
    replies = chat.say("รายงานความคืบหน้า")
    assert f"1. {LONG} — ร้อยละ 0" in replies[-1].text
    assert labels(replies) == ["มาตรการ 1", "มาตรการ 2", "ยกเลิก"]
    assert sends(replies) == ["มาตรการ 1", "มาตรการ 2", "ยกเลิก"]
    assert "ร้อยละเท่าใด" in text_of(chat.say("มาตรการ 1"))


# --- the way back ----------------------------------------------------------------------


def test_after_cancelling_staff_get_the_staff_menu_and_citizens_theirs() -> None:
    staff = Chat(StoreWithGifts(), now=NOW, actor=STAFF)
    assert "ได้รับจากใคร" in text_of(staff.say("แจ้งรับของขวัญ"))
    replies = staff.say("ยกเลิก")
    assert "ยกเลิกรายการแล้ว" in replies[-1].text
    assert labels(replies)[:3] == ["รายงานความคืบหน้า", "งานของฉัน", "สถิติบริการ"]
    assert labels(staff.say("ยกเลิก"))[0] == "รายงานความคืบหน้า"  # nothing open: still theirs
    person = Chat(now=NOW)
    person.say("ร้องเรียน")
    assert labels(person.say("ยกเลิก")) == CITIZEN_MENU


def test_every_reply_that_says_tap_offers_something_to_tap() -> None:
    store = SatisfactionFakeStore()
    filed = file_complaint(
        store,
        ComplaintDraft(category="road", details="ถนนเป็นหลุมลึก", line_user_id="U-somchai"),
        Channel.LINE,
        NOW,
    )
    set_status(store, filed.complaint.case_number, Status.RESOLVED, "ซ่อมแล้ว", NOW)
    store.commit()
    chat = Chat(store, now=NOW)
    said: list[Reply] = []
    for text in ("สวัสดี", "ประเมินความพึงพอใจ", "งานประปา", "อะไรนะ", "5", "ยกเลิก"):
        said += chat.say(text)
    said += chat.say(f"ประเมินเรื่อง {filed.complaint.case_number}")
    said += chat.say("อะไรนะ")
    tapping = [r for r in said if "แตะ" in r.text]
    assert len(tapping) >= 3  # the notice and the two refusals of a wrong score
    for r in tapping:
        assert r.quick_replies, r.text
        assert all(len(q.label) <= LABEL_MAX for q in r.quick_replies)
    notice = next(r for r in said if "ช่วยประเมินความพึงพอใจ" in r.text)
    assert [q.text for q in notice.quick_replies] == [f"ประเมินเรื่อง {filed.complaint.case_number}"]


def test_a_location_sent_at_the_category_step_is_kept_as_the_complaint_s_place() -> None:
    chat = citizen()
    chat.say("ร้องเรียน")
    replies = chat.send("location", latitude=16.54, longitude=102.1, address="หน้าวัดโคกสูง")
    assert "ได้รับตำแหน่งแล้วครับ" in text_of(replies)
    assert "ประเภทใด" in replies[-1].text  # the category is still asked
    chat.say("ไฟฟ้าส่องสว่าง สายไฟ")
    chat.say("ไฟถนนดับหน้าวัดสามวันแล้ว")
    after_photos = chat.say("ข้าม")
    assert "ตำแหน่ง" not in text_of(after_photos)  # not asked for again
    summary = text_of(chat.say("ใช้ชื่อ LINE"))
    assert "สถานที่: หน้าวัดโคกสูง" in summary
