"""Routes each inbound message to the open conversation's step, or starts one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from handlers.conversations import complaint, menu, tracking
from handlers.conversations.messages import Inbound, Reply
from handlers.conversations.session import DRAFT_TTL_MINUTES, Context, Outcome, Session, Step
from handlers.domain import find_case_number
from handlers.thai.normalize import normalize

FLOWS: dict[str, dict[str, Step]] = {complaint.FLOW: complaint.STEPS}

Starter = Callable[[Context, Inbound, str], Outcome]

# Exact words a user taps or types; free text goes through ctx.understand.
STARTERS: dict[str, str] = {
    "ร้องเรียน": "complaint",
    "ร้องทุกข์": "complaint",
    menu.COMPLAINT: "complaint",
    "ร้องเรียน/ร้องทุกข์": "complaint",
    menu.CORRUPTION: "corruption",
    "แจ้งทุจริต": "corruption",
    menu.SATISFACTION: "satisfaction",
    menu.TRACK: "track",
    "เมนู": "help",
    "สวัสดี": "greeting",
}


def _start_complaint(ctx: Context, msg: Inbound, text: str) -> Outcome:
    return complaint.start(ctx, msg, text=text)


def _start_corruption(ctx: Context, msg: Inbound, text: str) -> Outcome:
    return complaint.start(ctx, msg, corruption=True, text=text)


def _satisfaction(ctx: Context, msg: Inbound, text: str) -> Outcome:
    return Outcome([menu.menu("ขออภัย แบบประเมินความพึงพอใจทางไลน์ยังไม่เปิดให้บริการ")], None)


def _track(ctx: Context, msg: Inbound, text: str) -> Outcome:
    if find_case_number(msg.text):
        return tracking.show_case(ctx, msg)
    return tracking.list_cases(ctx, msg)


def _greeting(ctx: Context, msg: Inbound, text: str) -> Outcome:
    return Outcome([menu.greeting()], None)


def _not_understood(ctx: Context, msg: Inbound, text: str) -> Outcome:
    return Outcome([menu.not_understood()], None)


INTENTS: dict[str, Starter] = {
    "complaint": _start_complaint,
    "corruption": _start_corruption,
    "satisfaction": _satisfaction,
    "track": _track,
    "greeting": _greeting,
    "help": _greeting,
}


def handle(msg: Inbound, ctx: Context) -> list[Reply]:
    """What the user sees in answer to `msg`; state changes join ctx.store's transaction."""
    replies = _deliver_notices(msg, ctx)
    if msg.kind == "follow":
        ctx.store.delete_conversation(msg.user_id)
        return [*replies, menu.greeting()]
    text = normalize(msg.text) if msg.kind in ("text", "postback") else ""
    msg = _with_text(msg, text)
    session, expired = _load(msg.user_id, ctx)
    if text == menu.CANCEL:
        ctx.store.delete_conversation(msg.user_id)
        word = "ยกเลิกรายการแล้วครับ" if session else "ไม่มีรายการที่ค้างอยู่ครับ"
        return [*replies, menu.menu(word)]
    if expired:
        replies.append(Reply("รายการที่ทำค้างไว้หมดเวลาแล้ว (เกิน 30 นาที) กรุณาเริ่มใหม่ครับ"))
    outcome = _continue(session, msg, ctx) if session else _start(msg, ctx)
    _save(msg.user_id, outcome.session, ctx)
    return [*replies, *outcome.replies]


def _continue(session: Session, msg: Inbound, ctx: Context) -> Outcome:
    step = FLOWS.get(session.flow, {}).get(session.step)
    if step is None:  # a state written by an older version: start over rather than get stuck
        return Outcome([menu.menu("ขออภัย รายการเดิมใช้ต่อไม่ได้ กรุณาเริ่มใหม่ครับ")], None)
    return step(session, msg, ctx)


def _start(msg: Inbound, ctx: Context) -> Outcome:
    if msg.kind not in ("text", "postback") or not msg.text:
        return Outcome([menu.not_understood()], None)
    intent = STARTERS.get(msg.text)
    free_text = ""
    if intent is None and find_case_number(msg.text):
        intent = "track"
    if intent is None and ctx.understand is not None:
        understood = ctx.understand(msg.text)
        intent = understood.name
        if intent in ("complaint", "corruption"):
            free_text = msg.text
    return INTENTS.get(intent or "", _not_understood)(ctx, msg, free_text)


def _load(user_id: str, ctx: Context) -> tuple[Session | None, bool]:
    found = ctx.store.load_conversation(user_id)
    if found is None:
        return None, False
    state, updated = found
    if ctx.now - updated > timedelta(minutes=DRAFT_TTL_MINUTES):
        ctx.store.delete_conversation(user_id)
        return None, True
    return Session.from_dict(state), False


def _save(user_id: str, session: Session | None, ctx: Context) -> None:
    if session is None:
        ctx.store.delete_conversation(user_id)
    else:
        ctx.store.save_conversation(user_id, session.to_dict(), ctx.now)


def _deliver_notices(msg: Inbound, ctx: Context) -> list[Reply]:
    notices = ctx.store.pending_notices(msg.user_id)
    if not notices:
        return []
    ctx.store.mark_notices_delivered([n.id for n in notices], "reply", ctx.now)
    return [Reply(n.text) for n in notices]


def _with_text(msg: Inbound, text: str) -> Inbound:
    from dataclasses import replace

    return replace(msg, text=text)
