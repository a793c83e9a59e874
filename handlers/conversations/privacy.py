"""Asks for the privacy acknowledgement before a conversation that collects personal data."""

from __future__ import annotations

from handlers import privacy
from handlers.conversations.menu import CANCEL
from handlers.conversations.messages import Inbound, Reply, choices
from handlers.conversations.session import Context, Outcome, Session

FLOW = "privacy"
ACCEPT = "รับทราบและยอมรับ"
# After acknowledging, the engine resumes the conversation the user asked for.
RESUME = "__resume__"

NEEDS_ACK = frozenset({"complaint", "corruption", "satisfaction"})


def needed(ctx: Context, user_id: str, intent: str) -> bool:
    return (
        ctx.require_privacy_ack
        and intent in NEEDS_ACK
        and not ctx.store.has_privacy_ack(user_id, privacy.VERSION)
    )


def ask(intent: str, text: str) -> Outcome:
    s = Session(FLOW, "ack", {"intent": intent, "text": text})
    return Outcome([_question()], s)


def _question() -> Reply:
    return Reply(privacy.SUMMARY + "\n\nกด “" + ACCEPT + "” เพื่อดำเนินการต่อ", choices(ACCEPT, CANCEL))


def on_ack(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    if msg.kind in ("text", "postback") and msg.text.strip() in (ACCEPT, "ยอมรับ", "รับทราบ"):
        ctx.store.record_privacy_ack(msg.user_id, privacy.VERSION, ctx.channel.value, ctx.now)
        return Outcome([], Session(RESUME, s.data["intent"], {"text": s.data.get("text", "")}))
    return Outcome([Reply("กรุณากดยอมรับเพื่อดำเนินการต่อ หรือกด “ยกเลิก”"), _question()], s)


STEPS = {"ack": on_ack}
