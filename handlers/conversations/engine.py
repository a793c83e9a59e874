"""Routes each inbound message to the open conversation's step, or starts one."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from types import ModuleType

from handlers.complaints.domain import find_case_number
from handlers.conversations import (
    assets,
    complaint,
    gifts,
    menu,
    privacy,
    progress,
    register,
    satisfaction,
    service_counts,
    staff,
    tracking,
)
from handlers.conversations import summary as summary_flow
from handlers.conversations.answers import resolve
from handlers.conversations.messages import Inbound, QuickReply, Reply, choices
from handlers.conversations.session import (
    DRAFT_TTL_MINUTES,
    Context,
    Outcome,
    Session,
    Starter,
    Step,
)
from handlers.conversations.voice import strings_in
from handlers.intents import STARTERS
from handlers.thai.answers import closest, strip_polite
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
    assets,
)

FLOWS: dict[str, dict[str, Step]] = {
    m.FLOW: m.STEPS for m in MODULES if hasattr(m, "FLOW") and hasattr(m, "STEPS")
}
INTENTS: dict[str, Starter] = {k: v for m in MODULES for k, v in getattr(m, "INTENTS", {}).items()}
WORDS: dict[str, str] = {k: v for m in MODULES for k, v in getattr(m, "WORDS", {}).items()}
# Words that start a conversation when a message begins with them ("ประเมินเรื่อง 2570-000001").
PREFIXES: dict[str, str] = {k: v for m in MODULES for k, v in getattr(m, "PREFIXES", {}).items()}


# The conversation each starting intent opens (intents of the menu open none).
INTENT_FLOWS: dict[str, str] = {
    k: m.FLOW for m in MODULES if hasattr(m, "FLOW") for k in getattr(m, "INTENTS", {})
}
# Starters that, typed in the middle of a conversation, only ask its question again.
HARMLESS = frozenset({"greeting"})
_CANCEL_WORDS = (menu.CANCEL, "cancel")
# Words of the office's replies that tell the reader to tap something.
_TAP = ("แตะ", "กดปุ่ม", "กด “")
_TAP_WHAT = re.compile(r"แตะ\s*:\s*([^\n]+)")


def _home(ctx: Context, text: str) -> Reply:
    """The menu a user returns to: staff get theirs, citizens the citizens' menu."""
    return staff.staff_menu(text) if staff.is_staff(ctx) else menu.menu(text)


def _greeting(ctx: Context) -> Reply:
    return staff.staff_greeting(ctx) if staff.is_staff(ctx) else menu.greeting()


def _greet(ctx: Context, msg: Inbound, text: str) -> Outcome:
    return Outcome([_greeting(ctx)], None)


# Staff are greeted with their own menu (menu.py knows only the citizens').
INTENTS.update(greeting=_greet, help=_greet)


def _not_understood(ctx: Context, msg: Inbound, text: str) -> Outcome:
    if staff.is_staff(ctx):
        return Outcome([_home(ctx, menu.not_understood().text)], None)
    return Outcome([menu.not_understood()], None)


def handle(msg: Inbound, ctx: Context) -> list[Reply]:
    """What the user sees in answer to `msg`, in the office's voice; state changes join
    ctx.store's transaction."""
    seen: list[Session] = []
    replies = _with_taps(_handle(msg, ctx, seen), ctx)
    # What the user typed and what their draft holds is shown back as they wrote it.
    keep = [msg.text, *(x for s in seen for x in strings_in(s.data))]
    return [ctx.voice.reply(r, keep) for r in replies]


def _handle(msg: Inbound, ctx: Context, seen: list[Session]) -> list[Reply]:
    replies = _deliver_notices(msg, ctx)
    if msg.kind == "follow":
        ctx.store.delete_conversation(msg.user_id)
        return [*replies, _greeting(ctx)]
    text = normalize(msg.text) if msg.kind in ("text", "postback") else ""
    msg = _with_text(msg, text)
    session, expired = _load(msg.user_id, ctx)
    if session is not None:
        seen.append(Session.from_dict(session.to_dict()))
    if _is_cancel(text):
        ctx.store.delete_conversation(msg.user_id)
        word = "ยกเลิกรายการแล้วครับ" if session else "ไม่มีรายการที่ค้างอยู่ครับ"
        return [*replies, _home(ctx, word)]
    if expired:
        replies.append(Reply("รายการที่ทำค้างไว้หมดเวลาแล้ว (เกิน 30 นาที) กรุณาเริ่มใหม่ครับ"))
    outcome = _continue(session, msg, ctx) if session else _start(msg, ctx)
    outcome = _resume(outcome, msg, ctx)
    if outcome.session is not None:
        outcome.session.offered = _offered(outcome.replies)
        seen.append(outcome.session)
    _save(msg.user_id, outcome.session, ctx)
    return [*replies, *outcome.replies]


def _is_cancel(text: str) -> bool:
    bare = strip_polite(text).casefold()
    return bare in _CANCEL_WORDS or closest(bare, [menu.CANCEL]) is not None


