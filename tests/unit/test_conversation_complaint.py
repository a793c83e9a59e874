"""The complaint conversation in LINE, as a citizen lives it: what they send, what they read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from handlers.complaints import policy
from handlers.complaints.domain import Status
from handlers.complaints.usecases import track
from handlers.conversations.engine import handle
from handlers.conversations.messages import LABEL_MAX, Inbound
from handlers.conversations.session import Context
from handlers.secrets_codes import ALPHABET
from tests.fakes.fake_store import FakeStore
from tests.support.chat import Chat, labels, sends, text_of

# 2 November 2026, 10:00 in Bangkok: fiscal year 2570.
NOW = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)

MENU_LABELS = ["ร้องเรียน/ร้องทุกข์", "แจ้งเบาะแสทุจริต", "ประเมินความพึงพอใจ", "ติดตามเรื่อง"]
PUBLIC_NAMES = [c.name_th for c in policy.public_categories()]
LIGHT = "ไฟฟ้าส่องสว่าง สายไฟ"
DETAILS = "ไฟถนนดับหน้าวัดสามวันแล้ว มืดมาก"
CASE_RE = re.compile(r"เลขที่เรื่อง: (\d{4}-\d{6})")
CODE_RE = re.compile(r"รหัสติดตาม: (\S+)")

# What the citizen reads when each step asks its question.
PROMPTS = {
    "category": "ประเภทใด",
    "details": "กรุณาเล่ารายละเอียด",
    "photos": "ส่งรูปถ่ายประกอบได้อีก",
    "location": "ระบุสถานที่เกิดเหตุ",
    "contact": "พิมพ์เบอร์โทรศัพท์",
    "confirm": "สรุปเรื่องที่จะแจ้ง",
    "edit": "ต้องการแก้ไขส่วนใด",
}
# What to send, in order, to reach each step of a general complaint.
PATH = [
    ("category", "ร้องเรียน"),
    ("details", LIGHT),
    ("photos", DETAILS),
    ("location", "ข้าม"),
    ("contact", "ข้าม"),
    ("confirm", "ใช้ชื่อ LINE"),
    ("edit", "แก้ไข"),
]
STEPS = [step for step, _ in PATH]


@pytest.fixture
def chat() -> Chat:
    return Chat(now=NOW)


def reach(chat: Chat, step: str) -> list:
    replies: list = []
    for at, text in PATH:
        replies = chat.say(text)
        assert PROMPTS[at] in text_of(replies), (at, text_of(replies))
        if at == step:
            return replies
    raise AssertionError(step)


def confirm(chat: Chat) -> tuple[str, str]:
    """Tap ยืนยัน on the summary; the case number and tracking code the citizen is given."""
    replies = chat.say("ยืนยัน")
    text = text_of(replies)
    number, code = CASE_RE.search(text), CODE_RE.search(text)
    assert number and code, text
    return number.group(1), code.group(1)


def summary_line(replies: list, head: str) -> str:
    lines = [ln for ln in text_of(replies).splitlines() if ln.startswith(head)]
    assert lines, text_of(replies)
    return lines[-1]


# --- greeting and starting -------------------------------------------------------------------


def test_follow_greets_with_the_four_services(chat: Chat) -> None:
    replies = chat.send("follow")
    assert len(replies) == 1
    assert "สวัสดี" in replies[0].text
    assert labels(replies) == MENU_LABELS
    assert sends(replies) == MENU_LABELS


def test_following_again_drops_an_unfinished_draft(chat: Chat) -> None:
    reach(chat, "photos")
    chat.send("follow")
    assert "ไม่เข้าใจ" in text_of(chat.say("ข้าม"))


@pytest.mark.parametrize("word", ["ร้องเรียน", "ร้องเรียน/ร้องทุกข์"])
def test_starting_offers_every_public_category_by_its_thai_name(chat: Chat, word: str) -> None:
    replies = chat.say(word)
    assert "ประเภทใด" in replies[-1].text
    assert sends(replies) == [*PUBLIC_NAMES, "ยกเลิก"]
    assert all(len(label) <= LABEL_MAX for label in labels(replies))
    assert "ทุจริต ประพฤติมิชอบ สินบน" not in sends(replies)


# --- category ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PUBLIC_NAMES)
def test_tapping_a_category_asks_for_the_details(chat: Chat, name: str) -> None:
    chat.say("ร้องเรียน")
    replies = chat.say(name)
    assert "กรุณาเล่ารายละเอียด" in text_of(replies)
    assert labels(replies) == ["ยกเลิก"]


@pytest.mark.parametrize(
    "send",
    [
        lambda c: c.sticker(),
        lambda c: c.say("ไม่แน่ใจครับ"),
        lambda c: c.photo("u/a.jpg"),
    ],
    ids=["sticker", "unknown text", "image"],
)
def test_anything_but_a_category_asks_again_with_the_buttons(chat: Chat, send) -> None:
    chat.say("ร้องเรียน")
    replies = send(chat)
    assert "กรุณาเลือกประเภทเรื่องจากปุ่มด้านล่าง" in text_of(replies)
    assert sends(replies) == [*PUBLIC_NAMES, "ยกเลิก"]
    assert "กรุณาเล่ารายละเอียด" in text_of(chat.say(LIGHT))


def test_typing_the_corruption_category_switches_to_the_protected_report(chat: Chat) -> None:
    chat.say("ร้องเรียน")
    replies = chat.say("ทุจริต ประพฤติมิชอบ สินบน")
    assert "คุ้มครองผู้แจ้งเบาะแส" in text_of(replies)
    assert "ไม่ต้องระบุชื่อตัวเอง" in replies[-1].text


# --- details -----------------------------------------------------------------------------------


def test_too_short_details_are_asked_again(chat: Chat) -> None:
    reach(chat, "details")
    replies = chat.say("ไฟ")
    assert "สั้นเกินไป" in text_of(replies)
    assert "กรุณาเล่ารายละเอียด" in replies[-1].text
    assert PROMPTS["photos"] in text_of(chat.say(DETAILS))


def test_a_photo_instead_of_details_asks_for_text(chat: Chat) -> None:
    reach(chat, "details")
    replies = chat.photo("u/a.jpg")
    assert "กรุณาพิมพ์รายละเอียดเป็นข้อความ" in text_of(replies)
    assert "กรุณาเล่ารายละเอียด" in replies[-1].text


def test_overlong_details_are_refused(chat: Chat) -> None:
    reach(chat, "details")
    assert "ยาวเกิน 3000" in text_of(chat.say("ก" * 3001))
    assert PROMPTS["photos"] in text_of(chat.say(DETAILS))


# --- photos ------------------------------------------------------------------------------------


def test_photo_step_offers_camera_gallery_skip_and_cancel(chat: Chat) -> None:
    replies = reach(chat, "photos")
    assert "อีก 3 รูป" in replies[-1].text
    assert [(q.label, q.kind) for q in replies[-1].quick_replies] == [
        ("ถ่ายรูป", "camera"),
        ("เลือกรูป", "camera_roll"),
        ("ข้าม", "message"),
        ("ยกเลิก", "message"),
    ]


def test_third_photo_moves_on_to_the_location_by_itself(chat: Chat) -> None:
    reach(chat, "photos")
    first = chat.photo("u/1.jpg")
    assert "ได้รับรูปที่ 1 แล้ว" in first[-1].text and "อีก 2 รูป" in first[-1].text
    assert "เสร็จแล้ว" in labels(first)
    assert "อีก 1 รูป" in text_of(chat.photo("u/2.jpg"))
    third = chat.photo("u/3.jpg")
    assert "ได้รับรูปครบ 3 รูปแล้ว" in text_of(third)
    assert PROMPTS["location"] in third[-1].text
    chat.say("ข้าม")
    assert summary_line(chat.say("ใช้ชื่อ LINE"), "รูปภาพ:") == "รูปภาพ: 3 รูป"
    number, _ = confirm(chat)
    assert chat.store.get_complaint(number).photos == ["u/1.jpg", "u/2.jpg", "u/3.jpg"]


def test_done_after_one_photo_moves_on(chat: Chat) -> None:
    reach(chat, "photos")
    chat.photo("u/1.jpg")
    assert PROMPTS["location"] in text_of(chat.say("เสร็จแล้ว"))
    chat.say("ข้าม")
    assert summary_line(chat.say("ใช้ชื่อ LINE"), "รูปภาพ:") == "รูปภาพ: 1 รูป"


def test_skipping_photos_moves_on(chat: Chat) -> None:
    reach(chat, "photos")
    assert PROMPTS["location"] in text_of(chat.say("ข้าม"))


@pytest.mark.parametrize(
    ("error", "shown"),
    [("ไฟล์ใหญ่เกิน 10 MB", "ไฟล์ใหญ่เกิน 10 MB"), (None, "รับรูปไม่สำเร็จ")],
)
def test_a_photo_that_could_not_be_kept_is_explained_and_asked_again(
    chat: Chat, error: str | None, shown: str
) -> None:
    reach(chat, "photos")
    replies = chat.send("image", image_error=error)
    assert f"{shown} กรุณาลองส่งใหม่" in text_of(replies)
    assert "อีก 3 รูป" in replies[-1].text  # the failed photo does not count
    chat.say("ข้าม")
    chat.say("ข้าม")
    assert summary_line(chat.say("ใช้ชื่อ LINE"), "รูปภาพ:") == "รูปภาพ: 0 รูป"


def test_text_at_the_photo_step_is_asked_again(chat: Chat) -> None:
    reach(chat, "photos")
    replies = chat.say("รูปอยู่ในเครื่องอีกเครื่อง")
    assert "ส่งเป็นรูปภาพ หรือกดปุ่มด้านล่าง" in text_of(replies)
    assert PROMPTS["photos"] in replies[-1].text


# --- location ----------------------------------------------------------------------------------


def test_location_step_offers_the_location_picker(chat: Chat) -> None:
    replies = reach(chat, "location")
    assert [(q.label, q.kind) for q in replies[-1].quick_replies][0] == ("ส่งตำแหน่ง", "location")
    assert labels(replies)[1:] == ["ข้าม", "ยกเลิก"]


def test_a_line_location_message_is_kept_with_its_map_point(chat: Chat) -> None:
    reach(chat, "location")
    replies = chat.send(
        "location", latitude=13.7563, longitude=100.5018, address="ถนนราชดำเนิน กรุงเทพฯ"
    )
    assert PROMPTS["contact"] in text_of(replies)
    summary = chat.say("ใช้ชื่อ LINE")
    assert summary_line(summary, "สถานที่:") == "สถานที่: ถนนราชดำเนิน กรุงเทพฯ"
    number, _ = confirm(chat)
    location = chat.store.get_complaint(number).location
    assert (location.latitude, location.longitude) == (13.7563, 100.5018)
    assert location.map_url == "https://www.google.com/maps?q=13.7563,100.5018"


def test_a_location_without_address_shows_its_coordinates(chat: Chat) -> None:
    reach(chat, "location")
    chat.send("location", latitude=13.7563, longitude=100.5018)
    summary = chat.say("ใช้ชื่อ LINE")
    assert summary_line(summary, "สถานที่:") == "สถานที่: พิกัด 13.75630, 100.50180"


def test_a_typed_place_is_the_location(chat: Chat) -> None:
    reach(chat, "location")
    assert PROMPTS["contact"] in text_of(chat.say("หน้าวัดบางพลีใหญ่ใน"))
    summary = chat.say("ใช้ชื่อ LINE")
    assert summary_line(summary, "สถานที่:") == "สถานที่: หน้าวัดบางพลีใหญ่ใน"
    number, _ = confirm(chat)
    assert chat.store.get_complaint(number).location.address == "หน้าวัดบางพลีใหญ่ใน"


def test_skipping_the_location(chat: Chat) -> None:
    reach(chat, "location")
    assert PROMPTS["contact"] in text_of(chat.say("ข้าม"))
    assert summary_line(chat.say("ใช้ชื่อ LINE"), "สถานที่:") == "สถานที่: -"
    number, _ = confirm(chat)
    assert chat.store.get_complaint(number).location is None


@pytest.mark.parametrize(
    "send", [lambda c: c.sticker(), lambda c: c.say("ก")], ids=["sticker", "one letter"]
)
def test_no_usable_location_is_asked_again(chat: Chat, send) -> None:
    reach(chat, "location")
    replies = send(chat)
    assert "ยังไม่ได้รับตำแหน่ง" in text_of(replies)
    assert PROMPTS["location"] in replies[-1].text


# --- contact -----------------------------------------------------------------------------------


def test_contact_step_offers_line_name_and_anonymity(chat: Chat) -> None:
    assert labels(reach(chat, "contact")) == ["ใช้ชื่อ LINE", "ไม่ระบุตัวตน", "ยกเลิก"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0812345678", "0812345678"),
        ("๐๘๑๒๓๔๕๖๗๘", "0812345678"),
        ("081-234-5678", "0812345678"),
        ("+66 81 234 5678", "0812345678"),
        ("02-123-4567", "021234567"),
    ],
)
def test_a_phone_number_is_kept_with_the_line_name(chat: Chat, typed: str, expected: str) -> None:
    reach(chat, "contact")
    summary = chat.say(typed)
    assert summary_line(summary, "ติดต่อกลับ:") == f"ติดต่อกลับ: สมชาย ใจดี {expected}"
    number, _ = confirm(chat)
    c = chat.store.get_complaint(number)
    assert (c.phone, c.contact_name, c.line_user_id) == (expected, "สมชาย ใจดี", chat.user_id)
    assert not c.anonymous


@pytest.mark.parametrize("typed", ["12345", "081234", "โทรมาได้เลย", "1234567890"])
def test_an_invalid_phone_number_is_asked_again(chat: Chat, typed: str) -> None:
    reach(chat, "contact")
    replies = chat.say(typed)
    assert "เบอร์โทรศัพท์ไม่ถูกต้อง" in text_of(replies)
    assert labels(replies) == ["ใช้ชื่อ LINE", "ไม่ระบุตัวตน", "ยกเลิก"]


def test_a_sticker_at_the_contact_step_asks_again(chat: Chat) -> None:
    reach(chat, "contact")
    replies = chat.sticker()
    assert PROMPTS["contact"] in text_of(replies)
    assert labels(replies) == ["ใช้ชื่อ LINE", "ไม่ระบุตัวตน", "ยกเลิก"]


def test_line_name_uses_the_display_name(chat: Chat) -> None:
    reach(chat, "contact")
    summary = chat.say("ใช้ชื่อ LINE")
    assert summary_line(summary, "ติดต่อกลับ:") == "ติดต่อกลับ: สมชาย ใจดี"
    number, _ = confirm(chat)
    c = chat.store.get_complaint(number)
    assert (c.contact_name, c.phone, c.line_user_id) == ("สมชาย ใจดี", "", chat.user_id)


def test_anonymous_complaint_keeps_nothing_that_identifies_the_citizen(chat: Chat) -> None:
    reach(chat, "contact")
    summary = chat.say("ไม่ระบุตัวตน")
    assert "ติดต่อกลับ: ไม่ระบุตัวตน" in summary_line(summary, "ติดต่อกลับ:")
    number, code = confirm(chat)
    c = chat.store.get_complaint(number)
    assert c.anonymous
    assert (c.line_user_id, c.contact_name, c.phone) == (None, "", "")
    assert track(chat.store, number, code) is not None


def test_anonymous_after_typing_a_phone_forgets_the_phone(chat: Chat) -> None:
    reach(chat, "contact")
    chat.say("0812345678")
    chat.say("แก้ไข")
    chat.say("ช่องทางติดต่อ")
    summary = chat.say("ไม่ระบุตัวตน")
    assert "0812345678" not in text_of(summary)
    number, _ = confirm(chat)
    assert chat.store.get_complaint(number).phone == ""


# --- confirm -----------------------------------------------------------------------------------


def test_summary_shows_everything_before_sending(chat: Chat) -> None:
    reach(chat, "photos")
    chat.photo("u/1.jpg")
    chat.photo("u/2.jpg")
    chat.say("เสร็จแล้ว")
    chat.say("ปากซอยเพชรเกษม 48")
    replies = chat.say("0812345678")
    assert replies[-1].text.splitlines()[:6] == [
        "สรุปเรื่องที่จะแจ้ง",
        f"ประเภท: {LIGHT}",
        f"รายละเอียด: {DETAILS}",
        "รูปภาพ: 2 รูป",
        "สถานที่: ปากซอยเพชรเกษม 48",
        "ติดต่อกลับ: สมชาย ใจดี 0812345678",
    ]
    assert "ยืนยัน" in replies[-1].text
    assert labels(replies) == ["ยืนยัน", "แก้ไข", "ยกเลิก"]
    assert chat.store.complaints == []  # nothing is filed before the citizen confirms


def test_confirming_files_the_complaint_and_gives_number_and_code(chat: Chat) -> None:
    reach(chat, "confirm")
    replies = chat.say("ยืนยัน")
    text = text_of(replies)
    assert "ได้รับเรื่องของท่านแล้ว" in text
    assert "ภายใน 15 วัน" in text
    number, code = CASE_RE.search(text).group(1), CODE_RE.search(text).group(1)
    assert number == "2570-000001"
    assert len(code) == 6 and set(code) <= set(ALPHABET)
    filed = track(chat.store, number, code)
    assert filed is not None
    assert (filed.category, filed.details, filed.status) == ("light", DETAILS, Status.RECEIVED)
    assert filed.unit == "กองช่าง"
    assert filed.created_at == NOW
    assert track(chat.store, number, "ABCDEF" if code != "ABCDEF" else "GHJKMN") is None
    assert [(o.kind, o.entity_id) for o in chat.store.outbox] == [("complaint", number)]
    assert chat.draft is None
    # The conversation is over: the next message is a fresh start.
    assert "ไม่เข้าใจ" in text_of(chat.say("ยืนยัน"))


def test_anything_else_on_the_summary_asks_again(chat: Chat) -> None:
    reach(chat, "confirm")
    for send in (lambda: chat.say("อืม"), chat.sticker):
        replies = send()
        assert "กรุณากด “ยืนยัน” “แก้ไข” หรือ “ยกเลิก”" in text_of(replies)
        assert PROMPTS["confirm"] in replies[-1].text
    assert chat.store.complaints == []


# --- edit --------------------------------------------------------------------------------------


def test_edit_offers_every_part(chat: Chat) -> None:
    replies = reach(chat, "edit")
    assert labels(replies) == [
        "ประเภทเรื่อง",
        "รายละเอียด",
        "รูปภาพ",
        "สถานที่",
        "ช่องทางติดต่อ",
        "ยกเลิก",
    ]


@dataclass
class Edit:
    part: str
    prompt: str
    sends: list
    line: str


EDITS = [
    Edit("ประเภทเรื่อง", "ประเภทใด", ["ขยะ ความสะอาด"], "ประเภท: ขยะ ความสะอาด"),
    Edit("รายละเอียด", "กรุณาเล่ารายละเอียด", ["ท่อประปาแตกน้ำไหลนอง"], "รายละเอียด: ท่อประปาแตกน้ำไหลนอง"),
    Edit("รูปภาพ", "อีก 3 รูป", [("image", "u/new.jpg"), "เสร็จแล้ว"], "รูปภาพ: 1 รูป"),
    Edit("สถานที่", "ระบุสถานที่เกิดเหตุ", ["หน้าตลาดสดเทศบาล"], "สถานที่: หน้าตลาดสดเทศบาล"),
    Edit("ช่องทางติดต่อ", "พิมพ์เบอร์โทรศัพท์", ["0898765432"], "ติดต่อกลับ: สมชาย ใจดี 0898765432"),
]


@pytest.mark.parametrize("edit", EDITS, ids=[e.part for e in EDITS])
def test_editing_a_part_returns_to_the_summary_with_the_new_value(chat: Chat, edit: Edit) -> None:
    reach(chat, "photos")
    chat.photo("u/old1.jpg")
    chat.photo("u/old2.jpg")
    chat.say("เสร็จแล้ว")
    chat.say("ข้าม")
    chat.say("ใช้ชื่อ LINE")
    chat.say("แก้ไข")
    asked = chat.say(edit.part)
    assert edit.prompt in asked[-1].text
    for item in edit.sends:
        replies = chat.photo(item[1]) if isinstance(item, tuple) else chat.say(item)
    assert PROMPTS["confirm"] in replies[-1].text
    assert edit.line in replies[-1].text.splitlines()
    assert labels(replies) == ["ยืนยัน", "แก้ไข", "ยกเลิก"]
    number, _ = confirm(chat)
    assert chat.store.get_complaint(number) is not None


def test_edited_values_are_what_gets_filed(chat: Chat) -> None:
    reach(chat, "confirm")
    chat.say("แก้ไข")
    chat.say("ประเภทเรื่อง")
    chat.say("ขยะ ความสะอาด")
    chat.say("แก้ไข")
    chat.say("รายละเอียด")
    chat.say("ขยะไม่ได้เก็บมาหนึ่งสัปดาห์")
    number, _ = confirm(chat)
    c = chat.store.get_complaint(number)
    assert (c.category, c.details, c.unit) == (
        "waste",
        "ขยะไม่ได้เก็บมาหนึ่งสัปดาห์",
        "กองสาธารณสุขและสิ่งแวดล้อม",
    )


def test_an_unknown_part_to_edit_is_asked_again(chat: Chat) -> None:
    reach(chat, "edit")
    replies = chat.say("ชื่อ")
    assert "กรุณาเลือกส่วนที่ต้องการแก้ไข" in text_of(replies)
    assert "รายละเอียด" in labels(replies)


# --- cancel, expiry and unexpected input ------------------------------------------------------


@pytest.mark.parametrize("step", STEPS)
def test_cancel_leaves_from_every_step(chat: Chat, step: str) -> None:
    reach(chat, step)
    replies = chat.say("ยกเลิก")
    assert text_of(replies) == "ยกเลิกรายการแล้วครับ"
    assert labels(replies) == MENU_LABELS
    assert chat.draft is None
    assert chat.store.complaints == []
    assert "ไม่เข้าใจ" in text_of(chat.say("ข้าม"))


def test_cancel_with_nothing_open(chat: Chat) -> None:
    replies = chat.say("ยกเลิก")
    assert text_of(replies) == "ไม่มีรายการที่ค้างอยู่ครับ"
    assert labels(replies) == MENU_LABELS


def test_a_draft_left_for_31_minutes_expires(chat: Chat) -> None:
    reach(chat, "details")
    chat.wait(31)
    replies = chat.say(DETAILS)
    assert "หมดเวลาแล้ว" in replies[0].text
    assert PROMPTS["photos"] not in text_of(replies)
    assert chat.draft is None
    assert "ไม่เข้าใจ" in text_of(chat.say("ข้าม"))


def test_an_expired_draft_does_not_stop_a_new_start(chat: Chat) -> None:
    reach(chat, "photos")
    chat.wait(45)
    replies = chat.say("ร้องเรียน")
    assert "หมดเวลาแล้ว" in replies[0].text
    assert PROMPTS["category"] in replies[-1].text


def test_a_draft_at_29_minutes_continues(chat: Chat) -> None:
    reach(chat, "details")
    chat.wait(29)
    replies = chat.say(DETAILS)
    assert "หมดเวลา" not in text_of(replies)
    assert PROMPTS["photos"] in text_of(replies)


def test_the_30_minutes_count_from_the_last_message(chat: Chat) -> None:
    reach(chat, "details")
    chat.wait(25)
    chat.say(DETAILS)
    chat.wait(25)
    assert PROMPTS["location"] in text_of(chat.say("ข้าม"))


UNEXPECTED = {
    "sticker": lambda c: c.sticker(),
    "image": lambda c: c.photo("u/x.jpg"),
    "broken image": lambda c: c.send("image", image_error="ไฟล์เสีย"),
    "location": lambda c: c.send("location", latitude=13.0, longitude=100.0),
    "other": lambda c: c.send("other"),
    "empty text": lambda c: c.say("   "),
    "gibberish": lambda c: c.say("??"),
    "emoji": lambda c: c.say("👍"),
}


@pytest.mark.parametrize("kind", UNEXPECTED)
@pytest.mark.parametrize("step", [None, *STEPS])
def test_unexpected_input_always_gets_an_answer(chat: Chat, step: str | None, kind: str) -> None:
    if step:
        reach(chat, step)
    replies = UNEXPECTED[kind](chat)
    assert replies and all(r.text.strip() for r in replies)
    assert replies[-1].quick_replies, "the citizen always has a button to go on with"


# --- corruption report --------------------------------------------------------------------------


def test_corruption_report_starts_with_the_protection_statement(chat: Chat) -> None:
    replies = chat.say("แจ้งเบาะแสทุจริต")
    assert "คุ้มครองผู้แจ้งเบาะแส" in replies[0].text
    assert "ไม่เก็บบัญชี LINE" in replies[0].text
    assert "ไม่ต้องระบุชื่อตัวเอง" in replies[-1].text  # no category question
    assert labels(replies) == ["ยกเลิก"]


def _report_corruption(chat: Chat) -> list:
    chat.say("แจ้งเบาะแสทุจริต")
    chat.say("เจ้าหน้าที่เรียกเงินใต้โต๊ะ 5,000 บาทเพื่อออกใบอนุญาต")
    chat.say("ข้าม")
    return chat.say("ข้าม")


def test_corruption_contact_step_recommends_anonymity_and_offers_no_line_name(chat: Chat) -> None:
    replies = _report_corruption(chat)
    assert "(แนะนำ)" in replies[-1].text
    assert labels(replies) == ["ไม่ระบุตัวตน", "ยกเลิก"]
    # The LINE name cannot be given by typing the button text either.
    assert "เบอร์โทรศัพท์ไม่ถูกต้อง" in text_of(chat.say("ใช้ชื่อ LINE"))


def test_anonymous_corruption_report_keeps_no_identity(chat: Chat) -> None:
    _report_corruption(chat)
    summary = chat.say("ไม่ระบุตัวตน")
    assert summary_line(summary, "ประเภท:") == "ประเภท: ทุจริต ประพฤติมิชอบ สินบน"
    assert "ไม่ระบุตัวตน" in summary_line(summary, "ติดต่อกลับ:")
    assert "สมชาย" not in text_of(summary)
    number, code = confirm(chat)
    c = chat.store.get_complaint(number)
    assert (c.category, c.anonymous) == ("corruption", True)
    assert (c.line_user_id, c.contact_name, c.phone) == (None, "", "")
    assert track(chat.store, number, code) is not None
    # Not linked to the LINE account: it does not appear in "my cases".
    assert number not in text_of(chat.say("ติดตามเรื่อง"))


def test_corruption_reporter_may_leave_only_a_phone_number(chat: Chat) -> None:
    _report_corruption(chat)
    summary = chat.say("๐๘๑-๒๓๔-๕๖๗๘")
    assert summary_line(summary, "ติดต่อกลับ:") == "ติดต่อกลับ: 0812345678"
    assert "สมชาย" not in text_of(summary)
    number, _ = confirm(chat)
    c = chat.store.get_complaint(number)
    assert c.phone == "0812345678"
    assert c.line_user_id is None  # still not linked to the LINE account
    assert c.contact_name == ""  # the LINE display name was never given


def test_corruption_report_category_cannot_be_changed(chat: Chat) -> None:
    _report_corruption(chat)
    chat.say("ไม่ระบุตัวตน")
    chat.say("แก้ไข")
    replies = chat.say("ประเภทเรื่อง")
    assert "เปลี่ยนประเภทไม่ได้" in text_of(replies)
    assert "ประเภทเรื่อง" in labels(replies)


# --- starting from a free sentence -------------------------------------------------------------


@dataclass
class Understood:
    name: str
    case_number: str | None = None
    category: str | None = None


RANKED = [("light", 0.81), ("corruption", 0.4), ("road", 0.3), ("water", 0.2), ("waste", 0.1)]


@pytest.fixture
def smart_chat() -> Chat:
    return Chat(
        now=NOW,
        understand=lambda text: Understood("complaint"),
        suggest=lambda text: RANKED,
    )


def test_a_free_sentence_starts_a_complaint_with_categories_suggested(smart_chat: Chat) -> None:
    replies = smart_chat.say("ไฟถนนดับหน้าวัดสามวันแล้ว")
    assert "น่าจะเป็นเรื่อง “ไฟฟ้าส่องสว่าง สายไฟ”" in replies[-1].text
    # The top three public categories (never the restricted one), then the way out.
    assert sends(replies) == [
        "ไฟฟ้าส่องสว่าง สายไฟ",
        "ถนน ทางเท้า สะพาน",
        "น้ำท่วม ท่อระบายน้ำ คลอง",
        "หมวดอื่น ๆ",
        "ยกเลิก",
    ]
    assert all(len(label) <= LABEL_MAX for label in labels(replies))


def test_picking_a_suggestion_skips_the_details_already_given(smart_chat: Chat) -> None:
    smart_chat.say("ไฟถนนดับหน้าวัดสามวันแล้ว")
    replies = smart_chat.say("ถนน ทางเท้า สะพาน")
    assert PROMPTS["photos"] in replies[-1].text
    smart_chat.say("ข้าม")
    summary = smart_chat.say("ข้าม")
    summary = smart_chat.say("ไม่ระบุตัวตน")
    assert summary_line(summary, "รายละเอียด:") == "รายละเอียด: ไฟถนนดับหน้าวัดสามวันแล้ว"
    assert summary_line(summary, "ประเภท:") == "ประเภท: ถนน ทางเท้า สะพาน"


def test_a_too_short_sentence_still_asks_for_the_details(smart_chat: Chat) -> None:
    smart_chat.say("ขยะ")
    replies = smart_chat.say("ขยะ ความสะอาด")
    assert "กรุณาเล่ารายละเอียด" in replies[-1].text
    assert PROMPTS["photos"] in text_of(smart_chat.say("ขยะไม่ได้เก็บมาหนึ่งสัปดาห์"))


def test_other_categories_shows_the_full_list(smart_chat: Chat) -> None:
    smart_chat.say("ไฟถนนดับหน้าวัดสามวันแล้ว")
    replies = smart_chat.say("หมวดอื่น ๆ")
    assert sends(replies) == [*PUBLIC_NAMES, "ยกเลิก"]
    assert PROMPTS["photos"] in text_of(smart_chat.say("น้ำประปา"))


def test_a_sticker_instead_of_a_suggestion_shows_the_suggestions_again(smart_chat: Chat) -> None:
    smart_chat.say("ไฟถนนดับหน้าวัดสามวันแล้ว")
    replies = smart_chat.sticker()
    assert "กรุณาเลือกประเภทเรื่องจากปุ่มด้านล่าง" in text_of(replies)
    assert sends(replies)[0] == "ไฟฟ้าส่องสว่าง สายไฟ"


def test_a_free_sentence_about_corruption_starts_a_protected_report() -> None:
    chat = Chat(now=NOW, understand=lambda text: Understood("corruption"))
    replies = chat.say("ปลัดรับเงินผู้รับเหมาถนนสายหลัก")
    assert "คุ้มครองผู้แจ้งเบาะแส" in replies[0].text
    assert PROMPTS["photos"] in replies[-1].text
    chat.say("ข้าม")
    chat.say("ข้าม")
    summary = chat.say("ไม่ระบุตัวตน")
    assert summary_line(summary, "รายละเอียด:") == "รายละเอียด: ปลัดรับเงินผู้รับเหมาถนนสายหลัก"


def test_a_too_short_sentence_about_corruption_asks_for_the_details() -> None:
    chat = Chat(now=NOW, understand=lambda text: Understood("corruption"))
    replies = chat.say("โกง")
    assert "คุ้มครองผู้แจ้งเบาะแส" in replies[0].text
    assert "ไม่ต้องระบุชื่อตัวเอง" in replies[-1].text


def test_a_sentence_that_is_not_understood_gets_the_menu() -> None:
    chat = Chat(now=NOW, understand=lambda text: Understood("unknown"))
    replies = chat.say("ขอบคุณมากครับ")
    assert "ไม่เข้าใจ" in replies[0].text
    assert labels(replies) == MENU_LABELS
    assert chat.draft is None


# --- notices ----------------------------------------------------------------------------------


def test_pending_notices_come_first_in_the_next_reply_and_only_once(chat: Chat) -> None:
    chat.store.add_notice(chat.user_id, "แจ้งความคืบหน้าเรื่องเลขที่ 2570-000009", NOW)
    chat.store.add_notice("U-someone-else", "ไม่ใช่ของคุณ", NOW)
    chat.store.commit()
    replies = chat.say("ร้องเรียน")
    assert replies[0].text == "แจ้งความคืบหน้าเรื่องเลขที่ 2570-000009"
    assert PROMPTS["category"] in replies[-1].text
    assert "ไม่ใช่ของคุณ" not in text_of(replies)
    mine = [n for n in chat.store.notices if n.notice.line_user_id == chat.user_id]
    assert [(n.delivered_at, n.via) for n in mine] == [(NOW, "reply")]
    assert "2570-000009" not in text_of(chat.say(LIGHT))
    assert chat.store.pending_notices("U-someone-else")


def test_notices_are_delivered_with_the_greeting_too(chat: Chat) -> None:
    chat.store.add_notice(chat.user_id, "เรื่องของคุณดำเนินการแล้วเสร็จ", NOW)
    replies = chat.send("follow")
    assert [r.text for r in replies][0] == "เรื่องของคุณดำเนินการแล้วเสร็จ"
    assert "สวัสดี" in replies[1].text


# --- case numbers ----------------------------------------------------------------------------


def _file_one(store: FakeStore, user: str, now: datetime) -> str:
    chat = Chat(store, user_id=user, now=now)
    reach(chat, "confirm")
    return confirm(chat)[0]


def test_case_numbers_follow_each_other_and_restart_each_fiscal_year() -> None:
    store = FakeStore()
    sep_30_evening = datetime(2026, 9, 30, 16, 59, tzinfo=UTC)  # 23:59 in Bangkok
    oct_1_night = datetime(2026, 9, 30, 17, 30, tzinfo=UTC)  # 00:30 on 1 October in Bangkok
    assert _file_one(store, "U1", datetime(2026, 3, 1, 3, 0, tzinfo=UTC)) == "2569-000001"
    assert _file_one(store, "U2", datetime(2026, 3, 1, 4, 0, tzinfo=UTC)) == "2569-000002"
    assert _file_one(store, "U1", sep_30_evening) == "2569-000003"
    assert _file_one(store, "U3", oct_1_night) == "2570-000001"
    assert _file_one(store, "U2", oct_1_night) == "2570-000002"
    assert [c.fiscal_year for c in store.complaints] == [2569, 2569, 2569, 2570, 2570]


def test_a_rolled_back_filing_leaves_no_case_and_the_draft_where_it_was(chat: Chat) -> None:
    # The adapter rolls back when anything fails after handle(); LINE redelivers the event.
    reach(chat, "confirm")
    handle(Inbound(chat.user_id, "text", "ยืนยัน"), Context(store=chat.store, now=NOW))
    chat.store.rollback()
    assert chat.store.complaints == []
    number, _ = confirm(chat)
    assert number == "2570-000001"
