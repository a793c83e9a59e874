"""Random walks through every conversation, on the real store: never a crash, never silence,
never a user stuck (ยกเลิก always leaves)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Flask
from hypothesis import given
from hypothesis import strategies as st

from bot.db import new_session
from bot.db.store import SqlStore
from handlers.conversations import engine
from handlers.conversations.messages import Inbound, Reply
from handlers.conversations.session import Actor, Context
from tests.support.fuzz import fuzz

START = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
FREE_TEXT = [
    "ไฟถนนดับหน้าวัด",
    "๐๘๑๒๓๔๕๖๗๘",
    "2570-000001 ABC234",
    "สวัสดีครับ",
    "😀",
    "x" * 4000,
    "=SUM(A1)",
    "ยกเลิก",
    "ข้าม",
    "ยืนยัน",
    "แก้ไข",
    "ไม่ระบุตัวตน",
    "มาตรการ ๓ ๖๐%",
    "",
]

# Each step: (what to send, which quick reply or word to pick, minutes passing)
STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "reply",
                "reply",
                "reply",
                "word",
                "free",
                "sticker",
                "image",
                "location",
                "postback",
                "follow",
            ]
        ),
        st.integers(min_value=0, max_value=50),
        st.sampled_from([0, 0, 0, 1, 31]),
    ),
    min_size=1,
    max_size=25,
)


def message(kind: str, pick: int, last: list[Reply], user: str) -> Inbound:
    options = [q.text for r in last for q in r.quick_replies if q.kind == "message"]
    if kind == "reply" and options:
        return Inbound(user, "text", text=options[pick % len(options)], display_name="ทดสอบ")
    if kind in ("word", "reply"):
        words = sorted(engine.WORDS)
        return Inbound(user, "text", text=words[pick % len(words)], display_name="ทดสอบ")
    if kind == "free":
        return Inbound(user, "text", text=FREE_TEXT[pick % len(FREE_TEXT)])
    if kind == "image":
        return Inbound(
            user,
            "image",
            image_path=None if pick % 3 == 0 else f"p{pick}.jpg",
            image_error="ดาวน์โหลดรูปไม่สำเร็จ" if pick % 3 == 0 else None,
        )
    if kind == "location":
        return Inbound(
            user, "location", latitude=16.0 + pick / 100, longitude=102.0, address="หมู่ 3"
        )
    if kind == "postback":
        return Inbound(user, "postback", text=f"action=unknown&n={pick}")
    return Inbound(user, kind)  # type: ignore[arg-type]


@fuzz(120)
@given(steps=STEPS, staff=st.booleans(), privacy=st.booleans())
def test_random_conversations_never_crash_or_strand_a_user(
    app: Flask, steps: list[tuple[str, int, int]], staff: bool, privacy: bool
) -> None:
    # One app for all the examples of a run (hypothesis reuses function-scoped fixtures).
    user = f"U-fuzz-{abs(hash((tuple(steps), staff, privacy))) % 10**9}"
    actor = Actor(role="staff", staff_id=None, unit="กองช่าง", name="ทดสอบ") if staff else Actor()
    now = START
    last: list[Reply] = []
    for kind, pick, minutes in steps:
        now += timedelta(minutes=minutes)
        msg = message(kind, pick, last, user)
        with new_session(app) as s:
            store = SqlStore(s)
            ctx = Context(store=store, now=now, actor=actor, require_privacy_ack=privacy)
            last = engine.handle(msg, ctx)
            store.commit()
        assert last, f"no answer to {msg}"
        assert all(r.text.strip() for r in last)
        assert all(len(q.label) <= 20 for r in last for q in r.quick_replies)
    with new_session(app) as s:
        store = SqlStore(s)
        engine.handle(Inbound(user, "text", text="ยกเลิก"), Context(store=store, now=now))
        store.commit()
        assert store.load_conversation(user) is None
