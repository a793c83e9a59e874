"""A citizen types a free sentence in LINE instead of tapping the menu."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.complaints.tables import ComplaintRow
from handlers.classify import Classifier
from tests.conftest import ACCESS_TOKEN, CHANNEL_SECRET
from tests.fakes.fake_line import FakeLine
from tests.integration.test_webhook import say
from tests.unit.test_classify_fixture import small_classifier  # noqa: F401

TYPED = "ไฟถนนดับหน้าวัดสามวันแล้วครับ"
LIGHT = "ไฟฟ้าส่องสว่าง สายไฟ"


@pytest.fixture
def line_app(make_app: Callable[..., Flask], line: FakeLine) -> Flask:
    return make_app(
        LINE_CHANNEL_SECRET=CHANNEL_SECRET,
        LINE_CHANNEL_ACCESS_TOKEN=ACCESS_TOKEN,
        LINE_API_HOST=line.url,
        LINE_DATA_API_HOST=line.url,
        PRIVACY_NOTICE_REQUIRED=False,
    )


def quick_replies(line: FakeLine) -> list[str]:
    """Labels of the quick-reply buttons under the last answer."""
    last = line.replies[-1]["messages"][-1]
    return [item["action"]["label"] for item in last.get("quickReply", {}).get("items", [])]


def test_free_text_starts_a_complaint_with_the_light_category_first(
    small_classifier: Classifier,  # noqa: F811
    line_app: Flask,
    line: FakeLine,  # noqa: F811
) -> None:
    say(line_app, TYPED)
    assert LIGHT in line.last_texts()[-1]  # "เรื่องนี้น่าจะเป็นเรื่อง “ไฟฟ้าส่องสว่าง สายไฟ” ..."
    buttons = quick_replies(line)
    assert buttons[0] == LIGHT
    assert "หมวดอื่น ๆ" in buttons and "ยกเลิก" in buttons

    say(line_app, buttons[0])
    # The typed sentence is the details: the next question is about photos, not details.
    assert "รูป" in line.last_texts()[-1]
    assert "รายละเอียด" not in line.last_texts()[-1]
    say(line_app, "ข้าม")
    say(line_app, "ข้าม")
    say(line_app, "ไม่ระบุตัวตน")
    assert f"รายละเอียด: {TYPED}" in line.last_texts()[-1]
    say(line_app, "ยืนยัน")
    assert "เลขที่เรื่อง: 25" in line.last_texts()[0]
    with new_session(line_app) as s:
        row = s.scalars(select(ComplaintRow)).one()
    assert (row.category, row.details, row.unit) == ("light", TYPED, "กองช่าง")


def test_free_text_about_a_bribe_opens_the_protected_channel(
    small_classifier: Classifier,  # noqa: F811
    line_app: Flask,
    line: FakeLine,  # noqa: F811
) -> None:
    say(line_app, "เจ้าหน้าที่เรียกเงินใต้โต๊ะ 5000 บาทถึงจะออกใบอนุญาตให้")
    texts = " ".join(line.last_texts())
    assert "คุ้มครองผู้แจ้งเบาะแส" in texts
    assert "รูป" in line.last_texts()[-1]  # details already given by the sentence


def test_small_talk_gets_the_menu_not_silence(
    small_classifier: Classifier,  # noqa: F811
    line_app: Flask,
    line: FakeLine,  # noqa: F811
) -> None:
    say(line_app, "กินข้าวยัง")
    assert line.replies, "the bot must answer"
    assert "ร้องเรียน" in " ".join(quick_replies(line))
