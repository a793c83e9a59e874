"""A new user's chat, typed as people type (found walking through `flask --app bot chat`):
"ใช่ค่ะ" to a suggested category, "ไม่มีรูป" and "ไม่ทราบ" for steps they skip, scores in
words, a tracking code sent after the number, and "ทะเบียน" that is not "ลงทะเบียน"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from handlers.complaints.usecases import ComplaintDraft, file_complaint
from handlers.shared import Channel
from handlers.thai.answers import closest
from tests.fakes.fake_satisfaction import SatisfactionFakeStore
from tests.fakes.fake_store import FakeStore
from tests.support.chat import Chat, labels, text_of

NOW = datetime(2026, 3, 2, 3, 15, tzinfo=UTC)
STORY = "ถนนหน้าบ้านเป็นหลุมใหญ่ รถจักรยานยนต์ล้มไปสองคันแล้ว"
RANKED = [("road", 0.8), ("traffic", 0.3), ("flood", 0.2)]


@dataclass(frozen=True)
class Understood:
    name: str
    case_number: str | None = None
    category: str | None = None


def citizen(store: FakeStore | None = None, user: str = "U-somsri") -> Chat:
    return Chat(
        store,
        user_id=user,
        now=NOW,
        understand=lambda t: Understood("complaint"),
        suggest=lambda t: RANKED,
    )


def test_yes_to_the_suggested_category_takes_it() -> None:
    chat = citizen()
    asked = text_of(chat.say(STORY))
    assert "น่าจะเป็นเรื่อง “ถนน ทางเท้า สะพาน” ใช่หรือไม่ครับ" in asked
    photos = chat.say("ใช่ค่ะ")
    assert "ส่งรูปถ่ายประกอบ" in photos[-1].text
    assert chat.draft is not None and chat.draft["data"]["category"] == "road"


def test_no_to_the_suggested_category_shows_them_all() -> None:
    chat = citizen()
    chat.say(STORY)
    every = chat.say("ไม่ใช่ครับ")
    assert every[-1].text == "เรื่องที่ต้องการแจ้งเป็นเรื่องประเภทใดครับ"
    assert (
        len(labels(every)) > 5 and chat.draft is not None and "category" not in chat.draft["data"]
    )


def test_no_photo_and_an_unknown_place_are_skipped_not_kept() -> None:
    chat = citizen()
    for said in (STORY, "ใช่"):
        chat.say(said)
    where = chat.say("ไม่มีรูปค่ะ")
    assert "ระบุสถานที่เกิดเหตุ" in where[-1].text
    contact = chat.say("ไม่ทราบ")
    assert "เบอร์โทรศัพท์" in contact[-1].text
    summary = text_of(chat.say("ไม่ระบุตัวตน"))
    assert "สถานที่: ไม่ทราบ" not in summary and "รูปภาพ: 0 รูป" in summary


def test_the_tracking_code_may_come_after_the_number() -> None:
    store = FakeStore()
    filed = file_complaint(
        store,
        ComplaintDraft(category="road", details="ถนนเป็นหลุมลึกหน้าโรงเรียน", anonymous=True),
        Channel.LINE,
        NOW,
    )
    store.commit()
    number, code = filed.complaint.case_number, filed.secret_code
    chat = Chat(store, user_id="U-someone", now=NOW)
    asked = chat.say(number)
    assert asked[-1].text == (f"กรุณาพิมพ์รหัสติดตาม 6 ตัวที่ได้รับพร้อมเรื่องเลขที่ {number} (เช่น ABC234) ครับ")
    assert labels(asked) == ["ยกเลิก"]
    again = text_of(chat.say("รหัสอะไรนะ"))
    assert "ตัวอักษรภาษาอังกฤษและตัวเลข 6 ตัว" in again and number in again
    shown = chat.say(code.lower())
    assert shown[-1].text.startswith(f"เรื่องเลขที่ {number}\nสถานะ: รับเรื่องแล้ว")
    assert chat.draft is None
    # A wrong code says nothing about whether the number exists.
    chat.say(number)
    assert text_of(chat.say("ABCDEF" if code != "ABCDEF" else "GHJKMN")).startswith(
        f"ไม่พบเรื่องเลขที่ {number}"
    )


def test_scores_in_words() -> None:
    store = SatisfactionFakeStore()
    chat = Chat(store, user_id="U-rater", now=NOW)
    chat.say("ประเมินความพึงพอใจ")
    # "ทะเบียน" is the service, not a typo of "ลงทะเบียน" (a staff member's registration).
    first = chat.say("ทะเบียน")
    assert "ข้อ 1/5" in first[-1].text
    for said in ("ดีมาก", "มากค่ะ", "พอใช้", "เฉยๆ", "แย่"):
        chat.say(said)
    for said in ("ข้าม", "ข้าม"):
        chat.say(said)
    [rating] = store.satisfaction.ratings
    assert rating.service_code == "reg"
    assert rating.scores == {"process": 5, "staff": 4, "facilities": 3, "quality": 3, "overall": 1}


def test_a_short_word_is_no_two_letter_typo_of_a_longer_one() -> None:
    assert closest("ทะเบียน", ["ลงทะเบียน"]) is None
    assert closest("ลงทะเบยน", ["ลงทะเบียน"]) == "ลงทะเบียน"


def test_rating_someone_else_s_case_says_tan_not_khun() -> None:
    store = SatisfactionFakeStore()
    filed = file_complaint(
        store,
        ComplaintDraft(category="road", details="ถนนเป็นหลุมลึก", line_user_id="U-owner"),
        Channel.LINE,
        NOW,
    )
    store.commit()
    number = filed.complaint.case_number
    said = text_of(Chat(store, user_id="U-other", now=NOW).say(f"ประเมินเรื่อง {number}"))
    assert f"ไม่พบเรื่องเลขที่ {number} ในบัญชีของท่าน" in said and "คุณ" not in said
