"""The core's replies as LINE SDK messages."""

from __future__ import annotations

from linebot.v3.messaging import (
    CameraAction,
    CameraRollAction,
    FlexContainer,
    FlexMessage,
    LocationAction,
    Message,
    MessageAction,
    QuickReply,
    QuickReplyItem,
    TextMessage,
)

from handlers.conversations.messages import QuickReply as CoreQuickReply
from handlers.conversations.messages import Reply

MAX_MESSAGES = 5  # the reply and push APIs take at most five messages
MAX_TEXT = 5000
MAX_QUICK_REPLIES = 13


def to_messages(replies: list[Reply]) -> list[Message]:
    replies = _fit(replies)
    return [_message(r) for r in replies]


def _fit(replies: list[Reply]) -> list[Reply]:
    """Join the earliest texts when there are more than five, so nothing is silently dropped."""
    if len(replies) <= MAX_MESSAGES:
        return replies
    extra = len(replies) - MAX_MESSAGES + 1
    joined = Reply("\n\n".join(r.text for r in replies[:extra]))
    return [joined, *replies[extra:]]


def _message(r: Reply) -> Message:
    qr = _quick_reply(r.quick_replies)
    if r.flex:
        return FlexMessage(
            alt_text=r.text[:400], contents=FlexContainer.from_dict(r.flex), quick_reply=qr
        )
    return TextMessage(text=r.text[:MAX_TEXT], quick_reply=qr)


def _quick_reply(items: tuple[CoreQuickReply, ...]) -> QuickReply | None:
    if not items:
        return None
    return QuickReply(items=[QuickReplyItem(action=_action(i)) for i in items[:MAX_QUICK_REPLIES]])


def _action(i: CoreQuickReply) -> CameraAction | CameraRollAction | LocationAction | MessageAction:
    label = i.label[:20]
    if i.kind == "location":
        return LocationAction(label=label)
    if i.kind == "camera":
        return CameraAction(label=label)
    if i.kind == "camera_roll":
        return CameraRollAction(label=label)
    return MessageAction(label=label, text=i.text or i.label)
