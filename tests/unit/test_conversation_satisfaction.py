"""Rating a service and a complaint's handling in chat, against the in-memory store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from handlers.complaints.usecases import ComplaintDraft, file_complaint, set_status
from handlers.satisfaction.model import Kind
from handlers.shared import Channel
from tests.fakes.fake_satisfaction import SatisfactionFakeStore
from tests.support.chat import Chat, labels, sends, text_of

NOW = datetime(2026, 3, 2, 3, 15, tzinfo=UTC)  # 10:15 in Bangkok
SCORE_LABELS = ["5 มากที่สุด", "4 มาก", "3 ปานกลาง", "2 น้อย", "1 น้อยที่สุด", "ยกเลิก"]


@pytest.fixture
def chat() -> Chat:
    return Chat(SatisfactionFakeStore(), user_id="U-citizen", now=NOW)


def ratings(chat: Chat) -> list:  # type: ignore[type-arg]
    return chat.store.satisfaction.ratings  # type: ignore[attr-defined]


def rate(chat: Chat, service: str = "งานทะเบียนราษฎร", scores: str = "54345") -> str:
    chat.say("ประเมินความพึงพอใจ")
    chat.say(service)
    for s in scores:
        chat.say(s)
    chat.say("ข้าม")
    return text_of(chat.say("ข้าม"))


def test_every_step_with_re_prompts_and_respondent_details(chat: Chat) -> None:
    first = chat.say("ประเมินความพึงพอใจ")
    assert "รับบริการงานใด" in first[-1].text
    assert labels(first)[:4] == [
        "งานทะเบียนราษฎร",
        "งานจัดเก็บภาษี",
        "งานขออนุญาตก่อสร้าง",
        "สวัสดิการเบี้ยยังชีพ",
    ]
    assert "ป้องกันและบรรเทา…" in labels(first)  # whole words within LINE's 20 characters
    assert "งานป้องกันและบรรเทาสาธารณภัย" in sends(first)
    assert len(first[-1].quick_replies) <= 13
    assert "กรุณาเลือกงานบริการ" in text_of(chat.say("ทำบัตรประชาชน"))
    asked = chat.say("งานทะเบียนราษฎร")
    assert "ข้อ 1/5 ขั้นตอนและระยะเวลา" in asked[-1].text and labels(asked) == SCORE_LABELS
    assert sends(asked)[0] == "5 มากที่สุด"
    for wrong in ("อะไรนะ", "6", "5 น้อย"):
        again = chat.say(wrong)
        assert "กรุณาแตะคะแนน 1–5" in again[0].text and "ข้อ 1/5" in again[-1].text
    assert "ข้อ 1/5" in text_of(chat.sticker())  # a sticker is re-asked too
    for label, nxt in [
        ("5 มากที่สุด", "ข้อ 2/5 เจ้าหน้าที่ผู้ให้บริการ"),
        ("4 มาก", "ข้อ 3/5"),
        ("๓", "ข้อ 4/5 คุณภาพการให้บริการ"),
        ("มาก", "ข้อ 5/5 ความพึงพอใจโดยรวม"),
    ]:
        assert nxt in chat.say(label)[-1].text
    comment = chat.say("5 มากที่สุด")
    assert "ข้อเสนอแนะ" in comment[-1].text and labels(comment) == ["ข้าม", "ยกเลิก"]
    assert "ข้อความยาวเกิน" in text_of(chat.say("ก" * 1001))
    about = chat.say("อยากให้มีที่จอดรถเพิ่ม")
    assert "เพศ" in about[-1].text and "ข้าม" in labels(about)
    assert "กรุณาเลือกจากปุ่ม" in text_of(chat.say("ไม่บอก"))
    assert "อายุ" in chat.say("หญิง")[-1].text
    assert "อาชีพ" in chat.say("60 ปีขึ้นไป")[-1].text
    done = chat.say("เกษตรกร")
    assert "ขอบคุณที่ประเมินความพึงพอใจ “งานทะเบียนราษฎร”" in done[-1].text
    assert chat.draft is None
    [r] = ratings(chat)
    assert r.kind == Kind.SERVICE and r.service_code == "reg"
    assert r.scores == {"process": 5, "staff": 4, "facilities": 3, "quality": 4, "overall": 5}
    assert (r.comment, r.gender, r.age_band, r.occupation) == (
        "อยากให้มีที่จอดรถเพิ่ม",
        "หญิง",
        "60 ปีขึ้นไป",
        "เกษตรกร",
    )
    assert r.respondent_key and "U-citizen" not in r.respondent_key


def test_skipping_the_comment_and_details_saves_at_once(chat: Chat) -> None:
    chat.say("ประเมินความพึงพอใจ")
    chat.say("tax")  # the code works as well as the name
    for _ in range(5):
        chat.say("4")
    chat.say("ข้าม")
    assert "ขอบคุณ" in text_of(chat.say("ข้าม"))
    [r] = ratings(chat)
    assert r.service_code == "tax" and r.comment == "" and r.gender == ""


def test_cancel_keeps_nothing(chat: Chat) -> None:
    chat.say("ประเมินความพึงพอใจ")
    chat.say("งานทะเบียนราษฎร")
    chat.say("5")
    assert "ยกเลิกรายการแล้ว" in text_of(chat.say("ยกเลิก"))
    assert ratings(chat) == []


def test_not_asked_the_same_service_twice_a_day(chat: Chat) -> None:
    assert "ขอบคุณ" in rate(chat)
    again = chat.say("ประเมินความพึงพอใจ")
    assert "งานทะเบียนราษฎร" not in labels(again) and "งานจัดเก็บภาษี" in labels(again)
    refused = chat.say("งานทะเบียนราษฎร")
    assert "วันนี้ท่านประเมิน “งานทะเบียนราษฎร” ไปแล้ว" in refused[0].text
    chat.say("ยกเลิก")
    chat.wait(60 * 14)  # 00:15 the next day in Bangkok
    assert "งานทะเบียนราษฎร" in labels(chat.say("ประเมินความพึงพอใจ"))
    assert len(ratings(chat)) == 1


def test_another_user_may_rate_the_same_service(chat: Chat) -> None:
    rate(chat)
    other = Chat(chat.store, user_id="U-other", now=NOW)
    assert "ขอบคุณ" in rate(other)
    assert len({r.respondent_key for r in ratings(chat)}) == 2


def test_everything_rated_today(chat: Chat) -> None:
    for s in chat.store.satisfaction.services():  # type: ignore[attr-defined]
        rate(chat, s.name)
    assert "ประเมินครบทุกงานบริการแล้ว" in text_of(chat.say("ประเมินความพึงพอใจ"))
    assert chat.draft is None


def _resolved_case(chat: Chat, user: str | None = "U-citizen") -> str:
    filed = file_complaint(
        chat.store,
        ComplaintDraft(category="road", details="ถนนเป็นหลุมลึกหน้าโรงเรียน", line_user_id=user),
        Channel.LINE,
        NOW - timedelta(days=3),
    )
    number = filed.complaint.case_number
    set_status(chat.store, number, "resolved", "ซ่อมถนนแล้ว", NOW - timedelta(days=1))
    chat.store.commit()
    return number


def test_resolved_case_asks_for_a_rating_and_the_flow_links_it(chat: Chat) -> None:
    number = _resolved_case(chat)
    [notice] = chat.store.notices
    assert f"ประเมินเรื่อง {number}" in notice.notice.text and "ดำเนินการแล้วเสร็จ" in notice.notice.text
    first = chat.say(f"ประเมินเรื่อง {number}")
    assert first[0].text == notice.notice.text  # the pending notice comes first
    assert f"การจัดการเรื่องเลขที่ {number}" in first[-1].text and labels(first) == SCORE_LABELS
    assert "กรุณาแตะคะแนน" in text_of(chat.say("อะไรนะ"))
    assert "ข้อเสนอแนะ" in chat.say("4 มาก")[-1].text
    assert f"ขอบคุณที่ประเมินการจัดการเรื่องเลขที่ {number}" in text_of(chat.say("ซ่อมเร็วดีครับ"))
    [r] = ratings(chat)
    assert (r.kind, r.case_number, r.scores, r.comment) == (
        Kind.COMPLAINT,
        number,
        {"handling": 4},
        "ซ่อมเร็วดีครับ",
    )
    assert "ได้รับการประเมินแล้ว" in text_of(chat.say(f"ประเมินเรื่อง {number}"))


def test_only_the_complainant_rates_and_only_when_done(chat: Chat) -> None:
    number = _resolved_case(chat)
    stranger = Chat(chat.store, user_id="U-stranger", now=NOW)
    assert f"ไม่พบเรื่องเลขที่ {number}" in text_of(stranger.say(f"ประเมินเรื่อง {number}"))
    open_case = file_complaint(
        chat.store,
        ComplaintDraft(category="road", details="ไฟถนนดับหลายดวง", line_user_id="U-citizen"),
        Channel.LINE,
        NOW,
    ).complaint.case_number
    chat.store.commit()
    assert "ยังดำเนินการไม่เสร็จ" in text_of(chat.say(f"ประเมินเรื่อง {open_case}"))
    assert "ตามด้วยเลขที่เรื่อง" in text_of(chat.say("ประเมินเรื่อง"))
    assert ratings(chat) == []


def test_a_status_change_that_does_not_close_the_case_asks_nothing(chat: Chat) -> None:
    filed = file_complaint(
        chat.store,
        ComplaintDraft(category="road", details="ถนนเป็นหลุมลึกหน้าโรงเรียน", line_user_id="U-x"),
        Channel.LINE,
        NOW,
    )
    set_status(chat.store, filed.complaint.case_number, "in_progress", "", NOW)
    assert "ประเมินเรื่อง" not in chat.store.notices[0].notice.text
