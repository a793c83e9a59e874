"""Rating a service, and a resolved complaint's handling, through the LINE webhook."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask

from handlers import clock
from tests.fakes.fake_line import FakeLine
from tests.support.line import USER, labels, say
from tests.support.stored import satisfaction_rows

SCORE_LABELS = ["5 มากที่สุด", "4 มาก", "3 ปานกลาง", "2 น้อย", "1 น้อยที่สุด", "ยกเลิก"]
ACCEPT = "รับทราบและยอมรับ"


def answer_to(app: Flask, line: FakeLine, text: str, user: str = USER) -> list[dict]:  # type: ignore[type-arg]
    """The messages the bot answers `text` with."""
    say(app, text, user)
    return line.replies[-1]["messages"]


def texts(messages: list[dict]) -> str:  # type: ignore[type-arg]
    return "\n".join(m.get("text", "") for m in messages)


def start(app: Flask, line: FakeLine, user: str = USER) -> list[dict]:  # type: ignore[type-arg]
    """ประเมินความพึงพอใจ, through the privacy notice when this user has not accepted it yet."""
    messages = answer_to(app, line, "ประเมินความพึงพอใจ", user)
    if ACCEPT in labels(messages):
        messages = answer_to(app, line, ACCEPT, user)
    return messages


def test_rate_a_service_step_by_step_with_re_prompts(line_app: Flask, line: FakeLine) -> None:
    first = start(line_app, line)
    assert "รับบริการงานใด" in texts(first)
    assert labels(first)[:3] == ["งานทะเบียนราษฎร", "งานจัดเก็บภาษี", "งานขออนุญาตก่อสร้าง"]
    assert "กรุณาเลือกงานบริการ" in texts(answer_to(line_app, line, "อะไรก็ได้"))
    asked = answer_to(line_app, line, "งานขออนุญาตก่อสร้าง")
    assert "ข้อ 1/5 ขั้นตอนและระยะเวลา" in texts(asked) and labels(asked) == SCORE_LABELS
    wrong = answer_to(line_app, line, "อะไรนะ")
    assert "กรุณาแตะคะแนน 1–5" in texts(wrong) and "ข้อ 1/5" in texts(wrong)
    for label, nxt in [
        ("5 มากที่สุด", "ข้อ 2/5 เจ้าหน้าที่ผู้ให้บริการ"),
        ("4 มาก", "ข้อ 3/5 สิ่งอำนวยความสะดวก"),
        ("2 น้อย", "ข้อ 4/5 คุณภาพการให้บริการ"),
        ("4 มาก", "ข้อ 5/5 ความพึงพอใจโดยรวม"),
        ("4 มาก", "ข้อเสนอแนะ"),
    ]:
        assert nxt in texts(answer_to(line_app, line, label))
    assert "เพศ" in texts(answer_to(line_app, line, "ที่จอดรถไม่พอ"))
    assert "อายุ" in texts(answer_to(line_app, line, "ชาย"))
    done = answer_to(line_app, line, "ข้าม")
    assert "ขอบคุณที่ประเมินความพึงพอใจ “งานขออนุญาตก่อสร้าง”" in texts(done)
    [row] = satisfaction_rows(line_app)
    assert row.service_code == "build" and row.channel == "line" and row.kind == "service"
    assert row.scores == {"process": 5, "staff": 4, "facilities": 2, "quality": 4, "overall": 4}
    assert (row.comment, row.gender, row.age_band) == ("ที่จอดรถไม่พอ", "ชาย", "")
    assert USER not in row.respondent_key  # the LINE ID itself is not kept


def test_once_a_day_per_service(line_app: Flask, line: FakeLine) -> None:
    start(line_app, line)
    for text in ["งานจัดเก็บภาษี", "5", "5", "5", "5", "5", "ข้าม", "ข้าม"]:
        answer_to(line_app, line, text)
    again = answer_to(line_app, line, "ประเมินความพึงพอใจ")
    assert "งานจัดเก็บภาษี" not in labels(again) and "งานทะเบียนราษฎร" in labels(again)
    refused = answer_to(line_app, line, "งานจัดเก็บภาษี")
    assert "วันนี้ท่านประเมิน “งานจัดเก็บภาษี” ไปแล้ว" in texts(refused)
    assert len(satisfaction_rows(line_app)) == 1
    # Someone else is asked as usual.
    other = "U" + "b" * 32
    assert "งานจัดเก็บภาษี" in labels(start(line_app, line, other))


def test_resolved_complaint_asks_for_a_rating_linked_to_the_case(
    line_app: Flask, line: FakeLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    for text in ["ร้องเรียน", "ถนน ทางเท้า สะพาน"]:
        messages = answer_to(line_app, line, text)
        if ACCEPT in labels(messages):
            answer_to(line_app, line, ACCEPT)
    for text in ["ถนนหน้าโรงเรียนเป็นหลุมลึก", "ข้าม", "ข้าม", "ใช้ชื่อ LINE"]:
        answer_to(line_app, line, text)
    filed = texts(answer_to(line_app, line, "ยืนยัน"))
    number = filed.split("เลขที่เรื่อง: ")[1].split()[0]
    runner = line_app.test_cli_runner()
    done = runner.invoke(args=["complaint", "set-status", number, "resolved", "--note", "ซ่อมแล้ว"])
    assert done.exit_code == 0, done.output
    pushed = line.pushes[-1]["messages"][0]["text"]
    assert "ดำเนินการแล้วเสร็จ" in pushed and f"ประเมินเรื่อง {number}" in pushed
    asked = answer_to(line_app, line, f"ประเมินเรื่อง {number}")
    assert f"การจัดการเรื่องเลขที่ {number}" in texts(asked) and labels(asked) == SCORE_LABELS
    assert "กรุณาแตะคะแนน" in texts(answer_to(line_app, line, "โอเค"))
    answer_to(line_app, line, "3 ปานกลาง")
    assert "ขอบคุณที่ประเมินการจัดการเรื่อง" in texts(answer_to(line_app, line, "ช้าไปหน่อย"))
    [row] = satisfaction_rows(line_app)
    assert (row.kind, row.case_number, row.scores, row.comment) == (
        "complaint",
        number,
        {"handling": 3},
        "ช้าไปหน่อย",
    )
    assert "ได้รับการประเมินแล้ว" in texts(answer_to(line_app, line, f"ประเมินเรื่อง {number}"))


def test_a_new_day_in_bangkok_opens_the_service_again(
    line_app: Flask, line: FakeLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    start(line_app, line)
    for text in ["งานประปา", "4", "4", "4", "4", "4", "ข้าม", "ข้าม"]:
        answer_to(line_app, line, text)
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    monkeypatch.setattr("bot.line.processor.utcnow", lambda: tomorrow)
    monkeypatch.setattr("bot.services.utcnow", lambda: tomorrow)
    assert "งานประปา" in labels(answer_to(line_app, line, "ประเมินความพึงพอใจ"))
    assert (
        clock.local(tomorrow).date() > clock.local(satisfaction_rows(line_app)[0].created_at).date()
    )