def _offered(replies: list[Reply]) -> list[str]:
    """What the buttons under the last reply send (only those show in LINE)."""
    if not replies:
        return []
    return [q.text for q in replies[-1].quick_replies if q.kind == "message" and q.text]


def _with_taps(replies: list[Reply], ctx: Context) -> list[Reply]:
    """A reply that tells the reader to tap gets the buttons of the question that follows
    it, or the menu when nothing follows."""
    out: list[Reply] = []
    for i, r in enumerate(replies):
        if r.quick_replies or not any(w in r.text for w in _TAP):
            out.append(r)
            continue
        later = next((x.quick_replies for x in replies[i + 1 :] if x.quick_replies), ())
        out.append(replace(r, quick_replies=later or _home(ctx, "").quick_replies))
    return out


def _resume(outcome: Outcome, msg: Inbound, ctx: Context) -> Outcome:
    """A step may hand over to the start of another conversation (after the privacy notice)."""
    s = outcome.session
    if s is None or s.flow != privacy.RESUME:
        return outcome
    started = INTENTS.get(s.step, _not_understood)(ctx, msg, s.data.get("text", ""))
    return Outcome([*outcome.replies, *started.replies], _opened_by(s.step, started.session))


def _continue(session: Session, msg: Inbound, ctx: Context) -> Outcome:
    step = FLOWS.get(session.flow, {}).get(session.step)
    if step is None:  # a state written by an older version: start over rather than get stuck
        return Outcome([_home(ctx, "ขออภัย รายการเดิมใช้ต่อไม่ได้ กรุณาเริ่มใหม่ครับ")], None)
    if msg.kind not in ("text", "postback"):
        return step(session, msg, ctx)
    if not _has_words(msg.text):
        # Emoji or punctuation alone answers nothing: the step asks its question again.
        return step(session, replace(msg, kind="other", text=""), ctx)
    meant = resolve(msg.text, session.offered)
    if meant is not None:
        return step(session, replace(msg, text=meant), ctx)
    intent = _starter(msg.text)
    if intent is None:
        return step(session, msg, ctx)
    if intent in HARMLESS or _same_conversation(intent, session):
        # "ร้องทุก" while filing a complaint is not its details: ask the question again.
        return step(session, replace(msg, kind="other", text=""), ctx)
    # A menu word of another conversation: the user has moved on.
    started = _start_intent(intent, msg, ctx, "")
    note = Reply("ยกเลิกรายการที่ทำค้างไว้แล้วครับ")
    return Outcome([note, *started.replies], started.session)


def _same_conversation(intent: str, session: Session) -> bool:
    """Whether a menu word names the conversation already open (so it is no new start)."""
    if session.intent:
        return intent == session.intent
    return INTENT_FLOWS.get(intent) == session.flow


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _starter(text: str) -> str | None:
    """The conversation a whole message asks for by its menu word, typos and all."""
    bare = strip_polite(text)
    if bare in WORDS:
        return WORDS[bare]
    near = closest(bare, WORDS)
    return WORDS[near] if near else None


def _start(msg: Inbound, ctx: Context) -> Outcome:
    if msg.kind not in ("text", "postback") or not msg.text:
        return Outcome([menu.not_understood()], None)
    intent = _starter(msg.text)
    if intent is None:
        intent = next((v for k, v in PREFIXES.items() if msg.text.startswith(k)), None)
    free_text = ""
    if intent is None and find_case_number(msg.text):
        intent = "track"
    if intent is None and ctx.understand is not None:
        understood = ctx.understand(msg.text)
        intent = understood.name
        # A story starts a complaint and becomes its details; a starter word never does.
        if intent in ("complaint", "corruption") and not _is_starter_phrase(msg.text):
            free_text = msg.text
    return _start_intent(intent, msg, ctx, free_text)


def _is_starter_phrase(text: str) -> bool:
    bare = strip_polite(text)
    phrases = [p for name in ("complaint", "corruption") for p in STARTERS[name]]
    return bare in phrases or closest(bare, phrases) is not None


def _start_intent(intent: str | None, msg: Inbound, ctx: Context, free_text: str) -> Outcome:
    if intent and privacy.needed(ctx, msg.user_id, intent):
        return privacy.ask(intent, free_text)
    started = INTENTS.get(intent or "", _not_understood)(ctx, msg, free_text)
    return Outcome(started.replies, _opened_by(intent or "", started.session))


def _opened_by(intent: str, session: Session | None) -> Session | None:
    """A conversation just started remembers the intent that opened it."""
    if session is not None and not session.intent and INTENT_FLOWS.get(intent) == session.flow:
        session.intent = intent
    return session


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
    return [notice_reply(n.text) for n in notices]


def notice_reply(text: str) -> Reply:
    """A notice as sent, by reply or by push: with the button its "แตะ:" names."""
    return Reply(text, _tap_in(text))


def _tap_in(text: str) -> tuple[QuickReply, ...]:
    """A notice that says "แตะ: ประเมินเรื่อง 2570-000001" offers exactly that to tap."""
    found = _TAP_WHAT.search(text)
    return choices(found.group(1).strip()) if found else ()


def _with_text(msg: Inbound, text: str) -> Inbound:
    return replace(msg, text=text)
