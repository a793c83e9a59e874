"""Routes each inbound message to the open conversation's step, or starts one."""

from __future__ import annotations

from datetime import timedelta
from types import ModuleType

from handlers.complaints.domain import find_case_number
from handlers.conversations import (
    complaint,
    gifts,
    menu,
    privacy,
    progress,
    register,
    satisfaction,
    service_counts,
    tracking,
)
from handlers.conversations import summary as summary_flow
from handlers.conversations.messages import Inbound, Reply
from handlers.conversations.session import (
    DRAFT_TTL_MINUTES,
    Context,
    Outcome,
    Session,
    Starter,
    Step,
)
from handlers.conversations.voice import strings_in
from handlers.thai.normalize import normalize

# Each conversation module contributes its steps (STEPS under FLOW), the intents it starts
# (INTENTS) and the exact words that start them when tapped or typed (WORDS).
MODULES: tuple[ModuleType, ...] = (
    menu,
    privacy,
    complaint,
    tracking,
    satisfaction,
    register,
    progress,
    gifts,
    service_counts,
    summary_flow,
)

FLOWS: dict[str, dict[str, Step]] = {
    m.FLOW: m.STEPS for m in MODULES if hasattr(m, "FLOW") and hasattr(m, "STEPS")
}
INTENTS: dict[str, Starter] = {k: v for m in MODULES for k, v in getattr(m, "INTENTS", {}).items()}
WORDS: dict[str, str] = {k: v for m in MODULES for k, v in getattr(m, "WORDS", {}).items()}
# Words that start a conversation when a message begins with them ("ประเมินเรื่อง 2570-000001").
PREFIXES: dict[str, str] = {k: v for m in MODULES for k, v in getattr(m, "PREFIXES", {}).items()}


def _not_understood(ctx: Context, msg: Inbound, text: str) -> Outcome:
    return Outcome([menu.not_understood()], None)


def handle(msg: Inbound, ctx: Context) -> list[Reply]:
    """What the user sees in answer to `msg`, in the office's voice; state changes join
    ctx.store's transaction."""
    seen: list[Session] = []
    replies = _handle(msg, ctx, seen)
    # What the user typed and what their draft holds is shown back as they wrote it.
    keep = [msg.text, *(x for s in seen for x in strings_in(s.data))]
    return [ctx.voice.reply(r, keep) for r in replies]


def _handle(msg: Inbound, ctx: Context, seen: list[Session]) -> list[Reply]:
    replies = _deliver_notices(msg, ctx)
    if msg.kind == "follow":
        ctx.store.delete_conversation(msg.user_id)
        return [*replies, menu.greeting()]
    text = normalize(msg.text) if msg.kind in ("text", "postback") else ""
    msg = _with_text(msg, text)
    session, expired = _load(msg.user_id, ctx)
    if session is not None:
        seen.append(Session.from_dict(session.to_dict()))
    if text == menu.CANCEL:
        ctx.store.delete_conversation(msg.user_id)
        word = "ยกเลิกรายการแล้วครับ" if session else "ไม่มีรายการที่ค้างอยู่ครับ"
        return [*replies, menu.menu(word)]
    if expired:
        replies.append(Reply("รายการที่ทำค้างไว้หมดเวลาแล้ว (เกิน 30 นาที) กรุณาเริ่มใหม่ครับ"))
    outcome = _continue(session, msg, ctx) if session else _start(msg, ctx)
    outcome = _resume(outcome, msg, ctx)
    if outcome.session is not None:
        seen.append(outcome.session)
    _save(msg.user_id, outcome.session, ctx)
    return [*replies, *outcome.replies]


def _resume(outcome: Outcome, msg: Inbound, ctx: Context) -> Outcome:
    """A step may hand over to the start of another conversation (after the privacy notice)."""
    s = outcome.session
    if s is None or s.flow != privacy.RESUME:
        return outcome
    started = INTENTS.get(s.step, _not_understood)(ctx, msg, s.data.get("text", ""))
    return Outcome([*outcome.replies, *started.replies], started.session)


def _continue(session: Session, msg: Inbound, ctx: Context) -> Outcome:
    step = FLOWS.get(session.flow, {}).get(session.step)
    if step is None:  # a state written by an older version: start over rather than get stuck
        return Outcome([menu.menu("ขออภัย รายการเดิมใช้ต่อไม่ได้ กรุณาเริ่มใหม่ครับ")], None)
    return step(session, msg, ctx)


def _start(msg: Inbound, ctx: Context) -> Outcome:
    if msg.kind not in ("text", "postback") or not msg.text:
        return Outcome([menu.not_understood()], None)
    intent = WORDS.get(msg.text)
    if intent is None:
        intent = next((v for k, v in PREFIXES.items() if msg.text.startswith(k)), None)
    free_text = ""
    if intent is None and find_case_number(msg.text):
        intent = "track"
    if intent is None and ctx.understand is not None:
        understood = ctx.understand(msg.text)
        intent = understood.name
        if intent in ("complaint", "corruption"):
            free_text = msg.text
    if intent and privacy.needed(ctx, msg.user_id, intent):
        return privacy.ask(intent, free_text)
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
