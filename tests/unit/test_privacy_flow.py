"""The privacy notice in chat: shown once before personal data is collected."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.conversations.engine import handle
from handlers.conversations.messages import Inbound
from handlers.conversations.session import Context
from handlers.privacy import VERSION
from tests.fakes.fake_store import FakeStore

NOW = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)


def say(store: FakeStore, text: str, user: str = "U1") -> list[str]:
    ctx = Context(store=store, now=NOW, require_privacy_ack=True)
    replies = handle(Inbound(user, "text", text=text), ctx)
    store.commit()
    return [r.text for r in replies]


def test_notice_before_a_complaint_then_the_complaint_starts(store: FakeStore) -> None:
    first = say(store, "ร้องเรียน")
    assert "ประกาศความเป็นส่วนตัว" in first[0]
    assert not store.has_privacy_ack("U1", VERSION)
    after = say(store, "รับทราบและยอมรับ")
    assert "ประเภทใด" in after[-1]
    assert store.has_privacy_ack("U1", VERSION)


def test_corruption_report_also_asks_but_only_once_per_user(store: FakeStore) -> None:
    assert "ประกาศความเป็นส่วนตัว" in say(store, "แจ้งเบาะแสทุจริต")[0]
    say(store, "รับทราบและยอมรับ")
    say(store, "ยกเลิก")
    assert "ประกาศความเป็นส่วนตัว" not in say(store, "แจ้งเบาะแสทุจริต")[0]
    assert "ประกาศความเป็นส่วนตัว" in say(store, "ร้องเรียน", user="U2")[0]


def test_declining_leaves_nothing_behind(store: FakeStore) -> None:
    say(store, "ร้องเรียน")
    assert "ยกเลิก" in say(store, "ยกเลิก")[0]
    assert store.conversations == {} and not store.has_privacy_ack("U1", VERSION)


def test_tracking_needs_no_notice(store: FakeStore) -> None:
    assert "ประกาศ" not in say(store, "ติดตามเรื่อง")[0]
