"""An office that says ค่ะ never sends ครับ: pushed notices, and the LINE processor's own
words (a failure, a request to slow down), speak as every chat reply does."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.complaints.tables import ComplaintRow
from handlers.conversations import engine
from tests.fakes.fake_line import FakeLine
from tests.support.cli import cli
from tests.support.line import (
    USER,
    labels,
    line_config,
    post,
    process,
    say,
    text_event,
    webhook_body,
)

OFFICE = "เทศบาลตำบลหนองรี"


def speaks_kha(app: Flask) -> Flask:
    cli(app, "settings", "set", "particle", "ค่ะ")
    cli(app, "settings", "set", "office_name", OFFICE)
    return app


def file_by_line(app: Flask) -> str:
    for t in ["ร้องเรียน", "น้ำประปา", "น้ำประปาไม่ไหลสองวันแล้ว", "ข้าม", "ข้าม", "ใช้ชื่อ LINE", "ยืนยัน"]:
        say(app, t)
    with new_session(app) as s:
        return s.scalars(select(ComplaintRow.case_number)).one()


def test_a_status_change_is_pushed_in_the_office_s_voice(line_app: Flask, line: FakeLine) -> None:
    app = speaks_kha(line_app)
    case = file_by_line(app)
    note = "ช่างซ่อมท่อเรียบร้อยแล้วครับ"
    cli(app, "complaint", "set-status", case, "resolved", "--note", note)
    [message] = line.pushes[-1]["messages"]
    assert line.pushes[-1]["to"] == USER
    text = message["text"]
    assert f"แจ้งความคืบหน้าเรื่องเลขที่ {case}" in text
    assert "หมายเหตุ: ช่างซ่อมท่อเรียบร้อยแล้วค่ะ" in text
    assert "ครับ" not in text
    # The notice says "แตะ: ประเมินเรื่อง ..." and offers exactly that to tap.
    assert f"แตะ: ประเมินเรื่อง {case}" in text
    [tap] = message["quickReply"]["items"]
    assert tap["action"]["text"] == f"ประเมินเรื่อง {case}" and labels([message]) == ["ประเมินเรื่อง"]


def test_the_processor_s_own_words_take_the_particle(
    make_app: Callable[..., Flask], line: FakeLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = speaks_kha(make_app(**line_config(line), LINE_USER_MESSAGES_PER_MINUTE=1))
    assert post(app, webhook_body(*[text_event("สวัสดี") for _ in range(2)])).status_code == 200
    process(app)
    slow_down = line.last_texts()[0]
    assert "ส่งข้อความถี่เกินไป" in slow_down and slow_down.endswith("นะคะ")

    def broken(*_: object) -> list[object]:
        raise RuntimeError("a fault in a conversation step")

    monkeypatch.setattr(engine, "handle", broken)
    say(app, "สวัสดี", "U" + "c" * 32)
    assert line.last_texts() == ["ขออภัย ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้งค่ะ"]
