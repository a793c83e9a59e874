"""Tracking a case in LINE, and what a status change does for the citizen."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from handlers.complaints.domain import Status
from handlers.complaints.usecases import ComplaintDraft, file_complaint, set_status, track
from handlers.shared import Channel, DomainError
from tests.fakes.fake_store import FakeStore
from tests.support.chat import Chat, text_of

# 2 March 2026, 10:15 in Bangkok: fiscal year 2569.
NOW = datetime(2026, 3, 2, 3, 15, tzinfo=UTC)
OWNER = "U-owner"
THAI = re.compile(r"[\u0e00-\u0e7f]")
MENU_LABELS = ["ร้องเรียน/ร้องทุกข์", "แจ้งเบาะแสทุจริต", "ประเมินความพึงพอใจ", "ติดตามเรื่อง"]


def file(
    store: FakeStore,
    user: str | None = OWNER,
    *,
    category: str = "road",
    anonymous: bool = False,
    at: datetime = NOW,
) -> tuple[str, str]:
    filed = file_complaint(
        store,
        ComplaintDraft(
            category=category,
            details="ถนนเป็นหลุมลึกหน้าโรงเรียน",
            anonymous=anonymous,
            line_user_id=None if anonymous else user,
            contact_name="" if anonymous else "สมศรี",
        ),
        Channel.LINE,
        at,
    )
    store.commit()
    return filed.complaint.case_number, filed.secret_code


def other_code(code: str) -> str:
    """A well-formed tracking code that is not `code`."""
    return "ABCDEF" if code != "ABCDEF" else "GHJKMN"


def not_found_text(number: str) -> str:
    return (
        f"ไม่พบเรื่องเลขที่ {number} ในบัญชีของท่าน หากแจ้งแบบไม่ระบุตัวตน กรุณาพิมพ์เลขที่เรื่องตามด้วยรหัสติดตามที่ได้รับ"
    )


# --- "ติดตามเรื่อง": my cases --------------------------------------------------------------------


def test_track_lists_my_cases_newest_first_with_thai_status(store: FakeStore) -> None:
    first, _ = file(store)
    second, _ = file(store, at=NOW + timedelta(hours=1))
    file(store, "U-neighbour")
    set_status(store, first, "in_progress", "ส่งช่างไปตรวจแล้ว", NOW + timedelta(days=1))
    store.commit()
    replies = Chat(store, user_id=OWNER, now=NOW + timedelta(days=1)).say("ติดตามเรื่อง")
    assert replies[-1].text.splitlines() == [
        "เรื่องของท่าน:",
        f"• {second} รับเรื่องแล้ว",
        f"• {first} กำลังดำเนินการ",
        "พิมพ์เลขที่เรื่องเพื่อดูรายละเอียด",
    ]
    assert [q.label for q in replies[-1].quick_replies] == MENU_LABELS


def test_track_with_no_cases_explains_how_anonymous_cases_are_found(store: FakeStore) -> None:
    file(store, anonymous=True)  # filed from this account, but not linked to it
    replies = Chat(store, user_id=OWNER, now=NOW).say("ติดตามเรื่อง")
    assert "ยังไม่พบเรื่องที่ท่านแจ้งผ่านบัญชีนี้" in replies[-1].text
    assert "เลขที่เรื่องตามด้วยรหัสติดตาม" in replies[-1].text
    assert [q.label for q in replies[-1].quick_replies] == MENU_LABELS


def test_track_shows_at_most_ten_cases(store: FakeStore) -> None:
    numbers = [file(store, at=NOW + timedelta(minutes=i))[0] for i in range(12)]
    text = text_of(Chat(store, user_id=OWNER, now=NOW).say("ติดตามเรื่อง"))
    assert numbers[-1] in text and numbers[2] in text
    assert numbers[0] not in text and numbers[1] not in text


# --- one case by its number ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["2569-000001", "๒๕๖๙-๐๐๐๐๐๑", "ติดตามเรื่อง 2569-000001", "เรื่อง 2569-000001 ถึงไหนแล้วครับ"],
)
def test_the_owner_sees_status_and_history_by_case_number(store: FakeStore, typed: str) -> None:
    number, _ = file(store)
    assert number == "2569-000001"
    set_status(store, number, "in_progress", "ส่งช่างไปตรวจแล้ว", NOW + timedelta(days=1))
    store.commit()
    replies = Chat(store, user_id=OWNER, now=NOW + timedelta(days=2)).say(typed)
    assert replies[-1].text.splitlines() == [
        "เรื่องเลขที่ 2569-000001",
        "สถานะ: กำลังดำเนินการ",
        "รับเรื่องเมื่อ: 2 มีนาคม 2569 เวลา 10:15 น.",
        "• 3 มีนาคม 2569 เวลา 10:15 น. กำลังดำเนินการ — ส่งช่างไปตรวจแล้ว",
    ]


@pytest.mark.parametrize("with_code", ["{n} {c}", "{n} {lc}", "{n} รหัส {c}", "{c} {n}"])
def test_anyone_with_the_tracking_code_sees_the_case(store: FakeStore, with_code: str) -> None:
    number, code = file(store, anonymous=True)
    typed = with_code.format(n=number, c=code, lc=code.lower())
    replies = Chat(store, user_id="U-somewhere", now=NOW).say(typed)
    assert replies[-1].text.startswith(f"เรื่องเลขที่ {number}\nสถานะ: รับเรื่องแล้ว")


def test_a_case_number_in_thai_digits_with_the_code_is_found(store: FakeStore) -> None:
    number, code = file(store, anonymous=True)
    thai = number.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    replies = Chat(store, user_id="U-somewhere", now=NOW).say(f"{thai} {code}")
    assert replies[-1].text.startswith(f"เรื่องเลขที่ {number}")


def test_without_the_code_someone_else_cannot_see_the_case(store: FakeStore) -> None:
    number, _ = file(store)
    replies = Chat(store, user_id="U-stranger", now=NOW).say(number)
    assert replies[-1].text.startswith("กรุณาพิมพ์รหัสติดตาม 6 ตัว")  # asked for, not shown
    assert "สถานะ" not in text_of(replies)


def test_a_wrong_code_reads_exactly_like_a_case_that_does_not_exist(store: FakeStore) -> None:
    number, code = file(store, anonymous=True)
    chat = Chat(store, user_id="U-stranger", now=NOW)
    wrong = chat.say(f"{number} {other_code(code)}")
    missing = chat.say(f"2569-000099 {code}")
    assert wrong[-1].text == not_found_text(number)
    assert missing[-1].text == not_found_text("2569-000099")
    assert "ถนน" not in text_of(wrong)


def test_the_owners_code_does_not_open_another_case(store: FakeStore) -> None:
    mine, my_code = file(store, "U-a")
    theirs, _ = file(store, "U-b")
    replies = Chat(store, user_id="U-a", now=NOW).say(f"{theirs} {my_code}")
    assert replies[-1].text == not_found_text(theirs)
    assert mine not in text_of(replies)


def test_track_use_case_needs_number_and_code_together(store: FakeStore) -> None:
    number, code = file(store)
    assert track(store, number, code).case_number == number
    assert track(store, f" {number.lower()} ", f" {code[:3].lower()} {code[3:]} ") is not None
    assert track(store, number, other_code(code)) is None
    assert track(store, "2569-000099", code) is None


# --- status changes -------------------------------------------------------------------------------


def test_status_moves_from_received_to_in_progress_to_resolved_with_history(
    store: FakeStore,
) -> None:
    number, _ = file(store)
    day1, day5 = NOW + timedelta(days=1), NOW + timedelta(days=5)
    set_status(store, number, "in_progress", "  ส่งช่างไปตรวจแล้ว ", day1, actor="admin")
    set_status(store, number, "resolved", "ซ่อมเสร็จแล้ว", day5, actor="admin")
    store.commit()
    c = store.get_complaint(number)
    assert c.status == Status.RESOLVED
    assert [(h.status, h.note, h.at, h.actor) for h in c.history] == [
        (Status.IN_PROGRESS, "ส่งช่างไปตรวจแล้ว", day1, "admin"),
        (Status.RESOLVED, "ซ่อมเสร็จแล้ว", day5, "admin"),
    ]
    assert c.updated_at == day5
    # The spreadsheet mirror hears of the filing and of each change.
    assert [(o.kind, o.entity_id, o.created_at) for o in store.outbox] == [
        ("complaint", number, NOW),
        ("complaint", number, day1),
        ("complaint", number, day5),
    ]


def test_the_line_user_is_told_on_their_next_message(store: FakeStore) -> None:
    number, _ = file(store)
    set_status(store, number, "in_progress", "ส่งช่างไปตรวจแล้ว", NOW + timedelta(days=1))
    store.commit()
    assert [n.text for n in store.pending_notices(OWNER)] == [
        f"แจ้งความคืบหน้าเรื่องเลขที่ {number}\nสถานะ: กำลังดำเนินการ\nหมายเหตุ: ส่งช่างไปตรวจแล้ว"
    ]
    replies = Chat(store, user_id=OWNER, now=NOW + timedelta(days=2)).say("สวัสดี")
    assert replies[0].text.startswith(f"แจ้งความคืบหน้าเรื่องเลขที่ {number}")
    assert "สวัสดี" in replies[-1].text
    assert store.pending_notices(OWNER) == []


def test_a_change_without_note_tells_only_the_status(store: FakeStore) -> None:
    number, _ = file(store)
    set_status(store, number, "forwarded", "", NOW)
    assert [n.text for n in store.pending_notices(OWNER)] == [
        f"แจ้งความคืบหน้าเรื่องเลขที่ {number}\nสถานะ: ส่งต่อหน่วยงานอื่น"
    ]


def test_no_notice_for_an_anonymous_case(store: FakeStore) -> None:
    number, _ = file(store, anonymous=True)
    set_status(store, number, "resolved", "ซ่อมเสร็จแล้ว", NOW)
    assert store.notices == []
    assert store.get_complaint(number).status == Status.RESOLVED


def test_a_forwarded_case_may_come_back(store: FakeStore) -> None:
    number, _ = file(store)
    set_status(store, number, "forwarded", "ส่งการไฟฟ้าส่วนภูมิภาค", NOW)
    set_status(store, number, "in_progress", "การไฟฟ้าส่งกลับมา", NOW)
    assert store.get_complaint(number).status == Status.IN_PROGRESS


@pytest.mark.parametrize("final", ["resolved", "rejected"])
@pytest.mark.parametrize("then", [s.value for s in Status])
def test_a_closed_case_is_final(store: FakeStore, final: str, then: str) -> None:
    number, _ = file(store)
    set_status(store, number, final, "ปิดเรื่อง", NOW)
    store.commit()
    with pytest.raises(DomainError) as e:
        set_status(store, number, then, "เปิดใหม่", NOW)
    assert THAI.search(str(e.value))
    assert store.get_complaint(number).status == Status(final)


@pytest.mark.parametrize(
    ("start", "then", "message"),
    [
        ([], "received", "อยู่ในสถานะ “รับเรื่องแล้ว” อยู่แล้ว"),
        (["in_progress"], "in_progress", "อยู่ในสถานะ “กำลังดำเนินการ” อยู่แล้ว"),
        (["in_progress"], "received", "เปลี่ยนสถานะจาก “กำลังดำเนินการ” เป็น “รับเรื่องแล้ว” ไม่ได้"),
        (["resolved"], "in_progress", "เปลี่ยนสถานะจาก “ดำเนินการแล้วเสร็จ” เป็น “กำลังดำเนินการ” ไม่ได้"),
    ],
)
def test_invalid_transitions_are_refused_in_thai(
    store: FakeStore, start: list[str], then: str, message: str
) -> None:
    number, _ = file(store)
    for status in start:
        set_status(store, number, status, "", NOW)
    with pytest.raises(DomainError, match=message):
        set_status(store, number, then, "", NOW)


def test_an_unknown_status_is_refused_with_the_valid_ones(store: FakeStore) -> None:
    number, _ = file(store)
    with pytest.raises(DomainError, match="สถานะ “done” ไม่ถูกต้อง") as e:
        set_status(store, number, "done", "", NOW)
    assert "in_progress" in str(e.value) and "resolved" in str(e.value)


def test_an_unknown_case_is_refused(store: FakeStore) -> None:
    with pytest.raises(DomainError, match="ไม่พบเรื่องเลขที่ 2569-000404"):
        set_status(store, "2569-000404", "resolved", "", NOW)


def test_a_refused_change_leaves_no_trace(store: FakeStore) -> None:
    number, _ = file(store)
    set_status(store, number, "resolved", "ซ่อมเสร็จแล้ว", NOW)
    store.commit()
    before = (len(store.outbox), len(store.notices))
    with pytest.raises(DomainError):
        set_status(store, number, "in_progress", "", NOW)
    assert (len(store.outbox), len(store.notices)) == before
    assert len(store.get_complaint(number).history) == 1


def test_the_case_number_may_be_typed_loosely(store: FakeStore) -> None:
    number, _ = file(store)
    set_status(store, f"  {number} ", "in_progress", "", NOW)
    assert store.get_complaint(number).status == Status.IN_PROGRESS


# --- due date -----------------------------------------------------------------------------------


def test_the_answer_is_due_15_days_after_filing(store: FakeStore) -> None:
    number, _ = file(store)
    c = store.get_complaint(number)
    assert c.due_at == NOW + timedelta(days=15)
    assert not c.is_overdue(NOW + timedelta(days=15))
    assert c.is_overdue(NOW + timedelta(days=15, minutes=1))


def test_a_closed_case_is_never_overdue(store: FakeStore) -> None:
    number, _ = file(store)
    set_status(store, number, "resolved", "ซ่อมเสร็จแล้ว", NOW + timedelta(days=20))
    assert not store.get_complaint(number).is_overdue(NOW + timedelta(days=40))


def test_a_case_in_progress_can_still_be_overdue(store: FakeStore) -> None:
    number, _ = file(store)
    set_status(store, number, "in_progress", "", NOW + timedelta(days=1))
    assert store.get_complaint(number).is_overdue(NOW + timedelta(days=16))
