"""POST /callback with the real SDK: signatures, the inbox, exactly-once processing, replies."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select

from bot.db import new_session
from bot.db.complaints.tables import ComplaintRow
from bot.db.line.tables import LineEvent, PushLog
from tests.fakes.fake_line import FakeLine
from tests.support.line import (
    ACCESS_TOKEN,
    USER,
    line_config,
    message_event,
    post,
    process,
    say,
    sign,
    text_event,
    webhook_body,
)

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 2000


def events_stored(app: Flask) -> list[LineEvent]:
    with new_session(app) as s:
        return list(s.scalars(select(LineEvent).order_by(LineEvent.id)))


def test_without_channel_secret_answers_503_and_keeps_nothing(app: Flask) -> None:
    body = webhook_body(text_event("ร้องเรียน"))
    r = app.test_client().post("/callback", data=body, headers={"X-Line-Signature": sign(body)})
    assert r.status_code == 503
    assert events_stored(app) == []


@pytest.mark.parametrize(
    "signature",
    [None, "", "bm90IGEgc2lnbmF0dXJl", sign("{}"), sign("x", secret="another-channel")],
    ids=["missing", "empty", "garbage", "other-body", "other-secret"],
)
def test_forged_or_missing_signature_is_refused_and_nothing_answered(
    line_app: Flask, line: FakeLine, signature: str | None
) -> None:
    r = post(line_app, webhook_body(text_event("ร้องเรียน")), signature)
    assert r.status_code == 400
    assert events_stored(line_app) == []
    assert process(line_app) == 0
    assert line.replies == []


def test_signature_is_checked_on_the_raw_body(line_app: Flask) -> None:
    body = webhook_body(text_event("สวัสดี"))
    reformatted = json.dumps(json.loads(body), indent=2, ensure_ascii=False)
    assert post(line_app, reformatted, sign(body)).status_code == 400


def test_empty_events_is_a_verification_call(line_app: Flask) -> None:
    assert post(line_app, webhook_body()).status_code == 200
    assert events_stored(line_app) == []


def test_body_that_is_not_json_is_a_clear_400(line_app: Flask) -> None:
    assert post(line_app, "not json").status_code == 400


def test_batch_is_stored_together_and_each_event_answered(line_app: Flask, line: FakeLine) -> None:
    users = [f"U{str(i) * 32}" for i in range(1, 4)]
    body = webhook_body(*(text_event("ติดตามเรื่อง", u) for u in users))
    assert post(line_app, body).status_code == 200
    assert [e.user_id for e in events_stored(line_app)] == users
    assert process(line_app) == 3
    assert len(line.replies) == 3
    assert all("ยังไม่พบเรื่องที่ท่านแจ้ง" in texts[0] for texts in line.reply_texts())
    assert line.auth_headers[0] == f"Bearer {ACCESS_TOKEN}"


def test_redelivered_event_is_processed_once(line_app: Flask, line: FakeLine) -> None:
    event = text_event("ร้องเรียน")
    assert post(line_app, webhook_body(event)).status_code == 200
    process(line_app)
    again = dict(event, deliveryContext={"isRedelivery": True})
    assert post(line_app, webhook_body(again)).status_code == 200
    assert process(line_app) == 0
    assert len(events_stored(line_app)) == 1
    assert len(line.replies) == 1


def test_redelivery_before_processing_is_still_one_event(line_app: Flask, line: FakeLine) -> None:
    event = text_event("ร้องเรียน")
    post(line_app, webhook_body(event))
    post(line_app, webhook_body(dict(event, deliveryContext={"isRedelivery": True})))
    assert process(line_app) == 1
    assert len(line.replies) == 1


def test_standby_group_and_unknown_events_are_kept_without_answers(
    line_app: Flask, line: FakeLine
) -> None:
    standby = text_event("ร้องเรียน", mode="standby")
    standby.pop("replyToken")
    group = text_event("ร้องเรียน")
    group["source"] = {"type": "group", "groupId": "C" + "1" * 32, "userId": USER}
    future = {
        "type": "somethingNew",
        "mode": "active",
        "timestamp": 1763780000000,
        "source": {"type": "user", "userId": USER},
        "webhookEventId": "01FUTURE0000000000000000",
        "deliveryContext": {"isRedelivery": False},
    }
    unfollow = {
        "type": "unfollow",
        "mode": "active",
        "timestamp": 1763780000000,
        "source": {"type": "user", "userId": USER},
        "webhookEventId": "01UNFOLLOW00000000000000",
        "deliveryContext": {"isRedelivery": False},
    }
    assert post(line_app, webhook_body(standby, group, future, unfollow)).status_code == 200
    assert process(line_app) == 4
    assert [e.status for e in events_stored(line_app)] == ["ignored"] * 4
    assert line.replies == []


def test_follow_greets_with_the_menu(line_app: Flask, line: FakeLine) -> None:
    follow = text_event("")
    follow.update(type="follow", follow={"isUnblocked": False})
    follow.pop("message")
    post(line_app, webhook_body(follow))
    process(line_app)
    reply = line.replies[0]["messages"][0]
    labels = [i["action"]["label"] for i in reply["quickReply"]["items"]]
    assert labels == ["ร้องเรียน/ร้องทุกข์", "แจ้งเบาะแสทุจริต", "ประเมินความพึงพอใจ", "ติดตามเรื่อง"]


def test_failing_reply_api_loses_nothing(line_app: Flask, line: FakeLine) -> None:
    line.reply_status = 400
    for text in [
        "แจ้งเบาะแสทุจริต",
        "มีการเรียกรับเงินใต้โต๊ะในการขออนุญาตก่อสร้าง",
        "ข้าม",
        "ข้าม",
        "ไม่ระบุตัวตน",
        "ยืนยัน",
    ]:
        say(line_app, text)
    with new_session(line_app) as s:
        row = s.scalars(select(ComplaintRow)).one()
    assert row.category == "corruption"
    assert row.line_user_id is None  # the reporter is not linked to their LINE account
    assert all(e.status == "done" for e in events_stored(line_app))


def test_ack_does_not_wait_for_a_hanging_reply_api(
    make_app: Callable[..., Flask], line: FakeLine
) -> None:
    gate = threading.Event()
    line.reply_gate = gate
    app = make_app(**line_config(line), BACKGROUND_WORKERS=True)
    # The reply API is held until the acknowledgement is back: if processing held the
    # acknowledgement, this post would never return 200 before the gate opens.
    r = post(app, webhook_body(text_event("ติดตามเรื่อง")))
    assert r.status_code == 200
    assert line.replies == []
    gate.set()
    for _ in range(100):
        if line.replies:
            break
        threading.Event().wait(0.05)
    assert len(line.replies) == 1


def test_complaint_through_line_with_photo_and_location(
    line_app: Flask, line: FakeLine, tmp_path: Path
) -> None:
    line.contents["photo1"] = JPEG
    line.profiles[USER] = "สมชาย ใจดี"
    say(line_app, "ร้องเรียน")
    say(line_app, "ถนน ทางเท้า สะพาน")
    say(line_app, "ถนนหน้าโรงเรียนเป็นหลุมลึก รถจักรยานยนต์ล้มบ่อย")
    post(line_app, webhook_body(message_event({"type": "image", "id": "photo1"})))
    process(line_app)
    assert "ได้รับรูปที่ 1" in line.last_texts()[0]
    say(line_app, "เสร็จแล้ว")
    location = {
        "type": "location",
        "id": "loc1",
        "latitude": 16.5,
        "longitude": 102.1,
        "address": "ถนนมิตรภาพ ชุมแพ",
    }
    post(line_app, webhook_body(message_event(location)))
    process(line_app)
    say(line_app, "081-234-5678")
    assert "สมชาย ใจดี 0812345678" in line.last_texts()[0]
    say(line_app, "ยืนยัน")
    assert "เลขที่เรื่อง: 25" in line.last_texts()[0]
    with new_session(line_app) as s:
        row = s.scalars(select(ComplaintRow)).one()
    assert row.category == "road" and row.unit == "กองช่าง"
    assert row.latitude == 16.5 and row.address == "ถนนมิตรภาพ ชุมแพ"
    assert row.phone == "0812345678" and row.contact_name == "สมชาย ใจดี"
    assert (tmp_path / "uploads" / row.photos[0]).read_bytes() == JPEG
    say(line_app, "ติดตามเรื่อง")
    assert row.case_number in line.last_texts()[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"GIF89a" + b"\x00" * 50, None), (b"%PDF-1.4 hello", "ไม่ใช่รูปภาพ"), (None, "ไม่สำเร็จ")],
    ids=["gif-ok", "not-an-image", "download-fails"],
)
def test_photo_checks(
    line_app: Flask, line: FakeLine, content: bytes | None, message: str | None
) -> None:
    if content is not None:
        line.contents["p"] = content
    say(line_app, "ร้องเรียน")
    say(line_app, "ขยะ ความสะอาด")
    say(line_app, "ขยะไม่มีคนมาเก็บหนึ่งสัปดาห์")
    post(line_app, webhook_body(message_event({"type": "image", "id": "p"})))
    process(line_app)
    reply = line.last_texts()[0]
    if message is None:
        assert "ได้รับรูปที่ 1" in reply
    else:
        assert message in reply and "ลองส่งใหม่" in reply


def test_oversized_photo_is_refused(make_app: Callable[..., Flask], line: FakeLine) -> None:
    app = make_app(**line_config(line), MAX_PHOTO_BYTES=1024)
    line.contents["big"] = JPEG
    for t in ["ร้องเรียน", "ขยะ ความสะอาด", "ขยะไม่มีคนมาเก็บหนึ่งสัปดาห์"]:
        say(app, t)
    post(app, webhook_body(message_event({"type": "image", "id": "big"})))
    process(app)
    assert "ขนาดเกิน" in line.last_texts()[0]


def file_by_line(app: Flask) -> str:
    for t in ["ร้องเรียน", "น้ำประปา", "น้ำประปาไม่ไหลสองวันแล้ว", "ข้าม", "ข้าม", "ใช้ชื่อ LINE", "ยืนยัน"]:
        say(app, t)
    with new_session(app) as s:
        return s.scalars(select(ComplaintRow.case_number)).one()


def test_status_change_is_pushed_and_counted(line_app: Flask, line: FakeLine) -> None:
    case = file_by_line(line_app)
    result = line_app.test_cli_runner().invoke(
        args=["complaint", "set-status", case, "in_progress", "--note", "ส่งช่างไปตรวจแล้ว"]
    )
    assert result.exit_code == 0, result.output
    assert "แจ้งผู้ร้องทาง LINE แล้ว" in result.output
    assert line.pushes[0]["to"] == USER
    assert "ส่งช่างไปตรวจแล้ว" in line.pushes[0]["messages"][0]["text"]
    with new_session(line_app) as s:
        assert s.scalar(select(func.count()).select_from(PushLog)) == 1


def test_no_push_budget_left_tells_the_citizen_on_their_next_message(
    make_app: Callable[..., Flask], line: FakeLine
) -> None:
    app = make_app(**line_config(line), PUSH_MONTHLY_LIMIT=0)
    case = file_by_line(app)
    result = app.test_cli_runner().invoke(
        args=["complaint", "set-status", case, "resolved", "--note", "ซ่อมท่อเรียบร้อย"]
    )
    assert result.exit_code == 0, result.output
    assert line.pushes == []
    say(app, "สวัสดี")
    texts = line.last_texts()
    assert "ดำเนินการแล้วเสร็จ" in texts[0] and "ซ่อมท่อเรียบร้อย" in texts[0]
    say(app, "สวัสดี")
    assert not any("ซ่อมท่อเรียบร้อย" in t for t in line.last_texts())


def test_a_flooding_user_is_asked_once_to_slow_down(
    make_app: Callable[..., Flask], line: FakeLine
) -> None:
    app = make_app(**line_config(line), LINE_USER_MESSAGES_PER_MINUTE=3)
    other = "U" + "b" * 32
    body = webhook_body(*[text_event("สวัสดี") for _ in range(6)], text_event("สวัสดี", other))
    assert post(app, body).status_code == 200
    assert process(app) == 7
    texts = line.reply_texts()
    assert len(texts) == 5  # three answers, one request to slow down, the other user's answer
    assert sum("ส่งข้อความถี่เกินไป" in t[0] for t in texts) == 1
    assert [e.error for e in events_stored(app)].count("rate limited") == 3


def test_privacy_notice_comes_before_the_first_complaint_only(
    make_app: Callable[..., Flask], line: FakeLine
) -> None:
    app = make_app(**line_config(line), PRIVACY_NOTICE_REQUIRED=True)
    say(app, "ร้องเรียน")
    assert "ประกาศความเป็นส่วนตัว" in line.last_texts()[0]
    say(app, "ถนน ทางเท้า สะพาน")  # not an acknowledgement: asked again
    assert "กรุณากดยอมรับ" in line.last_texts()[0]
    say(app, "รับทราบและยอมรับ")
    assert "ประเภทใด" in line.last_texts()[-1]  # the complaint starts right away
    say(app, "ยกเลิก")
    say(app, "ร้องเรียน")
    assert "ประกาศความเป็นส่วนตัว" not in line.last_texts()[0]


def test_oversized_body_is_refused_before_it_is_read(line_app: Flask) -> None:
    body = webhook_body(text_event("ก" * 600_000))  # ≈1.8 MB of UTF-8: not something LINE sends
    assert post(line_app, body).status_code == 413
    assert events_stored(line_app) == []


def test_only_post_is_answered(line_app: Flask) -> None:
    assert line_app.test_client().get("/callback").status_code == 405


def test_control_characters_in_chat_are_dropped_not_fatal(line_app: Flask, line: FakeLine) -> None:
    """A NUL or escape code inside a LINE message (PostgreSQL refuses NUL in text) is removed;
    the complaint is kept with the rest of the text as typed."""
    say(line_app, "ร้องเรียน")
    say(line_app, "ขยะ ความสะอาด")
    say(line_app, "ขยะไม่มีคน\x00มาเก็บ\x1b[31mหนึ่งสัปดาห์\nแล้วครับ")
    say(line_app, "ข้าม")
    say(line_app, "ข้าม")
    say(line_app, "081\x00-234-5678")
    say(line_app, "ยืนยัน")
    assert "เลขที่เรื่อง: 25" in line.last_texts()[0]
    with new_session(line_app) as s:
        row = s.scalars(select(ComplaintRow)).one()
    assert row.phone == "0812345678"
    assert row.details == "ขยะไม่มีคนมาเก็บ[31mหนึ่งสัปดาห์ แล้วครับ"
